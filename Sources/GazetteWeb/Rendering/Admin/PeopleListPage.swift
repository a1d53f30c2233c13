/// Everyone in the newsroom, active first.
package struct PeopleListPage: AdminPage {
    package static let template = "people"

    package let chrome: AdminChrome
    package let rows: [PersonRow]
}

package struct PersonRow: Sendable {
    package let name: String
    package let editURL: String
    package let email: String
    package let role: String
    package let state: String
    package let articleCount: Int
}
