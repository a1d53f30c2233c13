/// Whether a piece is news or a standing page ("About us", "Contact"). Pages are read at their own
/// address like any article but stay out of the front page, archives, feeds and "Latest Posts".
public enum ArticleKind: String, Sendable, CaseIterable, Codable {
    case article
    case page
}
