import Hummingbird
import Logging
import NIOCore

/// The request context of every router: remembers the client's address for comment checks.
public struct GazetteRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by the newsroom gate for the routes behind it.
    package var newsroomPass: NewsroomPass?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Form posts are small; a comment at its longest is well under this.
    public var maxUploadSize: Int { 512 * 1024 }

    /// The client's IP address as text, or empty when unknown.
    package var clientIP: String {
        remoteAddress?.ipAddress ?? ""
    }
}
