/// A first-in, first-out queue that lets go of each element as it is taken.
///
/// An array read from a start index keeps taken elements until it is compacted; for the
/// read-ahead and send queues those are whole messages, which would then outlive their
/// memory budget. Not thread-safe: the queues that use it guard it with their lock.
public struct FIFO<Element> {
    private var slots: [Element?] = []
    /// Slots from `start` on are filled; those before it are empty.
    private var start = 0

    public init() {}

    public var isEmpty: Bool { start == slots.count }
    public var count: Int { slots.count - start }

    /// The elements waiting, first first.
    public var waiting: some Sequence<Element> { slots[start...].lazy.compactMap { $0 } }

    public mutating func append(_ element: Element) { slots.append(element) }

    public mutating func popFirst() -> Element? {
        guard start < slots.count else { return nil }
        let element = slots[start]
        slots[start] = nil
        start += 1
        if start == slots.count {
            slots.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 256, start * 2 > slots.count {
            slots.removeSubrange(0..<start)
            start = 0
        }
        return element
    }

    public mutating func removeAll() {
        slots = []
        start = 0
    }
}
