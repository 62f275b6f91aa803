import Foundation
import Mail
import MailTransport

/// Prepares messages on a thread of its own while the transaction handles earlier ones:
/// parsing the MIME structure and reading the text, the sign-up form and any request need no
/// database, and they are about a third of a message's CPU. This uses the second core.
///
/// The messages are still taken from `source` on the caller's thread and in order, so a
/// mailbox is never used from two threads; only `prepare` runs on the worker. At most
/// `ahead` messages, and `budget` bytes counting the message the caller holds (at least one
/// message when the caller holds none), are given to it and not yet taken back, so memory
/// stays flat and a large message is never prepared beside another. `next(wait: false)`
/// waits only for work already handed over, never for the mailbox.
final class PreparedMessages: @unchecked Sendable {
    struct Item {
        let fetched: FetchedMessage
        /// The message read for the intake; nil when it could not be fetched.
        let reading: IntakeMessage?
    }

    private let source: any MessageStream
    private let prepare: (FetchedMessage) -> Item
    private let ahead: Int
    private let budget: Int

    private let condition = NSCondition()
    // Guarded by `condition`.
    /// A handed-over message is let go at once, not kept here.
    private var waiting = FIFO<FetchedMessage>()
    private var ready = FIFO<Item>()
    /// Given to the worker and not yet taken back.
    private var inFlight = 0
    private var inFlightBytes = 0
    /// The bytes of the message last handed over, which the caller holds until its next call:
    /// a large message being handled leaves no room for another beside it.
    private var heldBytes = 0
    private var closed = false
    private var workerDone = false

    init(source: any MessageStream, ahead: Int = 32, budget: Int = 256 << 10, prepare: @escaping (FetchedMessage) -> Item) {
        self.source = source
        self.prepare = prepare
        self.ahead = max(1, ahead)
        self.budget = budget
        let thread = Thread { [self] in self.work() }
        thread.name = "mentormail-prepare"
        thread.start()
    }

    /// The next prepared message, in the mailbox's order. With `wait` false, nil when the
    /// mailbox has nothing ready (work already given to the worker is waited for: it is CPU
    /// only); with `wait` true, nil only at the end.
    func next(wait: Bool) -> Item? {
        condition.lock()
        heldBytes = 0
        condition.unlock()
        fill()
        condition.lock()
        if closed {
            condition.unlock()
            return nil
        }
        if inFlight == 0 {
            condition.unlock()
            guard wait, let fetched = source.next(wait: true) else { return nil }
            give(fetched)
            fill()
            condition.lock()
        }
        while ready.isEmpty && !closed { condition.wait() }
        guard let item = ready.popFirst() else {
            condition.unlock()
            return nil
        }
        inFlight -= 1
        inFlightBytes -= item.fetched.byteCount
        heldBytes = item.fetched.byteCount
        condition.unlock()
        // Keep the worker busy while the caller handles this one.
        fill()
        return item
    }

    /// Stops the worker and waits for it; messages not yet taken are dropped (they stay
    /// unflagged in the mailbox). Must be called: the worker runs until then. The source is
    /// left to its owner.
    func close() {
        condition.lock()
        closed = true
        waiting.removeAll()
        ready.removeAll()
        inFlight = 0
        inFlightBytes = 0
        condition.broadcast()
        while !workerDone { condition.wait() }
        condition.unlock()
    }

    /// Gives the worker what the mailbox has ready, up to `ahead` messages and `budget` bytes
    /// (counting the one the caller holds; at least one message when the caller holds none).
    private func fill() {
        while true {
            condition.lock()
            let room = !closed && inFlight < ahead && (inFlight == 0 ? heldBytes : inFlightBytes + heldBytes) < budget
            condition.unlock()
            guard room, let fetched = source.next(wait: false) else { return }
            give(fetched)
        }
    }

    private func give(_ fetched: FetchedMessage) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return }
        waiting.append(fetched)
        inFlight += 1
        inFlightBytes += fetched.byteCount
        condition.broadcast()
    }

    private func work() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            if closed {
                workerDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let fetched = waiting.popFirst()!  // Not empty, checked above.
            condition.unlock()
            let item = prepare(fetched)
            condition.lock()
            if !closed { ready.append(item) }
            condition.broadcast()
            condition.unlock()
        }
    }
}
