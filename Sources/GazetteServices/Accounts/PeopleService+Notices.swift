import GazetteContent
import GazetteStorage

extension PeopleService {
    /// The emails `person` gets about the newsroom's work.
    public func noticeChoices(of person: Author) async throws -> NoticeChoices {
        try await notices?.choices(userID: person.id) ?? NoticeChoices()
    }

    /// Keeps `person`'s choices. Reviews and held comments are editors' and admins' business: for the other
    /// roles those choices stay as they were.
    public func setNoticeChoices(_ choices: NoticeChoices, of person: Author) async throws {
        guard let notices else { return }
        var kept = choices
        if person.role.rank < Role.editor.rank {
            let before = try await notices.choices(userID: person.id)
            kept.reviews = before.reviews
            kept.comments = before.comments
        }
        try await notices.setChoices(kept, userID: person.id)
    }
}
