import Foundation
import Mail

/// A message too large to keep whole in memory. The whole message stays in a file, held by an
/// open descriptor (renames do not matter, and a temporary spool has no name left, so it is
/// gone with the process even after a kill); `FetchedMessage.bytes` holds only its first
/// `keptInMemory` bytes, from which the message is understood: what a person writes comes
/// first, and what follows is attachments. The whole is stored from here, piece by piece.
public final class MessageSpool: @unchecked Sendable {
    /// Messages above this size are spooled.
    public static let keptInMemory = 4 << 20

    public let size: Int
    private let descriptor: Int32

    /// Takes over `descriptor`, an open file of `size` bytes.
    init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    deinit { close(descriptor) }

    /// Fills `buffer` from `offset` on; returns how many bytes it read (fewer only at the end).
    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let got = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
            if got < 0 {
                if errno == EINTR { continue }
                throw TransportError("cannot read a large message back (\(String(cString: strerror(errno))))")
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// The message in the file at `path`, opened once: its bytes when it is at most
    /// `keptInMemory`, else its first bytes and the spool of the whole; nil when it cannot be
    /// opened or read.
    static func readFile(atPath path: String) throws -> (bytes: [UInt8], spool: MessageSpool?)? {
        guard let (descriptor, size) = MailReading.openFile(atPath: path) else { return nil }
        guard size > keptInMemory else {
            defer { close(descriptor) }
            return MailReading.readAll(descriptor: descriptor, expectedSize: size).map { ($0, nil) }
        }
        let spool = MessageSpool(descriptor: descriptor, size: size)
        var prefix = [UInt8](repeating: 0, count: keptInMemory)
        let got = try prefix.withUnsafeMutableBytes { try spool.read(at: 0, into: $0) }
        prefix.removeLast(prefix.count - got)
        return (prefix, spool)
    }
}

/// Writes a message that arrives in pieces: the first `MessageSpool.keptInMemory` bytes are
/// kept, and everything goes to an unnamed temporary file.
struct SpoolWriter {
    private(set) var prefix: [UInt8] = []
    private let descriptor: Int32
    private var written = 0

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/mentormail-spool-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw TransportError("cannot make a temporary file for a large message (\(String(cString: strerror(errno))))")
        }
        // No name: nothing to clean up, whatever happens to the process.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        prefix.reserveCapacity(MessageSpool.keptInMemory)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
        let keep = min(bytes.count, MessageSpool.keptInMemory - prefix.count)
        if keep > 0 { prefix.append(contentsOf: bytes[0..<keep]) }
        var offset = 0
        while offset < bytes.count {
            let done = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if done < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw TransportError("cannot write a large message to a temporary file (\(reason))")
            }
            offset += done
        }
        written += bytes.count
    }

    /// The spool of everything appended; the writer is not used after this.
    func finish() -> MessageSpool { MessageSpool(descriptor: descriptor, size: written) }

    /// Closes the file when the message is not finished (the connection failed).
    func abandon() { close(descriptor) }
}
