import Foundation
import GRDB

extension AppDatabase {
    /// Opens a round; fails when another round is open or the name is taken.
    public func openRound(name: String, closesAt: Date, now: Date) throws -> Round {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw MentorMailError(.data, "a round needs a name, e.g. \"2027-Q1\"") }
        guard closesAt > now else { throw MentorMailError(.data, "--closes must be in the future") }
        return try write { db in
            if let open = try Round.filter(Round.Columns.status == Round.Status.open.rawValue).fetchOne(db) {
                throw MentorMailError(.data, "the round \(open.name) is still open; close it first with `mentormail round close`")
            }
            if try Round.filter(Round.Columns.name == trimmed).fetchCount(db) > 0 {
                throw MentorMailError(.data, "a round named \(trimmed) already exists")
            }
            var round = Round(name: trimmed, opensAt: now, closesAt: closesAt, status: .open, createdAt: now)
            try round.insert(db)
            var entry = AuditEntry(at: now, actor: "command line", action: "round-opened", detail: "\(trimmed) until \(closesAt.formatted(.iso8601))")
            try entry.insert(db)
            return round
        }
    }

    /// Closes the open round (or the one named); returns it.
    public func closeRound(name: String?, now: Date) throws -> Round {
        try write { db in
            var request = Round.all()
            if let name { request = request.filter(Round.Columns.name == name) } else {
                request = request.filter(Round.Columns.status == Round.Status.open.rawValue)
            }
            guard var round = try request.fetchOne(db) else {
                throw MentorMailError(.data, name.map { "there is no round named \($0)" } ?? "no round is open")
            }
            guard round.status == .open else { throw MentorMailError(.data, "the round \(round.name) is already closed") }
            round.status = .closed
            try round.update(db)
            var entry = AuditEntry(at: now, actor: "command line", action: "round-closed", detail: round.name)
            try entry.insert(db)
            return round
        }
    }

    public func rounds() throws -> [Round] {
        try read { db in try Round.order(Column("opensAt"), Column("id")).fetchAll(db) }
    }

    /// The open round, if any.
    public func openRound() throws -> Round? {
        try read { db in try Self.openRound(db) }
    }

    static func openRound(_ db: Database) throws -> Round? {
        try Round.filter(Round.Columns.status == Round.Status.open.rawValue).fetchOne(db)
    }

    /// The round a sign-up at `now` joins: the open one, unless its closing date has passed.
    static func acceptingRound(_ db: Database, now: Date) throws -> Round? {
        guard let round = try openRound(db), round.closesAt > now else { return nil }
        return round
    }

    static func findRound(_ db: Database, id: Int64?) throws -> Round? {
        guard let id else { return nil }
        return try Round.fetchOne(db, key: id)
    }
}

/// One line of `mentormail round list`.
public struct RoundSummary: Codable, Sendable {
    public var name: String
    public var status: String
    public var opensAt: String
    public var closesAt: String
    public var participants: Int
}

extension AppDatabase {
    public func roundSummaries() throws -> [RoundSummary] {
        try read { db in
            try Round.order(Column("opensAt"), Column("id")).fetchAll(db).map { round in
                let count = try Participant.filter(Participant.Columns.roundID == round.id).fetchCount(db)
                return RoundSummary(name: round.name, status: round.status.rawValue,
                                    opensAt: round.opensAt.formatted(.iso8601.year().month().day()),
                                    closesAt: round.closesAt.formatted(.iso8601.year().month().day()),
                                    participants: count)
            }
        }
    }
}
