import Foundation
import GRDB

/// `mentormail pairs list`: one pair with its people and how its check-in went.
public struct PairView: Codable, Sendable {
    public struct Person: Codable, Sendable {
        /// Empty for someone whose data was deleted: `name` then says so.
        public var email: String
        public var name: String
        /// Set when their address bounced for good.
        public var bounce: BounceView?

        /// "Mia <mia@example.org>", or the name alone without an address.
        public var shown: String { email.isEmpty ? name : "\(name) <\(email)>" }
        /// The address, or the name without one.
        public var listed: String { email.isEmpty ? name : email }
    }

    public var id: Int64
    public var round: String
    public var mentee: Person
    public var mentor: Person
    /// introduced, active, graduated or ended; "introduction-held" while the introduction of a
    /// pair still going was kept or could not be sent.
    public var status: String
    /// Why its introduction was kept, not sent (an address bounced, or a recipient is asked
    /// whether they leave) or could not be sent: the pair is not introduced yet.
    public var introductionHeld: String?
    public var score: Int
    /// When the introduction went out (until it is sent: when the pair was approved); none
    /// while it is held.
    public var introducedAt: Date?
    public var endedAt: Date?
    public var endedReason: String?
    /// Each side's check-in answers so far ("5 of 5, meeting: yes, good fit, continue"), if any.
    public var menteeCheckin: String?
    public var mentorCheckin: String?

    /// The state to show: `status`, with why when the introduction of a pair still going was held.
    public var shownStatus: String {
        guard let why = introductionHeld, status == Self.introductionHeldStatus else { return status }
        return "introduction held: \(why)"
    }

    public static let introductionHeldStatus = "introduction-held"

}

/// `mentormail pairs show`: a pair and its timeline.
public struct PairDetails: Codable, Sendable {
    public struct Event: Codable, Sendable {
        public var at: Date
        public var what: String
        /// For our mail about the pair: its outbox row, and its state as `outbox list` shows it,
        /// "kept-while-leaving" for mail withheld while a recipient is asked whether they leave.
        public var outbox: Int64? = nil
        public var state: String? = nil
    }

    public var pair: PairView
    public var why: String
    public var notes: [String]
    public var timeline: [Event]
}

extension AppDatabase {
    /// `pairs show`'s "why" of a pair with someone whose data was deleted: it was built from their profile.
    static let erasedExplanation = "not kept: it came from the profile of a participant whose data was deleted"

    /// The values `pairs list --status` takes, each with what it lists.
    public static let pairStatuses: KeyValuePairs<String, String> = [
        "active": "every pair still going: introduced, introduction-held, or meeting as a check-in said",
        "introduced": "not yet known to meet: the introduction went, and no check-in said they meet",
        "introduction-held": "its introduction was kept or could not be sent",
        "graduated": "ended well",
        "ended": "ended otherwise: not a good fit, a side left, or a coordinator ended it",
    ]

    /// Pairs, newest first; `status` lists exactly the pairs shown in that state ("introduced"
    /// leaves out those whose introduction is held), except "active": every pair still going,
    /// as the program has always called them, whatever its finer state.
    public func pairs(status: String? = nil, round: String? = nil) throws -> [PairView] {
        try read { db in
            var request = Mentorship.order(Column("id").desc)
            switch status {
            case "active"?, PairView.introductionHeldStatus?:
                request = request.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status))
            case let status?: request = request.filter(Mentorship.Columns.status == status)
            case nil: break
            }
            if let round {
                guard let found = try Self.findRound(db, name: round) else {
                    throw MentorMailError(.data, "there is no round named \(round); see `mentormail round list`")
                }
                request = request.filter(Mentorship.Columns.roundID == found.id)
            }
            let people = try Self.participantsByID(db)
            let rounds = Dictionary(try Round.fetchAll(db).compactMap { round in round.id.map { ($0, round.name) } }, uniquingKeysWith: { a, _ in a })
            let surveys = Dictionary(grouping: try Survey.fetchAll(db), by: \.mentorshipID)
            let bounces = try Self.bouncesByParticipant(db)
            let held = try Self.heldIntroductions(db)
            let introduced = try Self.introductionsSent(db)
            let takenBack = try Self.surveysTakenBack(db)
            return try request.fetchAll(db).map { mentorship in
                Self.view(mentorship, people: people, rounds: rounds, surveys: surveys[mentorship.id ?? -1] ?? [], bounces: bounces,
                          held: held, introduced: introduced, takenBack: takenBack)
            }.filter { status == nil || status == "active" || $0.status == status }
        }
    }

    /// Why each pair's introduction did not go, by mentorship id, as `pairs` and `round show` say it.
    static func heldIntroductions(_ db: Database, mentorship id: Int64? = nil, ongoingOnly: Bool = false) throws -> [Int64: String] {
        Dictionary(try heldIntroductionList(db, mentorship: id, ongoingOnly: ongoingOnly).map { ($0.pair, $0.summary) }) { _, newer in newer }
    }

    /// The pairs whose introduction did not go, by pair id: its newest copy (not replaced by a
    /// fresh one) was kept because an address bounced, failed for good, or was cancelled.
    /// `ongoingOnly`: only those of pairs still going (an ended pair needs no introduction).
    static func heldIntroductionList(_ db: Database, mentorship id: Int64? = nil, ongoingOnly: Bool = false) throws -> [HeldIntroduction] {
        var request = OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.introduction.rawValue
                                           && Column("topicKind") == Topic.Kind.mentorship.rawValue && Column("replacedBy") == nil
                                           && [OutboxMessage.Status.withheld, .failed, .cancelled].map(\.rawValue).contains(OutboxMessage.Columns.status))
        if let id { request = request.filter(Column("topicID") == id) }
        var held: [Int64: HeldIntroduction] = [:]
        for row in try request.order(Column("id")).fetchAll(db) {
            guard let pair = row.topicID else { continue }
            var why = row.lastError ?? "not sent"
            if why.hasPrefix("not sent: ") { why.removeFirst("not sent: ".count) }
            held[pair] = HeldIntroduction(pair: pair, outbox: row.id ?? 0, status: row.status.rawValue, why: why)
        }
        // A copy sent that bounced for one of its recipients (still marked): the pair cannot start either.
        let marks = Dictionary(grouping: try AddressBounce.filter(Column("outboxID") != nil).fetchAll(db)) { $0.outboxID ?? 0 }
        var sent = OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.introduction.rawValue
                                        && Column("topicKind") == Topic.Kind.mentorship.rawValue && Column("replacedBy") == nil
                                        && OutboxMessage.Columns.status == OutboxMessage.Status.sent.rawValue)
        if let id { sent = sent.filter(Column("topicID") == id) }
        for row in try sent.order(Column("id")).fetchAll(db) {
            guard let pair = row.topicID, held[pair] == nil, let mark = marks[row.id ?? -1]?.first else { continue }
            held[pair] = HeldIntroduction(pair: pair, outbox: row.id ?? 0, status: HeldIntroduction.bounced,
                                          why: "\(mark.email) bounced for good on \(mark.bouncedAt.formatted(.iso8601)) (\(mark.words)); "
                                               + "once they give a working address: mentormail participants change-address \(mark.email) NEW")
        }
        if ongoingOnly {
            let ongoing = Set(try Int64.fetchAll(db, Mentorship.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status))
                .select(Column("id"))))
            held = held.filter { ongoing.contains($0.key) }
        }
        return held.values.sorted { $0.pair < $1.pair }
    }

    /// When each pair's introduction went out, by mentorship id: the sending of its current
    /// copy (not replaced by a fresh one), or of its first when the current one went again
    /// after the pair's check-in. A pair not here was not introduced yet.
    static func introductionsSent(_ db: Database, mentorship id: Int64? = nil) throws -> [Int64: Date] {
        var request = OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.introduction.rawValue
                                           && Column("topicKind") == Topic.Kind.mentorship.rawValue
                                           && OutboxMessage.Columns.status == OutboxMessage.Status.sent.rawValue)
        var surveys = Survey.all()
        if let id {
            request = request.filter(Column("topicID") == id)
            surveys = surveys.filter(Column("mentorshipID") == id)
        }
        var sent: [Int64: Date] = [:], first: [Int64: Date] = [:]
        for row in try request.order(Column("id")).fetchAll(db) {
            guard let pair = row.topicID, let at = row.sentAt else { continue }
            first[pair] = min(first[pair] ?? at, at)
            if row.replacedBy == nil { sent[pair] = at }
        }
        var checkin: [Int64: Date] = [:]
        for survey in try surveys.fetchAll(db) { checkin[survey.mentorshipID] = min(checkin[survey.mentorshipID] ?? survey.sentAt, survey.sentAt) }
        for (pair, at) in sent {
            if let asked = checkin[pair], asked < at, let day = first[pair] { sent[pair] = day }
        }
        return sent
    }

    /// When `mentorship`'s introduction went out: the sending of its current copy (of its first,
    /// when the current one went again after the pair's check-in); nil while that copy waits
    /// (queued, kept or failed); the approval when no copy is stored.
    static func introductionDate(_ db: Database, of mentorship: Mentorship) throws -> Date? {
        guard let id = mentorship.id else { return mentorship.introducedAt }
        let current = try OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.introduction.rawValue
                                               && Column("topicKind") == Topic.Kind.mentorship.rawValue && Column("topicID") == id
                                               && Column("replacedBy") == nil)
            .order(Column("id").desc).fetchOne(db)
        guard let current else { return mentorship.introducedAt }
        switch current.status {
        case .sent: return try introductionsSent(db, mentorship: id)[id] ?? current.sentAt ?? mentorship.introducedAt
        case .retired: return mentorship.introducedAt
        case .queued, .withheld, .failed, .cancelled: return nil
        }
    }

    /// When `email` got `mentorship`'s introduction: the first copy sent to that address (a
    /// partner who had it before a fresh copy went to both keeps their own day); nil when none was.
    static func introductionDate(_ db: Database, of mentorship: Mentorship, to email: String) throws -> Date? {
        guard let id = mentorship.id else { return nil }
        return try OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.introduction.rawValue
                                        && Column("topicKind") == Topic.Kind.mentorship.rawValue && Column("topicID") == id
                                        && OutboxMessage.Columns.status == OutboxMessage.Status.sent.rawValue)
            .order(Column("id")).fetchAll(db)
            .first { $0.recipientList.contains { $0.lowercased() == email.lowercased() } }?.sentAt
    }

    static func view(_ mentorship: Mentorship, people: [Int64: Participant], rounds: [Int64: String], surveys: [Survey],
                     bounces: [Int64: AddressBounce] = [:], held: [Int64: String] = [:], introduced: [Int64: Date] = [:],
                     takenBack: Set<Int64> = []) -> PairView {
        let why = mentorship.isOngoing ? mentorship.id.flatMap { held[$0] } : nil
        func person(_ id: Int64) -> PairView.Person {
            guard let person = people[id] else { return PairView.Person(email: "?", name: "?") }
            guard person.status != .erased else { return PairView.Person(email: "", name: erasedWords) }
            return PairView.Person(email: person.email, name: person.profile.name, bounce: bounces[id].map(BounceView.init))
        }
        func checkin(_ side: Survey.Side) -> String? {
            guard let survey = surveys.first(where: { $0.side == side }) else { return nil }
            let described = CheckinService.describe(survey.answers)
            guard described.isEmpty else { return described }
            if let id = survey.id, takenBack.contains(id) { return "cancelled, not sent" }
            return survey.reminderSentAt == nil ? "sent, no answer yet" : "reminded, no answer yet"
        }
        return PairView(id: mentorship.id ?? 0, round: rounds[mentorship.roundID] ?? "?", mentee: person(mentorship.menteeID),
                        mentor: person(mentorship.mentorID), status: why == nil ? mentorship.status.rawValue : PairView.introductionHeldStatus,
                        introductionHeld: why, score: mentorship.score,
                        introducedAt: why == nil ? mentorship.id.flatMap { introduced[$0] } ?? mentorship.introducedAt : nil, endedAt: mentorship.endedAt, endedReason: mentorship.endedReason,
                        menteeCheckin: checkin(.mentee), mentorCheckin: checkin(.mentor))
    }

    /// One pair with its timeline: the mail we sent about it, the replies read in its context,
    /// the check-ins, and its end.
    public func pairDetails(id: Int64) throws -> PairDetails {
        try read { db in
            guard let mentorship = try Mentorship.fetchOne(db, key: id) else {
                throw MentorMailError(.data, "no pair has the id \(id); see `mentormail pairs list`")
            }
            let people = try Self.participantsByID(db)
            let rounds = Dictionary(try Round.fetchAll(db).compactMap { round in round.id.map { ($0, round.name) } }, uniquingKeysWith: { a, _ in a })
            let surveys = try Survey.filter(Survey.Columns.mentorshipID == id).order(Column("id")).fetchAll(db)
            let surveyIDs = surveys.compactMap(\.id)
            func name(_ participantID: Int64) -> String { people[participantID]?.profile.name ?? "?" }
            var events: [PairDetails.Event] = []
            let sent = try OutboxMessage
                .filter((Column("topicKind") == Topic.Kind.mentorship.rawValue && Column("topicID") == id)
                        || (Column("topicKind") == Topic.Kind.survey.rawValue && surveyIDs.contains(Column("topicID"))))
                .order(Column("id")).fetchAll(db)
            let copies = Dictionary(sent.compactMap { row in row.replacedBy.map { ($0, row.id ?? 0) } }, uniquingKeysWith: { a, _ in a })
            for row in sent {
                let what = "\(row.purpose) to \(row.recipients)" + (copies[row.id ?? 0].map { " (a fresh copy of #\($0))" } ?? "")
                let line = switch row.status {
                case .sent: "sent \(what)"
                case .queued: "queued \(what)"
                case .failed: "could not send \(what)"
                case .withheld where row.isKeptWhileLeaving:
                    "kept while its recipient is asked whether they leave: \(what); " + OutboxWriter.untilTheyAnswer
                case .withheld: "kept, not sent (the address bounced): \(what)"
                case .retired: "\(what) not sent: \(row.lastError ?? "retired")"
                case .cancelled: "\(what) not sent: \(row.lastError ?? "cancelled")"
                }
                events.append(.init(at: row.sentAt ?? row.createdAt, what: line, outbox: row.id,
                                    state: row.isKeptWhileLeaving ? DigestNotice.Kind.keptWhileLeaving.rawValue : row.shownStatus))
            }
            let byID = Dictionary(sent.compactMap { row in row.id.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
            var bounced = Set<String>()
            for bounce in try Self.outboxBounces(db, of: Array(byID.keys)) {
                guard let row = byID[bounce.outboxID] else { continue }
                bounced.insert("\(bounce.outboxID) \(bounce.email)")
                events.append(.init(at: bounce.at, what: "\(row.purpose) to \(bounce.email) bounced (\(bounce.kind.meaning)): \(bounce.words)"))
            }
            // Marks from before each bounce was kept on its own.
            for mark in try AddressBounce.filter(byID.keys.contains(Column("outboxID"))).fetchAll(db)
            where !bounced.contains("\(mark.outboxID ?? 0) \(mark.email)") {
                events.append(.init(at: mark.bouncedAt, what: "\(mark.purpose) to \(mark.email) bounced (\(OutboxBounce.Kind.address.meaning)): \(mark.words)"))
            }
            let replies = try InboundMessage
                .filter((Column("contextTopic") == Topic.Kind.mentorship.rawValue && Column("contextID") == id)
                        || (Column("contextTopic") == Topic.Kind.survey.rawValue && surveyIDs.contains(Column("contextID"))))
                .order(Column("id")).fetchAll(db)
            let erased = Set([mentorship.menteeID, mentorship.mentorID].compactMap { people[$0] }.filter { $0.status == .erased }.map(\.email))
            for reply in replies {
                let sender = reply.sender.map { erased.contains($0) ? Self.erasedWords : $0 } ?? "?"
                events.append(.init(at: reply.receivedAt,
                                    what: "reply from \(sender): \(reply.intent), \(reply.disposition.rawValue)\(reply.note.map { " (\($0))" } ?? "")"))
            }
            for survey in surveys {
                let who = "\(name(survey.participantID)) (\(survey.side.rawValue))"
                if let at = survey.answeredAt { events.append(.init(at: at, what: "\(who) answered the check-in")) }
                if let at = survey.completedAt { events.append(.init(at: at, what: "\(who)'s check-in complete: \(CheckinService.describe(survey.answers))")) }
            }
            if let ended = mentorship.endedAt {
                events.append(.init(at: ended, what: "\(mentorship.status.rawValue)\(mentorship.endedReason.map { ": \($0)" } ?? "")"))
            }
            events.sort { $0.at < $1.at }
            let notes = surveys.compactMap { survey in survey.note.map { "\(name(survey.participantID)): \($0)" } }
            return PairDetails(pair: Self.view(mentorship, people: people, rounds: rounds, surveys: surveys,
                                               bounces: try Self.bouncesByParticipant(db), held: try Self.heldIntroductions(db, mentorship: id),
                                               introduced: try Self.introductionsSent(db, mentorship: id),
                                               takenBack: try Self.surveysTakenBack(db, mentorship: id)),
                               why: erased.isEmpty ? mentorship.explanation : Self.erasedExplanation, notes: notes, timeline: events)
        }
    }
}
