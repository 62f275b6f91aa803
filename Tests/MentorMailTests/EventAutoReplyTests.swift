import Foundation
import Mail
@testable import MentorMail
import Testing

/// Out-of-office replies without headers under a Speed Mentoring invitation, through whole
/// runs on a Maildir: automatic mail, never an answer; a person's own "no" beside being away
/// stays a no.
@Suite struct EventAutoReplyTests {
    let workflow = EventWorkflowTests()

    /// Each of `texts` (by address) arrives under that person's invitation, and a run reads them:
    /// the program, the event and what the run sent.
    func underTheirInvitations(_ texts: [String: String]) throws -> (ProcessorTests.Program, EventView, [Message]) {
        let program = try ProcessorTests.Program()
        try workflow.seed(program)
        let event = try workflow.createEvent(program)
        let invitations = try workflow.run(program)
        for (address, text) in texts.sorted(by: { $0.key < $1.key }) {
            let name = EventWorkflowTests.mentees[address] ?? EventWorkflowTests.mentors[address] ?? ""
            try program.arrive(CalendarReplies.words(text, from: address, name: name, to: "mentoring@example.org",
                                                     under: try workflow.invitation(to: address, in: invitations)))
        }
        return (program, event, try workflow.run(program))
    }

    /// Finding: a header-less out-of-office under an invitation (Subject "Re: …") could be read
    /// as a "no" ("away", "out of the office" are ways of declining). Whatever its wording and
    /// language, it records no answer and is not answered.
    @Test func anOutOfOfficeUnderAnInvitationIsNoAnswer() throws {
        let away = [
            "ana@example.net": "I am out of the office until 14 January with limited access to email.",
            "ben@example.net": "Estou de férias até 3 de março.",
            "caio@example.net": "Je suis absente jusqu'au 3 mars.",
            "dee@example.net": "Thank you for your message. I'm away until 14 January with limited access to email. "
                + "For urgent matters please contact my colleague Rui.",
            "maria@example.org": "Hola, estaré de vacaciones hasta el 3 de marzo y responderé a mi regreso.",
            "li@example.org": "I'm on leave until March 3 and will reply when I'm back.",
            "tom@example.org": "Ich bin bis zum 3. März im Urlaub und lese keine E-Mails.",
        ]
        let (program, event, sent) = try underTheirInvitations(away)
        #expect(!sent.contains { away.keys.contains($0.to.first?.address ?? "") }, "\(sent.map { ($0.to, $0.textBody ?? "") })")
        let view = try program.database.event(id: event.id)
        #expect((view.accepted ?? []).isEmpty && (view.declined ?? []).isEmpty && (view.tentative ?? []).isEmpty,
                "\(view.accepted ?? []) \(view.declined ?? []) \(view.tentative ?? [])")
        for record in try program.database.inboundMessages() {
            #expect(record.disposition == .ignored, "\(record.intent): \(record.reason ?? "")")
        }
    }

    /// A person who declines and says why ("I'm away that week") still declines.
    @Test func aNoBesideBeingAwayStaysANo() throws {
        let noes = [
            "ana@example.net": "Sorry, I can't come, I'm away that week.",
            "ben@example.net": "No, sorry: I'm on holiday until the 28th, so I'll miss this one.",
            "caio@example.net": "Lo siento, no puedo ir: estoy de vacaciones esa semana.",
        ]
        let (program, event, _) = try underTheirInvitations(noes)
        #expect(try program.database.event(id: event.id).declined?.map(\.email).sorted() == noes.keys.sorted())
    }

    /// Finding (H8-1): an answer under the invitation that opens with "I'm on holiday / out of
    /// office until …" was dropped as an out-of-office (no answer recorded, nothing sent).
    /// Words of being away make mail automatic only when it says nothing else.
    @Test func anAnswerOpeningWithBeingAwayIsRecorded() throws {
        let answers = [
            "ana@example.net": "I'm on holiday until 3 January, back on the 4th. Yes, I'll come to the speed mentoring!",
            "ben@example.net": "Estoy fuera de la oficina hasta el 15 de enero, pero sí, allí estaré el 20.",
            "caio@example.net": "I'm out of office until Jan 25 so I can't come, sorry.",
            "tom@example.org": "Ich bin bis 30. Mai im Urlaub, kann also leider nicht kommen.",
        ]
        let (program, event, sent) = try underTheirInvitations(answers)
        let view = try program.database.event(id: event.id)
        let records = try program.database.inboundMessages().map { "\($0.intent): \($0.reason ?? "")" }
        #expect(view.accepted?.map(\.email).sorted() == ["ana@example.net", "ben@example.net"], "\(records)")
        #expect(view.declined?.map(\.email).sorted() == ["caio@example.net", "tom@example.org"])
        for address in answers.keys { #expect(sent.contains { $0.to.first?.address == address }, "\(address)") }
    }

    /// Finding (H8-1): "Thanks for your email. I'll reply on my return." is a responder's text
    /// with no word of being away: not asked "yes or no?".
    @Test func aTextOfOnlyResponderPhrasesIsNotAnswered() throws {
        let (program, _, sent) = try underTheirInvitations(["ana@example.net": "Thanks for your email. I'll reply on my return."])
        #expect(!sent.contains { $0.to.first?.address == "ana@example.net" }, "\(sent.map { $0.textBody ?? "" })")
        #expect(try program.database.inboundMessages().allSatisfy { $0.disposition == .ignored })
    }
}
