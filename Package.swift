// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Release builds link the Swift runtime and Foundation into the executables (what `--static-swift-stdlib` does): a
/// command then starts in about half the time, because the dynamic loader no longer binds some 16,000 symbols across a
/// dozen Swift libraries on every run. Compiling the executable's own module the same way lets it name the static
/// libraries Foundation needs. Debug builds and tests stay dynamic, for link speed.
let staticSwiftInRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let staticSwiftCompile: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], staticSwiftInRelease)]
let staticSwiftLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], staticSwiftInRelease)]

let package = Package(
    name: "Rectify",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rectify", targets: ["rectify"]),
        .library(name: "RectifyKit", targets: ["RectifyKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // OpenSSL's libcrypto: SHA-256 for the audit chain and attachments (xmlsec1-openssl links it anyway).
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CMalloc"),
        // SQLite settings made once per process before SQLite starts (sqlite3_config is variadic: Swift cannot call it).
        // DWARF 4: valgrind 3.19 (callgrind, used to profile the bench) cannot read clang's default DWARF 5.
        .target(name: "CSQLiteSettings", cSettings: [.unsafeFlags(["-gdwarf-4"])],
                linkerSettings: [.linkedLibrary("sqlite3")]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CXMLSec", pkgConfig: "xmlsec1-openssl", providers: [.apt(["libxmlsec1-dev"])]),
        .target(name: "RectifyCore", dependencies: ["COpenSSL"]),
        .target(name: "RectifyXML", dependencies: ["CLibXML2", "CXMLSec", "RectifyCore"]),
        .target(
            name: "RectifyStore",
            dependencies: [
                "RectifyCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "RectifyKit",
            dependencies: [
                "RectifyCore", "RectifyStore", "RectifyXML", "CMalloc", "CSQLiteSettings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            // A module's members are visible only where it is imported: GRDB's, reachable through RectifyStore, are
            // then out of RectifyKit's reach, and the database stays behind the store's typed queries.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The web application (`rectify serve`): Hummingbird 2 over RectifyKit; no SQL, no GRDB.
        .target(
            name: "RectifyServer",
            dependencies: [
                "RectifyKit", "RectifyCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                // The read models' types (no GRDB API: MemberImportVisibility keeps GRDB's members out of reach).
                "RectifyStore",
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "rectify",
            dependencies: [
                "RectifyKit", "RectifyCore", "RectifyXML", "RectifyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticSwiftCompile,
            linkerSettings: staticSwiftLink
        ),
        // Ratios against sqlite3 and xmllint on the same machine: `swift run -c release rectify-bench`.
        .executableTarget(
            name: "rectify-bench",
            dependencies: [
                "RectifyKit", "RectifyCore", "RectifyXML", "RectifyStore", "RectifyServer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticSwiftCompile,
            linkerSettings: staticSwiftLink
        ),
        .testTarget(name: "RectifyCoreTests", dependencies: ["RectifyCore"]),
        // Helpers shared by test targets (running xmllint and xmlsec1); not part of the product.
        .target(name: "RectifyTestSupport", path: "Tests/RectifyTestSupport"),
        .testTarget(name: "RectifyXMLTests", dependencies: ["RectifyXML", "RectifyCore", "RectifyTestSupport"]),
        .testTarget(
            name: "RectifyStoreTests",
            dependencies: ["RectifyStore", "RectifyCore", "RectifyTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "RectifyKitTests",
            dependencies: [
                "RectifyKit", "RectifyStore", "RectifyCore", "RectifyTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RectifyServerTests",
            dependencies: [
                "RectifyServer", "RectifyKit", "RectifyCore", "RectifyStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // Read by the snapshot test from the source tree, as kept there.
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "RectifyCLITests",
            dependencies: [
                "rectify", "RectifyCore", "RectifyKit", "RectifyTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)

// Fuzzing (`scripts/fuzz TARGET`): only when RECTIFY_FUZZ names libFuzzer's archive without its main, built in a
// folder of its own. Every Rectify target is compiled with libFuzzer's coverage instrumentation; each fuzz target is
// an executable whose main starts libFuzzer's driver (SwiftPM gives every executable its own main).
if let libFuzzer = ProcessInfo.processInfo.environment["RECTIFY_FUZZ"] {
    let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]
    for target in package.targets where target.type == .regular && target.name.hasPrefix("Rectify") {
        target.swiftSettings = (target.swiftSettings ?? []) + fuzzer
    }
    package.targets.append(.target(name: "RectifyFuzzSupport", dependencies: ["RectifyKit", "RectifyXML"], path: "Fuzz/support",
                                   swiftSettings: fuzzer))
    for (name, path) in [("fuzz-csv", "Fuzz/csv"), ("fuzz-xml", "Fuzz/xml"), ("fuzz-document-number", "Fuzz/document-number"),
                         ("fuzz-date", "Fuzz/date")] {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["RectifyFuzzSupport", "RectifyKit", "RectifyCore", "RectifyXML"], path: path,
            swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-Xlinker", libFuzzer, "-lstdc++"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
