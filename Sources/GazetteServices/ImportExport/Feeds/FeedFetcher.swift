import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches a feed over HTTP(S) within limits: a deadline for the whole fetch (not per read: a server sending a
/// byte at a time is stopped at the deadline too), a size past which the download stops, at most five
/// redirects, only to http or https addresses, and only to public ones (`PublicAddress`) unless the site
/// allows private ones.
package struct FeedFetcher: Sendable {
    package var timeout: TimeInterval = 30
    package var maximumBytes = 20 * 1_024 * 1_024
    package var userAgent = "Gazette feed reader"
    /// Whether loopback, private and link-local addresses may be fetched (`site.feeds_private`).
    package var allowsPrivateAddresses = false

    package func fetch(_ url: URL) async throws -> Data {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host
        else {
            throw IncomingFeed.ReadError(
                message: "\(url.absoluteString) is not a web address: use http:// or https://.")
        }
        if !allowsPrivateAddresses { try Self.checkPublic(host, url: url) }
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: Data.self) { group in
            group.addTask { try await download(url) }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                throw IncomingFeed.ReadError(
                    message: "The feed at \(url.absoluteString) did not arrive within \(Int(timeout)) seconds; "
                        + "the download was stopped.")
            }
            // Whichever ends first decides; the other is cancelled (the download's connection is closed).
            defer { group.cancelAll() }
            guard let data = try await group.next() else { throw CancellationError() }
            return data
        }
    }

    package static func checkPublic(_ host: String, url: URL?) throws(IncomingFeed.ReadError) {
        do {
            try PublicAddress.check(host: host)
        } catch {
            throw IncomingFeed.ReadError(
                message: "\(url?.absoluteString ?? host) leads to \(error.address), an address on this machine or a "
                    + "private network; it was not fetched. An admin can allow such feeds in the settings.")
        }
    }

    private func download(_ url: URL) async throws -> Data {
        let download = Download(limit: maximumBytes, allowsPrivateAddresses: allowsPrivateAddresses)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = [
            "User-Agent": userAgent,
            "Accept":
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
        ]
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: url)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                download.start(task, continuation: continuation)
            }
        } onCancel: {
            task.cancel()
        }
    }

    /// Collects the body, and turns every way a fetch can go wrong into a sentence.
    private final class Download: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let limit: Int
        private let lock = NSLock()
        private var data = Data()
        private var continuation: CheckedContinuation<Data, any Error>?
        private var failure: IncomingFeed.ReadError?
        private var redirects = 0
        private let allowsPrivateAddresses: Bool

        init(limit: Int, allowsPrivateAddresses: Bool) {
            self.limit = limit
            self.allowsPrivateAddresses = allowsPrivateAddresses
        }

        func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<Data, any Error>) {
            lock.withLock { self.continuation = continuation }
            task.resume()
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                stop(
                    "The feed's server answered \(http.statusCode) "
                        + "(\(HTTPURLResponse.localizedString(forStatusCode: http.statusCode))) for "
                        + "\(response.url?.absoluteString ?? "the address").")
                return completionHandler(.cancel)
            }
            if response.expectedContentLength > Int64(limit) {
                stop(tooLarge)
                return completionHandler(.cancel)
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let exceeded = lock.withLock {
                self.data.append(data)
                return self.data.count > limit
            }
            if exceeded {
                stop(tooLarge)
                dataTask.cancel()
            }
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            let scheme = request.url?.scheme?.lowercased() ?? ""
            let count = lock.withLock {
                redirects += 1
                return redirects
            }
            guard scheme == "http" || scheme == "https" else {
                stop(
                    "The feed's address redirects to \(request.url?.absoluteString ?? "elsewhere"), which is not a web address; it was not followed."
                )
                // Declining ends the task with the redirect as its answer (cancelling here crashes
                // FoundationNetworking on Linux).
                return completionHandler(nil)
            }
            guard count <= 5 else {
                stop("The feed's address redirects more than five times; it was not followed further.")
                return completionHandler(nil)
            }
            if !allowsPrivateAddresses, let url = request.url {
                do {
                    try FeedFetcher.checkPublic(url.host ?? "", url: url)
                } catch {
                    stop("The feed's address redirects to " + error.message)
                    return completionHandler(nil)
                }
            }
            completionHandler(request)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            let (continuation, failure, data) = lock.withLock {
                let taken = (self.continuation, self.failure, self.data)
                self.continuation = nil
                return taken
            }
            guard let continuation else { return }
            if let failure {
                continuation.resume(throwing: failure)
            } else if let error {
                let reason =
                    (error as? URLError)?.code == .timedOut ? "it did not answer in time" : error.localizedDescription
                continuation.resume(
                    throwing: IncomingFeed.ReadError(
                        message:
                            "The feed could not be fetched from \(task.originalRequest?.url?.absoluteString ?? "its address"): \(reason)."
                    ))
            } else {
                continuation.resume(returning: data)
            }
        }

        private var tooLarge: String {
            "The feed is larger than \(limit / 1_048_576) MB; the download was stopped."
        }

        private func stop(_ message: String) {
            lock.withLock { if failure == nil { failure = IncomingFeed.ReadError(message: message) } }
        }
    }
}
