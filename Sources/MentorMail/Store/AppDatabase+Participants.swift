import Foundation
import GRDB

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
        try Participant.filter(Participant.Columns.email == email.lowercased()).fetchOne(db)
    }

    /// Adds a participant or replaces their profile, keeping every version.
    ///
    /// An erased or withdrawn person who sends a new form is back: the form is their consent.
    /// `status` is `.active` for a complete profile and `.incomplete` for one with problems; a
    /// paused person stays paused.
    static func upsertProfile(_ db: Database, email: String, profile: ParticipantProfile, status: Participant.Status,
                              source: String, origin: String, roundID: Int64?, now: Date) throws -> (Participant, ProfileChange) {
        var change = ProfileChange.added
        var participant: Participant
        if var existing = try findParticipant(db, email: email) {
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
        var version = ProfileVersion(participantID: id, at: now, profile: profile, source: source)
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
    static func erase(_ db: Database, email: String, now: Date) throws -> Bool {
        guard var participant = try findParticipant(db, email: email), let id = participant.id else { return false }
        try ProfileVersion.filter(Column("participantID") == id).deleteAll(db)
        participant.profile = .erased
        participant.status = .erased
        participant.roundID = nil
        participant.updatedAt = now
        try participant.update(db)
        // Their mail is personal data too: drop the stored bytes of what they sent.
        try db.execute(sql: "UPDATE inboundMessage SET raw = X'', subject = NULL WHERE sender = ?", arguments: [email.lowercased()])
        return true
    }

    /// Moves a participant to a new address (after the new address confirmed the change).
    static func changeAddress(_ db: Database, from old: String, to new: String, now: Date) throws -> Participant? {
        guard var participant = try findParticipant(db, email: old) else { return nil }
        if try findParticipant(db, email: new) != nil {
            throw MentorMailError(.data, "\(new) already belongs to another participant")
        }
        participant.email = new.lowercased()
        participant.updatedAt = now
        try participant.update(db)
        return participant
    }
}
