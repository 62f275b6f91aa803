// swift-tools-version:6.0
// Mail parsing benchmark, kept out of the main package (see scripts/bench-mail.sh). It
// depends on the Mail library only, so a release build stays small.
import PackageDescription

let package = Package(
    name: "MailBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "MentorMail", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "mail-bench",
            dependencies: [.product(name: "Mail", package: "MentorMail")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
