import Foundation
import Mail
@testable import MentorMail
import Testing

/// Pausing, coming back and leaving read alike in the program's languages, carried out alike
/// (at once for someone in no pair, asked first for someone in one), and the help a person gets
/// lists what they can write where they stand.
@Suite struct StandingInEveryLanguageTests {
    let tests = MailLanguageTests()

    /// Ana Souza, signed up by form and then set to `status` by her own "pause" or "withdraw".
    func program(_ status: Participant.Status) throws -> ProcessorTests.Program {
        let program = try ProcessorTests.Program()
        _ = try tests.exchange(program, tests.mail(from: "Ana Souza <ana@example.net>", subject: "Sign-up", body: EnrollmentWorkflowTests.form))
        switch status {
        case .paused: _ = try tests.exchange(program, tests.mail(from: "Ana Souza <ana@example.net>", subject: "Hello", body: "pause"))
        case .withdrawn: _ = try tests.exchange(program, tests.mail(from: "Ana Souza <ana@example.net>", subject: "Hello", body: "withdraw"))
        default: break
        }
        #expect(try program.database.participant(email: "ana@example.net")?.status == status)
        return program
    }

    /// Ana's answer to `body` (the coordinators' digest of a held message aside).
    func write(_ program: ProcessorTests.Program, _ body: String) throws -> String {
        let before = program.outbox.sentFiles().count
        try program.arrive(tests.mail(from: "Ana Souza <ana@example.net>", subject: "Hello", body: body))
        #expect(try program.run().problems.isEmpty)
        let answers = try program.sent().suffix(from: before).filter { $0.to.map(\.normalized) == ["ana@example.net"] }
        try #require(answers.count == 1, "one answer to Ana, got \(answers.count)")
        return EnrollmentText.collapse(answers.first?.textBody ?? "")
    }

    /// Findings: "je suis de retour ! Vous pouvez me réactiver." (paused) and "Oi, mudei de
    /// ideia: quero voltar ao programa." (withdrawn) were answered "could not tell what you would
    /// like us to do", while "I'm back!" resumed at once.
    @Test(arguments: [
        (Participant.Status.paused, "je suis de retour ! Vous pouvez me réactiver."),
        (.withdrawn, "Oi, mudei de ideia: quero voltar ao programa. Gil"),
        (.paused, "Hola, ya estoy de vuelta. Ana"),
        (.paused, "Ich bin zurück, bitte nehmt mich wieder auf."),
        (.paused, "Ciao, sono tornata!"),
        (.paused, "Estou de volta!"),
        (.withdrawn, "Réactivez-moi s'il vous plaît."),
        (.withdrawn, "J'ai changé d'avis, je voudrais revenir dans le programme."),
        (.withdrawn, "Quero voltar."),
        (.paused, "Könnt ihr mich wieder aktivieren?"),
        (.withdrawn, "Vorrei tornare al programma, per favore."),
    ])
    func comingBackInTheProgramsLanguages(status: Participant.Status, body: String) throws {
        let program = try program(status)
        let answer = try write(program, body)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active, "\(body): \(answer)")
        #expect(!answer.contains("could not tell") && !answer.contains("no sabemos bien"), "\(body): \(answer)")
    }

    /// Words of coming back that ask nothing: a paused person stays paused.
    @Test(arguments: ["Je reviens vers vous la semaine prochaine.", "Quand je serai de retour, je vous écrirai.",
                      "Vou voltar a falar com a minha chefe."])
    func wordsOfComingBackThatAskNothingResumeNothing(body: String) throws {
        let program = try program(.paused)
        _ = try write(program, body)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .paused, "\(body)")
    }

    /// Findings: "Hola, estaré fuera hasta marzo, ponme en pausa por favor." was held for the
    /// coordinators and "pouvez-vous me mettre en pause ?" asked to be confirmed, while "pause
    /// me please" paused Eve, in no pair either, at once.
    @Test(arguments: [
        "Hola, estaré fuera hasta marzo, ponme en pausa por favor. Ana",
        "je serai absente jusqu'en mars, pouvez-vous me mettre en pause ?",
        "Hi, I'm going to be away until March, pause me please.",
        "Ciao, mettimi in pausa per favore.",
        "Hallo, pausiert mich bitte bis März.",
        "Könnt ihr mich bitte auf Pause setzen?",
        "Oi, me coloquem em pausa, por favor.",
        "¿Podéis ponerme en pausa hasta marzo?",
    ])
    func pausingFromSomeoneInNoPairIsAtOnceInEveryLanguage(body: String) throws {
        let program = try program(.active)
        let answer = try write(program, body)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .paused, "\(body): \(answer)")
    }

    /// Leaving in the first person, in each language.
    @Test(arguments: ["Je me retire du programme, merci pour tout.", "Me retiro del programa, gracias.",
                      "Ich steige aus dem Programm aus.", "Mi ritiro dal programma.", "Por favor me tirem do programa."])
    func leavingFromSomeoneInNoPairIsAtOnceInEveryLanguage(body: String) throws {
        let program = try program(.active)
        let answer = try write(program, body)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn, "\(body): \(answer)")
    }

    /// Someone in a pair is asked first, whatever the language.
    @Test(arguments: ["Please pause me, I am moving house.", "Pouvez-vous me mettre en pause ? Je déménage.",
                      "Ponme en pausa, por favor.", "Pausiert mich bitte."])
    func pausingFromSomeoneInAPairIsAskedFirstInEveryLanguage(body: String) throws {
        let pairs = PairLifeTests()
        let (harness, _) = try pairs.introduced()
        try pairs.write(harness, from: "Maria <maria@example.org>", subject: "Hello", body)
        _ = try harness.run(at: harness.now.addingTimeInterval(10 * 86_400))
        #expect(try harness.database.participant(email: "maria@example.org")?.status == .active, "\(body)")
        #expect(try harness.database.mentorships().first?.isOngoing == true, "\(body)")
        let asked = EnrollmentText.collapse(try pairs.last(to: "maria@example.org", harness).textBody ?? "")
        #expect(asked.contains("Pausing also ends your mentoring with Ana") || asked.contains("La pausa también termina tu mentoría con Ana"),
                "\(body): \(asked)")
    }

    /// Finding: someone withdrawn was told to write "pause" and "withdraw". The help lists what
    /// they can write where they stand: coming back and erasure when withdrawn, "resume" when paused.
    @Test func theHelpListsWhatCanBeWrittenWhereThePersonStands() throws {
        let withdrawn = try write(try program(.withdrawn), "Hello there")
        #expect(withdrawn.contains("Your participation is withdrawn"), "\(withdrawn)")
        #expect(withdrawn.contains("\"I'd like to join again\"") && withdrawn.contains("\"delete my data\""), "\(withdrawn)")
        #expect(!withdrawn.contains("\"pause\"") && !withdrawn.contains("\"withdraw\""), "\(withdrawn)")

        let paused = try write(try program(.paused), "Hello there")
        #expect(paused.contains("Your participation is paused") && paused.contains("\"resume\" to come back"), "\(paused)")
        #expect(!paused.contains("\"pause\"") && paused.contains("\"withdraw\""), "\(paused)")

        let active = try write(try program(.active), "Hello there")
        #expect(active.contains("\"pause\" to take a break") && active.contains("\"withdraw\""), "\(active)")
    }

    /// Finding: Hana, withdrawn, asked a question; the notice that the coordinators have it did
    /// not say she is withdrawn, and offered "pause" and "withdraw".
    @Test func theNoticeOfAHeldQuestionSaysWhereThePersonStands() throws {
        let withdrawn = try write(try program(.withdrawn), "Is there a Speed Mentoring at the next summit?")
        #expect(withdrawn.contains("with the coordinators now"), "\(withdrawn)")
        #expect(withdrawn.contains("Your participation is withdrawn"), "\(withdrawn)")
        #expect(withdrawn.contains("\"I'd like to join again\"") && !withdrawn.contains("\"pause\""), "\(withdrawn)")

        let paused = try write(try program(.paused), "Is there a Speed Mentoring at the next summit?")
        #expect(paused.contains("Your participation is paused") && paused.contains("\"resume\" to come back"), "\(paused)")
        #expect(!paused.contains("\"pause\""), "\(paused)")
    }

    /// In Spanish, the same by standing.
    @Test func theHelpByStandingInSpanish() throws {
        let program = try ProcessorTests.Program()
        _ = try tests.exchange(program, tests.mail(subject: "Inscripción", body: MailLanguageTests.spanishForm))
        _ = try tests.exchange(program, tests.mail(subject: "Hola", body: "darme de baja"))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn)
        let answer = EnrollmentText.collapse(try tests.exchange(program, tests.mail(subject: "Hola", body: "Hola, mi gata se llama Luna.")).textBody ?? "")
        #expect(answer.contains("Estado de tu participación: retirada"), "\(answer)")
        #expect(answer.contains("\"quiero volver a participar\"") && !answer.contains("\"pausa\""), "\(answer)")
    }
}
