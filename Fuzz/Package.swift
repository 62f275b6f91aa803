// swift-tools-version:6.0
// libFuzzer targets for the Mail module, kept out of the main package: run them with
// scripts/fuzz.sh [SECONDS] [TARGET]. Each target is an executable whose entry point is
// libFuzzer's (LLVMFuzzerTestOneInput), so it only builds with -sanitize=fuzzer.
import PackageDescription

let mail: Target.Dependency = .product(name: "Mail", package: "MentorMail")
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
    ],
    swiftLanguageModes: [.v6]
)
