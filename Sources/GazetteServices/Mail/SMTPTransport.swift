import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Hands messages to an SMTP server (RFC 5321): TLS from the start or by STARTTLS, AUTH PLAIN or LOGIN,
/// SMTPUTF8 for addresses in any script, a time limit on every exchange, and errors that say whether
/// trying again later can help (4xx, a lost connection) or not (5xx).
package struct SMTPTransport: MailTransport {
    package let settings: SMTPSettings
    /// The name this side gives in EHLO.
    package let clientName: String

    package init(settings: SMTPSettings, clientName: String = "localhost") {
        self.settings = settings
        self.clientName = clientName
    }

    package var summary: String { "the SMTP server \(settings.summary)" }

    package func deliver(
        _ data: [UInt8], from sender: String, to recipient: String, reference: String,
        wholeButLast: @Sendable () async throws -> Void
    ) async throws -> String {
        try await withoutActuallyEscaping(wholeButLast) { step in
            var outcome = ""
            try await withConnection { send in
                outcome = try await send(data, sender, recipient, reference, step)
            }
            return outcome
        }
    }

    /// One connection for many messages: greeting, STARTTLS and AUTH once, then each message in turn, with
    /// RSET after one the server refused. When the connection itself fails, `send` throws a failure marked
    /// `connectionLost` and the body should stop; the next session connects again.
    package func withConnection(_ body: (_ send: MailTransportSend) async throws -> Void) async throws {
        let tls = try tlsContext()
        let settings = self.settings
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(Int64(settings.timeout)))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if settings.implicitTLS {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(settings.host)))
                        }
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw MailFailure("could not connect to \(settings.summary): \(error)", connectionLost: true)
        }
        // Every exchange is bounded: a server that stops answering has its connection closed. The limit
        // starts again with each message.
        let limit = TimeAmount.seconds(Int64(settings.timeout * 2))
        let deadline = Deadline(channel: channel.channel, limit: limit)
        defer { deadline.cancel() }
        let summary = settings.summary
        do {
            try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(
                    replies: SMTPReplyReader(inbound.makeAsyncIterator()), outbound: outbound, channel: channel.channel)
                do {
                    try await session.open(settings: settings, clientName: clientName, tls: tls)
                } catch let failure as MailFailure {
                    throw failure
                } catch {
                    throw MailFailure("the connection to \(summary) failed: \(error)", connectionLost: true)
                }
                var broken = false
                try await body { data, sender, recipient, _, wholeButLast in
                    guard !broken else {
                        throw MailFailure("the connection to \(summary) was lost", connectionLost: true)
                    }
                    deadline.restart()
                    do {
                        try await session.send(data, from: sender, to: recipient, wholeButLast: wholeButLast)
                        return "handed to \(summary)"
                    } catch let failure as MailFailure where failure.isReply {
                        // The server refused this message; the conversation goes on with the next.
                        do {
                            try await session.expect(250, after: "RSET")
                        } catch {
                            // Not even a reset: the messages after this one need a new connection.
                            broken = true
                            var lost = failure
                            lost.connectionLost = true
                            throw lost
                        }
                        throw failure
                    } catch let failure as MailFailure {
                        broken = true
                        var lost = failure
                        lost.connectionLost = true
                        throw lost
                    } catch {
                        broken = true
                        throw MailFailure("the connection to \(summary) failed: \(error)", connectionLost: true)
                    }
                }
                if !broken { try? await outbound.write(ByteBuffer(string: "QUIT\r\n")) }
            }
        } catch let failure as MailFailure {
            throw failure
        } catch {
            throw MailFailure("the connection to \(summary) failed: \(error)", connectionLost: true)
        }
    }

    private func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.caFile {
            configuration.additionalTrustRoots = [.file(file)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw MailFailure("the TLS settings cannot be used: \(error)", isPermanent: true)
        }
    }

    /// The name sent in TLS's SNI: none for an IP address.
    static func sniName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }
}

/// Closes a connection whose server stopped answering: the limit starts again with each message.
private final class Deadline: Sendable {
    private let channel: any Channel
    private let limit: TimeAmount
    private let task = Mutex<Scheduled<Void>?>(nil)

    init(channel: any Channel, limit: TimeAmount) {
        self.channel = channel
        self.limit = limit
        restart()
    }

    func restart() {
        let channel = self.channel
        let next = channel.eventLoop.scheduleTask(in: limit) { channel.close(promise: nil) }
        task.withLock { task in
            task?.cancel()
            task = next
        }
    }

    func cancel() {
        task.withLock { $0?.cancel() }
    }
}

/// One conversation with the server, command by command.
private struct SMTPSession {
    var replies: SMTPReplyReader
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let channel: any Channel

    /// The server's extensions, from its last EHLO.
    var features: Set<String> = []

    /// Greeting, EHLO, STARTTLS when offered, AUTH when a user is set.
    mutating func open(settings: SMTPSettings, clientName: String, tls: NIOSSLContext) async throws {
        try await expect(220, after: nil)
        features = try await hello(clientName)
        var secure = settings.implicitTLS
        if !secure && features.contains("STARTTLS") {
            try await expect(220, after: "STARTTLS")
            try await channel.pipeline.addHandler(
                try NIOSSLClientHandler(context: tls, serverHostname: SMTPTransport.sniName(settings.host)),
                position: .first)
            secure = true
            features = try await hello(clientName)
        }
        if let user = settings.username, let password = settings.password {
            guard secure || settings.isLoopback else {
                throw MailFailure(
                    "\(settings.host) offers no TLS, and the password is never sent in clear text over a network",
                    isPermanent: true)
            }
            try await authenticate(user: user, password: password, features: features)
        }
    }

    /// One message: MAIL FROM, RCPT TO, DATA, the text, and the final dot once `wholeButLast` has run.
    mutating func send(
        _ data: [UInt8], from sender: String, to recipient: String, wholeButLast: @Sendable () async throws -> Void
    ) async throws {
        let international = !(sender + recipient).allSatisfy(\.isASCII)
        if international && !features.contains("SMTPUTF8") {
            throw MailFailure(
                "the server cannot take addresses written in other scripts (no SMTPUTF8)", isPermanent: true,
                isReply: true)
        }
        try await expect(250, after: "MAIL FROM:<\(sender)>" + (international ? " SMTPUTF8" : ""))
        do {
            try await expect([250, 251], after: "RCPT TO:<\(recipient)>")
        } catch var failure as MailFailure where failure.isPermanent {
            // Only "no such mailbox" is a bounce. Policy, quota and system refusals (5.7.x relaying or
            // authentication, 5.4.x, 5.3.x) are the sending side's trouble: tried again later, the address
            // kept.
            if let reply = failure.reply, SMTPTransport.isMailboxRefusal(code: reply.code, text: reply.text) {
                failure.rejectsRecipient = true
            } else {
                failure.isPermanent = false
            }
            throw failure
        }
        try await expect(354, after: "DATA")
        try await outbound.write(ByteBuffer(bytes: Self.dotStuffed(data)))
        // The server has the whole message but the dot that makes it take it.
        try await wholeButLast()
        try await expect(250, after: ".")
    }

    /// EHLO, and the extensions the server names (first words of its lines, upper-cased).
    mutating func hello(_ name: String) async throws -> Set<String> {
        let reply = try await expect(250, after: "EHLO \(name)")
        return Set(reply.lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
            .union(reply.lines.dropFirst().map { $0.uppercased() })
    }

    mutating func authenticate(user: String, password: String, features: Set<String>) async throws {
        let mechanisms = features.filter { $0.hasPrefix("AUTH ") || $0 == "AUTH" }.joined(separator: " ")
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            let token = Data(("\u{0}" + user + "\u{0}" + password).utf8).base64EncodedString()
            try await expect(235, after: "AUTH PLAIN " + token, hiding: "AUTH PLAIN …")
        } else {
            try await expect(334, after: "AUTH LOGIN")
            try await expect(334, after: Data(user.utf8).base64EncodedString(), hiding: "(user name)")
            try await expect(235, after: Data(password.utf8).base64EncodedString(), hiding: "(password)")
        }
    }

    @discardableResult
    mutating func expect(_ code: Int, after command: String?, hiding: String? = nil) async throws -> SMTPReply {
        try await expect([code], after: command, hiding: hiding)
    }

    @discardableResult
    mutating func expect(_ codes: Set<Int>, after command: String?, hiding: String? = nil) async throws -> SMTPReply {
        if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
        let reply = try await replies.next()
        guard codes.contains(reply.code) else {
            let said = hiding ?? command ?? "connecting"
            var failure = MailFailure(
                "the server answered \(said) with \(reply.code) \(reply.lines.joined(separator: " "))",
                isPermanent: (500..<600).contains(reply.code), isReply: true)
            failure.reply = (reply.code, reply.lines.joined(separator: " "))
            throw failure
        }
        return reply
    }

    /// The message with CRLF line ends, lines starting with a dot doubled, ending with CRLF "." CRLF minus
    /// the final ".\r\n" (sent on its own).
    static func dotStuffed(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in data {
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") { out.append(UInt8(ascii: "\r")) }
            if atLineStart && byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
            previous = byte
        }
        if !atLineStart { out += Array("\r\n".utf8) }
        return out
    }
}

/// A server's reply: its code and its text lines.
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
}

/// Reads replies (`250-first`, `250 last`) from the connection's bytes.
struct SMTPReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var buffer: [UInt8] = []

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func next() async throws -> SMTPReply {
        var lines: [String] = []
        var code = 0
        while true {
            let line = try await nextLine()
            guard line.count >= 3, let value = Int(line.prefix(3)) else {
                throw MailFailure("the server sent something that is not an SMTP reply: \(line.prefix(80))")
            }
            code = value
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                return SMTPReply(code: code, lines: lines)
            }
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 64 * 1024 else { throw MailFailure("the server sent a line too long to be SMTP") }
            guard var chunk = try await iterator.next() else {
                throw MailFailure("the server closed the connection")
            }
            buffer += chunk.readBytes(length: chunk.readableBytes) ?? []
        }
    }
}

extension SMTPTransport {
    /// Whether a refusal of `RCPT TO` says the mailbox does not exist (550/551/553, enhanced status 5.1.x or
    /// none), as opposed to a policy, quota or system refusal.
    static func isMailboxRefusal(code: Int, text: String) -> Bool {
        guard [550, 551, 553].contains(code) else { return false }
        guard let status = text.split(separator: " ").first, status.first?.isNumber == true, status.contains(".")
        else { return true }
        return status.hasPrefix("5.1.")
    }
}
