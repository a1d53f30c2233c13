import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// Registers newsroom routes and remembers each one with the door it is behind, so the route table can be
/// read back (the route-rights test walks it). A gated route's handler gets a `NewsroomContext` (or, for
/// forms, a `NewsroomFormContext`), which only the gate can make; the few open routes are the ways in.
package struct NewsroomRoutes {
    /// Who may use a route.
    package enum Door: Sendable, Equatable {
        /// The ways in (sign-in, one-time links, the newsroom's assets): no session needed.
        case open
        /// Any signed-in person (nil), or those holding the right.
        case gated(Right?)
    }

    package struct Entry: Sendable, CustomStringConvertible {
        package let method: HTTPRequest.Method
        package let url: AdminURL
        package let door: Door
        package var description: String { "\(method) \(url.pattern)" }
    }

    private let router: Router<GazetteRequestContext>
    private let gate: AdminGate
    private let keptWork: KeptWork?
    package private(set) var entries: [Entry] = []

    package init(router: Router<GazetteRequestContext>, gate: AdminGate, keptWork: KeptWork? = nil) {
        self.router = router
        self.gate = gate
        self.keptWork = keptWork
    }

    /// Forms are small unless a route says otherwise.
    package static let formLimit = 64 * 1024

    /// A page for signed-in people holding `right` (anyone signed in when nil).
    package mutating func page(
        _ url: AdminURL, _ right: Right?,
        _ handler: @escaping @Sendable (Request, NewsroomContext) async throws -> Response
    ) {
        entries.append(Entry(method: .get, url: url, door: .gated(right)))
        let group = router.group()
        // The router takes `/admin` for `/admin/`: the slash-less form is sent to the canonical one first.
        if url.path.hasSuffix("/") { group.add(middleware: CanonicalSlashMiddleware(path: url.path)) }
        group
            .add(middleware: NewsroomGateMiddleware(gate: gate, right: right, formLimit: nil))
            .group(context: NewsroomContext.self)
            .get(RouterPath(url.pattern), use: handler)
    }

    /// A form post for signed-in people holding `right`, read up to `limit` bytes and CSRF-checked. With
    /// `keepsWork`, a form that arrives after its session ended (or its page expired) is kept for the
    /// person to find again on the same page (`KeptWork`) instead of being dropped.
    package mutating func form(
        _ url: AdminURL, _ right: Right?, limit: Int = formLimit, keepsWork: Bool = false,
        _ handler: @escaping @Sendable (Request, NewsroomFormContext) async throws -> Response
    ) {
        entries.append(Entry(method: .post, url: url, door: .gated(right)))
        let middleware = NewsroomGateMiddleware(
            gate: gate, right: right, formLimit: limit, keptWork: keepsWork ? keptWork : nil)
        router.group()
            .add(middleware: middleware)
            .group(context: NewsroomFormContext.self)
            .post(RouterPath(url.pattern), use: handler)
    }

    /// A way in, open to anyone: the handler checks whatever it needs (a token, a password).
    package mutating func open(
        _ method: HTTPRequest.Method, _ url: AdminURL,
        _ handler: @escaping @Sendable (Request, GazetteRequestContext) async throws -> Response
    ) {
        entries.append(Entry(method: method, url: url, door: .open))
        router.on(RouterPath(url.pattern), method: method, use: handler)
    }
}
