import Foundation

/// An IMAP connection on which this module speaks the protocol itself: libcurl connects,
/// starts TLS and logs in (`CURLOPT_CONNECT_ONLY`), then commands and their answers go over
/// the raw connection. This reads literals (`{n}` and the n bytes after it) exactly, which
/// libcurl's custom requests do not: they hand back answers line by line, cut long lines and
/// drop literal data. So one `UID FETCH` can bring many messages.
final class IMAPSession: @unchecked Sendable {  // used by one thread at a time (made on one, then handed to the fetch thread)
    private let curl: CurlHandle
    let serverDescription: String
    /// What was received and not yet read.
    private var inbox: [UInt8] = []
    private var inboxStart = 0
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 1)
    private var tagNumber = 0
    /// Looked at while waiting for the server: true stops the wait (see `Cancelled`).
    var isCancelled: () -> Bool = { false }

    /// The longest response line kept (a line, not a literal: those are counted exactly).
    static let maximumLine = 1 << 20

    struct Cancelled: Error {}

    init(url: String, serverDescription: String, credentials: ServerCredentials) throws {
        self.serverDescription = serverDescription
        curl = try CurlHandle(serverDescription: serverDescription, credentials: credentials)
        try curl.connectOnly(url: url, what: "connect and log in")
    }

    deinit { chunk.deallocate() }

    /// Sends a command under a new tag and returns the tag.
    func send(_ command: String, what: String) throws -> String {
        tagNumber += 1
        let tag = "M\(tagNumber)"
        guard !command.contains(where: \.isNewline) else { throw TransportError("\(serverDescription): a command may not contain line breaks") }
        try curl.sendRaw(Array("\(tag) \(command)\r\n".utf8), what: what)
        return tag
    }

    /// Runs a command that brings no literals back and returns its untagged lines.
    @discardableResult
    func command(_ command: String, what: String) throws -> [String] {
        let tag = try send(command, what: what)
        var lines: [String] = []
        while true {
            let line = try readLine(what: what)
            if let literal = Self.literalLength(at: line) {
                try skip(literal, what: what)
                continue
            }
            let text = String(decoding: line, as: UTF8.self)
            if let status = Self.tagged(text, tag: tag) {
                guard status.ok else { throw TransportError("\(serverDescription): could not \(what); the server said: \(status.words)") }
                return lines
            }
            lines.append(text)
        }
    }

    /// Whether `line` is the tagged answer to `tag`: OK, or NO/BAD with the server's words.
    static func tagged(_ line: String, tag: String) -> (ok: Bool, words: String)? {
        guard line.hasPrefix(tag + " ") else { return nil }
        let rest = line.dropFirst(tag.count + 1)
        return (rest.uppercased().hasPrefix("OK"), String(rest))
    }

    /// The length of the literal a line announces at its end (`{123}` or `{123+}`), if any.
    static func literalLength(at line: [UInt8]) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.count - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// One line without its CRLF (a lone LF ends it too).
    func readLine(what: String) throws -> [UInt8] {
        // Where to look for the line break, counted from `inboxStart` (which `fill` may move).
        var searched = 0
        while true {
            if let newline = inbox[(inboxStart + searched)...].firstIndex(of: 10) {
                var end = newline
                if end > inboxStart, inbox[end - 1] == 13 { end -= 1 }
                let line = Array(inbox[inboxStart..<end])
                inboxStart = newline + 1
                return line
            }
            searched = inbox.count - inboxStart
            guard inbox.count - inboxStart <= Self.maximumLine else {
                throw TransportError("\(serverDescription): could not \(what) (an answer line longer than \(Self.maximumLine) bytes)")
            }
            try fill(what: what)
        }
    }

    /// Appends exactly `count` bytes to `target`.
    func read(_ count: Int, into target: inout [UInt8], what: String) throws {
        try read(count, what: what) { target.append(contentsOf: $0) }
    }

    /// Hands exactly `count` bytes to `sink`, piece by piece as they arrive.
    func read(_ count: Int, what: String, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var left = count
        while left > 0 {
            if inboxStart == inbox.count { try fill(what: what) }
            let take = min(left, inbox.count - inboxStart)
            try inbox.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[inboxStart..<(inboxStart + take)])) }
            inboxStart += take
            left -= take
            // A large literal passes through without piling up in the inbox.
            if inboxStart == inbox.count { inbox.removeAll(keepingCapacity: true); inboxStart = 0 }
        }
    }

    /// Reads and drops `count` bytes.
    func skip(_ count: Int, what: String) throws {
        var left = count
        while left > 0 {
            if inboxStart == inbox.count { try fill(what: what) }
            let take = min(left, inbox.count - inboxStart)
            inboxStart += take
            left -= take
        }
    }

    private func fill(what: String) throws {
        if inboxStart > 0 {
            inbox.removeSubrange(0..<inboxStart)
            inboxStart = 0
        }
        let received = try curl.receiveRaw(into: chunk, what: what, cancelled: isCancelled)
        guard received > 0 else { throw Cancelled() }
        inbox.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<received]))
    }
}

/// A UID set in IMAP's compact form: `5:9,12,20:21`.
func imapUIDSet(_ uids: [UInt32]) -> String {
    var parts: [String] = []
    var index = 0
    let sorted = uids.sorted()
    while index < sorted.count {
        var end = index
        while end + 1 < sorted.count, sorted[end + 1] == sorted[end] &+ 1 { end += 1 }
        parts.append(end == index ? "\(sorted[index])" : "\(sorted[index]):\(sorted[end])")
        index = end + 1
    }
    return parts.joined(separator: ",")
}

/// Fetches messages ahead of the caller on an IMAP connection of its own, in a thread: one
/// `UID FETCH set (UID BODY.PEEK[])` per 500 messages, each message's literal read straight
/// into its own buffer. At most `budget` bytes wait for the caller (at least one message,
/// however large), so memory stays flat whatever the folder holds.
final class IMAPMessageStream: MessageStream, @unchecked Sendable {
    static let defaultBudget = 8 << 20
    static let messagesPerCommand = 500

    private let condition = NSCondition()
    // Guarded by `condition`.
    /// A handed-over message is let go at once: kept here, it would outlive the budget.
    private var ready = FIFO<FetchedMessage>()
    /// Bytes read ahead and not yet let go by the caller (the last message handed over counts
    /// until the next call).
    private var outstanding = 0
    private var handedOver = 0
    private var finished = false
    private var closed = false
    private var delivered = 0
    private let total: Int
    private let budget: Int

    init(session: IMAPSession, folder: String, uids: [UInt32], budget: Int = IMAPMessageStream.defaultBudget) {
        total = uids.count
        self.budget = budget
        session.isCancelled = { [weak self] in self?.isClosed ?? true }
        let thread = Thread { [self] in
            self.run(session: session, folder: folder, uids: uids)
        }
        thread.name = "mentormail-imap-fetch"
        thread.start()
    }

    private var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return delivered == total || (finished && ready.isEmpty)
    }

    func next(wait: Bool) -> FetchedMessage? {
        condition.lock()
        defer { condition.unlock() }
        outstanding -= handedOver
        handedOver = 0
        condition.broadcast()
        while ready.isEmpty {
            if finished || closed || !wait { return nil }
            condition.wait()
        }
        let message = ready.popFirst()!  // Not empty, checked above.
        handedOver = message.byteCount
        delivered += 1
        return message
    }

    /// Bytes of the messages this stream keeps: read ahead and not yet handed over.
    var keptBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return ready.waiting.reduce(0) { $0 + $1.byteCount }
    }

    func close() {
        condition.lock()
        closed = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func push(_ message: FetchedMessage) {
        condition.lock()
        if !closed {
            ready.append(message)
            outstanding += message.byteCount
        }
        condition.signal()
        condition.unlock()
    }

    /// Waits until `size` more bytes fit the budget (or nothing is outstanding). False when closed.
    private func reserve(_ size: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !closed && outstanding > 0 && outstanding + size > budget { condition.wait() }
        return !closed
    }

    private func end() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func run(session: IMAPSession, folder: String, uids: [UInt32]) {
        defer { end() }
        var remaining = uids[...]
        do {
            try session.command("EXAMINE \(IMAPMailbox.quoted(folder))", what: "open the folder \(folder)")
            while !remaining.isEmpty {
                let batch = Array(remaining.prefix(Self.messagesPerCommand))
                try fetch(batch, session: session)
                remaining = remaining.dropFirst(batch.count)
            }
            _ = try? session.send("LOGOUT", what: "log out")
        } catch is IMAPSession.Cancelled {
            return
        } catch {
            let failure = error as? TransportError ?? TransportError("\(error)")
            for uid in remaining where !isClosed { push(FetchedMessage(uid: uid, bytes: .failure(failure))) }
        }
    }

    /// One `UID FETCH` for `batch`; the messages it does not bring are reported as failed.
    private func fetch(_ batch: [UInt32], session: IMAPSession) throws {
        let what = "fetch messages"
        let tag = try session.send("UID FETCH \(imapUIDSet(batch)) (UID BODY.PEEK[])", what: what)
        var missing = Set(batch)
        while true {
            var line = try session.readLine(what: what)
            if line.starts(with: Array("\(tag) ".utf8)) {
                let status = IMAPSession.tagged(String(decoding: line, as: UTF8.self), tag: tag)
                for uid in batch where missing.contains(uid) {
                    let reason = status?.ok == true ? "it is no longer in the folder" : "the server said: \(status?.words ?? "")"
                    push(FetchedMessage(uid: uid, bytes: .failure(TransportError("\(session.serverDescription): could not fetch message UID \(uid) (\(reason))"))))
                }
                return
            }
            // An untagged answer, maybe with literals: the text around them, and the message's body.
            var text: [UInt8] = []
            var body: [UInt8]?
            var spool: MessageSpool?
            while let length = IMAPSession.literalLength(at: line) {
                let open = line.lastIndex(of: UInt8(ascii: "{")) ?? line.count
                text += line[..<open]
                if Self.announcesBody(text) && body == nil {
                    guard reserve(min(length, MessageSpool.keptInMemory)) else { throw IMAPSession.Cancelled() }
                    if length > MessageSpool.keptInMemory {
                        (body, spool) = try Self.spool(length, from: session, what: what)
                    } else {
                        var bytes: [UInt8] = []
                        bytes.reserveCapacity(length)
                        try session.read(length, into: &bytes, what: what)
                        body = bytes
                    }
                } else {
                    try session.skip(length, what: what)
                }
                text += Array(" \"\" ".utf8)
                line = try session.readLine(what: what)
            }
            text += line
            guard let body, let uid = Self.uid(in: text), missing.remove(uid) != nil else { continue }
            push(FetchedMessage(uid: uid, bytes: .success(body), spool: spool))
        }
    }

    /// Reads a literal too large to keep in memory into a spool; returns its first bytes too.
    private static func spool(_ length: Int, from session: IMAPSession, what: String) throws -> ([UInt8], MessageSpool) {
        var writer = try SpoolWriter()
        do {
            try session.read(length, what: what) { try writer.append($0) }
        } catch {
            writer.abandon()
            throw error
        }
        return (writer.prefix, writer.finish())
    }

    /// Whether the text before a literal ends with `BODY[]` (the literal is the message).
    static func announcesBody(_ text: [UInt8]) -> Bool {
        var end = text.count
        while end > 0, text[end - 1] == 32 { end -= 1 }
        let tail = Array("BODY[]".utf8)
        guard end >= tail.count else { return false }
        return zip(text[(end - tail.count)..<end], tail).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
    }

    /// The n of `UID n` in a `* m FETCH (…)` answer.
    static func uid(in text: [UInt8]) -> UInt32? {
        let line = String(decoding: text, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" })
        guard words.count >= 3, words[0] == "*", words[2].uppercased() == "FETCH" else { return nil }
        for index in words.indices.dropFirst(3) where words[index].uppercased() == "UID" && index + 1 < words.endIndex {
            return UInt32(words[index + 1])
        }
        return nil
    }
}
