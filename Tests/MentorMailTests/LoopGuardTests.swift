import Foundation
import Mail
@testable import MentorMail
import TestSupport
import Testing

/// No loops, no floods: responders without headers, the same text again, and a daily limit.
@Suite struct LoopGuardTests {
    func mail(from: String = "Robo <robo@example.net>", subject: String = "Hello", _ body: String) -> String {
        "From: \(from)\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(body)\r\n"
    }

    @Test(arguments: [
        "I am out of the office until 12 January with limited access to email.",
        "Thank you for your email. This is an automatic reply: I will respond when I return.",
        "Estoy fuera de la oficina hasta el lunes.",
        "Ich bin bis zum 4. Januar nicht im Büro.",
        "Je suis absente jusqu'au 3 janvier.",
        "我不在办公室，1月5日回来。",
        "Hello, I am out of the office until Monday.",
        "Vielen Dank für Ihre Nachricht, ich bin bis zum 4. Januar nicht im Büro.",
        "您好，我正在休假，5月10日返回。如有急事请联系我的同事。谢谢！",
        "شكراً لرسالتك. أنا خارج المكتب حتى 10 مايو ولن أتمكن من الرد على البريد الإلكتروني.",
        "Здравствуйте! Я в отпуске до 10 мая и не проверяю почту. Отвечу после возвращения.",
        "안녕하세요. 5월 10일까지 부재중이라 이메일 확인이 어렵습니다. 복귀 후 답변드리겠습니다.",
        "नमस्ते, मैं 10 मई तक कार्यालय से बाहर हूँ और ईमेल नहीं देख पाऊँगा। वापस आने पर उत्तर दूँगा।",
        "お世話になっております。\n3月10日まで不在のため、メールの確認ができません。",
        "Добрий день! Я у відпустці до 10 травня.",
        "Dzień dobry, jestem poza biurem do 10 maja.",
        "Goedendag, ik ben afwezig tot 10 mei.",
        "Merhaba, 10 Mayıs'a kadar ofis dışındayım.",
        // Finding (X5-4): responders in Portuguese, Spanish, Italian and French sentences of "until", and "when I'm back".
        "Estou de férias até 3 de março. Responderei quando voltar.", "Estoy de vacaciones hasta el 3 de marzo.",
        "Sono in ferie fino al 3 marzo.", "Je suis en congés jusqu'au 3 mars.", "Ich bin im Urlaub bis 3. März.",
        "Estaré de viaje esta semana. Le responderé a mi regreso.",
    ])
    func outOfOfficeTextWithoutHeadersIsNeverAnswered(text: String) throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive(mail(subject: "Re: Sign up for Test Mentoring", text))
        let report = try harness.run()
        #expect(report.ignored == 1 && report.sent == 0, "\(text)")
        #expect(try harness.database.inboundMessages().first?.note?.hasPrefix("out-of-office text") == true)
    }

    /// Finding (H8-1): a person's mail opening with "I'm out of the office / on vacation until …"
    /// that asks or requests something was dropped as an out-of-office: nobody answered.
    @Test(arguments: ["I'm out of the office until January 5, but wanted to say: I'd like to be a mentor for Nova.",
                      "Estoy de vacaciones hasta el 20 de marzo. ¿Puedo cambiar mi zona horaria a Europe/Lisbon?",
                      "Je suis absente jusqu'au 3 mars, mais je voudrais être mentore pour Nova.",
                      "我正在休假。我想成为导师", "Я в отпуске до 10 мая. Хочу стать ментором."])
    func aPersonWhoIsAwayAndSaysMoreIsAnswered(text: String) throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive(mail(from: "Ola Person <ola@example.net>", subject: "Mentoring", text))
        let report = try harness.run()
        #expect(report.ignored == 0, "\(text)")
        #expect(report.sent + report.held >= 1, "\(text)")
    }

    /// A person says "limited access to email" too, above what they came to say: that is read.
    @Test(arguments: ["I have limited access to email this week, so briefly: I would like to join as a mentee.",
                      "Tengo acceso limitado al correo esta semana. Quiero ser mentora."])
    func aPersonWithLimitedAccessToEmailIsAnswered(text: String) throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive(mail(subject: "Mentoring", text))
        let report = try harness.run()
        #expect(report.ignored == 0 && report.sent == 1, "\(text)")
    }

    /// Finding: responders writing in other scripts, without headers and under a neutral body,
    /// were answered or held. Their subject prefix alone marks them.
    @Test(arguments: ["自动回复: Re: Sign up", "رد تلقائي: Sign up", "Автоответ: Sign up", "자동 응답: Sign up",
                      "स्वचालित उत्तर: Sign up", "自動返信：Sign up", "Автовідповідь: Sign up", "Automatyczna odpowiedź: Sign up",
                      "Afwezigheidsmelding: Sign up", "Otomatik yanıt: Sign up"])
    func outOfOfficeSubjectsInOtherScriptsAreNeverAnswered(subject: String) throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive(mail(subject: subject, "5/10"))
        let report = try harness.run()
        #expect(report.ignored == 1 && report.sent == 0, "\(subject)")
        #expect(try harness.database.inboundMessages().first?.note?.hasPrefix("vacation reply") == true)
    }

    /// Finding: a question to a mailing list that copied the program was ignored without a
    /// trace. It is still never answered (the answer would go to the list), but held quietly
    /// and in the coordinators' digest; list mail that asks nothing stays ignored.
    @Test func aQuestionThroughAListThatCopiesTheProgramReachesTheCoordinatorsOnly() throws {
        let harness = try ProcessorTests.Program()
        func listMail(_ body: String, cc: String = "mentoring@example.org") -> String {
            "From: Ines Duarte <ines@example.pt>\r\nTo: women@lists.example.org\r\nCc: \(cc)\r\n"
                + "Subject: [women-of-openstack] Question about mentoring\r\nList-Id: <women.lists.example.org>\r\n"
                + "Reply-To: women@lists.example.org\r\nList-Post: <mailto:women@lists.example.org>\r\n"
                + "Message-ID: <\(UUID().uuidString)@example.pt>\r\n\r\n\(body)\r\n"
        }
        try harness.arrive(listMail("Hello, is the mentoring program open to students? Thanks, Ines"))
        try harness.arrive(listMail("Reminder: the community meeting is Thursday. Anyone wanting to mentor, please sign up!"))
        try harness.arrive(listMail("Is anyone going to the summit?", cc: "someone@example.org"))
        let report = try harness.run()
        let inbound = try harness.database.inboundMessages()
        #expect(inbound.map(\.disposition).sorted { $0.rawValue < $1.rawValue } == [.held, .ignored, .ignored])
        let held = try #require(inbound.first { $0.disposition == .held })
        #expect(held.note?.contains("mailing list") == true, "\(held.note ?? "")")
        let sent = try harness.sent()
        #expect(!sent.contains { $0.to.contains { ["ines@example.pt", "women@lists.example.org"].contains($0.normalized) } })
        let digest = try #require(sent.first { $0.to.map(\.normalized) == ["coordinator@example.org"] }?.textBody)
        #expect(digest.contains("open to students"), "\(digest)")
        #expect(report.ignored == 2)
    }

    /// Finding: "Hallo, bitte pausieren, ich bin bis Dezember auf Elternzeit." was taken for an
    /// out-of-office reply and dropped without a word. A request first is a person's.
    @Test func aRequestBeforeAnAbsenceIsAPersons() throws {
        let harness = try ProcessorTests.Program()
        try harness.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "klaus@example.de", profile: MatchingWorkflowTests.profile("mentee", "Klaus"),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: harness.now)
        }
        try harness.arrive(mail(from: "Klaus <klaus@example.de>", subject: "Pause", "Hallo, bitte pausieren, ich bin bis Dezember auf Elternzeit."))
        let report = try harness.run()
        #expect(report.ignored == 0 && report.answered == 1)
        #expect(try harness.database.participant(email: "klaus@example.de")?.status == .paused)
    }

    @Test func aPersonMentioningAHolidayIsStillAnswered() throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive(mail("Hello! I would like to join as a mentee. Next month I am on holiday, but after that I have time; I am out of the office a lot in summer though."))
        #expect(try harness.run().answered == 1)
    }

    @Test func theSameTextAgainIsHeldAndTheCoordinatorsAreToldOnce() throws {
        let harness = try ProcessorTests.Program()
        let text = "Thanks for your message! We have received it and will get back to you soon."
        for round in 0..<4 {
            try harness.arrive(mail(subject: String(repeating: "Re: ", count: round) + "Hello", text))
            _ = try harness.run()
        }
        let inbound = try harness.database.inboundMessages()
        #expect(inbound.map(\.disposition) == [.answered, .held, .held, .held])
        #expect(inbound.dropFirst().allSatisfy { $0.rule == "loop-guard:repeat" })
        let toRobot = try harness.sent().filter { $0.to.map(\.normalized) == ["robo@example.net"] }
        #expect(toRobot.count == 1, "one answer, then silence")
        let digests = try harness.sent().filter { $0.to.map(\.normalized) == ["coordinator@example.org"] }
        #expect(digests.count == 1, "the coordinators hear of it once")
        #expect(digests.first?.textBody?.contains("the same text as one already answered (`mentormail held show") == true)
    }

    /// Finding: after a flood of 20, the digest said "19 older message(s) from earlier digests
    /// are still waiting" though no digest had shown 18 of them. The repeats are counted as
    /// such, in the digest that first counts them, and never as shown by an earlier one.
    @Test func aFloodsRepeatsAreCountedAsRepeatsNotAsShownEarlier() throws {
        let harness = try ProcessorTests.Program()
        let text = "Thanks for your message! We have received it and will get back to you soon."
        for index in 0..<20 { try harness.arrive(mail(subject: "Re: Hello \(index)", text)) }
        _ = try harness.run()
        func digests() throws -> [String] {
            try harness.sent().filter { $0.to.map(\.normalized) == ["coordinator@example.org"] }.compactMap(\.textBody)
        }
        let first = try #require(try digests().last)
        #expect(first.contains("18 more new message(s) repeat one listed here"), "\(first)")
        #expect(!first.contains("from earlier digests"), "\(first)")

        // Another sender's repeat brings a second digest: only the one shown counts as earlier.
        for _ in 0..<2 { try harness.arrive(mail(from: "Bot <bot@example.net>", "Your ticket has been received. We will reply shortly.")) }
        _ = try harness.run(at: harness.now.addingTimeInterval(3600))
        let second = try #require(try digests().last)
        #expect(try digests().count == 2)
        #expect(second.contains("1 older message(s) from earlier digests are still waiting, and 18 repeats of one of them"), "\(second)")
        #expect(!second.contains("more new message(s) repeat"), "\(second)")
    }

    /// A coordinator's auto-responder (no RFC 3834 headers) answers every digest. Its answers
    /// are kept, but quietly: the digest does not answer them back at every run.
    @Test(arguments: [false, true])
    func aCoordinatorsAutoResponderDoesNotKeepTheDigestGoing(threaded: Bool) throws {
        var harness = try ProcessorTests.Program()
        harness.config.program.coordinators = ["coordinator@example.org", "second@example.org"]
        try harness.arrive("To: mentoring@example.org\r\nSubject: no sender\r\nMessage-ID: <x@example.net>\r\n\r\nHello?\r\n")
        var answered: Set<String> = []
        for run in 0..<6 {
            _ = try harness.run(at: harness.now.addingTimeInterval(Double(run) * 3_600))
            for digest in try harness.sent() where digest.to.map(\.normalized).contains("second@example.org") {
                guard let id = digest.messageID, answered.insert(id).inserted else { continue }
                try harness.arrive("From: Second <second@example.org>\r\nTo: mentoring@example.org\r\nSubject: Re: \(digest.subject ?? "")\r\n"
                                   + "Message-ID: <\(UUID().uuidString)@example.org>\r\n" + (threaded ? "In-Reply-To: <\(id)>\r\n" : "")
                                   + "\r\nThis mailbox is checked on Mondays only. For urgent matters call +1 555 0100.\r\n")
            }
        }
        let digests = try harness.sent().filter { $0.to.map(\.normalized).contains("second@example.org") }
        #expect(digests.count <= (threaded ? 1 : 2), "\(digests.count) digests in 6 runs")
        let kept = try harness.database.inboundMessages().filter { $0.sender == "second@example.org" }
        #expect(!kept.isEmpty && kept.allSatisfy { $0.disposition == .held }, "kept for the coordinators, never dropped")
    }

    /// Finding: "Capacity: 3" half an hour after "Capacity: 1" was held as the same text
    /// (the numbers were left out of the fingerprint) and never answered. A person's
    /// correction of a number is applied and confirmed.
    @Test func aProfileCorrectionThatChangesOnlyANumberIsAppliedAndConfirmed() throws {
        let harness = try ProcessorTests.Program()
        try harness.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "ivy@example.net", profile: MatchingWorkflowTests.profile("mentor", "Ivy", capacity: 2),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: harness.now)
        }
        try harness.arrive(mail(from: "Ivy <ivy@example.net>", subject: "Capacity", "Capacity: 1"))
        _ = try harness.run()
        try harness.arrive(mail(from: "Ivy <ivy@example.net>", subject: "Capacity", "Capacity: 3"))
        _ = try harness.run(at: harness.now.addingTimeInterval(1800))
        #expect(try harness.database.participant(email: "ivy@example.net")?.profile.capacity == 3)
        let inbound = try harness.database.inboundMessages().filter { $0.sender == "ivy@example.net" }
        #expect(inbound.map(\.disposition) == [.answered, .answered], "\(inbound.map { $0.note ?? "" })")
        let answers = try harness.sent().filter { $0.to.map(\.normalized) == ["ivy@example.net"] }
        #expect(answers.count == 2 && answers.last?.textBody?.contains("Capacity: 3") == true, "\(answers.last?.textBody ?? "")")
    }

    /// The same for a check-in: "5, yes, good fit, continue" after "3, yes, good fit, continue"
    /// is her corrected rating, applied and confirmed.
    @Test func aCheckinCorrectionThatChangesOnlyTheRatingIsAppliedAndConfirmed() throws {
        let pairs = PairLifeTests()
        let (harness, _) = try pairs.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * 86_400))
        let survey = try pairs.last(to: "ana@example.net", harness)
        try pairs.reply(harness, from: "Ana <ana@example.net>", to: survey, "3, yes, good fit, continue")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * 86_400))
        try pairs.reply(harness, from: "Ana <ana@example.net>", to: survey, "5, yes, good fit, continue")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * 86_400 + 1800))
        let stored = try harness.database.read { db in try Survey.fetchAll(db) }
        #expect(stored.first { $0.side == .mentee }?.answers.rating == 5)
        let answer = try #require(try pairs.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("5 of 5"), "\(answer)")
    }

    /// A responder that repeats itself with only a number changed (a ticket number) is still a
    /// repeat: its text reads as no form and no check-in answer.
    @Test func aResponderRepeatingItselfWithANewTicketNumberIsStillHeld() throws {
        let harness = try ProcessorTests.Program()
        for round in 0..<4 {
            try harness.arrive(mail(subject: String(repeating: "Re: ", count: round) + "Hello",
                                    "Thanks for your message! Your ticket number is \(4711 + round). We will get back to you soon."))
            _ = try harness.run(at: harness.now.addingTimeInterval(Double(round) * 60))
        }
        let inbound = try harness.database.inboundMessages()
        #expect(inbound.map(\.disposition) == [.answered, .held, .held, .held])
        #expect(try harness.sent().filter { $0.to.map(\.normalized) == ["robo@example.net"] }.count == 1)
    }

    /// After an event's update, a calendar accepts it again with almost the same text: that is
    /// an answer to the new version, not a responder repeating itself.
    @Test func aCalendarAcceptingAnUpdatedEventAgainIsAnswered() throws {
        let program = try ProcessorTests.Program()
        let events = EventWorkflowTests()
        try events.seed(program)
        let event = try events.createEvent(program)
        _ = try program.run()
        let uid = try events.uid(program, event.id)
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org",
                                                 partstat: "ACCEPTED"))
        _ = try program.run()
        _ = try program.app.updateEvent(id: event.id, startsAt: nil, timeZone: nil, durationMinutes: nil, location: "Hall B", now: program.now)
        _ = try program.run()
        try program.arrive(CalendarReplies.reply(.google, uid: uid, from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org",
                                                 partstat: "ACCEPTED", sequence: 1))
        _ = try program.run()
        let answers = try program.database.inboundMessages().filter { $0.sender == "ana@example.net" }
        #expect(answers.map(\.disposition) == [.answered, .answered], "\(answers.map { $0.note ?? "" })")
    }

    @Test func noMoreThanTheDailyNumberOfAnswersToOneAddress() throws {
        var harness = try ProcessorTests.Program()
        harness.config.safety.maxAnswersPerSenderPerDay = 3
        // Each asks for the form (a question after the form is held for a person instead).
        let questions = ["I would like to join.", "Please send me the sign-up form.", "Sign me up please.", "I want to join as a mentee.",
                         "I would like to take part."]
        for (index, question) in questions.enumerated() {
            try harness.arrive(mail(subject: "Question \(index)", question))
            _ = try harness.run(at: harness.now.addingTimeInterval(Double(index) * 60))
        }
        let inbound = try harness.database.inboundMessages()
        #expect(inbound.map(\.disposition) == [.answered, .answered, .answered, .held, .held])
        #expect(inbound.last?.note?.contains("max_answers_per_sender_per_day = 3") == true)
        #expect(try harness.sent().filter { $0.to.map(\.normalized) == ["robo@example.net"] }.count == 3)
        #expect(try harness.sent().filter { $0.to.map(\.normalized) == ["coordinator@example.org"] }.count == 1, "told once")
        // A day later the address is answered again.
        try harness.arrive(mail(subject: "Later", "Hello again, I still want to join."))
        #expect(try harness.run(at: harness.now.addingTimeInterval(86_400 + 600)).answered == 1)
    }

    /// Mail past a sender's daily limit after the first is kept quietly: no repeat of anything,
    /// so the digest counts it as kept quietly, never as a repeat of a message listed.
    @Test func mailPastTheDailyLimitIsCountedAsKeptQuietlyNotAsRepeats() throws {
        var harness = try ProcessorTests.Program()
        harness.config.safety.maxAnswersPerSenderPerDay = 1
        for (index, question) in ["I would like to join.", "Please send me the sign-up form.", "Sign me up please."].enumerated() {
            try harness.arrive(mail(subject: "Question \(index)", question), name: "\(index).eml")
        }
        _ = try harness.run()
        func digests() throws -> [String] {
            try harness.sent().filter { $0.to.map(\.normalized) == ["coordinator@example.org"] }.compactMap(\.textBody)
        }
        let first = try #require(try digests().last)
        #expect(first.contains("1 more message(s) kept quietly"), "\(first)")
        #expect(!first.contains("repeat one listed"), "\(first)")

        try harness.arrive(mail(from: "Kim <kim@example.net>", "Hello, is the mentoring program open to students?"))
        _ = try harness.run(at: harness.now.addingTimeInterval(3600))
        let second = try #require(try digests().last)
        #expect(try digests().count == 2)
        #expect(second.contains("1 older message(s) from earlier digests are still waiting ("), "\(second)")
        #expect(second.contains("1 more message(s) kept quietly"), "\(second)")
        #expect(!second.contains("repeats of one of them"), "\(second)")
    }

    /// The sign-up form answers a stranger's first question; a second question the same day is
    /// for a person (acknowledged), not the same form again.
    @Test func aStrangersSecondQuestionGoesToAPersonNotTheSameFormAgain() throws {
        let harness = try ProcessorTests.Program()
        // Named in order, so the join request is read first (a real question first would be held too).
        for (index, question) in ["How do I join?", "Is there a fee?", "Who are the mentors?"].enumerated() {
            try harness.arrive(mail(from: "Kim <kim@example.net>", subject: "Question \(index)", question), name: "\(index).eml")
        }
        _ = try harness.run()
        let inbound = try harness.database.inboundMessages()
        #expect(inbound.map(\.disposition) == [.answered, .held, .held])
        let toKim = try harness.sent().filter { $0.to.map(\.normalized) == ["kim@example.net"] }
        #expect(toKim.filter { $0.textBody?.contains("To sign up, reply to this message") == true }.count == 1, "one form")
        #expect(toKim.count == 3, "the questions are acknowledged")
    }

    /// A real responder on the test Dovecot that answers everything with the same text and no
    /// header marking it automatic: the exchange stops after at most two answers.
    @Test func aRealRespondingMailboxGetsAtMostTwoAnswers() throws {
        let scenario = try ServerScenario()
        let robot = TestServers.uniqueUser("robot")
        let responder = Process()
        responder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        responder.arguments = ["python3", CommandRunner.repository.appendingPathComponent("scripts/test-responder.py").path,
                               robot, "127.0.0.1", "10143", "127.0.0.1", "10025", "20"]
        try responder.run()
        defer { responder.terminate() }
        try scenario.servers.deliver(from: "\(robot)@example.org", to: [scenario.programAddress], subject: "Hello",
                                     text: "Thank you for your message! We have received it and will get back to you soon.\n")
        for _ in 0..<8 {
            try scenario.processOK()
            Thread.sleep(forTimeInterval: 1.0)
        }
        let answers = try scenario.servers.messages(of: robot).filter { $0.from?.normalized == scenario.programAddress }
        #expect(answers.count >= 1 && answers.count <= 2, "\(answers.count) answers to the responder")
        let held = try scenario.database().heldMessages()
        #expect(held.contains { $0.sender == "\(robot)@example.org" && $0.rule == "loop-guard:repeat" })
        let digests = try scenario.coordinatorInbox().filter { $0.subject?.contains("need a coordinator") == true }
        #expect(digests.count == 1, "the coordinators hear of the responder once")
    }
}
