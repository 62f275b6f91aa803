import Foundation

/// Writes each outgoing message as an .eml file: the embedded default, no server needed.
///
/// The file is named after the message's position and envelope so a reader can browse the
/// outbox in order; writing is atomic (temporary file, then rename), so a crash never
/// leaves half a message behind. The folder is listed once, at the first send, for the
/// next number; later sends count on from there.
public final class DirectorySender: MailSender {
    public let displayName: String
    private let directory: URL
    /// The number of the next file, known after the first send.
    private var nextNumber: Int?

    public init(path: String) throws {
        directory = URL(fileURLWithPath: path, isDirectory: true)
        displayName = "directory \(path)"
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TransportError("\(displayName): cannot create it: \(FolderCreation.obstacle(path) ?? error.localizedDescription); "
                                 + "change [smtp] url (dir:FOLDER) or make the folder", saysWhatToDo: true)
        }
    }

    @discardableResult
    public func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws -> [RecipientRefusal] {
        guard !recipients.isEmpty else { throw TransportError("\(displayName): a message needs at least one recipient") }
        let number = nextNumber ?? (sentNames().last.flatMap(Self.number(of:)) ?? 0) + 1
        let first = recipients[0].map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "@" ? $0 : "_" }
        let name = String(format: "%04d-to-%@.eml", number, String(first))
        let target = directory.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).tmp")
        do {
            try Data(message).write(to: temporary)
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch {
            throw TransportError("\(displayName): cannot write \(name) (\(error.localizedDescription))")
        }
        nextNumber = number + 1
        return []
    }

    /// The .eml files written so far, oldest first.
    public func sentFiles() -> [URL] {
        sentNames().map { directory.appendingPathComponent($0) }
    }

    /// The .eml names in number order (past 9999 the names grow a digit, so text order is not enough).
    private func sentNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted { (Self.number(of: $0) ?? 0, $0) < (Self.number(of: $1) ?? 0, $1) }
    }

    /// The leading number of a name such as `0012-to-a@example.org.eml`.
    private static func number(of name: String) -> Int? {
        Int(name.prefix { $0.isASCII && $0.isNumber })
    }
}
