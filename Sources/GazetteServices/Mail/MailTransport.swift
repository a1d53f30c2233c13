import Foundation

/// Hands one message to whatever delivers mail: an SMTP server, or files for a site without one.
package protocol MailTransport: Sendable {
    /// Delivers `data` from `sender` to `recipient`. `wholeButLast` is called once the receiver holds all of
    /// the message but the last step that makes it take it (SMTP's final dot): the outbox records that, so a
    /// crash right after never sends it twice. `reference` names the message for good (its outbox number).
    func deliver(
        _ data: [UInt8], from sender: String, to recipient: String, reference: String,
        wholeButLast: @Sendable () async throws -> Void
    ) async throws -> String

    /// Words for the log: where mail goes.
    var summary: String { get }

    /// Delivers several messages over one connection where the transport can: `body` calls `send` for each.
    func withConnection(_ body: (_ send: MailTransportSend) async throws -> Void) async throws
}

/// Delivers one message within `withConnection`: data, sender, recipient, reference, and the step run
/// when all but the last of it is with the receiver (see `MailTransport.deliver`).
package typealias MailTransportSend = (
    _ data: [UInt8], _ sender: String, _ recipient: String, _ reference: String,
    _ wholeButLast: @Sendable () async throws -> Void
) async throws -> String

extension MailTransport {
    /// One delivery after another, for transports without connections to keep.
    package func withConnection(_ body: (_ send: MailTransportSend) async throws -> Void) async throws {
        try await body { data, sender, recipient, reference, wholeButLast in
            try await deliver(data, from: sender, to: recipient, reference: reference, wholeButLast: wholeButLast)
        }
    }

    /// Delivers a message that has no outbox number (tests, checks).
    @discardableResult
    package func deliver(
        _ data: [UInt8], from sender: String, to recipient: String,
        wholeButLast: @Sendable () async throws -> Void
    ) async throws -> String {
        try await deliver(
            data, from: sender, to: recipient, reference: UUID().uuidString, wholeButLast: wholeButLast)
    }
}

/// Why a message was not delivered, and whether trying again later can help (a full mailbox, a server
/// away) or not (no such user, refused for good).
package struct MailFailure: Error, CustomStringConvertible, Sendable {
    package var description: String
    package var isPermanent: Bool
    /// The server refused this recipient for good (a 5xx answer to `RCPT TO`): a hard bounce, after which
    /// no reader's mail goes to the address. Other permanent failures (a wrong password) are the set-up's.
    package var rejectsRecipient: Bool
    /// The server answered this message with a refusal; the connection can carry the next one.
    package var isReply: Bool
    /// The connection itself failed: the messages after this one need a new connection.
    package var connectionLost: Bool
    /// The server's reply, when the failure is one (`550`, `5.1.1 No such mailbox`).
    package var reply: (code: Int, text: String)? = nil

    package init(
        _ description: String, isPermanent: Bool = false, rejectsRecipient: Bool = false, isReply: Bool = false,
        connectionLost: Bool = false
    ) {
        self.description = description
        self.isPermanent = isPermanent || rejectsRecipient
        self.rejectsRecipient = rejectsRecipient
        self.isReply = isReply
        self.connectionLost = connectionLost
    }
}

/// The embedded default without a mail server: each message becomes an `.eml` file in a folder (named by
/// its outbox number, so a message sent again replaces its own file), and every flow works out of the box.
package struct FileMailTransport: MailTransport {
    package let folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    package var summary: String { "files in \(folder.path) (no SMTP server configured)" }

    /// The file for a message; `name` is its outbox number.
    package func file(named name: String) -> URL {
        folder.appendingPathComponent(name + ".eml")
    }

    /// Writes `<reference>.eml` (a message sent again replaces its own file); returns where it is.
    package func deliver(
        _ data: [UInt8], from sender: String, to recipient: String, reference: String,
        wholeButLast: @Sendable () async throws -> Void
    ) async throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let partial = folder.appendingPathComponent("." + reference + ".part")
        try Data(data).write(to: partial)
        try await wholeButLast()
        let target = file(named: reference)
        _ = try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: partial, to: target)
        return "written to \(target.path)"
    }
}
