/// The one error type of the program: a message a coordinator can act on, and the exit
/// code the command line should end with.
public struct MentorMailError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// The configuration file is missing or wrong (exit 78, EX_CONFIG).
        case config
        /// Another run holds the lock (exit 75, EX_TEMPFAIL: cron may simply try again).
        case busy
        /// A server or file could not be reached (exit 69, EX_UNAVAILABLE).
        case unavailable
        /// The input given on the command line is wrong (exit 65, EX_DATAERR).
        case data
        /// Anything else (exit 70, EX_SOFTWARE).
        case internalError
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The sysexits(3) code for this kind of failure.
    public var exitCode: Int32 {
        switch kind {
        case .config: 78
        case .busy: 75
        case .unavailable: 69
        case .data: 65
        case .internalError: 70
        }
    }
}
