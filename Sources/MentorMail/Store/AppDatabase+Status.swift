import Foundation
import GRDB

/// `mentormail status`: what an operator wants to see at a glance.
public struct ProgramStatus: Codable, Sendable {
    public struct RoundState: Codable, Sendable {
        public var name: String
        /// open, closed, proposed or approved.
        public var state: String
        public var closesAt: Date
        public var participants: Int
        /// The proposal waiting for a coordinator's decision, if any.
        public var waitingProposal: String?
        public var waitingPairs: Int?
        /// Open and before its closing day: a sign-up now joins it.
        public var takingSignUps: Bool
        /// Its newest proposal, which went stale before it was approved: match again.
        public var staleProposal: String?
        /// The round's last rejected proposal, with the coordinator's reason, while no later
        /// proposal was approved (then it is history: `round show`).
        public var rejected: Rejected?
        /// The round's approved proposal, once there is one.
        public var approved: Approved?
    }

    public struct Approved: Codable, Sendable {
        public var code: String
        public var decidedAt: Date?
        public var pairs: Int
    }

    public struct Rejected: Codable, Sendable {
        public var code: String
        public var decidedAt: Date?
        public var reason: String?
    }

    public struct OutgoingRow: Codable, Sendable {
        public var id: Int64
        public var kind: String
        public var to: String
        public var status: String
        public var attempts: Int
        public var nextAttemptAt: Date
        public var lastError: String?
        /// Withheld while its recipient is asked whether they leave, not for a bounce.
        public var keptWhileLeaving = false
    }

    public struct Job: Codable, Sendable {
        public var kind: String
        public var subjectID: Int64?
        public var dueAt: Date
    }

    public struct LastRun: Codable, Sendable {
        public var startedAt: Date
        public var finishedAt: Date
        public var seconds: Double
        public var problems: Int
        public var stillQueued: Int
        public var report: ProcessReport
    }

    public var participants: [String: Int]
    /// Active people waiting for a round (in none, or in one already matched): the next round
    /// opening takes them in.
    public var pool: Int
    public var round: RoundState?
    /// Earlier rounds never approved that still hold people, oldest first: each waits to be
    /// matched or decided (`round` is the open or newest one).
    public var waitingRounds: [RoundState]
    public var held: Int
    public var queued: Int
    public var failed: Int
    /// Mail kept, not sent, because an address bounced for good (`outbox list --status withheld`).
    public var withheld: Int
    /// Mail kept while its recipient is asked whether they leave (also `outbox list --status
    /// withheld`, not counted in `withheld`): it goes by itself after a "no", and is not sent after a "yes".
    public var keptWhileLeaving: Int = 0
    /// Mail a coordinator took back before it went (`outbox list --status cancelled`): waits for nothing.
    public var cancelled: Int
    /// Participants' addresses that bounced for good, with the way out.
    public var bounced: [BounceView]
    /// Pairs of ongoing mentorships whose introduction was kept or could not be sent, by pair
    /// id, with why (`pairs show ID`).
    public var heldIntroductions: [HeldIntroduction]
    /// Queued mail a server refused for now, and failed mail: what an operator may act on.
    public var failing: [OutgoingRow]
    public var lastRun: LastRun?
    public var nextJobs: [Job]
    public var failedJobs: Int
    public var upcomingEvents: [EventView]
    /// `process` runs refused at start-up since the last one that started (`RefusedRuns`).
    public var refusedRuns: RefusedRuns?
    /// Coordinators' commands by mail waiting for their confirmation code (`WaitingConfirmations`).
    public var waitingConfirmations: [WaitingConfirmation] = []
}

/// A pair whose introduction did not go: its kept copy in the outbox and why.
public struct HeldIntroduction: Codable, Sendable, Equatable {
    public var pair: Int64
    public var outbox: Int64
    /// The copy's outbox state: withheld, failed or cancelled; or `bounced` for one sent that
    /// bounced for one of its recipients.
    public var status: String
    public var why: String

    public static let bounced = "bounced"

    /// As `status` and `pairs show` say it: "kept, not sent (outbox 87): …".
    public var summary: String {
        switch status {
        case OutboxMessage.Status.failed.rawValue: "could not be sent (outbox \(outbox)): \(why)"
        case OutboxMessage.Status.cancelled.rawValue: "not sent (outbox \(outbox)): \(why)"
        case Self.bounced: "sent, but it bounced (outbox \(outbox)): \(why)"
        default: "kept, not sent (outbox \(outbox)): \(why)"
        }
    }
}

extension AppDatabase {
    /// One round as `status` shows it: its state, its waiting, stale, approved or rejected proposal.
    static func roundState(_ round: Round, now: Date, config: Config?, db: Database) throws -> ProgramStatus.RoundState {
        let id = round.id ?? -1
        let newest = try MatchProposal.filter(MatchProposal.Columns.roundID == id).order(Column("id").desc).fetchOne(db)
        let stale = try waitsButStale(newest, of: round, config: config, now: now, db: db)
        let waiting = newest?.status == .proposed && !stale ? newest : nil
        let decided = try MatchProposal.filter(MatchProposal.Columns.roundID == id
                                               && [MatchProposal.Status.rejected, .approved].map(\.rawValue).contains(MatchProposal.Columns.status))
            .order(Column("id").desc).fetchAll(db)
        let approved = decided.first { $0.status == .approved }
        return .init(name: round.name, state: RoundDetails.state(round, newest: newest, now: now, stale: stale), closesAt: round.closesAt,
                     participants: try Participant.filter(Participant.Columns.roundID == id).fetchCount(db),
                     waitingProposal: waiting?.token, waitingPairs: waiting?.pairs.count,
                     takingSignUps: try takesSignUps(db, round, now: now),
                     staleProposal: newest?.status == .superseded || stale ? newest?.token : nil,
                     rejected: decided.first { $0.status == .rejected && $0.id ?? 0 > approved?.id ?? 0 }
                        .map { .init(code: $0.token, decidedAt: $0.decidedAt, reason: $0.decisionReason) },
                     approved: approved.map { .init(code: $0.token, decidedAt: $0.decidedAt, pairs: $0.pairs.count) })
    }

    /// The program at a glance. With `config`, a waiting proposal that people's changes made
    /// stale is shown as stale, not as waiting for a decision.
    public func status(now: Date, config: Config? = nil) throws -> ProgramStatus {
        try read { db in
            var participants: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM participant GROUP BY status") {
                participants[row["status"]] = row["n"]
            }
            // The same rule opening a round applies: new sign-ups, the unmatched, freed mentors.
            let pool = try Self.pool(db).count
            let current = try Self.openRound(db) ?? Round.order(Column("opensAt").desc, Column("id").desc).fetchOne(db)
            let round = try current.map { try Self.roundState($0, now: now, config: config, db: db) }
            let waitingRounds = try Self.roundsStillWaiting(db, except: current?.id).map { try Self.roundState($0.round, now: now, config: config, db: db) }
            let failing = try OutboxMessage
                .filter((Column("status") == OutboxMessage.Status.queued.rawValue && (Column("attempts") > 0 || Column("lastError") != nil))
                        || [OutboxMessage.Status.failed, .withheld].map(\.rawValue).contains(Column("status")))
                .order(Column("id").desc).limit(20).fetchAll(db)
                .map { row in
                    ProgramStatus.OutgoingRow(id: row.id ?? 0, kind: row.purpose, to: row.recipients, status: row.status.rawValue,
                                              attempts: row.attempts, nextAttemptAt: row.nextAttemptAt, lastError: row.lastError,
                                              keptWhileLeaving: row.isKeptWhileLeaving)
                }
            let lastRun = try RunRecord.order(Column("id").desc).fetchOne(db).map { record in
                ProgramStatus.LastRun(startedAt: record.startedAt, finishedAt: record.finishedAt,
                                      seconds: record.finishedAt.timeIntervalSince(record.startedAt), problems: record.problems,
                                      stillQueued: record.stillQueued,
                                      report: (try? JSONDecoder().decode(ProcessReport.self, from: Data(record.report.utf8))) ?? ProcessReport())
            }
            let jobs = try ScheduledJob.filter(ScheduledJob.Columns.status == ScheduledJob.Status.pending.rawValue)
                .order(Column("dueAt"), Column("id")).limit(5).fetchAll(db)
                .map { ProgramStatus.Job(kind: $0.kind, subjectID: $0.subjectID, dueAt: $0.dueAt) }
            let events = try SpeedEvent.filter(SpeedEvent.Columns.status != SpeedEvent.Status.cancelled.rawValue
                                               && SpeedEvent.Columns.startsAt > now)
                .order(SpeedEvent.Columns.startsAt).limit(5).fetchAll(db)
                .map { try Program.view(of: $0, db, details: false) }
            let keptWhileLeaving = try OutboxMessage.filter(Column("status") == OutboxMessage.Status.withheld.rawValue
                                                            && Column("lastError").like("%" + OutboxWriter.keptWhileLeavingWords + "%")).fetchCount(db)
            return ProgramStatus(
                participants: participants, pool: pool, round: round, waitingRounds: waitingRounds,
                held: try Self.attentionCount(db),
                queued: try OutboxMessage.filter(Column("status") == OutboxMessage.Status.queued.rawValue).fetchCount(db),
                failed: try OutboxMessage.filter(Column("status") == OutboxMessage.Status.failed.rawValue).fetchCount(db),
                withheld: try OutboxMessage.filter(Column("status") == OutboxMessage.Status.withheld.rawValue).fetchCount(db) - keptWhileLeaving,
                keptWhileLeaving: keptWhileLeaving,
                cancelled: try OutboxMessage.filter(Column("status") == OutboxMessage.Status.cancelled.rawValue).fetchCount(db),
                bounced: try AddressBounce.order(Column("bouncedAt"), Column("id")).fetchAll(db).map(BounceView.init),
                heldIntroductions: try Self.heldIntroductionList(db, ongoingOnly: true),
                failing: failing, lastRun: lastRun, nextJobs: jobs,
                failedJobs: try ScheduledJob.filter(ScheduledJob.Columns.status == ScheduledJob.Status.failed.rawValue).fetchCount(db),
                upcomingEvents: events)
        }
    }
}
