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
    /// Asked for the form from one address, filled in from a "+tag" one under our mail: the
    /// record is made at the address we wrote to, and the answer goes there.
    @Test func aFormSentBackFromAPlusAddressIsRecordedAtTheAddressWeWroteTo() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Joining", text: "Hi, I'd like to join.\n")
        try scenario.processOK()
        let form = try #require(try scenario.participantInbox().last)
        let alias = scenario.participantAddress.replacingOccurrences(of: "@", with: "+mentoring@")
        try sendForm(in: scenario, from: alias, name: "Gina Rossi", role: "mentee", under: form)
        try scenario.processOK()
        let database = try scenario.database()
        #expect(try database.participants().map(\.email) == [scenario.participantAddress], "the record is at the address we wrote to")
        let answer = try #require(try scenario.participantInbox().last)
        #expect(answer.to.map(\.normalized) == [scenario.participantAddress])
        #expect(answer.textBody?.contains("You are signed up.") == true, "\(answer.textBody ?? "")")
    }

    /// Someone else at the same domain answering our form mail (forwarded to them) is not merged.
    @Test func aColleagueAnsweringTheFormFromTheirOwnAddressIsNotMerged() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Joining", text: "Hi, I'd like to join.\n")
        try scenario.processOK()
        let form = try #require(try scenario.participantInbox().last)
        let colleague = TestServers.uniqueUser("rosa") + "@example.org"
        try sendForm(in: scenario, from: colleague, name: "Rosa Lind", role: "mentor", under: form, extra: "Capacity: 1\n")
        try scenario.processOK()
        let database = try scenario.database()
        #expect(try database.participant(email: scenario.participantAddress) == nil)
        #expect(try database.participant(email: colleague)?.profile.role == "mentor")
    }

    /// Our sign-up form filled in and sent back from `address`, as a reply under `form`.
    func sendForm(in scenario: ServerScenario, from address: String, name: String, role: String, under form: Message,
                  extra: String = "") throws {
        try scenario.deliverRaw("""
            From: \(name) <\(address)>
            To: \(scenario.programAddress)
            Subject: Re: \(form.subject ?? "")
            Date: Mon, 2 Nov 2026 10:00:00 +0100
            Message-ID: <\(UUID().uuidString)@example.org>
            In-Reply-To: <\(form.messageID ?? "")>
            References: <\(form.messageID ?? "")>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Role: \(role)
            Name: \(name)
            Mentoring type: technical
            Areas: Nova
            Time zone: Europe/Rome
            Languages: English
            Interaction: email
            \(extra)
            """, from: address)
    }
}
