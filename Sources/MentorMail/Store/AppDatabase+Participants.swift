import Foundation
import GRDB
import Mail

/// How an upsert changed a participant.
public enum ProfileChange: String, Codable, Sendable {
    case added, updated, unchanged
}

extension AppDatabase {
    public func participant(email: String) throws -> Participant? {
        try read { db in try Self.findParticipant(db, email: email) }
    }

    public func participants() throws -> [Participant] {
        try read { db in try Participant.order(Participant.Columns.email).fetchAll(db) }
    }

    public func profileHistory(email: String) throws -> [ProfileVersion] {
        try read { db in
            guard let id = try Self.findParticipant(db, email: email)?.id else { return [] }
            return try ProfileVersion.filter(Column("participantID") == id).order(Column("id")).fetchAll(db)
        }
    }

    static func findParticipant(_ db: Database, email: String) throws -> Participant? {
        try Participant.fetchOne(db.cachedStatement(sql: "SELECT * FROM participant WHERE email = ? LIMIT 1"),
                                 arguments: [email.lowercased()])
    }

    /// Adds a participant or replaces their profile, keeping every version.
    ///
    /// An erased or withdrawn person who sends a new form is back: the form is their consent.
    /// `status` is `.active` for a complete profile and `.incomplete` for one with problems; a
    /// paused person stays paused.
    static func upsertProfile(_ db: Database, email: String, profile: ParticipantProfile, status: Participant.Status,
                              source: String, origin: String, roundID: Int64?, now: Date) throws -> (Participant, ProfileChange) {
        try upsertProfile(db, over: findParticipant(db, email: email), email: email, profile: profile, status: status,
                          source: source, origin: origin, roundID: roundID, now: now)
    }

    /// The same, with the person's record (or its absence) already read in this transaction;
    /// `submitted`: an imported row's submission time key, kept with the version.
    static func upsertProfile(_ db: Database, over existing: Participant?, email: String, profile: ParticipantProfile,
                              status: Participant.Status, source: String, origin: String, roundID: Int64?,
                              now: Date, submitted: Int64? = nil) throws -> (Participant, ProfileChange) {
        var change = ProfileChange.added
        var participant: Participant
        if var existing {
            let newStatus = existing.status == .paused && status == .active ? .paused : status
            if existing.profile == profile && existing.status == newStatus {
                return (existing, .unchanged)
            }
            existing.profile = profile
            existing.status = newStatus
            if existing.roundID == nil { existing.roundID = roundID }
            existing.updatedAt = now
            try existing.update(db)
            participant = existing
            change = .updated
        } else {
            participant = Participant(email: email, profile: profile, status: status, roundID: roundID, source: origin, at: now)
            try participant.insert(db)
        }
        guard let id = participant.id else { throw MentorMailError(.internalError, "a participant was stored without an id") }
        try recordMembership(db, participant, roundID: participant.roundID, now: now)
        var version = ProfileVersion(participantID: id, at: now, profile: profile, source: source,
                                     origin: origin == "import" ? "import" : "email", submitted: submitted)
        try version.insert(db)
        return (participant, change)
    }

    /// Changes a participant's status; returns nil when the address is unknown.
    static func setStatus(_ db: Database, email: String, to status: Participant.Status, now: Date) throws -> Participant? {
        guard var participant = try findParticipant(db, email: email) else { return nil }
        participant.status = status
        participant.updatedAt = now
        try participant.update(db)
        return participant
    }

    /// Erases a person's data, keeping only the address and the `erased` status so that the
    /// program never mails them again unasked. Profile history goes too.
    ///
    /// Every other stored copy of their data goes too: the mail they sent (and mail of others
    /// that names them), every outgoing mail to them or about them (answers, introductions,
    /// reviews, digests), their check-in answers, their tokens, and their name and address in
    /// the audit log and the coordinators' notices. Deleted bytes are overwritten
    /// (`secure_delete`), so none of it stays in the database file.
    /// Held mail of someone else that names them is not deleted: a coordinator still has to read
    /// it. What is kept is its text with their name and address taken out (attachments that name
    /// them are left out), listed again in the next digest with a note saying so.
    /// Returns what was removed and what was redacted, without naming them; nil for an unknown address.
    @discardableResult
    static func erase(_ db: Database, email: String, now: Date) throws -> Erasure? {
        let address = email.lowercased()
        guard var participant = try findParticipant(db, email: address), let id = participant.id else { return nil }
        var report = Erasure()
        let name = participant.profile.name.trimmingCharacters(in: .whitespaces)
        let redaction = Redaction(address: address, profile: participant.profile)
        func mentions(_ text: String?) -> Bool {
            guard let text else { return false }
            return redaction.mentions(text)
        }
        func mentions(raw data: Data) -> Bool {
            guard !data.isEmpty else { return false }
            let message = Message(data: data)
            if mentions(message.textBody) { return true }
            // Every part, decoded: a form export attached in base64 or a forwarded message names
            // people where the raw bytes do not show it.
            var parts = [message.root]
            while let part = parts.popLast() {
                if ["From", "To", "Cc", "Reply-To", "Subject"].contains(where: { mentions(part.header($0)) }) { return true }
                if part.children.isEmpty {
                    if mentions(part.decodedText()) { return true }
                } else {
                    parts.append(contentsOf: part.children)
                }
            }
            return false
        }

        let owners = try nameOwners(db, participant, names: redaction.names)
        try ProfileVersion.filter(Column("participantID") == id).deleteAll(db)
        try RoundMember.filter(RoundMember.Columns.participantID == id).deleteAll(db)
        try clearBounce(db, participantID: id)
        try Survey.filter(Column("participantID") == id).deleteAll(db)
        try PendingToken.filter(Column("email") == address || Column("payload") == address).deleteAll(db)
        // Their invitations, answers and seats at events (a seat is freed, not given on).
        try EventGuest.filter(EventGuest.Columns.email == address).deleteAll(db)
        participant.profile = .erased
        participant.status = .erased
        participant.roundID = nil
        participant.writtenLanguage = nil
        participant.updatedAt = now
        try participant.update(db)

        // Mail they sent, and others' mail that names them. Stored bytes are read one message at
        // a time, so erasing in a large mailbox stays small in memory.
        report.ownMessages = try InboundMessage.filter(InboundMessage.Columns.sender == address).fetchCount(db)
        try queueMailboxErasure(db, of: address)
        try db.execute(sql: "DELETE FROM inboundRaw WHERE inboundID IN (SELECT id FROM inboundMessage WHERE sender = ?)",
                       arguments: [address])
        try InboundMessage.filter(InboundMessage.Columns.sender == address).updateAll(db, Column("subject").set(to: nil))
        // Why their mail was kept may name them ("a reply to the check-in of Ana Lopez …") or quote
        // their words ("data-request: \"Hi, what data …\""); their mail still waiting for a
        // coordinator can no longer be answered: it is handled, as erased.
        func quotesOrMentions(_ text: String?) -> Bool { mentions(text) || (text?.contains { "\"“”«»„".contains($0) } ?? false) }
        for var record in try InboundMessage.filter(InboundMessage.Columns.sender == address).fetchAll(db) {
            let waiting = InboundMessage.Disposition.needingAttention.contains(record.disposition) && record.resolvedAt == nil
            guard waiting || quotesOrMentions(record.note) || quotesOrMentions(record.reason) else { continue }
            if quotesOrMentions(record.note) { (record.note, record.noteNamesContext) = ("(erased)", false) }
            record.reason = quotesOrMentions(record.reason) ? "(erased)" : record.reason
            if waiting {
                record.resolvedAt = now
                record.resolution = "erased: its writer asked to have their data deleted"
            }
            try record.update(db)
        }
        var naming: Set<Int64> = []
        // Their names met alone ("Kim was late") in each message, where they are theirs, and the
        // lines holding them, as our mail may quote them.
        var lone: [Int64: [String]] = [:]
        var quoted: [QuotedLine] = []
        let stored = try Row.fetchCursor(db, sql: """
            SELECT r.inboundID, r.raw, m.sender FROM inboundRaw r JOIN inboundMessage m ON m.id = r.inboundID
            WHERE m.sender IS NULL OR m.sender <> ?
            """, arguments: [address])
        while let row = try stored.next() {
            let data: Data = row["raw"]
            let named = mentions(raw: data)
            let message = Message(data: data)
            let text = (message.subject ?? "") + "\n" + (MailReading.body(of: message)?.text ?? message.textBody ?? "")
            let theirs = owners.theirs(redaction.names, sender: row["sender"], text: text, named: named)
            lone[row["inboundID"]] = theirs
            quoted += QuotedLine.lines(of: message, names: theirs)
            if named || theirs.contains(where: { Redaction.containsWord($0, in: text) }) { naming.insert(row["inboundID"]) }
        }
        for record in try InboundMessage.filter(InboundMessage.Columns.sender != address || InboundMessage.Columns.sender == nil).fetchAll(db)
        where mentions(record.subject) || mentions(record.note) || mentions(record.reason) {
            if let id = record.id { naming.insert(id) }
        }
        for id in naming.sorted() {
            guard var record = try InboundMessage.fetchOne(db, key: id) else { continue }
            if Intent.decisionNames.contains(record.intent), let data = try raw(db, inboundID: id) {
                try keepDecision(db, &record, data: data, redaction.keeping(names: lone[id] ?? []))
                report.decisions.append(id)
                continue
            }
            if InboundMessage.Disposition.needingAttention.contains(record.disposition), record.resolvedAt == nil,
               let data = try raw(db, inboundID: id) {
                let redaction = redaction.keeping(names: lone[id] ?? [])
                let (bytes, dropped) = redaction.copy(of: Message(data: data))
                try db.execute(sql: "DELETE FROM inboundRaw WHERE inboundID = ?", arguments: [id])
                try storeRaw(db, inboundID: id, bytes: bytes)
                record.subject = record.subject.map(redaction.applyWithNames)
                record.reason = record.reason.map(redaction.applyWithNames)
                record.note = "the name and address of a participant who asked to have their data deleted were taken out of this message"
                    + (dropped.isEmpty ? "" : "; left out: " + dropped.joined(separator: ", "))
                    + "; the rest is kept for you to read" + (record.note.map { " (it was: \(redaction.applyWithNames($0)))" } ?? "")
                record.noteNamesContext = false
                // Listed again, so the coordinators read what changed.
                record.digestedAt = nil
                record.folded = false
                try record.update(db)
                report.redacted.append(Erasure.Redacted(id: id, sender: record.sender, leftOut: dropped))
                continue
            }
            try db.execute(sql: "DELETE FROM inboundRaw WHERE inboundID = ?", arguments: [id])
            report.removedNaming += 1
            record.subject = nil
            record.note = "(erased: it named a participant who asked to have their data deleted)"
            record.noteNamesContext = false
            record.reason = nil
            try record.update(db)
        }
        // Outgoing mail to them (at any "+tag" of their mailbox) or about them, sent or not: gone.
        var outgoing: [Int64] = []
        let mailbox = MailAddress.mailbox(of: address)
        let rows = try OutboxMessage.fetchCursor(db)
        while let row = try rows.next() {
            if row.recipientList.contains(where: { MailAddress.mailbox(of: $0) == mailbox }) || mentions(row.subject) || mentions(row.lastError) || mentions(raw: row.raw),
               let id = row.id { outgoing.append(id) }
        }
        _ = try OutboxMessage.deleteAll(db, keys: outgoing)
        report.outgoing = outgoing.count
        try redactQuotes(db, quoted)
        // The audit log and the coordinators' notices keep what happened, not who.
        for var entry in try AuditEntry.fetchAll(db) where mentions(entry.actor) || mentions(entry.detail) {
            entry.actor = mentions(entry.actor) ? "(erased participant)" : entry.actor
            entry.detail = mentions(entry.detail) ? "(erased)" : entry.detail
            try entry.update(db)
        }
        // Why their pairs were matched came from their profile: it goes with it.
        try Mentorship.filter(Mentorship.Columns.menteeID == id || Mentorship.Columns.mentorID == id)
            .updateAll(db, Column("explanation").set(to: ""))
        for var proposal in try MatchProposal.fetchAll(db) where proposal.pairs.contains(where: { $0.menteeID == id || $0.mentorID == id }) {
            for index in proposal.pairs.indices where proposal.pairs[index].menteeID == id || proposal.pairs[index].mentorID == id {
                proposal.pairs[index].explanation = ""
            }
            try proposal.update(db)
        }
        for var mentorship in try Mentorship.fetchAll(db) where mentions(mentorship.endedReason) || mentions(mentorship.endedBy) {
            mentorship.endedReason = mentorship.endedReason.map { _ in "(erased)" }
            mentorship.endedBy = mentorship.endedBy.map { _ in "(erased participant)" }
            try mentorship.update(db)
        }
        // A partner's check-in about their pair names them by first name too ("Kim seems busy").
        // The partner who answered each survey of their pairs (theirs are gone above).
        let partners = Dictionary(try Row.fetchAll(db, sql: """
            SELECT s.id, p.email FROM survey s JOIN mentorship m ON m.id = s.mentorshipID JOIN participant p ON p.id = s.participantID
            WHERE m.menteeID = ? OR m.mentorID = ?
            """, arguments: [id, id]).map { (row: Row) -> (Int64, String) in (row[0], row[1]) }, uniquingKeysWith: { first, _ in first })
        for var survey in try Survey.fetchAll(db) {
            let partner = survey.id.flatMap { partners[$0] }
            let lone = { (text: String) in partner == nil ? [] : owners.theirs(redaction.names, sender: partner, text: text, named: false) }
            let named = { (text: String?) in text.map { mentions($0) || lone($0).contains { Redaction.containsWord($0, in: text ?? "") } } ?? false }
            guard named(survey.note) || named(survey.replies) else { continue }
            survey.note = survey.note.map { _ in "(erased)" }
            survey.replies = "(erased: it named a participant who asked to have their data deleted)"
            try survey.update(db)
        }
        for var notice in try DigestNotice.fetchAll(db) where mentions(notice.detail) || name.count >= 2 && Redaction.containsWord(name, in: notice.detail) {
            notice.detail = "(erased: a participant who asked to have their data deleted)"
            try notice.update(db)
        }
        try redactEverywhere(db, redaction, address: address)
        return report
    }

    /// Our stored mail that quotes lines of others' mail naming the erased person by a name
    /// word of theirs (a digest's excerpt of held mail): those words taken out (`QuotedLine`).
    private static func redactQuotes(_ db: Database, _ quoted: [QuotedLine]) throws {
        guard !quoted.isEmpty else { return }
        var changes: [(Int64, [UInt8], String)] = []
        let rows = try OutboxMessage.fetchCursor(db)
        while let row = try rows.next() {
            if let id = row.id, let copy = QuotedLine.redacting(quoted, in: row.raw) { changes.append((id, copy.bytes, copy.subject)) }
        }
        for (id, bytes, subject) in changes {
            try db.execute(sql: "UPDATE outboxMessage SET raw = ?, subject = ? WHERE id = ?", arguments: [Data(bytes), subject, id])
        }
    }

    /// Keeps a coordinator's decision that named someone erased, as the record of it: its text
    /// (quotes included) without their name, address and lines (`Redaction.record`).
    private static func keepDecision(_ db: Database, _ record: inout InboundMessage, data: Data, _ redaction: Redaction) throws {
        let (bytes, _) = redaction.copy(of: Message(data: data), decision: true)
        try db.execute(sql: "DELETE FROM inboundRaw WHERE inboundID = ?", arguments: [record.id])
        try storeRaw(db, inboundID: record.id ?? 0, bytes: bytes)
        record.subject = record.subject.map(redaction.applyWithNames)
        record.reason = record.reason.map(redaction.apply)
        record.note = "the name, address and lines of a participant who asked to have their data deleted were taken out of this message; "
            + "the rest is kept as the record of the decision" + (record.note.map { " (it was: \(redaction.apply($0)))" } ?? "")
        record.noteNamesContext = false
        try record.update(db)
    }

    /// The person to be erased and everyone else not erased who shares one of their name
    /// words, with whom each was ever paired: whose a lone name is (`NameOwners`).
    private static func nameOwners(_ db: Database, _ participant: Participant, names: [String]) throws -> NameOwners {
        let words = Set(names.map { $0.lowercased() })
        let person = { (other: Participant) in NameOwners.person(other, partners: try partners(db, of: other.id)) }
        let namesakes = try Participant.fetchAll(db).filter { other in
            other.id != participant.id && other.status != .erased
                && !words.isDisjoint(with: other.profile.name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
        }
        return NameOwners(erased: try person(participant), namesakes: try namesakes.map(person))
    }

    /// The addresses of everyone ever paired with participant `id`.
    private static func partners(_ db: Database, of id: Int64?) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            SELECT p.email FROM mentorship m JOIN participant p ON p.id = CASE WHEN m.menteeID = ? THEN m.mentorID ELSE m.menteeID END
            WHERE m.menteeID = ? OR m.mentorID = ?
            """, arguments: [id, id, id]).map { $0.lowercased() })
    }

    /// Every text left in any table (proposals and their explanations, run reports, pairs,
    /// notes, other people's profiles): the person's name, address and own words taken out. A
    /// value that is their address and nothing else (the participant's key, an address move) is
    /// what is kept of them. Stored mail (blobs) is handled by `erase`.
    private static func redactEverywhere(_ db: Database, _ redaction: Redaction, address: String) throws {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            """)
        for table in tables {
            for column in try db.columns(in: table).map(\.name) {
                var changes: [(Int64, String)] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT rowid, \"\(column)\" FROM \"\(table)\" WHERE typeof(\"\(column)\") = 'text'")
                while let row = try rows.next() {
                    let text: String = row[1]
                    guard text.lowercased() != address else { continue }
                    let redacted = redaction.apply(text)
                    if redacted != text { changes.append((row[0], redacted)) }
                }
                for (rowID, text) in changes {
                    try db.execute(sql: "UPDATE \"\(table)\" SET \"\(column)\" = ? WHERE rowid = ?", arguments: [text, rowID])
                }
            }
        }
    }

    /// Moves a participant to a new address (after the new address confirmed the change), with
    /// everything kept under their address: their event invitations and answers, and requests
    /// waiting for their confirmation. A bounce mark on the old address comes off: it was
    /// about that address. The move is recorded, so mail written to the old address is known.
    static func changeAddress(_ db: Database, from old: String, to new: String, now: Date) throws -> Participant? {
        guard var participant = try findParticipant(db, email: old), let id = participant.id else { return nil }
        let from = participant.email
        let to = new.lowercased()
        if try findParticipant(db, email: to) != nil {
            throw MentorMailError(.data, "\(new) already belongs to another participant")
        }
        participant.email = to
        participant.updatedAt = now
        try participant.update(db)
        try clearBounce(db, participantID: id)
        try EventGuest.filter(EventGuest.Columns.email == from).updateAll(db, EventGuest.Columns.email.set(to: to))
        try PendingToken.filter(Column("email") == from && Column("purpose") != PendingToken.Purpose.addressChange.rawValue)
            .updateAll(db, Column("email").set(to: to))
        try PendingToken.filter(Column("payload") == from && Column("purpose") == PendingToken.Purpose.addressChange.rawValue)
            .updateAll(db, Column("payload").set(to: to))
        var move = AddressMove(participantID: id, oldEmail: from, newEmail: to, movedAt: now)
        try move.insert(db)
        return participant
    }
}
