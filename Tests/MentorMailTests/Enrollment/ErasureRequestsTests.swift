import Foundation
import Mail
@testable import MentorMail
import Testing

/// Requests to delete one's data in the wordings people use, in the community's languages; talk
/// of privacy that asks nothing clear goes to a coordinator.
@Suite struct ErasureRequestsTests {
    // Finding: each of these was classed `help (unclear)` and got the generic answer.
    static let requests = [
        "Bitte löschen Sie alle meine Daten.",
        "merci de supprimer toutes mes données",
        "under GDPR I request erasure of my personal data",
        "please remove all my personal information",
        "apaguem os meus dados",
        "cancella i miei dati",
        "Por favor, borren todos mis datos.",
        "I hereby request the deletion of my personal data.",
    ]

    @Test(arguments: requests)
    func theRequestIsRead(text: String) {
        let reading = CommandWords.read(in: text)
        #expect(reading?.command == .deleteData, "\(text): \(String(describing: reading))")
    }

    let workflow = EnrollmentWorkflowTests()

    @Test(arguments: requests)
    func theRequestIsAskedToBeConfirmed(text: String) throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let ask = try #require(try workflow.exchange(program, workflow.mail(subject: "Data", body: text)).first)
        // Answered in the language of the request when there are templates for it (Spanish), else as before.
        let understood = LanguageGuess.code(of: text) == "es" ? "Entendimos que quieres que borremos tus datos" : "We understood that you want us to delete your data"
        #expect(ask.textBody?.contains(understood) == true, "\(text): \(ask.textBody ?? "")")
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active, "nothing erased before the yes")
    }

    @Test(arguments: [
        "What do you do with my data under GDPR",
        "Is my personal information deleted when the round ends",
        "Gostaria de saber mais sobre a privacidade no programa",
        "Wie steht es um den Datenschutz bei euch",
    ])
    func talkOfPrivacyIsHeldForACoordinator(text: String) throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        _ = try workflow.exchange(program, workflow.mail(subject: "Data", body: text))
        let record = try #require(try program.database.inboundMessages().last { $0.sender == "ana@example.net" })
        #expect(record.disposition == .held, "\(text): \(record.rule ?? "") \(record.reason ?? "")")
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active)
    }

    @Test(arguments: [
        "Please remove me from the CC of this thread",
        "I deleted the old calendar invite, see you Thursday",
        "Non voglio cancellare i miei dati.",
    ])
    func otherWordsAreNoErasureRequest(text: String) {
        #expect(CommandWords.read(in: text)?.command != .deleteData, "\(text)")
    }

    /// Finding: someone the program never had as a participant who asked about their data got
    /// the sign-up form, and their message was kept. They are told nothing is held and how to
    /// join; once the answer has left, neither their message, nor their address, nor the
    /// answer is in the database file.
    @Test(arguments: [
        ("please delete all my data", "holds no data"),
        ("What data do you hold about me?", "holds no data"),
        ("Under GDPR I request a copy of my personal data.", "holds no data"),
        ("Bitte löschen Sie alle meine Daten.", "holds no data"),
        ("Welche Daten habt ihr über mich gespeichert?", "holds no data"),
        ("Quelles données avez-vous sur moi ?", "holds no data"),
        ("¿Qué datos tenéis sobre mí? Quiero saberlo.", "nunca se ha inscrito"),
    ])
    func aStrangerAskingAboutTheirDataIsToldNothingIsHeldAndNothingIsKept(text: String, answer: String) throws {
        let program = try ProcessorTests.Program()
        let stranger = "zoe.quill@example.com"
        let answers = try workflow.exchange(program, workflow.mail(from: "Zoe Quill <\(stranger)>", subject: "My data", body: text))
        let reply = try #require(answers.first, "\(text)")
        #expect(answers.count == 1 && reply.to.map(\.normalized) == [stranger])
        let body = reply.textBody ?? ""
        #expect(body.contains(answer), "\(text): \(body)")
        // Finding: the answer said the message "is deleted once this answer is sent", but its
        // copy stays in the program's mailbox: the answer says so, and whom to ask.
        #expect(!body.contains("deleted once") && !body.contains("se borra en cuanto"), "\(body)")
        let flowing = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowing.contains("copy in our mailbox") || flowing.contains("copia en nuestro buzón"), "\(body)")
        #expect(!body.contains("Role:"), "no sign-up form: \(body)")
        #expect(try program.database.participant(email: stranger) == nil, "no profile")
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .answered && record.intent == "no-data-held", "\(record.rule ?? "") \(record.reason ?? "")")
        let file = try String(decoding: Data(contentsOf: URL(fileURLWithPath: program.config.program.database)), as: UTF8.self).lowercased()
        for secret in [stranger, "quill", "my data"] {
            #expect(!file.contains(secret), "\(secret) is still in the database file")
        }
        // Writing again is answered the same way.
        let again = try workflow.exchange(program, workflow.mail(from: "Zoe Quill <\(stranger)>", subject: "My data", body: text))
        #expect(again.first?.textBody?.contains(answer) == true)
    }

    /// A stranger who asks to join, or says who they are, still gets the form.
    @Test(arguments: [
        "I'd like to join as a mentee. What do you do with my data under GDPR?",
        "Hi, here is some information about me: I work on Nova. Can I take part?",
    ])
    func aStrangerWhoAsksToJoinGetsTheForm(text: String) throws {
        let program = try ProcessorTests.Program()
        let answers = try workflow.exchange(program, workflow.mail(from: "Zoe Quill <zoe.quill@example.com>", subject: "Joining", body: text))
        #expect(answers.first?.textBody?.contains("Role:") == true, "\(text): \(answers.first?.textBody ?? "")")
    }
}
