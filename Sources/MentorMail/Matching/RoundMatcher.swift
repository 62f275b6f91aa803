import Foundation
import GRDB
import MatchingCore

/// Computes a round's proposal from the store: who may be matched, as the matcher sees
/// them, and the plan with its explanations.
struct RoundMatcher {
    let config: Config
    let now: Date

    struct Inputs {
        var mentees: [Participant]
        var mentors: [Participant]
        var freeSlots: [Int64: Int]
        var history: PairHistory
        var fingerprint: String
    }

    /// Mentees: active mentee/both participants of the round without an ongoing mentorship as
    /// mentee. Mentors: every active mentor/both participant (any round, or the pool) with a
    /// free slot.
    func inputs(round: Round, db: Database) throws -> Inputs {
        // Everyone, once: the active ones take part, and everyone counts in the fingerprint.
        let everyone = try Participant.order(Column("id")).fetchAll(db)
        let active = everyone.filter { $0.status == .active }
        let ongoing = try Mentorship.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status)).fetchAll(db)
        let all = try Mentorship.fetchAll(db)
        // A mentee who graduated is done being mentored (and may mentor now), unless they asked
        // to be mentored again since; never by a former mentor (the history below).
        let mentoredNow = try AppDatabase.mentoredMentees(db)
        var load: [Int64: Int] = [:]
        for mentorship in ongoing { load[mentorship.mentorID, default: 0] += 1 }
        let mentees = active.filter { $0.roundID == round.id && $0.profile.isMentee && !mentoredNow.contains($0.id ?? -1) }
        var freeSlots: [Int64: Int] = [:]
        let mentors = active.filter { person in
            guard person.profile.isMentor, let id = person.id else { return false }
            let free = person.profile.capacity - load[id, default: 0]
            freeSlots[id] = free
            return free > 0
        }
        var history = PairHistory()
        // A pair that ended only because one of them paused may meet again once they are back.
        for mentorship in all where !mentorship.endedByPause {
            history.record(Int(mentorship.menteeID), Int(mentorship.mentorID), endedBadly: mentorship.status == .ended)
        }
        // Kept apart by a coordinator: never proposed, like a pair that ended badly.
        let apart = try AppDatabase.keptApart(db)
        for pair in apart { history.record(Int(pair.lowID), Int(pair.highID), endedBadly: true) }
        // What the proposal depends on: everyone's status and profile version, and the pairs so far.
        var hasher = FNV1a()
        for person in everyone {
            hasher.add("\(person.id ?? 0)|\(person.status.rawValue)|\(person.updatedAt.timeIntervalSince1970)|\(person.roundID ?? 0);")
        }
        for mentorship in all { hasher.add("m\(mentorship.id ?? 0)|\(mentorship.status.rawValue);") }
        for pair in apart { hasher.add("k\(pair.lowID)|\(pair.highID);") }
        return Inputs(mentees: mentees, mentors: mentors, freeSlots: freeSlots, history: history, fingerprint: hasher.hex)
    }

    func plan(_ inputs: Inputs, method: MatchMethod) throws -> MatchPlan {
        // Many people write the same zone: read each way of writing it once.
        var zones: [String: (ParticipantTimeZone?, Int)] = [:]
        func zone(_ text: String) -> (ParticipantTimeZone?, Int) {
            if let known = zones[text] { return known }
            let zone = read(zone: text)
            zones[text] = zone
            return zone
        }
        let mentees = inputs.mentees.compactMap { profile(of: $0, freeSlots: 0, zone: zone) }
        let mentors = inputs.mentors.compactMap { profile(of: $0, freeSlots: inputs.freeSlots[$0.id ?? -1] ?? 0, zone: zone) }
        do {
            return try planMatches(mentees: mentees, mentors: mentors, weights: config.matching.weights, history: inputs.history,
                                   rules: config.matching.rules, method: method)
        } catch {
            throw MentorMailError(.internalError, "matching failed: \(error)")
        }
    }

    /// A time zone as written, and its offset from UTC now (0 when it cannot be read).
    func read(zone text: String) -> (ParticipantTimeZone?, Int) {
        let zone = TimeZoneInterpreter.interpret(text)
        return (zone, zone?.utcOffsetMinutes(at: now) ?? 0)
    }

    /// The matcher's view of a participant (`zone` reads a time zone as `read(zone:)` does).
    func profile(of person: Participant, freeSlots: Int, zone interpret: ((String) -> (ParticipantTimeZone?, Int))? = nil) -> Profile? {
        guard let id = person.id, let role = Role(rawValue: person.profile.role) else { return nil }
        let types = Set(person.profile.mentoringTypes.compactMap(MentoringType.init(rawValue:)))
        let (zone, offset) = interpret?(person.profile.timeZone) ?? read(zone: person.profile.timeZone)
        let interactions = Set(person.profile.interactions.compactMap { stored in
            InteractionStyle(storedName: stored).flatMap { Interaction(rawValue: $0.rawValue) }
        })
        return Profile(
            id: Int(id), role: role,
            mentoringWanted: person.profile.isMentee ? types : [],
            mentoringOffered: person.profile.isMentor ? types : [],
            areas: Set(person.profile.areas + person.profile.freeTextAreas),
            utcOffsetMinutes: offset,
            languages: LanguageNames.matchable(person.profile.languages),
            interactions: interactions.isEmpty ? [.email] : interactions,
            capacity: freeSlots,
            paused: person.status == .paused,
            // People in the same tz zone can usually meet in person.
            region: zone?.identifier,
            availability: nil,
            interactionsAssumed: interactions.isEmpty || person.profile.interactionsAssumed == true)
    }

    /// Display names for explanations: area keys as the vocabulary spells them.
    var displayNames: DisplayNames {
        var names: [String: String] = [:]
        for area in config.enrollment.vocabulary.areas { names[area.name] = area.displayName }
        return DisplayNames(names)
    }
}

/// FNV-1a, 64 bit: a stable fingerprint of text (not a security measure; tokens are the secret).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    mutating func add(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String { String(value, radix: 16) }
}
