import Foundation
import Mail
@testable import MentorMail
import Testing

/// A participant's own mail about the Speed Mentoring, not under an event mail: read as an
/// answer for the event (asking for a place is a yes), never as the general help.
@Suite struct EventRequestWordsTests {
    let intake = Intake(config: IntakeRuleTests.config)

    var participant: Participant {
        var person = Participant(email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana"), source: "email",
                                 at: Date(timeIntervalSince1970: 0))
        person.id = 1
        return person
    }

    func classify(_ body: String, subject: String = "Hello", answering: MailReference? = nil) -> Classification {
        let message = Message("From: Ana <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\n"
                              + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(body)\r\n")
        return intake.classify(message, context: IntakeContext(participant: participant, answering: answering))
    }

    func request(_ body: String) -> RSVPReply? {
        if case .eventRequest(let reply) = classify(body).intent { return reply }
        return nil
    }

    @Test func askingForAPlaceInWordsIsAYes() {
        for text in ["A friend told me about the Speed Mentoring at the summit in Barcelona. Count me in!",
                     "I'd like to join the speed mentoring.",
                     "can I come to the speed mentoring?",
                     "Hi! I didn't know about the speed-mentoring, can I still join?",
                     "Is there a seat left for me at the Speed Mentoring on Sunday?",
                     "Please sign me up for the speed mentoring session.",
                     "I would love to attend the event at the summit.",
                     "Me apunto al speed mentoring, ¡gracias!",
                     "Could I still join the speed mentoring?",
                     "I would love to attend the event at the summit, could you add me?"] {
            let reply = request(text)
            #expect(reply?.answer == .accepted, "\(text): \(classify(text).rule) \(classify(text).reason)")
            #expect(reply?.question == nil, "asking for a place is the request, no question: \(text)")
        }
    }

    @Test func aRefusalOrADoubtAboutTheEventIsReadSoAndAnotherQuestionGoesWithTheYes() {
        #expect(request("Sorry, I can't make it to the speed mentoring after all.")?.answer == .declined)
        #expect(request("I'd love to join the speed mentoring but I can't, I'm travelling.")?.answer == .declined)
        #expect(request("Not sure yet whether I can come to the speed mentoring.")?.answer == .tentative)
        let withQuestion = request("Count me in for the speed mentoring! Is there a cloakroom?")
        #expect(withQuestion?.answer == .accepted)
        #expect(withQuestion?.question == "Is there a cloakroom?")
    }

    @Test func mailThatAsksNothingForTheWriterIsNotARequest() {
        for text in ["My colleague wants to join the speed mentoring, can you invite her?",
                     "Thanks for the speed mentoring last year, I learned a lot.",
                     "I read about the speed mentoring in the newsletter. Is it for mentors too?",
                     "I'd like to join as a mentor.",
                     "Count me in!",
                     "I was at an event last week and would like to take part again.",
                     "Could Ana join the mentoring session at the Summit?",
                     "Is there a seat at the speed mentoring for my colleague?",
                     "¿Hay sitio en la sesión para una amiga?"] {
            #expect(request(text) == nil, "\(text): \(classify(text).rule)")
        }
    }

    @Test func underAnEventMailTheInvitationsRuleReadsIt() {
        let result = classify("Count me in for the speed mentoring!", answering: MailReference(kind: .eventInvitation, topic: .event(4)))
        #expect(result.rule == "event-words")
    }
}
