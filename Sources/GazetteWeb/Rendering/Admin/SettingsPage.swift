/// The settings page: groups of fields, each with what was typed and a message when it was refused.
package struct SettingsPage: AdminPage {
    package static let template = "settings"

    package let chrome: AdminChrome
    package let generalError: String?
    package let groups: [SettingsGroupModel]
}

package struct SettingsGroupModel: Sendable {
    package let title: String
    package let fields: [SettingFieldModel]
}

/// One setting. Exactly one of the `is…` flags is true; Mustache picks the control by it.
package struct SettingFieldModel: Sendable {
    package let id: String
    package let name: String
    package let label: String
    package let hint: String?
    package let value: String
    package let error: String?
    /// The ids of the hint and the error, for `aria-describedby`.
    package let describedBy: String?
    package let isText: Bool
    package let isNumber: Bool
    package let isLongText: Bool
    package let isChoice: Bool
    package let options: [OptionModel]
}
