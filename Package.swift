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
        .library(name: "NameMatching", targets: ["NameMatching"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Domain, database and rules: no C, no CLI, no PDF.
        .target(
            name: "TrainingCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/regions.yaml")],
            swiftSettings: strictness
        ),
        // Recognising one person written in two scripts: Foundation only.
        .target(
            name: "NameMatching",
            swiftSettings: strictness
        ),
        // `swift run -c release NameMatchingBenchmark`: times duplicate search on 100,000 people.
        .executableTarget(
            name: "NameMatchingBenchmark",
            dependencies: ["NameMatching"],
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
        .testTarget(
            name: "TrainingCoreTests",
            dependencies: ["TrainingCore"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "NameMatchingTests",
            dependencies: ["NameMatching"],
            exclude: ["__Fixtures__"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "MalakaEndToEndTests",
            dependencies: ["malaka"],
            swiftSettings: strictness
        ),
    ]
)
