/// Field limits, in characters. Stored values never exceed them, and every form says so plainly.
public enum Limits {
    public static let titleLength = 300
    public static let slugLength = 120
    public static let dekLength = 600
    public static let excerptLength = 1_000
    public static let bodyLength = 1_000_000
    public static let nameLength = 120
    public static let bioLength = 2_000
    public static let urlLength = 2_000
    public static let emailLength = 254
    public static let captionLength = 1_000
    public static let correctionLength = 2_000
    public static let tagsPerArticle = 50
}
