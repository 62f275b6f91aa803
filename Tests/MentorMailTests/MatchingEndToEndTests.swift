import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// A round through the real servers: sign-ups, the proposal mail, approval by reply, one
/// introduction per pair in both mailboxes, notes to the unmatched, and nothing twice.
@Suite struct MatchingEndToEndTests {
    func form(role: String, name: String, languages: String, capacity: String = "") -> String {
        """
        Role: \(role)
        Name: \(name)
        Mentoring type: technical
        Areas: Nova
        Time zone: Europe/Madrid
        Languages: \(languages)
        Interaction: IRC, email
        \(capacity.isEmpty ? "" : "Capacity: \(capacity)")
        """
    }

    @Test func aRoundFromSignUpsToIntroductions() throws {
        let scenario = try ServerScenario()
        let opened = try CommandRunner.run(["round", "open", "R1", "--closes", "2099-01-01", "--config", scenario.configPath])
        #expect(opened.status == 0, "\(opened.stderr)")

        let mentee = TestServers.uniqueUser("mentee"), unmatched = TestServers.uniqueUser("solo"), mentor = TestServers.uniqueUser("mentor")
        let address = { (user: String) in "\(user)@example.org" }
        try scenario.servers.deliver(from: address(mentee), to: [scenario.programAddress], subject: "Sign up",
                                     text: form(role: "mentee", name: "Mia Mentee", languages: "English"))
        try scenario.servers.deliver(from: address(unmatched), to: [scenario.programAddress], subject: "Sign up",
                                     text: form(role: "mentee", name: "Sol Solo", languages: "Portuguese"))
        try scenario.servers.deliver(from: address(mentor), to: [scenario.programAddress], subject: "Sign up",
                                     text: form(role: "mentor", name: "Max Mentor", languages: "English", capacity: "1"))
        try scenario.processOK()
        #expect(try scenario.database().participants().filter { $0.status == .active }.count == 3)

        let matched = try CommandRunner.run(["match", "--round", "R1", "--config", scenario.configPath])
        #expect(matched.status == 0, "\(matched.stderr)")
        #expect(matched.stdout.contains("1 pair(s), 1 unmatched"))
        try scenario.processOK()
        let review = try #require(try scenario.coordinatorInbox().last)
        #expect(review.subject?.contains("1 proposed pairs for R1") == true)
        let reviewText = try #require(review.textBody)
        #expect(reviewText.contains("Mia Mentee"))
        #expect(reviewText.contains("with Max Mentor"))
        #expect(reviewText.contains("Sol Solo"))
        let token = try #require(ConfirmationToken.find(in: [review.subject ?? ""]))

        try scenario.deliverRaw("""
            Authentication-Results: \(ServerScenario.trustedServer); dkim=pass header.d=example.org
            From: Coordinator <\(scenario.coordinatorAddress)>
            To: \(scenario.programAddress)
            Subject: Re: \(review.subject ?? "")
            Message-ID: <\(UUID().uuidString)@example.org>
            In-Reply-To: <\(review.messageID ?? "")>
            Content-Type: text/plain; charset=utf-8

            APPROVE \(token)

            > To approve, reply with:   APPROVE \(token)
            """, from: scenario.coordinatorAddress)
        let figures = try scenario.processOK()
        #expect(figures["sent"] as? Int == 3, "the introduction, the note, the answer to the coordinator")

        let menteeMail = try scenario.servers.messages(of: mentee)
        let mentorMail = try scenario.servers.messages(of: mentor)
        let introductionToMentee = try #require(menteeMail.last)
        let introductionToMentor = try #require(mentorMail.last)
        #expect(introductionToMentee.messageID == introductionToMentor.messageID, "ONE introduction, to both")
        #expect(introductionToMentee.to.map(\.normalized).sorted() == [address(mentee), address(mentor)].sorted())
        #expect(introductionToMentee.textBody?.contains("Max Mentor will mentor Mia Mentee") == true)
        #expect(introductionToMentee.textBody?.contains("Why we matched you:") == true)
        let note = try #require(try scenario.servers.messages(of: unmatched).last)
        #expect(note.textBody?.contains("we could not find a mentor") == true)
        #expect(note.textBody?.lowercased().contains("portuguese") == true)
        #expect(try scenario.coordinatorInbox().last?.textBody?.contains("Approved the proposal for R1") == true)

        // Reruns and a second APPROVE send no second introduction.
        let counts = (menteeMail.count, mentorMail.count)
        try scenario.deliverRaw("""
            Authentication-Results: \(ServerScenario.trustedServer); dkim=pass header.d=example.org
            From: Coordinator <\(scenario.coordinatorAddress)>
            To: \(scenario.programAddress)
            Subject: Re: approve again
            Message-ID: <\(UUID().uuidString)@example.org>

            APPROVE \(token)
            """, from: scenario.coordinatorAddress)
        try scenario.processOK()
        try scenario.processOK()
        #expect(try scenario.servers.messages(of: mentee).count == counts.0)
        #expect(try scenario.servers.messages(of: mentor).count == counts.1)
        #expect(try scenario.coordinatorInbox().last?.textBody?.contains("already approved") == true)
        #expect(try scenario.database().mentorships().count == 1)
    }
}
