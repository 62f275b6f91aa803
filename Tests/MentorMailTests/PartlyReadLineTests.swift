import Foundation
import Mail
@testable import MentorMail
import Testing

/// A profile line read only in part ("Languages: English, Klingon") over a stored profile
/// changes nothing, as a line not read at all: the answer names the words not understood, what
/// stays and how to write it. A first sign-up keeps what was read.
@Suite struct PartlyReadLineTests {
    let pairLife = PairLifeTests()
    let workflow = EnrollmentWorkflowTests()

    /// Finding: "Languages: English, Klingon" replaced the stored languages. An area the
    /// program does not know is no unreadable word: it is kept as free text, as at sign-up.
    @Test func aPartlyReadLineKeepsTheStoredValueAndSaysHowToWriteIt() throws {
        let (harness, _) = try pairLife.introduced()
        try pairLife.write(harness, from: "Ana <ana@example.net>", subject: "changes", "Languages: Spanish, Klingon\nInteraction: video, carrier pigeon")
        try pairLife.write(harness, from: "Maria <maria@example.org>", subject: "areas", "Areas: Neutron, underwater basket weaving")
        _ = try harness.run(at: harness.now.addingTimeInterval(5 * pairLife.day))

        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.profile.languages == ["English"] && ana.profile.interactions == ["irc", "email"], "\(ana.profile)")
        #expect(ana.status == .active)
        let answer = try #require(try pairLife.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("so what we had stays"), "\(answer)")
        #expect(answer.contains("- Languages:") && answer.contains("“Klingon”") && answer.contains("We kept: English"), "\(answer)")
        #expect(answer.contains("write language names in English or in the language itself"), "\(answer)")
        #expect(answer.contains("- Interaction:") && answer.contains("“carrier pigeon”") && answer.contains("We kept: IRC, email"), "\(answer)")
        #expect(answer.contains("IRC, email, video, chat, in person"), "the ways to meet we know: \(answer)")
        #expect(!answer.contains("Your profile is updated") && !answer.contains("what we read in your message is what we already had"), "\(answer)")

        let maria = try #require(try harness.database.participant(email: "maria@example.org"))
        #expect(maria.profile.areas == ["neutron"] && maria.profile.freeTextAreas == ["underwater basket weaving"], "\(maria.profile)")
        let areas = try #require(try pairLife.last(to: "maria@example.org", harness).textBody)
        #expect(areas.contains("Your profile is updated") && areas.contains("underwater basket weaving"), "\(areas)")
        #expect(!areas.contains("We kept"), "\(areas)")
    }

    /// Finding (N-8): "Languages: English, Klingon, Tamil" said nothing of Tamil, and the line
    /// to copy ("Languages: English") would have dropped a stored language. Tamil is named as
    /// read, and the line to copy keeps what is stored and adds what was read.
    @Test func theLanguagesReadBesideAnUnknownOneAreNamedAndKeptInTheLineToCopy() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: "Languages: English, Klingon, Tamil")).first?.textBody)
        #expect(try program.database.participant(email: "ana@example.net")?.profile.languages == ["Portuguese", "English"])
        #expect(answer.contains("“Klingon”") && answer.contains("we did read Tamil"), "\(answer)")
        #expect(answer.contains("For example:  Languages: Portuguese, English, Tamil"), "\(answer)")
    }

    /// The same in Spanish, for someone who reads our mail in Spanish.
    @Test func aPartlyReadLineIsNamedInSpanish() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form + "\nMail language: español"))
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: "Idiomas: español, klingon")).first?.textBody)
        #expect(try program.database.participant(email: "ana@example.net")?.profile.languages == ["Portuguese", "English"])
        #expect(answer.contains("- Idiomas: No entendimos «klingon» como idioma") && answer.contains("Se queda: portugués, inglés"), "\(answer)")
        #expect(answer.contains("sí leímos español") && answer.contains("Por ejemplo:  Idiomas: portugués, inglés, español"), "\(answer)")
    }

    /// Our summary line sent back as it stands ("kept as free text: …") is read whole.
    @Test func theStoredFreeTextAreasSentBackAreRead() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let change = try #require(try workflow.exchange(program, workflow.mail(body: "Areas: Nova, Ironic; kept as free text: bare metal provisioning"))
            .first?.textBody)
        let person = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(person.profile.areas == ["nova", "ironic"] && person.profile.freeTextAreas == ["bare metal provisioning"], "\(person.profile)")
        #expect(change.contains("Your profile is updated"), "\(change)")
    }

    /// A first sign-up keeps what was read and lists the rest under what to fix (finding F-b:
    /// a soft "Not read as languages" note let a word vanish), with the line to copy.
    @Test func aFirstSignUpKeepsWhatWasRead() throws {
        let program = try ProcessorTests.Program()
        let form = EnrollmentWorkflowTests.form.replacingOccurrences(of: "Languages: Português, English", with: "Languages: Portuguese, Klingon")
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: form)).first?.textBody)
        let person = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(person.profile.languages == ["Portuguese"], "\(person.profile)")
        let toFix = try #require(answer.components(separatedBy: "To fix").dropFirst().first, "\(answer)")
        #expect(toFix.contains("“Klingon”") && toFix.contains("For example:  Languages:"), "\(answer)")
        #expect(!answer.contains("Not read as languages"), "\(answer)")
    }
}
