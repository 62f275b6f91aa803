import Foundation
import GRDB

extension AppDatabase {
    public func rounds() throws -> [Round] {
        try read { db in try Round.order(Column("opensAt"), Column("id")).fetchAll(db) }
    }

    /// The open round, if any.
    public func openRound() throws -> Round? {
        try read { db in try Self.openRound(db) }
    }

    static func openRound(_ db: Database) throws -> Round? {
        try Round.fetchOne(db.cachedStatement(sql: "SELECT * FROM round WHERE status = ? LIMIT 1"),
                           arguments: [Round.Status.open.rawValue])
    }

    /// The round a sign-up at `now` joins: the open one, until its closing date passes or its
    /// matches are approved (the introductions are out: whoever signs up then waits in the
    /// pool, and the next round to open takes them in).
    static func acceptingRound(_ db: Database, now: Date) throws -> Round? {
        guard let round = try openRound(db), try takesSignUps(db, round, now: now) else { return nil }
        return round
    }

    /// Whether a sign-up at `now` joins `round` (the rule of `acceptingRound`).
    static func takesSignUps(_ db: Database, _ round: Round, now: Date) throws -> Bool {
        guard round.status == .open, round.closesAt > now else { return false }
        return try !isMatched(db, round: round)
    }

    static func findRound(_ db: Database, id: Int64?) throws -> Round? {
        guard let id else { return nil }
        return try Round.fetchOne(db.cachedStatement(sql: "SELECT * FROM round WHERE id = ?"), arguments: [id])
    }

    static func findRound(_ db: Database, name: String) throws -> Round? {
        try Round.filter(Round.Columns.name == name).fetchOne(db)
    }

    /// Whether a round's matches were approved.
    static func isMatched(_ db: Database, round: Round) throws -> Bool {
        guard let id = round.id else { return false }
        return try isMatched(db, roundID: id)
    }

    static func isMatched(_ db: Database, roundID: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM matchProposal WHERE roundID = ? AND status = 'approved')"),
                          arguments: [roundID]) ?? false
    }

    /// The role `person` takes in a round: a mentee unless they were mentored in another round
    /// (a graduate who mentors now is one of its mentors, as the matcher sees them), and a
    /// mentor if they mentor. Nil when their profile names no role.
    static func roleInRound(_ db: Database, _ person: Participant, roundID: Int64) throws -> RoundMember.Role? {
        guard let id = person.id else { return nil }
        var mentee = person.profile.isMentee
        if mentee {
            mentee = try !(Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM mentorship WHERE menteeID = ? AND roundID <> ?
                               AND (status IN ('introduced', 'active') OR (status = 'graduated' AND (? IS NULL OR endedAt > ?))))
                """), arguments: [id, roundID, person.menteeAgainAt, person.menteeAgainAt]) ?? false)
        }
        return RoundMember.Role(mentee: mentee, mentor: person.profile.isMentor)
    }

    /// Records that `person` is in round `roundID`: a new member, or, while the round is still
    /// to be matched, the role their profile gives them now. A matched round's roles are history.
    static func recordMembership(_ db: Database, _ person: Participant, roundID: Int64?, now: Date) throws {
        guard let roundID, let id = person.id, person.status != .erased,
              let role = try roleInRound(db, person, roundID: roundID) else { return }
        if var member = try RoundMember.fetchOne(db.cachedStatement(sql: "SELECT * FROM roundMember WHERE roundID = ? AND participantID = ?"),
                                                 arguments: [roundID, id]) {
            guard member.role != role, try !isMatched(db, roundID: roundID) else { return }
            member.role = role
            try member.update(db)
        } else {
            var member = RoundMember(roundID: roundID, participantID: id, role: role, joinedAt: now)
            try member.insert(db)
        }
    }

    /// Makes someone paired in a round one of its members in that role (a mentor from the pool
    /// who got a mentee of the round).
    static func recordPaired(_ db: Database, participantID: Int64, roundID: Int64, asMentee: Bool, now: Date) throws {
        if var member = try RoundMember.filter(RoundMember.Columns.roundID == roundID && RoundMember.Columns.participantID == participantID)
            .fetchOne(db) {
            let role = RoundMember.Role(mentee: member.role.isMentee || asMentee, mentor: member.role.isMentor || !asMentee) ?? member.role
            guard role != member.role else { return }
            member.role = role
            try member.update(db)
        } else {
            var member = RoundMember(roundID: roundID, participantID: participantID, role: asMentee ? .mentee : .mentor, joinedAt: now)
            try member.insert(db)
        }
    }

    /// Mentees with an ongoing mentorship, or who graduated and did not ask to be mentored
    /// again since: not matched as mentees.
    static func mentoredMentees(_ db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT m.menteeID FROM mentorship m JOIN participant p ON p.id = m.menteeID
            WHERE m.status IN ('introduced', 'active')
               OR (m.status = 'graduated' AND (p.menteeAgainAt IS NULL OR m.endedAt > p.menteeAgainAt))
            """)))
    }

    /// Whether `person` graduated as a mentee and waits for no mentor now (they did not ask to
    /// be mentored again, and are in no pair as a mentee).
    static func graduatedMentee(_ db: Database, _ person: Participant) throws -> Bool {
        guard let id = person.id else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM mentorship WHERE menteeID = ? AND status = 'graduated' AND (? IS NULL OR endedAt > ?))
               AND NOT EXISTS (SELECT 1 FROM mentorship WHERE menteeID = ? AND status IN ('introduced', 'active'))
            """), arguments: [id, person.menteeAgainAt, person.menteeAgainAt, id]) ?? false
    }

    /// Active people waiting for a round: mentees without an ongoing mentorship (and who have
    /// not graduated, or asked to be mentored again since) and mentors with a free slot, who are in no round yet or in one whose
    /// matches were approved (the mentees it left unmatched or whose pair ended, the mentors it
    /// left with room). People of a round that is still to be matched stay in it.
    static func pool(_ db: Database) throws -> [Participant] {
        let waits = try waitsInPool(db)
        return try Participant.filter(Participant.Columns.status == Participant.Status.active.rawValue)
            .order(Column("id")).fetchAll(db).filter(waits)
    }

    /// The rule of `pool`, for one person at a time.
    static func waitsInPool(_ db: Database) throws -> (Participant) -> Bool {
        let ongoing = try Mentorship.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status)).fetchAll(db)
        let mentored = try mentoredMentees(db)
        var load: [Int64: Int] = [:]
        for mentorship in ongoing { load[mentorship.mentorID, default: 0] += 1 }
        let matchedRounds = Set(try MatchProposal.filter(MatchProposal.Columns.status == MatchProposal.Status.approved.rawValue)
            .fetchAll(db).map(\.roundID))
        return { person in
            guard person.status == .active, let id = person.id else { return false }
            if let roundID = person.roundID, !matchedRounds.contains(roundID) { return false }
            let waitsAsMentee = person.profile.isMentee && !mentored.contains(id)
            let waitsAsMentor = person.profile.isMentor && person.profile.capacity > load[id, default: 0]
            return waitsAsMentee || waitsAsMentor
        }
    }

    /// Rounds never approved that still hold people (active, paused, or with a form to fix),
    /// oldest first, with how many: each waits to be matched or decided, and nobody in it is
    /// taken in by another round. `except`: a round left out (the one shown already).
    static func roundsStillWaiting(_ db: Database, except: Int64? = nil) throws -> [(round: Round, people: Int)] {
        try Round.order(Column("opensAt"), Column("id")).fetchAll(db).compactMap { round in
            guard let id = round.id, id != except, try !isMatched(db, roundID: id) else { return nil }
            let people = try Participant.filter(Participant.Columns.roundID == id
                                                && [Participant.Status.active, .paused, .incomplete].map(\.rawValue).contains(Participant.Columns.status))
                .fetchCount(db)
            return people > 0 ? (round, people) : nil
        }
    }

    /// Someone who comes to wait in the pool while a round takes sign-ups and is still to be
    /// matched (a mentor with a new free place, someone back from a break) joins that round, as
    /// a sign-up would. After its sign-ups close, the round still takes in who waits only as a
    /// mentor: its matching pairs every mentor with room. Returns the round joined.
    @discardableResult
    static func joinAcceptingRound(_ db: Database, _ person: inout Participant, now: Date) throws -> Round? {
        guard person.status == .active, let round = try openRound(db), let roundID = round.id, person.roundID != roundID,
              try !isMatched(db, round: round), try waitsInPool(db)(person) else { return nil }
        if try !takesSignUps(db, round, now: now), try roleInRound(db, person, roundID: roundID) != .mentor { return nil }
        person.roundID = round.id
        person.updatedAt = now
        try person.update(db)
        try recordMembership(db, person, roundID: round.id, now: now)
        return round
    }

    /// Puts `people` into the round. The rounds they were in keep them in their history.
    static func move(_ people: [Participant], toRound roundID: Int64?, db: Database, now: Date) throws {
        for var person in people {
            person.roundID = roundID
            person.updatedAt = now
            try person.update(db)
            try recordMembership(db, person, roundID: roundID, now: now)
        }
    }

    /// Marks a round's waiting proposals superseded (a new one replaces them).
    static func supersedeWaitingProposals(_ db: Database, roundID: Int64, now: Date) throws {
        let waiting = MatchProposal
            .filter(MatchProposal.Columns.roundID == roundID && MatchProposal.Columns.status == MatchProposal.Status.proposed.rawValue)
        try withdrawUnsentReviews(db, proposalIDs: try Int64.fetchAll(db, waiting.select(Column("id"))))
        try waiting.updateAll(db, MatchProposal.Columns.status.set(to: MatchProposal.Status.superseded.rawValue),
                              Column("decidedAt").set(to: now))
    }

    /// A proposal decided (or replaced) before its review mail went out: the review, which asks
    /// for an APPROVE that can no longer count, is not sent.
    static func withdrawUnsentReviews(_ db: Database, proposalIDs: [Int64]) throws {
        guard !proposalIDs.isEmpty else { return }
        try OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.matchReview.rawValue && Column("topicKind") == Topic.Kind.proposal.rawValue
                                 && proposalIDs.contains(Column("topicID")) && OutboxMessage.Columns.status != OutboxMessage.Status.sent.rawValue)
            .deleteAll(db)
    }

    /// Mentees each mentor has in ongoing pairs from rounds other than `roundID`.
    public func ongoingLoad(notInRound roundID: Int64) throws -> [Int64: Int] {
        try read { db in
            var load: [Int64: Int] = [:]
            for mentorship in try Mentorship.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status)).fetchAll(db)
            where mentorship.roundID != roundID {
                load[mentorship.mentorID, default: 0] += 1
            }
            return load
        }
    }

    /// Who is or was in a round, with the role they had in it: everyone who entered it (and
    /// anyone in it now with no record of entering, from before records were kept).
    static func roundMembers(_ db: Database, round id: Int64?) throws -> [(person: Participant, role: RoundMember.Role)] {
        guard let id else { return [] }
        var roles: [Int64: RoundMember.Role] = [:]
        for member in try RoundMember.filter(RoundMember.Columns.roundID == id).fetchAll(db) { roles[member.participantID] = member.role }
        for person in try Participant.filter(Participant.Columns.roundID == id).fetchAll(db) {
            guard let key = person.id, roles[key] == nil, person.status != .erased else { continue }
            roles[key] = try roleInRound(db, person, roundID: id)
        }
        return try Participant.filter(keys: roles.keys).order(Column("id")).fetchAll(db).compactMap { person in
            person.id.flatMap { roles[$0] }.map { (person, $0) }
        }
    }

    /// Why the matcher leaves a mentee of a round out (the rule of `RoundMatcher.inputs`), if it does.
    static func whyNotMatchedAsMentee(_ person: Participant, roundID: Int64, mentored: Set<Int64>) -> String? {
        switch person.status {
        case .paused: return "paused: not matched until they resume"
        case .withdrawn, .erased: return "left the program: not matched"
        case .incomplete: return "their form has problems: not matched until they are fixed"
        case .active: break
        }
        if person.roundID != roundID { return "in another round now: not matched in this one" }
        if mentored.contains(person.id ?? -1) { return "has a mentor already, or graduated: not matched as a mentee again" }
        return nil
    }

    /// Whether `proposal`, still waiting for a decision, can no longer be approved: people
    /// changed since it was made (the check approval makes). Nil without a config to match by.
    static func waitsButStale(_ proposal: MatchProposal?, of round: Round, config: Config?, now: Date, db: Database) throws -> Bool {
        guard let proposal, proposal.status == .proposed, let config else { return false }
        return try RoundMatcher(config: config, now: now).inputs(round: round, db: db).fingerprint != proposal.fingerprint
    }

    /// A round as `round show` reads it. With `config`, a waiting proposal that people's
    /// changes made stale is shown as stale, as approving it would find.
    public func roundDetails(name: String, now: Date = Date(), config: Config? = nil) throws -> RoundDetails {
        try read { db in
            guard let round = try Self.findRound(db, name: name), let id = round.id else {
                throw MentorMailError(.data, "there is no round named \(name); see `mentormail round list`")
            }
            let members = try Self.roundMembers(db, round: id)
            let all = try MatchProposal.filter(MatchProposal.Columns.roundID == id).order(Column("id")).fetchAll(db)
            let newest = all.last
            func view(_ proposal: MatchProposal) -> RoundDetails.Proposal {
                .init(code: proposal.token, status: proposal.status.rawValue, algorithm: proposal.algorithm, pairs: proposal.pairs.count,
                      unmatched: proposal.unmatched.count, totalScore: proposal.totalScore, createdAt: proposal.createdAt,
                      decidedAt: proposal.decidedAt, reason: proposal.decisionReason)
            }
            let matched = all.contains { $0.status == .approved }
            let mentored = try Self.mentoredMentees(db)
            let roundNames = Dictionary(try Round.fetchAll(db).compactMap { round in round.id.map { ($0, round.name) } }) { first, _ in first }
            let pairs = try Mentorship.filter(Column("roundID") == id).order(Column("id")).fetchAll(db)
            let names = Dictionary(try Participant.fetchAll(db, keys: Set(pairs.flatMap { [$0.menteeID, $0.mentorID] }))
                .compactMap { person in person.id.map { ($0, Self.partnerWords(person)) } }) { first, _ in first }
            let held = try Self.heldIntroductions(db, ongoingOnly: true)
            func outcome(_ person: Participant, asMentee: Bool) -> String? {
                let own = pairs.filter { (asMentee ? $0.menteeID : $0.mentorID) == person.id }
                guard !own.isEmpty else { return matched ? "not matched in this round" : nil }
                return own.map { pair in
                    let partner = names[asMentee ? pair.mentorID : pair.menteeID] ?? Self.erasedWords
                    let when = pair.endedAt.map { " " + $0.formatted(.iso8601.year().month().day()) } ?? ""
                    let how = switch pair.status {
                    case .introduced, .active: pair.id.flatMap { held[$0] } == nil ? "still paired" : "paired, introduction held"
                    case .graduated: "graduated\(when)"
                    case .ended: "ended\(when)" + (pair.endedReason.map { $0.hasPrefix("(") ? " \($0)" : " (\($0))" } ?? "")
                    }
                    return "with \(partner): \(how)"
                }.joined(separator: "; ")
            }
            func member(_ person: Participant, _ role: RoundMember.Role, asMentee: Bool) -> RoundDetails.Member {
                .init(email: person.email, name: person.profile.name, role: role.rawValue, status: person.status.rawValue,
                      nowIn: person.roundID == id ? nil : person.roundID.flatMap { roundNames[$0] },
                      note: asMentee && !matched ? Self.whyNotMatchedAsMentee(person, roundID: id, mentored: mentored) : nil,
                      outcome: outcome(person, asMentee: asMentee))
            }
            let stale = try Self.waitsButStale(newest, of: round, config: config, now: now, db: db)
            var shown = newest.map(view)
            if stale { shown?.status = "stale" }
            let people = Dictionary(members.compactMap { member in member.person.id.map { ($0, member.person) } }) { first, _ in first }
            let introductionsHeld = try Mentorship.filter(Mentorship.Columns.roundID == id).order(Column("id")).fetchAll(db)
                .compactMap { pair -> String? in
                    guard let pairID = pair.id, let why = held[pairID] else { return nil }
                    let mentee = people[pair.menteeID]?.profile.name ?? "?", mentor = people[pair.mentorID]?.profile.name ?? "?"
                    return "pair \(pairID), \(mentee) with \(mentor): \(why)"
                }
            let takingSignUps = try Self.takesSignUps(db, round, now: now)
            return RoundDetails(
                name: round.name, status: takingSignUps ? "open" : "closed", takingSignUps: takingSignUps,
                state: RoundDetails.state(round, newest: newest, now: now, stale: stale),
                opensAt: round.opensAt, closesAt: round.closesAt,
                closedEarlyAt: round.signUpsEnd < round.closesAt ? round.signUpsEnd : nil,
                mentees: members.filter(\.role.isMentee).map { member($0.person, $0.role, asMentee: true) },
                mentors: members.filter(\.role.isMentor).map { member($0.person, $0.role, asMentee: false) },
                proposal: shown, proposals: all.dropLast().map(view) + (shown.map { [$0] } ?? []), introductionsHeld: introductionsHeld)
        }
    }
}

/// One line of `mentormail round list`.
public struct RoundSummary: Codable, Sendable {
    public var name: String
    /// open (taking sign-ups) or closed (its sign-ups ended), as `takingSignUps` says.
    public var status: String
    /// open, closed, proposed, stale or approved (see `RoundDetails.state`).
    public var state: String
    public var opensAt: String
    /// The day its sign-ups end or ended: the day it was closed, when that came early.
    public var closesAt: String
    /// The closing day it was opened with, when it was closed before it.
    public var plannedClosesAt: String?
    public var participants: Int
    /// Open, before its closing day and not yet approved: a sign-up now joins it.
    public var takingSignUps: Bool
}

extension AppDatabase {
    public func roundSummaries(now: Date = Date(), config: Config? = nil) throws -> [RoundSummary] {
        try read { db in
            try Round.order(Column("opensAt"), Column("id")).fetchAll(db).map { round in
                let count = try Self.roundMembers(db, round: round.id).count
                let newest = try MatchProposal.filter(MatchProposal.Columns.roundID == round.id).order(Column("id").desc).fetchOne(db)
                let stale = try Self.waitsButStale(newest, of: round, config: config, now: now, db: db)
                let takingSignUps = try Self.takesSignUps(db, round, now: now)
                let day = { (date: Date) in date.formatted(.iso8601.year().month().day()) }
                return RoundSummary(name: round.name, status: takingSignUps ? "open" : "closed",
                                    state: RoundDetails.state(round, newest: newest, now: now, stale: stale),
                                    opensAt: day(round.opensAt), closesAt: day(round.signUpsEnd),
                                    plannedClosesAt: round.signUpsEnd < round.closesAt ? day(round.closesAt) : nil,
                                    participants: count, takingSignUps: takingSignUps)
            }
        }
    }
}
