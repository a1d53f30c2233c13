/// Which emails each member of staff gets (`NoticeChoices`): articles waiting for review, their own
/// articles published or sent back, and held comments one by one, in a daily summary, or not at all.
enum M022StaffNotices {
    static let migration = Migration(version: 22, name: "staff notices") { _ in
        [
            "ALTER TABLE authors ADD COLUMN notify_reviews INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE authors ADD COLUMN notify_own_articles INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE authors ADD COLUMN notify_comments TEXT NOT NULL DEFAULT 'each'",
        ]
    }
}
