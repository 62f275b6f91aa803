import Foundation
import Mail
import MailTransport
@testable import MentorMail
import Testing

/// Messages prepared on a thread of their own: in order, each once, never more than `ahead`
/// in hand, the mailbox used from the caller's thread only, and `next(wait: false)` never
/// waiting for the mailbox.
@Suite struct PreparedMessagesTests {
    /// A stream that records from which thread it is used and can hold messages back, as a
    /// network would.
    final class ScriptedStream: MessageStream, @unchecked Sendable {
        let lock = NSLock()
        var pending: [UInt32]
        /// How many of the pending messages the "network" has delivered so far.
        var available: Int
        var callers: Set<String> = []
        var handedOver = 0
        var closed = false
        /// Messages made about this many bytes long.
        var large: [UInt32: Int] = [:]

        /// The calling thread, as a name that cannot collide.
        static var thread: String { String(describing: pthread_self()) }

        init(uids: [UInt32], available: Int) {
            pending = uids
            self.available = available
        }

        func next(wait: Bool) -> FetchedMessage? {
            lock.lock()
            defer { lock.unlock() }
            callers.insert(Self.thread)
            guard !pending.isEmpty, !closed else { return nil }
            // With `wait`, the network delivers the next message; without, only what arrived.
            if available == 0 {
                guard wait else { return nil }
                available = 1
            }
            available -= 1
            handedOver += 1
            let uid = pending.removeFirst()
            if uid % 5 == 0 { return FetchedMessage(uid: uid, bytes: .failure(TransportError("UID \(uid) is gone"))) }
            let text = "From: person\(uid)@example.org\r\nTo: mentoring@example.org\r\nSubject: Sign up\r\nMessage-ID: <m\(uid)@example.org>\r\n\r\nI would like to be a mentee. \(uid)\r\n"
            let padding = String(repeating: "Some more words about me.\r\n", count: (large[uid] ?? 0) / 27)
            return FetchedMessage(uid: uid, bytes: .success(Array((text + padding).utf8)))
        }

        var isFinished: Bool {
            lock.lock()
            defer { lock.unlock() }
            return pending.isEmpty
        }

        func close() {
            lock.lock()
            closed = true
            lock.unlock()
        }
    }

    static func prepared(_ source: ScriptedStream, ahead: Int = 4, prepareThreads: LockedSet? = nil) -> PreparedMessages {
        let intake = Intake(config: IntakeRuleTests.config)
        return PreparedMessages(source: source, ahead: ahead) { fetched in
            prepareThreads?.insert(ScriptedStream.thread)
            guard case .success(let bytes) = fetched.bytes else { return .init(fetched: fetched, reading: nil) }
            return .init(fetched: fetched, reading: intake.prepare(Message(bytes: bytes)))
        }
    }

    final class LockedSet: @unchecked Sendable {
        private let lock = NSLock()
        private var values: Set<String> = []
        func insert(_ value: String) { lock.lock(); values.insert(value); lock.unlock() }
        var all: Set<String> { lock.lock(); defer { lock.unlock() }; return values }
    }

    @Test func everyMessageComesOnceInOrderAndPrepared() throws {
        let uids = Array(UInt32(1)...UInt32(200))
        let source = ScriptedStream(uids: uids, available: 200)
        let threads = LockedSet()
        let messages = Self.prepared(source, prepareThreads: threads)
        defer { messages.close() }
        var seen: [UInt32] = []
        while let item = messages.next(wait: true) {
            seen.append(item.fetched.uid)
            if item.fetched.uid % 5 == 0 {
                #expect(item.reading == nil, "a message that could not be fetched is handed over as such")
            } else {
                let reading = try #require(item.reading)
                #expect(reading.message.messageID == "m\(item.fetched.uid)@example.org")
                #expect(reading.newText.contains("\(item.fetched.uid)"))
            }
        }
        #expect(seen == uids)
        #expect(threads.all.count == 1 && threads.all.isDisjoint(with: source.callers), "prepared on one worker thread, not the caller's")
    }

    @Test func theMailboxIsOnlyUsedFromTheCallersThread() throws {
        let source = ScriptedStream(uids: Array(1...100), available: 100)
        let messages = Self.prepared(source)
        defer { messages.close() }
        while messages.next(wait: true) != nil {}
        #expect(source.callers.count == 1, "the mailbox was used from \(source.callers.count) threads")
    }

    @Test func neverMoreThanAheadInHand() throws {
        let source = ScriptedStream(uids: Array(1...50), available: 50)
        let messages = Self.prepared(source, ahead: 4)
        defer { messages.close() }
        var taken = 0
        while messages.next(wait: true) != nil {
            taken += 1
            // Taken from the mailbox: those handed over to the caller, and at most 4 more.
            #expect(source.handedOver - taken <= 4, "\(source.handedOver) taken from the mailbox after \(taken) handed over")
        }
        #expect(taken == 50)
    }

    @Test func aLargeMessageIsNeverPreparedBesideAnother() throws {
        let source = ScriptedStream(uids: Array(1...12), available: 12)
        source.large = [3: 3 << 20, 4: 3 << 20, 8: 1 << 20]
        let messages = Self.prepared(source, ahead: 8)
        defer { messages.close() }
        var taken = 0
        while let item = messages.next(wait: true) {
            taken += 1
            let size = if case .success(let bytes) = item.fetched.bytes { bytes.count } else { 0 }
            if size >= 3 << 20 {
                // While the caller holds a 3 MB message, the worker holds nothing more.
                #expect(source.handedOver == taken, "UID \(item.fetched.uid): \(source.handedOver - taken) more taken beside it")
            }
        }
        #expect(taken == 12)
    }

    /// Automatic mail is set aside by the first rules, so its form and requests are read only
    /// when asked for; they read the same as for any other message.
    @Test func readingsAreTheSameMadeAheadOrWhenAskedFor() throws {
        let intake = Intake(config: IntakeRuleTests.config)
        let body = "Role: mentor\r\nName: Ana Lima\r\nAreas: Nova\r\n\r\nPlease pause my membership.\r\n"
        func message(_ extra: String) -> Message {
            Message(bytes: Array("From: Ana <ana@example.org>\r\nTo: mentoring@example.org\r\nSubject: Re: hello\r\n\(extra)\r\n\(body)".utf8))
        }
        let person = intake.prepare(message(""))
        let machine = intake.prepare(message("Auto-Submitted: auto-replied\r\n"))
        #expect(person.automatic == nil)
        #expect(machine.automatic != nil)
        #expect(person.form.role == .mentor && person.form.name == "Ana Lima")
        #expect(machine.form == person.form)
        #expect(machine.command == person.command)
        #expect(person.command?.command == .pause)
        #expect(machine.joinRole == person.joinRole)
        #expect(intake.classify(machine, context: IntakeContext()).rule == "automatic-mail")
    }

    @Test func withoutWaitingOnlyWhatTheMailboxHasReady() throws {
        // Three messages have arrived; the rest come only when waited for.
        let source = ScriptedStream(uids: [1, 2, 3, 4, 6], available: 3)
        let messages = Self.prepared(source)
        defer { messages.close() }
        #expect(messages.next(wait: false)?.fetched.uid == 1)
        #expect(messages.next(wait: false)?.fetched.uid == 2)
        #expect(messages.next(wait: false)?.fetched.uid == 3)
        #expect(messages.next(wait: false) == nil, "nothing more has arrived: a batch can commit")
        #expect(messages.next(wait: true)?.fetched.uid == 4)
        #expect(messages.next(wait: true)?.fetched.uid == 6)
        #expect(messages.next(wait: true) == nil)
        #expect(messages.next(wait: false) == nil)
    }

    @Test func closingEarlyStopsTheWorkerAndDropsTheRest() throws {
        let source = ScriptedStream(uids: Array(1...100), available: 100)
        let messages = Self.prepared(source, ahead: 8)
        #expect(messages.next(wait: true)?.fetched.uid == 1)
        messages.close()
        #expect(messages.next(wait: false) == nil)
        #expect(source.handedOver <= 1 + 8 + 1)
    }
}
