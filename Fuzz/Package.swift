// swift-tools-version:6.0
// libFuzzer targets for the Mail module and the program's readers, kept out of the main package: run them with
// scripts/fuzz.sh [SECONDS] [TARGET]. Each target is an executable whose entry point is
// libFuzzer's (LLVMFuzzerTestOneInput), so it only builds with -sanitize=fuzzer.
import PackageDescription

let mail: Target.Dependency = .product(name: "Mail", package: "MentorMail")
let program: Target.Dependency = .product(name: "MentorMail", package: "MentorMail")
// No `main`: libFuzzer provides it, the Swift files define LLVMFuzzerTestOneInput.
let asLibrary: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "MailFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "MentorMail", path: ".."),
    ],
    targets: [
        // A whole message: headers, MIME tree, every leaf decoded, best text, reply, RSVP.
        .executableTarget(name: "fuzz-message", dependencies: [mail], swiftSettings: asLibrary),
        // HTML → text and quoted-HTML removal on raw bytes in several charsets.
        .executableTarget(name: "fuzz-html", dependencies: [mail], swiftSettings: asLibrary),
        // Plain-text reply extraction and format=flowed text.
        .executableTarget(name: "fuzz-reply", dependencies: [mail], swiftSettings: asLibrary),
        // iCalendar reading (RSVPs) and the writer's escaping round trip.
        .executableTarget(name: "fuzz-ical", dependencies: [mail], swiftSettings: asLibrary),
        // The sign-up form reader, the profile built from it, and the check-in answer reader.
        .executableTarget(name: "fuzz-form", dependencies: [program], swiftSettings: asLibrary),
        // Form exports (CSV): every line a row or a reported problem.
        .executableTarget(name: "fuzz-csv", dependencies: [program], swiftSettings: asLibrary),
        // The config loader: it loads, or fails with a config error.
        .executableTarget(name: "fuzz-config", dependencies: [program], swiftSettings: asLibrary),
    ],
    swiftLanguageModes: [.v6]
)
