import Foundation

/// Links that let someone without an account read an article that is not out yet, as it was last saved:
/// for one article, until a time, signed with the site's secret so nobody can make one up or stretch it.
public struct PreviewLinks: Sendable {
    static let purpose = "article-preview"
    /// How long a shared link works: long enough for a source or a lawyer to read it, short enough to lapse.
    public static let lifetime: TimeInterval = 3 * 24 * 3600

    private let signer: Signer
    private let clock: Clock

    public init(signer: Signer, clock: Clock) {
        self.signer = signer
        self.clock = clock
    }

    /// What a shared link's token says.
    public enum Reading: Sendable, Equatable {
        case valid(articleID: Int64, until: Date)
        case expired
        case forged
    }

    /// A link token for `articleID`, good until the hour `lifetime` from now ends (so the editor shows the
    /// same link for an hour instead of a new one at every save).
    public func token(articleID: Int64) -> (token: String, until: Date) {
        let end = clock.now().timeIntervalSince1970 + Self.lifetime
        let until = (end / 3600).rounded(.up) * 3600
        return (signer.sign("\(articleID)-\(Int64(until))", purpose: Self.purpose), Date(timeIntervalSince1970: until))
    }

    public func read(_ token: String) -> Reading {
        guard let value = signer.verify(token, purpose: Self.purpose) else { return .forged }
        let parts = value.split(separator: "-")
        guard parts.count == 2, let id = Int64(parts[0]), let until = Int64(parts[1]) else { return .forged }
        let end = Date(timeIntervalSince1970: TimeInterval(until))
        return clock.now() < end ? .valid(articleID: id, until: end) : .expired
    }
}
