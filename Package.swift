// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MentorMail",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mentormail", targets: ["mentormail"]),
        .library(name: "MentorMail", targets: ["MentorMail"]),
        .library(name: "MatchingCore", targets: ["MatchingCore"]),
        .library(name: "Mail", targets: ["Mail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // glibc's mallopt and malloc_trim: large buffers stay out of the heap, and what a large
        // message's parsing used is given back.
        .systemLibrary(name: "CMalloc"),
        .target(name: "Mail", dependencies: ["CLibXML2"]),
        .target(name: "MailTransport", dependencies: ["Mail", "CCurl"]),
        .target(name: "MatchingCore"),
        .target(
            name: "MentorMail",
            dependencies: [
                "Mail", "MailTransport", "MatchingCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // For SQLite's incremental blob writes (AppDatabase.storeRaw).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CMalloc",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The shipped templates (templates/) built into the program, for `mentormail init`.
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .executableTarget(
            name: "mentormail",
            dependencies: [
                "MentorMail", "Mail", "MailTransport", "MatchingCore", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets (the real test servers' settings); not shipped.
        .target(name: "TestSupport", dependencies: ["Mail", "MailTransport"], path: "Tests/TestSupport"),
        .testTarget(name: "MailTests", dependencies: ["Mail"]),
        .testTarget(name: "MailTransportTests", dependencies: ["MailTransport", "Mail", "TestSupport"]),
        .testTarget(name: "MatchingCoreTests", dependencies: ["MatchingCore"]),
        .testTarget(name: "MentorMailTests", dependencies: [
            "MentorMail", "MailTransport", "Mail", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
