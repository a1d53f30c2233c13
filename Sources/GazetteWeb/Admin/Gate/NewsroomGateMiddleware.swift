import GazetteContent
import GazetteServices
import Hummingbird

/// The gate in front of a newsroom route group: anonymous visitors are sent to sign in, people without the
/// group's right get the 403 page, and for form groups the body is read (within the group's limit) and must
/// carry the session's CSRF token. What it lets through carries a `NewsroomPass` for the group's context.
package struct NewsroomGateMiddleware: RouterMiddleware {
    package typealias Context = GazetteRequestContext

    package let gate: AdminGate
    /// nil: any signed-in person.
    package let right: Right?
    /// For form groups, the most the body may hold; nil for pages.
    package let formLimit: Int?
    /// For forms that hold someone's work: kept, not dropped, when the session ended or the page expired.
    package let keptWork: KeptWork?

    package init(gate: AdminGate, right: Right?, formLimit: Int?, keptWork: KeptWork? = nil) {
        self.gate = gate
        self.right = right
        self.formLimit = formLimit
        self.keptWork = keptWork
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        var context = context
        do {
            if let formLimit, let keptWork {
                // Work sent after the session ended is kept for after signing in again.
                let found = try await gate.session.user(for: request)
                if found == nil, keptWork.mayKeep(request, sessionEnded: true) {
                    let form = try await PostedForm.read(&request, limit: min(formLimit, KeptWork.anonymousLimit))
                    if let kept = await keptWork.keep(form, path: request.uri.path, signIn: true) { return kept }
                }
                let signedIn = try gate.admit(found, right, request)
                let form = try await PostedForm.read(&request, limit: formLimit)
                guard AdminSession.formIsGenuine(form.fields, user: signedIn) else {
                    if keptWork.mayKeep(request, sessionEnded: false),
                        let kept = await keptWork.keep(form, path: request.uri.path, signIn: false)
                    {
                        return kept
                    }
                    return gate.renderer.expiredForm(signedIn)
                }
                context.newsroomPass = NewsroomPass(user: signedIn, form: form)
            } else if let formLimit {
                let (user, form) = try await gate.form(right, &request, limit: formLimit)
                context.newsroomPass = NewsroomPass(user: user, form: form)
            } else {
                context.newsroomPass = NewsroomPass(user: try await gate.user(right, request), form: nil)
            }
        } catch let refusal as AdminGate.Refusal {
            return refusal.response
        }
        return try await next(request, context)
    }
}
