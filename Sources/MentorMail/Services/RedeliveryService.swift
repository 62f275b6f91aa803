import Foundation
import GRDB
import Mail

/// What became of the mail that did not reach an address (kept while it bounced, or bounced
/// after it left) once its owner has an address that works.
public struct Redelivery: Codable, Sendable {
    public struct Item: Codable, Sendable {
        /// The mail that did not arrive.
        public var outboxID: Int64
        public var kind: String
        public var subject: String
        /// Its fresh copy, when it goes again.
        public var copyID: Int64?
        /// Why it does not go again, when it does not.
        public var why: String?
    }

    public var resent: [Item] = []
    public var retired: [Item] = []

    /// One line per message, for the command's output.
    public var lines: [String] {
        resent.map { "#\($0.outboxID) \($0.kind) \"\($0.subject)\": sent again as #\($0.copyID ?? 0)" }
            + retired.map { "#\($0.outboxID) \($0.kind) \"\($0.subject)\": not sent again (\($0.why ?? "no longer current"))" }
    }
}

/// Mail that did not reach an address, dealt with when the address changes or works again:
/// what still matters (an introduction, a check-in, an event's invitation or schedule) goes as
/// a fresh copy to the working address, with a new Message-ID; the rest (answers to old
/// mail, mail made stale since) is retired. Either way the old message stops waiting.
struct RedeliveryService {
    let work: Work

    /// Kinds still worth having after a delay: they start something or say where things stand.
    static let worthResending: Set<MailKind> = [
        .welcome, .introduction, .unmatchedNote, .checkinSurvey, .checkinReminder, .pairGraduated, .pairEnded, .partnerLeft, .graduationDisagreed, .graduationPending,
        .eventInvitation, .eventCancelled, .eventPromoted, .eventSchedule, .eventNoSeat,
    ]

    /// Mail to `old` that did not arrive, for the person now at `new` (the same address after
    /// clear-bounce); `name` is how they are addressed.
    func redeliver(from old: String, to new: String, name: String, actor: String) throws -> Redelivery {
        var result = Redelivery()
        let rows = try AppDatabase.undelivered(work.db, to: old)
        var latest: [String: Int64] = [:]
        for row in rows { latest["\(row.purpose):\(row.topic)"] = row.id }
        for var row in rows {
            let item = Redelivery.Item(outboxID: row.id ?? 0, kind: row.purpose, subject: row.subject)
            if let why = try staleness(row, latest: latest) {
                try retire(&row, why: why, into: &result, item)
                continue
            }
            // A moved partner's new address is news to the other side of an introduction, asked to
            // write: it goes to both again, saying why.
            let toAll = row.kind == .introduction && old.lowercased() != new.lowercased()
            let others = row.status == .sent && !toAll ? row.recipientList.filter { $0.lowercased() != old.lowercased() }.count : 0
            let fresh = toAll ? try introductionAgain(&row, moved: name, to: new) : try copy(&row, replacing: old, with: new, name: name)
            guard let queued = fresh else {
                try retire(&row, why: "its text could not be read back", into: &result, item)
                continue
            }
            var done = item
            done.copyID = queued.id
            result.resent.append(done)
            try work.audit.record(actor, "outbox-resent-copy", "outbox \(row.id ?? 0) → \(queued.id ?? 0) to \(new)"
                                  + (others > 0 ? " (the other \(others) recipient(s) had it)" : ""))
        }
        return result
    }

    /// Queues a fresh copy of `row` under a new Message-ID, with `new` in place of `old`
    /// wherever the mail named it: to `new` alone when `row` was sent (the others had it), else
    /// to all its recipients. `row` points to the copy and, unless it was sent, stops waiting. Nil when the stored mail cannot be read back.
    func copy(_ row: inout OutboxMessage, replacing old: String, with new: String, name: String?) throws -> OutboxMessage? {
        let message = Message(data: row.raw)
        let moved = MailAddress(address: new, name: name)
        let recipients = row.status == .sent ? [moved]
            : (message.to + message.cc).map { $0.address.lowercased() == old.lowercased() ? moved : $0 }
        guard let copy = OutgoingMessage.copy(
            of: message, subject: row.subject,
            from: MailAddress(address: work.config.program.address, name: work.config.program.name),
            to: recipients, replacing: old, with: new,
            messageID: MessageIDGenerator.make(domain: work.config.program.domain), date: work.now) else { return nil }
        return try replace(&row, by: try work.outbox.queue(copy, kind: row.kind ?? .help, inboundID: row.inboundID, topic: row.topic), at: new)
    }

    /// The pair's introduction composed again for both, now with `name`'s new address, and a
    /// line at the top saying it comes again because that address changed. Nil when the pair is gone.
    private func introductionAgain(_ row: inout OutboxMessage, moved name: String, to new: String) throws -> OutboxMessage? {
        guard let id = row.topic.id, let pair = try PairService(work: work).pair(id) else { return nil }
        let matching = MatchingService(work: work)
        let language = matching.introductionLanguage(mentee: pair.mentee, mentor: pair.mentor)
        var mail = matching.introduction(mentee: pair.mentee, mentor: pair.mentor, why: pair.mentorship.explanation, language: language)
        mail.addressChanged = EnrollmentText.words(name).isEmpty ? new : name
        // The check-in it would promise "in about three months" may have gone already.
        if let sent = try Survey.filter(Column("mentorshipID") == id).order(Column("sentAt")).fetchOne(work.db)?.sentAt {
            mail.checkinSent = MailDate.day(sent)
        }
        let queued = try work.outbox.send(mail, to: [PairService.address(pair.mentee), PairService.address(pair.mentor)], about: row.topic,
                                          inboundID: row.inboundID, language: language)
        return try replace(&row, by: queued, at: new)
    }

    /// `row` points to its fresh copy `queued` and, unless it was sent, stops waiting.
    private func replace(_ row: inout OutboxMessage, by queued: OutboxMessage, at new: String) throws -> OutboxMessage {
        row.replacedBy = queued.id
        if row.status != .sent {
            row.status = .retired
            row.lastError = "retired: sent again to \(new) as #\(queued.id ?? 0)"
        }
        try row.update(work.db)
        return queued
    }

    /// Why `row` is not worth sending again, or nil when it is.
    private func staleness(_ row: OutboxMessage, latest: [String: Int64]) throws -> String? {
        guard let kind = row.kind, Self.worthResending.contains(kind) else {
            return row.kind?.isAnswer == true ? "an answer to mail written from the old address" : "no longer current"
        }
        if latest["\(row.purpose):\(row.topic)"] != row.id { return "a later \(row.purpose) replaces it" }
        switch row.topic.kind {
        case .event:
            guard let id = row.topic.id, let event = try SpeedEvent.fetchOne(work.db, key: id) else { return "its event is gone" }
            if event.endsAt <= work.now { return "the event is over" }
            if event.status == .cancelled && kind != .eventCancelled { return "the event was cancelled" }
        case .mentorship:
            guard let id = row.topic.id, let pair = try Mentorship.fetchOne(work.db, key: id) else { return "the pair is gone" }
            if kind == .introduction, pair.status == .graduated || pair.status == .ended { return "the pair has ended" }
        case .survey:
            guard let id = row.topic.id, let survey = try Survey.fetchOne(work.db, key: id) else { return "the check-in is gone" }
            if survey.completedAt != nil { return "the check-in was answered" }
        default:
            break
        }
        return nil
    }

    private func retire(_ row: inout OutboxMessage, why: String, into result: inout Redelivery, _ item: Redelivery.Item) throws {
        var retired = item
        retired.why = why
        result.retired.append(retired)
        // A bounced one stays as it was sent; the note keeps it from being offered again.
        if row.status == .withheld { row.status = .retired }
        row.lastError = "retired: \(why)"
        try row.update(work.db)
    }
}
