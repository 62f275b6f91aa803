import Foundation
import Mail
@testable import MentorMail
import Testing

/// Requests written in Portuguese, read like their Spanish equivalents.
@Suite struct PortugueseRequestsTests {
    @Test(arguments: [
        // Finding: each of these got the generic "could not tell" help.
        ("Olá, infelizmente quero sair do programa", ParticipantCommand.withdraw, true),
        ("Por favor, apaguem os meus dados.", .deleteData, false),
        ("Quero cancelar minha inscrição.", .withdraw, true),
        ("Quero sair.", .withdraw, true),
        ("Por favor, apaguem todos os meus dados.", .deleteData, false),
        ("Gostaria de pausar minha participação.", .pause, true),
        ("Quero continuar no programa.", .resume, true),
        ("Podem retomar a minha participação?", .resume, true),
    ])
    func requestsAreRead(text: String, command: ParticipantCommand, sure: Bool) {
        let reading = CommandWords.read(in: text)
        #expect(reading?.command == command, "\(text): \(String(describing: reading))")
        #expect(reading?.sure == sure, "\(text)")
    }

    @Test(arguments: [
        "Não quero sair do programa.",
        "Vou sair de férias em julho.",
        "Preciso sair mais cedo hoje.",
        "Ela quer sair do programa.",
        "Vou continuar trabalhando no Nova.",
    ])
    func mentionsAreNotRequests(text: String) {
        #expect(CommandWords.read(in: text) == nil, "\(text): \(String(describing: CommandWords.read(in: text)))")
    }

    let workflow = EnrollmentWorkflowTests()

    @Test func withdrawingAndJoiningAgainInPortuguese() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let left = try workflow.exchange(program, workflow.mail(subject: "Oi", body: "Olá, infelizmente quero sair do programa"))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn)
        #expect(left.first?.textBody?.contains("could not tell") == false, "\(left.first?.textBody ?? "")")
        _ = try workflow.exchange(program, workflow.mail(subject: "Oi", body: "Oi! Quero voltar a participar do programa."))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active)
    }

    @Test func deletingDataInPortugueseIsAskedFirstAndASimErases() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let ask = try #require(try workflow.exchange(program, workflow.mail(subject: "Dados", body: "Por favor, apaguem os meus dados.")).first)
        #expect(ask.textBody?.contains("We understood that you want us to delete your data") == true, "\(ask.textBody ?? "")")
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active, "nothing erased before the yes")
        _ = try workflow.exchange(program, workflow.mail(subject: "Re: \(ask.subject ?? "")", body: "Sim\n\n> …"))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .erased)
    }
}
