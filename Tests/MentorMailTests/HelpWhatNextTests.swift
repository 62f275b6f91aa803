import Foundation
import Mail
@testable import MentorMail
import Testing

/// The help answer to an active participant's unclear message says what happens next for them.
@Suite struct HelpWhatNextTests {
    let workflow = EnrollmentWorkflowTests()
    let pairs = PairLifeTests()

    /// Finding: "thanks!! so what now" got the help, which never said what happens next.
    @Test func someoneInThePoolIsToldWhenTheNextRoundOpens() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let help = try #require(try workflow.exchange(program, workflow.mail(subject: "Hi", body: "thanks!! so what now")).first)
        let text = try #require(help.textBody)
        #expect(text.contains("could not tell"), "\(text)")
        #expect(text.contains("What happens next: no round is open right now, so you wait in the pool;"), "\(text)")
        #expect(text.contains("January 15, 2027"), "\(text)")
        // Paused: the status says it, and no round is promised.
        _ = try workflow.exchange(program, workflow.mail(subject: "pause", body: "pause"))
        let paused = try #require(try workflow.exchange(program, workflow.mail(subject: "Hi", body: "hmm, interesting")).first?.textBody)
        #expect(paused.contains("could not tell") && !paused.contains("What happens next"), "\(paused)")
    }

    @Test func inSpanishToo() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form + "\nMail language: Español"))
        let help = try #require(try workflow.exchange(program, workflow.mail(subject: "Hola", body: "gracias!! y ahora qué")).first)
        let text = try #require(help.textBody)
        #expect(text.contains("Qué pasa ahora: en este momento no hay ninguna ronda abierta"), "\(text)")
    }

    @Test func someoneInAPairIsToldTheirMentoringGoesOn() throws {
        let (harness, _) = try pairs.introduced()
        try pairs.write(harness, from: "Ana <ana@example.net>", subject: "hi", "thanks!! so what now")
        _ = try harness.run(at: harness.now.addingTimeInterval(5 * 86_400))
        let text = try #require(try pairs.last(to: "ana@example.net", harness).textBody)
        #expect(text.contains("What happens next: nothing changes for your mentoring with Maria."), "\(text)")
    }

    @Test func someoneInARoundIsToldWhenItCloses() throws {
        let program = try ProcessorTests.Program()
        _ = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(30 * 86_400), now: program.now)
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let help = try #require(try workflow.exchange(program, workflow.mail(subject: "Hi", body: "thanks!! so what now")).first)
        let text = try #require(help.textBody)
        #expect(text.contains("What happens next: you are in the 2027-Q1 round, which\ncloses"), "\(text)")
        #expect(help.htmlAlternative != nil)
    }
}
