import Foundation
import GazetteContent
import GazetteServices
import GazetteWeb
import OpenAPIRuntime

extension APIHandlers {
    func getCurrentToken(_ input: Operations.GetCurrentToken.Input) async throws -> Operations.GetCurrentToken.Output {
        guard let caller = APIRequest.caller else { throw TokenAuthentication.missing }
        return .ok(
            .init(
                body: .json(
                    .init(
                        name: caller.token.name, scopes: caller.token.scopes.map(\.rawValue),
                        person: shapes.person(caller.author, withEmail: true), rateLimit: newsroom.rateLimit))))
    }

    func listPeople(_ input: Operations.ListPeople.Input) async throws -> Operations.ListPeople.Output {
        let caller = try APIRequest.caller(for: .peopleRead)
        let everyone = try await newsroom.authors.all()
        let emails = caller.author.role.can(.manageUsers)
        return .ok(.init(body: .json(.init(items: everyone.map { shapes.person($0, withEmail: emails) }))))
    }

    func listAdminComments(
        _ input: Operations.ListAdminComments.Input
    ) async throws
        -> Operations.ListAdminComments.Output
    {
        _ = try APIRequest.caller(for: .commentsModerate)
        let limit = try PageLimit.parse(input.query.limit)
        let number = try ListCursor.parse(input.query.cursor).pageNumber()
        let status = input.query.status.flatMap { ModerationStatus(rawValue: $0.rawValue) }
        let found = try await newsroom.comments.list(status: status, limit: limit + 1, offset: (number - 1) * limit)
        var parameters: [(String, String)] = []
        if let status { parameters.append(("status", status.rawValue)) }
        if let limit = input.query.limit { parameters.append(("limit", String(limit))) }
        let next =
            found.count > limit
            ? shapes.api.list("admin/comments", parameters + [("cursor", ListCursor.page(number + 1).text)]) : nil
        return .ok(.init(body: .json(.init(items: found.prefix(limit).map(shapes.adminComment), next: next))))
    }

    func moderateComment(_ input: Operations.ModerateComment.Input) async throws -> Operations.ModerateComment.Output {
        _ = try APIRequest.caller(for: .commentsModerate)
        guard case .json(let body) = input.body, let action = ModerationAction(rawValue: body.action.rawValue) else {
            throw Problem.invalid("action", "action takes approve, unapprove, spam, trash or restore.")
        }
        guard try await newsroom.comments.find(id: input.path.id) != nil else {
            throw Problem.notFound("There is no comment \(input.path.id).")
        }
        _ = try await newsroom.comments.moderate(action, ids: [input.path.id])
        guard let comment = try await newsroom.comments.find(id: input.path.id) else {
            throw Problem.notFound("There is no comment \(input.path.id).")
        }
        return .ok(.init(body: .json(shapes.adminComment(comment))))
    }

    func uploadMedia(_ input: Operations.UploadMedia.Input) async throws -> Operations.UploadMedia.Output {
        let caller = try APIRequest.caller(for: .mediaWrite)
        guard case .binary(let body) = input.body else { throw Problem.invalid("body", "Send the image file itself.") }
        let bytes: [UInt8]
        do {
            bytes = try await [UInt8](collecting: body, upTo: Self.largestUpload)
        } catch {
            throw Problem(
                .contentTooLarge, code: "too_large",
                detail: "Images up to \(Self.largestUpload / 1_048_576) MB are taken.")
        }
        let query = input.query
        let text = MediaText(alt: query.alt ?? "", caption: query.caption ?? "", credit: query.credit ?? "")
        let url: String
        do {
            url = try await newsroom.publishing.uploadImage(
                PublishingService.FeaturedImageUpload(bytes: bytes, fileName: query.filename, text: text),
                by: caller.author, fileField: "body", altField: "alt")
        } catch let errors as ValidationErrors {
            throw Problem.invalidFields(errors)
        }
        let image = FeaturedImage(url: url, alt: text.alt, caption: text.caption, credit: text.credit)
        return .created(.init(body: .json(shapes.image(image))))
    }

    /// The largest image the API takes, as the newsroom's upload form does.
    static let largestUpload = MediaRules.maximumBytes
}
