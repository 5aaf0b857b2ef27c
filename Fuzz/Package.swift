// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for StoreOps's parsers, built by scripts/fuzz with `-sanitize=fuzzer`: each product is one
// target whose `LLVMFuzzerTestOneInput` feeds arbitrary bytes to one reader. A separate package, so that the
// main build never links them (libFuzzer brings its own `main`).
let fuzzer: [SwiftSetting] = [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "StoreOpsFuzz",
    platforms: [.macOS(.v14)],
    products: ["FuzzCells", "FuzzCSV", "FuzzXLSX", "FuzzMapping", "FuzzArchive"].map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "StoreOps", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "StoreOpsCore", package: "StoreOps"), .product(name: "StoreOpsImport", package: "StoreOps"),
        ],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "FuzzCells", dependencies: ["FuzzSupport"], swiftSettings: fuzzer),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"], swiftSettings: fuzzer),
        .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzSupport"], swiftSettings: fuzzer),
        .executableTarget(name: "FuzzMapping", dependencies: ["FuzzSupport"], swiftSettings: fuzzer),
        .executableTarget(name: "FuzzArchive", dependencies: [
            "FuzzSupport", .product(name: "StoreOpsStorage", package: "StoreOps"), .product(name: "StoreOpsServices", package: "StoreOps"),
        ],
                          swiftSettings: fuzzer),
    ]
)
