import Foundation
import GRDB
import Mail
import MailTransport

/// Mail a person must read: held, failed, or waiting for a confirmation code. It is listed
/// (`mentormail held`), released or retried, and reaches the coordinators in a digest.
struct HeldMailService {
    let work: Work

    /// Holds a message for a coordinator; with `acknowledge`, tells the sender they have it.
    /// `forSomeoneElse`: the message answers or passes on mail meant for another person,
    /// which the notice says (also found from the message itself). `namesContext`: the reason
    /// names the mail of ours it answers, which the digest then does not say again.
    func hold(_ inbound: Inbound, reason: String, acknowledge: Bool, forSomeoneElse: Bool = false, namesContext: Bool = false) throws -> Outcome {
        if acknowledge {
            let context = inbound.context
            let name = context.participant?.profile.name ?? inbound.sender.name ?? ""
            var mail = HeldNoticeMail(person: PersonName(name))
            if forSomeoneElse || inbound.reading.forwardsForSomeoneElse || context.answersSomeoneElsesMail(from: inbound.sender)
                || context.answersAnotherGuestsMail(from: inbound.sender) {
                mail.forSomeoneElse = true
                if context.answering?.topic.kind == .event { mail.invitation = true }
            }
            if let person = context.participant, context.isParticipant {
                mail.status = ProfileWording(language: try inbound.language(in: work)).status(person.status)
                mail.stand(person.status)
            } else {
                mail.notParticipant = true
            }
            if reason.hasPrefix(CheckinService.answersNotRecorded) { mail.checkinNotRecorded = true }
            try inbound.answer(mail, in: work)
        }
        try scheduleDigest(for: inbound.recordID)
        try work.audit.record(inbound.sender.normalized, "held", reason)
        return Outcome(.held, reason, namesContext: namesContext)
    }

    /// A reply to our notice that a profile moved away from the sender's address ("that was not
    /// me"): held, and the sender is told the coordinators look into the move and write back (not
    /// how to join, which would make a second profile). The digest names the person, both
    /// addresses and the command that moves the profile back.
    func holdReplyToAddressNotice(_ inbound: Inbound, about topic: Topic, reason: String) throws -> Outcome {
        var mail = HeldNoticeMail(person: PersonName(inbound.context.participant?.profile.name ?? inbound.sender.name ?? ""))
        mail.addressMove = true
        var reason = reason
        let old = inbound.sender.normalized
        if topic.kind == .participant, let id = topic.id, let person = try Participant.fetchOne(work.db, key: id) {
            if mail.person.name.isEmpty { mail.person = PersonName(person.profile.name) }
            let move = try AddressMove.filter(Column("participantID") == id && Column("oldEmail") == old)
                .order(Column("id").desc).fetchOne(work.db)
            let name = person.profile.name.isEmpty ? person.email : person.profile.name
            reason = "a reply from \(old) to our notice that the profile of \(name) moved from \(move?.oldEmail ?? old) to "
                + "\(move?.newEmail ?? person.email)"
            if person.status == .erased {
                reason += " (since erased)"
            } else {
                if person.email != move?.newEmail { reason += " (now at \(person.email))" }
                if person.email != old {
                    reason += "; to move it back: `mentormail participants change-address \(person.email) \(old)`"
                }
            }
        }
        try inbound.answer(mail, in: work)
        try scheduleDigest(for: inbound.recordID)
        try work.audit.record(old, "held", reason)
        return Outcome(.held, reason, namesContext: true)
    }

    /// Makes sure a digest goes out with the next run's jobs (one waiting digest at a time
    /// covers everything held until it runs).
    func scheduleDigest(for recordID: Int64) throws {
        try scheduleDigest(key: "inbound:\(recordID)")
    }

    func scheduleDigest(key: String) throws {
        try Self.scheduleDigest(work.jobs, config: work.config, key: key)
    }

    static func scheduleDigest(_ jobs: JobQueue, config: Config, key: String) throws {
        guard !config.program.coordinators.isEmpty, try !jobs.hasPending(.heldDigest) else { return }
        try jobs.schedule(.heldDigest, at: jobs.now, key: "held-digest:\(key)")
    }

    /// The digest job: every held or failed message and every pair with news not yet in a
    /// digest, to the coordinators. Sends nothing when nothing new waits.
    func sendDigest() throws {
        let new = try AppDatabase.undigestedAttention(work.db)
        let notices = try AppDatabase.undigestedNotices(work.db)
        guard !new.isEmpty || !notices.isEmpty else { return }
        let undelivered = notices.filter { $0.kind == .sendFailed || $0.kind == .withheld }.map(\.detail)
        let keptWhileLeaving = notices.filter { $0.kind == .keptWhileLeaving }.map(\.detail)
        let deferred = notices.filter { $0.kind == .bounceTemporary }.map(\.detail)
        let refused = notices.filter { $0.kind == .bounceRefused }.map(\.detail)
        let events = notices.filter { $0.kind == .eventNews }.map(\.detail)
        let open = try AppDatabase.attentionCount(work.db)
        let besides = try AppDatabase.waitingBesidesNew(work.db)
        let coordinators = work.config.program.coordinators.map { MailAddress(address: $0) }
        guard !coordinators.isEmpty else { return }
        // One message's bytes at a time: a digest of many large messages stays small.
        let items = try new.map { record in
            HeldDigestMail.Item(
                id: Int(record.id ?? 0), received: record.receivedAt.formatted(.iso8601),
                sender: record.sender ?? "(no sender)", subject: record.subject ?? "(no subject)",
                disposition: record.disposition.rawValue, failed: record.disposition == .failed,
                reason: record.note ?? record.reason ?? "",
                context: record.noteNamesContext ? nil : try describe(record.context),
                excerpt: Self.excerpt(of: try AppDatabase.message(work.db, inboundID: record.id)))
        }
        let pairs = try pairItems(notices.filter { ![.sendFailed, .withheld, .keptWhileLeaving, .bounceTemporary, .bounceRefused, .eventNews].contains($0.kind) })
        try work.outbox.send(HeldDigestMail(items: items, hasHeld: !items.isEmpty, pairs: pairs, pairCount: pairs.count,
                                            hasPairs: !pairs.isEmpty, undelivered: undelivered, hasUndelivered: !undelivered.isEmpty,
                                            keptWhileLeaving: keptWhileLeaving, hasKeptWhileLeaving: !keptWhileLeaving.isEmpty,
                                            deferred: deferred, hasDeferred: !deferred.isEmpty, refused: refused, hasRefused: !refused.isEmpty,
                                            hasDeliveryNews: !(undelivered.isEmpty && deferred.isEmpty && refused.isEmpty),
                                            events: events, hasEvents: !events.isEmpty,
                                            newCount: items.count, openCount: open,
                                            newRepeatCount: besides.newRepeats, hasNewRepeats: besides.newRepeats > 0,
                                            olderCount: besides.listed, hasOlder: besides.listed + besides.repeats > 0,
                                            olderRepeatCount: besides.repeats, hasOlderRepeats: besides.repeats > 0,
                                            quietCount: besides.quiet, hasQuiet: besides.quiet > 0,
                                            eventsOnly: notices.allSatisfy { $0.kind == .eventNews } && items.isEmpty
                                                && besides.listed + besides.repeats + besides.quiet == 0 ? true : nil),
                             to: coordinators)
        try AppDatabase.markDigested(work.db, ids: new.compactMap(\.id) + besides.newFolded, at: work.now)
        try AppDatabase.markNoticesDigested(work.db, ids: notices.compactMap(\.id), at: work.now)
        try work.audit.record("scheduler", "digest", "\(items.count) held, \(pairs.count) pairs; \(open) waiting")
    }

    /// The mail a held message answers, naming what it was about as a coordinator knows it
    /// (people by name and address, a pair by its names) rather than by number.
    private func describe(_ context: MailReference?) throws -> String? {
        guard var context else { return nil }
        context.about = try AppDatabase.topicWords(work.db, context.topic)
        return context.description
    }

    /// One entry per pair with news: what happened, both sides' answers and notes, and what a
    /// coordinator might do.
    private func pairItems(_ notices: [DigestNotice]) throws -> [HeldDigestMail.PairItem] {
        let service = PairService(work: work)
        var order: [Int64] = []
        var byPair: [Int64: [DigestNotice]] = [:]
        for notice in notices {
            guard let id = notice.mentorshipID else { continue }
            if byPair[id] == nil { order.append(id) }
            byPair[id, default: []].append(notice)
        }
        return try order.compactMap { id -> HeldDigestMail.PairItem? in
            guard let pair = try service.pair(id), let news = byPair[id] else { return nil }
            let surveys = try CheckinService(work: work).surveys(of: id)
            func name(_ side: Survey.Side) -> String { side == .mentee ? pair.mentee.profile.name : pair.mentor.profile.name }
            let answers = surveys.compactMap { survey -> String? in
                let described = CheckinService.describe(survey.answers)
                return described.isEmpty ? nil : "\(name(survey.side)) (\(survey.side.rawValue)): \(described)"
            }
            // A note is shown in the digest after it was left; later ones only count it.
            let noted = surveys.filter { $0.note != nil }
            let fresh = noted.filter { survey in news.contains { $0.surveyID == survey.id && $0.detail.contains(CheckinService.leftANote) } }
            let notes = fresh.compactMap { survey in survey.note.map { "\(name(survey.side)): \($0)" } }
            let all = surveys.map(\.answers)
            var item = HeldDigestMail.PairItem(
                id: Int(id), mentee: AppDatabase.personWords(pair.mentee), mentor: AppDatabase.personWords(pair.mentor),
                status: pair.mentorship.status.rawValue, what: news.map(\.detail), answers: answers, note: notes, hasNote: !notes.isEmpty,
                olderNoteCount: noted.count - fresh.count, hasOlderNotes: noted.count > fresh.count)
            if all.contains(where: { $0.next == .newMatch || $0.fit == .notGood }) {
                item.suggestRematch = true
            } else if news.contains(where: { $0.kind == .checkinAlert }) && (all.contains(where: { ($0.rating ?? 5) <= 2 || $0.meeting == .no })
                        || pair.mentorship.isOngoing && all.contains(where: { $0.next == .graduate }) && all.contains(where: { $0.next == .continue })) {
                item.suggestTalk = true
            } else if news.contains(where: { $0.kind == .noAnswer && $0.detail.contains(CheckinService.mayBeTheirAnswer) }) {
                item.suggestReadHeld = true
            } else if news.contains(where: { $0.kind == .noAnswer }) {
                item.suggestNudge = true
            } else if !notes.isEmpty {
                item.suggestRead = true
            } else {
                item.suggestNothing = true
            }
            return item
        }
    }

    /// An outgoing message that could not be delivered, for the next digest.
    func noteUndelivered(_ row: OutboxMessage, error: String) throws {
        var notice = DigestNotice(createdAt: work.now, kind: .sendFailed, mentorshipID: nil,
                                  detail: "\(row.purpose) to \(row.recipients) (outbox \(row.id ?? 0), \(row.attempts + 1) attempt(s)): \(error)")
        try notice.insert(work.db)
        try scheduleDigest(key: "undelivered:\(row.id ?? 0)")
    }

    /// A bounce for one of our messages: never answered; the coordinators read in the digest
    /// who could not be reached, with which mail and the server's words.
    func noteBounce(_ report: DeliveryReport, _ inbound: Inbound) throws -> Outcome {
        guard let row = try OutboxMessage.filter(report.originalMessageIDs.contains(OutboxMessage.Columns.messageID)).fetchOne(work.db) else {
            return Outcome(.ignored, "a delivery failure report about mail we do not have (\(report.originalMessageIDs.joined(separator: ", ")))")
        }
        if !report.recipients.isEmpty && report.failedAddresses.isEmpty {
            return Outcome(.ignored, "a delivery report for outbox \(row.id ?? 0) that is no failure (a delay, or delivered)")
        }
        // Each failed address, read as the address not working, passing trouble, or a refusal
        // of the message itself (the address works).
        var failures: [(address: String, kind: OutboxBounce.Kind, words: String)] = report.recipients.isEmpty
            ? row.recipientList.map { ($0.lowercased(), .address, "the receiving server could not deliver it") }
            : report.recipients.filter(\.failed).map { recipient in
                let words = [recipient.status, recipient.diagnostic].compactMap { $0 }.joined(separator: " ")
                return (recipient.address, recipient.temporary ? .temporary : recipient.refusedForContent ? .content : .address,
                        words.isEmpty ? "the receiving server could not deliver it" : words)
            }
        // A report may name an address the mail never went to (a forwarding address, or a forged
        // report): the mail is named by its real recipient, and the report's address is said.
        let recipients = row.recipientList.map { $0.lowercased() }
        let foreign = failures.filter { !recipients.contains($0.address) }
        var extra: [String] = []
        if !foreign.isEmpty {
            failures.removeAll { !recipients.contains($0.address) }
            let named = "the report named \(foreign.map(\.address).joined(separator: ", ")), to which this mail did not go"
                + " (a forwarding address, or a forged report)"
            if recipients.count == 1, let only = recipients.first {
                for failure in foreign where !failures.contains(where: { $0.kind == failure.kind }) {
                    failures.append((only, failure.kind, failure.words + "; " + named))
                }
            } else {
                let detail = "\(row.purpose) (outbox \(row.id ?? 0), to \(recipients.joined(separator: ", "))): \(named); no address is marked"
                var notice = DigestNotice(createdAt: work.now, kind: .sendFailed, mentorshipID: nil, detail: detail)
                try notice.insert(work.db)
                extra.append(detail)
            }
        }
        let details = try record(failures, of: row, marking: try bouncedForGood(report, row), bounced: "bounced") + extra
        let detail = details.joined(separator: "; ")
        try scheduleDigest(key: "bounce:\(inbound.recordID)")
        try work.audit.record(inbound.sender.normalized, "bounce", detail)
        return Outcome(.ignored, detail)
    }

    /// Recipients our own SMTP server refused at `RCPT TO` (`delivered`: the others took the
    /// message): read as a bounce report would be. An unknown address is marked, so later mail
    /// to it is kept; passing trouble and a refusal of the content mark nothing. The
    /// coordinators read it in the digest.
    func noteRefused(_ row: OutboxMessage, _ refusals: [RecipientRefusal], delivered: Bool) throws {
        let recipients = row.recipientList.map { $0.lowercased() }
        let failures: [(address: String, kind: OutboxBounce.Kind, words: String)] = refusals
            .filter { recipients.contains($0.address.lowercased()) }
            .map { refusal in
                let words = refusal.words
                let status = words.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                let content = DeliveryReport.Recipient.refusesContent(status: status, words: words)
                return (refusal.address.lowercased(), refusal.isTemporary ? .temporary : content ? .content : .address, words)
            }
        guard !failures.isEmpty else { return }
        // Passing trouble for some while the others took it: a copy to each of them alone is
        // retried with back-off like any message (the coordinators hear if it is parked).
        var noted = failures
        if delivered, let id = row.id, var stored = try OutboxMessage.fetchOne(work.db, key: id) {
            for failure in failures where failure.kind == .temporary {
                let name = try AppDatabase.findParticipant(work.db, email: failure.address)?.profile.name
                guard var copy = try RedeliveryService(work: work).copy(&stored, replacing: failure.address, with: failure.address, name: name),
                      copy.status == .queued else { continue }
                copy.attempts = 1
                copy.lastError = failure.words
                copy.nextAttemptAt = work.now.addingTimeInterval(60)
                try copy.update(work.db)
                noted.removeAll { $0.address == failure.address }
                try work.audit.record(failure.address, "refused", "\(row.purpose) (outbox \(id)): \(failure.words); retried alone as #\(copy.id ?? 0)")
            }
        }
        guard !noted.isEmpty else { return }
        let marked = try noted.filter { $0.kind == .address }
            .compactMap { try AppDatabase.findParticipant(work.db, email: $0.address) }.filter { $0.status != .erased }
        var also = ""
        if delivered {
            let others = recipients.filter { address in !failures.contains { $0.address == address } }
            also = "; it went to \(others.joined(separator: ", "))"
        }
        let details = try record(noted, of: row, marking: marked, bounced: "was refused by our mail server", also: also)
        try scheduleDigest(key: "refused:\(row.id ?? 0):\(row.attempts)")
        for failure in noted {
            try work.audit.record(failure.address, "refused", details.joined(separator: "; "))
        }
    }

    /// Records each failed address of `row` (an `OutboxBounce`), marks the address of each of
    /// `marking` whose address does not work, keeps what still waits to go there, and adds one
    /// digest notice per kind of failure. Returns the notices' words.
    private func record(_ failures: [(address: String, kind: OutboxBounce.Kind, words: String)], of row: OutboxMessage,
                        marking: [Participant], bounced: String, also: String = "") throws -> [String] {
        for failure in failures {
            var bounce = OutboxBounce(outboxID: row.id ?? 0, email: failure.address, at: work.now, kind: failure.kind, words: failure.words)
            try bounce.insert(work.db)
        }
        let about = row.topic.kind == .mentorship ? " (pair \(row.topicID ?? 0))" : ""
        var details: [String] = []
        for kind in [OutboxBounce.Kind.address, .temporary, .content] {
            let these = failures.filter { $0.kind == kind }
            guard !these.isEmpty else { continue }
            let to = "\(row.purpose)\(about) to \(these.map(\.address).joined(separator: ", ")) (outbox \(row.id ?? 0))"
            let words = these.map(\.words).joined(separator: "; ")
            var detail: String
            let noticeKind: DigestNotice.Kind
            switch kind {
            case .address:
                detail = "\(to) \(bounced): \(words)"
                for person in marking
                where try AppDatabase.markBounced(work.db, participant: person, row: row, words: words, at: work.now) {
                    detail += "; later mail to \(person.email) is kept, not sent, until `mentormail participants change-address \(person.email) NEW`"
                    // What was already waiting to go there is kept too.
                    let reason = "not sent: \(person.email) bounced for good on \(work.now.formatted(.iso8601)) (\(row.purpose), outbox \(row.id ?? 0)): \(words)"
                    let kept = try AppDatabase.withholdWaiting(work.db, to: person.email, because: reason, except: row.id)
                    if !kept.isEmpty {
                        detail += "; \(kept.count) message(s) still waiting to go there are kept too (outbox "
                            + kept.map { String($0.id ?? 0) }.joined(separator: ", ") + ")"
                    }
                }
                noticeKind = .sendFailed
            case .temporary:
                detail = "\(to) could not be delivered for now: \(words); the address is not marked"
                noticeKind = .bounceTemporary
            case .content:
                detail = "\(to) was refused for its content: \(words); the address is not marked"
                noticeKind = .bounceRefused
            }
            detail += also
            var notice = DigestNotice(createdAt: work.now, kind: noticeKind, mentorshipID: nil, detail: detail)
            try notice.insert(work.db)
            details.append(detail)
        }
        return details
    }

    /// The participants whose address failed for good in `report` (a 5.x.x status, or a
    /// failure without a status). A delay, or a failure after passing trouble (4.x.x), marks
    /// no one. A report that names no address counts only for mail with one recipient.
    private func bouncedForGood(_ report: DeliveryReport, _ row: OutboxMessage) throws -> [Participant] {
        let recipients = row.recipientList.map { $0.lowercased() }
        let named = report.recipients.isEmpty ? (recipients.count == 1 ? recipients : []) : report.permanentAddresses
        var addresses = named.filter { recipients.contains($0) }
        // A forwarding address fails under another name: mail with one recipient is still theirs.
        if addresses.isEmpty, !named.isEmpty, recipients.count == 1 { addresses = recipients }
        return try addresses.compactMap { try AppDatabase.findParticipant(work.db, email: $0) }.filter { $0.status != .erased }
    }

    /// How many characters of a line an excerpt keeps.
    static let excerptWidth = 160

    /// The first lines of what the person wrote (the new text of the reply), each cut short.
    static func excerpt(of message: Message?, lines: Int = 8, width: Int = excerptWidth) -> [String] {
        guard let message else { return ["(the message's text is no longer stored)"] }
        // What came attached, so a coordinator knows what "these" or "the file" means.
        let attached = message.leafParts.filter(\.isAttachment).prefix(5)
            .map { "(attached: \(Self.attachmentName($0.filename ?? $0.contentType)))" }
        let text = MailReading.reply(of: message).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return ["(no text)"] + attached }
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept = all.prefix(lines).map { $0.count > width ? String($0.prefix(width)) + " …" : String($0) }
        if all.count > lines { kept.append("…") }
        return kept + attached
    }

    /// A file's name as a line of the digest: made safe as header text is, not too long.
    private static func attachmentName(_ name: String) -> String {
        let clean = HeaderWriter.sanitize(name)
        return clean.count > 80 ? String(clean.prefix(80)) + " …" : clean
    }
}
