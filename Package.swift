// swift-tools-version:6.0
import PackageDescription

// Dependencies and why each earns its build minutes are listed in docs/architecture.md.
let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gazette", targets: ["GazetteCLI"]),
        .library(name: "Gazette", targets: ["Gazette"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-atomics.git", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
    ],
    targets: [
        .target(
            name: "GazetteContent",
            path: "Sources/GazetteContent"
        ),
        .target(
            name: "GazetteStorage",
            dependencies: [
                "GazetteContent",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/GazetteStorage"
        ),
        .target(
            name: "GazetteServices",
            dependencies: [
                "GazetteContent",
                "GazetteStorage",
                .product(name: "Ink", package: "Ink"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Atomics", package: "swift-atomics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // The SMTP client (Mail/SMTPTransport.swift).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Sources/GazetteServices"
        ),
        .target(
            name: "GazetteWeb",
            dependencies: [
                "GazetteContent",
                "GazetteStorage",
                "GazetteServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            path: "Sources/GazetteWeb",
            resources: [.copy("Resources/Themes")]
        ),
        .target(
            name: "GazetteAPI",
            dependencies: [
                "GazetteContent",
                "GazetteStorage",
                "GazetteServices",
                "GazetteWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/GazetteAPI",
            resources: [.copy("openapi.yaml")],
            // The server's types and routes are generated from openapi.yaml at build time, so the document
            // and the code cannot disagree.
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "Gazette",
            dependencies: [
                "GazetteContent",
                "GazetteStorage",
                "GazetteServices",
                "GazetteWeb",
                "GazetteAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Gazette"
        ),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "Gazette",
                "GazetteServices",
                "GazetteContent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/GazetteCLI"
        ),
        .testTarget(
            name: "GazetteContentTests",
            dependencies: ["GazetteContent"],
            path: "Tests/GazetteContentTests"
        ),
        .testTarget(
            name: "GazetteStorageTests",
            dependencies: ["GazetteStorage", "GazetteContent", "GazetteTestSupport"],
            path: "Tests/GazetteStorageTests"
        ),
        .testTarget(
            name: "GazetteTests",
            dependencies: [
                "Gazette", "GazetteServices", "GazetteWeb", "GazetteAPI", "GazetteContent", "GazetteStorage",
                "GazetteTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/GazetteTests"
        ),
        .target(
            name: "GazetteTestSupport",
            dependencies: ["GazetteStorage", "GazetteContent", .product(name: "Logging", package: "swift-log")],
            path: "Tests/Support"
        ),
    ]
)
