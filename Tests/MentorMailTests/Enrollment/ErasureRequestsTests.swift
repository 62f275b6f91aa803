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
}
