import ArgumentParser

@main
struct GazetteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Gazette: a self-hosted news publishing platform.",
        discussion: "Settings come from flags, then GAZETTE_* environment variables, then defaults.",
        subcommands: [
            SearchCommand.self, GenerateCommand.self,
            ServeCommand.self, MigrateCommand.self, CheckCommand.self, UserCommand.self, ImportCommand.self,
            CommentsCommand.self, SettingsCommand.self, FeedsCommand.self, WebhooksCommand.self, ExportCommand.self,
            BackupCommand.self, RestoreCommand.self, MailCommand.self, SubscribersCommand.self, NewsletterCommand.self,
            TokenCommand.self,
        ])
}
