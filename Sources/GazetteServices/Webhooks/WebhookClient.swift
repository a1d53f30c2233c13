import Foundation
import GazetteContent
import NIOCore
import NIOPosix
import NIOSSL

/// POSTs one delivery over HTTP/1.1 to the address `WebhookTarget` checked, within one deadline for the
/// whole exchange (connection, TLS, request and answer): a receiver that trickles bytes is cut off at the
/// deadline, not per read. Redirects are not followed: a 3xx is an answer like any other non-2xx.
package struct WebhookClient: Sendable {
    /// Seconds for the whole exchange.
    package var timeout: TimeInterval = 10
    /// Only the status line and headers are read; a larger head is refused.
    static let headLimit = 64 * 1_024

    package init(timeout: TimeInterval = 10) {
        self.timeout = timeout
    }

    /// A failure before any answer, or an answer that could not be read.
    package struct Failure: Error, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    /// Sends `body` and returns the receiver's status code.
    package func post(_ body: String, to target: WebhookTarget, headers: [(String, String)]) async throws -> Int {
        let tls = try target.isTLS ? NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let limit = TimeAmount.milliseconds(Int64(timeout * 1_000))
        let started = NIODeadline.now()
        let channel = try await connect(to: target, tls: tls, deadline: started + limit)
        // Whatever is left of the deadline: the connection is closed then, which ends the reading below.
        let closing = channel.channel.eventLoop.scheduleTask(deadline: started + limit) {
            channel.channel.close(promise: nil)
        }
        defer { closing.cancel() }
        let request = Self.request(body, to: target, headers: headers)
        let timeout = self.timeout
        do {
            return try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: request))
                var head = ByteBuffer()
                for try await var chunk in inbound {
                    head.writeBuffer(&chunk)
                    if let status = try Self.status(in: head) { return status }
                    guard head.readableBytes <= Self.headLimit else {
                        throw Failure(message: "the answer's headers were larger than 64 KB")
                    }
                }
                if let status = try Self.status(in: head, ended: true) { return status }
                throw Failure(message: "the connection was closed before an answer")
            }
        } catch let failure as Failure {
            throw NIODeadline.now() >= started + limit ? Self.timedOut(timeout) : failure
        } catch {
            if NIODeadline.now() >= started + limit { throw Self.timedOut(timeout) }
            throw Failure(message: "the exchange failed: \(error)")
        }
    }

    /// A connection to the first of the checked addresses that accepts one before the deadline.
    private func connect(
        to target: WebhookTarget, tls: NIOSSLContext?, deadline: NIODeadline
    ) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        var problems: [String] = []
        for bytes in target.addresses {
            let remaining = deadline - NIODeadline.now()
            guard remaining > .zero else { break }
            do {
                let address = try SocketAddress(ipAddress: PublicAddress.describe(bytes), port: target.port)
                return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(remaining)
                    .connect(to: address) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            if let tls {
                                // The certificate is checked against the name, though the connection is to the
                                // address resolved before (a literal address has no name to send or check).
                                let name = IPAddress(target.host) == nil ? target.host : nil
                                try channel.pipeline.syncOperations.addHandler(
                                    try NIOSSLClientHandler(context: tls, serverHostname: name))
                            }
                            return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                        }
                    }
            } catch {
                problems.append(Self.connectionProblem(error, target: target, address: bytes))
            }
        }
        throw Failure(message: problems.isEmpty ? "could not connect in time" : problems.joined(separator: "; "))
    }

    private static func timedOut(_ timeout: TimeInterval) -> Failure {
        Failure(message: "no answer within \(Int(timeout)) seconds")
    }

    static func request(_ body: String, to target: WebhookTarget, headers: [(String, String)]) -> String {
        var lines = ["POST \(target.target) HTTP/1.1", "Host: \(target.hostHeader)"]
        for (name, value) in headers { lines.append("\(name): \(value)") }
        lines.append("Content-Length: \(body.utf8.count)")
        lines.append("Connection: close")
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    /// The status code once the status line is complete; nil while more is needed.
    static func status(in buffer: ByteBuffer, ended: Bool = false) throws -> Int? {
        let bytes = buffer.readableBytesView
        guard let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
            if ended { throw Failure(message: "the answer was not HTTP") }
            return nil
        }
        let line = String(decoding: bytes[bytes.startIndex..<lineEnd], as: UTF8.self)
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let code = Int(parts[1]), (100...599).contains(code)
        else { throw Failure(message: "the answer was not HTTP") }
        // 1xx answers are interim; the final one follows (rare for a POST without Expect).
        return code < 200 ? nil : code
    }

    private static func connectionProblem(_ error: any Error, target: WebhookTarget, address: [UInt8]) -> String {
        let described = String(describing: error)
        let place = "\(target.hostHeader) (\(PublicAddress.describe(address)))"
        if described.lowercased().contains("refused") { return "connection refused by \(place)" }
        if error is ChannelError, case .connectTimeout = error as? ChannelError {
            return "could not connect to \(place) in time"
        }
        return "could not connect to \(place): \(described)"
    }
}
