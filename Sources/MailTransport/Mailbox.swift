import Foundation

/// Where inbound mail waits: an IMAP folder, or a local Maildir.
///
/// A message is named by its UID, which is stable while `uidValidity()` stays the same
/// (RFC 3501 §2.3.1.1). The program records both before it marks a message processed,
/// so a rerun after a crash recognises what it already handled.
public protocol Mailbox: AnyObject {
    /// A description safe for logs: no credentials.
    var displayName: String { get }
    /// The folder's UIDVALIDITY; UIDs are only comparable under the same value.
    func uidValidity() throws -> UInt32
    /// UIDs of the messages not yet marked processed, in ascending order.
    func unprocessedUIDs() throws -> [UInt32]
    /// The exact bytes of one message.
    func fetch(uid: UInt32) throws -> [UInt8]
    /// Marks a message processed so that `unprocessedUIDs()` no longer lists it.
    func markProcessed(uid: UInt32) throws
    /// The messages of `uids`, each once, possibly read ahead of the caller (several per round
    /// trip, on a connection of their own) while earlier ones are handled. The default reads
    /// each with `fetch(uid:)` when it is asked for.
    func messages(_ uids: [UInt32]) throws -> any MessageStream
    /// Marks several messages processed at once (one `UID STORE` on a UID set over IMAP).
    /// The default marks them one by one.
    func markProcessed(uids: [UInt32]) throws
    /// Moves the messages marked processed that are still in the folder (their move failed in
    /// an earlier run) to the folder processed mail goes to; returns how many. The default,
    /// for a mailbox that moves nothing, returns 0.
    func moveProcessed() throws -> Int
    /// Deletes these messages from the folder (and from the folder processed mail moved to),
    /// for a person whose data was erased; returns how many were removed. A copy already gone
    /// counts as done. The default, for a mailbox that cannot delete, throws.
    func delete(_ copies: [MailboxCopy]) throws -> Int
    /// Whether a run has already marked mail processed here (or in the folder processed mail
    /// moves to): a program whose database is missing has run on this mailbox before. The
    /// default, for a mailbox that cannot tell, says no.
    func holdsProcessedMail() throws -> Bool
}

/// A message of the mailbox to delete: its UID where it arrived, and its Message-ID and sender
/// to find it by once it moved (or the folder's UIDVALIDITY changed).
public struct MailboxCopy: Sendable, Equatable {
    public let uidValidity: UInt32
    public let uid: UInt32
    public let messageID: String?
    public let sender: String

    public init(uidValidity: UInt32, uid: UInt32, messageID: String?, sender: String) {
        self.uidValidity = uidValidity
        self.uid = uid
        self.messageID = messageID
        self.sender = sender
    }
}

/// Messages marked processed that could not be moved to the folder processed mail goes to.
public struct MoveError: Error, CustomStringConvertible, Sendable {
    public let uids: [UInt32]
    public let folder: String
    /// Why, in the transport's words (with the server's).
    public let reason: String

    public init(uids: [UInt32], folder: String, reason: String) {
        self.uids = uids
        self.folder = folder
        self.reason = reason
    }

    public var description: String {
        let which = uids.count == 1 ? "message UID \(uids[0])" : "\(uids.count) messages (UID \(uids.first ?? 0) to \(uids.last ?? 0))"
        return "\(which) marked processed but not moved to \(folder) (\(reason)); create the folder \(folder) on the server "
            + "or fix [mailbox] move_to: every run moves the mail left behind"
    }
}

extension Mailbox {
    public func messages(_ uids: [UInt32]) throws -> any MessageStream {
        SequentialMessageStream(uids: uids) { [unowned self] uid in (try self.fetch(uid: uid), nil) }
    }

    public func markProcessed(uids: [UInt32]) throws {
        for uid in uids { try markProcessed(uid: uid) }
    }

    public func moveProcessed() throws -> Int { 0 }

    public func holdsProcessedMail() throws -> Bool { false }

    public func delete(_ copies: [MailboxCopy]) throws -> Int {
        guard copies.isEmpty else { throw TransportError("\(displayName) cannot delete messages") }
        return 0
    }
}

/// One message of a `MessageStream`: its bytes, or why they could not be read. A message
/// larger than `MessageSpool.keptInMemory` comes with its `spool`, and `bytes` holds only its
/// first bytes.
public struct FetchedMessage {
    public let uid: UInt32
    public let bytes: Result<[UInt8], TransportError>
    public let spool: MessageSpool?

    public init(uid: UInt32, bytes: Result<[UInt8], TransportError>, spool: MessageSpool? = nil) {
        self.uid = uid
        self.bytes = bytes
        self.spool = spool
    }

    /// The bytes held in memory (0 when the message could not be fetched): what read-ahead
    /// budgets count.
    public var byteCount: Int {
        if case .success(let bytes) = bytes { return bytes.count }
        return 0
    }
}

/// Messages handed over one at a time, in the order the mailbox delivers them.
///
/// A stream that reads ahead keeps at most a bounded number of bytes waiting (at least one
/// message, however large): memory does not grow with the folder or the messages' sizes.
public protocol MessageStream: AnyObject {
    /// The next message. With `wait` false, nil also when none is ready yet (the caller can do
    /// something else first, such as committing); with `wait` true, nil only at the end.
    func next(wait: Bool) -> FetchedMessage?
    /// Whether every message was handed over.
    var isFinished: Bool { get }
    /// Stops reading ahead and lets go of the connection; later calls to `next` return nil.
    func close()
}

/// Reads each message when it is asked for: no read-ahead.
final class SequentialMessageStream: MessageStream {
    private var pending: ArraySlice<UInt32>
    private let fetch: (UInt32) throws -> ([UInt8], MessageSpool?)

    init(uids: [UInt32], fetch: @escaping (UInt32) throws -> ([UInt8], MessageSpool?)) {
        pending = uids[...]
        self.fetch = fetch
    }

    var isFinished: Bool { pending.isEmpty }

    func next(wait: Bool) -> FetchedMessage? {
        guard let uid = pending.popFirst() else { return nil }
        do {
            let (bytes, spool) = try fetch(uid)
            return FetchedMessage(uid: uid, bytes: .success(bytes), spool: spool)
        } catch let error as TransportError {
            return FetchedMessage(uid: uid, bytes: .failure(error))
        } catch {
            return FetchedMessage(uid: uid, bytes: .failure(TransportError("\(error)")))
        }
    }

    func close() { pending = [] }
}

/// Where outgoing mail goes: an SMTP server, or a directory of .eml files.
public protocol MailSender: AnyObject {
    /// A description safe for logs: no credentials.
    var displayName: String { get }
    /// Hands one complete RFC 5322 message to the transport for the given envelope.
    /// Returns once the transport has accepted it (SMTP 250 after DATA, or the file is on disk),
    /// with the recipients it refused while taking it for the others (empty when none were).
    /// Throws when no recipient took it; the error then names the refused ones.
    @discardableResult
    func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws -> [RecipientRefusal]
}

/// The IMAP keyword that marks a message as handled by MentorMail.
public let processedKeyword = "$MentorMailDone"
