import Foundation
import Logging
import GRDB
import Mail
import MatchingCore

/// A program opened for work: its config, database and checked templates. Commands call the
/// methods here; each is one transaction in which a service does the work.
public struct Program: Sendable {
    public let config: Config
    public let database: AppDatabase
    public let templates: TemplateLibrary

    public init(config: Config, database: AppDatabase, templates: TemplateLibrary) {
        self.config = config
        self.database = database
        self.templates = templates
    }

    /// Runs `body` in one transaction (rolled back with `dryRun`).
    func perform<T>(at now: Date, dryRun: Bool = false, _ body: (Work) throws -> T) throws -> T {
        let run = { (db: Database) throws -> T in
            try body(Work(db: db, now: now, config: config, templates: templates))
        }
        return dryRun ? try database.writeWithoutCommit(run) : try database.write(run)
    }
}

// MARK: - Rounds

extension Program {
    /// `mentormail round open`: opens a round and brings everyone waiting in the pool into it.
    /// `takeUnmatched`: the people of earlier rounds never approved join it too (else such a round refuses it).
    public func openRound(name: String, closesAt: Date, now: Date, actor: String = "command line", takeUnmatched: Bool = false) throws -> RoundOpening {
        try perform(at: now) { work in
            try RoundService(work: work).open(name: name, closesAt: closesAt, actor: actor, takeUnmatched: takeUnmatched)
        }
    }

    /// `mentormail round close [NAME]`.
    public func closeRound(name: String?, now: Date, actor: String = "command line") throws -> Round {
        try perform(at: now) { work in try RoundService(work: work).close(name: name, actor: actor) }
    }
}

// MARK: - Matching

extension Program {
    /// `mentormail match --round NAME`: stores the proposal and queues the review mail (neither with `dryRun`).
    public func proposeMatches(round name: String, method: MatchMethod, dryRun: Bool, now: Date) throws -> MatchProposal {
        try perform(at: now, dryRun: dryRun) { work in
            guard let round = try AppDatabase.findRound(work.db, name: name) else {
                throw MentorMailError(.data, "there is no round named \(name); see `mentormail round list`")
            }
            return try MatchingService(work: work).propose(round: round, method: method, dryRun: dryRun)
        }
    }

    /// `mentormail round approve|reject NAME`: decides the round's waiting proposal.
    /// `reason`: why it is rejected, kept with the proposal.
    public func decideProposal(round name: String, approve: Bool, now: Date, actor: String = "command line",
                               reason: String? = nil) throws -> DecisionResult {
        try perform(at: now) { work in
            guard let round = try AppDatabase.findRound(work.db, name: name), let id = round.id else {
                throw MentorMailError(.data, "there is no round named \(name); see `mentormail round list`")
            }
            guard let proposal = try MatchProposal.filter(MatchProposal.Columns.roundID == id
                                                            && MatchProposal.Columns.status == MatchProposal.Status.proposed.rawValue)
                .fetchOne(work.db), let proposalID = proposal.id else {
                if let newest = try MatchProposal.filter(MatchProposal.Columns.roundID == id).order(Column("id").desc).fetchOne(work.db),
                   newest.status != .superseded {
                    let when = (newest.decidedAt ?? newest.createdAt).formatted(.iso8601.year().month().day())
                    throw MentorMailError(.data, "the round \(name)'s proposal \(newest.token) was already \(newest.status.rawValue) on \(when); nothing to "
                                          + "decide (people who signed up since wait in the pool for the next round: `mentormail round open NAME --closes DATE`)")
                }
                throw MentorMailError(.data, "the round \(name) has no proposal waiting; run `mentormail match --round \(name)`")
            }
            let reason = Self.givenReason(reason)
            return try MatchingService(work: work).decide(approve ? .approve : .reject, proposal: .id(proposalID), by: actor, reason: reason)
        }
    }
}

// MARK: - Imports

extension Program {
    /// `mentormail import FILE.csv`: one transaction; welcome mails go out with the next run.
    public func importFormExport(_ export: FormExport, source: String, now: Date, dryRun: Bool) throws -> ImportReport {
        try perform(at: now, dryRun: dryRun) { work in try EnrollmentService(work: work).importRows(export, source: source) }
    }
}

// MARK: - Held mail

/// What `mentormail held retry` did.
public struct RetryResult: Codable, Sendable {
    public var id: Int64
    public var before: InboundMessage.Disposition
    public var after: InboundMessage.Disposition
    public var intent: String
    public var rule: String
    public var note: String?
}

extension Program {
    /// `mentormail held release ID`: a coordinator handled it; it leaves the list.
    public func releaseHeld(id: Int64, now: Date, by actor: String, note: String?) throws -> InboundMessage {
        try perform(at: now) { work in
            guard var record = try InboundMessage.fetchOne(work.db, key: id) else {
                throw MentorMailError(.data, "no message has the id \(id); see `mentormail held list`")
            }
            guard record.resolvedAt == nil else {
                throw MentorMailError(.data, "message \(id) was already handled (\(record.resolution ?? "resolved")); nothing to do")
            }
            guard InboundMessage.Disposition.needingAttention.contains(record.disposition) else {
                throw MentorMailError(.data, "message \(id) was \(record.disposition.rawValue), not held; nothing to release")
            }
            record.resolvedAt = now
            record.resolution = "released by \(actor)" + (note.map { ": \($0)" } ?? "")
            try record.update(work.db)
            try work.audit.record(actor, "held-released", "message \(id)")
            return record
        }
    }

    /// `mentormail held retry ID`: runs a held, failed or waiting message through the intake
    /// and its handler again (after a fix), in one transaction; what it causes is queued once.
    public func retryHeld(id: Int64, now: Date, by actor: String) throws -> RetryResult {
        try perform(at: now) { work in
            guard var record = try InboundMessage.fetchOne(work.db, key: id) else {
                throw MentorMailError(.data, "no message has the id \(id); see `mentormail held list`")
            }
            guard record.resolvedAt == nil, InboundMessage.Disposition.needingAttention.contains(record.disposition) else {
                throw MentorMailError(.data, "message \(id) is \(record.disposition.rawValue)\(record.resolvedAt == nil ? "" : " and handled"); only held, failed or waiting mail is retried")
            }
            guard let message = try AppDatabase.message(work.db, inboundID: id) else {
                throw MentorMailError(.data, "message \(id) is no longer stored (its sender's data was deleted); release it instead")
            }
            // Held mail whose sender was answered ("the coordinators have it", or a form that
            // says so): another answer could contradict that, so it stays for a person.
            if record.disposition == .held, let told = try AppDatabase.firstAnswer(work.db, toInbound: id) {
                try work.audit.record(actor, "held-retried", "message \(id): kept held, its sender was already answered")
                return RetryResult(id: id, before: .held, after: .held, intent: record.intent, rule: record.rule ?? "-", note: """
                    not run again: its sender was already answered (\(told.purpose), outbox \(told.id ?? 0)) and is waiting for a \
                    coordinator; write to them yourself, then `mentormail held release \(id)`
                    """)
            }
            let intake = Intake(config: config)
            let unread = intake.prepare(message)
            let context = try AppDatabase.intakeContext(work.db, for: message, reading: unread, now: work.now,
                                                        reminderAfterDays: config.checkin.reminderAfterDays)
            let prepared = unread.read(under: context)
            let classification = intake.classify(prepared, context: context)
            let before = record.disposition
            let outcome = try work.handleRecorded(classification, reading: prepared, recordID: id,
                                                  context: context)
            // Only these columns: the handler may have erased the subject ("delete my data").
            try record.updateChanges(work.db) { record in
                record.apply(classification, context: context)
                record.disposition = outcome.disposition
                record.note = outcome.note
                record.noteNamesContext = outcome.noteNamesContext
                record.attempts += 1
                if !InboundMessage.Disposition.needingAttention.contains(outcome.disposition) {
                    record.resolvedAt = now
                    record.resolution = "retried by \(actor): \(outcome.disposition.rawValue)"
                }
            }
            try work.audit.record(actor, "held-retried", "message \(id): \(before.rawValue) → \(outcome.disposition.rawValue)")
            return RetryResult(id: id, before: before, after: outcome.disposition, intent: classification.intent.name,
                               rule: classification.rule, note: outcome.note)
        }
    }
}

extension Program {
    /// `mentormail held retry --all-failed`: every failed message not yet handled, oldest first,
    /// each in its own transaction; one that fails again stays failed, with the error, and the
    /// rest go on.
    public func retryAllFailed(now: Date, by actor: String) throws -> [(id: Int64, result: Result<RetryResult, MentorMailError>)] {
        try database.heldMessages().filter { $0.disposition == .failed }.compactMap(\.id).map { id in
            do {
                return (id, .success(try retryHeld(id: id, now: now, by: actor)))
            } catch {
                return (id, .failure(MentorMailError.from(error)))
            }
        }
    }
}

// MARK: - Jobs

extension Program {
    public func jobs() throws -> [ScheduledJob] {
        try database.jobs()
    }

    /// The scheduled-work phase of `process` alone: every job due at `now`.
    public func runScheduledJobs(now: Date, logger: Logger) -> ProcessReport {
        var report = ProcessReport()
        JobRunner(program: self, now: now, logger: logger).runDue(into: &report)
        return report
    }
}

extension InboundMessage {
    /// Stores what the intake decided and the context it read.
    mutating func apply(_ classification: Classification, context: IntakeContext) {
        intent = classification.intent.name
        rule = classification.rule
        reason = classification.reason
        contextKind = context.answering?.kind.rawValue
        contextTopic = context.answering?.topic.kind?.rawValue
        contextID = context.answering?.topic.id
    }
}

extension Work {
    /// Handles a recorded message; mail without a sender can only be held or ignored.
    func handleRecorded(_ classification: Classification, reading: IntakeMessage, recordID: Int64,
                        context: IntakeContext) throws -> Outcome {
        guard var sender = reading.from, Config.isPlausibleAddress(sender.address) else {
            if case .ignore(let reason) = classification.intent { return Outcome(.ignored, reason) }
            let (reason, namesContext) = if case .hold(let reason, _, let names) = classification.intent { (reason, names) }
                else { ("no usable From address", false) }
            try HeldMailService(work: self).scheduleDigest(for: recordID)
            return Outcome(.held, reason, namesContext: namesContext)
        }
        // "CLARKE, EMILY" is "Emily Clarke".
        sender.name = sender.name.map { NameCase.fromDisplay(NameCase.tidied($0), signedIn: reading.text) }
        var context = context
        let inbound = Inbound(reading: reading, recordID: recordID, sender: sender, context: context)
        let remembered = try rememberLanguage(of: inbound, intent: classification.intent, in: &context)
        let outcome = try handle(classification.intent, Inbound(reading: reading, recordID: recordID, sender: sender, context: context))
        if let id = remembered { try followLanguage(ofParticipant: id) }
        return outcome
    }

    /// Remembers the language a participant's own message is clearly written in, when our
    /// templates have it (`Participant.writtenLanguage`), before it is handled, so that mail it
    /// leads to follows it; automatic mail and bounces say nothing of it. Returns the
    /// participant's id when it was stored.
    private func rememberLanguage(of inbound: Inbound, intent: Intent, in context: inout IntakeContext) throws -> Int64? {
        switch intent {
        case .ignore, .bounce: return nil
        default: break
        }
        guard var person = context.participant, person.status != .erased, let id = person.id,
              let language = inbound.rememberedLanguage(in: self) else { return nil }
        guard person.writtenLanguage != language else { return nil }
        person.writtenLanguage = language
        try Participant.filter(key: id).updateAll(db, Column("writtenLanguage").set(to: language))
        context.participant = person
        return id
    }

    /// Their event invitations follow the language their mail goes out in now.
    private func followLanguage(ofParticipant id: Int64) throws {
        guard let person = try Participant.fetchOne(db, key: id) else { return }
        try EventGuest.filter(Column("participantID") == id)
            .updateAll(db, Column("language").set(to: mailLanguage(for: person)))
    }
}

// MARK: - Pairs

extension Program {
    /// `mentormail pairs graduate ID`: both are thanked, the mentee invited to mentor, the mentor's place freed.
    public func graduatePair(id: Int64, reason: String?, now: Date, by actor: String) throws -> PairView {
        try perform(at: now) { work in
            let service = PairService(work: work)
            guard let pair = try service.pair(id) else { throw MentorMailError(.data, "no pair has the id \(id); see `mentormail pairs list`") }
            guard try service.graduate(pair, by: actor, reason: reason ?? "graduated by a coordinator") else {
                throw MentorMailError(.data, "pair \(id) already \(pair.mentorship.status.rawValue); nothing to do")
            }
            return try view(id, work)
        }
    }

    /// `mentormail pairs end ID`: both are told kindly; the mentee is matched again in the next round.
    public func endPair(id: Int64, reason: String?, now: Date, by actor: String) throws -> PairView {
        try perform(at: now) { work in
            let service = PairService(work: work)
            guard let pair = try service.pair(id) else { throw MentorMailError(.data, "no pair has the id \(id); see `mentormail pairs list`") }
            guard try service.end(pair, by: actor, reason: reason ?? "ended by a coordinator") else {
                throw MentorMailError(.data, "pair \(id) already \(pair.mentorship.status.rawValue); nothing to do")
            }
            return try view(id, work)
        }
    }

    /// `mentormail pairs keep-apart A B`: the matcher never proposes the two as a pair (or, with
    /// `undo`, may again). A waiting proposal that pairs them can no longer be approved.
    public func keepApart(_ first: String, _ second: String, reason: String?, undo: Bool, now: Date, by actor: String) throws -> KeepApartResult {
        try perform(at: now) { work in
            func person(_ address: String) throws -> Participant {
                guard let found = try AppDatabase.findParticipant(work.db, email: address.lowercased()), found.status != .erased, found.id != nil else {
                    throw MentorMailError(.data, "no participant has the address \(address); see `mentormail participants list`")
                }
                return found
            }
            let a = try person(first), b = try person(second)
            guard let idA = a.id, let idB = b.id, idA != idB else { throw MentorMailError(.data, "give two different people") }
            let low = min(idA, idB), high = max(idA, idB)
            let existing = try KeptApart.filter(Column("lowID") == low && Column("highID") == high).fetchOne(work.db)
            var result = KeepApartResult(first: a.email, second: b.email, keptApart: !undo, changed: false, reason: reason)
            if undo {
                if let existing {
                    try existing.delete(work.db)
                    result.changed = true
                    try work.audit.record(actor, "kept-apart-undone", "\(a.email) and \(b.email)")
                }
                return result
            }
            guard existing == nil else {
                result.reason = existing?.reason
                return result
            }
            var row = KeptApart(lowID: low, highID: high, reason: reason, createdAt: work.now, createdBy: actor)
            try row.insert(work.db)
            result.changed = true
            try work.audit.record(actor, "kept-apart", "\(a.email) and \(b.email)" + (reason.map { ": \($0)" } ?? ""))
            let waiting = try MatchProposal.filter(MatchProposal.Columns.status == MatchProposal.Status.proposed.rawValue).fetchAll(work.db)
            let stale = waiting.first { proposal in proposal.pairs.contains { Set([$0.menteeID, $0.mentorID]) == Set([idA, idB]) } }
            result.staleProposal = stale?.token
            result.staleRound = try stale.flatMap { try Round.fetchOne(work.db, key: $0.roundID)?.name }
            return result
        }
    }

    private func view(_ id: Int64, _ work: Work) throws -> PairView {
        guard let mentorship = try Mentorship.fetchOne(work.db, key: id) else { throw MentorMailError(.internalError, "pair \(id) vanished") }
        let rounds = Dictionary(try Round.fetchAll(work.db).compactMap { round in round.id.map { ($0, round.name) } }, uniquingKeysWith: { a, _ in a })
        return AppDatabase.view(mentorship, people: try AppDatabase.participantsByID(work.db), rounds: rounds,
                                surveys: try CheckinService(work: work).surveys(of: id))
    }
}

// MARK: - Outbox

extension Program {
    /// `mentormail outbox resend ID`: a failed message, or a queued one waiting for its retry, goes
    /// out with the next run, with the same bytes and Message-ID.
    public func resendOutbox(id: Int64, now: Date, by actor: String) throws -> OutboxMessage {
        try perform(at: now) { work in
            let row = try AppDatabase.requeue(work.db, outboxID: id, at: now)
            try work.audit.record(actor, "outbox-resend", "outbox \(id) to \(row.recipients)")
            return row
        }
    }

    /// `mentormail outbox cancel ID…`: mail not sent yet is taken back, all of `ids` or none
    /// (nothing with `dryRun`); the row says who and why, the audit log also what it was.
    public func cancelOutbox(ids: [Int64], reason: String?, dryRun: Bool, now: Date, by actor: String) throws -> OutboxCancellation {
        try perform(at: now, dryRun: dryRun) { work in
            let reason = reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            let note = "cancelled by \(actor) on \(now.formatted(.iso8601))" + (reason.map { ": \($0)" } ?? "")
            var result = OutboxCancellation(reason: reason, dryRun: dryRun)
            var rows = try AppDatabase.cancel(work.db, outboxIDs: ids, note: note)
            // A check-in survey taken back takes its reminder with it: one waiting to go is
            // cancelled too, and the reminder job passes that survey by (`surveyTakenBack`).
            let surveys = Set(rows.filter { $0.kind == .checkinSurvey && $0.topic.kind == .survey }.compactMap(\.topicID))
            rows += try AppDatabase.cancel(work.db, outboxIDs: try AppDatabase.unsentReminders(work.db, surveys: surveys)
                .compactMap(\.id).filter { !ids.contains($0) }, note: note + " (with its check-in survey)")
            for row in rows {
                var item = OutboxCancellation.Item(id: row.id ?? 0, kind: row.purpose, to: row.recipients, subject: row.subject,
                                                   was: row.shownStatus, attempts: row.attempts)
                if row.kind == .checkinSurvey, let survey = row.topicID, surveys.contains(survey) { item.reminderStopped = true }
                result.cancelled.append(item)
                try work.audit.record(actor, "outbox-cancelled", "outbox \(item.id) (\(item.kind) to \(item.to)), \(item.was) after "
                                      + "\(item.attempts) attempt(s)" + (row.lastError.map { ": \($0)" } ?? "") + "; reason: \(reason ?? "none given")")
            }
            return result
        }
    }

    /// `mentormail outbox resend ID --to ADDRESS`: a fresh copy of a message (any status) to
    /// `address` alone, with a new Message-ID, naming `address` where the mail named the
    /// recipient it replaces (the one who moved there, or the only one). The copy is returned.
    public func resendOutbox(id: Int64, to address: String, now: Date, by actor: String) throws -> OutboxMessage {
        try perform(at: now) { work in
            let target = address.trimmingCharacters(in: .whitespaces).lowercased()
            guard Config.isPlausibleAddress(target) else { throw MentorMailError(.data, "\(address) is not an email address") }
            guard var row = try OutboxMessage.fetchOne(work.db, key: id) else {
                throw MentorMailError(.data, "no outgoing message has the id \(id); see `mentormail outbox list`")
            }
            let recipients = row.recipientList.map { $0.lowercased() }
            // The one who moved there, the only recipient, or one of them again (a copy to them alone).
            let moved = try recipients.first(where: { try AppDatabase.movedAddress(work.db, of: $0) == target })
            guard let old = moved ?? (recipients.contains(target) ? target : nil) ?? (recipients.count == 1 ? recipients.first : nil) else {
                throw MentorMailError(.data, "outgoing message \(id) went to \(row.recipients); none of them moved to \(target), "
                                      + "so it is not clear whose copy this is")
            }
            // A participant's mail holds what they told us: it goes to them, at an address of theirs.
            if old != target, moved == nil, let owner = try AppDatabase.findParticipant(work.db, email: old)
                ?? AppDatabase.movedAddress(work.db, of: old).flatMap({ try AppDatabase.findParticipant(work.db, email: $0) }) {
                let name = owner.profile.name.isEmpty ? owner.email : owner.profile.name
                throw MentorMailError(.data, "outgoing message \(id) (\(row.purpose)) is \(name)'s mail and holds what they told us, so it goes "
                    + "only to an address of theirs (\(owner.email)), never to \(target). If \(target) is \(name)'s new address, "
                    + "move them first: mentormail participants change-address \(owner.email) \(target) (what did not reach them goes again by itself)")
            }
            let name = try AppDatabase.findParticipant(work.db, email: target)?.profile.name
            guard let copy = try RedeliveryService(work: work).copy(&row, replacing: old, with: target, name: name) else {
                throw MentorMailError(.data, "outgoing message \(id) could not be read back to copy it")
            }
            try work.audit.record(actor, "outbox-resend", "outbox \(id) as a fresh copy #\(copy.id ?? 0) to \(target)")
            return copy
        }
    }
}

/// What `mentormail outbox cancel` took back (or, with `dryRun`, would take back).
public struct OutboxCancellation: Codable, Sendable {
    public struct Item: Codable, Sendable {
        public var id: Int64
        public var kind: String
        public var to: String
        public var subject: String
        /// What it was: queued, failed, parked (failed after every retry) or withheld.
        public var was: String
        public var attempts: Int
        /// A check-in survey's: its reminder will not go either (until `outbox resend` queues
        /// the survey again before the reminder is due).
        public var reminderStopped: Bool?
    }

    public var cancelled: [Item] = []
    public var reason: String?
    public var dryRun: Bool
}

// MARK: - Participants

extension Program {
    /// `mentormail participants change-address OLD NEW`: a coordinator moves a participant to a
    /// new address (after a bounce, say, when the old one no longer works); the person is told
    /// at the new address with the next run.
    public func changeAddress(from old: String, to new: String, now: Date, actor: String = "command line") throws -> Participant {
        try moveAddress(from: old, to: new, now: now, actor: actor).participant
    }

    /// `change-address`, with what became of the mail that did not reach the old address: what
    /// still matters goes again to the new one as a fresh copy, the rest is retired.
    public func moveAddress(from old: String, to new: String, now: Date, actor: String = "command line") throws -> AddressChange {
        try perform(at: now) { work in
            let target = new.trimmingCharacters(in: .whitespaces).lowercased()
            guard Config.isPlausibleAddress(target) else {
                throw MentorMailError(.data, "\(new) is not an email address")
            }
            guard let person = try AppDatabase.findParticipant(work.db, email: old.lowercased()), person.status != .erased else {
                throw MentorMailError(.data, "no participant has the address \(old); see `mentormail participants list`")
            }
            let hadBounced = try AppDatabase.bounce(work.db, email: person.email) != nil
            guard let moved = try AppDatabase.changeAddress(work.db, from: person.email, to: target, now: now) else {
                throw MentorMailError(.data, "no participant has the address \(old)")
            }
            try work.audit.record(actor, "address-changed", "\(person.email) → \(target)")
            // (Its bounce mark, if any, came off with the move.)
            let language = work.mailLanguage(for: moved)
            var told = AddressChangedMail(done: true, oldAddress: person.email, person: PersonName(moved.profile.name))
            let redelivery = try RedeliveryService(work: work).redeliver(from: person.email, to: target, name: moved.profile.name, actor: actor)
            told.resent = redelivery.resent.map(\.subject)
            told.hasResent = !redelivery.resent.isEmpty
            try work.outbox.send(told, to: [MailAddress(address: target, name: moved.profile.name)], about: .participant(moved.id), language: language)
            let toldOld = try EnrollmentService(work: work).tellOldAddress(person.email, movedTo: moved, byCoordinator: true, hadBounced: hadBounced)
            return AddressChange(participant: moved, oldAddress: person.email, redelivery: redelivery, toldOldAddress: toldOld)
        }
    }

    /// `mentormail participants clear-bounce ADDRESS`: the address works again (a full mailbox
    /// was emptied); mail to it goes out again.
    public func clearBounce(email: String, now: Date, actor: String = "command line") throws -> AddressBounce {
        try clearBounceRedelivering(email: email, now: now, actor: actor).mark
    }

    /// `clear-bounce`, with what became of the mail that did not reach the address meanwhile:
    /// what still matters goes again as a fresh copy, the rest is retired.
    public func clearBounceRedelivering(email: String, now: Date, actor: String = "command line") throws -> (mark: AddressBounce, redelivery: Redelivery) {
        try perform(at: now) { work in
            guard let person = try AppDatabase.findParticipant(work.db, email: email.lowercased()), let id = person.id else {
                throw MentorMailError(.data, "no participant has the address \(email); see `mentormail participants list`")
            }
            guard let mark = try AppDatabase.clearBounce(work.db, participantID: id) else {
                throw MentorMailError(.data, "\(person.email) has not bounced; nothing to clear")
            }
            try work.audit.record(actor, "bounce-cleared", "\(person.email) (bounced \(mark.bouncedAt.formatted(.iso8601)))")
            let redelivery = try RedeliveryService(work: work).redeliver(from: person.email, to: person.email, name: person.profile.name, actor: actor)
            return (mark, redelivery)
        }
    }
}

/// A participant moved to a new address, and what became of the mail that did not reach the old one.
public struct AddressChange: Sendable {
    public var participant: Participant
    public var oldAddress: String
    public var redelivery: Redelivery
    /// A short notice of the move goes to the old address too (not when it had bounced).
    public var toldOldAddress = false
    public var email: String { participant.email }
}

extension Program {
    /// A coordinator's `--reason`, on one line; nil when none was given or it is blank.
    static func givenReason(_ reason: String?) -> String? {
        reason.map { EnrollmentText.collapse($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
