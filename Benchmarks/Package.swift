// swift-tools-version:6.0
// Benchmarks for MatchingCore, kept out of the main package (see scripts/bench-matching.sh).
import PackageDescription

let package = Package(
    name: "MatchingBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "MentorMail", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "matching-bench",
            dependencies: [.product(name: "MatchingCore", package: "MentorMail")]
        ),
        // Speed Mentoring rotations: time, interest against the bound, repeats (scripts/bench-rotations.sh).
        .executableTarget(
            name: "rotations-bench",
            dependencies: [.product(name: "MatchingCore", package: "MentorMail")]
        ),
        // The scheduled-work phase of a run with many pairs and nothing due (scripts/bench-jobs.sh).
        .executableTarget(
            name: "jobs-bench",
            dependencies: [
                .product(name: "MentorMail", package: "MentorMail"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
