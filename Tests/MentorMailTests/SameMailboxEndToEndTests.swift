import Foundation
import Mail
@testable import MentorMail
import TestSupport
import Testing

/// Through the real servers: a participant writing from another address of their mailbox.
@Suite(.serialized) struct SameMailboxEndToEndTests {
    @Test func aQuestionFromAnotherAddressIsTheParticipantsAndLeavingNeedsTheirOwnAddress() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Sign up", text: """
            Role: mentee
            Name: Gina Rossi
            Mentoring type: technical
            Areas: Nova
            Time zone: Europe/Rome
            Languages: English
            Interaction: email

            """)
        try scenario.processOK()
        let alias = scenario.participantAddress.replacingOccurrences(of: "@", with: "+mentoring@")
        _ = try scenario.servers.deliver(from: alias, to: [scenario.programAddress], subject: "Round?",
                                         text: "Hi, just checking - am I in the round? I signed up from my other alias.\n")
        try scenario.processOK()
        let database = try scenario.database()
        #expect(try database.participants().map(\.email) == [scenario.participantAddress], "no second record")
        let held = try #require(try database.heldMessages().first { $0.sender == alias })
        #expect(held.rule == "question", "\(held.rule ?? "-")")

        _ = try scenario.servers.deliver(from: alias, to: [scenario.programAddress], subject: "withdraw", text: "Please withdraw me.\n")
        try scenario.processOK()
        #expect(try database.participants().first?.status == .active)
        let question = try #require(try scenario.participantInbox().last { $0.subject?.contains("[") == true })
        _ = try scenario.servers.deliver(from: scenario.participantAddress, to: [scenario.programAddress],
                                         subject: "Re: \(question.subject ?? "")", text: "yes\n")
        try scenario.processOK()
        #expect(try database.participants().first?.status == .withdrawn)
    }
}
