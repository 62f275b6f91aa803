import ArgumentParser
import Foundation
import Mail
import MentorMail

extension MentorMailCommand {
    struct ParseMail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse-mail",
            abstract: "Show how MentorMail understands .eml files (headers, text, reply, parts, RSVP).",
            discussion: """
            Reads each file as one RFC 5322 message. Damaged mail still gives a best-effort \
            result; the command fails only when a file cannot be read.

            With --json each line is one object with exactly these keys (null when absent): \
            subject, from {address, name}, to [{address, name}], messageId, inReplyTo, \
            references [..], date (ISO 8601), text (the best text), reply (the new text \
            only, without quotes and signature), parts [{contentType, filename, size}], \
            autoSubmitted (true: must not be answered), autoReason, rsvp {uid, attendee, \
            partstat} (a calendar METHOD:REPLY), intake {intent, rule, reason, context, \
            participant} (with --config: how the program reads it, the mail of ours it answers \
            found in the program's database, and the intake rule that chose; null without).

            Examples:
              mentormail parse-mail mailbox-fixtures/signup-request-plain.eml
              mentormail parse-mail --json mailbox-fixtures/*.eml | jq .subject
              mentormail parse-mail --config mentormail.toml reply.eml
            """
        )

        @Argument(help: ArgumentHelp("Message files (.eml).", valueName: "file"))
        var files: [String]

        @Flag(name: .long, help: "Print one JSON object per file (one per line).")
        var json = false

        @Option(name: .long, help: ArgumentHelp("A program's config: also show how it reads each message (its context and the rule that chose).", valueName: "path"))
        var config: String?

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one .eml file") }
        }

        func run() throws {
            var intake: (MentorMail.Intake, AppDatabase?)?
            try runReportingErrors {
                if let config {
                    let loaded = try Config.load(path: config)
                    // Read only what is there: no database is created for a look.
                    let database = FileManager.default.fileExists(atPath: loaded.program.database)
                        ? try AppDatabase(path: loaded.program.database) : nil
                    intake = (MentorMail.Intake(config: loaded), database)
                }
            }
            var unreadable = 0
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for file in files {
                // Read straight into bytes, parse, print, drop: one message in memory at a time.
                guard let bytes = MailReading.readFile(atPath: file) else {
                    FileHandle.standardError.write(Data("mentormail: \(cannotRead(file).message)\n".utf8))
                    unreadable += 1
                    continue
                }
                let message = Message(bytes: bytes)
                var summary = MailSummary(message: message)
                if let (reader, database) = intake {
                    let context = try database?.intakeContext(for: message) ?? IntakeContext()
                    summary.intake = MailSummary.Intake(reader.classify(message, context: context), context: context)
                }
                if json {
                    print(String(decoding: try encoder.encode(summary), as: UTF8.self))
                } else {
                    print(Self.describe(summary, file: file))
                }
            }
            if unreadable > 0 { throw ExitCode(MentorMailError(.unavailable, "").exitCode) }
        }

        /// The human-readable form: the fields, then the new text, then the whole text.
        static func describe(_ summary: MailSummary, file: String) -> String {
            func mailbox(_ address: MailSummary.Address) -> String {
                address.name.map { "\($0) <\(address.address)>" } ?? address.address
            }
            var lines = [
                "== \(file)",
                "From:        \(summary.from.map(mailbox) ?? "-")",
                "To:          \(summary.to.isEmpty ? "-" : summary.to.map(mailbox).joined(separator: ", "))",
                "Subject:     \(summary.subject ?? "-")",
                "Date:        \(summary.date ?? "-")",
                "Message-ID:  \(summary.messageId ?? "-")",
                "In-Reply-To: \(summary.inReplyTo ?? "-")",
                "Automatic:   \(summary.autoReason ?? "no")",
            ]
            if let rsvp = summary.rsvp { lines.append("RSVP:        \(rsvp.attendee) \(rsvp.partstat) (\(rsvp.uid))") }
            if let intake = summary.intake {
                lines.append("Context:     \(intake.context.map { "in reply to our \($0)" } ?? "none (not a reply to our mail)")")
                lines.append("Sender:      \(intake.participant.map { "a participant, \($0)" } ?? "not a participant")")
                lines.append("Read as:     \(intake.intent), by the rule \(intake.rule): \(intake.reason)")
            }
            for part in summary.parts {
                lines.append("Part:        \(part.contentType)\(part.filename.map { " \"\($0)\"" } ?? ""), \(part.size) bytes")
            }
            lines.append("")
            lines.append("-- new text:")
            lines.append(summary.reply ?? "(no text)")
            lines.append("-- whole text:")
            lines.append(summary.text ?? "(no text)")
            return lines.joined(separator: "\n")
        }
    }
}
