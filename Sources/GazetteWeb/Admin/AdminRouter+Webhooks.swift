import GazetteServices
import Hummingbird

extension AdminRouter {
    /// Webhooks: admins only, the right that guards Settings (they send the site's news to other systems).
    func registerWebhooks(on routes: inout NewsroomRoutes) {
        let webhooks = self.webhooks
        let anyID: Int64 = 0
        routes.page(.webhooks, .manageSettings) { request, context in try await webhooks.list(request, context: context)
        }
        routes.form(.webhooks, .manageSettings) { request, context in
            try await webhooks.create(request, context: context)
        }
        routes.page(.webhook(anyID), .manageSettings) { request, context in
            try await webhooks.show(request, id: try Self.id(context), context: context)
        }
        routes.form(.webhook(anyID), .manageSettings) { request, context in
            try await webhooks.update(request, id: try Self.id(context), context: context)
        }
        routes.form(.webhookSecret(anyID), .manageSettings) { request, context in
            try await webhooks.rollSecret(request, id: try Self.id(context), context: context)
        }
        routes.form(.removeWebhook(anyID), .manageSettings) { request, context in
            try await webhooks.remove(request, id: try Self.id(context), context: context)
        }
        routes.form(.resendWebhook(anyID, delivery: anyID), .manageSettings) { request, context in
            try await webhooks.resend(
                request, id: try Self.id(context), delivery: Int64(try Self.number(context)), context: context)
        }
    }
}
