import Foundation
import GRDB
import Mail

/// What a service works with: one open transaction, the moment it happens at, the config,
/// a typed outbox, the audit log and the job queue. Everything a service does through it
/// commits together or not at all.
struct Work {
    let db: Database
    let now: Date
    let config: Config
    let outbox: OutboxWriter
    let audit: AuditLog
    let jobs: JobQueue

    init(db: Database, now: Date, config: Config, templates: TemplateLibrary) {
        self.db = db
        self.now = now
        self.config = config
        outbox = OutboxWriter(db: db, now: now, config: config, templates: templates)
        audit = AuditLog(db: db, now: now)
        jobs = JobQueue(db: db, now: now)
    }

    /// A day in words for the coordinators (notes, messages of the command line), in English:
    /// "January 15, 2027". Mail carries its days as ``MailDate``, worded when rendered.
    static func day(_ date: Date) -> String { MailDate.day(date).words(language: nil) }

    /// The templates' language for a reader of `code` ("pt" may get "pt-br"), else nil (English):
    /// a mail's labels are worded in the language its templates are in (its dates, when rendered,
    /// in the language of the template used).
    func supported(_ code: String?) -> String? {
        outbox.templates.language(for: code)
    }

    /// The language a participant's mail goes out in (`Participant.mailLanguage`).
    func mailLanguage(for participant: Participant) -> String? {
        supported(participant.mailLanguage)
    }

    /// When the next round opens, from the calendar in the config; nil when it has no date.
    func nextRoundDay() -> MailDate? {
        let days = config.enrollment.roundOpens.compactMap(MonthDay.init)
        return MonthDay.next(after: now, among: days).map(MailDate.day)
    }
}

/// Queues typed mail in the transaction: rendered from its templates, with its final bytes
/// and Message-ID, and what it is about.
struct OutboxWriter {
    let db: Database
    let now: Date
    let config: Config
    let templates: TemplateLibrary

    /// Queues the answer to `message`: threaded under it and marked auto-replied. `unreadExport`
    /// names a form export the message carried and that was not read (templates: `unreadExport`);
    /// `calendar`, an event's calendar to carry along; `keptAs`, a key its values are kept under
    /// so that a later message of the same run can word it again (`rewordable`, `reword`).
    @discardableResult
    func answer<M: MailContent>(_ mail: M, to recipient: MailAddress, replyingTo message: Message, inboundID: Int64?,
                                about topic: Topic = .none, language: String? = nil, unreadExport: String? = nil,
                                calendar: CalendarPart? = nil, keptAs key: String? = nil) throws -> OutboxMessage {
        var references = message.references
        if let id = message.messageID, !references.contains(id) { references.append(id) }
        let kept = key.map { Kept(key: $0, mail: mail, address: recipient.address, name: recipient.name, replySubject: Self.replySubject(message.subject),
                                  inReplyTo: message.messageID, references: references, language: language, unreadExport: unreadExport) }
        return try queue(mail, to: [recipient], replySubject: Self.replySubject(message.subject),
                         inReplyTo: message.messageID, references: references, inboundID: inboundID, topic: topic, language: language,
                         calendar: calendar, unreadExport: unreadExport, kept: kept)
    }

    /// What an answer kept for wording again was made of: its values, recipient, thread and language.
    struct Kept<M: MailContent>: Codable {
        var key: String
        var mail: M
        var address: String
        var name: String?
        var replySubject: String
        var inReplyTo: String?
        var references: [String]
        var language: String?
        var unreadExport: String?
    }

    private struct KeptKey: Decodable { var key: String }

    /// The answers of this run of the kind `M` kept under `key` that are still queued, with what
    /// they were made of.
    func rewordable<M: MailContent>(_ type: M.Type, key: String) throws -> [(row: OutboxMessage, kept: Kept<M>)] {
        let rows = try OutboxMessage.filter(OutboxMessage.Columns.purpose == M.kind.rawValue && OutboxMessage.Columns.status == OutboxMessage.Status.queued.rawValue
                                            && Column("createdAt") == now && Column("content") != nil)
            .order(Column("id")).fetchAll(db)
        let decoder = JSONDecoder()
        return try rows.compactMap { row in
            guard let data = row.content.map({ Data($0.utf8) }), try decoder.decode(KeptKey.self, from: data).key == key else { return nil }
            return (row, try decoder.decode(Kept<M>.self, from: data))
        }
    }

    /// Retires `row`, an answer of this run still queued, and queues `mail` in its place: the
    /// same recipient, thread and language, with `calendar`; kept again under the same key.
    /// `why` is said on the retired row.
    @discardableResult
    func reword<M: MailContent>(_ row: OutboxMessage, _ kept: Kept<M>, as mail: M, calendar: CalendarPart?, why: String) throws -> OutboxMessage {
        var kept = kept
        kept.mail = mail
        let fresh = try queue(mail, to: [MailAddress(address: kept.address, name: kept.name)], replySubject: kept.replySubject, inReplyTo: kept.inReplyTo,
                              references: kept.references, inboundID: row.inboundID, topic: row.topic, language: kept.language, calendar: calendar,
                              unreadExport: kept.unreadExport, kept: kept)
        var old = row
        old.status = .retired
        old.lastError = "not sent: worded again in the same run (outbox \(fresh.id ?? 0)): \(why)"
        old.replacedBy = fresh.id
        old.content = nil
        try old.update(db)
        return fresh
    }

    /// Queues mail that starts its own thread (an introduction, a review, a digest): auto-generated.
    /// `subject`: for a kind of mail that is usually an answer, the subject it answers under.
    @discardableResult
    func send<M: MailContent>(_ mail: M, to recipients: [MailAddress], about topic: Topic = .none,
                              inboundID: Int64? = nil, language: String? = nil, calendar: CalendarPart? = nil,
                              subject: String? = nil) throws -> OutboxMessage {
        try queue(mail, to: recipients, replySubject: subject, inReplyTo: nil, references: [], inboundID: inboundID, topic: topic,
                  language: language, calendar: calendar)
    }

    /// `language`: the code of the templates to use when there is a translation ("es").
    private func queue<M: MailContent>(_ mail: M, to recipients: [MailAddress], replySubject: String?, inReplyTo: String?,
                                       references: [String], inboundID: Int64?, topic: Topic, language: String?,
                                       calendar: CalendarPart? = nil, unreadExport: String? = nil, kept: Kept<M>? = nil) throws -> OutboxMessage {
        var values = mail.templateValues(program: ProgramInfo(config.program), replySubject: M.kind.isAnswer ? (replySubject ?? "") : nil)
        if M.kind.isAnswer, let unreadExport { values["unreadExport"] = unreadExport }
        let rendered = try templates.render(M.kind.template, values, language: language)
        let outgoing = OutgoingMessage(
            from: MailAddress(address: config.program.address, name: config.program.name),
            to: recipients,
            subject: rendered.subject.isEmpty ? config.program.name : Self.withoutRepeatedCode(rendered.subject),
            text: rendered.text,
            html: rendered.html,
            messageID: MessageIDGenerator.make(domain: config.program.domain),
            date: now,
            inReplyTo: inReplyTo,
            references: references,
            autoSubmitted: inReplyTo == nil ? .autoGenerated : .autoReplied,
            calendar: calendar
        )
        return try queue(outgoing, kind: M.kind, inboundID: inboundID, topic: topic,
                         content: try kept.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) })
    }

    /// Queues a message already composed (a fresh copy of one that did not arrive); kept as
    /// withheld like any other when a recipient's address bounced.
    @discardableResult
    func queue(_ outgoing: OutgoingMessage, kind: MailKind, inboundID: Int64?, topic: Topic, content: String? = nil) throws -> OutboxMessage {
        var row = OutboxMessage(
            messageID: outgoing.messageID, purpose: kind.rawValue, sender: config.program.address,
            recipients: outgoing.recipients.joined(separator: ","), subject: outgoing.subject,
            raw: Data(outgoing.render()), inboundID: inboundID, status: .queued, attempts: 0,
            nextAttemptAt: now, lastError: nil, createdAt: now, sentAt: nil,
            topicKind: topic.kind?.rawValue, topicID: topic.id, content: content)
        let bounced = try bounce(among: outgoing.recipients)
        // Someone who asked to stop our mail gets only our answers while their "yes" is awaited.
        let leaving = bounced == nil && !kind.isAnswer ? try leaveAsked(among: outgoing.recipients) : nil
        if let bounced {
            row.status = .withheld
            row.lastError = Self.bouncedWords(bounced)
        } else if let leaving {
            row.status = .withheld
            row.lastError = "not sent: \(leaving.email) " + Self.keptWhileLeaving(leaving.token) + "; " + Self.untilTheyAnswer
        }
        try row.insert(db)
        // The coordinators hear of each kept message once, in their next digest.
        if let bounced {
            try noticeKept(row, bounced: bounced, key: "withheld:\(row.id ?? 0)")
        } else if let leaving {
            try notice(.keptWhileLeaving, "\(row.purpose) to \(row.recipients) (outbox \(row.id ?? 0)) kept while \(leaving.email) is asked whether "
                       + "they leave (code \(leaving.token)): " + Self.untilTheyAnswer + "; nothing to do", key: "withheld:\(row.id ?? 0)")
        }
        return row
    }

    /// Why mail to an address that bounced for good is kept, as its `lastError` says it.
    private static func bouncedWords(_ bounced: AddressBounce) -> String {
        "not sent: \(bounced.email) bounced for good on \(bounced.bouncedAt.formatted(.iso8601)) "
            + "(\(bounced.purpose)\(bounced.outboxID.map { ", outbox \($0)" } ?? ""): \(bounced.words))"
    }

    /// The digest line for `row`, kept because `bounced`'s address bounced for good, with the way out.
    private func noticeKept(_ row: OutboxMessage, bounced: AddressBounce, key: String) throws {
        try notice(.withheld, "\(row.purpose) to \(row.recipients) (outbox \(row.id ?? 0)) kept, \(row.lastError ?? ""); "
                   + "if that address works again: mentormail participants clear-bounce \(bounced.email), then mentormail outbox resend \(row.id ?? 0)",
                   key: key)
    }

    /// What becomes of mail kept while its recipient is asked whether they leave.
    static let untilTheyAnswer = "kept until they answer: it goes by itself after a \"no\", and is not sent after a \"yes\""

    /// A line for the coordinators' next digest.
    private func notice(_ kind: DigestNotice.Kind, _ detail: String, key: String) throws {
        var notice = DigestNotice(createdAt: now, kind: kind, mentorshipID: nil, detail: detail)
        try notice.insert(db)
        try HeldMailService.scheduleDigest(JobQueue(db: db, now: now), config: config, key: key)
    }

    /// The words of a message kept because its recipient's request to leave (`token`) waits.
    static func keptWhileLeaving(_ token: String) -> String { keptWhileLeavingWords + " (code \(token))" }

    /// The words every message kept while a request to leave waits carries in its `lastError`.
    static let keptWhileLeavingWords = "asked to leave and has not confirmed it yet"

    /// Mail kept back while the request to leave `token` waited for its "yes", now that none
    /// comes (a "no", the request taken back, its code expired): queued to go with this run.
    /// One whose address bounced meanwhile stays kept, now for the bounce, as mail queued to
    /// that address is. The coordinators' digest no longer names it as kept while they are
    /// asked; told so already, they read that it went after all. Returns the rows released.
    func releaseKeptWhileLeaving(_ token: String) throws -> [OutboxMessage] {
        let kept = try rowsKeptWhileLeaving(token)
        var released: [OutboxMessage] = []
        for var row in kept {
            if let bounced = try bounce(among: row.recipientList) {
                row.lastError = Self.bouncedWords(bounced)
                try row.update(db)
                try keptNotices(of: row).filter(Column("digestedAt") == nil).deleteAll(db)
                try noticeKept(row, bounced: bounced, key: "bounced-while-kept:\(row.id ?? 0)")
                continue
            }
            row.status = .queued
            row.nextAttemptAt = now
            row.lastError = nil
            try row.update(db)
            released.append(row)
            let told = keptNotices(of: row)
            if try told.filter(Column("digestedAt") != nil).fetchCount(db) > 0 {
                try notice(.keptWhileLeaving, "\(row.purpose) to \(row.recipients) (outbox \(row.id ?? 0)), kept while their request to "
                           + "leave waited, goes after all: they did not confirm it (code \(token)); nothing to resend", key: "released:\(row.id ?? 0)")
            }
            try told.filter(Column("digestedAt") == nil).deleteAll(db)
        }
        return released
    }

    /// Mail kept back while the request to leave `token` waited, now that it is confirmed: never
    /// sent (retired, saying why), and no longer named in the coordinators' next digest.
    func retireKeptWhileLeaving(_ token: String) throws {
        for var row in try rowsKeptWhileLeaving(token) {
            row.status = .retired
            row.lastError = "not sent: its recipient confirmed leaving (code \(token))"
            try row.update(db)
            try keptNotices(of: row).filter(Column("digestedAt") == nil).deleteAll(db)
        }
    }

    /// The digest lines that name `row` as kept (as withheld, in the words of earlier releases).
    private func keptNotices(of row: OutboxMessage) -> QueryInterfaceRequest<DigestNotice> {
        DigestNotice.filter([DigestNotice.Kind.withheld, .keptWhileLeaving].map(\.rawValue).contains(Column("kind"))
                            && Column("detail").like("%(outbox \(row.id ?? 0)) kept%"))
    }

    /// The mail kept back while the request to leave `token` waits for its "yes", oldest first.
    private func rowsKeptWhileLeaving(_ token: String) throws -> [OutboxMessage] {
        try OutboxMessage.filter(OutboxMessage.Columns.status == OutboxMessage.Status.withheld.rawValue
                                 && Column("lastError").like("%" + Self.keptWhileLeaving(token) + "%"))
            .order(Column("id")).fetchAll(db)
    }

    /// The open request to leave ("withdraw", waiting for its "yes") of one of `recipients`, if any.
    private func leaveAsked(among recipients: [String]) throws -> PendingToken? {
        for address in recipients where !config.program.coordinators.contains(where: { $0.caseInsensitiveCompare(address) == .orderedSame }) {
            if let open = try PendingToken.openCommandConfirmations(db, email: address.lowercased(), now: now)
                .first(where: { $0.payload == ParticipantCommand.withdraw.name }) { return open }
        }
        return nil
    }

    /// The bounce mark on one of `recipients`, if any. The coordinators' own addresses are
    /// never held back: their digest is where bounces are told.
    private func bounce(among recipients: [String]) throws -> AddressBounce? {
        for address in recipients where !config.program.coordinators.contains(where: { $0.caseInsensitiveCompare(address) == .orderedSame }) {
            if let mark = try AppDatabase.bounce(db, email: address) { return mark }
        }
        return nil
    }

    /// The subject with its code once: a code our mail adds after the subject it answers, when
    /// that subject already carried it ("Re: pause [MM-AB12-CD34] [MM-AB12-CD34]"), keeps only
    /// its last place, where a reply's code is read.
    static func withoutRepeatedCode(_ subject: String) -> String {
        guard let code = ConfirmationToken.inSubject(subject),
              let last = subject.range(of: "[\(code)]", options: [.caseInsensitive, .backwards]) else { return subject }
        let head = subject[..<last.lowerBound].replacingOccurrences(of: "[\(code)] ", with: "", options: .caseInsensitive)
        return head + subject[last.lowerBound...]
    }

    /// "Re: subject" with one "Re: ", whatever reply prefixes the subject had ("Re: AW: Re: x"
    /// gives "Re: x"); empty when the message had no subject (the mail then goes out under the
    /// program's name).
    static func replySubject(_ subject: String?) -> String {
        guard let subject = subject?.trimmingCharacters(in: .whitespaces), !subject.isEmpty else { return "" }
        var rest = Substring(subject)
        while let after = afterReplyPrefix(rest) { rest = after }
        return rest.isEmpty ? "Re:" : "Re: \(rest)"
    }

    /// Reply prefixes in the languages of common mail clients ("Re", "AW", "SV", "RV", "Antw", …);
    /// forwarding ones ("Fwd", "WG", "TR") are part of the subject being answered.
    private static let replyPrefixes: Set<String> = ["re", "aw", "sv", "rv", "res", "antw", "odp", "vs", "r"]

    /// The subject after one leading reply prefix ("Re:", "RE :", "Re[2]:", "AW:") and the
    /// spaces after it; nil when it does not start with one.
    private static func afterReplyPrefix(_ subject: Substring) -> Substring? {
        let word = subject.prefix { $0.isLetter }
        guard !word.isEmpty, replyPrefixes.contains(word.lowercased()) else { return nil }
        var rest = subject[word.endIndex...]
        // A count some clients add: "Re[2]:", "Re(2):", "Re^2:".
        if let first = rest.first, "[(^".contains(first) {
            let count = rest.dropFirst().prefix { $0.isNumber }
            guard !count.isEmpty else { return nil }
            rest = rest[count.endIndex...]
            if first != "^" {
                guard let close = rest.first, close == "]" || close == ")" else { return nil }
                rest = rest.dropFirst()
            }
        }
        rest = rest.drop { $0 == " " }
        guard let colon = rest.first, colon == ":" || colon == "\u{FF1A}" else { return nil }
        return rest.dropFirst().drop { $0.isWhitespace }
    }
}

/// Who did what, when: every state change leaves a line.
struct AuditLog {
    let db: Database
    let now: Date

    func record(_ actor: String, _ action: String, _ detail: String) throws {
        var entry = AuditEntry(at: now, actor: actor, action: action, detail: detail)
        try entry.insert(db)
    }
}

/// Schedules jobs in the transaction; a key scheduled before is kept as it is.
struct JobQueue {
    let db: Database
    let now: Date

    /// Schedules `kind` at `dueAt` under `key`; returns false when the key already exists.
    @discardableResult
    func schedule(_ kind: ScheduledJob.Kind, subjectID: Int64? = nil, at dueAt: Date, key: String) throws -> Bool {
        let existing = try db.cachedStatement(sql: "SELECT COUNT(*) FROM scheduledJob WHERE uniqueKey = ?")
        if try Int.fetchOne(existing, arguments: [key]) ?? 0 > 0 { return false }
        var job = ScheduledJob(kind: kind, subjectID: subjectID, dueAt: dueAt, uniqueKey: key, createdAt: now)
        try job.insert(db)
        return true
    }

    /// Marks the pending jobs of these kinds about `subjectID` done without running them: their
    /// subject no longer needs them (a pair that ended, a cancelled event).
    func retire(_ kinds: [ScheduledJob.Kind], subjectID: Int64) throws {
        try ScheduledJob.filter(kinds.map(\.rawValue).contains(ScheduledJob.Columns.kind)
                                && Column("subjectID") == subjectID
                                && ScheduledJob.Columns.status == ScheduledJob.Status.pending.rawValue)
            .updateAll(db, ScheduledJob.Columns.status.set(to: ScheduledJob.Status.done.rawValue), Column("doneAt").set(to: now))
    }

    /// Whether a job of `kind` is waiting to run.
    func hasPending(_ kind: ScheduledJob.Kind) throws -> Bool {
        try ScheduledJob.filter(ScheduledJob.Columns.kind == kind.rawValue
                                && ScheduledJob.Columns.status == ScheduledJob.Status.pending.rawValue).fetchCount(db) > 0
    }
}
