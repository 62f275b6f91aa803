import Foundation
import Mail
import MailTransport
import MentorMail
import TestSupport
import Testing

/// A Message-ID proves nothing: only the same message again (same sender, same content) counts
/// as handled; any other message that reuses a Message-ID is read and answered like new mail.
@Suite struct ReusedMessageIDEndToEndTests {
    func raw(from: String, to: String, id: String, subject: String, text: String) -> String {
        """
        From: \(from)
        To: \(to)
        Subject: \(subject)
        Message-ID: <\(id)>
        Content-Type: text/plain; charset=utf-8

        \(text)
        """
    }

    @Test func twoPeopleWithOneMessageIDAreBothAnswered() throws {
        let scenario = try ServerScenario()
        let other = TestServers.uniqueUser("bea")
        let id = "same-id-\(UUID().uuidString)@example.net"
        try scenario.deliverRaw(raw(from: scenario.participantAddress, to: scenario.programAddress, id: id, subject: "Join",
                                    text: "I'd like to join as a mentee, documentation, Berlin."), from: scenario.participantAddress)
        try scenario.deliverRaw(raw(from: "\(other)@example.org", to: scenario.programAddress, id: id, subject: "Join",
                                    text: "I'd like to mentor, career, Madrid, Spanish."), from: "\(other)@example.org")
        let figures = try scenario.processOK()
        #expect(figures["reflagged"] as? Int == 0)
        #expect(figures["answered"] as? Int == 2)
        #expect(try scenario.participantInbox().count == 1)
        let answer = try #require(try scenario.servers.messages(of: other).first)
        #expect(answer.textBody?.contains("mentor") == true)
        let inbound = try scenario.database().inboundMessages()
        #expect(Set(inbound.compactMap(\.sender)) == [scenario.participantAddress, "\(other)@example.org"])
    }

    @Test func aCorrectedMessageWithTheSameMessageIDIsReadAgainButACopyIsNot() throws {
        let scenario = try ServerScenario()
        let id = "reused-\(UUID().uuidString)@example.net"
        let first = raw(from: scenario.participantAddress, to: scenario.programAddress, id: id, subject: "Join",
                        text: "I'd like to join as a mentee.")
        try scenario.deliverRaw(first, from: scenario.participantAddress)
        #expect(try scenario.processOK()["answered"] as? Int == 1)

        // The same message again (another delivery: the server adds its own headers): only flagged.
        try scenario.deliverRaw(first, from: scenario.participantAddress)
        let again = try scenario.processOK()
        #expect(again["reflagged"] as? Int == 1)
        #expect(again["answered"] as? Int == 0)
        #expect(try scenario.participantInbox().count == 1)

        // A corrected message reusing the Message-ID is new mail.
        try scenario.deliverRaw(raw(from: scenario.participantAddress, to: scenario.programAddress, id: id, subject: "Join",
                                    text: "Sorry, I meant: I'd like to mentor."), from: scenario.participantAddress)
        let corrected = try scenario.processOK()
        #expect(corrected["reflagged"] as? Int == 0)
        #expect(corrected["answered"] as? Int == 1)
        #expect(try scenario.participantInbox().count == 2)
        #expect(try scenario.database().inboundMessages().count == 2)
    }
}
