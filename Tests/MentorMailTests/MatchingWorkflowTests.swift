import Foundation
import Mail
@testable import MentorMail
import Testing

/// A round from sign-ups to introductions: proposal, review mail, approval, one introduction per pair.
@Suite struct MatchingWorkflowTests {
    static func profile(_ role: String, _ name: String, types: [String] = ["technical"], areas: [String] = ["nova"],
                        zone: String = "Europe/Madrid", languages: [String] = ["English"], interactions: [String] = ["irc", "email"],
                        capacity: Int = 0) -> ParticipantProfile {
        ParticipantProfile(role: role, name: name, mentoringTypes: types, areas: areas, timeZone: zone, languages: languages,
                           interactions: interactions, capacity: capacity)
    }

    /// Three mentees in the round (one speaks only Portuguese), two mentors in the pool.
    func seed(_ program: ProcessorTests.Program) throws -> Round {
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            for (email, profile, roundID) in [
                ("ana@example.net", Self.profile("mentee", "Ana"), round.id),
                ("ben@example.net", Self.profile("mentee", "Ben", areas: ["neutron"], zone: "Europe/Berlin"), round.id),
                ("caio@example.net", Self.profile("mentee", "Caio", languages: ["Portuguese"], interactions: ["email"]), round.id),
                ("maria@example.org", Self.profile("mentor", "Maria", areas: ["nova", "documentation"], capacity: 2), nil),
                ("li@example.org", Self.profile("mentor", "Li", areas: ["neutron"], zone: "Asia/Shanghai", interactions: ["email"], capacity: 1), nil),
            ] as [(String, ParticipantProfile, Int64?)] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test",
                                                  origin: "email", roundID: roundID, now: program.now)
            }
        }
        return round
    }

    /// A round without mentees has nothing to decide: no proposal is stored and the coordinators
    /// are not asked to approve an empty list.
    @Test func aRoundWithoutMenteesIsNotProposed() throws {
        let program = try ProcessorTests.Program()
        _ = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now)
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org", profile: Self.profile("mentor", "Maria", capacity: 2),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        for dryRun in [true, false] {
            do {
                _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: dryRun, now: program.now)
                Issue.record("an empty round was proposed (dry run: \(dryRun))")
            } catch let error as MentorMailError {
                #expect(error.kind == .data)
                #expect(error.message.contains("no mentees to match"), "\(error.message)")
            }
        }
        #expect(try program.database.read { db in try MatchProposal.fetchCount(db) } == 0)
        _ = try program.run()
        #expect(try program.sent().isEmpty, "no review mail")
    }

    @Test func aRoundIsProposedApprovedAndIntroducedOnce() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let people = try program.database.participantsByID()
        let pairs = proposal.pairs.map { "\(people[$0.menteeID]?.profile.name ?? "")-\(people[$0.mentorID]?.profile.name ?? "")" }
        #expect(pairs.sorted() == ["Ana-Maria", "Ben-Maria"] || pairs.sorted() == ["Ana-Maria", "Ben-Li"])
        #expect(proposal.pairs.count == 2)
        #expect(proposal.unmatched.count == 1)
        let reason = try #require(proposal.unmatched.first?.reason)
        #expect(reason.lowercased().contains("portuguese"), "\(reason)")
        #expect(proposal.pairs.allSatisfy { !$0.explanation.isEmpty })

        // The review goes to the coordinators with the code.
        _ = try program.run()
        let review = try #require(try program.sent().first)
        #expect(review.to.map(\.address) == ["coordinator@example.org"])
        #expect(review.subject?.contains(proposal.token) == true)
        #expect(review.textBody?.contains("APPROVE \(proposal.token)") == true)
        #expect(review.autoSubmitted == "auto-generated")

        let result = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now).summary
        #expect(result.contains("Approved"))
        let run = try program.run()
        #expect(run.sent == 3, "two introductions and one note")
        let sent = try program.sent()
        let introductions = sent.filter { $0.subject?.contains("meet your mentoring match") == true }
        #expect(introductions.count == 2)
        for introduction in introductions {
            #expect(introduction.to.count == 2, "one mail to both, mentee and mentor")
            #expect(introduction.textBody?.contains("Why we matched you:") == true)
            #expect(introduction.textBody?.contains("A first step:") == true)
        }
        let note = try #require(sent.first { $0.to.first?.address == "caio@example.net" })
        #expect(note.textBody?.contains("we could not find a mentor") == true)
        #expect(try program.database.mentorships().count == 2)

        // Approving again, or a rerun, sends nothing more.
        #expect(throws: MentorMailError.self) {
            try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now).summary
        }
        #expect(try program.run().sent == 0)
    }

    /// The introduction goes in a language both can read: a mentee who writes only Spanish and a
    /// mentor who writes English but lists Spanish get it in Spanish; with a mentor who lists no
    /// Spanish (and a mentee who also reads English) it stays in English.
    @Test func theIntroductionIsInALanguageBothRead() throws {
        for (menteeLanguages, mentorLanguages, spanish) in [(["Spanish"], ["English", "Portuguese", "Spanish"], true),
                                                            (["Spanish", "English"], ["English"], false)] {
            let program = try ProcessorTests.Program()
            let round = try program.app.openRound(name: "R", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
            var olga = Self.profile("mentee", "Olga Martínez", languages: menteeLanguages)
            olga.mailLanguage = "es"
            try program.database.write { db in
                _ = try AppDatabase.upsertProfile(db, email: "olga@example.net", profile: olga, status: .active, source: "test",
                                                  origin: "email", roundID: round.id, now: program.now)
                _ = try AppDatabase.upsertProfile(db, email: "bruno@example.org",
                                                  profile: Self.profile("mentor", "Bruno Costa", languages: mentorLanguages, capacity: 1),
                                                  status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            }
            _ = try program.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: program.now)
            _ = try program.app.decideProposal(round: "R", approve: true, now: program.now)
            _ = try program.run()
            let introduction = try #require(try program.sent().first { $0.to.count == 2 })
            let text = introduction.textBody ?? ""
            #expect(text.hasPrefix("Hola") == spanish && text.hasPrefix("Hello") == !spanish, "\(mentorLanguages): \(text)")
        }
    }

    /// Finding: after "REJECT … because Ana and Maria work at the same company", matching again
    /// proposed the same pair, and nothing could stop it. Kept apart, they are never proposed;
    /// a waiting proposal that pairs them can no longer be approved; --undo lets them meet again.
    @Test func twoPeopleKeptApartAreNeverProposed() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        let people = try program.database.participantsByID()
        func pairs(_ proposal: MatchProposal) -> [String] {
            proposal.pairs.map { "\(people[$0.menteeID]?.email ?? "")-\(people[$0.mentorID]?.email ?? "")" }
        }
        let first = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        #expect(pairs(first).contains("ana@example.net-maria@example.org"))
        let kept = try program.app.keepApart("Ana@example.net", "maria@example.org", reason: "same company", undo: false, now: program.now, by: "test")
        #expect(kept.changed && kept.staleProposal == first.token && kept.staleRound == "2027-Q1")
        #expect(try !program.app.keepApart("maria@example.org", "ana@example.net", reason: nil, undo: false, now: program.now, by: "test").changed)
        let stale = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        #expect(stale.outcome == .stale, "\(stale.summary)")
        let second = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        #expect(!pairs(second).contains("ana@example.net-maria@example.org"), "\(pairs(second))")
        #expect(throws: MentorMailError.self) {
            try program.app.keepApart("ana@example.net", "nobody@example.org", reason: nil, undo: false, now: program.now, by: "test")
        }
        #expect(try program.app.keepApart("ana@example.net", "maria@example.org", reason: nil, undo: true, now: program.now, by: "test").changed)
        let third = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: true, now: program.now)
        #expect(pairs(third).contains("ana@example.net-maria@example.org"))
    }

    @Test func changedDataInvalidatesAProposal() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        try program.database.write { db in _ = try AppDatabase.setStatus(db, email: "maria@example.org", to: .paused, now: program.now) }
        let result = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now).summary
        #expect(result.contains("changed since the proposal"))
        #expect(try program.database.mentorships().isEmpty)
    }

    @Test func aDryRunStoresNothingAndTheStableOptionWorks() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .stable, dryRun: true, now: program.now)
        #expect(proposal.algorithm == "stable")
        #expect(proposal.pairs.count == 2)
        #expect(try program.database.proposals().isEmpty)
        #expect(try program.database.outbox().isEmpty)
    }

    @Test func aVerifiedCoordinatorApprovesByReply() throws {
        var program = try ProcessorTests.Program()
        program = try program.with(trustedServer: "mx.example.org")
        _ = try seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        try program.arrive("""
            Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r
            From: Coordinator <coordinator@example.org>\r
            To: mentoring@example.org\r
            Subject: Re: Test Mentoring: 2 proposed pairs for 2027-Q1 [\(proposal.token)]\r
            Message-ID: <approve-1@example.org>\r
            \r
            APPROVE \(proposal.token)\r
            \r
            > To approve, reply with:   APPROVE \(proposal.token)\r
            """)
        let run = try program.run()
        #expect(run.answered == 1)
        #expect(try program.database.mentorships().count == 2)
        let decision = try #require(try program.sent().first { $0.inReplyTo == "approve-1@example.org" })
        #expect(decision.textBody?.contains("Approved the proposal for 2027-Q1") == true)
    }

    /// A coordinator approves in their own words, from a server we do not trust: the approval
    /// waits for the confirmation round trip, and the "yes" to that carries it out, although its
    /// Subject still holds the proposal's code before the confirmation's. A reply that decides
    /// nothing is told how to decide; it is never read as a code to confirm.
    @Test func aCoordinatorApprovesInTheirOwnWordsAndConfirms() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.run()
        let review = try #require(try program.sent().first { $0.subject?.contains(proposal.token) == true })
        let reviewID = try #require(review.messageID)

        func reply(_ subject: String, _ text: String, to parent: String, id: String) throws -> Message {
            try program.arrive("""
                From: Coordinator <coordinator@example.org>\r
                To: mentoring@example.org\r
                Subject: \(subject)\r
                Message-ID: <\(id)@example.org>\r
                In-Reply-To: <\(parent)>\r
                \r
                \(text)\r
                \r
                -----Original Message-----\r
                To approve, reply with:   APPROVE \(proposal.token)\r
                """)
            _ = try program.run()
            return try #require(try program.sent().first { $0.inReplyTo == "\(id)@example.org" }, "an answer to \(id)")
        }

        let question = try reply("RE: \(review.subject ?? "")", "Before I approve: why is Caio not matched?", to: reviewID, id: "question-1")
        let told = try #require(question.textBody)
        #expect(told.contains("We did not approve or reject the proposal \(proposal.token)"), "\(told)")
        #expect(told.contains("APPROVE \(proposal.token)"))
        #expect(!told.contains("address"), "not an answer about a code to confirm: \(told)")
        #expect(try program.database.mentorships().isEmpty)

        let approval = try reply("RE: \(review.subject ?? "")", "Looks good, approve \(proposal.token.lowercased())\n\nThanks!",
                                 to: reviewID, id: "approve-1")
        let ask = try #require(approval.textBody)
        #expect(ask.contains("to approve a round's matches"), "\(ask)")
        #expect(try program.database.mentorships().isEmpty, "nothing before the confirmation")
        let confirmSubject = try #require(approval.subject)
        #expect(ConfirmationToken.all(in: confirmSubject).count == 2, "the proposal's code, then the confirmation's: \(confirmSubject)")

        let done = try reply("Re: \(confirmSubject)", "Yes, that was me.", to: try #require(approval.messageID), id: "confirm-1")
        #expect(done.textBody?.contains("Approved the proposal for 2027-Q1") == true, "\(done.textBody ?? "")")
        #expect(try program.database.mentorships().count == 2)
        // The code is used: its expiry no longer waits among the jobs.
        #expect(try program.app.jobs().filter { $0.kind == ScheduledJob.Kind.confirmationExpiry.rawValue && $0.status == .pending }.isEmpty)
    }

    /// Approved on the command line before the next run: the review (which asks for an APPROVE
    /// that can no longer count) is not sent, a second approve says it was done, and the round
    /// keeps its people after the next round takes the unmatched in.
    @Test func aRoundDecidedBeforeItsReviewWentOutKeepsItsHistory() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
        let kinds = try program.database.outbox().map(\.purpose)
        #expect(!kinds.contains("match-review"), "\(kinds)")
        #expect(kinds.filter { $0 == "introduction" }.count == 2)
        // Caio (only Portuguese) is told what would help: another language, not ways to meet.
        let note = try #require(try program.sent().first(to: "caio@example.net")?.textBody)
        #expect(note.contains("The reason: no mentor speaks Portuguese"), "\(note)")
        #expect(note.contains("More languages would help") && note.contains("Languages: English, Japanese"), "\(note)")
        #expect(!note.contains("Interaction:"))

        let again = try #require(throws: MentorMailError.self) {
            try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        }
        #expect(again.message.contains("was already approved"), "\(again.message)")
        #expect(!again.message.contains("has no proposal waiting"))

        // Approved, it takes no more sign-ups: opening the next round closes it on the way.
        _ = try program.app.openRound(name: "2027-Q2", closesAt: program.now.addingTimeInterval(86_400 * 40), now: program.now)
        #expect(try program.database.roundSummaries().map(\.status) == ["closed", "open"])
        let first = try program.database.roundDetails(name: "2027-Q1")
        #expect(Set(first.mentees.map(\.email)) == ["ana@example.net", "ben@example.net", "caio@example.net"], "Caio was unmatched; he is still part of Q1")
        #expect(first.mentors.map(\.email) == ["maria@example.org"], "the mentor its pairs took from the pool")
        #expect(try program.database.roundSummaries().first { $0.name == "2027-Q1" }?.participants == 4)
    }

    /// The seeded round's proposal, approved by a coordinator's mail (`messageID`) that now waits
    /// for its confirmation code.
    func approvalWaitingForItsCode(_ program: ProcessorTests.Program, messageID: String) throws -> MatchProposal {
        _ = try seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        try program.arrive("From: Coordinator <coordinator@example.org>\r\nTo: mentoring@example.org\r\nSubject: ok\r\n"
                           + "Message-ID: <\(messageID)>\r\n\r\nAPPROVE \(proposal.token)\r\n")
        _ = try program.run()
        return proposal
    }

    /// A command waiting for its confirmation code does not wait forever: when the code expires
    /// it is held, and the coordinators read in the digest that nothing was done.
    @Test func aCommandWhoseCodeExpiredIsHeldForTheCoordinators() throws {
        let program = try ProcessorTests.Program()
        let proposal = try approvalWaitingForItsCode(program, messageID: "late-1@example.org")
        let waiting = try #require(try program.database.inboundMessages().first { $0.messageID == "late-1@example.org" })
        #expect(waiting.disposition == .waiting)
        _ = try program.run(at: program.now.addingTimeInterval(2 * 86_400))
        #expect(try program.database.inboundMessage(id: waiting.id ?? 0)?.disposition == .waiting, "the code still works")
        _ = try program.run(at: program.now.addingTimeInterval(4 * 86_400))
        let expired = try #require(try program.database.inboundMessage(id: waiting.id ?? 0))
        #expect(expired.disposition == .held)
        #expect(expired.note?.contains("expired") == true, "\(expired.note ?? "")")
        let digest = try #require(try program.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        #expect(digest.textBody?.contains("nothing was done") == true, "\(digest.textBody ?? "")")
        #expect(try program.database.mentorships().isEmpty)
    }

    /// Finding: `status` hid an approval waiting for its confirmation code. It is shown under
    /// the round (who, what, which proposal, when the code expires, what to do), and in JSON;
    /// once confirmed it is gone.
    @Test func statusShowsAnApprovalWaitingForItsCode() throws {
        let program = try ProcessorTests.Program()
        let proposal = try approvalWaitingForItsCode(program, messageID: "wait-1@example.org")
        let config = try program.writeConfigFile().path
        func read(_ arguments: [String], at date: Date) throws -> String {
            let result = try CommandRunner.run(arguments + ["--config", config, "--now", date.formatted(.iso8601)])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        let later = program.now.addingTimeInterval(3_600)
        let status = try read(["status"], at: later)
        let lines = status.split(separator: "\n").map(String.init)
        let roundAt = try #require(lines.firstIndex { $0.hasPrefix("Round") }, "\(status)")
        let waiting = try #require(lines.dropFirst(roundAt + 1).prefix { $0.hasPrefix(" ") }.first { $0.contains("confirmation code") },
                                   "under the round: \(status)")
        let expires = program.now.addingTimeInterval(3 * 86_400).formatted(.iso8601.year().month().day())
        #expect(waiting.contains("coordinator@example.org") && waiting.contains("approve") && waiting.contains(proposal.token), "\(waiting)")
        #expect(waiting.contains("expires \(expires)"), "\(waiting)")
        #expect(waiting.contains("mentormail round approve 2027-Q1"), "what to do: \(waiting)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read(["status", "--json"], at: later).utf8)) as? [String: Any])
        let entries = try #require(json["waitingConfirmations"] as? [[String: Any]], "\(json.keys.sorted())")
        #expect(entries.count == 1)
        #expect(entries.first?["email"] as? String == "coordinator@example.org" && entries.first?["asks"] as? String == "approve", "\(entries)")
        #expect(entries.first?["proposal"] as? String == proposal.token && entries.first?["round"] as? String == "2027-Q1", "\(entries)")
        #expect(entries.first?["expiresAt"] != nil, "\(entries)")

        // Confirmed: nothing waits any more.
        let ask = try #require(try program.sent().first { $0.inReplyTo == "wait-1@example.org" })
        try program.arrive("From: Coordinator <coordinator@example.org>\r\nTo: mentoring@example.org\r\nSubject: Re: \(ask.subject ?? "")\r\n"
                           + "Message-ID: <wait-2@example.org>\r\nIn-Reply-To: <\(ask.messageID ?? "")>\r\n\r\nYes, me.\r\n")
        _ = try program.run(at: later)
        #expect(try program.database.mentorships().count == 2)
        #expect(!(try read(["status"], at: later.addingTimeInterval(60))).contains("confirmation code"))
        let after = try #require(try JSONSerialization.jsonObject(with: Data(read(["status", "--json"], at: later.addingTimeInterval(60)).utf8)) as? [String: Any])
        #expect((after["waitingConfirmations"] as? [Any])?.isEmpty == true, "\(after["waitingConfirmations"] ?? "missing")")
    }

    /// Finding: once the round was approved on the command line, `status` still advised
    /// approving it (the mail approval waiting for its code said "decide here: mentormail round
    /// approve"). The advice follows the proposal's real state: approved, nothing waits.
    @Test func statusAdviceFollowsTheRoundsRealState() throws {
        let program = try ProcessorTests.Program()
        let proposal = try approvalWaitingForItsCode(program, messageID: "wait-3@example.org")
        let config = try program.writeConfigFile().path
        let later = program.now.addingTimeInterval(3_600)
        func read(_ arguments: [String]) throws -> String {
            let result = try CommandRunner.run(arguments + ["--config", config, "--now", later.formatted(.iso8601)])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        #expect(try read(["status"]).contains("mentormail round approve 2027-Q1"), "before the approval it is the way")
        _ = try read(["round", "approve", "2027-Q1"])
        let status = try read(["status"])
        #expect(!status.contains("round approve"), "\(status)")
        #expect(!status.contains("waits for a decision"), "\(status)")
        #expect(status.contains("proposal \(proposal.token) with 2 pair(s) was approved"), "\(status)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read(["status", "--json"]).utf8)) as? [String: Any])
        for entry in json["waitingConfirmations"] as? [[String: Any]] ?? [] {
            #expect(!((entry["todo"] as? String) ?? "").contains("round approve"), "\(entry)")
            #expect(entry["proposalState"] as? String == "approved", "\(entry)")
        }
    }

    /// On the command line: a dry run names no code (nothing was stored); approving a proposal
    /// that went stale fails (exit 65) and it stops waiting; a coordinator answering an old code
    /// is told the code that waits now.
    @Test func staleAndOldProposalsSayWhatWaitsNow() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        let config = try program.writeConfigFile()
        let dry = try CommandRunner.run(["match", "--round", "2027-Q1", "--dry-run", "--json", "--config", config.path])
        #expect(dry.status == 0, "\(dry.stderr)")
        let view = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        #expect(view["status"] as? String == "dry-run")
        #expect(view["token"] == nil || view["token"] is NSNull, "no code for a proposal that is not stored")

        let old = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let current = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let told = try program.app.perform(at: program.now) { work in
            try MatchingService(work: work).decide(.approve, proposal: .token(old.token), by: "coordinator@example.org")
        }.summary
        #expect(told.contains("was already superseded") && told.contains("The proposal waiting now is \(current.token)"), "\(told)")

        try program.database.write { db in _ = try AppDatabase.setStatus(db, email: "maria@example.org", to: .paused, now: program.now) }
        let stale = try CommandRunner.run(["round", "approve", "2027-Q1", "--config", config.path])
        #expect(stale.status == 65, "\(stale.stdout) \(stale.stderr)")
        #expect(stale.stderr.contains("changed since the proposal"), "\(stale.stderr)")
        let status = try CommandRunner.run(["status", "--config", config.path])
        #expect(!status.stdout.contains("waits for a decision"), "\(status.stdout)")
    }

    /// A pair the score allows but a coordinator should look at (no way to meet in common) says
    /// so in the review, not in the introduction.
    @Test func aPairWithNothingToMeetOverIsFlaggedForTheCoordinators() throws {
        let program = try ProcessorTests.Program()
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "pat@example.net", profile: Self.profile("mentee", "Pat", areas: ["nova"], interactions: ["email"]),
                                              status: .active, source: "test", origin: "email", roundID: round.id, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "sofia@example.org",
                                              profile: Self.profile("mentor", "Sofia", areas: ["documentation"], interactions: ["video"], capacity: 1),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
        }
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let pair = try #require(proposal.pairs.first)
        #expect(pair.caution == "no way to meet in common (Pat: email; Sofia: video)", "\(pair.caution ?? "-")")
        _ = try program.run()
        let review = try #require(try program.sent().first { $0.subject?.contains(proposal.token) == true }?.textBody)
        #expect(review.contains("look first: no way to meet in common"), "\(review)")
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
        let introduction = try #require(try program.sent().last { $0.to.count == 2 }?.textBody)
        #expect(!introduction.contains("no way to meet in common"), "the pair is not told")
        #expect(try program.database.roundDetails(name: "2027-Q1").proposal?.pairs == 1)
    }

    /// Finding: a mentee whose address bounced for good was proposed with no word of it, so a
    /// mentor's place could go to someone no mail reaches.
    @Test func aPersonWhoseAddressBouncedIsFlaggedInTheProposal() throws {
        let program = try ProcessorTests.Program()
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            let (pat, _) = try AppDatabase.upsertProfile(db, email: "pat@example.net", profile: Self.profile("mentee", "Pat"),
                                                         status: .active, source: "test", origin: "email", roundID: round.id, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "sofia@example.org", profile: Self.profile("mentor", "Sofia", capacity: 1),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            var bounce = AddressBounce(participantID: pat.id ?? 0, email: "pat@example.net", bouncedAt: program.now, outboxID: nil,
                                       purpose: "welcome", words: "5.1.1 user unknown")
            try bounce.insert(db)
        }
        let config = try program.writeConfigFile()
        let dry = try CommandRunner.run(["match", "--round", "2027-Q1", "--dry-run", "--json", "--config", config.path])
        #expect(dry.status == 0, "\(dry.stderr)")
        let view = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        let caution = try #require((view["pairs"] as? [[String: Any]])?.first?["caution"] as? String, "\(dry.stdout)")
        #expect(caution.contains("pat@example.net bounced for good"), "\(caution)")
        #expect(caution.contains("change-address"), "\(caution)")
        let text = try CommandRunner.run(["match", "--round", "2027-Q1", "--dry-run", "--config", config.path])
        #expect(text.stdout.contains("look first: Pat's address pat@example.net bounced for good"), "\(text.stdout)")
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        #expect(proposal.pairs.first?.caution?.contains("bounced for good") == true)
        _ = try program.run()
        let review = try #require(try program.sent().first { $0.subject?.contains("proposed pairs") == true }?.textBody)
        #expect(review.contains("look first: Pat's address pat@example.net bounced for good"), "\(review)")
    }

    /// An introduction kept because an address bounced is not shown as sent: `pairs list`,
    /// `pairs show`, `status` and `round show` say it is held and why, until a fresh copy goes.
    @Test func aPairWhoseIntroductionWasKeptIsNotShownAsIntroduced() throws {
        let program = try ProcessorTests.Program()
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            let (pat, _) = try AppDatabase.upsertProfile(db, email: "pat@example.net", profile: Self.profile("mentee", "Pat"),
                                                         status: .active, source: "test", origin: "email", roundID: round.id, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "sofia@example.org", profile: Self.profile("mentor", "Sofia", capacity: 1),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: program.now)
            var bounce = AddressBounce(participantID: pat.id ?? 0, email: "pat@example.net", bouncedAt: program.now, outboxID: nil,
                                       purpose: "welcome", words: "5.1.1 user unknown")
            try bounce.insert(db)
        }
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
        #expect(try program.sent().filter { $0.to.count == 2 }.isEmpty, "the introduction was kept")
        let config = try program.writeConfigFile().path
        func run(_ arguments: [String]) throws -> String {
            let result = try CommandRunner.run(arguments + ["--config", config])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        let list = try run(["pairs", "list"])
        let row = try #require(list.split(separator: "\n").first { $0.contains("pat@example.net (bounced)") }, "\(list)")
        #expect(row.contains("introduction held") && !row.contains(" introduced "), "\(list)")
        #expect(list.contains("pat@example.net bounced for good"), "\(list)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try run(["pairs", "list", "--json"]).utf8)) as? [[String: Any]])
        #expect((json.first?["introductionHeld"] as? String)?.contains("pat@example.net bounced for good") == true, "\(json)")
        // Held: no introduction date anywhere, and a status that says so.
        let approvalDay = program.now.formatted(.iso8601.year().month().day())
        #expect(json.first?["status"] as? String == "introduction-held" && json.first?["introducedAt"] == nil, "\(json)")
        #expect(!row.contains(approvalDay), "\(row)")
        let id = try #require(json.first?["id"] as? Int)
        let shown = try run(["pairs", "show", "\(id)"])
        #expect(shown.contains("Pair \(id) (round 2027-Q1): introduction held: kept, not sent"), "\(shown)")
        let shownJSON = try #require(try JSONSerialization.jsonObject(with: Data(try run(["pairs", "show", "\(id)", "--json"]).utf8)) as? [String: Any])
        let held = try #require(shownJSON["pair"] as? [String: Any])
        #expect(held["status"] as? String == "introduction-held" && held["introducedAt"] == nil, "\(held)")
        let status = try run(["status"])
        #expect(status.contains("introduction held") && status.contains("pat@example.net bounced for good"), "\(status)")
        // In JSON, each held introduction is an object with named fields, not a flat array of ids and texts.
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(try run(["status", "--json"]).utf8)) as? [String: Any])
        let heldIntroductions = try #require(figures["heldIntroductions"] as? [[String: Any]], "\(figures["heldIntroductions"] ?? "missing")")
        #expect(heldIntroductions.count == 1 && heldIntroductions.first?["pair"] as? Int == id, "\(heldIntroductions)")
        #expect(heldIntroductions.first?["outbox"] as? Int != nil && heldIntroductions.first?["status"] as? String == "withheld", "\(heldIntroductions)")
        #expect((heldIntroductions.first?["why"] as? String)?.contains("pat@example.net bounced for good") == true, "\(heldIntroductions)")
        let roundShown = try run(["round", "show", "2027-Q1"])
        #expect(roundShown.contains("Introductions held, not sent (1):") && roundShown.contains("Pat with Sofia"), "\(roundShown)")
        #expect(!roundShown.contains("still paired") && roundShown.contains("with Sofia: paired, introduction held"), "\(roundShown)")

        // A working address twelve days later: the fresh copy goes, and the pair is introduced that day.
        let later = program.now.addingTimeInterval(12 * 86_400)
        _ = try program.app.changeAddress(from: "pat@example.net", to: "pat@new.example", now: later)
        _ = try program.run(at: later)
        #expect(try program.sent().contains { $0.to.count == 2 && $0.to.map(\.normalized).contains("pat@new.example") })
        let after = try run(["pairs", "list"])
        let moved = try #require(after.split(separator: "\n").first { $0.contains("pat@new.example") }, "\(after)")
        #expect(moved.contains(" introduced ") && !after.contains("introduction held"), "\(after)")
        #expect(moved.contains(later.formatted(.iso8601.year().month().day())), "\(moved)")
        #expect(!(try run(["status"])).contains("introduction held"))

        // The check-in counts from the introduction that went, and says its day.
        func surveys() throws -> [Message] { try program.sent().filter { $0.subject?.contains("how is your mentoring with") == true } }
        _ = try program.run(at: program.now.addingTimeInterval(91 * 86_400))
        #expect(try surveys().isEmpty, "not 90 days after the approval")
        _ = try program.run(at: later.addingTimeInterval(90 * 86_400))
        let survey = try #require(try surveys().first?.textBody)
        #expect(survey.contains("On \(Work.day(later)) we introduced you"), "\(survey)")
    }

    /// Two Spanish speakers get their one introduction wholly in Spanish: the reasons, the time
    /// zones and the languages too, not the matcher's English.
    @Test func aSpanishPairsIntroductionIsWhollyInSpanish() throws {
        let program = try ProcessorTests.Program()
        let round = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now).round
        try program.database.write { db in
            var maria = Self.profile("mentee", "María García", types: ["career"], areas: ["documentation"], zone: "America/Mexico_City",
                                     languages: ["Spanish"], interactions: ["email", "video"])
            maria.mailLanguage = "es"
            var carlos = Self.profile("mentor", "Carlos Ruiz", types: ["career"], areas: ["documentation"], zone: "Europe/Madrid",
                                      languages: ["Spanish", "English"], interactions: ["video"], capacity: 1)
            carlos.mailLanguage = "es"
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.net", profile: maria, status: .active, source: "test", origin: "email",
                                              roundID: round.id, now: program.now)
            _ = try AppDatabase.upsertProfile(db, email: "carlos@example.org", profile: carlos, status: .active, source: "test", origin: "email",
                                              roundID: nil, now: program.now)
        }
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
        let text = try #require(try program.sent().first { $0.to.count == 2 }?.textBody)
        #expect(text.contains("Por qué formamos esta pareja: en común:"), "\(text)")
        #expect(text.contains("zonas horarias a 7 h") && text.contains("forma de contacto en común: videollamadas") && text.contains("mentoría profesional"), "\(text)")
        #expect(text.contains("(ahora UTC") && !text.contains(" now)"), "\(text)")
        #expect(text.contains("español") && !text.contains("Spanish"), "\(text)")
    }

    @Test func anUnmatchedReasonIsWordedInSpanish() {
        let wording = ProfileWording(language: "es")
        #expect(MatchExplanation.spanishReason("no mentor speaks Japanese", wording: wording) == "ninguna persona mentora habla japonés")
        #expect(MatchExplanation.spanishReason("no mentor with free capacity speaks Portuguese or Japanese and is new to them", wording: wording)
                == "ninguna persona mentora con plazas libres habla portugués o japonés y es nueva para ti (ya tuviste pareja con las demás)")
        #expect(MatchExplanation.spanishReason("the only compatible mentor is full", wording: wording)
                == "la única persona mentora compatible no tiene plazas libres")
        #expect(MatchExplanation.spanishReason("all 3 compatible mentors are full", wording: wording)
                == "las 3 personas mentoras compatibles no tienen plazas libres")
        #expect(MatchExplanation.spanishReason("something new", wording: wording) == "something new", "unknown reasons stay as they are")
    }

    @Test func theReportIsSelfContainedHTMLWithCharts() throws {
        let program = try ProcessorTests.Program()
        _ = try seed(program)
        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: true, now: program.now)
        let html = RoundReport(round: "2027-Q1", proposal: proposal, people: try program.database.participantsByID(),
                               config: program.config, now: program.now).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<script"))
        #expect(html.contains("Caio"))
        #expect(html.contains("<td class=\"num\">"))
        // A mentor's mentees from earlier rounds count in the load chart, so a full mentor shows full.
        let report = RoundReport(round: "2027-Q1", proposal: proposal, people: try program.database.participantsByID(),
                                 config: program.config, now: program.now)
        let mentor = try #require(proposal.pairs.first?.mentorID)
        let proposed = proposal.pairs.filter { $0.mentorID == mentor }.count
        let capacity = try #require(try program.database.participantsByID()[mentor]?.profile.capacity)
        var withEarlier = report
        withEarlier.earlierLoad = [mentor: 1]
        #expect(report.mentorLoad().contains { $0.label == "\(proposed)/\(capacity)" })
        #expect(withEarlier.mentorLoad().contains { $0.label == "\(proposed + 1)/\(capacity)" }, "\(withEarlier.mentorLoad())")
    }
}
