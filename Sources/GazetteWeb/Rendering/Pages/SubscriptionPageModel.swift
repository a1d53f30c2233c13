import Mustache

/// A reader's subscription pages, reached from the links in their emails: confirm, stop one topic, or see
/// and manage everything they follow. Never cached; the address's token is the reader's key.
package struct SubscriptionPageModel: SitePage {
    package let site: SiteModel
    package let head: HeadModel
    package let heading: String
    /// What happened, or what the button will do.
    package let message: String
    /// The reader's own address, shown only on their own page.
    package let email: String?
    /// A form with one button (confirm, unsubscribe), when the page asks for one.
    package let action: String?
    package let actionLabel: String?
    package let following: [SubscriptionTopicRow]
    package let waiting: [SubscriptionTopicRow]
    /// "Unsubscribe from everything", on the manage page.
    package let leaveAllAction: String?
    /// Back to the manage page, from the others.
    package let manageURL: String?
}

/// One topic on the manage page, with the form that stops it.
package struct SubscriptionTopicRow: Sendable {
    package let name: String
    package let unsubscribeAction: String
}

extension SubscriptionPageModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "head": head
        case "heading": heading
        case "message": message
        case "email": email
        case "subscriptionAction": action
        case "subscriptionActionLabel": actionLabel
        case "following": following.isEmpty ? nil : following
        case "waiting": waiting.isEmpty ? nil : waiting
        case "leaveAllAction": leaveAllAction
        case "manageURL": manageURL
        default: nil
        }
    }
}

extension SubscriptionTopicRow: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "unsubscribeAction": unsubscribeAction
        default: nil
        }
    }
}
