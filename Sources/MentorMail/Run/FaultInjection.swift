import Foundation

/// Crash points for the crash-safety tests: when `MENTORMAIL_FAULT` names a point, the run
/// kills itself with SIGKILL there, exactly like a power cut or an OOM kill would.
///
/// - `after-commit`: a message's effects are committed, the server flag is not yet set.
/// - `after-send`: the transport accepted a message, the outbox row is not yet `sent`.
/// - `after-job`: a scheduled job and the mail it queued are committed; the next job waits.
public struct FaultInjection: Sendable {
    public enum Point: String, Sendable {
        case afterCommit = "after-commit"
        case afterSend = "after-send"
        case afterJob = "after-job"
    }

    public var point: Point?

    public init(point: Point? = nil) { self.point = point }

    public static func fromEnvironment() -> FaultInjection {
        FaultInjection(point: ProcessInfo.processInfo.environment["MENTORMAIL_FAULT"].flatMap(Point.init(rawValue:)))
    }

    func reached(_ point: Point) {
        guard self.point == point else { return }
        kill(getpid(), SIGKILL)
    }
}
