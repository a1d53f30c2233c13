/// The subscribers screen: how many read the newsletters, who they are (searchable), CSV in and out.
package struct SubscribersPage: AdminPage {
    package static let template = "subscribers"

    package let chrome: AdminChrome
    /// "1,204 active · 12 unsubscribed · 3 bounced".
    package let counts: String
    package let newsletterReaders: String
    package let search: String
    package let rows: [SubscriberRow]
    package let isEmpty: Bool
    package let newerURL: String?
    package let olderURL: String?
    package let hasPager: Bool
    package let exportURL: String
    package let importError: String?
}

package struct SubscriberRow: Sendable {
    package let email: String
    package let status: String
    package let isStopped: Bool
    package let topics: String
    package let consent: String
    package let removeAction: String
}
