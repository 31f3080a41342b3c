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
        .executable(name: "malaka-bench", targets: ["MalakaBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Domain, database and rules: no C, no CLI, no PDF.
        .target(
            name: "TrainingCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/regions.yaml")],
            swiftSettings: strictness
        ),
        // The command-line tool: a thin layer of commands over the library.
        .executableTarget(
            name: "malaka",
            dependencies: [
                "TrainingCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        // `make bench`: release-build measurements reported in BENCHMARKS.md.
        .executableTarget(
            name: "MalakaBenchmarks",
            dependencies: [
                "TrainingCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TrainingCoreTests",
            dependencies: ["TrainingCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "MalakaEndToEndTests",
            dependencies: ["malaka", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
    ]
)
