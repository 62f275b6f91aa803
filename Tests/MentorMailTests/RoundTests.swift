import Foundation
import Mail
@testable import MentorMail
import Testing

@Suite struct RoundTests {
    let now = Date(timeIntervalSince1970: 1_793_700_000) // 2026-11-02

    @Test func oneRoundIsOpenAtATime() throws {
        let program = try ProcessorTests.Program().app
        let round = try program.openRound(name: " 2027-Q1 ", closesAt: now.addingTimeInterval(86_400 * 30), now: now).round
        #expect(round.name == "2027-Q1")
        #expect(try program.database.openRound()?.name == "2027-Q1")
        let second = try #require(throws: MentorMailError.self) {
            try program.openRound(name: "2027-Q2", closesAt: now.addingTimeInterval(86_400), now: now)
        }
        #expect(second.message.contains("still open"))
        let same = try #require(throws: MentorMailError.self) {
            try program.openRound(name: "2027-Q1", closesAt: now.addingTimeInterval(86_400), now: now)
        }
        #expect(same.message.contains("is already open"), "\(same.message)")
        _ = try program.closeRound(name: nil, now: now)
        #expect(try program.database.openRound() == nil)
        #expect(throws: MentorMailError.self) { try program.closeRound(name: nil, now: now) }
        #expect(throws: MentorMailError.self) {
            try program.openRound(name: "2027-Q1", closesAt: now.addingTimeInterval(86_400), now: now)
        }
        _ = try program.openRound(name: "2027-Q2", closesAt: now.addingTimeInterval(86_400), now: now)
        #expect(try program.database.roundSummaries(now: now).map(\.status) == ["closed", "open"])
    }

    /// What a sign-up is told comes next follows the round they are in: taking sign-ups, or
    /// past its closing day and waiting to be matched; a form with mistakes says it is matched
    /// only once they are fixed. A round past its closing day no longer stops the next opening.
    @Test func theNextStepFollowsTheRoundAndItsClosingDay() throws {
        let harness = try ProcessorTests.Program()
        let day: TimeInterval = 86_400
        _ = try harness.app.openRound(name: "R1", closesAt: harness.now.addingTimeInterval(10 * day), now: harness.now)
        func write(_ body: String, at date: Date) throws -> String {
            let before = harness.outbox.sentFiles().count
            try harness.arrive("From: Ana <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: Sign up\r\n"
                               + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(body)\r\n")
            _ = try harness.run(at: date)
            return try #require(try harness.sent().suffix(from: before).first { $0.to.map(\.normalized) == ["ana@example.net"] }?.textBody)
        }
        let form = "Role: mentee\nName: Ana Souza\nMentoring type: technical\nAreas: Nova\nTime zone: Europe/Madrid\nLanguages: English\nInteraction: email"
        let signedUp = try write(form, at: harness.now)
        #expect(signedUp.contains("you are in the R1 round, which closes"), "\(signedUp)")
        #expect(!signedUp.contains("We can match you only once"))

        let later = harness.now.addingTimeInterval(12 * day)
        let changed = try write("Time zone: Europe/Lisbon", at: later)
        #expect(changed.contains("you are in the R1 round, whose sign-ups closed"), "\(changed)")
        #expect(try harness.database.roundDetails(name: "R1", now: later).takingSignUps == false)
        #expect(try harness.database.roundDetails(name: "R1", now: harness.now).takingSignUps)

        // A line that cannot be read keeps what was stored: she stays in the round, to be matched.
        let broken = try write("Mentoring type: spiritual", at: later)
        #expect(broken.contains("We could not read these lines, so what we had stays"), "\(broken)")
        #expect(broken.contains("you are in the R1 round, whose sign-ups closed") && !broken.contains("We can match you only once"), "\(broken)")

        // R1's closing day passed, but Ana waits in it to be matched: R2 does not open over her.
        #expect(throws: MentorMailError.self) {
            try harness.app.openRound(name: "R2", closesAt: later.addingTimeInterval(30 * day), now: later)
        }
        #expect(try harness.database.rounds().map(\.name) == ["R1"])
        #expect(try harness.database.participant(email: "ana@example.net")?.roundID == harness.database.rounds().first?.id)
    }

    /// A mentor in a pair who raises their capacity while a round takes sign-ups joins that
    /// round: the answer says so, `round show` lists them, and `status` counts everyone waiting
    /// the way opening a round takes them in. Someone back from a break joins it too.
    @Test func aPlaceFreedWhileARoundIsOpenJoinsIt() throws {
        let harness = try ProcessorTests.Program()
        let day: TimeInterval = 86_400
        func write(_ from: String, _ body: String, subject: String = "Re: Sign up", at date: Date) throws -> String {
            let before = harness.outbox.sentFiles().count
            try harness.arrive("From: \(from)\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\n"
                               + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(body)\r\n")
            _ = try harness.run(at: date)
            let address = try #require(MailAddress.parseList(from).first?.normalized)
            return try #require(try harness.sent().suffix(from: before).first { $0.to.map(\.normalized) == [address] }?.textBody)
        }
        _ = try harness.app.openRound(name: "R1", closesAt: harness.now.addingTimeInterval(10 * day), now: harness.now)
        let common = "Mentoring type: technical\nAreas: Nova\nTime zone: Europe/Madrid\nLanguages: English\nInteraction: email"
        _ = try write("Kai Lee <kai@example.org>", "Role: mentor\nName: Kai Lee\nCapacity: 1\n" + common, at: harness.now)
        _ = try write("Mo Haddad <mo@example.net>", "Role: mentee\nName: Mo Haddad\n" + common, at: harness.now)
        _ = try write("Ana Souza <ana@example.net>", "Role: mentee\nName: Ana Souza\n" + common, at: harness.now)
        let matchDay = harness.now.addingTimeInterval(11 * day)
        _ = try harness.app.proposeMatches(round: "R1", method: .optimal, dryRun: false, now: matchDay)
        _ = try harness.app.decideProposal(round: "R1", approve: true, now: matchDay)
        // Ana was left unmatched: she waits for the next round, and status says so.
        #expect(try harness.database.status(now: matchDay).pool == 1)

        let later = matchDay.addingTimeInterval(80 * day)
        let opening = try harness.app.openRound(name: "R2", closesAt: later.addingTimeInterval(15 * day), now: later)
        #expect(opening.mentees == 1 && opening.mentors == 0)
        let raised = try write("Kai Lee <kai@example.org>", "I can take one more person now.\n\nCapacity: 2", at: later.addingTimeInterval(day))
        #expect(raised.contains("you are in the R2 round, which closes"), "\(raised)")
        #expect(!raised.contains("no round is open"), "\(raised)")
        let members = try harness.database.roundDetails(name: "R2", now: later.addingTimeInterval(day))
        #expect(members.mentors.map(\.email) == ["kai@example.org"] && members.mentees.map(\.email) == ["ana@example.net"])
        // R1 keeps its pair in its history.
        #expect(try harness.database.roundDetails(name: "R1", now: later).mentors.map(\.email) == ["kai@example.org"])

        // Mo pauses (his pair ends, once he says yes to that) and comes back while R2 is open: he joins it.
        _ = try write("Mo Haddad <mo@example.net>", "pause", at: later.addingTimeInterval(2 * day))
        let question = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["mo@example.net"] }?.subject)
        _ = try write("Mo Haddad <mo@example.net>", "yes", subject: "Re: \(question)", at: later.addingTimeInterval(2 * day))
        let back = try write("Mo Haddad <mo@example.net>", "resume", at: later.addingTimeInterval(3 * day))
        #expect(back.contains("You are in the R2 round, which closes"), "\(back)")
        #expect(try harness.database.roundDetails(name: "R2", now: later).mentees.map(\.email).sorted() == ["ana@example.net", "mo@example.net"])
    }

    /// Once a round's matches are approved, a sign-up before its closing day is told it waits
    /// for the next round, and that is where it is recorded: in the pool, not in the approved
    /// round (nor its `round show`, nor a match run on it); the next round to open takes it in.
    /// A form export imported then is recorded the same way.
    @Test func aSignUpAfterTheApprovalWaitsForTheNextRound() throws {
        let harness = try ProcessorTests.Program()
        let day: TimeInterval = 86_400
        func write(_ from: String, _ body: String, at date: Date) throws -> String {
            let before = harness.outbox.sentFiles().count
            try harness.arrive("From: \(from)\r\nTo: mentoring@example.org\r\nSubject: Sign up\r\n"
                               + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(body)\r\n")
            _ = try harness.run(at: date)
            let address = try #require(MailAddress.parseList(from).first?.normalized)
            return try #require(try harness.sent().suffix(from: before).first { $0.to.map(\.normalized) == [address] }?.textBody)
        }
        _ = try harness.app.openRound(name: "R1", closesAt: harness.now.addingTimeInterval(30 * day), now: harness.now)
        let common = "Mentoring type: technical\nAreas: Nova\nTime zone: Europe/Madrid\nLanguages: English\nInteraction: email"
        _ = try write("Kai Lee <kai@example.org>", "Role: mentor\nName: Kai Lee\nCapacity: 1\n" + common, at: harness.now)
        _ = try write("Mo Haddad <mo@example.net>", "Role: mentee\nName: Mo Haddad\n" + common, at: harness.now)
        _ = try harness.app.proposeMatches(round: "R1", method: .optimal, dryRun: false, now: harness.now.addingTimeInterval(day))
        _ = try harness.app.decideProposal(round: "R1", approve: true, now: harness.now.addingTimeInterval(day))

        // Day 5, long before R1's closing day: the answer and the record agree.
        let late = harness.now.addingTimeInterval(5 * day)
        let answer = try write("Ana Souza <ana@example.net>", "Role: mentee\nName: Ana Souza\n" + common, at: late)
        #expect(answer.contains("you wait in the pool"), "\(answer)")
        #expect(!answer.contains("R1"), "\(answer)")
        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.roundID == nil)
        let r1 = try harness.database.roundDetails(name: "R1", now: late)
        #expect(r1.mentees.map(\.email) == ["mo@example.net"], "\(r1.mentees.map(\.email))")
        #expect(!r1.takingSignUps && r1.state == "approved")
        #expect(try harness.database.roundSummaries(now: late).first?.takingSignUps == false)
        #expect(try harness.database.status(now: late).pool == 1)
        #expect(try harness.database.status(now: late).round?.takingSignUps == false)
        // A coordinator's import then is recorded, and welcomed, the same way.
        let export = try FormExport.csv("Email,Role,Name,Mentoring type,Areas,Time zone,Languages,Interaction\n"
                                        + "lu@example.net,mentee,Lu Chen,technical,Nova,Europe/Madrid,English,email\n", headerMap: [:])
        let report = try harness.app.importFormExport(export, source: "test.csv", now: late, dryRun: false)
        #expect(report.added == ["lu@example.net"])
        #expect(try harness.database.participant(email: "lu@example.net")?.roundID == nil)
        _ = try harness.run(at: late)
        let welcome = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["lu@example.net"] }?.textBody)
        #expect(welcome.contains("the next round opens") && !welcome.contains("R1"), "\(welcome)")

        // Matching R1 again does not take them in silently: it is refused, and says where they wait.
        let again = try #require(throws: MentorMailError.self) {
            try harness.app.proposeMatches(round: "R1", method: .optimal, dryRun: false, now: late)
        }
        #expect(again.message.contains("already approved") && again.message.contains("pool"), "\(again.message)")

        // The next round opens before R1's closing day: R1 no longer takes sign-ups, so it is
        // closed on the way, and the new round takes in both.
        let opening = try harness.app.openRound(name: "R2", closesAt: late.addingTimeInterval(30 * day), now: late.addingTimeInterval(day))
        #expect(opening.mentees == 2)
        #expect(try harness.database.roundSummaries(now: late).map(\.status) == ["closed", "open"])
        let r2 = try harness.database.roundDetails(name: "R2", now: late.addingTimeInterval(day))
        #expect(r2.mentees.map(\.email) == ["ana@example.net", "lu@example.net"])
        #expect(try harness.database.roundDetails(name: "R1", now: late).mentees.map(\.email) == ["mo@example.net"])
    }

    @Test func roundsMustCloseInTheFuture() throws {
        let program = try ProcessorTests.Program().app
        #expect(throws: MentorMailError.self) { try program.openRound(name: "late", closesAt: now, now: now) }
        #expect(throws: MentorMailError.self) { try program.openRound(name: "", closesAt: now.addingTimeInterval(60), now: now) }
    }

    @Test func theNextRoundDateComesFromTheCalendar() throws {
        let days = ["01-15", "04-15", "07-15", "10-15"].compactMap(MonthDay.init)
        let next = try #require(MonthDay.next(after: now, among: days))
        #expect(next.formatted(.iso8601.year().month().day()) == "2027-01-15")
        // Finding: on an opening day, before the round is opened, people were told of the one after.
        let openingDay = try #require(ISO8601DateFormatter().date(from: "2027-01-15T09:00:00Z"))
        #expect(MonthDay.next(after: openingDay, among: days)?.formatted(.iso8601.year().month().day()) == "2027-01-15")
        let dayAfter = try #require(ISO8601DateFormatter().date(from: "2027-01-16T00:00:00Z"))
        #expect(MonthDay.next(after: dayAfter, among: days)?.formatted(.iso8601.year().month().day()) == "2027-04-15")
        #expect(MonthDay("13-01") == nil)
        #expect(MonthDay("april") == nil)
    }

    /// Finding: people who sign up while no round is open were promised the next round, but
    /// `round open` left them out, and the match ignored them.
    @Test func openingARoundTakesInEveryoneWaitingInThePool() throws {
        let harness = try ProcessorTests.Program()
        let program = harness.app
        try harness.database.write { db in
            for (email, profile) in [
                ("ana@example.net", MatchingWorkflowTests.profile("mentee", "Ana")),
                ("ben@example.net", MatchingWorkflowTests.profile("mentee", "Ben")),
                ("maria@example.org", MatchingWorkflowTests.profile("mentor", "Maria", capacity: 2)),
            ] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "test",
                                                  origin: "email", roundID: nil, now: now)
            }
            _ = try AppDatabase.upsertProfile(db, email: "paused@example.net", profile: MatchingWorkflowTests.profile("mentee", "Pau"),
                                              status: .paused, source: "test", origin: "email", roundID: nil, now: now)
        }
        let opening = try program.openRound(name: "2027-Q1", closesAt: now.addingTimeInterval(86_400 * 30), now: now)
        #expect(opening.mentees == 2)
        #expect(opening.mentors == 1)
        #expect(try program.database.roundSummaries().first?.participants == 3)

        let details = try program.database.roundDetails(name: "2027-Q1")
        #expect(details.state == "open")
        #expect(details.mentees.map(\.email) == ["ana@example.net", "ben@example.net"])
        #expect(details.mentors.map(\.email) == ["maria@example.org"])
        #expect(details.proposal == nil)

        let proposal = try program.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: now)
        #expect(proposal.pairs.count == 2, "both mentees from the pool are matched")
        #expect(try program.database.roundDetails(name: "2027-Q1").state == "proposed")
        _ = try program.decideProposal(round: "2027-Q1", approve: true, now: now)
        #expect(try program.database.roundDetails(name: "2027-Q1").state == "approved")
    }

    /// Round R1 with Ana (a mentee in it), Maria (a mentor in the pool) and, with
    /// `pausedMentee`, Pau (a paused mentee in it): matched, its proposal waiting, then closed.
    func closedRoundWithAWaitingProposal(pausedMentee: Bool) throws -> (ProcessorTests.Program, MatchProposal) {
        let harness = try ProcessorTests.Program()
        _ = try harness.app.openRound(name: "R1", closesAt: now.addingTimeInterval(86_400), now: now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana"),
                                              status: .active, source: "t", origin: "email", roundID: round?.id, now: now)
            if pausedMentee {
                _ = try AppDatabase.upsertProfile(db, email: "pau@example.net", profile: MatchingWorkflowTests.profile("mentee", "Pau"),
                                                  status: .paused, source: "t", origin: "email", roundID: round?.id, now: now)
            }
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org", profile: MatchingWorkflowTests.profile("mentor", "Maria", capacity: 1),
                                              status: .active, source: "t", origin: "email", roundID: nil, now: now)
        }
        let proposal = try harness.app.proposeMatches(round: "R1", method: .optimal, dryRun: false, now: now)
        _ = try harness.app.closeRound(name: "R1", now: now)
        return (harness, proposal)
    }

    /// An earlier round whose matches were never approved keeps its people: opening the next
    /// one is refused (exit 65), naming the round and what settles it, since a new round never
    /// takes them in; `takeUnmatched` takes them in instead, its waiting proposal withdrawn.
    @Test func aRoundNeverApprovedStopsTheNextOpeningUnlessItsPeopleAreTakenIn() throws {
        let (harness, proposal) = try closedRoundWithAWaitingProposal(pausedMentee: true)
        let program = harness.app
        let closes = now.addingTimeInterval(86_400 * 30)
        let refused = try #require(throws: MentorMailError.self) { try program.openRound(name: "R2", closesAt: closes, now: now) }
        #expect(refused.exitCode == 65)
        #expect(refused.message.contains("R1 (2 people in it): its proposal \(proposal.token) waits: mentormail round approve R1"), "\(refused.message)")
        #expect(refused.message.contains("--take-unmatched"), "\(refused.message)")
        #expect(try harness.database.rounds().map(\.name) == ["R1"])

        // Rejected, it still holds them: refused again, now saying to match it.
        _ = try program.decideProposal(round: "R1", approve: false, now: now)
        let again = try #require(throws: MentorMailError.self) { try program.openRound(name: "R2", closesAt: closes, now: now) }
        #expect(again.message.contains("mentormail match --round R1"), "\(again.message)")

        let opening = try program.openRound(name: "R2", closesAt: closes, now: now, takeUnmatched: true)
        #expect(opening.takenFrom == ["R1"])
        #expect(opening.mentees == 1, "Ana, never matched in R1")
        #expect(opening.mentors == 1)
        #expect(try program.database.roundDetails(name: "R2").mentees.map(\.email) == ["ana@example.net"])
        // Pau, paused, waits in the pool: she joins the round taking sign-ups when she resumes.
        #expect(try harness.database.participant(email: "pau@example.net")?.roundID == nil)
        let r1 = try program.database.roundDetails(name: "R1")
        #expect(r1.mentees.map(\.email) == ["ana@example.net", "pau@example.net"], "R1 keeps its history")
        #expect(r1.mentees.first?.nowIn == "R2")
        #expect(try program.database.status(now: now).waitingRounds.isEmpty)
    }

    /// `status` lists every earlier round never approved that still holds people (from before
    /// opening refused it), not only the newest round.
    @Test func statusListsEveryRoundStillWaiting() throws {
        let (harness, proposal) = try closedRoundWithAWaitingProposal(pausedMentee: false)
        let program = harness.app
        // R2 opened over R1, as an older version allowed.
        try harness.database.write { db in
            var round = Round(name: "R2", opensAt: now.addingTimeInterval(60), closesAt: now.addingTimeInterval(86_400 * 30), status: .open, createdAt: now)
            try round.insert(db)
        }
        let status = try program.database.status(now: now.addingTimeInterval(120))
        #expect(status.round?.name == "R2")
        #expect(status.waitingRounds.map(\.name) == ["R1"])
        #expect(status.waitingRounds.first?.waitingProposal == proposal.token)
        #expect(status.waitingRounds.first?.participants == 1)
    }

    @Test func aRoundThatWasMatchedHandsItsUnmatchedToTheNext() throws {
        let harness = try ProcessorTests.Program()
        let program = harness.app
        _ = try program.openRound(name: "R1", closesAt: now.addingTimeInterval(86_400), now: now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana"),
                                              status: .active, source: "t", origin: "email", roundID: round?.id, now: now)
            _ = try AppDatabase.upsertProfile(db, email: "caio@example.net",
                                              profile: MatchingWorkflowTests.profile("mentee", "Caio", languages: ["Portuguese"], interactions: ["email"]),
                                              status: .active, source: "t", origin: "email", roundID: round?.id, now: now)
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org", profile: MatchingWorkflowTests.profile("mentor", "Maria", capacity: 1),
                                              status: .active, source: "t", origin: "email", roundID: nil, now: now)
        }
        _ = try program.proposeMatches(round: "R1", method: .optimal, dryRun: false, now: now)
        // Still to be decided: nobody leaves R1 for a new round.
        _ = try program.closeRound(name: "R1", now: now)
        #expect(try harness.database.write { db in try AppDatabase.pool(db) }.map(\.email) == ["maria@example.org"])
        _ = try program.decideProposal(round: "R1", approve: true, now: now)
        let opening = try program.openRound(name: "R2", closesAt: now.addingTimeInterval(86_400 * 30), now: now)
        #expect(opening.mentees == 1, "Caio, left unmatched by R1")
        #expect(opening.mentors == 0, "Maria's only slot is taken")
        #expect(try program.database.roundDetails(name: "R2").mentees.map(\.email) == ["caio@example.net"])
        // R1 keeps its history: Ana, matched, and Caio, whom it left unmatched.
        #expect(try program.database.roundDetails(name: "R1").mentees.map(\.email) == ["ana@example.net", "caio@example.net"])
    }
}

/// `round open --closes DAY` as a coordinator types it: the closing day itself still takes
/// sign-ups, through its last second (UTC).
@Suite struct RoundClosingDayTests {
    @Test func theClosingDayStillTakesSignUps() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-closing", subfolders: CommandRunner.maildirFolders)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandRunner.writeLocalConfig(in: folder, database: "state.sqlite").path
        let opened = try CommandRunner.run(["round", "open", "2027-Q1", "--closes", "2027-01-31", "--json", "--config", config,
                                            "--now", "2027-01-15T09:00:00Z"], in: folder)
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("\"closesAt\" : \"2027-01-31T23:59:59Z\""), "\(opened.stdout)")
        let text = try CommandRunner.run(["round", "show", "2027-Q1", "--config", config, "--now", "2027-01-31T10:00:00Z"], in: folder)
        #expect(text.stdout.contains("sign-ups close 2027-01-31)"), "\(text.stdout)")
        try """
            From: Lena Vogel <lena@example.net>
            To: p@example.org
            Subject: Sign me up
            Message-ID: <lena-1@example.net>
            Date: Sun, 31 Jan 2027 10:00:00 +0000

            Role: mentee
            Name: Lena Vogel
            Mentoring type: technical
            Areas: Nova
            Time zone: Europe/Berlin
            Languages: English, German
            Interaction: IRC, email

            """.write(to: folder.appendingPathComponent("mailbox/new/1.M1.host"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["process", "--config", config, "--now", "2027-01-31T22:00:00Z"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let outbox = try FileManager.default.contentsOfDirectory(at: folder.appendingPathComponent("outbox"), includingPropertiesForKeys: nil)
        let answer = try #require(outbox.first { $0.lastPathComponent.contains("lena") })
        let body = try String(contentsOf: answer, encoding: .utf8)
        #expect(body.contains("2027-Q1") && !body.contains("no round is open"), "\(body)")
    }
}
