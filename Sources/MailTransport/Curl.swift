import CCurl
import Foundation

/// TLS and login settings shared by the IMAP and SMTP clients.
///
/// The password is held here only; it is handed to libcurl through `CURLOPT_PASSWORD`
/// and never appears in a URL, a log line or an error message.
public struct ServerCredentials: Sendable {
    /// How to protect a plain `imap://` or `smtp://` connection.
    public enum StartTLS: String, Sendable, CaseIterable {
        /// Upgrade with STARTTLS or fail: the safe choice for a real server.
        case required
        /// Upgrade when the server offers STARTTLS, else stay in clear text.
        case ifAvailable = "if-available"
        /// Never upgrade (local test servers).
        case never
    }

    public var user: String?
    public var password: String?
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var caFile: String?
    public var startTLS: StartTLS
    /// Seconds to wait for a connection before giving up.
    public var connectTimeout: Int

    public init(user: String? = nil, password: String? = nil, caFile: String? = nil,
                startTLS: StartTLS = .ifAvailable, connectTimeout: Int = 30) {
        self.user = user
        self.password = password
        self.caFile = caFile
        self.startTLS = startTLS
        self.connectTimeout = connectTimeout
    }
}

/// The one error type of this module: what failed, in words a coordinator can act on.
public struct TransportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// The server's reply code, when it answered (SMTP 550, 451, …).
    public let responseCode: Int?
    /// The server's reply line that explains the failure, when it sent one.
    public let serverWords: String?
    /// The message ends with what to do, so no general advice is added to it.
    public let saysWhatToDo: Bool
    /// The recipients the SMTP server refused at `RCPT TO`, each with its reply.
    public let refusedRecipients: [RecipientRefusal]
    /// An SMTP send failed before any `RCPT TO` was said: connecting, TLS, the login or our
    /// `MAIL FROM`. That is the server or our own settings, never the message: the next
    /// message would fail the same way.
    public let beforeRecipients: Bool

    public init(_ message: String, responseCode: Int? = nil, serverWords: String? = nil, saysWhatToDo: Bool = false,
                refusedRecipients: [RecipientRefusal] = [], beforeRecipients: Bool = false) {
        self.message = message
        self.responseCode = responseCode
        self.serverWords = serverWords
        self.saysWhatToDo = saysWhatToDo
        self.refusedRecipients = refusedRecipients
        self.beforeRecipients = beforeRecipients
    }

    /// The server refused our login (SMTP 530, 534, 535; libcurl's "login denied").
    public var isLoginRefused: Bool {
        [530, 534, 535].contains(responseCode ?? 0) || message.contains("Login denied")
    }

    public var description: String { message }

    /// A 5xx reply: trying again would get the same answer (RFC 5321 §4.2.1). Anything else
    /// (4xx, no answer, a connection that failed) may work later.
    public var isPermanent: Bool { (responseCode ?? 0) >= 500 && (responseCode ?? 0) < 600 }
}

/// One recipient our SMTP server refused at `RCPT TO`, with its reply
/// ("550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown").
public struct RecipientRefusal: Sendable, Equatable {
    public let address: String
    public let words: String

    public init(address: String, words: String) {
        self.address = address
        self.words = words
    }

    /// A 4xx reply: the trouble may pass (a full mailbox, greylisting).
    public var isTemporary: Bool { words.first == "4" }
}

/// Runs `curl_global_init` exactly once, before the first handle is made.
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// Collects what libcurl writes back; the C callbacks reach it through an unmanaged pointer.
private final class TransferBuffer {
    var received: [UInt8] = []
    var upload: [UInt8] = []
    var uploadOffset = 0
    /// The server's last reply lines (SMTP and IMAP status lines), for error messages.
    var replies: [String] = []
    /// We asked for STARTTLS on this handle's connection (and the request went on, so it worked).
    var startedTLS = false
    /// The address of the `RCPT TO` whose reply has not come yet.
    var pendingRecipient: String?
    /// The recipients refused in the current request.
    var refusedRecipients: [RecipientRefusal] = []
    /// A `RCPT TO` was said in the current request.
    var saidRecipient = false
}

/// One libcurl easy handle, reused for every request of a run so the connection stays open.
///
/// The only place in this module that calls libcurl or turns its return codes into errors.
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer
    private let buffer = TransferBuffer()
    /// libcurl keeps this pointer between calls, so it must not move: allocated once, freed in deinit.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var recipientList: UnsafeMutablePointer<curl_slist>?
    /// Where this handle talks to, without credentials, for messages.
    let serverDescription: String

    init(serverDescription: String, credentials: ServerCredentials) throws {
        guard curlGlobalInit == CURLE_OK else { throw TransportError("libcurl could not be initialised") }
        guard let handle = curl_easy_init() else { throw TransportError("libcurl could not create a handle") }
        self.handle = handle
        self.serverDescription = serverDescription
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try setLong(CURLOPT_NOSIGNAL, 1)
        try setLong(CURLOPT_CONNECTTIMEOUT, credentials.connectTimeout)
        try setLong(CURLOPT_SSL_VERIFYPEER, 1)
        try setLong(CURLOPT_SSL_VERIFYHOST, 2)
        let useSSL: curl_usessl
        switch credentials.startTLS {
        case .required: useSSL = CURLUSESSL_ALL
        case .ifAvailable: useSSL = CURLUSESSL_TRY
        case .never: useSSL = CURLUSESSL_NONE
        }
        try setLong(CURLOPT_USE_SSL, Int(useSSL.rawValue))
        if let caFile = credentials.caFile { try setString(CURLOPT_CAINFO, caFile) }
        if let user = credentials.user { try setString(CURLOPT_USERNAME, user) }
        if let password = credentials.password { try setString(CURLOPT_PASSWORD, password) }
        try check(mm_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "set the error buffer")
        let context = Unmanaged.passUnretained(buffer).toOpaque()
        try check(mm_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "set the write target")
        try check(mm_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, curlWrite), "set the write callback")
        try check(mm_curl_setopt_pointer(handle, CURLOPT_READDATA, context), "set the read source")
        try check(mm_curl_setopt_callback(handle, CURLOPT_READFUNCTION, curlRead), "set the read callback")
        // The server's own words ("550 5.1.1 … User unknown") go into error messages.
        try check(mm_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, context), "set the debug target")
        try check(mm_curl_setopt_debug(handle, curlDebug), "set the debug callback")
        try setLong(CURLOPT_VERBOSE, 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        if let recipientList { curl_slist_free_all(recipientList) }
        errorBuffer.deallocate()
    }

    private func setLong(_ option: CURLoption, _ value: Int) throws {
        try check(mm_curl_setopt_long(handle, option, value), "set option \(option.rawValue)")
    }

    /// libcurl copies string options, so a temporary C string is enough.
    private func setString(_ option: CURLoption, _ value: String?) throws {
        let code: CURLcode
        if let value {
            code = value.withCString { mm_curl_setopt_string(handle, option, $0) }
        } else {
            code = mm_curl_setopt_string(handle, option, nil)
        }
        try check(code, "set option \(option.rawValue)")
    }

    /// Sets the SMTP envelope: `MAIL FROM` and the `RCPT TO` list, each already in angle brackets.
    func setEnvelope(from sender: String, to recipients: [String]) throws {
        try setString(CURLOPT_MAIL_FROM, sender)
        try setRecipients(recipients)
    }

    private func setRecipients(_ recipients: [String]) throws {
        if let recipientList { curl_slist_free_all(recipientList) }
        recipientList = nil
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for recipient in recipients {
            guard let extended = curl_slist_append(list, recipient) else {
                if let list { curl_slist_free_all(list) }
                throw TransportError("out of memory building the recipient list")
            }
            list = extended
        }
        recipientList = list
        try check(mm_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list), "set the recipients")
    }

    /// Whether the last request's connection was encrypted: an imaps:// or smtps:// URL, or
    /// STARTTLS (seen in what libcurl sent). "if-available" stays in clear text when the
    /// server offers no STARTTLS.
    var isEncrypted: Bool {
        ["imaps", "smtps"].contains(lastScheme) || buffer.startedTLS
    }

    private var lastScheme = ""

    /// Performs one request on the shared connection and returns what the server sent back.
    ///
    /// `CURLOPT_CUSTOMREQUEST` and `CURLOPT_UPLOAD` are reset first: on a reused handle they
    /// would otherwise leak from one request into the next.
    func perform(url: String, customRequest: String? = nil, upload: [UInt8]? = nil, what: String) throws -> [UInt8] {
        try setString(CURLOPT_URL, url)
        lastScheme = URLComponents(string: url)?.scheme?.lowercased() ?? ""
        try setString(CURLOPT_CUSTOMREQUEST, customRequest)
        try setLong(CURLOPT_UPLOAD, upload == nil ? 0 : 1)
        if let upload { try setLong(CURLOPT_INFILESIZE, upload.count) }
        buffer.received = []
        buffer.upload = upload ?? []
        buffer.uploadOffset = 0
        buffer.replies = []
        buffer.pendingRecipient = nil
        buffer.refusedRecipients = []
        buffer.saidRecipient = false
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        buffer.upload = []
        try check(code, what)
        return buffer.received
    }

    /// The recipients refused at `RCPT TO` in the last request; with `allowRecipientFailures`
    /// the message still went to the others.
    var refusedRecipients: [RecipientRefusal] { buffer.refusedRecipients }

    /// A refused `RCPT TO` no longer aborts the message for the accepted recipients.
    func allowRecipientFailures() throws {
        try check(mm_curl_allow_recipient_failures(handle), "allow refused recipients")
    }

    /// Connects, starts TLS and logs in as a request to `url` would, then stops: the caller
    /// speaks the protocol itself over `sendRaw` and `receiveRaw` (CURLOPT_CONNECT_ONLY).
    /// libcurl still does the TLS, so the bytes are the protocol's in clear.
    func connectOnly(url: String, what: String) throws {
        try setLong(CURLOPT_CONNECT_ONLY, 1)
        _ = try perform(url: url, what: what)
        var socket: curl_socket_t = -1
        try check(mm_curl_getinfo_socket(handle, &socket), what)
        guard socket >= 0 else { throw TransportError("\(serverDescription): could not \(what) (no socket after connecting)") }
        rawSocket = socket
    }

    private var rawSocket: curl_socket_t = -1

    /// Waits until the connected socket is readable (or writable), up to `timeout` seconds.
    /// Returns false when the time ran out.
    private func waitRaw(forReading: Bool, timeout: Double) -> Bool {
        var descriptor = pollfd(fd: rawSocket, events: Int16(forReading ? POLLIN : POLLOUT), revents: 0)
        return poll(&descriptor, 1, Int32(timeout * 1000)) != 0
    }

    /// Sends all of `bytes` on a connection made by `connectOnly`.
    func sendRaw(_ bytes: [UInt8], what: String, timeout: Double = 120) throws {
        var offset = 0
        while offset < bytes.count {
            var sent = 0
            let code = bytes.withUnsafeBytes { buffer in
                curl_easy_send(handle, buffer.baseAddress! + offset, buffer.count - offset, &sent)
            }
            if code == CURLE_AGAIN {
                guard waitRaw(forReading: false, timeout: timeout) else {
                    throw TransportError("\(serverDescription): could not \(what) (no progress for \(Int(timeout)) s)")
                }
                continue
            }
            try check(code, what)
            offset += sent
        }
    }

    /// Receives what is there (at least one byte) into `buffer` on a connection made by
    /// `connectOnly`, waiting up to `timeout` seconds, in slices so that `cancelled` is
    /// looked at a few times a second. Returns 0 when cancelled; a closed connection throws.
    func receiveRaw(into buffer: UnsafeMutableRawBufferPointer, what: String, timeout: Double = 120,
                    cancelled: () -> Bool = { false }) throws -> Int {
        var waited = 0.0
        while true {
            var received = 0
            let code = curl_easy_recv(handle, buffer.baseAddress, buffer.count, &received)
            if code == CURLE_AGAIN {
                if cancelled() { return 0 }
                guard waited < timeout else {
                    throw TransportError("\(serverDescription): could not \(what) (no answer for \(Int(timeout)) s)")
                }
                if !waitRaw(forReading: true, timeout: 0.25) { waited += 0.25 }
                continue
            }
            try check(code, what)
            guard received > 0 else { throw TransportError("\(serverDescription): could not \(what) (the server closed the connection)") }
            return received
        }
    }

    /// A refusal before any recipient that is about the message, not the server: its size,
    /// said to `MAIL FROM`'s SIZE (552, 5.3.4). The next message may go.
    static func refusesTheMessage(_ reply: Int?, _ words: String?) -> Bool {
        reply == 552 || words?.contains("5.3.4") == true
    }

    private func check(_ code: CURLcode, _ what: String) throws {
        guard code != CURLE_OK else { return }
        let detail = String(cString: errorBuffer)
        let summary = String(cString: curl_easy_strerror(code))
        var response: Int = 0
        let reply = mm_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &response) == CURLE_OK && response > 0 ? response : nil
        var reason = detail.isEmpty ? summary : "\(summary): \(detail)"
        // The refusal itself (SMTP 4xx or 5xx, IMAP NO or BAD), not the goodbye that follows it.
        let words = buffer.replies.last(where: isRefusal) ?? buffer.replies.last(where: { !isGoodbye($0) })
        if let words {
            reason += "; the server said: \(words)"
        } else if let reply {
            reason += "; the server replied \(reply)"
        }
        throw TransportError("\(serverDescription): could not \(what) (\(reason))", responseCode: reply, serverWords: words,
                             refusedRecipients: buffer.refusedRecipients,
                             beforeRecipients: !buffer.saidRecipient && !Self.refusesTheMessage(reply, words))
    }
}

/// An SMTP 4xx or 5xx reply, or an IMAP `NO` or `BAD` (tagged or not).
func isRefusal(_ line: String) -> Bool {
    if line.first == "4" || line.first == "5" { return true }
    let words = line.split(separator: " ", maxSplits: 2)
    return words.count >= 2 && ["NO", "BAD"].contains(words[1].uppercased())
}

/// The server's goodbye when libcurl closes a connection: `* BYE`, `A011 OK Logout completed`, `221 …`.
func isGoodbye(_ line: String) -> Bool {
    let words = line.split(separator: " ", maxSplits: 2)
    guard words.count >= 2 else { return false }
    return words[0] == "221" || words[1].uppercased() == "BYE" || words[1].uppercased() == "OK" && line.lowercased().contains("logout")
}

/// Keeps the last few reply lines the server sent (never what we sent: no credentials).
private func curlDebug(_ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ data: UnsafeMutablePointer<CChar>?, _ size: Int,
                       _ context: UnsafeMutableRawPointer?) -> Int32 {
    guard type == CURLINFO_HEADER_IN || type == CURLINFO_HEADER_OUT, let data, let context, size > 0 else { return 0 }
    let buffer = Unmanaged<TransferBuffer>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: min(size, 512))
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if type == CURLINFO_HEADER_OUT {
        // Only whether the command was STARTTLS ("STARTTLS", "A001 STARTTLS"); nothing is kept.
        let words = line.split(separator: " ")
        if words.last?.uppercased() == "STARTTLS" && words.count <= 2 { buffer.startedTLS = true }
        // Which recipient the next reply is about (an address, no secret).
        if line.uppercased().hasPrefix("RCPT TO:"), let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close {
            buffer.pendingRecipient = String(line[line.index(after: open)..<close])
            buffer.saidRecipient = true
        } else {
            buffer.pendingRecipient = nil
        }
        return 0
    }
    guard !line.isEmpty else { return 0 }
    // The last line of a reply to RCPT TO ("550 …", not "550-…"): a refusal names its recipient.
    if let recipient = buffer.pendingRecipient, line.utf8.count >= 3, line.utf8.dropFirst(3).first.map({ $0 == UInt8(ascii: " ") }) ?? true {
        if line.first == "4" || line.first == "5" { buffer.refusedRecipients.append(RecipientRefusal(address: recipient, words: line)) }
        buffer.pendingRecipient = nil
    }
    buffer.replies.append(line)
    if buffer.replies.count > 8 { buffer.replies.removeFirst() }
    return 0
}

private func curlWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let total = size * count
    guard total > 0, let data else { return total }
    let buffer = Unmanaged<TransferBuffer>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: total) { bytes in
        buffer.received.append(contentsOf: UnsafeBufferPointer(start: bytes, count: total))
    }
    return total
}

private func curlRead(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context, let data else { return 0 }
    let buffer = Unmanaged<TransferBuffer>.fromOpaque(context).takeUnretainedValue()
    let room = size * count
    let remaining = buffer.upload.count - buffer.uploadOffset
    let length = min(room, remaining)
    guard length > 0 else { return 0 }
    buffer.upload.withUnsafeBufferPointer { source in
        guard let base = source.baseAddress else { return }
        data.withMemoryRebound(to: UInt8.self, capacity: length) { target in
            target.update(from: base + buffer.uploadOffset, count: length)
        }
    }
    buffer.uploadOffset += length
    return length
}
