import Foundation
import GazetteContent
import GazetteStorage

/// `gazette import wxr FILE`: a WordPress site (posts, pages, people, categories, tags, comments and every
/// old address) becomes a Gazette site.
///
/// The file is read twice. The first reading checks all of it and collects what items refer to, so a
/// broken file is refused with its line and column before anything is written. The second reading streams
/// the items in batches, each written in one transaction; every item is recorded under its WordPress id,
/// so running the import again (after an interruption, or with a newer export) adds only what is missing.
public struct WordPressImport: Sendable {
    private let imports: ImportStore
    private let media: MediaLibrary
    private let accounts: AccountService
    private let site: LiveSiteSettings
    private let changes: ContentChanges
    private let clock: Clock
    /// The site's public address, for the invitation links printed after an import.
    private let baseURL: String
    /// Items per transaction: large enough that commits cost little, small enough that a running site's
    /// comments never wait long for the write lock.
    package var batchSize = 100
    /// How far the posts' HTML is trusted: untrusted (plain article HTML, no embeds, never script) unless the
    /// operator vouches for the export (`--trust-html`).
    package let htmlTrust: HTMLTrust

    public init(
        imports: ImportStore, media: MediaLibrary, accounts: AccountService, site: LiveSiteSettings,
        changes: ContentChanges, clock: Clock, baseURL: String, htmlTrust: HTMLTrust = .untrusted
    ) {
        self.imports = imports
        self.media = media
        self.accounts = accounts
        self.site = site
        self.changes = changes
        self.clock = clock
        self.baseURL = baseURL
        self.htmlTrust = htmlTrust
    }

    /// Imports the export at `file`. With `media` (a local copy of the site's `wp-content/uploads` folder, or
    /// an http(s) address that serves it), the images posts use are copied into the media library and their
    /// addresses changed.
    public func run(
        file: String, media: String? = nil,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> WordPressImportReport {
        let url = URL(fileURLWithPath: file)
        let localMedia = try media.map { WordPressMedia(library: self.media, uploads: try Self.uploads($0)) }
        let catalog: WordPressCatalog
        do {
            catalog = try await Task.detached { try WordPressCatalog.read(contentsOf: url) }.value
        } catch let error as WXR.ReadError {
            throw ImportError(message: "\(file): \(error.description). Nothing was imported.")
        }
        let now = clock.now()
        let timeZone = site.current.timeZone
        let store = imports
        var report = WordPressImportReport()
        report.siteTitle = PlainText.fromHTML(catalog.site.title)
        report.attachments = catalog.attachments.count

        var authorIDs = try await store.batch(now: now, timeZone: timeZone) { batch in
            try await Self.writeDirectory(catalog, in: batch)
        }
        report.categories = catalog.categories.count
        report.tags = catalog.tags.count
        var created = authorIDs.created

        let mapper = WordPressItemMapper(catalog: catalog, now: now, timeZone: timeZone, htmlTrust: htmlTrust)
        var done = 0
        progress(0, catalog.contentItems)
        do {
            // Each batch is mapped (CPU) while the one before it is written (the database's thread).
            var mapping: Task<[Mapping], Never>? = nil
            func write(_ mapped: [Mapping]) async throws {
                let outcomes =
                    if let localMedia { try await Self.localize(mapped, with: localMedia, store: store) } else {
                        mapped
                    }
                let known = authorIDs.byLogin
                let written = try await store.batch(now: now, timeZone: timeZone) { batch in
                    try await Self.write(outcomes, authors: known, siteKey: catalog.siteKey, in: batch)
                }
                authorIDs.byLogin.merge(written.newAuthors.mapValues(\.id)) { old, _ in old }
                created += written.newAuthors.values
                report.merge(written)
                done += outcomes.count { WordPressItemMapper.importedTypes.contains($0.item.postType) }
                progress(done, catalog.contentItems)
            }
            for try await entries in WXRBatches.stream(contentsOf: url, batchSize: batchSize) {
                let next = Task { Self.map(entries, with: mapper) }
                if let mapping { try await write(await mapping.value) }
                mapping = next
            }
            if let mapping { try await write(await mapping.value) }
        } catch let error as WXR.ReadError {
            // The first reading passed, so the file changed in between; what was written is whole batches.
            throw ImportError(
                message: "\(file): \(error.description). The file changed while it was imported; "
                    + "run the import again once it is complete, and it will add only what is missing.")
        }
        for author in created {
            let link = try await accounts.inviteLink(userID: author.id)
            report.newAuthors.append(
                .init(name: author.name, email: author.email, link: baseURL + link))
        }
        report.authorsMatched = authorIDs.matched
        if let localMedia {
            report.mediaCopied = localMedia.report.copied
            report.mediaNotFound = localMedia.report.missing
            report.mediaRefused = localMedia.report.refused
        }
        await changes.publish(.everything)
        return report
    }

    /// Where `--fetch-media` points: an http(s) address, or a folder that exists.
    package static func uploads(_ location: String) throws -> WordPressMedia.Uploads {
        let lowered = location.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard WebAddress.isHTTP(location) else {
                throw ImportError(message: "\(location) is not a usable address.")
            }
            return .web(location)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isFolder), isFolder.boolValue else {
            throw ImportError(
                message: "\(location) is not a folder: give the copy of wp-content/uploads, or an http(s) address "
                    + "that serves it.")
        }
        return .folder(URL(fileURLWithPath: location))
    }

    /// The batch's new articles with their uploaded images copied into the library (before the batch's
    /// transaction: the library records each file in a transaction of its own).
    private static func localize(
        _ outcomes: [Mapping], with media: WordPressMedia, store: ImportStore
    ) async throws -> [Mapping] {
        let keys = outcomes.compactMap { mapping -> String? in
            if case .mapped(let mapped) = mapping.outcome { return mapped.key }
            return nil
        }
        let imported = try await store.importedKeys(kind: "post", among: keys)
        var localized: [Mapping] = []
        for (item, outcome) in outcomes {
            guard case .mapped(var mapped) = outcome, !imported.contains(mapped.key) else {
                localized.append((item, outcome))
                continue
            }
            mapped.article = await media.localize(mapped.article, alt: mapped.article.title)
            localized.append((item, .mapped(mapped)))
        }
        return localized
    }

    /// People, categories (parents first) and tags, before any post refers to them.
    private static func writeDirectory(_ catalog: WordPressCatalog, in batch: ImportBatch) async throws -> AuthorIDs {
        var ids = AuthorIDs()
        for login in catalog.authorLogins {
            guard let person = catalog.authors[login] else { continue }
            let (author, isNew) = try await batch.author(importedAuthor(person, siteKey: catalog.siteKey))
            ids.byLogin[login] = author.id
            if isNew { ids.created.append(author) } else { ids.matched += 1 }
        }
        var categoryIDs: [String: Int64] = [:]
        var waiting = catalog.categories
        while !waiting.isEmpty {
            let before = waiting.count
            waiting = try await waiting.asyncFilter { category in
                let parentSlug = category.parentSlug
                let hasParent = !parentSlug.isEmpty && parentSlug != category.slug
                let parentKnown = catalog.categories.contains { $0.slug == parentSlug }
                if hasParent, parentKnown, categoryIDs[parentSlug] == nil { return true }
                guard let term = WordPressItemMapper.term(name: category.name, slug: category.slug) else {
                    return false
                }
                categoryIDs[category.slug] = try await batch.category(term, parentID: categoryIDs[parentSlug])
                return false
            }
            // Categories that name each other as parents: the rest are stored without one.
            if waiting.count == before {
                for category in waiting {
                    if let term = WordPressItemMapper.term(name: category.name, slug: category.slug) {
                        categoryIDs[category.slug] = try await batch.category(term, parentID: nil)
                    }
                }
                waiting = []
            }
        }
        for tag in catalog.tags {
            if let term = WordPressItemMapper.term(name: tag.name, slug: tag.slug) { _ = try await batch.tag(term) }
        }
        return ids
    }

    private struct AuthorIDs: Sendable {
        var byLogin: [String: Int64] = [:]
        var created: [Author] = []
        var matched = 0
    }

    package static func importedAuthor(_ person: WXR.Author, siteKey: String) -> ImportedAuthor {
        let fullName = [person.firstName, person.lastName].filter { !$0.isEmpty }.joined(separator: " ")
        let name = [PlainText.fromHTML(person.displayName), fullName, person.login].first { !$0.isEmpty } ?? "Author"
        let email = person.email.trimmingCharacters(in: .whitespaces).lowercased()
        return ImportedAuthor(
            key: "\(siteKey)|author|\(person.login)", name: String(name.prefix(Limits.nameLength)),
            email: EmailAddress.isPlausible(email) ? email : placeholderEmail(login: person.login),
            slug: Slug(from: person.login)?.value ?? Slug(from: name, fallback: "author").value)
    }

    /// For people the export gives no usable email: unique, and plainly not a real address.
    package static func placeholderEmail(login: String) -> String {
        "\(Slug(from: login, fallback: "author").value)@imported.invalid"
    }

    /// What one batch wrote, for the report.
    package struct Written: Sendable {
        package var report = WordPressImportReport()
        package var newAuthors: [String: Author] = [:]
    }

    package typealias Mapping = (item: WXR.Item, outcome: WordPressItemMapper.Outcome)

    /// The batch's items mapped on one task: the other thread of Swift's pool stays free to resume the
    /// writer between its statements (mapping on both made the import slower, not faster).
    private static func map(_ entries: [WXR.Entry], with mapper: WordPressItemMapper) -> [Mapping] {
        entries.compactMap { entry -> Mapping? in
            guard case .item(let item) = entry else { return nil }
            return (item, mapper.map(item))
        }
    }

    private static func write(
        _ outcomes: [Mapping], authors: [String: Int64], siteKey: String, in batch: ImportBatch
    ) async throws -> Written {
        var written = Written()
        var items: [(mapped: WordPressItemMapper.Mapped, name: String)] = []
        for (item, outcome) in outcomes {
            let name =
                "\(item.postType.isEmpty ? "item" : item.postType) \(item.postID) “\(PlainText.fromHTML(item.title))”"
            switch outcome {
            case .attachment:
                continue
            case .skipped(let reason):
                written.report.skipped.append(.init(item: name, reason: reason))
            case .mapped(var mapped):
                if let id = authors[mapped.authorLogin] ?? written.newAuthors[mapped.authorLogin]?.id {
                    mapped.article.authorID = id
                } else {
                    // An item by someone the export's list of people leaves out (WXR 1.0 has no such list).
                    let login = mapped.authorLogin.isEmpty ? "imported" : mapped.authorLogin
                    let person = WXR.Author(login: login, displayName: login)
                    let (author, isNew) = try await batch.author(importedAuthor(person, siteKey: siteKey))
                    if isNew { written.newAuthors[mapped.authorLogin] = author }
                    mapped.article.authorID = author.id
                }
                items.append((mapped, name))
            }
        }
        let stored = try await batch.articles(items.map { ($0.mapped.article, $0.mapped.key) })
        var redirects: [(path: String, articleID: Int64)] = []
        for ((mapped, name), article) in zip(items, stored) {
            guard case .created(let saved) = article else {
                written.report.alreadyImported += 1
                continue
            }
            // Its old addresses go in with it, in the same transaction, so a later run never needs to add them.
            let newPath = Redirect.key(forPath: Redirect.articlePath(day: saved.day, slug: saved.slug))
            redirects += mapped.oldPaths.filter { Redirect.key(forPath: $0) != newPath }.map { ($0, saved.id) }
            written.report.count(mapped, named: name)
        }
        try await batch.redirects(redirects)
        written.report.redirects += redirects.count
        let comments = try await batch.comments(
            zip(items, stored).map { .init(articleID: $1.id, comments: $0.mapped.comments) })
        written.report.comments += comments.added
        written.report.commentsAlreadyImported += comments.existing
        written.report.orphanedReplies += comments.orphans
        return written
    }
}

extension WordPressImportReport {
    /// Counts a newly imported article or page.
    package mutating func count(_ mapped: WordPressItemMapper.Mapped, named name: String) {
        if mapped.article.kind == .page { pages += 1 } else { articles += 1 }
        byStatus[mapped.article.status, default: 0] += 1
        if mapped.isSticky { sticky += 1 }
        for shortcode in mapped.unknownShortcodes { unknownShortcodes[shortcode, default: 0] += 1 }
        notes += mapped.notes.map { .init(item: name, reason: $0) }
    }

    package mutating func merge(_ written: WordPressImport.Written) {
        let other = written.report
        articles += other.articles
        pages += other.pages
        alreadyImported += other.alreadyImported
        byStatus.merge(other.byStatus, uniquingKeysWith: +)
        comments += other.comments
        commentsAlreadyImported += other.commentsAlreadyImported
        orphanedReplies += other.orphanedReplies
        redirects += other.redirects
        sticky += other.sticky
        skipped += other.skipped
        notes += other.notes
        unknownShortcodes.merge(other.unknownShortcodes, uniquingKeysWith: +)
    }
}

extension Array where Element: Sendable {
    fileprivate func asyncFilter(_ isIncluded: (Element) async throws -> Bool) async rethrows -> [Element] {
        var kept: [Element] = []
        for element in self where try await isIncluded(element) { kept.append(element) }
        return kept
    }
}
