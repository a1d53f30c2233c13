/// The settings page: groups of fields, each with what was typed and a message when it was refused.
struct SettingsPage: Sendable {
    let chrome: AdminChrome
    let generalError: String?
    let groups: [SettingsGroupModel]
}

struct SettingsGroupModel: Sendable {
    let title: String
    let fields: [SettingFieldModel]
}

/// One setting. Exactly one of the `is…` flags is true; Mustache picks the control by it.
struct SettingFieldModel: Sendable {
    let id: String
    let name: String
    let label: String
    let hint: String?
    let value: String
    let error: String?
    /// The ids of the hint and the error, for `aria-describedby`.
    let describedBy: String?
    let isText: Bool
    let isNumber: Bool
    let isLongText: Bool
    let isChoice: Bool
    let options: [OptionModel]
}
