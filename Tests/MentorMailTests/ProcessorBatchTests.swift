import Foundation
import GRDB
import Logging
import Mail
import MailTransport
@testable import MentorMail
import Testing

/// Messages committed in batches, each in a savepoint of its own, and flagged only after the
/// batch's commit; and the byte paths of the text helpers, which must read as the slow ones.
@Suite struct ProcessorBatchTests {
    /// A Maildir that checks, at each flag request, that the messages are already committed.
    final class CheckingMailbox: Mailbox {
        let inner: MaildirMailbox
        let path: String
        var flagRequests: [[UInt32]] = []
        var flaggedBeforeCommit: [UInt32] = []

        init(inner: MaildirMailbox, path: String) {
            self.inner = inner
            self.path = path
        }

        var displayName: String { inner.displayName }
        func uidValidity() throws -> UInt32 { try inner.uidValidity() }
        func unprocessedUIDs() throws -> [UInt32] { try inner.unprocessedUIDs() }
        func fetch(uid: UInt32) throws -> [UInt8] { try inner.fetch(uid: uid) }
        func markProcessed(uid: UInt32) throws { try markProcessed(uids: [uid]) }
        func markProcessed(uids: [UInt32]) throws {
            // Read from a connection of its own: only committed rows are seen.
            let recorded = try DatabaseQueue(path: path).read { db in
                try Set(Int64.fetchAll(db, sql: "SELECT uid FROM inboundMessage").map(UInt32.init))
            }
            flaggedBeforeCommit += uids.filter { !recorded.contains($0) }
            flagRequests.append(uids)
            try inner.markProcessed(uids: uids)
        }
    }

    static func signUp(_ index: Int) -> String {
        "From: Person \(index) <person\(index)@example.net>\r\nTo: mentoring@example.org\r\nSubject: Joining\r\n"
            + "Message-ID: <batch-\(index)@example.net>\r\nDate: Tue, 03 Nov 2026 10:00:00 +0000\r\n\r\nHello, how do I join?\r\n"
    }

    @Test(arguments: [true, false])
    func batchesAreFlaggedTogetherAndOnlyOnceCommitted(sendWhileReading: Bool) throws {
        let program = try ProcessorTests.Program()
        for index in 0..<7 { try program.arrive(Self.signUp(index), name: "1793700000.M\(index)P1.test") }
        let mailbox = CheckingMailbox(inner: program.mailbox, path: program.config.program.database)
        var processor = Processor(program: program.app, mailbox: mailbox, sender: program.outbox, now: program.now,
                                  logger: Logger(label: "test"))
        processor.batchSize = 3
        processor.sendWhileReading = sendWhileReading
        var seen: [ProcessProgress] = []
        processor.progress = { seen.append($0) }
        let report = processor.run()
        #expect(report.examined == 7)
        #expect(report.answered == 7)
        #expect(report.sent == 7)
        #expect(report.problems.isEmpty)
        #expect(mailbox.flagRequests.map(\.count) == [3, 3, 1])
        #expect(mailbox.flaggedBeforeCommit.isEmpty, "a message was flagged before its commit")
        #expect(try program.mailbox.unprocessedUIDs().isEmpty)
        #expect(seen.filter { $0.phase == .reading }.map(\.done) == [3, 6, 7])
        if !sendWhileReading {
            #expect(seen.last?.phase == .sending && seen.last?.done == 7 && seen.last?.total == 7)
        }
        #expect(try program.sent().count == 7, "each answered once")
        #expect(try program.database.outbox().allSatisfy { $0.status == .sent })
    }

    /// A sender whose first send waits until `gate` is signalled (with a bound, so a broken run
    /// cannot hang the suite), then writes to the directory as the program's does.
    final class GatedSender: MailSender {
        let inner: DirectorySender
        let gate = DispatchSemaphore(value: 0)
        private var first = true
        init(inner: DirectorySender) { self.inner = inner }
        var displayName: String { inner.displayName }
        func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws -> [RecipientRefusal] {
            if first {
                first = false
                _ = gate.wait(timeout: .now() + 60)
            }
            return try inner.send(message, from: sender, to: recipients)
        }
    }

    /// A Maildir that signals `gate` once the `at`-th batch is flagged (its transaction committed).
    final class SignallingMailbox: Mailbox {
        let inner: MaildirMailbox
        let gate: DispatchSemaphore
        let at: Int
        private var flagged = 0
        init(inner: MaildirMailbox, gate: DispatchSemaphore, at: Int) {
            self.inner = inner
            self.gate = gate
            self.at = at
        }
        var displayName: String { inner.displayName }
        func uidValidity() throws -> UInt32 { try inner.uidValidity() }
        func unprocessedUIDs() throws -> [UInt32] { try inner.unprocessedUIDs() }
        func fetch(uid: UInt32) throws -> [UInt8] { try inner.fetch(uid: uid) }
        func markProcessed(uid: UInt32) throws { try markProcessed(uids: [uid]) }
        func markProcessed(uids: [UInt32]) throws {
            try inner.markProcessed(uids: uids)
            flagged += 1
            if flagged == at { gate.signal() }
        }
    }

    /// Finding: a message handed to the send thread went out even though a bounce read in the
    /// same run had marked its address (the row said "withheld", then "sent"). Rows still
    /// waiting in the thread are taken back when a batch keeps them from going.
    @Test func mailHandedToTheSendThreadIsNotSentOnceItsAddressBounced() throws {
        let harness = try ProcessorTests.Program()
        let row = try BounceTests().signedUp(harness)
        // Waiting before the run: one message to someone else, then one to Ana.
        let (other, toAna) = try harness.database.write { db -> (OutboxMessage, OutboxMessage) in
            var other = row, toAna = row
            for (index, recipient) in [(0, "kai@example.org"), (1, "ana@example.net")] {
                var copy = row
                copy.id = nil
                copy.messageID = "waiting-\(index)-\(UUID().uuidString)@example.org"
                copy.raw = Data(String(decoding: row.raw, as: UTF8.self).replacingOccurrences(of: row.messageID, with: copy.messageID).utf8)
                copy.recipients = recipient
                copy.status = .queued
                copy.sentAt = nil
                try copy.insert(db)
                if index == 0 { other = copy } else { toAna = copy }
            }
            return (other, toAna)
        }
        // Batch 1 hands both to the send thread, which holds the first until batch 2 (the
        // bounce of Ana's address) is committed and flagged.
        try harness.arrive(Self.signUp(1), name: "1793700000.M1P1.test")
        try harness.arrive(BounceTests.dsn(about: row.messageID), name: "1793700000.M2P1.test")
        let sender = GatedSender(inner: harness.outbox)
        let mailbox = SignallingMailbox(inner: harness.mailbox, gate: sender.gate, at: 2)
        var processor = Processor(program: harness.app, mailbox: mailbox, sender: sender, now: harness.now, logger: Logger(label: "test"))
        processor.batchSize = 1
        let report = processor.run()
        #expect(report.examined == 2, "\(report)")
        let sentIDs = try harness.sent().compactMap(\.messageID)
        #expect(sentIDs.contains(other.messageID), "the other message went")
        #expect(!sentIDs.contains(toAna.messageID), "nothing goes to Ana's dead address")
        #expect(try harness.database.outbox().first { $0.id == toAna.id }?.status == .withheld)
    }

    @Test func oneFailingMessageRollsBackAloneAndTheBatchCommits() throws {
        let program = try ProcessorTests.Program()
        for index in 0..<5 { try program.arrive(Self.signUp(index), name: "1793700000.M\(index)P1.test") }
        try DatabaseQueue(path: program.config.program.database).write { db in
            try db.execute(sql: """
                CREATE TRIGGER fault BEFORE INSERT ON outboxMessage WHEN NEW.recipients LIKE '%person2@%'
                BEGIN SELECT RAISE(ABORT, 'injected disk fault'); END
                """)
        }
        let report = try program.run()
        #expect(report.examined == 5)
        #expect(report.answered == 4)
        #expect(report.failed == 1)
        #expect(report.problems.count == 1)
        let inbound = try program.database.inboundMessages()
        #expect(inbound.count == 5, "every message recorded, the failed one too")
        #expect(inbound.filter { $0.disposition == .failed }.map(\.sender) == ["person2@example.net"])
        // The failed message's savepoint took its effects with it: no participant, no answer.
        let outbox = try program.database.outbox()
        #expect(outbox.filter { $0.kind != .heldDigest }.count == 4)
        #expect(!outbox.contains { $0.recipients.contains("person2@") })
        #expect(try program.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM participant WHERE email LIKE 'person2@%'") ?? -1
        } == 0)
        #expect(try program.mailbox.unprocessedUIDs().isEmpty, "the failed message is recorded, so it is flagged")
    }

    @Test func aDryRunReadsTheBatchWithoutWriting() throws {
        let program = try ProcessorTests.Program()
        for index in 0..<4 { try program.arrive(Self.signUp(index), name: "1793700000.M\(index)P1.test") }
        var processor = Processor(program: program.app, mailbox: program.mailbox, sender: program.outbox, now: program.now,
                                  logger: Logger(label: "test"))
        processor.dryRun = true
        let report = processor.run()
        #expect(report.examined == 4)
        #expect(report.planned.filter { $0.hasPrefix("UID") }.count == 4)
        #expect(try program.database.inboundMessages().isEmpty)
        #expect(try program.mailbox.unprocessedUIDs().count == 4)
    }

    /// Every ASCII character alone, in pairs with the awkward ones, and mixed texts: the byte
    /// paths give exactly what Foundation's folding and Character splitting give.
    @Test func asciiPathsReadExactlyAsTheUnicodeOnes() {
        var samples: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        let awkward = ["-", "_", "`", "'", " ", "\t", "\r\n", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "A", "z", "9", "\0"]
        for first in awkward { for second in awkward { samples.append("x\(first)\(second)Y") } }
        samples += ["  Hello,   World!  ", "I'd like to JOIN the-program_now", "'quoted' words'", "Role: mentee\r\nName: X",
                    "`back` -- ticks", "", "   ", "DELETE MY DATA", "Please, pause my participation.", "a--b__c"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            samples.append(String((0..<Int.random(in: 0..<24, using: &generator)).map { _ in
                Character(UnicodeScalar(UInt8.random(in: 0..<128, using: &generator)))
            }))
        }
        for sample in samples {
            #expect(EnrollmentText.fold(sample) == EnrollmentText.foldUnicode(sample), "\(sample.debugDescription)")
            let slowWords = EnrollmentText.foldUnicode(sample)
                .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
                .filter { !$0.isEmpty }
            #expect(EnrollmentText.words(sample) == slowWords, "\(sample.debugDescription)")
            let slowCollapse = sample.filter { _ in true }.map { $0 == "\t" ? " " : String($0) }.joined()
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(EnrollmentText.collapse(sample) == slowCollapse, "\(sample.debugDescription)")
            #expect(EnrollmentText.trim(sample) == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
            for phrase in ["x", " - ", "y", "ab", "\r\n", "\n", "\r", "-", "'", " – ", "é", "\u{212A}", "\u{037E}", "\u{1FEF}"] {
                let offsets = { (range: Range<String.Index>?) in
                    range.map { (sample.utf8.distance(from: sample.startIndex, to: $0.lowerBound), sample.utf8.distance(from: sample.startIndex, to: $0.upperBound)) }
                }
                #expect(offsets(EnrollmentText.find(phrase, in: sample)).map { [$0.0, $0.1] } == offsets(sample.range(of: phrase)).map { [$0.0, $0.1] },
                        "\(phrase.debugDescription) in \(sample.debugDescription)")
            }
            #expect(EnrollmentText.plainSpaces(sample) == sample.map { $0 == "\t" ? " " : String($0) }.joined(),
                    "\(sample.debugDescription)")
        }
        // Not ASCII: the Unicode path, as before.
        #expect(EnrollmentText.fold("Documentación  Técnica") == "documentacion tecnica")
        #expect(EnrollmentText.words("Größe – ÉTÉ’s") == EnrollmentText.foldUnicode("Größe – ÉTÉ’s")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }).map(String.init))
    }

    /// What the send thread may take while later batches are still read: not an answer a later
    /// message of the run may still rewrite (a check-in answer, an answer kept to be reworded),
    /// so none goes out beside its replacement whatever the batch timing.
    @Test func answersThatALaterMessageMayRewriteWaitForTheRunsEnd() throws {
        let program = try ProcessorTests.Program()
        func store(_ purpose: MailKind, to address: String, content: String? = nil) throws -> Int64 {
            let messageID = "\(UUID().uuidString)@example.org"
            let raw = "From: mentoring@example.org\r\nTo: \(address)\r\nSubject: x\r\nMessage-ID: <\(messageID)>\r\n\r\nHello\r\n"
            var row = OutboxMessage(messageID: messageID, purpose: purpose.rawValue, sender: "mentoring@example.org", recipients: address,
                                    subject: "x", raw: Data(raw.utf8), inboundID: nil, status: .queued, attempts: 0,
                                    nextAttemptAt: program.now, lastError: nil, createdAt: program.now, sentAt: nil, topicKind: nil, topicID: nil)
            row.content = content
            try program.database.write { db in try row.insert(db) }
            return try #require(row.id)
        }
        let form = try store(.signupForm, to: "a@example.net")
        _ = try store(.checkinAnswers, to: "b@example.net")
        _ = try store(.eventAnswer, to: "c@example.net", content: #"{"key":"place"}"#)
        let plain = try store(.eventAnswer, to: "d@example.net")
        let processor = Processor(program: program.app, mailbox: program.mailbox, sender: program.outbox, now: program.now,
                                  logger: Logger(label: "test"))
        #expect(try processor.dueRows(after: 0).compactMap(\.id) == [form, plain])
    }
}
