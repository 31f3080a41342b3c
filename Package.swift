// swift-tools-version:6.0
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Malaka",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "malaka", targets: ["malaka"]),
        .library(name: "TrainingCore", targets: ["TrainingCore"]),
        .library(name: "Spreadsheets", targets: ["Spreadsheets"]),
        .library(name: "Typesetting", targets: ["Typesetting"]),
        .library(name: "NameMatching", targets: ["NameMatching"]),
        .library(name: "Documents", targets: ["Documents"]),
        .library(name: "CertificateVerification", targets: ["CertificateVerification"]),
        .library(name: "MalakaSupport", targets: ["MalakaSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // What every other module needs once: character labels, parallel map, plain-text tables and
        // the safe file writer. Foundation only, so that anything may depend on it.
        .target(
            name: "MalakaSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "MalakaSupportTests",
            dependencies: ["MalakaSupport"],
            swiftSettings: strictness
        ),
        // SQLite's preupdate hook, through which TrainingCore captures every change for the change log.
        .target(name: "CChangeHook", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Domain, database and rules: no CLI, no PDF; no C but the change hook's.
        .target(
            name: "TrainingCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                "CertificateVerification",
                "Spreadsheets",
                "NameMatching",
                "MalakaSupport",
                "CChangeHook",
            ],
            resources: [.copy("Resources/regions.yaml")],
            swiftSettings: strictness
        ),
        // Certificate tokens, keys, revocation lists and the verifier: Foundation and swift-crypto only, so a
        // verifier program or page links it without the database, YAML, spreadsheets or name matching.
        .target(
            name: "CertificateVerification",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/verifier-page.html")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "CertificateVerificationTests",
            dependencies: ["CertificateVerification"],
            swiftSettings: strictness
        ),
        // The command-line tool: a thin layer of commands over the library.
        .executableTarget(
            name: "malaka",
            dependencies: [
                "TrainingCore", "Documents", "ReportDocuments", "CertificateVerification", "Spreadsheets", "MalakaSupport",
                "WebApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        // `malaka serve`: the pages for trainers, coordinators and managers over the same core (Hummingbird 2,
        // mustache templates, one CSS file and a little plain JavaScript, nothing loaded from outside).
        .target(
            name: "WebApp",
            dependencies: [
                "TrainingCore", "Documents", "ReportDocuments", "MalakaSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/templates"), .copy("Resources/static")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "TrainingCore", "TrainingFixtures", "PDFTestSupport", "CertificateVerification",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictness
        ),
        // Reads CSV and XLSX files into rows of strings; knows nothing of participants.
        .target(
            name: "Spreadsheets",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictness
        ),
        // Recognising one person written in two scripts: Foundation only.
        .target(
            name: "NameMatching",
            dependencies: ["MalakaSupport"],
            swiftSettings: strictness
        ),
        // C libraries for PDF typesetting; only Typesetting imports them.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CFontconfig", pkgConfig: "fontconfig", providers: [.apt(["libfontconfig-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // The zlib level of cairo's deflate streams, which cairo does not let one set (see deflate_level.c).
        .target(name: "CDeflateLevel", linkerSettings: [.linkedLibrary("z"), .linkedLibrary("dl")]),
        // cairo's numbers written without glibc's vfprintf, to the same characters (see number_format.c).
        .target(name: "CNumberFormat", linkerSettings: [.linkedLibrary("m"), .linkedLibrary("dl")]),
        // Fonts, shaping, layout and PDF drawing: knows nothing of trainings.
        .target(
            name: "Typesetting",
            dependencies: ["CCairo", "CDeflateLevel", "CFreeType", "CNumberFormat", "CFontconfig", "CHarfBuzz", "CQRencode", "MalakaSupport"],
            swiftSettings: strictness
        ),
        // Certificates from templates: template files, layout, preflight, PDF rendering and issuing to files.
        .target(
            name: "Documents",
            dependencies: [
                "TrainingCore", "Typesetting", "MalakaSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Documents", "TrainingCore", "CertificateVerification", "Typesetting", "PDFTestSupport"],
            exclude: ["__Fixtures__"],
            swiftSettings: strictness
        ),
        // Region summaries as a table, CSV, JSON and a PDF report with charts.
        .target(
            name: "ReportDocuments",
            dependencies: ["TrainingCore", "Typesetting", "MalakaSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TrainingCoreTests",
            dependencies: ["TrainingCore", "TrainingFixtures", "CertificateVerification", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
        // Import, export, duplicates and merging on an in-memory database, with spreadsheet fixtures.
        .testTarget(
            name: "ImportExportTests",
            dependencies: ["TrainingCore", "TrainingFixtures", "Spreadsheets", "NameMatching", "MalakaSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["__Fixtures__"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "MalakaEndToEndTests",
            dependencies: ["malaka", "PDFTestSupport", "CertificateVerification", "TrainingFixtures", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["__Fixtures__"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "SpreadsheetsTests",
            dependencies: ["Spreadsheets", "TrainingFixtures"],
            exclude: ["__Fixtures__"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "NameMatchingTests",
            dependencies: ["NameMatching"],
            exclude: ["__Fixtures__"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["TrainingCore", "TrainingFixtures", "ReportDocuments", "Typesetting", "PDFTestSupport"],
            swiftSettings: strictness
        ),
        // The courses the core, import and report tests build their programmes from, written once.
        .target(
            name: "TrainingFixtures",
            dependencies: ["TrainingCore"],
            path: "Tests/TrainingFixtures",
            swiftSettings: strictness
        ),
        // What tests read back from PDFs through poppler and zbar: text, fonts, ink, QR codes.
        .target(
            name: "PDFTestSupport",
            path: "Tests/PDFTestSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TypesettingTests",
            dependencies: ["Typesetting", "PDFTestSupport"],
            exclude: ["__Fixtures__"],
            swiftSettings: strictness
        ),
    ]
)

// Benchmarks and their C baseline, in Benchmarks/, only when MALAKA_BENCHMARKS is set (`make bench`, and the
// smoke run of `make test`), so that a plain `swift build` or `swift test` does not compile them.
if Context.environment["MALAKA_BENCHMARKS"] != nil {
    package.targets += [
        // What every benchmark shares: failing with a message rather than a trap, and the tests' seeded generator.
        .target(
            name: "BenchmarkSupport",
            dependencies: ["TrainingFixtures"],
            path: "Benchmarks/BenchmarkSupport",
            swiftSettings: strictness
        ),
        // Release-build measurements reported in BENCHMARKS.md: the foundation, scheduling, import and duplicates.
        .executableTarget(
            name: "MalakaBenchmarks",
            dependencies: ["BenchmarkSupport", "TrainingCore", "CertificateVerification", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/MalakaBenchmarks",
            swiftSettings: strictness
        ),
        // 1,000 and 10,000 certificates issued end to end by the malaka binary, against TypesettingBenchmark
        // and the C baseline.
        .executableTarget(
            name: "CertificatesBenchmark",
            dependencies: ["BenchmarkSupport", "TrainingCore", "CertificateVerification"],
            path: "Benchmarks/CertificatesBenchmark",
            swiftSettings: strictness
        ),
        // The participation certificate drawn by a direct C program with cairo and HarfBuzz.
        .executableTarget(
            name: "CertificateBaseline",
            dependencies: ["CCairo", "CFreeType", "CFontconfig", "CHarfBuzz", "CQRencode"],
            path: "Benchmarks/CertificateBaseline"
        ),
        // Generates a national programme and times region summaries of it.
        .executableTarget(
            name: "RegionSummaryBenchmark",
            dependencies: ["BenchmarkSupport", "TrainingCore", "TrainingFixtures"],
            path: "Benchmarks/RegionSummaryBenchmark",
            swiftSettings: strictness
        ),
        // Times reading a generated 100,000-row CSV.
        .executableTarget(
            name: "SpreadsheetsBenchmark",
            dependencies: ["BenchmarkSupport", "Spreadsheets"],
            path: "Benchmarks/SpreadsheetsBenchmark",
            swiftSettings: strictness
        ),
        // Times duplicate search on 100,000 people.
        .executableTarget(
            name: "NameMatchingBenchmark",
            dependencies: ["BenchmarkSupport", "NameMatching", "TrainingFixtures"],
            path: "Benchmarks/NameMatchingBenchmark",
            swiftSettings: strictness
        ),
        // Renders 1,000 certificate-like pages as one PDF and as 1,000 files.
        .executableTarget(
            name: "TypesettingBenchmark",
            dependencies: ["BenchmarkSupport", "Typesetting"],
            path: "Benchmarks/TypesettingBenchmark",
            swiftSettings: strictness
        ),
    ]
    package.products += [
        .executable(name: "malaka-bench", targets: ["MalakaBenchmarks"]),
        .executable(name: "certificates-bench", targets: ["CertificatesBenchmark"]),
        .executable(name: "certificate-baseline", targets: ["CertificateBaseline"]),
    ]
}

// libFuzzer targets, in Fuzz/, only when MALAKA_FUZZ is set (`make fuzz`): libFuzzer supplies `main`,
// so these executables link only with `--sanitize=fuzzer`, and a plain `swift build` or
// `swift test` must not try to build them.
if Context.environment["MALAKA_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzCSV", ["Spreadsheets", "TrainingCore"]),
        ("FuzzXLSX", ["Spreadsheets", "TrainingCore"]),
        ("FuzzTemplate", ["Documents", "Typesetting"]),
        ("FuzzToken", ["CertificateVerification"]),
        ("FuzzCourseYAML", ["TrainingCore"]),
        ("FuzzAttendance", ["Spreadsheets", "TrainingCore"]),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(
            name: target.name, dependencies: target.dependencies, path: "Fuzz/\(target.name)",
            swiftSettings: strictness + [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}

