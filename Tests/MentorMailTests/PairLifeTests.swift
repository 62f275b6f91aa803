import Foundation
import Mail
@testable import MentorMail
import Testing

/// A pair's life after the introduction, on a Maildir with a folder outbox: check-in answers,
/// a partner who leaves, becoming a mentor.
@Suite struct PairLifeTests {
    let day: TimeInterval = 86_400

    /// Ana (mentee) and Maria (mentor, capacity 1) introduced at `harness.now`.
    func introduced() throws -> (ProcessorTests.Program, Int64) {
        let harness = try ProcessorTests.Program()
        _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * day), now: harness.now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana"),
                                              status: .active, source: "t", origin: "email", roundID: round?.id, now: harness.now)
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org", profile: MatchingWorkflowTests.profile("mentor", "Maria", capacity: 1),
                                              status: .active, source: "t", origin: "email", roundID: round?.id, now: harness.now)
        }
        _ = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
        _ = try harness.app.decideProposal(round: "R", approve: true, now: harness.now)
        _ = try harness.run()
        let id = try #require(try harness.database.mentorships().first?.id)
        return (harness, id)
    }

    /// Maria (mentor, capacity 2) introduced to two mentees, Ana and Bea, at `harness.now`.
    func twoMentees() throws -> ProcessorTests.Program {
        let harness = try ProcessorTests.Program()
        _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * day), now: harness.now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)
            for (email, profile) in [("ana@example.net", MatchingWorkflowTests.profile("mentee", "Ana")),
                                     ("bea@example.net", MatchingWorkflowTests.profile("mentee", "Bea")),
                                     ("maria@example.org", MatchingWorkflowTests.profile("mentor", "Maria", capacity: 2))] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "t", origin: "email",
                                                  roundID: round?.id, now: harness.now)
            }
        }
        _ = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
        _ = try harness.app.decideProposal(round: "R", approve: true, now: harness.now)
        _ = try harness.run()
        #expect(try harness.database.mentorships().count == 2)
        return harness
    }

    func reply(_ harness: ProcessorTests.Program, from: String, to original: Message, _ body: String, cc: String? = nil) throws {
        try harness.arrive("From: \(from)\r\nTo: mentoring@example.org\r\n\(cc.map { "Cc: \($0)\r\n" } ?? "")Subject: Re: \(original.subject ?? "")\r\n"
                           + "Message-ID: <\(UUID().uuidString)@example.net>\r\nIn-Reply-To: <\(original.messageID ?? "")>\r\n\r\n\(body)\r\n")
    }

    /// A new message (not a reply) to the program.
    func write(_ harness: ProcessorTests.Program, from: String, subject: String, _ body: String) throws {
        try harness.arrive("From: \(from)\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\n"
                           + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(body)\r\n")
    }

    /// The sign-up form sent to someone new who asked to join (`from`: "Mei Chen <mei@example.net>").
    func signupForm(_ harness: ProcessorTests.Program, from: String, address: String) throws -> Message {
        try write(harness, from: from, subject: "mentoring", "Hello, I would like to join the mentoring program.")
        _ = try harness.run()
        return try last(to: address, harness)
    }

    /// Maria asks to leave 88 days after the introduction; her check-in survey, due at 91 days,
    /// is kept while the question waits. Returns the question and the kept survey.
    func keptWhileMariaIsAsked(_ harness: ProcessorTests.Program) throws -> (question: Message, kept: OutboxMessage) {
        try write(harness, from: "Maria <maria@example.org>", subject: "unsubscribe", "unsubscribe")
        _ = try harness.run(at: harness.now.addingTimeInterval(88 * day))
        let question = try last(to: "maria@example.org", harness)
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        return (question, try #require(try harness.database.outbox(status: .withheld).first { $0.recipients == "maria@example.org" }))
    }

    func last(to address: String, _ harness: ProcessorTests.Program) throws -> Message {
        try #require(try harness.sent().last { $0.to.map(\.normalized).contains(address) })
    }

    /// Finding: "pause please - I have exams" ended a live pair at once. Someone in a pair is
    /// first asked, told that pausing ends the pair and that a short break needs nothing from
    /// us; only a "yes" pauses, and then the other side is told kindly.
    @Test func aPartnerWhoPausesEndsThePairAndTheOtherSideIsToldKindly() throws {
        let (harness, id) = try introduced()
        try write(harness, from: "Maria <maria@example.org>", subject: "pause", "Please pause me, I am moving house.")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        #expect(try harness.database.mentorships().first?.isOngoing == true, "nothing ends before she confirms")
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .active)
        let question = try last(to: "maria@example.org", harness)
        let asked = try #require(question.textBody)
        #expect(asked.contains("Pausing also ends your mentoring with Ana") && asked.contains("just tell Ana yourself"), "\(asked)")
        #expect(try harness.sent().filter { $0.to.map(\.normalized).contains("ana@example.net") }.count == 1, "Ana has only her introduction")
        try write(harness, from: "Maria <maria@example.org>", subject: "Re: \(question.subject ?? "")", "Yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        #expect(try harness.database.mentorships().first?.status == .ended)
        let told = try last(to: "ana@example.net", harness)
        #expect(told.subject == "Test Mentoring: Maria can no longer continue the mentoring")
        let text = try #require(told.textBody)
        #expect(text.contains("We will match you with a new mentor in the next round"))
        #expect(!text.contains("pause") && !text.contains("moving"), "no private reasons")
        let digest = try #require(try harness.sent().last(to: "coordinator@example.org"))
        #expect(digest.textBody?.contains("Pair \(id) (ended)") == true)
        #expect(digest.textBody?.contains("ended: the mentor paused") == true)
        // Maria is told her pair ended with the pause, and that she can be matched again.
        let paused = try #require(try last(to: "maria@example.org", harness).textBody)
        #expect(paused.contains("Your mentoring with Ana has ended with it; we have told them, kindly."), "\(paused)")
        // The survey job was retired when the pair ended: nothing runs, nothing is sent.
        let report = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        #expect(report.jobsRun == 0 && report.sent == 0)
        // Back from the pause, she may be Ana's mentor again: the pair did not go wrong.
        try write(harness, from: "Maria <maria@example.org>", subject: "resume", "resume")
        _ = try harness.run(at: harness.now.addingTimeInterval(95 * day))
        _ = try harness.app.closeRound(name: "R", now: harness.now.addingTimeInterval(95 * day))
        _ = try harness.app.openRound(name: "R2", closesAt: harness.now.addingTimeInterval(120 * day), now: harness.now.addingTimeInterval(95 * day))
        let again = try harness.app.proposeMatches(round: "R2", method: .optimal, dryRun: true, now: harness.now.addingTimeInterval(96 * day))
        #expect(again.pairs.count == 1, "\(again.unmatched)")
    }

    /// Finding: "unsubscribe" or "STOP sending me emails please" from someone in a pair ended
    /// it at once, though a From line proves nothing. It is asked first, naming the pair it
    /// ends and saying nothing else is sent meanwhile: the check-in survey due then is kept
    /// from them (the other side still gets theirs). Only a "yes" ends the pair.
    @Test(arguments: ["unsubscribe", "STOP sending me emails please"])
    func stoppingMailFromSomeoneInAPairIsAskedFirst(_ words: String) throws {
        let (harness, _) = try introduced()
        try write(harness, from: "Maria <maria@example.org>", subject: words, words)
        _ = try harness.run(at: harness.now.addingTimeInterval(88 * day))
        #expect(try harness.database.mentorships().first?.isOngoing == true, "nothing ends before she confirms")
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .active)
        let question = try last(to: "maria@example.org", harness)
        let asked = try #require(question.textBody)
        #expect(asked.contains("Leaving also ends your mentoring with Ana"), "\(asked)")
        #expect(asked.contains("Until you answer, we send you nothing else"), "\(asked)")
        #expect(try harness.sent().filter { $0.to.map(\.normalized).contains("ana@example.net") }.count == 1, "Ana has only her introduction")

        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        #expect(try last(to: "ana@example.net", harness).subject?.contains("how is your mentoring with") == true)
        #expect(try last(to: "maria@example.org", harness).messageID == question.messageID, "no survey reaches Maria")

        try reply(harness, from: "Maria <maria@example.org>", to: question, "yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.mentorships().first?.status == .ended)
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .withdrawn)
        #expect(try last(to: "ana@example.net", harness).subject == "Test Mentoring: Maria can no longer continue the mentoring")
    }

    /// Finding: a mentor who switched to "Role: mentee", whose mentee then left, was told her
    /// place was free again for a new mentee. The mail follows her current role.
    @Test func aPartnerLeftMailFollowsTheCurrentRole() throws {
        let (harness, _) = try introduced()
        try write(harness, from: "Maria <maria@example.org>", subject: "role", "Role: mentee")
        _ = try harness.run(at: harness.now.addingTimeInterval(5 * day))
        #expect(try harness.database.participant(email: "maria@example.org")?.profile.role == "mentee")
        try write(harness, from: "Ana <ana@example.net>", subject: "pause", "Please pause me, I am moving house.")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        let question = try last(to: "ana@example.net", harness)
        try reply(harness, from: "Ana <ana@example.net>", to: question, "Yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        #expect(try harness.database.mentorships().first?.status == .ended)
        let told = try last(to: "maria@example.org", harness)
        #expect(told.subject == "Test Mentoring: Ana can no longer continue the mentoring", "\(told.subject ?? "")")
        let text = try #require(told.textBody).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!text.contains("Your place is free again") && !text.contains("new mentee"), "\(text)")
        #expect(text.contains("We will match you with a new mentor in the next round"), "\(text)")
    }

    /// Finding: the "delete my data" question to someone in a pair did not say it ends their
    /// mentoring, unlike the "withdraw" question. It names the partner, in each language.
    @Test(arguments: [("delete my data", "Deleting your data also ends your mentoring with Ana"),
                      ("Por favor, borrad mis datos.", "Borrar tus datos también termina tu mentoría con Ana")])
    func deletingDataFromAPairSaysItEndsTheMentoring(_ words: String, _ expected: String) throws {
        let (harness, _) = try introduced()
        try write(harness, from: "Maria <maria@example.org>", subject: words, words)
        _ = try harness.run(at: harness.now.addingTimeInterval(5 * day))
        #expect(try harness.database.mentorships().first?.isOngoing == true, "nothing ends before she confirms")
        let asked = try #require(try last(to: "maria@example.org", harness).textBody).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(asked.contains(expected), "\(asked)")
        let html = try #require(try last(to: "maria@example.org", harness).leafParts.first { $0.contentType == "text/html" }?.decodedText())
        #expect(html.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(expected), "\(html)")
    }

    /// A profile change from someone in a pair promises no round: their mentoring goes on.
    @Test func aProfileChangeInAPairPromisesNoRound() throws {
        let (harness, _) = try introduced()
        try write(harness, from: "Ana <ana@example.net>", subject: "change", "Time zone: Europe/Lisbon")
        _ = try harness.run(at: harness.now.addingTimeInterval(5 * day))
        let answer = try #require(try last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("What happens next: nothing changes for your mentoring with Maria."), "\(answer)")
        #expect(!answer.contains("you will be matched"))
    }

    /// Finding: "Capacity: lots" from an active mentor in a pair made her "incomplete" ("We can
    /// match you only once the lines above are fixed") though capacity 1 was still stored. A
    /// line that cannot be read changes nothing of a complete profile: the answer names it,
    /// says what stays and how to write it.
    @Test func anUnreadableLineChangesNothingOfACompleteProfile() throws {
        let (harness, _) = try introduced()
        try write(harness, from: "Maria <maria@example.org>", subject: "capacity", "Capacity: lots")
        try write(harness, from: "Ana <ana@example.net>", subject: "zone", "Time zone: Mars/Olympus")
        _ = try harness.run(at: harness.now.addingTimeInterval(5 * day))
        let maria = try #require(try harness.database.participant(email: "maria@example.org"))
        #expect(maria.status == .active && maria.profile.capacity == 1)
        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.status == .active && ana.profile.timeZone == "Europe/Madrid")
        for address in ["maria@example.org", "ana@example.net"] {
            let answer = try #require(try last(to: address, harness).textBody)
            #expect(!answer.contains("We can match you only once") && !answer.contains("need a fix"), "\(answer)")
            #expect(answer.contains("We could not read these lines, so what we had stays"), "\(answer)")
        }
        let answer = try #require(try last(to: "maria@example.org", harness).textBody)
        #expect(answer.contains("“lots”"), "\(answer)")
        #expect(answer.contains("We kept: 1") && answer.contains("Capacity: 2"), "\(answer)")
    }

    /// Someone in a pair who has their data deleted: the other side is still told, kindly and
    /// without their name (a mail naming them would be erased with the rest).
    @Test func thePartnerOfSomeoneWhoIsErasedIsStillTold() throws {
        let (harness, _) = try introduced()
        // A full name, which erasure searches for everywhere (a single first name is not searched).
        try write(harness, from: "Maria <maria@example.org>", subject: "name", "Name: Maria Garcia")
        _ = try harness.run(at: harness.now.addingTimeInterval(9 * day))
        try write(harness, from: "Maria <maria@example.org>", subject: "delete my data", "Please delete my data.")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        let ask = try last(to: "maria@example.org", harness)
        try reply(harness, from: "Maria <maria@example.org>", to: ask, "Yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day + 60))
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .erased)
        let told = try last(to: "ana@example.net", harness)
        #expect(told.subject == "Test Mentoring: Your mentoring partner can no longer continue the mentoring", "\(told.subject ?? "")")
        #expect(told.textBody?.contains("Maria") == false)
        #expect(told.textBody?.contains("Your mentoring partner can no longer continue your mentoring") == true)
    }

    /// Finding: a mentor of two whose mentee deleted her data was told "Your mentoring partner
    /// can no longer continue": she could not tell which pair ended. The mail says which by what
    /// is not the erased mentee's (the round and the day of the introduction) and names the
    /// pair that goes on.
    @Test func aMentorOfTwoIsToldWhichPairEndedWhenAMenteeIsErased() throws {
        let harness = try twoMentees()
        try write(harness, from: "Ana <ana@example.net>", subject: "name", "Name: Ana Lopez")
        _ = try harness.run(at: harness.now.addingTimeInterval(9 * day))
        try write(harness, from: "Ana Lopez <ana@example.net>", subject: "delete my data", "Please delete my data.")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        try reply(harness, from: "Ana Lopez <ana@example.net>", to: try last(to: "ana@example.net", harness), "Yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day + 60))
        #expect(try harness.database.participant(email: "ana@example.net")?.status == .erased)
        let told = try last(to: "maria@example.org", harness)
        let text = try #require(told.textBody).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("the pair we introduced on \(Work.day(harness.now)) in the round R"), "\(text)")
        #expect(text.contains("Your mentoring with Bea goes on."), "\(text)")
        #expect(!text.contains("Ana"), "\(text)")
        let html = try #require(told.leafParts.first { $0.contentType == "text/html" }?.decodedText())
        #expect(html.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("Your mentoring with Bea goes on."), "\(html)")
    }

    /// A mentor of two whose mentee withdraws is told the mentee's name and that the other pair goes on.
    @Test func aMentorOfTwoIsToldWhichPairGoesOnWhenAMenteeWithdraws() throws {
        let harness = try twoMentees()
        try write(harness, from: "Bea <bea@example.net>", subject: "withdraw", "Please withdraw me from the program.")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day))
        try reply(harness, from: "Bea <bea@example.net>", to: try last(to: "bea@example.net", harness), "Yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * day + 60))
        let told = try last(to: "maria@example.org", harness)
        #expect(told.subject == "Test Mentoring: Bea can no longer continue the mentoring", "\(told.subject ?? "")")
        let text = try #require(told.textBody).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Your mentoring with Ana goes on."), "\(text)")
    }

    /// A mentor whose other mentees still fill their capacity is not promised a free place when
    /// one pair graduates.
    @Test func aGraduationPromisesNoPlaceThatIsNotFree() throws {
        let (harness, id) = try introduced()
        try harness.database.write { db in
            let (ben, _) = try AppDatabase.upsertProfile(db, email: "ben@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ben"),
                                                        status: .active, source: "t", origin: "email", roundID: nil, now: harness.now)
            let maria = try #require(try AppDatabase.findParticipant(db, email: "maria@example.org"))
            let first = try #require(try Mentorship.fetchOne(db, key: id))
            var second = Mentorship(roundID: first.roundID, proposalID: first.proposalID, menteeID: try #require(ben.id),
                                    mentorID: try #require(maria.id), score: 10, explanation: "", status: .active, introducedAt: harness.now, endedAt: nil)
            try second.insert(db)
        }
        _ = try harness.app.graduatePair(id: id, reason: nil, now: harness.now.addingTimeInterval(30 * day), by: "coordinator")
        _ = try harness.run(at: harness.now.addingTimeInterval(30 * day))
        let thanks = try #require(try last(to: "maria@example.org", harness).textBody)
        #expect(thanks.contains("Your other mentees still fill your capacity"), "\(thanks)")
        #expect(!thanks.contains("Your place is free again"))
    }

    @Test func aMenteeWhoGraduatesCanBecomeAMentorWithOneLine() throws {
        let (harness, id) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try last(to: "ana@example.net", harness)
        #expect(survey.subject == "Test Mentoring: how is your mentoring with Maria going?")
        try reply(harness, from: "Maria <maria@example.org>", to: try last(to: "maria@example.org", harness), "5, yes, good fit, graduate")
        _ = try harness.run(at: harness.now.addingTimeInterval(90.5 * day))
        #expect(try harness.database.mentorships().first { $0.id == id }?.status != .graduated, "Maria's graduate waits for Ana's")
        try reply(harness, from: "Ana <ana@example.net>", to: survey, "5, yes, good fit, graduate")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        #expect(try harness.database.mentorships().first { $0.id == id }?.status == .graduated)
        let thanks = try #require(try harness.sent().last { $0.subject?.contains("congratulations on graduating") == true && $0.to.map(\.normalized) == ["ana@example.net"] })
        #expect(try harness.sent().contains { $0.to.map(\.normalized) == ["ana@example.net"] && $0.textBody?.contains("You chose to graduate") == true },
                "the answer says so too")
        #expect(try harness.sent().contains { $0.to.map(\.normalized) == ["maria@example.org"] && $0.textBody?.contains("Your place is free again") == true })

        try reply(harness, from: "Ana <ana@example.net>", to: thanks, "Yes, sign me up as a mentor!")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.profile.role == "mentor", "a graduate waits for no mentor: she is a mentor now")
        #expect(ana.profile.capacity == 1)
        let answer = try #require(try last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("Role: mentor"))
        #expect(!answer.contains("you are in the R round"), "R's sign-ups closed two months ago: \(answer)")
        #expect(answer.contains("no round is open right now, so you wait in the pool"))
        // The next round takes her in as a mentor; as a graduate she is not matched as a mentee again.
        _ = try harness.app.closeRound(name: "R", now: harness.now.addingTimeInterval(92 * day))
        let next = try harness.app.openRound(name: "R2", closesAt: harness.now.addingTimeInterval(120 * day), now: harness.now.addingTimeInterval(92 * day))
        #expect(next.mentees == 0 && next.mentors == 2, "Ana (a mentor now) and Maria: \(next.mentees) mentees, \(next.mentors) mentors")
    }

    /// Ana and Maria both answer graduate on day 91: returns the thank-you Ana got.
    func graduatedAndThanked() throws -> (ProcessorTests.Program, Message) {
        let (harness, _) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        try reply(harness, from: "Ana <ana@example.net>", to: try last(to: "ana@example.net", harness), "5, yes, good fit, graduate")
        try reply(harness, from: "Maria <maria@example.org>", to: try last(to: "maria@example.org", harness), "5, yes, good fit, graduate")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let thanks = try #require(try harness.sent().last { $0.subject?.contains("congratulations on graduating") == true && $0.to.map(\.normalized) == ["ana@example.net"] })
        return (harness, thanks)
    }

    /// Finding: "I can take two mentees" in the same yes was dropped: capacity 1.
    @Test func aGraduatesYesToMentoringKeepsTheCapacityTheyGave() throws {
        let (harness, thanks) = try graduatedAndThanked()
        try reply(harness, from: "Ana <ana@example.net>", to: thanks, "Yes, sign me up as a mentor! I can take two mentees.")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.profile.capacity == 2)
        let answer = try #require(try last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("Capacity: 2"), "\(answer)")
    }

    /// Finding F-q: "Posso ter 2 mentorados" in a Portuguese yes was not read: capacity 1.
    @Test func aGraduatesYesInPortugueseKeepsTheCapacityTheyGave() throws {
        let (harness, thanks) = try graduatedAndThanked()
        try reply(harness, from: "Ana <ana@example.net>", to: thanks, "Sim, quero ser mentor! Posso ter 2 mentorados.")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.participant(email: "ana@example.net")?.profile.capacity == 2)
        let answer = try #require(try last(to: "ana@example.net", harness).textBody)
        #expect(!answer.contains("Posso ter 2 mentorados"), "not unplaced: \(answer)")
    }

    @Test func oneLineAnswersWithACommentAreAllReadAndNothingIsAskedAfterGraduating() throws {
        let (harness, id) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        try reply(harness, from: "Maria <maria@example.org>", to: try last(to: "maria@example.org", harness),
                  "5 yes good fit graduate - Ana is doing great")
        try reply(harness, from: "Ana <ana@example.net>", to: try last(to: "ana@example.net", harness), "graduate")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        #expect(try harness.database.mentorships().first { $0.id == id }?.status == .graduated, "both say graduate")
        let mentor = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["maria@example.org"] && $0.textBody?.contains("This is what we understood") == true }?.textBody)
        #expect(mentor.contains("2. Meeting: yes") && mentor.contains("5. For the coordinators: Ana is doing great"), "\(mentor)")
        // In either order the pair graduates in this run, and each answer says so (the first
        // "graduate" is not told it waits for the other): nothing more is asked.
        #expect(!mentor.contains("Please reply"), "\(mentor)")
        let mentee = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["ana@example.net"] && $0.textBody?.contains("This is what we understood") == true }?.textBody)
        #expect(!mentee.contains("Please reply with just these:"), "nothing is asked when graduating:\n\(mentee)")
        #expect([mentor, mentee].allSatisfy { $0.contains("You chose to graduate") && !$0.contains("Your answer \"graduate\" is noted") },
                "\(mentor)\n\(mentee)")
    }

    /// One side's "graduate" against the other's "continue" (of an earlier run) ends nothing:
    /// the pair goes on, the answer says why, and the digest gives the coordinators the commands.
    @Test func aGraduateAgainstAnEarlierContinueEndsNothing() throws {
        let (harness, id) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        try reply(harness, from: "Maria <maria@example.org>", to: try last(to: "maria@example.org", harness), "5 yes good fit continue")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        try reply(harness, from: "Ana <ana@example.net>", to: try last(to: "ana@example.net", harness), "graduate")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.mentorships().first { $0.id == id }?.isOngoing == true)
        let mentee = try #require(try last(to: "ana@example.net", harness).textBody)
        #expect(mentee.contains("Maria would like to go on, and you would like to graduate") && !mentee.contains("You chose to graduate"), "\(mentee)")
        let digest = try #require(try harness.sent().last(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("mentormail pairs graduate \(id)") && digest.contains("Suggested: write to both"), "\(digest)")
        // "We're done" under the introduction does not end it either.
        let introduction = try #require(try harness.sent().first { $0.subject?.contains("meet your mentoring match") == true })
        try reply(harness, from: "Ana <ana@example.net>", to: introduction, "We're done, thank you!")
        _ = try harness.run(at: harness.now.addingTimeInterval(93 * day))
        #expect(try harness.database.mentorships().first { $0.id == id }?.isOngoing == true)
    }

    /// Finding: a short remark that cannot be placed ("meh" beside the answers) reached no
    /// coordinator; now the answers are recorded, the remark goes to the digest, and the answer says so.
    @Test func aRemarkBesideTheAnswersIsPassedToTheCoordinators() throws {
        let (harness, _) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        try reply(harness, from: "Ana <ana@example.net>", to: try last(to: "ana@example.net", harness),
                  "4, yes, good fit, continue\r\n\r\nmeh\r\n\r\nAna")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let stored = try harness.database.read { db in try Survey.fetchAll(db) }
        #expect(stored.first { $0.side == .mentee }?.answers == SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue))
        let text = try #require(try last(to: "ana@example.net", harness).textBody)
        #expect(text.contains("This is what we understood") && text.contains("1. How it is going: 4 of 5"), "\(text)")
        #expect(text.contains("we passed it on to the") && text.contains("\"meh\""), "\(text)")
        #expect(!text.contains("\"Ana\""), "a name signing off is no remark")
        let digest = try #require(try harness.sent().last(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("\"meh\""), "\(digest)")
    }

    /// The same for a remark above answers written under the quoted questions.
    @Test func aRemarkAboveAnswersUnderTheQuestionsIsPassedOn() throws {
        let (harness, _) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try last(to: "maria@example.org", harness)
        let quoted = (survey.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = "> " + line
            switch SurveyAnswerReader.questionNumber(String(line))?.0 {
            case .rating?: return text + "\r\n5"
            case .meeting?: return text + "\r\nsometimes"
            default: return text
            }
        }.joined(separator: "\r\n")
        try reply(harness, from: "Maria <maria@example.org>", to: survey, "not sure\r\n\r\n" + quoted)
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let stored = try harness.database.read { db in try Survey.fetchAll(db) }
        #expect(stored.first { $0.side == .mentor }?.answers == SurveyAnswers(rating: 5, meeting: .sometimes))
        let text = try #require(try last(to: "maria@example.org", harness).textBody)
        #expect(text.contains("2. Meeting: sometimes") && text.contains("\"not sure\""), "\(text)")
        let digest = try #require(try harness.sent().last(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("\"not sure\""), "\(digest)")
    }

    @Test func answersAfterThePairEndedAreKeptAndTheAnswerSaysItHasEnded() throws {
        let (harness, id) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let mentorSurvey = try last(to: "maria@example.org", harness)
        let menteeSurvey = try last(to: "ana@example.net", harness)
        _ = try harness.app.endPair(id: id, reason: "the mentor changed jobs", now: harness.now.addingTimeInterval(91 * day), by: "coordinator")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        try reply(harness, from: "Maria <maria@example.org>", to: mentorSurvey, "5, yes, good fit, continue")
        try reply(harness, from: "Ana <ana@example.net>", to: menteeSurvey, "It's going great, we meet every week.")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        for address in ["maria@example.org", "ana@example.net"] {
            let text = try #require(try last(to: address, harness).textBody)
            #expect(text.contains("This is what we understood") && text.contains("has already ended"), "\(text)")
            #expect(text.contains("the coordinators have your answers"), "\(text)")
            #expect(!text.contains("Enjoy your mentoring") && !text.contains("Please reply"), "\(text)")
        }
        let stored = try harness.database.read { db in try Survey.fetchAll(db) }
        #expect(stored.first { $0.side == .mentor }?.answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue))
        #expect(try harness.database.mentorships().first?.status == .ended)
        let digest = try #require(try harness.sent().last(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("answered after the pair had ended"), "\(digest)")
    }

    @Test func aLaterReplyFillsTheGapsAndPauseUnderTheSurveyIsACommand() throws {
        let (harness, _) = try introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try last(to: "maria@example.org", harness)
        try reply(harness, from: "Maria <maria@example.org>", to: survey, "It's going great, we meet every week.")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let answer = try last(to: "maria@example.org", harness)
        let text = try #require(answer.textBody)
        #expect(text.contains("1. How it is going: 5 of 5"))
        #expect(text.contains("Please reply with just these:"))
        #expect(text.contains("3. How is the fit?") && text.contains("4. What next?"))
        #expect(!text.contains("1. How is it going?"), "only what is still missing is asked again")
        #expect(try harness.database.mentorships().first?.status == .active, "they meet: the pair is active")

        try reply(harness, from: "Maria <maria@example.org>", to: answer, "3. good fit\n4. continue")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let done = try last(to: "maria@example.org", harness)
        #expect(done.textBody?.contains("That is all we need.") == true)
        let stored = try harness.database.read { db in try Survey.fetchAll(db) }.first { $0.side == .mentor }
        #expect(stored?.answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue))
        #expect(stored?.replies.contains("It's going great") == true && stored?.replies.contains("3. good fit") == true, "the raw text is kept")

        // The mentee answers the survey with a command only: it is the command (asked first, as
        // pausing ends her pair; her yes pauses).
        try reply(harness, from: "Ana <ana@example.net>", to: try last(to: "ana@example.net", harness), "pause")
        _ = try harness.run(at: harness.now.addingTimeInterval(93 * day))
        let question = try last(to: "ana@example.net", harness)
        #expect(question.textBody?.contains("Pausing also ends your mentoring with Maria") == true, "\(question.textBody ?? "")")
        try reply(harness, from: "Ana <ana@example.net>", to: question, "yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(93 * day))
        #expect(try harness.database.participant(email: "ana@example.net")?.status == .paused)
    }

    /// Finding: a pair that graduated or ended kept its pending check-in survey, which dry runs
    /// and status listed as work to do.
    @Test(arguments: [true, false])
    func aPairThatEndsHasNoCheckinLeftToRun(graduates: Bool) throws {
        let (harness, id) = try introduced()
        #expect(try harness.database.jobs().contains { $0.kind == "checkin-survey" && $0.subjectID == id && $0.status == .pending })
        let later = harness.now.addingTimeInterval(20 * day)
        if graduates {
            _ = try harness.app.graduatePair(id: id, reason: nil, now: later, by: "coordinator")
        } else {
            _ = try harness.app.endPair(id: id, reason: "the mentor changed jobs", now: later, by: "coordinator")
        }
        let pending = try harness.database.jobs().filter { $0.subjectID == id && $0.kind.hasPrefix("checkin") && $0.status == .pending }
        #expect(pending.isEmpty, "\(pending.map(\.uniqueKey))")
        #expect(try !harness.database.status(now: later).nextJobs.contains { $0.kind == "checkin-survey" })
    }

    @Test func aCoordinatorEndsAPairAndTheMenteeWaitsForTheNextRoundWithoutTheOldMentor() throws {
        let (harness, id) = try introduced()
        let ended = try harness.app.endPair(id: id, reason: "the mentor changed jobs", now: harness.now.addingTimeInterval(20 * day), by: "coordinator")
        #expect(ended.status == "ended")
        #expect(throws: MentorMailError.self) { try harness.app.graduatePair(id: id, reason: nil, now: harness.now, by: "coordinator") }
        _ = try harness.run(at: harness.now.addingTimeInterval(20 * day))
        #expect(try last(to: "ana@example.net", harness).subject == "Test Mentoring: your mentoring with Maria has ended")
        let told = try #require(try last(to: "maria@example.org", harness).textBody)
        #expect(told.contains("Your place is free again"))
        #expect(!told.contains("changed jobs"), "the reason stays with the coordinators")
        let pool = try harness.database.write { db in try AppDatabase.pool(db) }.map(\.email)
        #expect(Set(pool) == ["ana@example.net", "maria@example.org"], "both wait for the next round")
        _ = try harness.app.closeRound(name: "R", now: harness.now.addingTimeInterval(21 * day))
        _ = try harness.app.openRound(name: "R2", closesAt: harness.now.addingTimeInterval(60 * day), now: harness.now.addingTimeInterval(21 * day))
        let proposal = try harness.app.proposeMatches(round: "R2", method: .optimal, dryRun: true, now: harness.now.addingTimeInterval(22 * day))
        #expect(proposal.pairs.isEmpty, "never the same mentor again")
        #expect(proposal.unmatched.first?.reason.contains("new to them") == true)
        let details = try harness.database.pairDetails(id: id)
        #expect(details.timeline.contains { $0.what.hasPrefix("ended: the mentor changed jobs") })
        #expect(details.timeline.contains { $0.what.contains("introduction") })
    }

    /// Finding: `pairs list --status active` listed introduced pairs too, and `--status
    /// introduced` also those whose introduction was held. "active" is every pair still going
    /// (the program's word for them since the check-in came), and says so; each other value
    /// lists exactly the pairs shown in that state; `--help` says what each means.
    @Test func eachPairStatusListsExactlyThePairsInIt() throws {
        let harness = try twoMentees()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try last(to: "ana@example.net", harness)
        try reply(harness, from: "Ana <ana@example.net>", to: survey, "5, yes, good fit, continue")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let config = try harness.writeConfigFile().path
        func listed(_ status: String) throws -> [String] {
            let result = try CommandRunner.run(["pairs", "list", "--status", status, "--json", "--config", config])
            #expect(result.status == 0, "\(status): \(result.stderr)")
            let pairs = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stdout)")
            #expect(pairs.allSatisfy { $0["status"] as? String == status || status == "active" }, "\(status): \(pairs)")
            return pairs.compactMap { ($0["mentee"] as? [String: Any])?["email"] as? String }.sorted()
        }
        #expect(try listed("active") == ["ana@example.net", "bea@example.net"])
        #expect(try listed("introduced") == ["bea@example.net"])
        #expect(try listed("graduated").isEmpty && listed("ended").isEmpty && listed("introduction-held").isEmpty)
        let table = try CommandRunner.run(["pairs", "list", "--status", "introduced", "--config", config]).stdout
        #expect(!table.contains("ana@example.net") && table.contains("bea@example.net"), "\(table)")

        let help = try CommandRunner.run(["pairs", "list", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        for (status, meaning) in [("introduced", "not yet known to meet"), ("active", "every pair still going"),
                                  ("introduction-held", "its introduction was kept or could not be sent"), ("graduated", "ended well"), ("ended", "ended otherwise")] {
            #expect(help.contains("\(status) (\(meaning)"), "\(status): \(help)")
        }
        let wrong = try CommandRunner.run(["pairs", "list", "--status", "meeting", "--config", config])
        #expect(wrong.status != 0 && wrong.stderr.contains("introduction-held"), "\(wrong.stderr)")
    }

    /// A pair whose introduction was taken back is listed as "introduction-held", not as introduced.
    @Test func aPairWhoseIntroductionIsHeldIsListedApart() throws {
        let program = try ProcessorTests.Program()
        try CoordinatorParticipationTests.approvePair(in: program)
        let introduction = try #require(try program.database.outbox(status: .queued).first { $0.kind == .introduction }?.id)
        _ = try program.app.cancelOutbox(ids: [introduction], reason: "wrong pair", dryRun: false, now: program.now, by: "lea")
        _ = try program.run()
        #expect(try program.database.pairs(status: "introduced").isEmpty)
        #expect(try program.database.pairs(status: "introduction-held").count == 1)
        #expect(try program.database.pairs(status: "active").count == 1, "still going")
    }

    /// Finding: a mentor in two pairs who wrote to become a mentee was not told what happens to
    /// her pairs. They go on (the role names what she is matched for next); the answer names
    /// them, says so, and how to end one.
    @Test(arguments: [("Role: mentee", "en"), ("Hi! From now on I'd like to be a mentee rather than a mentor.\nRole: mentee", "en"),
                      ("Hola, a partir de ahora prefiero ser mentorada en lugar de mentora. Muchas gracias por todo.\nRol: mentee", "es")])
    func aMentorWhoBecomesAMenteeIsToldHerPairsGoOn(_ words: String, _ language: String) throws {
        let harness = try twoMentees()
        try write(harness, from: "Maria <maria@example.org>", subject: "role", words)
        _ = try harness.run(at: harness.now.addingTimeInterval(5 * day))
        #expect(try harness.database.participant(email: "maria@example.org")?.profile.role == "mentee")
        #expect(try harness.database.mentorships().allSatisfy(\.isOngoing), "nothing ends by itself")
        let answer = try #require(try last(to: "maria@example.org", harness).textBody).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(answer.contains("Ana") && answer.contains("Bea"), "\(answer)")
        if language == "en" {
            #expect(answer.contains("You are no longer a mentor for new pairs, but your mentoring with"), "\(answer)")
            #expect(answer.contains("goes on as before"), "\(answer)")
            #expect(answer.contains("\"we're done\"") && answer.contains("its introduction"), "how to end one: \(answer)")
        } else {
            #expect(answer.contains("sigue como hasta ahora"), "\(answer)")
            #expect(answer.contains("\"hemos terminado\""), "\(answer)")
        }
        #expect(!answer.contains("nothing changes for your mentoring"), "\(answer)")
    }

    /// Finding: mail kept back while a leave question waited stayed kept after a "no". It goes
    /// with the "no", whose answer says nothing was stopped, and it is no longer kept.
    @Test(arguments: ["no", "No, I'd like to stay.", "no quiero darme de baja"])
    func mailKeptWhileLeavingWasAskedGoesAfterANo(_ words: String) throws {
        let (harness, _) = try introduced()
        let (question, kept) = try keptWhileMariaIsAsked(harness)
        #expect(kept.kind == .checkinSurvey)

        try reply(harness, from: "Maria <maria@example.org>", to: question, words)
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .active)
        #expect(try harness.database.outbox().first { $0.id == kept.id }?.status == .sent, "released and sent")
        #expect(try harness.database.outbox(status: .withheld).isEmpty)
        let toMaria = try harness.sent().filter { $0.to.map(\.normalized) == ["maria@example.org"] }
        #expect(toMaria.contains { $0.subject?.contains("how is your mentoring with") == true }, "\(toMaria.map(\.subject))")
        let answer = try #require(toMaria.last { $0.subject?.contains("how is your mentoring with") != true }?.textBody)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(answer.contains("Nothing was stopped") || answer.contains("No se detuvo nada"), "\(answer)")
        #expect(answer.contains("how is your mentoring with Ana") || answer.contains("Ana"), "names what goes: \(answer)")
        let status = try harness.database.status(now: harness.now.addingTimeInterval(92 * day))
        #expect(status.withheld == 0)
    }

    /// Finding: after the "yes" to leaving, the mail kept meanwhile stayed kept, and `status`
    /// went on counting it as "kept while its recipient is asked". It is never sent then: it is
    /// retired, with why, and counted nowhere.
    @Test func mailKeptWhileLeavingWasAskedIsRetiredAfterAYes() throws {
        let (harness, _) = try introduced()
        let (question, kept) = try keptWhileMariaIsAsked(harness)

        try reply(harness, from: "Maria <maria@example.org>", to: question, "yes")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .withdrawn)
        let row = try #require(try harness.database.outbox().first { $0.id == kept.id })
        #expect(row.status == .retired && row.lastError?.contains("confirmed leaving") == true, "\(row.status) \(row.lastError ?? "")")
        #expect(!(try harness.sent().contains { $0.to.map(\.normalized) == ["maria@example.org"] && $0.subject?.contains("how is your mentoring with") == true }))
        let status = try harness.database.status(now: harness.now.addingTimeInterval(92 * day))
        #expect(status.withheld == 0 && status.keptWhileLeaving == 0, "\(status.withheld), \(status.keptWhileLeaving)")
    }

    /// Finding: mail kept while a leave question waited was labelled a delivery failure ("to an
    /// address that bounced", "could not be delivered … mentormail outbox resend"). `status`,
    /// `outbox list` and the digest say it is kept while they are asked, and goes by itself after a "no".
    @Test func mailKeptWhileLeavingWasAskedIsNotCalledUndelivered() throws {
        let (harness, _) = try introduced()
        try write(harness, from: "Maria <maria@example.org>", subject: "unsubscribe", "unsubscribe")
        _ = try harness.run(at: harness.now.addingTimeInterval(88 * day))
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day + 3_600))
        let kept = try #require(try harness.database.outbox(status: .withheld).first { $0.recipients == "maria@example.org" })

        let figures = try harness.database.status(now: harness.now.addingTimeInterval(91 * day))
        #expect(figures.withheld == 0 && figures.keptWhileLeaving == 1, "\(figures.withheld), \(figures.keptWhileLeaving)")
        let config = try harness.writeConfigFile().path
        func run(_ arguments: [String]) throws -> String {
            let result = try CommandRunner.run(arguments + ["--config", config])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        let status = try run(["status"])
        #expect(!status.contains("bounced") && status.contains("1 kept while its recipient is asked whether they leave"), "\(status)")
        #expect(status.contains("goes by itself after a \"no\""), "\(status)")
        let outbox = try run(["outbox", "list", "--status", "withheld"])
        #expect(outbox.contains("goes by itself after a \"no\"") && !outbox.contains("only answers reach them meanwhile"), "\(outbox)")

        let digest = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] }?.textBody)
        #expect(digest.contains("(outbox \(kept.id ?? 0)) kept while maria@example.org is asked whether they leave"), "\(digest)")
        #expect(!digest.contains("could not be delivered") && !digest.contains("outbox resend \(kept.id ?? 0)"), "\(digest)")
        #expect(digest.contains("it goes by itself after a \"no\""), "\(digest)")
    }

    /// Mail kept while a leave question waited, whose address then bounced for good: after the
    /// "no" it stays kept, now for the bounce, and says so; it is no longer counted or labelled
    /// as kept while they are asked, and the coordinators' digest gives the way out.
    @Test func mailKeptWhileLeavingWhoseAddressBouncedIsKeptForTheBounceAfterANo() throws {
        let (harness, _) = try introduced()
        let (question, kept) = try keptWhileMariaIsAsked(harness)
        try harness.database.write { db in
            let maria = try #require(try AppDatabase.findParticipant(db, email: "maria@example.org"))
            _ = try AppDatabase.markBounced(db, participant: maria, row: kept, words: "550 5.1.1 mailbox unknown", at: harness.now.addingTimeInterval(91 * day))
        }

        try reply(harness, from: "Maria <maria@example.org>", to: question, "no")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
        let row = try #require(try harness.database.outbox().first { $0.id == kept.id })
        #expect(row.status == .withheld && !row.isKeptWhileLeaving, "\(row.status): \(row.lastError ?? "")")
        #expect(row.lastError?.contains("maria@example.org bounced for good") == true, "\(row.lastError ?? "")")
        let status = try harness.database.status(now: harness.now.addingTimeInterval(92 * day))
        #expect(status.keptWhileLeaving == 0 && status.withheld >= 1, "\(status.keptWhileLeaving), \(status.withheld)")
        _ = try harness.run(at: harness.now.addingTimeInterval(92 * day + 3_600))
        let digests = try harness.sent().filter { $0.to.map(\.normalized) == ["coordinator@example.org"] }.compactMap(\.textBody)
        #expect(digests.contains { $0.contains("(outbox \(kept.id ?? 0)) kept") && $0.contains("clear-bounce maria@example.org") }, "\(digests.last ?? "")")
    }

    /// Finding: `pairs show` called mail kept while a leave question waited "kept, not sent (the
    /// address bounced)". Its timeline says it is kept while they are asked, and goes by itself
    /// after a "no"; the JSON gives its state apart from a bounce's.
    @Test func pairsShowSaysMailIsKeptWhileTheLeaveQuestionWaits() throws {
        let (harness, pair) = try introduced()
        let (_, kept) = try keptWhileMariaIsAsked(harness)
        let config = try harness.writeConfigFile().path

        let text = try CommandRunner.run(["pairs", "show", String(pair), "--config", config])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("bounced"), "\(text.stdout)")
        let line = try #require(text.stdout.split(separator: "\n").first { $0.contains("\(kept.purpose) to maria@example.org") }, "\(text.stdout)")
        #expect(line.contains("kept while its recipient is asked whether they leave") && line.contains("goes by itself after a \"no\""), "\(line)")

        let json = try CommandRunner.run(["pairs", "show", String(pair), "--json", "--config", config])
        #expect(json.status == 0, "\(json.stderr)")
        let details = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let timeline = try #require(details["timeline"] as? [[String: Any]])
        let event = try #require(timeline.first { ($0["outbox"] as? Int).map(Int64.init) == kept.id }, "\(json.stdout)")
        #expect(event["state"] as? String == "kept-while-leaving", "\(event)")
        #expect(!(event["what"] as? String ?? "").contains("bounced"), "\(event)")
    }

    /// The same when the request is taken back in a fresh message, or its code expires unanswered
    /// ("ignore this message: nothing changes"): the kept survey goes.
    @Test(arguments: [true, false])
    func mailKeptWhileLeavingWasAskedGoesWhenTheRequestLapses(takenBack: Bool) throws {
        let (harness, _) = try introduced()
        let (_, kept) = try keptWhileMariaIsAsked(harness)
        if takenBack {
            try write(harness, from: "Maria <maria@example.org>", subject: "sorry", "Please ignore my previous mail, I want to stay.")
            _ = try harness.run(at: harness.now.addingTimeInterval(92 * day))
            let answer = try #require(try last(to: "maria@example.org", harness).textBody)
            #expect(answer.contains("Nothing was stopped"), "\(answer)")
        } else {
            _ = try harness.run(at: harness.now.addingTimeInterval(94 * day))
            #expect(try harness.database.outbox().first { $0.id == kept.id }?.status == .withheld, "the code still works")
            _ = try harness.run(at: harness.now.addingTimeInterval(96 * day))
        }
        #expect(try harness.database.outbox().first { $0.id == kept.id }?.status == .sent)
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .active)
    }
}

