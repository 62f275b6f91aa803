import Mail

/// Decides whether a message really comes from its From domain, by the verdict our own mail
/// server wrote in `Authentication-Results` (RFC 8601).
///
/// Only the topmost such header is read, and only when its authserv-id is the configured one:
/// our server adds it last (on top), and anything below it could have been written by the
/// sender. Servers should also strip forged copies of their own id (RFC 8601 §5).
public struct SenderVerification: Sendable {
    public var trustedAuthservID: String?

    public init(trustedAuthservID: String?) {
        self.trustedAuthservID = trustedAuthservID
    }

    public enum Verdict: Sendable, Equatable {
        case verified(method: String)
        case unverified(reason: Unverified)
    }

    /// Why a message is not verified, as data: the answer to its sender words it in the mail's
    /// language; `description` is the English of the audit log and `held list`.
    public enum Unverified: Sendable, Equatable, CustomStringConvertible {
        case noTrustedServer
        case noFromAddress
        case noAuthenticationResults
        /// The topmost Authentication-Results was written by another server than `trusted`.
        case otherServer(trusted: String)
        /// Neither DKIM nor DMARC passed for the From domain.
        case noPass(domain: String)

        public var description: String {
            switch self {
            case .noTrustedServer: "no trusted mail server is configured ([enrollment] trusted_authserv_id)"
            case .noFromAddress: "the message has no From address"
            case .noAuthenticationResults: "the message carries no Authentication-Results"
            case .otherServer(let trusted): "the topmost Authentication-Results is not from \(trusted)"
            case .noPass(let domain): "neither DKIM nor DMARC passed for \(domain)"
            }
        }
    }

    public func verify(_ message: Message) -> Verdict {
        guard let trusted = trustedAuthservID?.lowercased(), !trusted.isEmpty else {
            return .unverified(reason: .noTrustedServer)
        }
        guard let fromDomain = message.from?.normalized.split(separator: "@").last.map(String.init) else {
            return .unverified(reason: .noFromAddress)
        }
        guard let top = message.headerValues("Authentication-Results").first else {
            return .unverified(reason: .noAuthenticationResults)
        }
        let results = AuthenticationResults(top)
        guard results.authservID == trusted else {
            return .unverified(reason: .otherServer(trusted: trusted))
        }
        for result in results.results where result.value == "pass" {
            switch result.method {
            case "dmarc" where result.properties["header.from"] == fromDomain:
                return .verified(method: "DMARC")
            case "dkim":
                if let domain = result.properties["header.d"], fromDomain == domain || fromDomain.hasSuffix("." + domain) {
                    return .verified(method: "DKIM (\(domain))")
                }
            default:
                continue
            }
        }
        return .unverified(reason: .noPass(domain: fromDomain))
    }
}

/// One `Authentication-Results` header value, comments removed.
struct AuthenticationResults {
    struct Result {
        var method: String
        var value: String
        var properties: [String: String]
    }

    var authservID: String
    var results: [Result]

    init(_ header: String) {
        let parts = Self.removingComments(header).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        authservID = parts.first?.split(separator: " ").first.map { $0.lowercased() } ?? ""
        results = parts.dropFirst().compactMap { part in
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first, let equals = first.firstIndex(of: "=") else { return nil }
            let method = first[..<equals].lowercased()
            let value = first[first.index(after: equals)...].lowercased()
            var properties: [String: String] = [:]
            for word in words.dropFirst() {
                guard let eq = word.firstIndex(of: "=") else { continue }
                var propertyValue = word[word.index(after: eq)...].lowercased()
                if propertyValue.hasPrefix("\"") && propertyValue.hasSuffix("\"") && propertyValue.count >= 2 {
                    propertyValue = String(propertyValue.dropFirst().dropLast())
                }
                // header.from may be written as a full address in some servers' output.
                if let at = propertyValue.lastIndex(of: "@") { propertyValue = String(propertyValue[propertyValue.index(after: at)...]) }
                properties[word[..<eq].lowercased()] = propertyValue
            }
            return Result(method: method, value: value, properties: properties)
        }
    }

    /// Drops RFC 5322 comments "( … )", nesting allowed.
    static func removingComments(_ text: String) -> String {
        var depth = 0
        var output = ""
        var escaped = false
        for character in text {
            if escaped { escaped = false; if depth == 0 { output.append(character) }; continue }
            switch character {
            case "\\": escaped = true; if depth == 0 { output.append(character) }
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default: if depth == 0 { output.append(character) }
            }
        }
        return output
    }
}
