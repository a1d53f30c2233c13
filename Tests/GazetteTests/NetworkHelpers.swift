import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Finds a free TCP port on 127.0.0.1 by binding port 0 and reading what the kernel chose.
enum FreePort {
    static func find() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw CommandLineError(message: "no socket") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketFD, pointer, length) == 0 && getsockname(socketFD, pointer, &length) == 0
            }
        }
        guard bound else { throw CommandLineError(message: "cannot bind a port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A small HTTP client for tests of the real server process.
enum HTTPProbe {
    static func get(_ url: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: URL(string: url)!)
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls until the server answers, for up to `timeout` seconds.
    static func waitForAnswer(_ url: String, timeout: TimeInterval = 60) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let body = try? await get(url) { return body }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CommandLineError(message: "\(url) did not answer within \(timeout) s")
    }
}
