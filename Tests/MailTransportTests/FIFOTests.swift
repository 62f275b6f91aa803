import MailTransport
import Testing

/// The queue behind the read-ahead and send threads: order kept, and a taken element let go.
@Suite struct FIFOTests {
    final class Payload {}

    @Test func elementsComeOutInOrderAcrossCompactions() {
        var queue = FIFO<Int>()
        var appended = 0
        var taken: [Int] = []
        for round in 1...5 {
            for _ in 0..<(300 * round) {
                queue.append(appended)
                appended += 1
            }
            // Take most of them, so the taken slots pile up before the next appends.
            while queue.count > 7, let value = queue.popFirst() { taken.append(value) }
        }
        #expect(taken == Array(0..<(appended - 7)))
        #expect(Array(queue.waiting) == Array((appended - 7)..<appended))
        queue.removeAll()
        #expect(queue.isEmpty && queue.popFirst() == nil)
    }

    @Test func aTakenElementIsNotKept() {
        var queue = FIFO<Payload>()
        weak var taken: Payload?
        do {
            let first = Payload()
            taken = first
            queue.append(first)
            queue.append(Payload())
            queue.append(Payload())
            _ = queue.popFirst()
        }
        #expect(taken == nil, "the queue still holds a taken element")
        #expect(queue.count == 2)
    }
}
