import Foundation
import GazetteServices
import Logging
import ServiceLifecycle

/// How often the server's own work runs beside answering requests.
public struct BackgroundSchedule: Sendable, Equatable {
    /// Scheduled publishing, settings changed by other instances, and subscribed feeds.
    public var every: Duration
    /// Purging old spam, trash, expired sessions and the audit log's oldest lines.
    public var purgeEvery: Duration
    /// How often the outbox is looked at: mail such as a password link should arrive within seconds.
    public var mailEvery: Duration = .seconds(2)
    /// How often the webhook queue is looked at (a read when nothing is due).
    public var webhooksEvery: Duration = .seconds(1)
    /// Before the first run; zero means at start-up, so a restart publishes what fell due while it was down.
    public var firstRunAfter: Duration

    public init(every: Duration, purgeEvery: Duration, firstRunAfter: Duration) {
        self.every = every
        self.purgeEvery = purgeEvery
        self.firstRunAfter = firstRunAfter
    }

    public static let standard = BackgroundSchedule(
        every: .seconds(30), purgeEvery: .seconds(6 * 3_600), firstRunAfter: .zero)
}

/// One kind of work repeated on a schedule, as a service of the application: it stops between runs when the
/// server shuts down gracefully, never in the middle of one (the database closes after the services end).
struct PeriodicWork: Service {
    let name: String
    let every: Duration
    let firstRunAfter: Duration
    let work: @Sendable () async -> Void

    func run() async throws {
        if firstRunAfter > .zero { await pause(firstRunAfter) }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await work()
            await pause(every)
        }
    }

    /// A sleep that a graceful shutdown cuts short.
    private func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}

/// The work `gazette serve` does by itself, every instance safely: scheduled articles go out on time, settings
/// changed through another instance are picked up, old spam, trash, sessions and audit lines are purged, and
/// subscribed feeds are read (on their own service, so a slow outlet never delays publishing).
enum BackgroundWork {
    static func services(
        for services: AppServices, schedule: BackgroundSchedule, logger: Logger, newsletterDesign: any NewsletterDesign
    ) -> [any Service] {
        [
            PeriodicWork(name: "publishing", every: schedule.every, firstRunAfter: schedule.firstRunAfter) {
                await publishAndRefresh(services, logger: logger)
            },
            PeriodicWork(name: "purges", every: schedule.purgeEvery, firstRunAfter: schedule.firstRunAfter) {
                await purge(services, logger: logger)
            },
            PeriodicWork(name: "mail", every: schedule.mailEvery, firstRunAfter: schedule.firstRunAfter) {
                do {
                    try await services.moderationSummary.queueIfDue()
                    try await services.mailSender(logger: logger).sendDue()
                } catch {
                    logger.warning("Sending mail failed: \(error)")
                }
            },
            // Beside the sender, so the first copies go out while the rest are still being queued.
            PeriodicWork(name: "newsletters", every: schedule.mailEvery, firstRunAfter: schedule.firstRunAfter) {
                do {
                    try await services.newsletters.run(design: newsletterDesign, logger: logger)
                } catch {
                    logger.warning("Preparing newsletters failed: \(error)")
                }
            },
            PeriodicWork(name: "webhooks", every: schedule.webhooksEvery, firstRunAfter: schedule.firstRunAfter) {
                do {
                    try await services.webhookSender(logger: logger).sendDue()
                } catch {
                    logger.warning("Sending webhooks failed: \(error)")
                }
            },
            PeriodicWork(name: "feeds", every: schedule.every, firstRunAfter: schedule.firstRunAfter) {
                do {
                    _ = try await services.feedPoller(logger: logger).runDue()
                } catch {
                    logger.warning("Reading subscribed feeds failed: \(error)")
                }
            },
        ]
    }

    static func publishAndRefresh(_ services: AppServices, logger: Logger) async {
        do {
            let published = try await services.publishing.publishDue()
            if published > 0 { logger.info("Published \(published) scheduled article(s)") }
        } catch {
            logger.warning("Publishing scheduled articles failed: \(error)")
        }
        do {
            try await services.site.refresh()
        } catch {
            logger.warning("Reading the site settings failed: \(error)")
        }
    }

    static func purge(_ services: AppServices, logger: Logger) async {
        do {
            let purged = try await services.comments.purgeExpired()
            if purged > 0 { logger.info("Purged \(purged) old spam and trashed comment(s)") }
        } catch {
            logger.warning("Purging old comments failed: \(error)")
        }
        do {
            try await services.accounts.purgeExpired()
        } catch {
            logger.warning("Purging expired sessions and links failed: \(error)")
        }
        do {
            try await services.audit.prune()
        } catch {
            logger.warning("Pruning the audit log failed: \(error)")
        }
        do {
            try await services.subscriptions.purgeUnconfirmed()
        } catch {
            logger.warning("Purging unconfirmed subscriptions failed: \(error)")
        }
        do {
            try await services.keptForms.purgeExpired()
        } catch {
            logger.warning("Purging kept newsroom forms failed: \(error)")
        }
        do {
            try await services.autosaves.purgeExpired()
        } catch {
            logger.warning("Purging old autosaved drafts failed: \(error)")
        }
        do {
            try await services.webhooks.purgeOld()
        } catch {
            logger.warning("Purging the webhook delivery log failed: \(error)")
        }
    }
}
