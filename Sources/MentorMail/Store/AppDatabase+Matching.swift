import Foundation
import GRDB

extension AppDatabase {
    public func proposals() throws -> [MatchProposal] {
        try read { db in try MatchProposal.order(Column("id")).fetchAll(db) }
    }

    public func mentorships() throws -> [Mentorship] {
        try read { db in try Mentorship.order(Column("id")).fetchAll(db) }
    }

    /// Participants by id, for showing proposals.
    public func participantsByID() throws -> [Int64: Participant] {
        try read { db in try Self.participantsByID(db) }
    }

    static func participantsByID(_ db: Database) throws -> [Int64: Participant] {
        Dictionary(try Participant.fetchAll(db).compactMap { person in person.id.map { ($0, person) } }, uniquingKeysWith: { first, _ in first })
    }
}
