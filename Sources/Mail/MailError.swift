/// The one error type of the `Mail` module.
///
/// Parsing never throws (real mail is too often broken to refuse it); only checks on
/// mail we are about to send do, so a coordinator learns what to fix before it goes out.
public struct MailError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, phrased so a coordinator can act on it.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
