import Foundation
import GRDB
import Mail
import MatchingCore

extension Workflow {
    /// Computes a proposal for `round`, replaces any earlier one still waiting, and mails the
    /// coordinators the review with its token (unless `dryRun`, which only computes).
    func propose(round: Round, method: MatchMethod, dryRun: Bool, db: Database) throws -> MatchProposal {
        guard let roundID = round.id else { throw MentorMailError(.internalError, "the round has no id") }
        let matcher = RoundMatcher(config: config, now: now)
        let inputs = try matcher.inputs(round: round, db: db)
        let plan = try matcher.plan(inputs, method: method)
        let names = matcher.displayNames
        var proposal = MatchProposal(
            roundID: roundID, token: ConfirmationToken.make(), algorithm: method.rawValue, fingerprint: inputs.fingerprint,
            status: .proposed,
            pairs: plan.pairs.map { .init(menteeID: Int64($0.menteeID), mentorID: Int64($0.mentorID), score: $0.compatibility.score,
                                          explanation: $0.compatibility.english(names: names)) },
            unmatched: plan.unmatched.map { .init(menteeID: Int64($0.menteeID), reason: $0.reason.english(names: names)) },
            totalScore: plan.totalScore, createdAt: now, decidedAt: nil)
        if dryRun { return proposal }
        try db.execute(sql: "UPDATE matchProposal SET status = 'superseded', decidedAt = ? WHERE roundID = ? AND status = 'proposed'",
                       arguments: [now, roundID])
        try proposal.insert(db)
        try audit(db, actor: "matcher", action: "proposal", detail: "\(round.name): \(proposal.pairs.count) pairs, \(proposal.unmatched.count) unmatched, \(method.rawValue)")
        let people = try AppDatabase.participantsByID(db)
        let values: [String: Any] = [
            "program": programValues,
            "round": round.name,
            "algorithm": method.rawValue,
            "token": proposal.token,
            "pairCount": proposal.pairs.count,
            "unmatchedCount": proposal.unmatched.count,
            "totalScore": proposal.totalScore,
            "pairs": proposal.pairs.map { pair in
                ["mentee": people[pair.menteeID]?.profile.name ?? "?", "menteeEmail": people[pair.menteeID]?.email ?? "?",
                 "mentor": people[pair.mentorID]?.profile.name ?? "?", "mentorEmail": people[pair.mentorID]?.email ?? "?",
                 "score": pair.score, "why": pair.explanation]
            },
            "unmatched": proposal.unmatched.map { entry in
                ["name": people[entry.menteeID]?.profile.name ?? "?", "email": people[entry.menteeID]?.email ?? "?", "reason": entry.reason]
            },
            "hasUnmatched": !proposal.unmatched.isEmpty,
        ]
        let coordinators = config.program.coordinators.map { MailAddress(address: $0) }
        if !coordinators.isEmpty {
            _ = try queue(template: "match-review", purpose: "match-review", to: coordinators, values: values,
                          answering: nil, inboundID: nil, db: db)
        }
        return proposal
    }

    enum Decision { case approve, reject }

    /// Carries out a coordinator's decision on a proposal. Approval creates the mentorships and
    /// queues exactly one introduction per pair and a note per unmatched mentee, all in the
    /// caller's transaction. Returns what happened, in words for the coordinator.
    func decide(_ decision: Decision, token: String, by actor: String, db: Database) throws -> String {
        guard var proposal = try MatchProposal.filter(MatchProposal.Columns.token == token).fetchOne(db),
              let proposalID = proposal.id, let round = try Round.fetchOne(db, key: proposal.roundID) else {
            return "No proposal has the code \(token)."
        }
        guard proposal.status == .proposed else {
            return "The proposal \(token) for \(round.name) was already \(proposal.status.rawValue); nothing was done."
        }
        if decision == .reject {
            proposal.status = .rejected
            proposal.decidedAt = now
            try proposal.update(db)
            try audit(db, actor: actor, action: "proposal-rejected", detail: "\(round.name) \(token)")
            return "Rejected the proposal for \(round.name). Run `mentormail match --round \(round.name)` for a new one."
        }
        let current = try RoundMatcher(config: config, now: now).inputs(round: round, db: db)
        guard current.fingerprint == proposal.fingerprint else {
            return "The participants changed since the proposal \(token) for \(round.name) was made, so it can no longer be approved. "
                + "Run `mentormail match --round \(round.name)` for a new proposal."
        }
        proposal.status = .approved
        proposal.decidedAt = now
        try proposal.update(db)
        let people = try AppDatabase.participantsByID(db)
        for pair in proposal.pairs {
            guard let mentee = people[pair.menteeID], let mentor = people[pair.mentorID] else { continue }
            var mentorship = Mentorship(roundID: proposal.roundID, proposalID: proposalID, menteeID: pair.menteeID,
                                        mentorID: pair.mentorID, score: pair.score, explanation: pair.explanation,
                                        status: .introduced, introducedAt: now, endedAt: nil)
            try mentorship.insert(db)
            _ = try queue(template: "introduction", purpose: "introduction",
                          to: [address(mentee), address(mentor)],
                          values: introductionValues(mentee: mentee, mentor: mentor, why: pair.explanation),
                          answering: nil, inboundID: nil, db: db)
        }
        for entry in proposal.unmatched {
            guard let mentee = people[entry.menteeID] else { continue }
            _ = try queue(template: "unmatched-note", purpose: "unmatched-note", to: [address(mentee)],
                          values: ["program": programValues, "person": ["name": mentee.profile.name], "round": round.name,
                                   "reason": entry.reason, "nextRound": nextRoundText()],
                          answering: nil, inboundID: nil, db: db)
        }
        try audit(db, actor: actor, action: "proposal-approved", detail: "\(round.name) \(token): \(proposal.pairs.count) introductions")
        return "Approved the proposal for \(round.name): \(proposal.pairs.count) introduction(s) and \(proposal.unmatched.count) note(s) to unmatched mentees are on their way."
    }

    private func address(_ person: Participant) -> MailAddress {
        MailAddress(address: person.email, name: person.profile.name.isEmpty ? nil : person.profile.name)
    }

    func introductionValues(mentee: Participant, mentor: Participant, why: String) -> [String: Any] {
        func side(_ person: Participant) -> [String: Any] {
            let zone = TimeZoneInterpreter.interpret(person.profile.timeZone)
            let styles = person.profile.interactions.map { InteractionStyle(storedName: $0)?.label ?? $0 }
            return [
                "name": person.profile.name, "email": person.email,
                "timeZone": zone?.summary(at: now) ?? person.profile.timeZone,
                "interactions": styles.joined(separator: ", "),
                "languages": person.profile.languages.joined(separator: ", "),
                "about": person.profile.aboutMe,
                "availability": person.profile.availability,
            ]
        }
        let shared = Set(mentee.profile.interactions).intersection(mentor.profile.interactions)
        let medium = ["video", "irc", "chat", "in-person", "email"].first(where: shared.contains) ?? "email"
        let mediumWords = ["video": "a short video call", "irc": "a chat on IRC", "chat": "a chat",
                           "in-person": "a coffee in person", "email": "a few emails"][medium] ?? "a first conversation"
        return [
            "program": programValues,
            "mentee": side(mentee),
            "mentor": side(mentor),
            "why": why,
            "firstStep": "\(mentor.profile.name), please write to \(mentee.profile.name) this week and suggest \(mediumWords) to get to know each other.",
        ]
    }
}
