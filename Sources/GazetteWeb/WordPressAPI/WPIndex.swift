import Foundation
import GazetteContent
import GazetteServices

/// `/wp-json/`: the little of WordPress's discovery document that clients read first: who the site is, the
/// namespaces it speaks, and the routes of `wp/v2` that answer here.
struct WPIndex: Sendable, Encodable {
    struct Route: Sendable, Encodable {
        var namespace = WordPressRouter.namespace
        var methods = ["GET"]
    }

    var name: String
    var description: String
    var url: String
    var home: String
    var gmtOffset: Double
    var timezoneString: String
    var namespaces = [WordPressRouter.namespace]
    var authentication: [String: String] = [:]
    var routes: [String: Route]
    var links: [String: [WPLink]]

    enum CodingKeys: String, CodingKey {
        case name, description, url, home, gmtOffset, timezoneString, namespaces, authentication, routes
        case links = "_links"
    }

    init(site: SiteIdentity, in context: WPContext, now: Date) {
        let urls = context.addresses
        name = site.title
        description = site.tagline
        url = urls.site.absolute(path: SiteURL.home)
        home = url
        gmtOffset = Double(site.timeZone.secondsFromGMT(for: now)) / 3600
        timezoneString = site.timeZone.identifier
        var routes: [String: Route] = [:]
        for path in WordPressRouter.documentedRoutes {
            routes[path] = Route()
        }
        self.routes = routes
        links = ["help": urls.link("https://developer.wordpress.org/rest-api/")]
    }
}
