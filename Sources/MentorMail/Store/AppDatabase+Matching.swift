import Foundation
import GRDB
import MatchingCore

extension AppDatabase {
    /// `mentormail match --round NAME`: one transaction that stores the proposal and queues
    /// the review mail (none of it with `dryRun`).
    public func proposeMatches(roundName: String, method: MatchMethod, dryRun: Bool, config: Config,
                               templates: TemplateLibrary, now: Date) throws -> MatchProposal {
        let workflow = Workflow(config: config, templates: templates, now: now)
        let body = { (db: Database) throws -> MatchProposal in
            guard let round = try Round.filter(Round.Columns.name == roundName).fetchOne(db) else {
                throw MentorMailError(.data, "there is no round named \(roundName); see `mentormail round list`")
            }
            return try workflow.propose(round: round, method: method, dryRun: dryRun, db: db)
        }
        return dryRun ? try writeWithoutCommit(body) : try write(body)
    }

    /// `mentormail round approve|reject NAME`: decides the round's waiting proposal.
    public func decideProposal(roundName: String, approve: Bool, config: Config, templates: TemplateLibrary, now: Date) throws -> String {
        let workflow = Workflow(config: config, templates: templates, now: now)
        return try write { db in
            guard let round = try Round.filter(Round.Columns.name == roundName).fetchOne(db), let id = round.id else {
                throw MentorMailError(.data, "there is no round named \(roundName)")
            }
            guard let proposal = try MatchProposal.filter(MatchProposal.Columns.roundID == id
                                                            && MatchProposal.Columns.status == MatchProposal.Status.proposed.rawValue)
                .fetchOne(db) else {
                throw MentorMailError(.data, "the round \(roundName) has no proposal waiting; run `mentormail match --round \(roundName)`")
            }
            return try workflow.decide(approve ? .approve : .reject, token: proposal.token, by: "command line", db: db)
        }
    }

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
