import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// A change of address through the real servers, reading both mailboxes: the old address hears
/// of the move (whoever made it, to whatever address), and a reply from there goes to a person.
@Suite struct AddressChangeEndToEndTests {
    @Test func theOldAddressIsToldOfTheMoveAndItsReplyIsHeld() throws {
        let scenario = try ServerScenario()
        let other = TestServers.uniqueUser("bob")
        let otherAddress = "\(other)@example.org"
        try scenario.participantWrites(subject: "Sign up", text: """
            Role: mentee
            Name: Alice Moreau
            Mentoring type: technical
            Areas: Nova
            Time zone: Europe/Paris
            Languages: English
            Interaction: email

            """)
        try scenario.processOK()

        // Alice gives an address that is not hers; its owner answers the code.
        try scenario.participantWrites(subject: "new address", text: "My new address is \(otherAddress)\n")
        try scenario.processOK()
        let code = try #require(try scenario.servers.messages(of: other).last { $0.subject?.contains("Confirm your new address") == true })
        try scenario.servers.deliver(from: otherAddress, to: [scenario.programAddress], subject: "Re: \(code.subject ?? "")", text: "ok\n")
        try scenario.processOK()
        #expect(try scenario.servers.messages(of: other).last?.textBody?.contains("Done: your profile now uses this address") == true)

        let notice = try #require(try scenario.participantInbox().last)
        #expect(notice.subject == "Your address at Test Mentoring was changed", "\(notice.subject ?? "")")
        #expect(notice.to.map(\.normalized) == [scenario.participantAddress])
        let body = try #require(notice.textBody)
        #expect(body.contains("moved from this address") && body.contains(otherAddress), "\(body)")
        #expect(body.contains("asked for from this address and confirmed from"), "\(body)")
        #expect(body.contains("reply to this message or write to the coordinators"), "\(body)")

        // "That was not me": held for the coordinators, and Alice is told so, not sent the sign-up form.
        let before = try scenario.participantInbox().count
        try scenario.deliverRaw("""
            From: Alice Moreau <\(scenario.participantAddress)>
            To: \(scenario.programAddress)
            Subject: Re: \(notice.subject ?? "")
            Message-ID: <\(UUID().uuidString)@example.org>
            In-Reply-To: <\(notice.messageID ?? "")>
            References: <\(notice.messageID ?? "")>

            That was not me! Please move my profile back.

            """, from: scenario.participantAddress)
        try scenario.processOK()
        let answers = try scenario.participantInbox().dropFirst(before)
        #expect(answers.count == 1)
        let answer = try #require(answers.first?.textBody)
        #expect(!answer.contains("Role:"), "not the sign-up form: \(answer)")
        #expect(!answer.lowercased().contains("join") && !answer.contains("sign-up"), "not asked to join again: \(answer)")
        #expect(answer.contains("will look into the change of address"), "\(answer)")
        let held = try scenario.database().inboundMessages().last { $0.sender == scenario.participantAddress }
        #expect(held?.disposition == .held, "\(String(describing: held?.note))")
        let digest = try #require(try scenario.coordinatorInbox().last { $0.textBody?.contains("That was not me") == true }?.textBody)
        // Who moved, from where to where, and how to move them back: not an internal number.
        #expect(digest.contains("Alice Moreau") && digest.contains(otherAddress), "\(digest)")
        #expect(digest.contains("mentormail participants change-address \(otherAddress) \(scenario.participantAddress)"), "\(digest)")
        #expect(!digest.contains("participant 1"), "\(digest)")

        // A coordinator moves it back: the address it leaves hears of it too.
        let moved = try CommandRunner.run(["participants", "change-address", otherAddress, scenario.participantAddress,
                                           "--config", scenario.configPath])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("with a short notice to the old one"), "\(moved.stdout)")
        try scenario.processOK()
        let second = try #require(try scenario.servers.messages(of: other).last)
        #expect(second.subject == "Your address at Test Mentoring was changed")
        #expect(second.textBody?.contains("A coordinator made the") == true, "\(second.textBody ?? "")")
        #expect(try scenario.participantInbox().last?.textBody?.contains("Done: your profile now uses this address") == true)
    }
}
