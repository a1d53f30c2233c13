import HTTPTypes
import Hummingbird

/// Serves theme assets from memory. Fingerprinted names are cached for a year; plain names briefly.
package struct AssetController: Sendable {
    package let assets: ThemeAssets

    package init(assets: ThemeAssets) {
        self.assets = assets
    }

    package func respond(to request: Request, name: String) -> Response? {
        guard let asset = assets.asset(named: name) else { return nil }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] =
            asset.isImmutable ? "public, max-age=31536000, immutable" : "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
