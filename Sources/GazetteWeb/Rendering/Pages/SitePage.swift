/// A reader's page model (front page, archive, article, search, error): what `PageRenderer.html` takes, so
/// nothing but a page model reaches the theme. The templates are chosen by the controller, most specific
/// first (`tag-world`, `tag`, `archive`, `index`), since a theme may add its own.
package protocol SitePage: Sendable {}
