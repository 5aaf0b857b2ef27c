// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "StoreOps",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "storeops", targets: ["storeops"]),
        // For the fuzz targets in Fuzz/, a package of its own.
        .library(name: "StoreOpsCore", targets: ["StoreOpsCore"]),
        .library(name: "StoreOpsImport", targets: ["StoreOpsImport"]),
        .library(name: "StoreOpsStorage", targets: ["StoreOpsStorage"]),
        .library(name: "StoreOpsServices", targets: ["StoreOpsServices"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // SHA-256 block compression with the x86 SHA extensions (file fingerprints, buyer pseudonyms); pure C, no I/O.
        .target(name: "CStoreOpsSHA"),
        // Process-wide settings that need C: SQLite's configuration (sqlite3_config is variadic), glibc's mallopt.
        .target(name: "CStoreOpsTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "StoreOpsCore", dependencies: ["CStoreOpsSHA"], swiftSettings: strict),
        .target(
            name: "StoreOpsImport",
            dependencies: ["StoreOpsCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "StoreOpsStorage",
            dependencies: [
                "StoreOpsCore", "CStoreOpsTuning", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "StoreOpsReports",
            dependencies: ["StoreOpsCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "StoreOpsServices",
            dependencies: [
                "StoreOpsCore", "StoreOpsImport", "StoreOpsStorage", "StoreOpsReports",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "StoreOpsServer",
            dependencies: [
                "StoreOpsServices", "StoreOpsReports",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            // Members only of modules imported here: the server cannot reach the storage through the services.
            swiftSettings: strict + [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // Posting messages to chat apps' robots over HTTPS and e-mail over SMTP: the services' `WebhookTransport` and
        // `MailTransport`, at the edge.
        .target(
            name: "StoreOpsDelivery",
            dependencies: [
                "StoreOpsServices", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "StoreOpsCLI",
            dependencies: [
                "StoreOpsServices", "StoreOpsServer", "StoreOpsStorage", "StoreOpsReports", "StoreOpsDelivery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "storeops", dependencies: ["StoreOpsCLI", "CStoreOpsTuning"], swiftSettings: strict),
        .target(
            name: "StoreOpsTesting",
            dependencies: [
                "StoreOpsCore", "StoreOpsStorage", "StoreOpsServices", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "StoreOpsCoreTests", dependencies: ["StoreOpsCore", "StoreOpsTesting"], swiftSettings: strict),
        .testTarget(name: "StoreOpsImportTests", dependencies: ["StoreOpsImport", "StoreOpsTesting"], swiftSettings: strict),
        .testTarget(
            name: "StoreOpsStorageTests",
            dependencies: ["StoreOpsStorage", "StoreOpsTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StoreOpsServicesTests",
            dependencies: ["StoreOpsServices", "StoreOpsImport", "StoreOpsReports", "StoreOpsTesting"],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StoreOpsReportsTests",
            dependencies: ["StoreOpsReports", "StoreOpsTesting", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StoreOpsServerTests",
            dependencies: ["StoreOpsServer", "StoreOpsServices", "StoreOpsTesting", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StoreOpsDeliveryTests",
            dependencies: [
                "StoreOpsDelivery", "StoreOpsServices", "StoreOpsTesting", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StoreOpsCLITests",
            dependencies: ["StoreOpsCLI", "StoreOpsStorage", "StoreOpsTesting"],
            swiftSettings: strict
        ),
    ]
)
