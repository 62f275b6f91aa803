import Foundation

/// The last results of a pure reading of a text, by the text. One message's text is read for
/// its form lines by several rules and services in turn, on the thread that prepares messages
/// ahead and again on the one that handles them (the intake, the unplaced sentences, the
/// stored profile); this keeps that a single reading. Enough are kept for the messages
/// prepared ahead; a long text is read each time, so that what is kept stays small.
final class RecentReadings<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var entries: [(text: String, value: Value)] = []
    /// Longer texts (in UTF-8 bytes) are not kept.
    static var longestKept: Int { 64 << 10 }

    init(capacity: Int = 128) { self.capacity = capacity }

    /// `read(text)`, or the result kept from reading the same text lately.
    func value(for text: String, _ read: (String) -> Value) -> Value {
        guard text.utf8.count <= Self.longestKept else { return read(text) }
        lock.lock()
        if let kept = entries.last(where: { Self.same($0.text, text) }) {
            lock.unlock()
            return kept.value
        }
        lock.unlock()
        let value = read(text)
        lock.lock()
        defer { lock.unlock() }
        if entries.count == capacity { entries.removeFirst(capacity / 4) }
        entries.append((text, value))
        return value
    }

    /// Byte for byte the same text (cheaper than `==`, which compares canonical equivalents).
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
}
