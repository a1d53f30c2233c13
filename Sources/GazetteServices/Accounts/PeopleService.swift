import Foundation
import GazetteContent
import GazetteStorage

/// The newsroom's people: inviting, profiles, roles and deactivation. Articles always stay with their
/// author, whatever happens to the account.
public struct PeopleService: Sendable {
    private let accounts: AccountStore
    private let authors: AuthorStore
    private let accountService: AccountService
    private let clock: Clock
    private let changes: ContentChanges
    /// Where uploaded portraits go; nil where nothing is uploaded.
    private let media: MediaLibrary?
    /// Writes invitations; nil where no mail is sent.
    private let mailer: Mailer?
    /// Which emails each person gets (see `PeopleService+Notices`).
    let notices: StaffNoticeStore?

    package init(
        accounts: AccountStore, authors: AuthorStore, accountService: AccountService, clock: Clock,
        changes: ContentChanges, media: MediaLibrary? = nil, mailer: Mailer? = nil, notices: StaffNoticeStore? = nil
    ) {
        self.notices = notices
        self.changes = changes
        self.media = media
        self.mailer = mailer
        self.accounts = accounts
        self.authors = authors
        self.accountService = accountService
        self.clock = clock
    }

    /// A portrait uploaded for `person` (by `uploader`): into the media library, described as their portrait;
    /// returns its address. Anyone may upload their own portrait, whatever their role. Refusals come back as
    /// `ValidationErrors` on `portrait_file`.
    public func uploadPortrait(
        _ bytes: [UInt8], fileName: String, for person: Author, by uploader: Author
    ) async throws -> String {
        guard let media else {
            throw ValidationErrors([
                ValidationIssue(field: "portrait_file", message: "Portraits cannot be uploaded here.")
            ])
        }
        do {
            let item = try await media.upload(
                bytes, originalName: fileName, text: MediaText(alt: "Portrait of \(person.name)"),
                uploadedBy: uploader.id)
            return SiteURL.media(item.path)
        } catch let refusal as MediaRefusal {
            throw ValidationErrors([ValidationIssue(field: "portrait_file", message: refusal.message)])
        }
    }

    /// Adds a person who signs in later through a link an admin makes (`gazette user add`).
    /// Throws `ValidationErrors` for a bad field and `StorageError.conflict` for a taken email or slug.
    public func add(_ person: NewAuthor) async throws -> Author {
        try await authors.create(person, now: clock.now())
    }

    /// Everyone with a byline, staff or not, in the order they were added.
    public func everyone() async throws -> [Author] {
        try await authors.all()
    }

    public func find(email: String) async throws -> Author? {
        try await authors.find(email: email)
    }

    /// A person named by email, slug or id, as a command's `--author` is written.
    public func find(matching text: String) async throws -> Author? {
        try await authors.find(matching: text)
    }

    public func staff() async throws -> [AccountStore.StaffMember] {
        try await accounts.staff()
    }

    public func member(id: Int64) async throws -> AccountStore.StaffMember? {
        try await accounts.member(id: id)
    }

    /// Adds a person without a password and returns the one-time link with which they choose one.
    /// Throws `ValidationErrors` naming each bad field (a taken email included).
    public func invite(_ person: NewAuthor) async throws -> (Author, link: String) {
        let valid = try person.validated()
        let author: Author
        do {
            author = try await authors.create(valid, now: clock.now())
        } catch let error as StorageError {
            throw ValidationErrors([ValidationIssue(field: "email", message: error.description)])
        }
        return (author, try await accountService.inviteLink(userID: author.id, mail: invitation(to: author)))
    }

    /// The invitation email to `author`, for the link being made (the link is also shown to the admin).
    private func invitation(to author: Author) -> (@Sendable (String, String) -> OutboxStore.NewMail?)? {
        guard let mailer, let recipient = MailAddress(author.email, name: author.name) else { return nil }
        return { path, digest in
            let title = mailer.site.current.title
            let message = mailer.message(
                to: recipient, subject: "Your invitation to the newsroom of \(title)",
                paragraphs: [
                    "Hello \(author.name),",
                    "You have an account in the newsroom of \(title), as \(author.role.rawValue). Choose your password "
                        + "with the link below; it works once, within a week.",
                ], link: ("Choose your password", mailer.urls.absolute(path: path)))
            return mailer.mail(message, event: "invite:" + digest)
        }
    }

    /// A new link for someone to (re)gain access: an invitation until they have a password, then a reset.
    public func accessLink(for member: AccountStore.StaffMember) async throws -> String {
        if member.hasPassword, let link = try await accountService.resetLink(email: member.author.email) {
            return link
        }
        return try await accountService.inviteLink(userID: member.author.id, mail: invitation(to: member.author))
    }

    /// Replaces the profile; throws `ValidationErrors` for bad fields and for a taken email or slug.
    public func updateProfile(
        id: Int64, name: String, slug: String, bio: String, avatarURL: String, email: String
    ) async throws {
        let profile = try AuthorProfile.validated(
            name: name, slug: slug, bio: bio, avatarURL: avatarURL, email: email)
        do {
            try await changes.committing(.everything) { try await authors.updateProfile(id: id, profile) }
        } catch let error as StorageError {
            throw Self.fieldError(error)
        }
    }

    /// Profile, role and access together, all or nothing. Throws `ValidationErrors` by field: the profile's
    /// fields, or `role` when the site would be left without an admin.
    public func update(
        id: Int64, name: String, slug: String, bio: String, avatarURL: String, email: String, role: Role, active: Bool
    ) async throws {
        let profile = try AuthorProfile.validated(
            name: name, slug: slug, bio: bio, avatarURL: avatarURL, email: email)
        do {
            try await changes.committing(.everything) {
                try await accounts.updateMember(id: id, profile: profile, role: role, active: active)
            }
        } catch let error as AccountStore.LastAdmin {
            throw ValidationErrors([ValidationIssue(field: active ? "role" : "active", message: error.description)])
        } catch let error as StorageError {
            throw Self.fieldError(error)
        }
    }

    private static func fieldError(_ error: StorageError) -> ValidationErrors {
        let field = error.description.contains("email") ? "email" : "slug"
        return ValidationErrors([ValidationIssue(field: field, message: error.description)])
    }
}
