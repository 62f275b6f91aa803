import Foundation

/// An IMAP folder read through libcurl, one connection for the whole run.
///
/// libcurl 7.88 has no IDLE, so the program polls (cron). A single message is fetched through
/// an `imap://HOST/FOLDER;UID=N` URL, because a custom `UID FETCH` request drops literals;
/// a run's messages come through `messages(_:)` instead, on a second connection on which
/// this module speaks IMAP itself (`IMAPSession`): 500 messages per `UID FETCH`, read ahead
/// while earlier ones are handled. Processed messages get the `$MentorMailDone` keyword (one
/// `UID STORE` per batch) and may be moved to another folder.
public final class IMAPMailbox: Mailbox {
    private let curl: CurlHandle
    private let folderURL: String
    /// `imap://host:port`, for the URL of another folder.
    private let serverURL: String
    private let folder: String
    private let moveTo: String?
    private let credentials: ServerCredentials
    public let displayName: String

    /// - Parameters:
    ///   - url: `imap://host[:port]/FOLDER` or `imaps://…`; the folder defaults to INBOX.
    ///   - moveTo: a folder to move processed messages into (it must exist), or nil to leave them.
    public init(url: String, credentials: ServerCredentials, moveTo: String? = nil) throws {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "imap" || scheme == "imaps",
              let host = components.host, !host.isEmpty else {
            throw TransportError("mailbox url \"\(url)\" is not imap://HOST[:PORT]/FOLDER or imaps://…")
        }
        guard components.user == nil, components.password == nil else {
            throw TransportError("mailbox url must not contain a user or password: put them in the config's user and password_env")
        }
        var path = components.path
        while path.hasPrefix("/") { path.removeFirst() }
        folder = path.isEmpty ? "INBOX" : path
        let port = components.port.map { ":\($0)" } ?? ""
        let encodedFolder = folder.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? folder
        serverURL = "\(scheme)://\(host)\(port)"
        folderURL = "\(serverURL)/\(encodedFolder)"
        displayName = "IMAP \(scheme)://\(host)\(port)/\(folder)"
        self.moveTo = moveTo
        self.credentials = credentials
        curl = try CurlHandle(serverDescription: displayName, credentials: credentials)
    }

    public func uidValidity() throws -> UInt32 {
        let response = try command("STATUS \(Self.quoted(folder)) (UIDVALIDITY)", what: "read UIDVALIDITY")
        guard let value = IMAPResponse.statusValue(named: "UIDVALIDITY", in: response) else {
            throw TransportError("\(displayName): the server's STATUS answer had no UIDVALIDITY")
        }
        return value
    }

    public func unprocessedUIDs() throws -> [UInt32] {
        try search("UNKEYWORD \(processedKeyword)")
    }

    /// Messages searched per command: the `* SEARCH` line of a window always fits libcurl's
    /// 16 KB buffer (at most 1,000 UIDs of up to 10 digits), which cuts longer lines silently.
    static let searchWindow = 1_000

    /// UIDs matching an IMAP search key such as `ALL` or `KEYWORD $MentorMailDone`, ascending.
    ///
    /// The folder is searched in windows of message sequence numbers (`1:1000`, `1001:2000`, …),
    /// whatever the UIDs are, so every match is seen in a folder of any size.
    /// - Complexity: one STATUS and ⌈messages / 1,000⌉ searches.
    public func search(_ criteria: String) throws -> [UInt32] {
        guard !criteria.contains(where: \.isNewline) else {
            throw TransportError("\(displayName): a search may not contain line breaks")
        }
        let status = try command("STATUS \(Self.quoted(folder)) (MESSAGES)", what: "count the messages")
        guard let count = IMAPResponse.statusValue(named: "MESSAGES", in: status) else {
            throw TransportError("\(displayName): the server's STATUS answer had no MESSAGES")
        }
        guard count > 0 else { return [] }
        var found = Set<UInt32>()
        var low = 1
        // Messages that arrive meanwhile get higher numbers: the last window is open-ended.
        while low <= Int(count) {
            let high = low + Self.searchWindow - 1
            let range = high >= Int(count) ? "\(low):*" : "\(low):\(high)"
            let response = try command("UID SEARCH \(range) \(criteria)", what: "search the folder")
            found.formUnion(IMAPResponse.searchResults(in: response))
            low = high + 1
        }
        return found.sorted()
    }

    public func fetch(uid: UInt32) throws -> [UInt8] {
        try selecting { try curl.perform(url: "\(folderURL);UID=\(uid)", what: "fetch message UID \(uid)") }
    }

    /// libcurl reports a folder it could not select as "Login denied: Select failed", although
    /// the login worked: that failure is named for what it is.
    private func selecting<T>(_ folder: String? = nil, _ body: () throws -> T) throws -> T {
        let folder = folder ?? self.folder
        do {
            return try body()
        } catch let error as TransportError where error.message.contains("Select failed") {
            let words = error.serverWords.map { " (the server said: \($0))" } ?? ""
            let missing = error.serverWords.map { $0.lowercased().contains("exist") || $0.uppercased().contains("NONEXISTENT") } ?? false
            let setting = folder == self.folder ? "the folder in [mailbox] url (INBOX by default)" : "[mailbox] move_to"
            throw TransportError("\(displayName): the folder \(folder) \(missing ? "does not exist on the server" : "could not be opened")\(words): "
                                 + "check \(setting)", serverWords: error.serverWords, saysWhatToDo: true)
        }
    }

    public func markProcessed(uid: UInt32) throws {
        _ = try command("UID STORE \(uid) +FLAGS (\(processedKeyword))", what: "flag message UID \(uid) processed")
        try move([uid], what: "message UID \(uid)")
    }

    /// Moves flagged messages to `moveTo`, if set; a failure is a `MoveError` (they stay flagged).
    private func move(_ uids: [UInt32], what: String) throws {
        guard let moveTo, !uids.isEmpty else { return }
        do {
            _ = try command("UID MOVE \(imapUIDSet(uids)) \(Self.quoted(moveTo))", what: "move \(what) to \(moveTo)")
        } catch {
            throw MoveError(uids: uids, folder: moveTo, reason: "\(error)")
        }
    }

    /// Messages flagged processed but still here, because moving them failed before.
    public func moveProcessed() throws -> Int {
        guard moveTo != nil else { return 0 }
        let left = try search("KEYWORD \(processedKeyword)")
        for batch in Self.batches(left) {
            try move(batch, what: batch.count == 1 ? "message UID \(batch[0])" : "\(batch.count) messages")
        }
        return left.count
    }

    /// One search per folder: any match will do, so a long answer cut short still tells. The
    /// folder processed mail moves to is searched too; if it cannot be opened, it holds none.
    public func holdsProcessedMail() throws -> Bool {
        let here = try command("UID SEARCH KEYWORD \(processedKeyword)", what: "look for mail a run already handled")
        if !IMAPResponse.searchResults(in: here).isEmpty { return true }
        guard let moveTo else { return false }
        let url = "\(serverURL)/\(moveTo.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? moveTo)"
        let moved = try? command("UID SEARCH KEYWORD \(processedKeyword)", url: url, folder: moveTo, what: "look for mail a run already handled in \(moveTo)")
        return moved.map { !IMAPResponse.searchResults(in: $0).isEmpty } ?? false
    }

    /// `uids` in order, `flagBatch` at a time: the command line stays short whatever the UIDs.
    static func batches(_ uids: [UInt32]) -> [[UInt32]] {
        let sorted = uids.sorted()
        return stride(from: 0, to: sorted.count, by: flagBatch).map { Array(sorted[$0..<min($0 + flagBatch, sorted.count)]) }
    }

    /// Reads the messages ahead on a connection of their own (see `IMAPMessageStream`).
    public func messages(_ uids: [UInt32]) throws -> any MessageStream {
        guard !uids.isEmpty else { return SequentialMessageStream(uids: []) { _ in ([], nil) } }
        let session = try IMAPSession(url: folderURL, serverDescription: displayName, credentials: credentials)
        return IMAPMessageStream(session: session, folder: folder, uids: uids)
    }

    /// UIDs per `UID STORE` or `UID MOVE`: the command line stays short whatever the UIDs.
    static let flagBatch = 500

    /// One `UID STORE set +FLAGS.SILENT ($MentorMailDone)` (and `UID MOVE`) per 500 messages.
    public func markProcessed(uids: [UInt32]) throws {
        for batch in Self.batches(uids) {
            let set = imapUIDSet(batch)
            let what = batch.count == 1 ? "message UID \(batch[0])" : "\(batch.count) messages (UID \(batch[0]) to \(batch[batch.count - 1]))"
            _ = try command("UID STORE \(set) +FLAGS.SILENT (\(processedKeyword))", what: "flag \(what) processed")
            try move(batch, what: what)
        }
    }

    /// Deletes the messages of a person whose data was erased: here by UID when the folder's
    /// UIDVALIDITY is the one they were read under, else by Message-ID and sender; in the folder
    /// processed mail moves to always by Message-ID and sender (a move gives new UIDs). Each is
    /// marked `\Deleted` and removed with `UID EXPUNGE` (UIDPLUS) on its UIDs alone, so nothing
    /// else the folder holds marked deleted is expunged.
    public func delete(_ copies: [MailboxCopy]) throws -> Int {
        guard !copies.isEmpty else { return 0 }
        let validity = try uidValidity()
        var here = copies.filter { $0.uidValidity == validity }.map(\.uid)
        for copy in copies where copy.uidValidity != validity {
            here += try find(copy, url: folderURL, folder: folder)
        }
        var removed = try expunge(here, url: folderURL, folder: folder)
        if let moveTo {
            let url = "\(serverURL)/\(moveTo.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? moveTo)"
            var moved: [UInt32] = []
            for copy in copies { moved += try find(copy, url: url, folder: moveTo) }
            removed += try expunge(moved, url: url, folder: moveTo)
        }
        return removed
    }

    /// The UIDs in the folder at `url` of the message with that Message-ID from that sender.
    private func find(_ copy: MailboxCopy, url: String, folder: String) throws -> [UInt32] {
        guard let id = copy.messageID, !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else { return [] }
        let response = try command("UID SEARCH HEADER Message-ID \(Self.quoted(id)) FROM \(Self.quoted(copy.sender))",
                                   url: url, folder: folder, what: "look for a message to delete in \(folder)")
        return IMAPResponse.searchResults(in: response)
    }

    /// Marks `uids` deleted and expunges exactly those; returns how many the server removed.
    private func expunge(_ uids: [UInt32], url: String, folder: String) throws -> Int {
        var removed = 0
        for batch in Self.batches(Array(Set(uids))) {
            let set = imapUIDSet(batch)
            _ = try command("UID STORE \(set) +FLAGS.SILENT (\\Deleted)", url: url, folder: folder, what: "mark messages deleted in \(folder)")
            let response = try command("UID EXPUNGE \(set)", url: url, folder: folder,
                                       what: "remove the messages marked deleted in \(folder) (UID EXPUNGE, which needs the server's UIDPLUS)")
            removed += IMAPResponse.expunged(in: response)
        }
        return removed
    }

    /// Whether the connection of the last command was encrypted (TLS or STARTTLS).
    public var isEncrypted: Bool { curl.isEncrypted }

    /// The folder processed messages move to, if any.
    public var moveFolder: String? { moveTo }

    /// Whether the server has a folder of that name (`LIST`; nothing is selected or changed).
    public func folderExists(_ name: String) throws -> Bool {
        let response = try command("LIST \"\" \(Self.quoted(name))", what: "look for the folder \(name)")
        return response.split(whereSeparator: \.isNewline).contains { $0.uppercased().hasPrefix("* LIST ") }
    }

    /// Creates a folder, e.g. the one processed messages move to.
    public func createFolder(_ name: String) throws {
        _ = try command("CREATE \(Self.quoted(name))", what: "create the folder \(name)")
    }

    /// Runs a command in the folder (libcurl selects the URL's folder first): ours, unless
    /// another is given.
    private func command(_ request: String, url: String? = nil, folder: String? = nil, what: String) throws -> String {
        let bytes = try selecting(folder ?? self.folder) { try curl.perform(url: url ?? folderURL, customRequest: request, what: what) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An IMAP quoted string (RFC 3501 §4.3).
    static func quoted(_ name: String) -> String {
        var escaped = "\""
        // "\r\n" is one Character in Swift: isNewline catches it and lone CR or LF alike.
        for character in name where !character.isNewline {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + "\""
    }
}

/// Reads the untagged lines libcurl hands back for custom IMAP commands.
enum IMAPResponse {
    /// The numbers of every `* SEARCH n n …` line.
    static func searchResults(in response: String) -> [UInt32] {
        var uids: [UInt32] = []
        for line in response.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "*", words[1].uppercased() == "SEARCH" else { continue }
            uids.append(contentsOf: words.dropFirst(2).compactMap { UInt32($0) })
        }
        return uids
    }

    /// How many `* n EXPUNGE` lines the answer has: the messages removed.
    static func expunged(in response: String) -> Int {
        response.split(whereSeparator: \.isNewline).count { line in
            let words = line.split(separator: " ")
            return words.count >= 3 && words[0] == "*" && UInt32(words[1]) != nil && words[2].uppercased() == "EXPUNGE"
        }
    }

    /// A value from a `* STATUS folder (NAME n …)` line.
    static func statusValue(named name: String, in response: String) -> UInt32? {
        for line in response.split(whereSeparator: \.isNewline) {
            guard line.hasPrefix("* STATUS"), let open = line.lastIndex(of: "(") else { continue }
            let items = line[line.index(after: open)...].split(whereSeparator: { $0 == " " || $0 == ")" })
            var index = items.startIndex
            while index + 1 < items.endIndex {
                if items[index].uppercased() == name.uppercased() { return UInt32(items[index + 1]) }
                index += 2
            }
        }
        return nil
    }
}
