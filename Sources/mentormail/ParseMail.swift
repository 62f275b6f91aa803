import ArgumentParser
import Foundation
import Mail
import MentorMail

extension MentorMailCommand {
    struct ParseMail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse-mail",
            abstract: "Show how MentorMail understands .eml files (headers, best text).",
            discussion: """
            Reads each file as one RFC 5322 message. Damaged mail still gives a best-effort \
            result; the command fails only when a file cannot be read.

            Examples:
              mentormail parse-mail mailbox-fixtures/signup-request-plain.eml
              mentormail parse-mail --json mailbox-fixtures/*.eml | jq .subject
            """
        )

        @Argument(help: ArgumentHelp("Message files (.eml).", valueName: "file"))
        var files: [String]

        @Flag(name: .long, help: "Print one JSON object per file (one per line).")
        var json = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one .eml file") }
        }

        func run() throws {
            var unreadable = 0
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("mentormail: cannot read \(file)\n".utf8))
                    unreadable += 1
                    continue
                }
                let summary = MailSummary(file: file, message: Message(data: data))
                if json {
                    print(String(decoding: try encoder.encode(summary), as: UTF8.self))
                } else {
                    print("== \(file)")
                    print("From:        \(summary.from.map { "\($0.name.map { "\($0) " } ?? "")<\($0.address)>" } ?? "-")")
                    print("Subject:     \(summary.subject ?? "-")")
                    print("Date:        \(summary.date ?? "-")")
                    print("Message-ID:  \(summary.messageId ?? "-")")
                    print("In-Reply-To: \(summary.inReplyTo ?? "-")")
                    print("Automatic:   \(summary.autoReason ?? "no")")
                    print("")
                    print(summary.text ?? "(no text)")
                }
            }
            if unreadable > 0 { throw ExitCode(MentorMailError(.data, "").exitCode) }
        }
    }
}
