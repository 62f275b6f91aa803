import Foundation
import Mail

/// A local Maildir used as the mailbox: the embedded default, no server needed.
///
/// Maildir has no UIDs, so this keeps a small `mentormail-uidlist` file in the Maildir that
/// gives each message file a UID in arrival order (like Dovecot's own uidlist). A processed
/// message moves to `cur/` with the seen flag and the `$MentorMailDone` keyword, written the
/// way Dovecot stores keywords (a letter per entry of `dovecot-keywords`), so the same Maildir
/// can be served over IMAP and still show what was processed.
///
/// `unprocessedUIDs()` lists the folder once; `fetch` and `markProcessed` then find each file
/// through that listing, so the mailbox's share of a run over n messages is O(n log n), not O(n²).
public final class MaildirMailbox: Mailbox {
    public let displayName: String
    private let root: URL
    private var list: UIDList
    /// Where each UID's file was at the last listing, kept up to date by `markProcessed`.
    /// Only a hint: a file that another program moved is found again by one re-listing.
    private var index: [UInt32: MessageFile] = [:]
    /// The `$MentorMailDone` letter, read from `dovecot-keywords` once per listing.
    private var letter: Character?

    /// Opens (and creates, when missing) the Maildir at `path`.
    public init(path: String) throws {
        root = URL(fileURLWithPath: path, isDirectory: true)
        displayName = "Maildir \(path)"
        let fileManager = FileManager.default
        do {
            for sub in ["new", "cur", "tmp"] {
                try fileManager.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
        } catch {
            throw TransportError("\(displayName): cannot create the Maildir folders: \(FolderCreation.obstacle(path) ?? error.localizedDescription); "
                                 + "change [mailbox] url (maildir:FOLDER) or make the folders", saysWhatToDo: true)
        }
        list = try UIDList.load(from: root.appendingPathComponent(UIDList.fileName))
    }

    public func uidValidity() throws -> UInt32 { list.validity }

    /// What a look at the Maildir at `path` finds, without creating or writing anything (for
    /// `mentormail doctor`): the folders of new/, cur/ and tmp/ that are missing, and the
    /// messages not yet flagged processed, and those flagged.
    public static func inspect(path: String) throws -> (missing: [String], waiting: Int, handled: Int) {
        let root = URL(fileURLWithPath: path, isDirectory: true)
        var isFolder: ObjCBool = false
        let missing = ["new", "cur", "tmp"].filter {
            !FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &isFolder) || !isFolder.boolValue
        }
        guard missing.isEmpty else { return (missing, 0, 0) }
        let waiting = try count(in: root) { processed in !processed }
        return ([], waiting, try count(in: root) { $0 })
    }

    /// The processed keyword's letter, when it was ever registered (read only).
    private static func registeredLetter(in root: URL) -> Character? {
        let keywords = (try? String(contentsOf: root.appendingPathComponent("dovecot-keywords"), encoding: .utf8)) ?? ""
        return keywords.split(separator: "\n").compactMap { line -> Character? in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, String(parts[1]) == processedKeyword, let index = Int(parts[0]), (0..<26).contains(index) else { return nil }
            return Character(Unicode.Scalar(UInt8(97 + index)))
        }.first
    }

    /// How many messages in new/ and cur/ `counted` takes, by whether each is flagged processed
    /// (read only).
    private static func count(in root: URL, _ counted: (_ processed: Bool) -> Bool) throws -> Int {
        let letter = registeredLetter(in: root)
        var total = 0
        for sub in ["new", "cur"] {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(sub).path)
            } catch {
                throw TransportError("Maildir \(root.path): cannot list \(sub)/ (\(error.localizedDescription))")
            }
            for name in names where !name.hasPrefix(".") {
                let flags = name.components(separatedBy: ":2,").dropFirst().first ?? ""
                if counted(letter.map { flags.contains($0) } ?? false) { total += 1 }
            }
        }
        return total
    }

    public func holdsProcessedMail() throws -> Bool {
        try Self.count(in: root) { $0 } > 0
    }

    /// Lists `new/` and `cur/` once and remembers where each message is for `fetch` and `markProcessed`.
    /// - Complexity: O(n log n) in the number of messages in the folder.
    public func unprocessedUIDs() throws -> [UInt32] {
        letter = nil
        let done = try keywordLetter()
        var uids: [UInt32] = []
        var changed = false
        index = [:]
        for file in try messageFiles() {
            let uid: UInt32
            if let known = list.uid(forBase: file.base) {
                uid = known
            } else {
                uid = list.assign(base: file.base)
                changed = true
            }
            index[uid] = file
            if !file.flags.contains(done) { uids.append(uid) }
        }
        if changed { try list.save() }
        return uids.sorted()
    }

    /// - Complexity: O(size of the message) when the file is where the last listing saw it.
    public func fetch(uid: UInt32) throws -> [UInt8] {
        try withFile(uid: uid) { file in
            // Read straight into the array: one copy of the message in memory, not two.
            if let bytes = MailReading.readFile(atPath: file.url.path) { return bytes }
            return try unreadable(file, uid: uid)
        }
    }

    /// Each message when it is asked for, its file opened once; one larger than
    /// `MessageSpool.keptInMemory` as its first bytes and its spool (the file itself, held open).
    public func messages(_ uids: [UInt32]) throws -> any MessageStream {
        SequentialMessageStream(uids: uids) { [unowned self] uid in
            try withFile(uid: uid) { file in
                if let read = try MessageSpool.readFile(atPath: file.url.path) { return read }
                return try unreadable(file, uid: uid)
            }
        }
    }

    /// A file that could not be read: nil when it has moved since the listing (another client
    /// read it), so `withFile` looks for it again; an error when it is there.
    private func unreadable<T>(_ file: MessageFile, uid: UInt32) throws -> T? {
        guard FileManager.default.fileExists(atPath: file.url.path) else { return nil }
        throw TransportError("\(displayName): cannot read message UID \(uid) (\(file.url.path) is not readable)")
    }

    /// Moves the message to `cur/` with the seen flag and the keyword letter, keeping its other flags.
    /// - Complexity: O(1) when the file is where the last listing saw it.
    public func markProcessed(uid: UInt32) throws {
        let letter = try keywordLetter()
        // Assigned after the call: `withFile` may rebuild the index while it runs.
        let moved = try withFile(uid: uid) { file in
            var flags = Set(file.flags)
            flags.insert("S")
            flags.insert(letter)
            let sorted = flags.sorted()
            let target = root.appendingPathComponent("cur").appendingPathComponent(file.base + ":2," + String(sorted))
            guard target.path != file.url.path else { return file }
            guard rename(file.url.path, target.path) == 0 else {
                let code = errno
                if code == ENOENT { return nil }
                throw TransportError("\(displayName): cannot flag message UID \(uid) (\(String(cString: strerror(code))))")
            }
            return MessageFile(url: target, base: file.base, flags: sorted)
        }
        index[uid] = moved
    }

    /// Removes the files of these messages (read under this Maildir's validity); a file
    /// already gone counts as done.
    /// - Complexity: one listing of the folder, then O(1) a message.
    public func delete(_ copies: [MailboxCopy]) throws -> Int {
        let here = copies.filter { $0.uidValidity == list.validity }
        guard !here.isEmpty else { return 0 }
        try relist()
        var removed = 0
        for copy in here {
            guard let file = index[copy.uid] else { continue }
            guard unlink(file.url.path) == 0 else {
                let code = errno
                if code == ENOENT { continue }
                throw TransportError("\(displayName): cannot delete message UID \(copy.uid) (\(String(cString: strerror(code))))")
            }
            index[copy.uid] = nil
            removed += 1
        }
        return removed
    }

    private struct MessageFile {
        var url: URL
        var base: String
        var flags: [Character]
    }

    /// Runs `body` on the file of `uid`; `body` returns nil when the file is gone (ENOENT).
    /// When the index does not know the UID or the file is gone, the folder is listed again
    /// once and `body` retried, so a message moved by another program is still found.
    private func withFile<T>(uid: UInt32, _ body: (MessageFile) throws -> T?) throws -> T {
        if let file = index[uid], let result = try body(file) { return result }
        try relist()
        guard let file = index[uid], let result = try body(file) else {
            throw TransportError("\(displayName): no message with UID \(uid)")
        }
        return result
    }

    /// Rebuilds the index of the messages that already have a UID (no new UIDs are given here).
    private func relist() throws {
        index = [:]
        for file in try messageFiles() {
            if let uid = list.uid(forBase: file.base) { index[uid] = file }
        }
    }

    private func messageFiles() throws -> [MessageFile] {
        var files: [MessageFile] = []
        for sub in ["new", "cur"] {
            let folder = root.appendingPathComponent(sub)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw TransportError("\(displayName): cannot list \(sub)/ (\(error.localizedDescription))")
            }
            for name in names where !name.hasPrefix(".") {
                let parts = name.components(separatedBy: ":2,")
                let flags = parts.count > 1 ? Array(parts[1]) : []
                files.append(MessageFile(url: folder.appendingPathComponent(name), base: parts[0], flags: flags))
            }
        }
        // Maildir names begin with the delivery time, so name order is arrival order.
        return files.sorted { $0.base < $1.base }
    }

    /// The Maildir flag letter of `$MentorMailDone`, registering it in `dovecot-keywords` if needed.
    ///
    /// Dovecot never renumbers a keyword, so the letter is read once and kept until the next listing.
    private func keywordLetter() throws -> Character {
        if let letter { return letter }
        let url = root.appendingPathComponent("dovecot-keywords")
        var lines = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        var used: [Int: String] = [:]
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, let index = Int(parts[0]) { used[index] = String(parts[1]) }
        }
        if let index = used.first(where: { $0.value == processedKeyword })?.key, index < 26 {
            let found = Character(Unicode.Scalar(UInt8(97 + index)))
            letter = found
            return found
        }
        guard let free = (0..<26).first(where: { used[$0] == nil }) else {
            throw TransportError("\(displayName): all 26 Maildir keyword letters are taken")
        }
        lines.append("\(free) \(processedKeyword)")
        do {
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw TransportError("\(displayName): cannot write dovecot-keywords (\(error.localizedDescription))")
        }
        let registered = Character(Unicode.Scalar(UInt8(97 + free)))
        letter = registered
        return registered
    }
}

/// The `mentormail-uidlist` file: a validity line, then "UID basename" per message.
private struct UIDList {
    static let fileName = "mentormail-uidlist"
    let url: URL
    var validity: UInt32
    var next: UInt32
    var byBase: [String: UInt32]
    var byUID: [UInt32: String]

    static func load(from url: URL) throws -> UIDList {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            let validity = UInt32(truncatingIfNeeded: Int(Date().timeIntervalSince1970))
            let list = UIDList(url: url, validity: max(validity, 1), next: 1, byBase: [:], byUID: [:])
            try list.save()
            return list
        }
        var lines = text.split(separator: "\n")
        let header = lines.isEmpty ? [] : lines.removeFirst().split(separator: " ")
        guard header.count == 4, header[0] == "V", let validity = UInt32(header[1]),
              header[2] == "N", let next = UInt32(header[3]) else {
            throw TransportError("\(url.path) is damaged: its first line should read \"V <validity> N <next uid>\"")
        }
        var list = UIDList(url: url, validity: validity, next: next, byBase: [:], byUID: [:])
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let uid = UInt32(parts[0]) else { continue }
            list.byBase[String(parts[1])] = uid
            list.byUID[uid] = String(parts[1])
        }
        return list
    }

    func uid(forBase base: String) -> UInt32? { byBase[base] }

    mutating func assign(base: String) -> UInt32 {
        let uid = next
        next += 1
        byBase[base] = uid
        byUID[uid] = base
        return uid
    }

    func save() throws {
        var text = "V \(validity) N \(next)\n"
        for (uid, base) in byUID.sorted(by: { $0.key < $1.key }) { text += "\(uid) \(base)\n" }
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw TransportError("cannot write \(url.path) (\(error.localizedDescription))")
        }
    }
}
