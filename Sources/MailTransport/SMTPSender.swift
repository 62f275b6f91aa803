import Foundation

/// Sends mail to an SMTP server through libcurl, reusing one connection for the run.
public final class SMTPSender: MailSender {
    private let curl: CurlHandle
    private let url: String
    public let displayName: String
    /// What `verify` does, as its failure names it: "connect", "connect and start TLS",
    /// "connect, start TLS and log in"; only the steps the settings call for.
    private let steps: String

    /// - Parameter url: `smtp://host[:port]` (STARTTLS per the credentials) or `smtps://host[:port]`.
    public init(url: String, credentials: ServerCredentials, heloDomain: String? = nil) throws {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps",
              let host = components.host, !host.isEmpty else {
            throw TransportError("smtp url \"\(url)\" is not smtp://HOST[:PORT] or smtps://HOST[:PORT]")
        }
        guard components.user == nil, components.password == nil else {
            throw TransportError("smtp url must not contain a user or password: put them in the config's user and password_env")
        }
        let port = components.port.map { ":\($0)" } ?? ""
        // The path of an SMTP URL is the name libcurl says in EHLO.
        let helo = heloDomain.map { "/\($0)" } ?? ""
        self.url = "\(scheme)://\(host)\(port)\(helo)"
        displayName = "SMTP \(scheme)://\(host)\(port)"
        curl = try CurlHandle(serverDescription: displayName, credentials: credentials)
        steps = Self.steps(implicitTLS: scheme == "smtps", credentials)
        // One unknown address in an introduction must not keep it from the other person.
        try curl.allowRecipientFailures()
    }

    /// Connects, says EHLO, starts TLS and logs in as configured, then sends NOOP: what
    /// `mentormail doctor` checks before any mail is at stake.
    /// Returns whether the connection is encrypted.
    @discardableResult
    public func verify() throws -> Bool {
        _ = try curl.perform(url: url, customRequest: "NOOP", what: steps)
        return curl.isEncrypted
    }

    /// The steps of a connection with `credentials`: TLS at once (smtps) or started as
    /// `startTLS` asks, and a login only with a user.
    static func steps(implicitTLS: Bool, _ credentials: ServerCredentials) -> String {
        var steps = [implicitTLS ? "connect with TLS" : "connect"]
        if !implicitTLS && credentials.startTLS != .never { steps.append(credentials.startTLS == .required ? "start TLS" : "start TLS if offered") }
        if credentials.user != nil { steps.append("log in") }
        return steps.count == 1 ? steps[0] : steps.dropLast().joined(separator: ", ") + " and " + steps[steps.count - 1]
    }

    @discardableResult
    public func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws -> [RecipientRefusal] {
        guard !recipients.isEmpty else { throw TransportError("\(displayName): a message needs at least one recipient") }
        for address in [sender] + recipients where address.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) {
            throw TransportError("\(displayName): refusing the malformed envelope address \(address.debugDescription)")
        }
        try curl.setEnvelope(from: "<\(sender)>", to: recipients.map { "<\($0)>" })
        _ = try curl.perform(url: url, upload: message, what: "send a message to \(recipients.joined(separator: ", "))")
        return curl.refusedRecipients
    }
}
