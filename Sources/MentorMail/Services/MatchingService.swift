import Foundation
import GRDB
import Mail
import MatchingCore

/// Proposals and decisions: computing a round's matches, and carrying out an approval with
/// exactly one introduction per pair.
struct MatchingService {
    let work: Work

    /// One mail to both: in the language both write in; else in the language only one side
    /// chose with "Mail language:" when both speak it (a guess from writing never outranks a
    /// choice); else in one side's own language, the mentee's first, when the other speaks it
    /// too (a mentee who writes only Spanish, a mentor who lists Spanish); else in English (nil).
    func introductionLanguage(mentee: Participant, mentor: Participant) -> String? {
        let menteeLanguage = work.mailLanguage(for: mentee), mentorLanguage = work.mailLanguage(for: mentor)
        if menteeLanguage == mentorLanguage { return menteeLanguage }
        func speaks(_ person: Participant, _ code: String?) -> Bool {
            work.mailLanguage(for: person) == code
                || LanguageNames.englishName(for: TemplateLibrary.baseLanguage(code ?? "en")).map(person.profile.languages.contains) == true
        }
        let chosen = [mentee, mentor].filter { $0.profile.mailLanguageChosen == true }.map(work.mailLanguage(for:))
        if chosen.count == 1, let language = chosen.first, speaks(mentee, language), speaks(mentor, language) { return language }
        return [menteeLanguage, mentorLanguage].compactMap { $0 }.first { speaks(mentee, $0) && speaks(mentor, $0) }
    }

    /// Computes a proposal for `round`, replaces any earlier one still waiting, and mails the
    /// coordinators the review with its code (unless `dryRun`, which only computes).
    func propose(round: Round, method: MatchMethod, dryRun: Bool) throws -> MatchProposal {
        guard let roundID = round.id else { throw MentorMailError(.internalError, "the round has no id") }
        // Its introductions are out: whoever it left unmatched, and everyone who signed up since,
        // waits in the pool, as their mail told them, for the next round to take them in.
        if try AppDatabase.isMatched(work.db, roundID: roundID) {
            throw MentorMailError(.data, """
                the round \(round.name)'s matches were already approved, so nothing was proposed; whoever it left unmatched \
                and everyone who signed up since wait in the pool for the next round (`mentormail status` counts them; \
                `mentormail round open NAME --closes DATE` takes them in)
                """)
        }
        let matcher = RoundMatcher(config: work.config, now: work.now)
        let inputs = try matcher.inputs(round: round, db: work.db)
        let plan = try matcher.plan(inputs, method: method)
        // Every mentee of the round is either paired or unmatched: none means nothing to decide,
        // and a proposal would only ask the coordinators to approve an empty list.
        if plan.pairs.isEmpty && plan.unmatched.isEmpty {
            throw MentorMailError(.data, """
                the round \(round.name) has no mentees to match (active and without a mentor), so nothing was \
                proposed or mailed; `mentormail round show \(round.name)` lists who is in it and how they stand
                """)
        }
        let names = matcher.displayNames
        let people = try AppDatabase.participantsByID(work.db)
        let bounced = Set(try AppDatabase.bouncesByParticipant(work.db).keys)
        // Built once: looked up per pair, never scanned per pair.
        let mailboxes = Dictionary(grouping: people.values.filter { [.active, .incomplete, .paused].contains($0.status) }) {
            MailAddress.mailbox(of: $0.email)
        }
        var proposal = MatchProposal(
            roundID: roundID, token: ConfirmationToken.make(), algorithm: method.rawValue, fingerprint: inputs.fingerprint,
            status: .proposed,
            pairs: plan.pairs.map { .init(menteeID: Int64($0.menteeID), mentorID: Int64($0.mentorID), score: $0.compatibility.score,
                                          explanation: $0.compatibility.english(names: names),
                                          caution: Self.caution(mentee: people[Int64($0.menteeID)], mentor: people[Int64($0.mentorID)],
                                                                bounced: bounced, mailboxes: mailboxes)) },
            unmatched: plan.unmatched.map { .init(menteeID: Int64($0.menteeID), reason: $0.reason.english(names: names)) },
            totalScore: plan.totalScore, createdAt: work.now, decidedAt: nil)
        if dryRun { return proposal }
        try AppDatabase.supersedeWaitingProposals(work.db, roundID: roundID, now: work.now)
        try proposal.insert(work.db)
        try work.audit.record("matcher", "proposal",
                              "\(round.name): \(proposal.pairs.count) pairs, \(proposal.unmatched.count) unmatched, \(method.rawValue)")
        func person(_ id: Int64) -> (name: String, email: String) {
            (people[id].map { PersonName(naming: $0).name } ?? "?", people[id]?.email ?? "?")
        }
        let review = MatchReviewMail(
            round: round.name, algorithm: method.rawValue, token: proposal.token,
            pairCount: proposal.pairs.count, unmatchedCount: proposal.unmatched.count, totalScore: proposal.totalScore,
            pairs: proposal.pairs.map { pair in
                .init(mentee: person(pair.menteeID).name, menteeEmail: person(pair.menteeID).email,
                      mentor: person(pair.mentorID).name, mentorEmail: person(pair.mentorID).email,
                      score: pair.score, why: pair.explanation, caution: pair.caution)
            },
            unmatched: proposal.unmatched.map { .init(name: person($0.menteeID).name, email: person($0.menteeID).email, reason: $0.reason) },
            hasUnmatched: !proposal.unmatched.isEmpty)
        let coordinators = work.config.program.coordinators.map { MailAddress(address: $0) }
        if !coordinators.isEmpty {
            try work.outbox.send(review, to: coordinators, about: .proposal(proposal.id))
        }
        return proposal
    }

    /// What the score does not show and a coordinator should see before approving: someone
    /// whose address bounced for good (among `bounced`, participant ids: the introduction would
    /// be kept, not sent), and a pair with no way to meet in common (it scores less, but may
    /// still be the best there is), and someone with a second record at the same mailbox under
    /// another "+tag" (`mailboxes`: the active, incomplete and paused participants by mailbox),
    /// who would get two introductions.
    /// A missing shared area is not flagged: the reasons show the areas a pair shares, and in a
    /// small pool most pairs share none.
    static func caution(mentee: Participant?, mentor: Participant?, bounced: Set<Int64> = [], mailboxes: [String: [Participant]] = [:]) -> String? {
        guard let mentee, let mentor else { return nil }
        var notes: [String] = []
        for person in [mentee, mentor] {
            let twins = (mailboxes[MailAddress.mailbox(of: person.email)] ?? []).filter { $0.id != person.id }
            for twin in twins.sorted(by: { $0.email < $1.email }) {
                notes.append("\(AppDatabase.personWords(person)) and \(AppDatabase.personWords(twin)) write from the same mailbox"
                             + (twin.profile.name == person.profile.name ? " under the same name" : "") + ": likely one person with two records")
            }
        }
        for person in [mentee, mentor] where person.id.map(bounced.contains) == true {
            notes.append("\(PersonName(naming: person).name)'s address \(person.email) bounced for good: reach them first or "
                         + "`mentormail participants change-address \(person.email) NEW`")
        }
        let ways = { (person: Participant) in person.profile.interactions.map { InteractionStyle(storedName: $0)?.label ?? $0 }.joined(separator: ", ") }
        if !mentee.profile.interactions.isEmpty, !mentor.profile.interactions.isEmpty,
           Set(mentee.profile.interactions).isDisjoint(with: mentor.profile.interactions) {
            notes.append("no way to meet in common (\(PersonName(naming: mentee).name): \(ways(mentee)); \(PersonName(naming: mentor).name): \(ways(mentor)))")
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// The proposal a coordinator's mail refers to, by its code or its id.
    static func proposal(_ reference: ProposalReference, db: Database) throws -> MatchProposal? {
        switch reference {
        case .token(let token): try MatchProposal.filter(MatchProposal.Columns.token == token).fetchOne(db)
        case .id(let id): try MatchProposal.fetchOne(db, key: id)
        }
    }

    enum Decision { case approve, reject }

    /// Carries out a coordinator's decision on a proposal. Approval creates the mentorships and
    /// queues exactly one introduction per pair and a note per unmatched mentee, all in this
    /// transaction.
    /// `reason`: why it is rejected, kept with the proposal.
    func decide(_ decision: Decision, proposal reference: ProposalReference, by actor: String, reason: String? = nil) throws -> DecisionResult {
        let found = try Self.proposal(reference, db: work.db)
        let codeText: String = switch reference {
        case .token(let token): token
        case .id(let id): found?.token ?? "proposal \(id)"
        }
        guard var proposal = found, let proposalID = proposal.id, let round = try Round.fetchOne(work.db, key: proposal.roundID) else {
            return DecisionResult(outcome: .unknownCode, round: nil, token: codeText)
        }
        var result = DecisionResult(outcome: .unknownCode, round: round.name, token: proposal.token, proposalID: proposalID)
        guard proposal.status == .proposed else {
            result.outcome = .alreadyDecided(proposal.status.rawValue)
            // A newer proposal of the round may be the one they mean.
            result.waiting = try MatchProposal.filter(MatchProposal.Columns.roundID == proposal.roundID
                                                      && MatchProposal.Columns.status == MatchProposal.Status.proposed.rawValue).fetchOne(work.db)?.token
            return result
        }
        try AppDatabase.withdrawUnsentReviews(work.db, proposalIDs: [proposalID])
        if decision == .reject {
            proposal.status = .rejected
            proposal.decidedAt = work.now
            proposal.decisionReason = reason
            try proposal.update(work.db)
            try work.audit.record(actor, "proposal-rejected", "\(round.name) \(proposal.token)" + (reason.map { ": \($0)" } ?? ""))
            result.outcome = .rejected
            result.reason = reason
            return result
        }
        guard try !AppDatabase.waitsButStale(proposal, of: round, config: work.config, now: work.now, db: work.db) else {
            // It can never be approved now: it no longer waits for a decision.
            proposal.status = .superseded
            proposal.decidedAt = work.now
            try proposal.update(work.db)
            result.outcome = .stale
            return result
        }
        proposal.status = .approved
        proposal.decidedAt = work.now
        try proposal.update(work.db)
        let people = try AppDatabase.participantsByID(work.db)
        var introductions = 0
        for pair in proposal.pairs {
            guard let mentee = people[pair.menteeID], let mentor = people[pair.mentorID] else { continue }
            var mentorship = Mentorship(roundID: proposal.roundID, proposalID: proposalID, menteeID: pair.menteeID,
                                        mentorID: pair.mentorID, score: pair.score, explanation: pair.explanation,
                                        status: .introduced, introducedAt: work.now, endedAt: nil)
            try mentorship.insert(work.db)
            try AppDatabase.recordPaired(work.db, participantID: pair.menteeID, roundID: proposal.roundID, asMentee: true, now: work.now)
            try AppDatabase.recordPaired(work.db, participantID: pair.mentorID, roundID: proposal.roundID, asMentee: false, now: work.now)
            try CheckinService(work: work).schedule(mentorship)
            let shared = introductionLanguage(mentee: mentee, mentor: mentor)
            try work.outbox.send(introduction(mentee: mentee, mentor: mentor, why: pair.explanation, language: shared),
                                 to: [address(mentee), address(mentor)], about: .mentorship(mentorship.id), language: shared)
            introductions += 1
        }
        var notes = 0
        for entry in proposal.unmatched {
            guard let mentee = people[entry.menteeID] else { continue }
            let language = work.mailLanguage(for: mentee)
            var note = UnmatchedNoteMail(person: PersonName(mentee.profile.name), round: round.name, reason: entry.reason,
                                         nextRound: work.nextRoundDay())
            if language == "es" { note.reason = MatchExplanation.spanishReason(entry.reason, wording: ProfileWording(language: language)) }
            try work.outbox.send(note,
                                 to: [address(mentee)], about: .participant(mentee.id), language: work.mailLanguage(for: mentee))
            notes += 1
        }
        result.mentorNotes = try thankUnmatchedMentors(round: round, people: people)
        try work.audit.record(actor, "proposal-approved", "\(round.name) \(proposal.token): \(introductions) introductions")
        result.outcome = .approved(introductions: introductions, notes: notes)
        return result
    }

    /// Each active mentor of the round with a free place who got no mentee in it is thanked and
    /// told they stay available for the next round: once per mentor and round.
    private func thankUnmatchedMentors(round: Round, people: [Int64: Participant]) throws -> Int {
        guard let roundID = round.id else { return 0 }
        let paired = Set(try Mentorship.filter(Mentorship.Columns.roundID == roundID).fetchAll(work.db).map(\.mentorID))
        var load: [Int64: Int] = [:]
        for mentorship in try Mentorship.filter(Mentorship.ongoing.map(\.rawValue).contains(Mentorship.Columns.status)).fetchAll(work.db) {
            load[mentorship.mentorID, default: 0] += 1
        }
        var sent = 0
        for var member in try RoundMember.filter(RoundMember.Columns.roundID == roundID).order(Column("id")).fetchAll(work.db)
        where member.role.isMentor && member.unmatchedNoteAt == nil && !paired.contains(member.participantID) {
            guard let mentor = people[member.participantID], mentor.status == .active, mentor.profile.isMentor,
                  mentor.profile.capacity > load[member.participantID, default: 0] else { continue }
            let language = work.mailLanguage(for: mentor)
            let profile = mentor.profile, wording = ProfileWording(language: language)
            let areas = profile.areas.map { work.config.enrollment.vocabulary.displayName(ofArea: $0, language: language) } + profile.freeTextAreas
            let interaction = profile.interactions.map { InteractionStyle(storedName: $0).map(wording.interaction) ?? $0 }
            let kinds = Set(profile.mentoringTypes)
            let both = ["technical", "career"]
            try work.outbox.send(UnmatchedMentorNoteMail(person: PersonName(profile.name), round: round.name,
                                                         nextRound: work.nextRoundDay(),
                                                         areas: areas.isEmpty ? nil : areas.joined(separator: ", "),
                                                         interaction: interaction.isEmpty ? nil : interaction.joined(separator: ", "),
                                                         bothKinds: kinds.count == 1 && kinds.isSubset(of: both) ? wording.mentoringTypeList(both) : nil),
                                 to: [address(mentor)], about: .participant(mentor.id), language: language)
            member.unmatchedNoteAt = work.now
            try member.update(work.db)
            sent += 1
        }
        return sent
    }

    private func address(_ person: Participant) -> MailAddress {
        MailAddress(address: person.email, name: person.profile.name.isEmpty ? nil : person.profile.name)
    }

    /// The one introduction of a pair, its facts worded in `language` (the pair's shared one).
    func introduction(mentee: Participant, mentor: Participant, why: String, language: String? = nil) -> IntroductionMail {
        let wording = ProfileWording(language: language)
        func side(_ person: Participant) -> IntroductionMail.Side {
            let zone = TimeZoneInterpreter.interpret(person.profile.timeZone)
            let styles = person.profile.interactions.map { InteractionStyle(storedName: $0).map(wording.interaction) ?? $0 }
            return .init(name: PersonName(naming: person).name, email: person.email, timeZone: zone.map { wording.timeZone($0, at: work.now) } ?? person.profile.timeZone,
                         interactions: wording.list(styles), languages: wording.list(person.profile.languages.map(wording.languageName)),
                         about: person.profile.aboutMe, availability: person.profile.availability)
        }
        let vocabulary = work.config.enrollment.vocabulary
        let why = language == "es" ? MatchExplanation.spanish(why) { vocabulary.displayName(ofArea: vocabulary.areaName(for: $0) ?? $0, language: language) } : why
        // The richest way of meeting both like, for a first conversation.
        let shared = Set(mentee.profile.interactions).intersection(mentor.profile.interactions)
        var meetBy = IntroductionMail.FirstMeeting()
        switch ["video", "irc", "chat", "in-person", "email"].first(where: shared.contains) {
        case "video": meetBy.video = true
        case "irc": meetBy.irc = true
        case "chat": meetBy.chat = true
        case "in-person": meetBy.inPerson = true
        default: meetBy.email = true
        }
        return IntroductionMail(mentee: side(mentee), mentor: side(mentor), why: why, meetBy: meetBy)
    }
}

/// What a decision on a proposal did.
public struct DecisionResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case approved(introductions: Int, notes: Int)
        case rejected
        case unknownCode
        case alreadyDecided(String)
        case stale
    }

    public var outcome: Outcome
    public var round: String?
    public var token: String
    var proposalID: Int64?
    /// With `approved`: the mentors of the round who got no mentee, thanked.
    public var mentorNotes = 0
    /// With `alreadyDecided`: the round's proposal that waits now, if any.
    public var waiting: String?
    /// A rejection's reason, as kept.
    public var reason: String?

    /// In words, for the command line and the message's note.
    public var summary: String {
        let name = round ?? "?"
        switch outcome {
        case .approved(let introductions, let notes):
            return "Approved the proposal for \(name): \(introductions) introduction(s)"
                + (mentorNotes > 0 ? ", \(notes) note(s) to unmatched mentees and \(mentorNotes) note(s) to mentors without a mentee"
                                   : " and \(notes) note(s) to unmatched mentees") + " are on their way."
        case .rejected:
            return "Rejected the proposal for \(name)" + (reason.map { " (\($0))" } ?? "") + ". Run `mentormail match --round \(name)` for a new one; "
                + "to keep two people from being paired: mentormail pairs keep-apart ADDRESS ADDRESS."
        case .unknownCode:
            return "No proposal has the code \(token)."
        case .alreadyDecided(let status):
            return "The proposal \(token) for \(name) was already \(status); nothing was done."
                + (waiting.map { " The proposal waiting now is \($0): reply \"APPROVE \($0)\" or run `mentormail round approve \(name)`." } ?? "")
        case .stale:
            return "The participants changed since the proposal \(token) for \(name) was made, so it can no longer be approved. "
                + "Run `mentormail match --round \(name)` for a new proposal."
        }
    }

    var mail: MatchDecisionMail {
        var mail = MatchDecisionMail(round: round, token: token)
        switch outcome {
        case .approved(let introductions, let notes):
            mail.approved = true
            mail.introductions = introductions
            mail.notes = notes
            mail.mentorNotes = mentorNotes > 0 ? mentorNotes : nil
        case .rejected:
            mail.rejected = true
            mail.reason = reason
        case .unknownCode: mail.unknownCode = true
        case .alreadyDecided(let status):
            mail.alreadyDecided = true
            mail.status = status
            mail.waiting = waiting
        case .stale: mail.stale = true
        }
        return mail
    }
}
