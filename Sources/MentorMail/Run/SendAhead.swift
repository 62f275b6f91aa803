import Foundation
import Logging
import MailTransport

/// Sends the answers of committed and flagged batches in a thread while the next batches are
/// read and handled, so a run's sending overlaps its reading instead of following it.
///
/// The order per message stays receive → commit → flag → send: the reading side hands rows
/// over only after their batch is committed and flagged. This thread touches neither the
/// database nor the mailbox: it hands back what was accepted (marked `sent` by the reading
/// side in its next transaction) and what was refused (recorded there too). At most `limit`
/// rows wait, so memory stays flat however far reading runs ahead of sending. Rows a later
/// batch keeps from going (their address bounced) are taken back before that batch commits;
/// only one already being sent still goes.
final class SendAhead: @unchecked Sendable {
    struct Refusal {
        let row: OutboxMessage
        let error: any Error
    }

    /// The error of a `Refusal` whose row was also accepted: some recipients refused it while
    /// the others took it.
    struct PartlyRefused: Error {
        let refusals: [RecipientRefusal]
    }

    private let condition = NSCondition()
    // Guarded by `condition`.
    /// A sent row's bytes are let go as it is taken.
    private var queue = FIFO<OutboxMessage>()
    private var accepted: [OutboxMessage] = []
    private var refused: [Refusal] = []
    private var closed = false
    private var stopped = false
    private var busy = false
    private var finished = false
    private var sentCount = 0
    let limit: Int
    /// Accepted sends not yet handed back at most. With those handed back and not yet
    /// committed, twice this is the most a crash can make the next run resend. Smaller bounds
    /// cost throughput: the sending then waits on reading's batches (32 made a Maildir run of
    /// 1,000 messages a third slower).
    let maximumUnmarked = 128
    /// While the last answers go out, this many accepted sends are recorded at once.
    private var recordAt: Int { maximumUnmarked / 2 }

    private let sender: any MailSender
    private let logger: Logger
    private let faults: FaultInjection

    init(sender: any MailSender, logger: Logger, faults: FaultInjection, limit: Int = 500) {
        self.sender = sender
        self.logger = logger
        self.faults = faults
        self.limit = limit
        let thread = Thread { [self] in self.run() }
        thread.name = "mentormail-send"
        thread.start()
    }

    /// Queues rows to send, as many as fit under `limit`, in order; returns how many it took.
    /// It never waits: the rows it leaves stay queued in the database, for a later call or
    /// the run's sending at its end (reading waiting here while this thread waits to have its
    /// sends recorded by reading would be a deadlock).
    func enqueue(_ rows: [OutboxMessage]) -> Int {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return 0 }
        let taken = min(rows.count, max(0, limit - queue.count))
        for row in rows.prefix(taken) { queue.append(row) }
        if taken > 0 { condition.broadcast() }
        return taken
    }

    /// The ids of the rows still waiting to be tried (not yet taken for sending).
    func waitingIDs() -> [Int64] {
        condition.lock()
        defer { condition.unlock() }
        return queue.waiting.compactMap(\.id)
    }

    /// Takes back the rows still waiting whose ids are in `ids`: they are never tried. A row
    /// already being sent goes on.
    func takeBack(_ ids: Set<Int64>) {
        guard !ids.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        var kept = FIFO<OutboxMessage>()
        while let row = queue.popFirst() {
            if !ids.contains(row.id ?? -1) { kept.append(row) }
        }
        queue = kept
        condition.broadcast()
    }

    /// What was accepted and refused since the last call.
    func takeResults() -> (accepted: [OutboxMessage], refused: [Refusal]) {
        condition.lock()
        defer { condition.unlock() }
        let results = (accepted, refused)
        accepted = []
        refused = []
        condition.broadcast()
        return results
    }

    /// Waits until every queued row was tried, then ends the thread. With `abandon`, rows not
    /// yet tried are dropped (they stay queued in the database for the next attempt).
    /// Meanwhile what was sent is handed to `record` every tenth of a second, or as soon as
    /// half of `maximumUnmarked` sends wait, so that a crash while the rest goes out resends
    /// few and the sending rarely waits for its record.
    func finish(abandon: Bool = false, record: ((accepted: [OutboxMessage], refused: [Refusal])) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        if abandon { stopped = true }
        condition.broadcast()
        var recordedAt = DispatchTime.now().uptimeNanoseconds
        while !finished {
            _ = condition.wait(until: Date().addingTimeInterval(0.05))
            let now = DispatchTime.now().uptimeNanoseconds
            guard !accepted.isEmpty || !refused.isEmpty,
                  accepted.count >= recordAt || now - recordedAt >= 100_000_000 else { continue }
            let results = (accepted, refused)
            accepted = []
            refused = []
            condition.broadcast()
            condition.unlock()
            record(results)
            condition.lock()
            recordedAt = DispatchTime.now().uptimeNanoseconds
        }
    }

    private func run() {
        while true {
            condition.lock()
            // Accepted sends wait to be marked `sent` by the next transaction; a crash before it
            // resends them (same bytes, same Message-ID): at most `maximumUnmarked` of them.
            while !stopped && ((queue.isEmpty && !closed) || accepted.count >= maximumUnmarked) {
                condition.wait()
            }
            if stopped || queue.isEmpty {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let row = queue.popFirst()!  // Not empty, checked above.
            condition.broadcast()
            condition.unlock()

            do {
                let refusals = try sender.send(Array(row.raw), from: row.sender, to: row.recipientList)
                faults.reached(.afterSend)
                logger.info("sent \(row.purpose) to \(row.recipients)")
                condition.lock()
                accepted.append(row)
                // Wakes `finish` to record these while the next ones go out, before this thread
                // would have to wait at `maximumUnmarked`.
                if accepted.count == recordAt { condition.broadcast() }
                if !refusals.isEmpty {
                    var kept = row
                    kept.raw = Data()
                    refused.append(Refusal(row: kept, error: PartlyRefused(refusals: refusals)))
                }
                condition.unlock()
            } catch {
                // Kept until the run records it: without its bytes, so refusals stay small.
                var kept = row
                kept.raw = Data()
                condition.lock()
                refused.append(Refusal(row: kept, error: error))
                // The server or our settings (no connection, login refused): every next message
                // would fail the same way, so nothing more is tried; the rows stay queued.
                if (error as? TransportError)?.beforeRecipients == true {
                    stopped = true
                    condition.broadcast()
                }
                condition.unlock()
            }
        }
    }
}
