import GazetteServices
import Hummingbird

/// What the newsroom gate found out about a request it let through, left on the request's context for the
/// route group's own context to take.
package struct NewsroomPass: Sendable {
    package let user: SignedInUser
    /// The posted form, read and checked against the session's token (form routes only).
    package let form: PostedForm?
}

/// The context of every newsroom page: the gate has let a signed-in person through who holds the route's
/// right, so `user` is never missing and a handler cannot forget to ask.
package struct NewsroomContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let user: SignedInUser
    /// The client's IP address as text, or empty when unknown.
    package let clientIP: String

    package init(context: GazetteRequestContext) throws {
        // Only routes behind `NewsroomGateMiddleware` get this context, and it always leaves a pass.
        guard let pass = context.newsroomPass else { throw HTTPError(.forbidden) }
        coreContext = context.coreContext
        user = pass.user
        clientIP = context.clientIP
    }
}

/// The context of every newsroom form post: as `NewsroomContext`, plus the form, already read within the
/// route's size limit and carrying the session's CSRF token.
package struct NewsroomFormContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let user: SignedInUser
    package let form: PostedForm
    package let clientIP: String

    package init(context: GazetteRequestContext) throws {
        guard let pass = context.newsroomPass, let form = pass.form else { throw HTTPError(.forbidden) }
        coreContext = context.coreContext
        user = pass.user
        self.form = form
        clientIP = context.clientIP
    }
}
