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
}

/// Where outgoing mail goes: an SMTP server, or a directory of .eml files.
public protocol MailSender: AnyObject {
    /// A description safe for logs: no credentials.
    var displayName: String { get }
    /// Hands one complete RFC 5322 message to the transport for the given envelope.
    /// Returns once the transport has accepted it (SMTP 250 after DATA, or the file is on disk).
    func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws
}

/// The IMAP keyword that marks a message as handled by MentorMail.
public let processedKeyword = "$MentorMailDone"
