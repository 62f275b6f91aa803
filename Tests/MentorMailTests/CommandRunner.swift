import Foundation
import Testing

/// Runs the built `mentormail` binary, the way cron and coordinators do.
struct CommandRunner {
    struct Result {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String
        var killed: Bool { reason == .uncaughtSignal }
    }

    /// The repository folder (for templates and fixtures).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new folder under the temporary directory, named `prefix` and a UUID, with `subfolders`
    /// made in it; the caller removes it.
    static func temporaryFolder(_ prefix: String, subfolders: [String] = []) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        for sub in subfolders.isEmpty ? [""] : subfolders {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return folder
    }

    /// A local Maildir's folders, for a program whose mailbox is `maildir:mailbox`.
    static let maildirFolders = ["mailbox/new", "mailbox/cur", "mailbox/tmp"]

    /// Writes `folder/mentormail.toml` for a program with a local Maildir and outbox, the
    /// repository's templates and its database at `database` (relative to the folder).
    static func writeLocalConfig(in folder: URL, database: String) throws -> URL {
        let config = folder.appendingPathComponent("mentormail.toml")
        try """
            [program]
            name = "P"
            address = "p@example.org"
            database = "\(database)"
            templates = "\(repository.appendingPathComponent("templates").path)"
            [mailbox]
            url = "maildir:mailbox"
            [smtp]
            url = "dir:outbox"
            """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// `$MENTORMAIL_BINARY`, or the `mentormail` built beside the test bundle.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["MENTORMAIL_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !folder.path.isEmpty && folder.path != "/" {
            let candidate = folder.appendingPathComponent("mentormail")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        let fallback = repository.appendingPathComponent(".build/debug/mentormail")
        try #require(FileManager.default.isExecutableFile(atPath: fallback.path), "build mentormail first (swift build)")
        return fallback
    }

    /// - Parameter unprivileged: run as `nobody` when the tests run as root (who may write
    ///   anywhere), so that permissions are enforced.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL? = nil,
                    unprivileged: Bool = false, executable: URL? = nil) throws -> Result {
        let process = Process()
        if unprivileged && geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", try binary().path] + arguments
        } else {
            process.executableURL = try executable ?? binary()
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "MENTORMAIL_FAULT")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        // Files, not pipes: a chatty child can never block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL), stderrData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, reason: process.terminationReason,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
