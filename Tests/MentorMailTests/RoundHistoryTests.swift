import Foundation
import Mail
@testable import MentorMail
import Testing

/// A program year across rounds: who was in each round and in which role stays after the
/// next round takes people in; mentors a round leaves without a mentee are thanked once.
@Suite struct RoundHistoryTests {
    static let day: TimeInterval = 86_400

    /// Writes as `from` and runs `process` at `date`; returns the answer to them, if any.
    @discardableResult
    static func write(_ harness: ProcessorTests.Program, _ from: String, _ body: String, at date: Date) throws -> String? {
        let before = harness.outbox.sentFiles().count
        try harness.arrive("From: \(from)\r\nTo: mentoring@example.org\r\nSubject: Re: Sign up\r\n"
                           + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(body)\r\n")
        _ = try harness.run(at: date)
        let address = try #require(MailAddress.parseList(from).first?.normalized)
        return try harness.sent().suffix(from: before).first { $0.to.map(\.normalized) == [address] }?.textBody
    }

    static let common = "Mentoring type: technical\nAreas: Nova\nTime zone: Europe/Madrid\nInteraction: email\n"

    /// 2027-Q1: mentees Ana, Dana and Gus (who pauses), mentors Maria (two places) and Carmen,
    /// whom nobody fits (she writes only Japanese). Q1 is matched; Dana graduates and mentors
    /// now, Gus comes back; then 2027-Q3 opens and takes in the pool.
    static func year() throws -> (harness: ProcessorTests.Program, q3: Date) {
        let harness = try ProcessorTests.Program()
        let start = harness.now
        _ = try harness.app.openRound(name: "2027-Q1", closesAt: start.addingTimeInterval(10 * day), now: start)
        for (from, lines) in [("Ana Souza <ana@example.net>", "Role: mentee\nName: Ana Souza\nLanguages: English\n"),
                              ("Dana Fox <dana@example.net>", "Role: mentee\nName: Dana Fox\nLanguages: English\n"),
                              ("Gus Berg <gus@example.net>", "Role: mentee\nName: Gus Berg\nLanguages: English\n"),
                              ("Maria Garcia <maria@example.org>", "Role: mentor\nName: Maria Garcia\nCapacity: 2\nLanguages: English\n"),
                              ("Carmen Ito <carmen@example.org>", "Role: mentor\nName: Carmen Ito\nCapacity: 1\nLanguages: Japanese\n")] {
            try write(harness, from, lines + common, at: start)
        }
        try write(harness, "Gus Berg <gus@example.net>", "pause", at: start.addingTimeInterval(day))
        let matchDay = start.addingTimeInterval(11 * day)
        let proposal = try harness.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: matchDay)
        #expect(proposal.pairs.count == 2 && proposal.unmatched.isEmpty)
        _ = try harness.app.decideProposal(round: "2027-Q1", approve: true, now: matchDay)
        _ = try harness.run(at: matchDay)

        let graduation = matchDay.addingTimeInterval(100 * day)
        let dana = try #require(try harness.database.pairs(round: "2027-Q1").first { $0.mentee.email == "dana@example.net" })
        _ = try harness.app.graduatePair(id: dana.id, reason: nil, now: graduation, by: "command line")
        try write(harness, "Dana Fox <dana@example.net>", "Role: mentor\nCapacity: 1", at: graduation)
        try write(harness, "Gus Berg <gus@example.net>", "resume", at: graduation.addingTimeInterval(day))
        let q3 = graduation.addingTimeInterval(5 * day)
        _ = try harness.app.openRound(name: "2027-Q3", closesAt: q3.addingTimeInterval(20 * day), now: q3)
        return (harness, q3)
    }

    /// Finding: `round show 2027-Q1` listed people with their state now only, `round list` called
    /// a decided round whose sign-ups had ended "open", and a round closed early kept its
    /// planned closing day. A round shows what became of each member in it, and when it closed.
    @Test func aRoundShowsWhatBecameOfItsMembersAndWhenItClosed() throws {
        let (harness, q3) = try Self.year()
        let q1 = try harness.database.roundDetails(name: "2027-Q1", now: q3)
        let outcomes = Dictionary(uniqueKeysWithValues: (q1.mentees + q1.mentors).map { ($0.email, $0.outcome ?? "") })
        #expect(outcomes["dana@example.net"]?.hasPrefix("with Maria Garcia: graduated ") == true, "\(outcomes)")
        #expect(outcomes["ana@example.net"] == "with Maria Garcia: still paired", "\(outcomes)")
        #expect(outcomes["gus@example.net"] == "not matched in this round", "\(outcomes)")
        #expect(outcomes["carmen@example.org"] == "not matched in this round", "\(outcomes)")
        #expect(outcomes["maria@example.org"]?.contains("with Dana Fox: graduated") == true, "\(outcomes)")
        let config = try harness.writeConfigFile().path
        let text = try CommandRunner.run(["round", "show", "2027-Q1", "--config", config, "--now", "2027-06-15T10:00:00Z"])
        #expect(text.stdout.contains("in this round: with Maria Garcia: graduated"), "\(text.stdout)")

        // Q3 closes early: its list says when, and both rounds are closed alike.
        let early = q3.addingTimeInterval(2 * Self.day)
        _ = try harness.app.closeRound(name: "2027-Q3", now: early)
        let rows = try harness.database.roundSummaries(now: early)
        #expect(rows.map(\.status) == ["closed", "closed"] && rows.allSatisfy { !$0.takingSignUps })
        let q3Row = try #require(rows.last)
        #expect(q3Row.closesAt == early.formatted(.iso8601.year().month().day()))
        #expect(q3Row.plannedClosesAt == q3.addingTimeInterval(20 * Self.day).formatted(.iso8601.year().month().day()))
        let closedEarly = try #require(try harness.database.roundDetails(name: "2027-Q3", now: early).closedEarlyAt)
        #expect(abs(closedEarly.timeIntervalSince(early)) < 1)
    }

    /// Finding: after `round open 2027-Q3`, `round show 2027-Q1` lost Carmen and Gus and listed
    /// Dana, a Q1 mentee who mentors only since, as a Q1 mentor.
    @Test func aRoundKeepsItsMembersInTheRolesTheyHadInIt() throws {
        let (harness, q3) = try Self.year()
        let q1 = try harness.database.roundDetails(name: "2027-Q1", now: q3)
        #expect(q1.mentees.map(\.email) == ["ana@example.net", "dana@example.net", "gus@example.net"])
        #expect(q1.mentees.allSatisfy { $0.role == "mentee" })
        #expect(q1.mentors.map(\.email) == ["maria@example.org", "carmen@example.org"])
        let gus = try #require(q1.mentees.last)
        #expect(gus.status == "active" && gus.nowIn == "2027-Q3", "Gus moved on, and stays in Q1's history")
        #expect(q1.mentors.last?.nowIn == "2027-Q3")
        #expect(try harness.database.roundSummaries(now: q3).first?.participants == 5)

        // Q3: Dana, a graduate who mentors now, is one of its mentors, not a mentee.
        let shown = try harness.database.roundDetails(name: "2027-Q3", now: q3)
        #expect(shown.mentees.map(\.email) == ["gus@example.net"])
        #expect(shown.mentors.map(\.email).sorted() == ["carmen@example.org", "dana@example.net", "maria@example.org"])
        #expect(shown.mentors.first { $0.email == "dana@example.net" }?.role == "mentor")

        // The command line says the same, in text and JSON.
        let config = try harness.writeConfigFile().path
        let text = try CommandRunner.run(["round", "show", "2027-Q1", "--config", config, "--now", "2027-06-15T10:00:00Z"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Mentees (3):") && text.stdout.contains("Mentors (2):"), "\(text.stdout)")
        #expect(text.stdout.contains("carmen@example.org  Carmen Ito  [mentor, active, now in 2027-Q3]"), "\(text.stdout)")
        #expect(text.stdout.contains("dana@example.net  Dana Fox  [mentee, active, now in 2027-Q3]"), "\(text.stdout)")
        let json = try CommandRunner.run(["round", "show", "2027-Q3", "--json", "--config", config, "--now", "2027-06-15T10:00:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let mentees = try #require(object["mentees"] as? [[String: Any]])
        #expect(mentees.compactMap { $0["email"] as? String } == ["gus@example.net"])
    }

    /// Finding: a mentee listed by `round show` whom the matcher leaves out, without a word. Each
    /// mentee listed is either considered, or says why not.
    @Test func roundShowSaysWhyAListedMenteeIsNotMatched() throws {
        let (harness, q3) = try Self.year()
        try Self.write(harness, "Eve Lind <eve@example.net>", "Role: mentee\nName: Eve Lind\nLanguages: English\n" + Self.common,
                       at: q3.addingTimeInterval(Self.day))
        try Self.write(harness, "Gus Berg <gus@example.net>", "pause", at: q3.addingTimeInterval(2 * Self.day))
        let later = q3.addingTimeInterval(3 * Self.day)
        let proposal = try harness.app.proposeMatches(round: "2027-Q3", method: .optimal, dryRun: false, now: later)
        let shown = try harness.database.roundDetails(name: "2027-Q3", now: later)
        #expect(shown.mentees.map(\.email) == ["gus@example.net", "eve@example.net"])
        #expect(shown.mentees.first?.note?.contains("paused") == true)
        #expect(shown.mentees.filter { $0.note == nil }.count == proposal.pairs.count + proposal.unmatched.count)
    }

    /// Finding: every mentor without a mentee was offered the same lines to widen their
    /// profile, and a line replaces the whole field, so copying them lost her own areas. The
    /// lines start from what each mentor has; one kind of mentoring is offered widened to both.
    @Test func theNoteToAMentorWithoutAMenteeStartsFromTheirOwnProfile() throws {
        let program = try ProcessorTests.Program()
        let round = try MatchingWorkflowTests().seed(program)
        try program.database.write { db in
            for (email, profile) in [
                ("rosa@example.org", MatchingWorkflowTests.profile("mentor", "Rosa Vidal", areas: ["neutron", "upstream-training"],
                                                                   languages: ["Spanish"], interactions: ["email", "video"], capacity: 1)),
                ("tom@example.org", MatchingWorkflowTests.profile("mentor", "Tom Berg", types: ["technical", "career"], areas: ["ironic"],
                                                                  languages: ["German"], interactions: ["irc"], capacity: 1)),
            ] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test", origin: "email", roundID: round.id, now: program.now)
            }
        }
        _ = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "2027-Q1", approve: true, now: program.now)
        _ = try program.run()
        func note(_ address: String) throws -> Message {
            try #require(try program.sent().first { $0.to.map(\.normalized) == [address] && ($0.subject ?? "").contains("mentee") })
        }
        let rosa = try note("rosa@example.org")
        for body in [try #require(rosa.textBody), try #require(rosa.leafParts.first { $0.contentType == "text/html" }?.decodedText())] {
            #expect(body.contains("Áreas: Neutron, formación upstream") && body.contains("Forma de contacto: email, vídeo"), "\(body)")
            #expect(body.contains("Tipo de mentoría: técnica, profesional"), "\(body)")
            #expect(!body.contains("Nova, documentación, comunidad") && !body.contains("IRC, email"), "\(body)")
        }
        let tom = try #require(try note("tom@example.org").textBody)
        #expect(tom.contains("Areas: Ironic") && tom.contains("Interaction: IRC"), "\(tom)")
        #expect(!tom.contains("Mentoring type:") && !tom.contains("Nova, documentation, community"), "both kinds already: \(tom)")
    }

    /// Finding: a volunteer mentor a round left without a mentee heard nothing all year. Each is
    /// thanked once per round; a mentor with a mentee is not.
    @Test func aMentorWithoutAMenteeIsThankedOncePerRound() throws {
        let (harness, q3) = try Self.year()
        func notes(to address: String) throws -> [Message] {
            try harness.sent().filter { $0.to.map(\.normalized) == [address] && ($0.subject ?? "").contains("no mentee for you") }
        }
        let carmen = try notes(to: "carmen@example.org")
        #expect(carmen.count == 1)
        let body = try #require(carmen.first?.textBody)
        #expect(body.contains("Thank you for volunteering as a mentor") && body.contains("2027-Q1"), "\(body)")
        #expect(body.contains("You stay available") && body.contains("next round"), "\(body)")
        #expect(body.contains("\"pause\""), "\(body)")
        #expect(try notes(to: "maria@example.org").isEmpty, "Maria got two mentees")

        // Q3: Gus and Eve fit Maria or Dana; Carmen again gets no mentee, and one note for Q3.
        try Self.write(harness, "Eve Lind <eve@example.net>", "Role: mentee\nName: Eve Lind\nLanguages: English\n" + Self.common,
                       at: q3.addingTimeInterval(Self.day))
        let matchDay = q3.addingTimeInterval(2 * Self.day)
        _ = try harness.app.proposeMatches(round: "2027-Q3", method: .optimal, dryRun: false, now: matchDay)
        let approved = try harness.app.decideProposal(round: "2027-Q3", approve: true, now: matchDay)
        #expect(approved.summary.contains("note(s) to mentors without a mentee"), "\(approved.summary)")
        _ = try harness.run(at: matchDay)
        #expect(try notes(to: "carmen@example.org").count == 2)
        #expect(try notes(to: "carmen@example.org").last?.subject?.contains("2027-Q3") == true)
        let paired = try harness.database.pairs(round: "2027-Q3").map(\.mentor.email)
        #expect(!paired.contains("carmen@example.org"))
        let unpaired = ["maria@example.org", "dana@example.net"].filter { !paired.contains($0) }
        #expect(try unpaired.allSatisfy { try notes(to: $0).count == 1 }, "the mentor Eve did not get is thanked")
        #expect(try notes(to: try #require(paired.first)).isEmpty)

        // A late sign-up waits for the next round: Q3 is not matched again, and nobody is thanked twice for it.
        try Self.write(harness, "Finn Roe <finn@example.net>", "Role: mentee\nName: Finn Roe\nLanguages: Portuguese\n" + Self.common,
                       at: matchDay.addingTimeInterval(Self.day))
        #expect(try harness.database.participant(email: "finn@example.net")?.roundID == nil)
        let again = matchDay.addingTimeInterval(2 * Self.day)
        #expect(throws: MentorMailError.self) {
            try harness.app.proposeMatches(round: "2027-Q3", method: .optimal, dryRun: false, now: again)
        }
        _ = try harness.run(at: again)
        #expect(try notes(to: "carmen@example.org").count == 2)
    }

    /// Round 2027-Q1 with Ana and Maria, its sign-ups closed, and a proposal made the day after.
    static func proposedRound() throws -> (harness: ProcessorTests.Program, matchDay: Date, proposal: MatchProposal) {
        let harness = try ProcessorTests.Program()
        let start = harness.now
        _ = try harness.app.openRound(name: "2027-Q1", closesAt: start.addingTimeInterval(10 * day), now: start)
        try write(harness, "Ana Souza <ana@example.net>", "Role: mentee\nName: Ana Souza\nLanguages: English\n" + common, at: start)
        try write(harness, "Maria Garcia <maria@example.org>", "Role: mentor\nName: Maria Garcia\nCapacity: 1\nLanguages: English\n"
                  + common, at: start)
        let matchDay = start.addingTimeInterval(11 * day)
        return (harness, matchDay, try harness.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: matchDay))
    }

    /// Finding: `status` showed a round whose proposal went stale as "open … sign-ups close" a
    /// day already past. It says the sign-ups closed and that the round waits to be matched again.
    @Test func aStaleProposalsRoundSaysItsSignUpsClosedAndWhatWaits() throws {
        let (harness, matchDay, proposal) = try Self.proposedRound()
        try Self.write(harness, "Ana Souza <ana@example.net>", "Time zone: Europe/Lisbon", at: matchDay.addingTimeInterval(3_600))
        let decided = try harness.app.decideProposal(round: "2027-Q1", approve: true, now: matchDay.addingTimeInterval(7_200))
        #expect(decided.outcome == .stale)
        let later = matchDay.addingTimeInterval(Self.day)
        #expect(try harness.database.status(now: later).round?.state == "stale")
        let config = try harness.writeConfigFile().path
        let when = later.formatted(.iso8601)
        let status = try CommandRunner.run(["status", "--config", config, "--now", when])
        #expect(status.status == 0, "\(status.stderr)")
        let line = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("Round") }.map(String.init))
        #expect(line.contains("2027-Q1: stale") && line.contains("sign-ups closed 2026-11-13"), "\(line)")
        #expect(line.contains("proposal \(proposal.token) stale") && line.contains("mentormail match --round 2027-Q1"), "\(line)")
        #expect(!line.contains("sign-ups close 2026"), "\(line)")
        let shown = try CommandRunner.run(["round", "show", "2027-Q1", "--config", config, "--now", when])
        #expect(shown.stdout.hasPrefix("Round 2027-Q1: stale (opened 2026-11-03, sign-ups closed 2026-11-13)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Run `mentormail match --round 2027-Q1` again"), "\(shown.stdout)")
    }

    /// Finding: after a mentee changed her profile, `status` still said the proposal "waits for a
    /// decision" until an approval had been tried and failed. Status, `round show` and `round
    /// list` make the check approval makes, so a proposal that can no longer be approved is
    /// shown stale at once; one nobody changed still waits.
    @Test func aProposalPeopleChangedIsShownStaleBeforeAnyoneTriesToApproveIt() throws {
        let (harness, matchDay, proposal) = try Self.proposedRound()
        let config = try harness.writeConfigFile().path
        func read(_ arguments: [String], at date: Date) throws -> String {
            let result = try CommandRunner.run(arguments + ["--config", config, "--now", date.formatted(.iso8601)])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        let waiting = try read(["status"], at: matchDay.addingTimeInterval(60))
        #expect(waiting.contains("proposal \(proposal.token) with 1 pair(s) waits for a decision"), "\(waiting)")

        try Self.write(harness, "Ana Souza <ana@example.net>", "Time zone: Europe/Lisbon", at: matchDay.addingTimeInterval(3_600))
        let later = matchDay.addingTimeInterval(7_200)
        let status = try read(["status"], at: later)
        #expect(!status.contains("waits for a decision"), "\(status)")
        #expect(status.contains("2027-Q1: stale") && status.contains("proposal \(proposal.token) stale"), "\(status)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read(["status", "--json"], at: later).utf8)) as? [String: Any])
        let round = try #require(json["round"] as? [String: Any])
        #expect(round["waitingProposal"] == nil && round["staleProposal"] as? String == proposal.token, "\(round)")
        #expect(try read(["round", "show", "2027-Q1"], at: later).hasPrefix("Round 2027-Q1: stale"))
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(read(["round", "show", "2027-Q1", "--json"], at: later).utf8)) as? [String: Any])
        #expect((shown["proposal"] as? [String: Any])?["status"] as? String == "stale", "its proposal says so too: \(shown["proposal"] ?? "")")
        #expect(try read(["round", "list"], at: later).contains("stale"))
        // Reading changed nothing: approving still finds it stale and says so.
        #expect(try harness.app.decideProposal(round: "2027-Q1", approve: true, now: later).outcome == .stale)
    }
}
