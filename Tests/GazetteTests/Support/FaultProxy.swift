import Foundation

/// A TCP relay on 127.0.0.1 between Gazette and its PostgreSQL server that a test can break on purpose:
/// `freeze` stops passing bytes (a network that silently dropped the connections), `cut` closes every
/// connection (a restarted server), `refuse` closes new ones as soon as they arrive (a server still down).
final class FaultProxy: @unchecked Sendable {
    let port: Int
    private let upstreamPort: Int
    private let listener: Int32
    private let lock = NSLock()
    private var sockets: Set<Int32> = []
    private var isFrozen = false
    private var isRefusing = false
    private var isRunning = true

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound, listen(listener, 64) == 0 else { throw CommandLineError(message: "the proxy cannot listen") }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { self.acceptLoop() }
    }

    func freeze() { lock.withLock { isFrozen = true } }
    func thaw() { lock.withLock { isFrozen = false } }
    func refuse(_ refusing: Bool) { lock.withLock { isRefusing = refusing } }

    /// Closes every relayed connection at once.
    func cut() {
        let open = lock.withLock {
            let open = sockets
            sockets = []
            return open
        }
        for descriptor in open { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    func stop() {
        lock.withLock { isRunning = false }
        shutdown(listener, Int32(SHUT_RDWR))
        _ = Glibc.close(listener)
        cut()
    }

    private var running: Bool { lock.withLock { isRunning } }
    private var frozen: Bool { lock.withLock { isFrozen } }

    private func acceptLoop() {
        while running {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            if lock.withLock({ isRefusing }) {
                _ = Glibc.close(client)
                continue
            }
            guard let upstream = try? RawConnection(port: upstreamPort) else {
                _ = Glibc.close(client)
                continue
            }
            lock.withLock {
                sockets.insert(client)
                sockets.insert(upstream.descriptor)
            }
            Thread.detachNewThread { self.pump(from: client, to: upstream.descriptor) }
            Thread.detachNewThread { self.pump(from: upstream.descriptor, to: client) }
        }
    }

    /// Copies bytes one way until either side closes; while frozen, reads nothing.
    private func pump(from source: Int32, to target: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        defer {
            shutdown(source, Int32(SHUT_RDWR))
            shutdown(target, Int32(SHUT_RDWR))
        }
        while running {
            if frozen {
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            var poller = pollfd(fd: source, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            if frozen { continue }
            let read = recv(source, &buffer, buffer.count, 0)
            guard read > 0 else { return }
            var sent = 0
            while sent < read {
                let written = buffer[sent..<read].withUnsafeBytes {
                    send(target, $0.baseAddress, read - sent, Int32(MSG_NOSIGNAL))
                }
                guard written > 0 else { return }
                sent += written
            }
        }
    }
}
