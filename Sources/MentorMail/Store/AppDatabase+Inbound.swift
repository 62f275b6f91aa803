import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import Mail
import MailTransport

extension AppDatabase {
    /// Stores the bytes of inbound message `inboundID` as fetched, written in pieces of 1 MiB
    /// (from the caller's buffer, or read back from the spool of a large message), so even a
    /// very large message is never copied whole again.
    static func storeRaw(_ db: Database, inboundID: Int64, bytes: [UInt8], spool: MessageSpool? = nil) throws {
        let size = spool?.size ?? bytes.count
        let piece = 1 << 20
        if spool == nil && size <= piece {
            // The usual case: one bound statement, prepared once per connection.
            try db.cachedStatement(sql: "INSERT INTO inboundRaw (inboundID, raw) VALUES (?, ?)")
                .execute(arguments: [inboundID, Data(bytes)])
            return
        }
        try db.cachedStatement(sql: "INSERT INTO inboundRaw (inboundID, raw) VALUES (?, zeroblob(?))").execute(arguments: [inboundID, size])
        var handle: OpaquePointer?
        let opened = sqlite3_blob_open(db.sqliteConnection, "main", "inboundRaw", "raw", inboundID, 1, &handle)
        defer { sqlite3_blob_close(handle) }
        guard opened == SQLITE_OK, let handle else {
            throw DatabaseError(resultCode: ResultCode(rawValue: opened), message: "cannot store the bytes of message \(inboundID)")
        }
        func write(_ piece: UnsafeRawBufferPointer, at offset: Int) throws {
            let written = sqlite3_blob_write(handle, piece.baseAddress, Int32(piece.count), Int32(offset))
            guard written == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: written), message: "cannot store the bytes of message \(inboundID)")
            }
        }
        if let spool {
            var buffer = [UInt8](repeating: 0, count: piece)
            var offset = 0
            while offset < size {
                let got = try buffer.withUnsafeMutableBytes { try spool.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<min(piece, size - offset)])) }
                guard got > 0 else { throw MentorMailError(.internalError, "message \(inboundID) ended early when read back") }
                try buffer.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<got]), at: offset) }
                offset += got
            }
        } else {
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let count = min(piece, buffer.count - offset)
                    try write(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)]), at: offset)
                    offset += count
                }
            }
        }
    }

    /// What handling message `inboundID` led to. Only these columns: the handler may have erased
    /// others (the subject, after "delete my data").
    static func setOutcome(_ db: Database, inboundID: Int64, disposition: InboundMessage.Disposition, note: String?,
                           noteNamesContext: Bool) throws {
        try db.cachedStatement(sql: "UPDATE inboundMessage SET disposition = ?, note = ?, noteNamesContext = ? WHERE id = ?")
            .execute(arguments: [disposition.rawValue, note, noteNamesContext, inboundID])
    }

    /// How many messages from `address` (other than `besides`) wait for a coordinator.
    static func waitingMail(_ db: Database, from address: String, besides: Int64) throws -> Int {
        try InboundMessage.filter(InboundMessage.Columns.sender == address && Column("id") != besides && Column("resolvedAt") == nil
                                  && InboundMessage.Disposition.needingAttention.map(\.rawValue).contains(Column("disposition")))
            .fetchCount(db)
    }

    /// Forgets the mail of someone who is no participant: the bytes and Subject of what they
    /// sent (kept: that each message was handled, so none is handled twice) and our mail to
    /// them already sent or given up. What waits for a coordinator, or to be sent, stays.
    static func forgetMail(_ db: Database, of address: String) throws {
        try db.execute(sql: "DELETE FROM inboundRaw WHERE inboundID IN (SELECT id FROM inboundMessage WHERE \(handled))", arguments: [address])
        try db.execute(sql: "UPDATE inboundMessage SET subject = NULL, textFingerprint = NULL WHERE \(handled)", arguments: [address])
        try db.execute(sql: "DELETE FROM outboxMessage WHERE recipients = ? AND status <> ?", arguments: [address, OutboxMessage.Status.queued.rawValue])
    }

    /// The sender's messages that no longer wait for a coordinator.
    private static var handled: String {
        let waiting = InboundMessage.Disposition.needingAttention.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return "sender = ? AND (resolvedAt IS NOT NULL OR disposition NOT IN (\(waiting)))"
    }

    /// After the answer to someone who asked about their data (and is still no participant) has
    /// left: it goes, and so does their address on their messages. Run after each send.
    static func forgetAnsweredStrangers(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.sender FROM inboundMessage m WHERE m.intent = ? AND m.disposition = ? AND m.sender IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM outboxMessage o WHERE o.inboundID = m.id AND o.status = ?)
            AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.email = m.sender)
            """, arguments: [Intent.noDataHeld.name, InboundMessage.Disposition.answered.rawValue, OutboxMessage.Status.queued.rawValue])
        for row in rows {
            let id: Int64 = row["id"]
            let address: String = row["sender"]
            try db.execute(sql: "DELETE FROM outboxMessage WHERE inboundID = ?", arguments: [id])
            try forgetMail(db, of: address)
            guard try waitingMail(db, from: address, besides: id) == 0 else { continue }
            try db.execute(sql: "UPDATE inboundMessage SET sender = NULL WHERE \(handled)", arguments: [address])
        }
    }

    /// Queues the mailbox's copies of what `address` sent us for deletion there (the run after
    /// the erasure deletes them: `Processor.deleteErasedMail`).
    static func queueMailboxErasure(_ db: Database, of address: String) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO mailboxErasure (mailbox, uidValidity, uid, messageID, sender)
            SELECT mailbox, uidValidity, uid, messageID, sender FROM inboundMessage WHERE sender = ?
            """, arguments: [address])
    }

    /// A queued mailbox copy to delete.
    struct MailboxErasure {
        let id: Int64
        let copy: MailboxCopy
    }

    /// The copies queued for deletion in `mailbox` (its display name, as inbound mail records it).
    static func mailboxErasures(_ db: Database, mailbox: String) throws -> [MailboxErasure] {
        try Row.fetchAll(db, sql: "SELECT id, uidValidity, uid, messageID, sender FROM mailboxErasure WHERE mailbox = ? ORDER BY id",
                         arguments: [mailbox]).map { row in
            MailboxErasure(id: row["id"], copy: MailboxCopy(uidValidity: UInt32(truncatingIfNeeded: row["uidValidity"] as Int64),
                                                            uid: UInt32(truncatingIfNeeded: row["uid"] as Int64),
                                                            messageID: row["messageID"], sender: row["sender"]))
        }
    }

    static func forgetMailboxErasures(_ db: Database, ids: [Int64]) throws {
        try db.execute(sql: "DELETE FROM mailboxErasure WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(ids))
    }

    /// The bytes of inbound message `id` as fetched; nil once erased ("delete my data").
    static func raw(_ db: Database, inboundID: Int64?) throws -> Data? {
        guard let inboundID else { return nil }
        return try Data.fetchOne(db, sql: "SELECT raw FROM inboundRaw WHERE inboundID = ?", arguments: [inboundID])
    }

    /// The message `id` as fetched, parsed; nil once erased.
    static func message(_ db: Database, inboundID: Int64?) throws -> Message? {
        try raw(db, inboundID: inboundID).map { Message(data: $0) }
    }

    /// Held and failed messages that no digest has shown yet, oldest first.
    static func undigestedAttention(_ db: Database) throws -> [InboundMessage] {
        try waitingForAttention
            .filter(InboundMessage.Columns.digestedAt == nil && InboundMessage.Columns.folded == false)
            .order(Column("id")).fetchAll(db)
    }

    /// Held and failed messages still waiting for a coordinator.
    static func attentionCount(_ db: Database) throws -> Int {
        try waitingForAttention.fetchCount(db)
    }

    /// What waits for a coordinator and is not listed in a new digest: mail kept quietly that
    /// no digest counted yet (`newFolded`, of which `newRepeats` are repeats), from earlier
    /// digests the messages they listed and the repeats they counted, and every message kept
    /// quietly that is no repeat (`quiet`).
    static func waitingBesidesNew(_ db: Database) throws -> (newFolded: [Int64], newRepeats: Int, listed: Int, repeats: Int, quiet: Int) {
        let folded = waitingForAttention.filter(InboundMessage.Columns.folded == true)
        let repeats = folded.filter(!InboundMessage.keptQuietly)
        let older = InboundMessage.Columns.digestedAt != nil
        return (try folded.filter(!older).select(Column("id"), as: Int64.self).fetchAll(db),
                try repeats.filter(!older).fetchCount(db),
                try waitingForAttention.filter(older && InboundMessage.Columns.folded == false).fetchCount(db),
                try repeats.filter(older).fetchCount(db),
                try folded.filter(InboundMessage.keptQuietly).fetchCount(db))
    }

    private static var waitingForAttention: QueryInterfaceRequest<InboundMessage> {
        InboundMessage
            .filter([InboundMessage.Disposition.held.rawValue, InboundMessage.Disposition.failed.rawValue]
                .contains(InboundMessage.Columns.disposition))
            .filter(InboundMessage.Columns.resolvedAt == nil)
    }

    /// Messages waiting for a coordinator that answer survey `surveyID`, or that came from
    /// `address`'s mailbox (any "+tag") after `since` (a run reads its mail before it sends
    /// anything, so mail read in the run that sent the survey came before it), oldest first.
    static func heldMessages(_ db: Database, from address: String, about surveyID: Int64?, since: Date) throws -> [InboundMessage] {
        let mailbox = MailAddress.mailbox(of: address)
        return try InboundMessage
            .filter(InboundMessage.Disposition.needingAttention.map(\.rawValue).contains(InboundMessage.Columns.disposition))
            .filter(InboundMessage.Columns.resolvedAt == nil)
            .order(Column("id")).fetchAll(db)
            .filter { record in
                (surveyID != nil && record.context?.topic == .survey(surveyID))
                    || record.receivedAt > since && (record.sender.map { MailAddress.mailbox(of: $0) == mailbox } ?? false)
            }
    }

    /// The newest message recorded from `sender`.
    static func lastInbound(_ db: Database, from sender: String) throws -> InboundMessage? {
        try InboundMessage.fetchOne(db.cachedStatement(sql: "SELECT * FROM inboundMessage WHERE sender = ? ORDER BY id DESC LIMIT 1"),
                                    arguments: [sender])
    }

    /// The last `limit` messages from `sender`, newest first.
    static func recentInbound(_ db: Database, from sender: String, limit: Int) throws -> [InboundMessage] {
        try InboundMessage.fetchAll(db.cachedStatement(sql: "SELECT * FROM inboundMessage WHERE sender = ? ORDER BY id DESC LIMIT ?"),
                                    arguments: [sender, limit])
    }

    /// The first answer queued for inbound message `id` (not one retired or cancelled unsent), if any.
    static func firstAnswer(_ db: Database, toInbound id: Int64) throws -> OutboxMessage? {
        try OutboxMessage.filter(Column("inboundID") == id && answerPurposes.contains(Column("purpose"))
                                 && ![OutboxMessage.Status.retired, .cancelled].map(\.rawValue).contains(OutboxMessage.Columns.status))
            .order(Column("id")).fetchOne(db)
    }

    /// Answers (not scheduled mail) queued to `address` since `date`.
    static func answerCount(_ db: Database, to address: String, since date: Date) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            SELECT COUNT(*) FROM outboxMessage WHERE recipients = ? AND createdAt > ? \
            AND purpose IN (\(answerPurposes.map { _ in "?" }.joined(separator: ", ")))
            """)
        var arguments: StatementArguments = [address, date]
        arguments += StatementArguments(answerPurposes)
        return try Int.fetchOne(statement, arguments: arguments) ?? 0
    }

    private static let answerPurposes = MailKind.allCases.filter(\.isAnswer).map(\.rawValue)

    /// Pair news no digest has shown yet, oldest first.
    static func undigestedNotices(_ db: Database) throws -> [DigestNotice] {
        try DigestNotice.filter(DigestNotice.Columns.digestedAt == nil).order(Column("id")).fetchAll(db)
    }

    static func markNoticesDigested(_ db: Database, ids: [Int64], at date: Date) throws {
        try DigestNotice.filter(ids.contains(Column("id"))).updateAll(db, DigestNotice.Columns.digestedAt.set(to: date))
    }

    static func markDigested(_ db: Database, ids: [Int64], at date: Date) throws {
        try InboundMessage.filter(ids.contains(Column("id"))).updateAll(db, InboundMessage.Columns.digestedAt.set(to: date))
    }

    /// Our mail with Message-ID `id`, if we sent one.
    static func ourMail(_ db: Database, messageID id: String) throws -> OutboxMessage? {
        try OutboxMessage.fetchOne(db.cachedStatement(sql: "SELECT * FROM outboxMessage WHERE messageID = ? LIMIT 1"), arguments: [id])
    }

    /// The mail of ours that `message` answers (of `kind`, when given): the first of its
    /// In-Reply-To, then its References from the newest, that we sent; with whether only its
    /// References named it. Nil when it answers none.
    static func answeredMail(_ db: Database, by message: Message, kind: MailKind? = nil) throws -> (mail: OutboxMessage, onlyInReferences: Bool)? {
        var seen = Set<String>()
        for id in [message.inReplyTo].compactMap({ $0 }) + message.references.reversed() where seen.insert(id).inserted {
            guard let ours = try ourMail(db, messageID: id), let found = ours.kind, kind.map({ $0 == found }) ?? true else { continue }
            return (ours, id != message.inReplyTo)
        }
        return nil
    }

    /// What the intake may know about `message`: the sender's record, the mail of ours it
    /// answers (In-Reply-To first, then References from the newest; else a mail of ours it
    /// forwards whole, or the event whose calendar it carries), and the sender's partners.
    /// A mail of ours copied into the text under a forward line counts when its quoted From and
    /// Subject are those of a mail we sent the sender, or, for an event, when the sender is its
    /// guest and the text names it. Someone unknown writing from the same mailbox as the person
    /// that mail went to ("ana+mentoring@…" under our mail to "ana@…") is that person, recorded and
    /// answered at that address even before they have a record (`writtenAddress`); so is
    /// the one active, incomplete or paused participant with their mailbox (several: none, and
    /// `sharedMailbox` names them). `reading`: the message as the intake read it, when at hand.
    /// With `now`, a check-in
    /// survey counts as open for mail not written under it only until its last look, a
    /// reminder's span after the reminder (`reminderAfterDays`).
    static func intakeContext(_ db: Database, for message: Message, reading: IntakeMessage? = nil, now: Date? = nil,
                              reminderAfterDays: Int = 7) throws -> IntakeContext {
        var context = IntakeContext()
        if let sender = message.from?.normalized {
            context.participant = try findParticipant(db, email: sender)
        }
        func ours(_ id: String) throws -> OutboxMessage? { try ourMail(db, messageID: id) }
        if let (ours, onlyInReferences) = try answeredMail(db, by: message), let kind = ours.kind {
            context.answering = MailReference(kind: kind, topic: ours.topic)
            context.answeredRecipients = Set(ours.recipientList.map { $0.lowercased() })
            context.answeringOnlyInReferences = onlyInReferences
            if let person = context.participant?.id {
                context.profileChangedSinceAnswered = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM profileVersion WHERE participantID = ? AND at > ?)
                    """, arguments: [person, ours.createdAt]) ?? false
            }
        } else {
            let text = reading?.text ?? MailReading.body(of: message)?.text ?? ""
            let forwarded = reading?.forwarded ?? ForwardedMessages.read(message, text: text)
            for id in forwarded.messageIDs {
                if let ours = try ours(id), let kind = ours.kind {
                    context.answering = MailReference(kind: kind, topic: ours.topic)
                    context.answeredRecipients = Set(ours.recipientList.map { $0.lowercased() })
                    context.answeringForwarded = true
                    break
                }
            }
            if context.answering == nil, let uid = forwarded.calendarUIDs.first,
               let event = try SpeedEvent.filter(SpeedEvent.Columns.uid == uid).fetchOne(db), let eventID = event.id {
                context.answering = MailReference(kind: .eventInvitation, topic: .event(eventID))
                context.answeredRecipients = Set(try EventGuest.filter(EventGuest.Columns.eventID == eventID).fetchAll(db).map { $0.email.lowercased() })
                context.answeringForwarded = true
            }
            if context.answering == nil, let sender = message.from, let ours = try inlineForwardOfOurs(db, forwarded, text: text, to: sender),
               let kind = ours.kind {
                context.answering = MailReference(kind: kind, topic: ours.topic)
                context.answeredRecipients = Set(ours.recipientList.map { $0.lowercased() })
                context.answeringForwarded = true
            }
        }
        if context.participant == nil, let sender = message.from,
           let written = context.answeredRecipients.sorted().first(where: { MailAddress.mailbox(of: $0) == sender.mailbox && $0 != sender.normalized }) {
            if let person = try findParticipant(db, email: written) {
                if person.status != .erased {
                    context.participant = person
                    context.senderIsAlias = true
                }
            } else {
                context.writtenAddress = written
            }
        }
        if context.participant == nil, let sender = message.from {
            let same = try sameMailbox(db, as: sender)
            if same.count == 1 {
                context.participant = same[0]
                context.senderIsAlias = true
            } else if same.count > 1 {
                context.sharedMailbox = same.map(\.email).sorted()
            }
        }
        if let token = ConfirmationToken.inSubject(message.subject ?? ""),
           let pending = try PendingToken.filter(PendingToken.Columns.token == token).fetchOne(db),
           pending.usedAt != nil || now.map({ pending.expiresAt <= $0 }) == true {
            context.spentCode = token
        }
        if let id = context.participant?.id {
            let ongoing = try Mentorship
                .filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status))
                .filter(Mentorship.Columns.menteeID == id || Mentorship.Columns.mentorID == id)
                .fetchAll(db)
            let partnerIDs = ongoing.map { $0.menteeID == id ? $0.mentorID : $0.menteeID }
            let partners = try Participant.filter(partnerIDs.contains(Column("id"))).fetchAll(db)
            context.partners = Set(partners.map(\.email))
            context.partnerNames = partners.map(\.profile.name)
            context.ongoingPairs = ongoing.compactMap(\.id)
            for pair in ongoing {
                guard let pairID = pair.id, let partner = partners.first(where: { $0.id == (pair.menteeID == id ? pair.mentorID : pair.menteeID) }) else { continue }
                context.partnerByPair[pairID] = (partner.profile.name, partner.email)
            }
            // Each pair in words, from the records at hand.
            let people = Dictionary(([context.participant].compactMap { $0 } + partners).compactMap { p in p.id.map { ($0, p) } },
                                    uniquingKeysWith: { first, _ in first })
            for pair in ongoing {
                guard let pairID = pair.id else { continue }
                func name(_ id: Int64) -> String {
                    guard let person = people[id] else { return "participant \(id)" }
                    let name = person.profile.name.trimmingCharacters(in: .whitespaces)
                    return name.isEmpty ? person.email : name
                }
                context.pairWords[pairID] = "the pair of \(name(pair.menteeID)) and \(name(pair.mentorID)) (`mentormail pairs show \(pairID)`)"
            }
            if let person = context.participant {
                context.graduatedMentee = try graduatedMentee(db, person)
                context.openEventInvitation = try openEventInvitation(db, person, now: now)
                if let answering = context.answering, answering.topic.kind == .event, let eventID = answering.topic.id {
                    context.invitedToAnsweredEvent = try EventGuest.filter(EventGuest.Columns.eventID == eventID)
                        .filter(Column("participantID") == id || EventGuest.Columns.email == person.email.lowercased()).fetchCount(db) > 0
                }
            }
            if !ongoing.isEmpty {
                let surveys = try Survey.filter(ongoing.compactMap(\.id).contains(Survey.Columns.mentorshipID))
                    .filter(Column("participantID") == id).order(Column("id").desc).fetchAll(db)
                let open = surveys.filter { $0.completedAt == nil }
                let span = Double(reminderAfterDays) * 86_400
                let beforeLastLook = { (survey: Survey) in now.map { $0 < survey.lastLook(span: span) } ?? true }
                let stillOpen = open.filter(beforeLastLook)
                // The newest survey, unless its last look is past.
                context.openSurvey = open.first.flatMap { newest in stillOpen.first { $0.id == newest.id } }?.id
                // By pair, a check-in answered in full stays open for corrections until its last look.
                let newestByPair = Dictionary(surveys.map { ($0.mentorshipID, $0) }, uniquingKeysWith: { newer, _ in newer })
                for (pair, survey) in newestByPair where beforeLastLook(survey) { context.openSurveyByPair[pair] = survey.id }
            }
        }
        if let answering = context.answering {
            context.answering?.about = try topicWords(db, answering.topic)
        }
        return context
    }

    /// The mail of ours `record` answered, with its topic in a coordinator's words.
    public func context(of record: InboundMessage) throws -> MailReference? {
        guard var reference = record.context else { return nil }
        reference.about = try read { db in try Self.topicWords(db, reference.topic) }
        return reference
    }

    /// The one upcoming event (not cancelled, not over) that `person` is invited to, when they
    /// have not answered it; nil when there is none, or several.
    static func openEventInvitation(_ db: Database, _ person: Participant, now: Date?) throws -> Int64? {
        guard let id = person.id else { return nil }
        // The few upcoming events first: most runs have none, and the guest list is not read.
        let upcoming = try SpeedEvent.filter(SpeedEvent.Columns.status != SpeedEvent.Status.cancelled.rawValue).fetchAll(db)
            .filter { event in now.map { event.endsAt > $0 } ?? true }.compactMap(\.id)
        guard !upcoming.isEmpty else { return nil }
        let guests = try EventGuest.filter(upcoming.contains(Column("eventID")))
            .filter(Column("participantID") == id || EventGuest.Columns.email == person.email.lowercased()).fetchAll(db)
        let invited = Set(guests.map(\.eventID))
        guard invited.count == 1, let event = invited.first,
              guests.first(where: { $0.eventID == event })?.answer == .invited else { return nil }
        return event
    }

    /// The active, incomplete or paused participants at another address of `sender`'s mailbox
    /// (the same local part before any "+tag", the same domain, any case).
    static func sameMailbox(_ db: Database, as sender: MailAddress) throws -> [Participant] {
        let mailbox = sender.mailbox
        guard let at = mailbox.lastIndex(of: "@") else { return [] }
        // Addresses are stored lower-cased: the mailbox itself, or "local+…" (a range of the
        // unique email index: "," follows "+"), so no run reads the whole table per message.
        let local = String(mailbox[..<at])
        let statuses: Set<Participant.Status> = [.active, .incomplete, .paused]
        let sql = "SELECT * FROM participant WHERE email = ? OR (email >= ? AND email < ?)"
        return try Participant.fetchAll(db.cachedStatement(sql: sql), arguments: [mailbox, local + "+", local + ","])
            .filter { statuses.contains($0.status) && MailAddress.mailbox(of: $0.email) == mailbox && $0.email.lowercased() != sender.normalized }
    }

    /// A mail of ours that `forwarded` copies into the text: one we sent to `sender`'s mailbox
    /// whose From and Subject the forward quotes (the newest, when several match), else the
    /// invitation of the one event `sender` is a guest of whose name the text carries.
    static func inlineForwardOfOurs(_ db: Database, _ forwarded: ForwardedMessages, text: String, to sender: MailAddress) throws -> OutboxMessage? {
        func same(_ subject: String) -> String {
            subject.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        func sentToSender(_ ours: OutboxMessage) -> Bool {
            ours.recipientList.contains { MailAddress.mailbox(of: $0) == sender.mailbox }
        }
        // Only the mail sent to the sender is read (`outboxRecipient`), never the whole outbox.
        let toSender = "SELECT o.* FROM outboxMessage o JOIN outboxRecipient r ON r.outboxID = o.id WHERE r.mailbox = ?"
        for block in forwarded.inline.reversed() {
            let authors = Set(block.authors.map(\.mailbox))
            guard !authors.isEmpty, !authors.contains(sender.mailbox) else { continue }
            if let subject = block.subject.map(same), !subject.isEmpty {
                let found = try OutboxMessage.fetchAll(db.cachedStatement(sql: toSender + " AND lower(o.subject) = ? ORDER BY o.id DESC"),
                                                       arguments: [sender.mailbox, subject])
                    .first { sentToSender($0) && authors.contains(MailAddress.mailbox(of: $0.sender)) && same($0.subject) == subject }
                if let found { return found }
            }
            // The quoted subject may be cut or translated: the event's name in the text, from our address.
            let invitations = try OutboxMessage.fetchAll(db.cachedStatement(sql: toSender + " AND o.purpose = ? ORDER BY o.id DESC"),
                                                         arguments: [sender.mailbox, MailKind.eventInvitation.rawValue])
                .filter { sentToSender($0) && authors.contains(MailAddress.mailbox(of: $0.sender)) }
            var named: [Int64: OutboxMessage] = [:]
            let lowered = text.lowercased()
            for invitation in invitations {
                guard invitation.topic.kind == .event, let id = invitation.topicID, named[id] == nil, let event = try SpeedEvent.fetchOne(db, key: id),
                      event.name.count >= 4, lowered.contains(event.name.lowercased()) else { continue }
                named[id] = invitation
            }
            if named.count == 1 { return named.values.first }
        }
        return nil
    }

    public func intakeContext(for message: Message) throws -> IntakeContext {
        try read { db in try Self.intakeContext(db, for: message) }
    }

    /// Messages waiting for a coordinator (held, failed, waiting for a code), or with `all`
    /// every message that was not simply answered or ignored, handled ones included.
    public func heldMessages(all: Bool = false) throws -> [InboundMessage] {
        try read { db in
            var request = InboundMessage.all()
            if all {
                request = request.filter(![InboundMessage.Disposition.answered.rawValue, InboundMessage.Disposition.ignored.rawValue]
                    .contains(InboundMessage.Columns.disposition) || InboundMessage.Columns.resolvedAt != nil)
            } else {
                request = request.filter(InboundMessage.Disposition.needingAttention.map(\.rawValue).contains(InboundMessage.Columns.disposition))
                    .filter(InboundMessage.Columns.resolvedAt == nil)
            }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    public func inboundMessage(id: Int64) throws -> InboundMessage? {
        try read { db in try InboundMessage.fetchOne(db, key: id) }
    }

    /// Inbound message `id` as it was fetched, parsed; nil when it is unknown or was erased.
    public func storedMessage(id: Int64) throws -> Message? {
        try read { db in try Self.message(db, inboundID: id) }
    }
}
