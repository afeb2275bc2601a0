import Vapor

enum Commands {
    static func register(in app: Application) {
        app.asyncCommands.use(ServeWithSetupCommand(), as: "serve", isDefault: true)
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
        app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
        app.asyncCommands.use(CreateUserCommand(), as: "create-user")
        app.asyncCommands.use(CreateHubCommand(), as: "create-hub")
        app.asyncCommands.use(CreateTokenCommand(), as: "create-token")
        app.asyncCommands.use(ExportCommand(), as: "export")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(GenerateCommand(), as: "generate")
        app.asyncCommands.use(AnalyseCommand(), as: "analyse")
        app.asyncCommands.use(SendEventFeedbackCommand(), as: "send-event-feedback")
        app.asyncCommands.use(ExpireConsentsCommand(), as: "expire-consents")
        app.asyncCommands.use(SendDigestsCommand(), as: "send-digests")
        app.asyncCommands.use(ApplyRetentionCommand(), as: "apply-retention")
        app.asyncCommands.use(SendCheckInRemindersCommand(), as: "send-check-in-reminders")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(), as: "restore")
        app.asyncCommands.use(CopyDatabaseCommand(), as: "copy-database")
    }
}
