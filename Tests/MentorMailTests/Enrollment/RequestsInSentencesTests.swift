import Foundation
import Mail
@testable import MentorMail
import Testing

/// Requests written as sentences, in English and the community's languages.
@Suite struct RequestsInSentencesTests {
    @Test(arguments: [
        // Finding: a request with a reason after it was passed on as unclear.
        ("Please withdraw me from the program, I no longer have time.", ParticipantCommand.withdraw, true),
        ("Hi! Could you remove me from the mentoring program? Thanks.", .withdraw, true),
        ("por favor, dadme de baja del programa", .withdraw, true),
        ("Quiero darme de baja, ya no tengo tiempo.", .withdraw, true),
        ("Por favor, borrad mis datos y dadme de baja del programa", .deleteData, false),
        ("Gostaria de sair do programa.", .withdraw, true),
        ("Je voudrais faire une pause jusqu'en mars.", .pause, true),
        ("Bitte meine Daten löschen.", .deleteData, false),
        ("Vorrei mettere in pausa la mia partecipazione", .pause, true),
        ("Proszę wypisać mnie z programu", .withdraw, true),
        ("Пожалуйста, удалите мои данные", .deleteData, false),
        ("请删除我的数据", .deleteData, false),
        ("I think I should withdraw.", .withdraw, false),
        ("I'm back, please resume my participation", .resume, true),
        ("delete my data", .deleteData, true),
    ])
    func requestsAreRead(text: String, command: ParticipantCommand, sure: Bool) {
        let reading = CommandWords.read(in: text)
        #expect(reading?.command == command, "\(text): \(String(describing: reading))")
        #expect(reading?.sure == sure, "\(text)")
    }

    @Test(arguments: [
        "I don't want to withdraw, I love it!",
        "My colleague withdrew last month.",
        "She paused her work on Nova.",
        "No quiero darme de baja.",
        "Je ne veux pas quitter le programme.",
        "Please remove me from the CC of this thread",
        "I paused my work on Nova last year and want to resume contributing",
        "我不想退出",
        "I don't think I want to withdraw.",
    ])
    func negationsAndMentionsAreNotRequests(text: String) {
        #expect(CommandWords.read(in: text) == nil, "\(text)")
    }

    func mail(_ body: String, subject: String = "Hola", inReplyTo: String? = nil) -> String {
        "From: Ana Souza <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n"
            + (inReplyTo.map { "In-Reply-To: <\($0)>\r\n" } ?? "") + "Content-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n"
    }

    @Test func deletingDataAskedInASentenceIsConfirmedFirstAndAYesErases() throws {
        let program = try ProcessorTests.Program()
        try program.arrive(mail(EnrollmentWorkflowTests.form, subject: "Sign up"))
        _ = try program.run()
        try program.arrive(mail("Por favor, borrad mis datos y dadme de baja del programa. Gracias."))
        _ = try program.run()
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active, "nothing changes before the yes")
        let ask = try #require(try program.sent().last)
        let text = try #require(ask.textBody)
        #expect(text.contains("borremos tus datos"), "asked in Spanish, answered in Spanish: \(text)")
        #expect(text.contains("reply to this message with one word: yes") || text.contains("sí"), "\(text)")
        try program.arrive(mail("Sí\n\n> …", subject: "Re: \(ask.subject ?? "")", inReplyTo: ask.messageID))
        _ = try program.run()
        #expect(try program.database.participant(email: "ana@example.net")?.status == .erased)
    }

    @Test func aNoChangesNothing() throws {
        let program = try ProcessorTests.Program()
        try program.arrive(mail(EnrollmentWorkflowTests.form, subject: "Sign up"))
        _ = try program.run()
        try program.arrive(mail("I think I should withdraw."))
        _ = try program.run()
        let ask = try #require(try program.sent().last)
        try program.arrive(mail("No, sorry, I was thinking aloud.", subject: "Re: \(ask.subject ?? "")", inReplyTo: ask.messageID))
        _ = try program.run()
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active)
        #expect(try program.sent().last?.textBody?.contains("Nothing has changed") == true)
    }

    @Test func aSureRequestInASentenceIsCarriedOutAndConfirmed() throws {
        let program = try ProcessorTests.Program()
        try program.arrive(mail(EnrollmentWorkflowTests.form, subject: "Sign up"))
        _ = try program.run()
        try program.arrive(mail("Please remove me from the program, I no longer have time."))
        _ = try program.run()
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn)
        #expect(try program.sent().last?.textBody?.contains("You have left the program") == true)
    }

    /// Finding: prose sign-ups named no role for "I'm looking for a mentor" or "I can mentor".
    @Test func theRoleInWordsOfWantingOrOfferingMentoring() {
        for text in ["I'm looking for a mentor.", "Hi, I am looking for a mentor in Nova.", "I need a mentor for my first patches",
                     "I'd like to find a mentor", "Hello there, I would like a mentor please"] {
            #expect(JoinWords.role(in: text) == .mentee, "\(text)")
        }
        for text in ["I can mentor.", "I'd like to mentor someone this round", "I want to mentor", "Hi, I could mentor two people.",
                     "I would be happy to mentor"] {
            #expect(JoinWords.role(in: text) == .mentor, "\(text)")
        }
        for text in ["My mentor said I should write to you.", "I can ask my mentor", "I don't need a mentor any more",
                     "I want to thank my mentor", "I can't mentor this year", "She is looking for a mentor", "Is my mentor still around?"] {
            #expect(JoinWords.role(in: text) == nil, "\(text)")
        }
    }

    /// Finding: "I'd like to be matched with a mentor" was read as the mentor role (its "a"
    /// taken for "as a"), and "I'd love to be one of your mentors" named none. Offering to be
    /// the program's mentor names the mentor role; asking to be given one, the mentee role.
    @Test func beingYourMentorOrBeingGivenOne() {
        for text in ["I'd like to be your mentor", "I would love to be a mentor for your program.", "I'd love to be one of your mentors",
                     "Hello! I would like to become one of the mentors this round.", "I'd like to be a technical mentor",
                     "I'd be glad to be a mentor for newcomers", "I'd like to join as a senior technical mentor"] {
            #expect(JoinWords.role(in: text) == .mentor, "\(text)")
        }
        for text in ["I'd like to be matched with a mentor", "I would love to be paired with a mentor in Nova",
                     "I'd like you to find me a mentor", "I would love to have a mentor", "I'd like to be assigned a mentor", "I need a mentor"] {
            #expect(JoinWords.role(in: text) == .mentee, "\(text)")
        }
        for text in ["My mentor said I should write to you.", "One of your mentors told me to write", "I'd like to thank one of your mentors",
                     "I don't want to be one of your mentors", "I used to have a mentor", "I'd like to be introduced to one of your mentors"] {
            #expect(JoinWords.role(in: text) != .mentor, "\(text)")
        }
        #expect(JoinWords.role(in: "One of your mentors told me to write") == nil)
        #expect(JoinWords.role(in: "I used to have a mentor") == nil)
    }
}
