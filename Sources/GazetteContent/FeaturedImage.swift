/// The picture shown at the top of an article and in lists.
public struct FeaturedImage: Sendable, Equatable, Codable {
    public var url: String
    /// Describes the picture for readers who cannot see it; required whenever there is an image.
    public var alt: String
    public var caption: String
    public var credit: String

    public init(url: String, alt: String, caption: String = "", credit: String = "") {
        self.url = url
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }
}
