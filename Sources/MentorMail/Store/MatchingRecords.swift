import Foundation
import GRDB

/// A matching of one round, waiting for a coordinator's APPROVE (or REJECT).
///
/// Its token is mailed to the coordinators with the proposal; the fingerprint captures the
/// data it was computed from, so approving it after that data changed is refused.
public struct MatchProposal: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "matchProposal"
    public enum Status: String, Codable, Sendable {
        case proposed, approved, rejected, superseded
    }

    public struct Pair: Codable, Sendable, Equatable {
        public var menteeID: Int64
        public var mentorID: Int64
        public var score: Int
        /// Why they fit, in English ("both: Nova; time zones 2 h apart; technical").
        public var explanation: String
        /// What a coordinator should look at before approving ("no way to meet in common …").
        public var caution: String?
    }

    public struct Unmatched: Codable, Sendable, Equatable {
        public var menteeID: Int64
        public var reason: String
    }

    public var id: Int64?
    public var roundID: Int64
    public var token: String
    public var algorithm: String
    public var fingerprint: String
    public var status: Status
    public var pairs: [Pair]
    public var unmatched: [Unmatched]
    public var totalScore: Int
    public var createdAt: Date
    public var decidedAt: Date?
    /// Why it was rejected, as the coordinator wrote it.
    public var decisionReason: String?

    public enum Columns {
        static let roundID = Column(CodingKeys.roundID)
        static let token = Column(CodingKeys.token)
        static let status = Column(CodingKeys.status)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A mentee and a mentor, introduced once and then left alone.
public struct Mentorship: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "mentorship"
    public enum Status: String, Codable, Sendable {
        /// The introduction is queued or sent.
        case introduced
        /// The pair reported meeting (a later check-in says so).
        case active
        /// Ended well: the mentor's slot is free again.
        case graduated
        /// Ended otherwise; never proposed again.
        case ended
    }

    public var id: Int64?
    public var roundID: Int64
    public var proposalID: Int64
    public var menteeID: Int64
    public var mentorID: Int64
    public var score: Int
    public var explanation: String
    public var status: Status
    public var introducedAt: Date
    public var endedAt: Date?
    /// Why it ended ("graduated by a check-in answer", "the mentor paused", …).
    public var endedReason: String?
    /// Who ended it (a participant's address, "command line", …).
    public var endedBy: String?

    public var isOngoing: Bool { Self.ongoing.contains(status) }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let roundID = Column(CodingKeys.roundID)
        static let menteeID = Column(CodingKeys.menteeID)
        static let mentorID = Column(CodingKeys.mentorID)
        static let status = Column(CodingKeys.status)
    }

    /// Statuses that hold a mentor's slot.
    public static let ongoing: [Status] = [.introduced, .active]

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Mentorship {
    /// Ended because one of the two paused (`PairService.endPairs` writes "the mentee paused"),
    /// not because it went wrong.
    var endedByPause: Bool { status == .ended && endedReason?.hasSuffix(" paused") == true }
}
