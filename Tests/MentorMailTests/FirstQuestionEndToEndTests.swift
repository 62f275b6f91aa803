import Foundation
import Mail
import MailTransport
import MentorMail
import TestSupport
import Testing

/// A newcomer's first message that asks something gets the sign-up form and its question goes
/// to the coordinators; retrying a held question never sends its sender another answer.
@Suite struct FirstQuestionEndToEndTests {
    func run(_ scenario: ServerScenario, _ arguments: [String]) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(arguments + ["--config", scenario.configPath])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    func heldList(_ scenario: ServerScenario) throws -> [[String: Any]] {
        let result = try run(scenario, ["held", "list", "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test(arguments: [
        "Hi, is the mentoring program open to students?",
        "how much time per week does mentoring take? I'm thinking about volunteering.",
        "Hola, ¿el programa está abierto a estudiantes?",
    ])
    func aNewcomersQuestionGetsTheFormAndReachesTheCoordinators(text: String) throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Question", text: text + "\n")
        let figures = try scenario.processOK()
        #expect(figures["held"] as? Int == 1, "\(figures)")
        let answers = try scenario.participantInbox()
        try #require(answers.count == 1, "one answer: the form, which says where the question went")
        let body = try #require(answers[0].textBody)
        #expect(body.contains("Role:") || body.contains("Rol:"), "\(body)")
        #expect(body.contains("question is with the coordinators") || body.contains("pregunta ya está en manos de la coordinación"), "\(body)")
        let held = try heldList(scenario)
        #expect(held.count == 1)
        #expect(held.first?["sender"] as? String == scenario.participantAddress)
        let digest = try #require(try scenario.coordinatorInbox().last)
        #expect(digest.textBody?.contains(String(text.prefix(20))) == true, "\(digest.textBody ?? "")")
    }

    @Test func askingHowToJoinIsOnlyASignUpRequest() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Mentoring", text: "Hi! How do I join?\n")
        let figures = try scenario.processOK()
        #expect(figures["answered"] as? Int == 1)
        #expect(figures["held"] as? Int == 0)
        let body = try #require(try scenario.participantInbox().first?.textBody)
        #expect(!body.contains("question is with the coordinators"), "\(body)")
        #expect(try heldList(scenario).isEmpty)
    }

    /// Finding: `held retry` on a question its sender was told is with the coordinators sent
    /// them the sign-up form, and the question left the list unanswered.
    @Test func retryingAHeldQuestionSendsNothingAndKeepsItHeld() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Joining", text: "How do I join?\n")
        try scenario.processOK()
        try scenario.participantWrites(subject: "Re: Joining", text: "can I be a mentor and a mentee at the same time?\n")
        try scenario.processOK()
        let told = try scenario.participantInbox()
        try #require(told.count == 2)
        #expect(told[1].textBody?.contains("with the") == true && told[1].textBody?.contains("coordinators") == true,
                "\(told[1].textBody ?? "")")
        let id = try #require(try heldList(scenario).first?["id"] as? Int)

        // Days later, when the form is no longer fresh.
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3 * 86_400))
        let retried = try run(scenario, ["held", "retry", String(id), "--now", later])
        #expect(retried.stdout.contains("held"), "\(retried.stdout)")
        _ = try run(scenario, ["process", "--now", later])
        #expect(try scenario.participantInbox().count == 2, "nothing that contradicts what they were told")
        let held = try heldList(scenario)
        #expect(held.map { $0["id"] as? Int } == [id], "the question stays with the coordinators")
    }
}
