import Foundation

/// The last few results of a pure reading of a text, by the text. One message's text is read
/// for its form lines by several rules and services in turn (the intake, the unplaced
/// sentences, the stored profile); this keeps that a single reading. Safe from any thread.
final class RecentReadings<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var entries: [(text: String, value: Value)] = []

    init(capacity: Int = 8) { self.capacity = capacity }

    /// `read(text)`, or the result kept from reading the same text lately.
    func value(for text: String, _ read: (String) -> Value) -> Value {
        lock.lock()
        if let kept = entries.first(where: { Self.same($0.text, text) }) {
            lock.unlock()
            return kept.value
        }
        lock.unlock()
        let value = read(text)
        lock.lock()
        defer { lock.unlock() }
        if entries.count == capacity { entries.removeFirst() }
        entries.append((text, value))
        return value
    }

    /// Byte for byte the same text (cheaper than `==`, which compares canonical equivalents).
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
}
