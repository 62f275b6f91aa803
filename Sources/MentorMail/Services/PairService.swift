import Foundation
import GRDB
import Mail

/// A pair after its introduction: graduating, ending, and what happens to each side then.
struct PairService {
    let work: Work

    struct Pair {
        var mentorship: Mentorship
        var mentee: Participant
        var mentor: Participant

        func side(of participantID: Int64?) -> Survey.Side? {
            if participantID == mentee.id { return .mentee }
            if participantID == mentor.id { return .mentor }
            return nil
        }
    }

    func pair(_ id: Int64) throws -> Pair? {
        guard let mentorship = try Mentorship.fetchOne(work.db, key: id),
              let mentee = try Participant.fetchOne(work.db, key: mentorship.menteeID),
              let mentor = try Participant.fetchOne(work.db, key: mentorship.mentorID) else { return nil }
        return Pair(mentorship: mentorship, mentee: mentee, mentor: mentor)
    }

    /// The pair graduates: both get a thank-you (the mentee an invitation to mentor), and the
    /// mentor's place is free at once. Returns false when it had already ended.
    @discardableResult
    func graduate(_ pair: Pair, by actor: String, reason: String) throws -> Bool {
        guard pair.mentorship.isOngoing else { return false }
        try close(pair, status: .graduated, by: actor, reason: reason)
        // A mentor whose other pairs still fill their capacity has no place free to promise.
        let stillMentoring = try Mentorship.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status)
                                                   && Mentorship.Columns.mentorID == pair.mentor.id).fetchCount(work.db)
        let stillFull = stillMentoring >= pair.mentor.profile.capacity ? true : nil
        for (person, partner, isMentee) in [(pair.mentee, pair.mentor, true), (pair.mentor, pair.mentee, false)] where Self.reachable(person) {
            try work.outbox.send(PairGraduatedMail(person: PersonName(person.profile.name), partner: PersonName(naming: partner),
                                                   isMentee: isMentee, isMentor: !isMentee, stillFull: isMentee ? nil : stillFull),
                                 to: [Self.address(person)], about: .mentorship(pair.mentorship.id),
                                 language: work.mailLanguage(for: person))
        }
        try work.audit.record(actor, "pair-graduated", "mentorship \(pair.mentorship.id ?? 0): \(reason)")
        return true
    }

    /// The pair ends without graduating: each side is told (no private reasons), the mentee
    /// waits in the pool for the next round (never with the same mentor again), the mentor's
    /// place is free, and the coordinators hear of it in the digest.
    @discardableResult
    func end(_ pair: Pair, by actor: String, reason: String) throws -> Bool {
        guard pair.mentorship.isOngoing else { return false }
        try close(pair, status: .ended, by: actor, reason: reason)
        for (person, partner, isMentee) in [(pair.mentee, pair.mentor, true), (pair.mentor, pair.mentee, false)] where Self.reachable(person) {
            try work.outbox.send(PairEndedMail(person: PersonName(person.profile.name), partner: PersonName(naming: partner),
                                               isMentee: isMentee, isMentor: !isMentee, nextRound: isMentee ? work.nextRoundDay() : nil),
                                 to: [Self.address(person)], about: .mentorship(pair.mentorship.id),
                                 language: work.mailLanguage(for: person))
        }
        try notice(.pairEnded, pair, "ended: \(reason)")
        try work.audit.record(actor, "pair-ended", "mentorship \(pair.mentorship.id ?? 0): \(reason)")
        return true
    }

    /// One side paused, withdrew or asked to be erased: each of their ongoing pairs ends, and the
    /// other side is told kindly, without the reason.
    /// Ends each ongoing pair of `person`, tells the other side kindly, and returns their names.
    /// `anonymously` (they asked to have their data deleted): the mail does not name them, so
    /// it is not erased with everything else that does, and still reaches the other side.
    @discardableResult
    func endPairs(of person: Participant, because reason: String, anonymously: Bool = false) throws -> [String] {
        guard let id = person.id else { return [] }
        var partners: [String] = []
        let ongoing = try Mentorship
            .filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status))
            .filter(Mentorship.Columns.menteeID == id || Mentorship.Columns.mentorID == id)
            .fetchAll(work.db)
        for mentorship in ongoing {
            guard let mentorshipID = mentorship.id, let pair = try pair(mentorshipID) else { continue }
            let leaving = pair.side(of: id) == .mentee ? "mentee" : "mentor"
            try close(pair, status: .ended, by: person.email, reason: "the \(leaving) \(reason)")
            let other = pair.side(of: id) == .mentee ? pair.mentor : pair.mentee
            let otherIsMentee = Self.waitsAsMentee(other, wasMentee: pair.side(of: id) == .mentor)
            partners.append(other.profile.name)
            if Self.reachable(other) {
                try work.outbox.send(try partnerLeft(pair, told: other, leaving: person, anonymously: anonymously, waitsAsMentee: otherIsMentee),
                                     to: [Self.address(other)], about: .mentorship(mentorshipID),
                                     language: work.mailLanguage(for: other))
            }
            try notice(.pairEnded, pair, "ended: the \(leaving) \(reason)")
        }
        return partners
    }

    /// The mail telling `other` that `leaving` left `pair` (already closed). It says which pair
    /// it was by its round and introduction day when `leaving` cannot be named, and names the
    /// pairs of `other` that go on.
    private func partnerLeft(_ pair: Pair, told other: Participant, leaving person: Participant, anonymously: Bool,
                             waitsAsMentee: Bool) throws -> PartnerLeftMail {
        let language = work.mailLanguage(for: other)
        let partner = anonymously ? (language == "es" ? "Tu pareja de mentoría" : "Your mentoring partner") : PersonName(naming: person).name
        var mail = PartnerLeftMail(person: PersonName(other.profile.name), partner: PersonName(partner),
                                   isMentee: waitsAsMentee, isMentor: !waitsAsMentee,
                                   nextRound: waitsAsMentee ? work.nextRoundDay() : nil)
        if anonymously {
            let introduced = try AppDatabase.introductionDate(work.db, of: pair.mentorship) ?? pair.mentorship.introducedAt
            mail.introduced = MailDate.day(introduced)
            mail.round = try Round.fetchOne(work.db, key: pair.mentorship.roundID)?.name
        }
        mail.goesOn = try ongoingPartners(of: other)
        return mail
    }

    /// The partners of `person`'s pairs still going, by name.
    func ongoingPartners(of person: Participant) throws -> [PersonName] {
        guard let id = person.id else { return [] }
        return try Mentorship.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status))
            .filter(Mentorship.Columns.menteeID == id || Mentorship.Columns.mentorID == id)
            .order(Column("id")).fetchAll(work.db)
            .compactMap { try Participant.fetchOne(work.db, key: $0.menteeID == id ? $0.mentorID : $0.menteeID) }
            .map(PersonName.init(naming:))
    }

    /// Whether `person`, whose pair ended, comes back as a mentee (matched with a mentor in the
    /// next round) rather than as a mentor with a place free: their current role decides (a
    /// mentor who switched to "mentee" waits as a mentee); with both roles, their side in the pair.
    static func waitsAsMentee(_ person: Participant, wasMentee: Bool) -> Bool {
        switch (person.profile.isMentee, person.profile.isMentor) {
        case (true, false): true
        case (false, true): false
        default: wasMentee
        }
    }

    private func close(_ pair: Pair, status: Mentorship.Status, by actor: String, reason: String) throws {
        var mentorship = pair.mentorship
        mentorship.status = status
        mentorship.endedAt = work.now
        mentorship.endedBy = actor
        mentorship.endedReason = reason
        try mentorship.update(work.db)
        if let id = mentorship.id { try work.jobs.retire([.checkinSurvey, .checkinReminder, .checkinSilence, .checkinGraduation, .graduationWords], subjectID: id) }
    }

    /// Adds a line about the pair to the coordinators' next digest.
    func notice(_ kind: DigestNotice.Kind, _ pair: Pair, _ detail: String, surveyID: Int64? = nil) throws {
        var notice = DigestNotice(createdAt: work.now, kind: kind, mentorshipID: pair.mentorship.id, surveyID: surveyID, detail: detail)
        try notice.insert(work.db)
        try HeldMailService(work: work).scheduleDigest(key: "notice:\(notice.id ?? 0)")
    }

    /// Only people still in the program get mail about a pair.
    static func reachable(_ person: Participant) -> Bool {
        person.status != .erased && person.status != .withdrawn
    }

    static func address(_ person: Participant) -> MailAddress {
        MailAddress(address: person.email, name: person.profile.name.isEmpty ? nil : person.profile.name)
    }
}
