import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import HTTPTypes
import Hummingbird

/// People in the newsroom: admins invite, change roles and deactivate; everyone edits their own profile.
package struct PeopleController: Sendable {
    package let renderer: AdminRenderer
    package let people: PeopleService
    package let urls: SiteURL
    package let audit: AuditLog

    package init(renderer: AdminRenderer, people: PeopleService, urls: SiteURL, audit: AuditLog) {
        self.renderer = renderer
        self.people = people
        self.urls = urls
        self.audit = audit
    }
    package static let profileFields = ["name", "slug", "email", "bio", "avatar_url"]

    package func list(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let rows = try await people.staff().map { member in
            PersonRow(
                name: member.author.name, editURL: AdminURL.user(member.author.id).path, email: member.author.email,
                role: member.author.role.rawValue.capitalized, state: Self.state(member),
                articleCount: member.articleCount)
        }
        return renderer.page(
            PeopleListPage(chrome: renderer.chrome(title: "People", user: user, current: "users"), rows: rows))
    }

    package func newForm(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        return renderer.page(inviteForm(user: user, values: ["role": Role.author.rawValue]))
    }

    package func create(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        let role = Role(rawValue: fields["role"]) ?? .author
        do {
            let (author, link) = try await people.invite(
                NewAuthor(name: fields["name"], email: fields["email"], role: role, bio: fields["bio"]))
            guard let member = try await people.member(id: author.id) else { throw HTTPError(.notFound) }
            await audit.record(
                .personInvited, by: user.author, target: AuditLog.person(author), detail: "as \(role.rawValue)")
            return renderer.page(
                memberForm(
                    member, user: user,
                    notice: "\(author.name) was added. An invitation is on its way to \(author.email); the same "
                        + "link is below, to send another way.",
                    newLink: urls.absolute(path: link)), status: .created)
        } catch let errors as ValidationErrors {
            var values = [String: String]()
            for name in Self.profileFields + ["role"] { values[name] = fields[name] }
            return renderer.page(
                inviteForm(user: user, values: values, errors: errors),
                status: .unprocessableContent)
        }
    }

    package func show(_ request: Request, id: Int64, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let member = try await find(id)
        let notice = request.uri.queryParameters["saved"] != nil ? "Saved." : nil
        return renderer.page(memberForm(member, user: user, notice: notice))
    }

    package func update(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        let member = try await find(id)
        var errors = ValidationErrors()
        do {
            let portrait = try await portrait(posted, for: member.author, by: user.author)
            try await people.update(
                id: id, name: fields["name"], slug: fields["slug"], bio: fields["bio"],
                avatarURL: portrait, email: fields["email"],
                role: Role(rawValue: fields["role"]) ?? member.author.role,
                active: fields.values("active").isEmpty ? member.active : fields["active"] == "1")
        } catch let problems as ValidationErrors {
            errors = problems
        }
        guard errors.isEmpty else {
            return renderer.page(
                memberForm(member, user: user, typed: fields, errors: errors),
                status: .unprocessableContent)
        }
        if let changed = try await people.member(id: id) {
            let target = AuditLog.person(changed.author)
            if changed.author.role != member.author.role {
                await audit.record(
                    .roleChanged, by: user.author, target: target,
                    detail: "\(member.author.role.rawValue) → \(changed.author.role.rawValue)")
            }
            if changed.active != member.active {
                await audit.record(
                    changed.active ? .accountReactivated : .accountDeactivated, by: user.author, target: target)
            }
        }
        return PageRenderer.redirect(to: AdminURL.user(id).path + "?saved=1", permanent: false)
    }

    /// A fresh one-time link for someone: an invitation, or a password reset once they have a password.
    package func newLink(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let user = context.user
        let member = try await find(id)
        let link = try await people.accessLink(for: member)
        await audit.record(
            .accessLinkMade, by: user.author, target: AuditLog.person(member.author),
            detail: member.hasPassword ? "a password reset link" : "an invitation link")
        return renderer.page(
            memberForm(
                member, user: user, notice: "A new link was made; earlier links keep working until they expire.",
                newLink: urls.absolute(path: link)))
    }

    package func profile(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let query = request.uri.queryParameters
        let notice =
            query["saved"] != nil ? "Saved." : query["password"] != nil ? "Your password was changed." : nil
        return renderer.page(
            profileForm(user: user, values: Self.values(user.author), notice: notice))
    }

    package func updateProfile(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        do {
            let portrait = try await portrait(posted, for: user.author, by: user.author)
            try await people.updateProfile(
                id: user.author.id, name: fields["name"], slug: fields["slug"], bio: fields["bio"],
                avatarURL: portrait, email: fields["email"])
        } catch let errors as ValidationErrors {
            var values = [String: String]()
            for name in Self.profileFields { values[name] = fields[name] }
            return renderer.page(
                profileForm(user: user, values: values, errors: errors),
                status: .unprocessableContent)
        }
        return PageRenderer.redirect(to: AdminURL.profile.path + "?saved=1", permanent: false)
    }

    /// The portrait a profile form leaves: a file chosen is uploaded, "Remove" empties it, otherwise the
    /// one there stays (carried by the form, so a form sent back with a mistake keeps an upload made).
    private func portrait(_ posted: PostedForm, for person: Author, by uploader: Author) async throws -> String {
        if let file = posted.files["portrait_file"] {
            return try await people.uploadPortrait(file.bytes, fileName: file.fileName, for: person, by: uploader)
        }
        return posted.fields["remove_portrait"] == "1" ? "" : posted.fields["avatar_url"]
    }

    /// Big enough for a portrait at the upload limit.
    package static let bodyLimit = MediaAdminController.bodyLimit

    // MARK: Pages

    private func inviteForm(
        user: SignedInUser, values: [String: String], errors: ValidationErrors = ValidationErrors()
    ) -> PersonFormPage {
        PersonFormPage(
            chrome: renderer.chrome(title: "Add a person", user: user, current: "users"), heading: "Add a person",
            action: AdminURL.newUser.path,
            generalError: errors.isEmpty ? nil : "Nobody was added: see the messages below.",
            fields: Self.fieldModels(values, errors, only: ["name", "email", "bio"]),
            roleOptions: Self.roleOptions(selected: values["role"] ?? ""), access: nil, newLink: nil, linkAction: nil,
            linkLabel: nil, publicURL: nil, showsRole: true)
    }

    private func memberForm(
        _ member: AccountStore.StaffMember, user: SignedInUser, typed: FormBody? = nil,
        errors: ValidationErrors = ValidationErrors(), notice: String? = nil, newLink: String? = nil
    ) -> PersonFormPage {
        var values = Self.values(member.author)
        var role = member.author.role.rawValue
        var active = member.active
        if let typed {
            for name in Self.profileFields { values[name] = typed[name] }
            role = typed["role"]
            active = typed["active"] == "1"
        }
        var page = PersonFormPage(
            chrome: renderer.chrome(title: member.author.name, user: user, current: "users", notice: notice),
            heading: member.author.name, action: AdminURL.user(member.author.id).path,
            generalError: errors.isEmpty ? nil : "Nothing was saved: see the messages below.",
            fields: Self.fieldModels(values, errors, only: Self.profileFields),
            roleOptions: Self.roleOptions(selected: role),
            access: AccessModel(active: active, error: errors.message(for: "active"), state: Self.state(member)),
            newLink: newLink, linkAction: AdminURL.user(member.author.id).path + "/link",
            linkLabel: member.hasPassword ? "Make a password reset link" : "Make a new invitation link",
            publicURL: urls.author(member.author.slug), showsRole: true)
        page.portraitURL = values["avatar_url"]?.nonEmpty
        page.portraitError = errors.message(for: "portrait_file")
        return page
    }

    private func profileForm(
        user: SignedInUser, values: [String: String], errors: ValidationErrors = ValidationErrors(),
        notice: String? = nil
    ) -> PersonFormPage {
        var page = PersonFormPage(
            chrome: renderer.chrome(title: "Your profile", user: user, current: "profile", notice: notice),
            heading: "Your profile", action: AdminURL.profile.path,
            generalError: errors.isEmpty ? nil : "Nothing was saved: see the messages below.",
            fields: Self.fieldModels(values, errors, only: Self.profileFields), roleOptions: nil, access: nil,
            newLink: nil, linkAction: nil, linkLabel: nil, publicURL: urls.author(user.author.slug), showsRole: false)
        page.portraitURL = values["avatar_url"]?.nonEmpty
        page.portraitError = errors.message(for: "portrait_file")
        return page
    }

    private static func fieldModels(
        _ values: [String: String], _ errors: ValidationErrors, only names: [String]
    ) -> [String: EditorField] {
        var fields = [String: EditorField]()
        for name in names { fields[name] = EditorField(value: values[name] ?? "", error: errors.message(for: name)) }
        fields["role"] = EditorField(value: values["role"] ?? "", error: errors.message(for: "role"))
        return fields
    }

    private static func roleOptions(selected: String) -> [OptionModel] {
        Role.allCases.map {
            OptionModel(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0.rawValue == selected)
        }
    }

    private static func values(_ author: Author) -> [String: String] {
        [
            "name": author.name, "slug": author.slug.value, "email": author.email, "bio": author.bio,
            "avatar_url": author.avatarURL, "role": author.role.rawValue,
        ]
    }

    private static func state(_ member: AccountStore.StaffMember) -> String {
        if !member.active { return "Deactivated" }
        return member.hasPassword ? "Active" : "Invited, no password yet"
    }

    private func find(_ id: Int64) async throws -> AccountStore.StaffMember {
        guard let member = try await people.member(id: id) else { throw HTTPError(.notFound) }
        return member
    }
}
