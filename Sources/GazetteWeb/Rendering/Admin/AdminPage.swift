/// A newsroom page's model, which names the template that shows it: a renderer takes the model alone, so
/// a page cannot be drawn with another page's template.
package protocol AdminPage: Sendable {
    static var template: String { get }
}
