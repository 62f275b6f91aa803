import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding X3-2: the digest quoted a guest's question cut at the dot of an e-mail address
/// ("held for its question: "net)?""). Sentences end where people end them, never inside an
/// address, a domain, a URL or a number, nor after "e.g.".
@Suite struct SentenceEndsTests {
    @Test func aGuestsQuestionWithAnAddressReachesTheDigestWhole() throws {
        let events = EventWorkflowTests()
        let program = try ProcessorTests.Program()
        try events.seed(program)
        let event = try events.createEvent(program)
        let invitations = try events.run(program)
        let invite = try events.invitation(to: "ana@example.net", in: invitations)
        try program.arrive(CalendarReplies.words(
            "Yes please, I will be there! Can I bring my friend Zara (zara@example.net)? She is new to OpenStack and would love to join. "
                + "Is the room at https://example.org/rooms/2.1?floor=2 reachable by lift, e.g. with a wheelchair?",
            from: "ana@example.net", name: "Ana Souza", to: "mentoring@example.org", under: invite))
        let sent = try events.run(program)
        #expect(try program.database.event(id: event.id).accepted?.map(\.email) == ["ana@example.net"])
        let asked = "Can I bring my friend Zara (zara@example.net)? Is the room at https://example.org/rooms/2.1?floor=2 reachable by lift, e.g. with a wheelchair?"
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.note?.contains("held for its question: \"\(asked)\"") == true, "\(record.note ?? "")")
        let digest = try #require(sent.first(to: "coordinator@example.org")?.textBody)
        #expect(digest.contains("Can I bring my friend Zara (zara@example.net)?"), "\(digest)")
    }

    @Test(arguments: [
        ("Hi! I'd like to join. Is a mentor at v2.5 of the docs team, e.g. a core reviewer, enough? Thanks.",
         "Is a mentor at v2.5 of the docs team, e.g. a core reviewer, enough?"),
        ("Hello. Can my colleague li.wei@example.com join too? Regards.", "Can my colleague li.wei@example.com join too?"),
        ("Is the programme open to students, i.e. people without a job yet? Merci.", "Is the programme open to students, i.e. people without a job yet?"),
    ])
    func aNewcomersQuestionIsReadWhole(text: String, question: String) {
        #expect(FirstQuestion.read(OwnText(text)) == question)
    }

    @Test func sentencesEndWherePeopleEndThem() {
        #expect(SentenceEnds.split("See docs.openstack.org. Dr. Li said 2.5 hours, e.g. on Fridays! Ok?")
                == ["See docs.openstack.org.", " Dr. Li said 2.5 hours, e.g. on Fridays!", " Ok?"])
        #expect(SentenceEnds.split("Mail zara@example.net.") == ["Mail zara@example.net."])
        #expect(SentenceEnds.split("Wait... really?") == ["Wait.", ".", ".", " really?"])
        #expect(CommandWords.sentences(in: "Please pause me, e.g. until March. Thanks") == ["Please pause me, e.g. until March", "Thanks"])
        #expect(CommandWords.sentences(in: "Pausa, p.ej. hasta marzo. Gracias ñ") == ["Pausa, p.ej. hasta marzo", "Gracias ñ"])
    }
}
