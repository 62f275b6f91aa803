import GRDB
import Mail
import MailTransport

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
    /// What went wrong and, unless `fix` says it, what to do about it.
    public let detail: String
    /// What to do, when kept apart from the detail: doctor says it on its "fix:" line instead
    /// of guessing one.
    public let fix: String?
    /// Another command that looks further ("`mentormail doctor` checks the whole setup"), kept
    /// apart from the detail so that command can say the detail without pointing to itself.
    public let hint: String?

    public init(_ kind: Kind, _ message: String, fix: String? = nil, hint: String? = nil) {
        self.kind = kind
        self.detail = message
        self.fix = fix
        self.hint = hint
    }

    /// The detail, its fix, then the hint.
    public var message: String {
        let told = fix.map { "\(detail): \($0)" } ?? detail
        return hint.map { "\(told); \($0)" } ?? told
    }

    public var description: String { message }

    /// The hint that sends an operator to `mentormail doctor`.
    static let doctorChecksTheSetup = "`mentormail doctor` checks the whole setup"

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


extension MentorMailError {
    /// Any error the program can meet, as a `MentorMailError` with a kind (hence an exit code)
    /// and a message that says what to do.
    public static func from(_ error: any Error) -> MentorMailError {
        switch error {
        case let error as MentorMailError:
            return error
        case let error as TransportError where error.saysWhatToDo:
            return MentorMailError(.unavailable, error.message)
        case let error as TransportError:
            return MentorMailError(.unavailable, "\(error.message); check the server settings in the config and that the server is up, then run again")
        case let error as MoveError:
            return MentorMailError(.unavailable, error.description)
        case let error as MailError:
            return MentorMailError(.data, "\(error.message)")
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return MentorMailError(.busy, "the database is busy (\(error.message ?? "locked")); try again in a moment")
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL:
                return MentorMailError(.unavailable, "the database cannot be written (\(error.message ?? "\(error.resultCode)")): check the file and its folder's permissions and free disk space")
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return MentorMailError(.unavailable, "the database file is damaged (\(error.message ?? "")): restore it from a backup")
            default:
                return MentorMailError(.internalError, "database error: \(error.message ?? "\(error.resultCode)"); this is a bug, please report it with the log")
            }
        case let error as DecodingError:
            return MentorMailError(.internalError, "stored data could not be read (\(error)); this is a bug, please report it with the log")
        default:
            return MentorMailError(.internalError, "\(error); this is a bug, please report it with the log")
        }
    }
}

/// Errors in words, for logs and for the note kept with a failed message.
enum ErrorText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as MentorMailError: error.message
        case let error as TransportError: error.message
        case let error as MailError: error.message
        case let error as DatabaseError: "database error: \(error.message ?? "\(error.resultCode)")"
        default: "\(error)"
        }
    }
}
