// swift-tools-version:6.0
// Benchmarks for MatchingCore, kept out of the main package (see scripts/bench-matching.sh).
import PackageDescription

let package = Package(
    name: "MatchingBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "MentorMail", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "matching-bench",
            dependencies: [.product(name: "MatchingCore", package: "MentorMail")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
