import Foundation
import GRDB

/// Enrollment rounds: opening one takes in everyone waiting in the pool.
struct RoundService {
    let work: Work

    /// Opens a round and moves every active person waiting in the pool into it: people who
    /// signed up while no round was open, and those a past round left unmatched.
    /// An earlier round never approved that still holds people stops it, so nobody is left
    /// behind in it; `takeUnmatched` takes its people in instead (its waiting proposal is
    /// withdrawn, as rejected).
    func open(name: String, closesAt: Date, actor: String, takeUnmatched: Bool = false) throws -> RoundOpening {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw MentorMailError(.data, "a round needs a name, e.g. \"2027-Q1\"") }
        guard closesAt > work.now else { throw MentorMailError(.data, "--closes must be in the future") }
        if var past = try AppDatabase.openRound(work.db), try !AppDatabase.takesSignUps(work.db, past, now: work.now) {
            // Its closing day passed, or its matches were approved: it takes no sign-ups, so it
            // no longer stands in the way.
            let why = past.closesAt <= work.now ? "its closing day had passed" : "its matches were approved"
            past.status = .closed
            past.closedAt = min(past.closesAt, work.now)
            try past.update(work.db)
            try work.audit.record(actor, "round-closed", "\(past.name) (\(why); closed on opening \(trimmed))")
        }
        if let open = try AppDatabase.openRound(work.db), open.name == trimmed {
            throw MentorMailError(.data, "the round \(trimmed) is already open; its sign-ups close \(Work.day(open.closesAt)) (`mentormail round show \(trimmed)`)")
        }
        if let open = try AppDatabase.openRound(work.db) {
            throw MentorMailError(.data, "the round \(open.name) is still open for sign-ups; close it first with `mentormail round close`")
        }
        if try AppDatabase.findRound(work.db, name: trimmed) != nil {
            throw MentorMailError(.data, "a round named \(trimmed) already exists")
        }
        let waiting = try AppDatabase.roundsStillWaiting(work.db)
        if !waiting.isEmpty && !takeUnmatched { throw try refusal(opening: trimmed, closesAt: closesAt, waiting: waiting) }
        for earlier in waiting.map(\.round) { try release(earlier, into: trimmed, actor: actor) }
        var round = Round(name: trimmed, opensAt: work.now, closesAt: closesAt, status: .open, createdAt: work.now)
        try round.insert(work.db)
        let pool = try AppDatabase.pool(work.db)
        try AppDatabase.move(pool, toRound: round.id, db: work.db, now: work.now)
        // A graduate who now mentors ("both") waits as a mentor only.
        let mentored = try AppDatabase.mentoredMentees(work.db)
        let opening = RoundOpening(round: round, mentees: pool.filter { $0.profile.isMentee && !mentored.contains($0.id ?? -1) }.count,
                                   mentors: pool.filter(\.profile.isMentor).count, takenFrom: waiting.map(\.round.name))
        try work.audit.record(actor, "round-opened",
                              "\(trimmed) until \(closesAt.formatted(.iso8601)); from the pool: \(opening.mentees) mentees, \(opening.mentors) mentors")
        return opening
    }

    /// Why `round open` does not open `name`: the earlier rounds still waiting, each with what
    /// would settle it, and the flag that takes their people in.
    private func refusal(opening name: String, closesAt: Date, waiting: [(round: Round, people: Int)]) throws -> MentorMailError {
        let lines = try waiting.map { round, people in
            let proposal = try MatchProposal.filter(MatchProposal.Columns.roundID == round.id).order(Column("id").desc).fetchOne(work.db)
            let stale = try AppDatabase.waitsButStale(proposal, of: round, config: work.config, now: work.now, db: work.db)
            let todo = proposal?.status == .proposed && !stale
                ? "its proposal \(proposal?.token ?? "") waits: mentormail round approve \(round.name) (or round reject \(round.name), then match it again)"
                : "it was never matched: mentormail match --round \(round.name), then mentormail round approve \(round.name)"
            return "  \(round.name) (\(people) \(people == 1 ? "person" : "people") in it): \(todo)"
        }
        let closes = closesAt.formatted(.iso8601.year().month().day())
        return MentorMailError(.data, """
            round \(name) was not opened: earlier rounds still hold people who were never matched, and a new round does not take them in:
            \(lines.joined(separator: "\n"))
            Settle each one first, or take their people into \(name) (their waiting proposals are withdrawn): \
            mentormail round open \(name) --closes \(closes) --take-unmatched
            """)
    }

    /// Takes the people of `round`, never approved, out of it into the pool, for the round
    /// `opening` to take in; its waiting proposal is withdrawn as rejected, saying why. The
    /// round keeps them in its history.
    private func release(_ round: Round, into opening: String, actor: String) throws {
        guard let id = round.id else { return }
        let reason = "not approved: round \(opening) took its people in"
        let waiting = MatchProposal.filter(MatchProposal.Columns.roundID == id && MatchProposal.Columns.status == MatchProposal.Status.proposed.rawValue)
        try AppDatabase.withdrawUnsentReviews(work.db, proposalIDs: try Int64.fetchAll(work.db, waiting.select(Column("id"))))
        try waiting.updateAll(work.db, MatchProposal.Columns.status.set(to: MatchProposal.Status.rejected.rawValue),
                              Column("decidedAt").set(to: work.now), Column("decisionReason").set(to: reason))
        let people = try Participant.filter(Participant.Columns.roundID == id).fetchAll(work.db)
        try AppDatabase.move(people, toRound: nil, db: work.db, now: work.now)
        try work.audit.record(actor, "round-released", "\(round.name): \(people.count) people to the pool for \(opening); \(reason)")
    }

    /// Closes the open round (or the one named).
    func close(name: String?, actor: String) throws -> Round {
        let found = try name.map { try AppDatabase.findRound(work.db, name: $0) } ?? AppDatabase.openRound(work.db)
        guard var round = found else {
            throw MentorMailError(.data, name.map { "there is no round named \($0); see `mentormail round list`" } ?? "no round is open")
        }
        guard round.status == .open else { throw MentorMailError(.data, "the round \(round.name) is already closed") }
        round.status = .closed
        round.closedAt = work.now
        try round.update(work.db)
        try work.audit.record(actor, "round-closed", round.name)
        return round
    }
}

/// What opening a round did.
public struct RoundOpening: Sendable {
    public var round: Round
    /// People who were waiting in the pool and are now in the round (a "both" counts in each).
    public var mentees: Int
    public var mentors: Int
    /// Earlier rounds never approved whose people it took in (`--take-unmatched`).
    public var takenFrom: [String] = []
}

/// `mentormail round show`: a round, who is in it, its state and its proposal.
public struct RoundDetails: Codable, Sendable {
    public struct Member: Codable, Sendable {
        public var email: String
        public var name: String
        /// The role they had in the round (mentee, mentor or both).
        public var role: String
        /// Their status now.
        public var status: String
        /// The round they are in now, when it is another one.
        public var nowIn: String?
        /// Why the matcher leaves this mentee out, while the round is still to be matched.
        public var note: String?
        /// What became of them in this round: their pairs of it and how each went, or that it
        /// left them unmatched (once matched).
        public var outcome: String?
    }

    public struct Proposal: Codable, Sendable {
        public var code: String
        public var status: String
        public var algorithm: String
        public var pairs: Int
        public var unmatched: Int
        public var totalScore: Int
        public var createdAt: Date
        public var decidedAt: Date?
        /// Why a coordinator rejected it, as they wrote it.
        public var reason: String?
    }

    public var name: String
    /// open (taking sign-ups) or closed (its sign-ups ended): a round whose matches were
    /// approved may still be open.
    public var status: String
    /// Open, before its closing day and not yet approved: a sign-up now joins it.
    public var takingSignUps: Bool
    /// open (taking sign-ups), closed (its sign-ups closed), proposed (a proposal waits for a
    /// decision), stale (its proposal went stale: people changed; match again), or approved.
    public var state: String
    public var opensAt: Date
    /// The closing day it was opened with.
    public var closesAt: Date
    /// When it was closed before that day, if it was.
    public var closedEarlyAt: Date?
    public var mentees: [Member]
    public var mentors: [Member]
    /// The newest proposal, if any.
    public var proposal: Proposal?
    /// Every proposal of the round, oldest first (the newest is `proposal`).
    public var proposals: [Proposal]
    /// The round's pairs still going whose introduction was kept or could not be sent:
    /// "pair 3, Ana with Max: why".
    public var introductionsHeld: [String] = []
}

extension RoundDetails {
    /// The round's state from its status and its newest proposal.
    /// `stale`: the newest proposal still waits but people changed since it was made.
    static func state(_ round: Round, newest: MatchProposal?, now: Date, stale: Bool = false) -> String {
        switch newest?.status {
        case .approved?: "approved"
        case .proposed?: stale ? "stale" : "proposed"
        // A proposal is superseded without a newer one only when people changed before its approval.
        case .superseded?: "stale"
        default: round.status == .closed || round.closesAt <= now ? "closed" : "open"
        }
    }
}
