import Foundation
import Mail
@testable import MentorMail
import Testing

/// Profile lines written while a check-in survey is open, on a Maildir with a folder outbox:
/// they change the profile as they would in any other mail, and the check-in answers beside
/// them are still its answers; the one answer says both.
@Suite struct ProfileLinesUnderCheckinTests {
    let pairLife = PairLifeTests()
    var day: TimeInterval { pairLife.day }

    func survey(of address: String, _ harness: ProcessorTests.Program) throws -> Survey {
        let person = try #require(try harness.database.participant(email: address))
        return try #require(try harness.database.read { db in try Survey.fetchAll(db) }.first { $0.participantID == person.id })
    }

    /// Finding: "Interaction: video, email, chat" written under the check-in became its note
    /// (passed to the coordinators) and the profile kept IRC and email.
    @Test func profileLinesUnderTheSurveyChangeTheProfileBesideTheAnswers() throws {
        let (harness, _) = try pairLife.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try pairLife.last(to: "ana@example.net", harness)
        try pairLife.reply(harness, from: "Ana <ana@example.net>", to: survey,
                           "5, yes, good fit, continue\r\n\r\nInteraction: video, email, chat\r\nLanguages: English, French")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))

        let ana = try #require(try harness.database.participant(email: "ana@example.net"))
        #expect(ana.profile.interactions == ["video", "email", "chat"] && ana.profile.languages == ["English", "French"], "\(ana.profile)")
        let stored = try self.survey(of: "ana@example.net", harness)
        #expect(stored.answers.rating == 5 && stored.answers.next == .continue, "\(stored.answers)")
        #expect(stored.answers.note == nil, "profile lines are no note: \(stored.answers.note ?? "")")
        let answer = try #require(try pairLife.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("1. How it is going: 5 of 5") && answer.contains("4. What next: continue"), "\(answer)")
        #expect(!answer.contains("For the coordinators"), "\(answer)")
        #expect(answer.contains("Your profile is updated") && answer.contains("Interaction: video, email, chat")
                && answer.contains("Languages: English, French"), "\(answer)")
        #expect(!answer.contains("We could not place this among your answers"), "\(answer)")
    }

    /// A fresh message with check-in answers and two profile lines, one of them unreadable: the
    /// answers count, the readable line changes the profile, the other keeps what was stored
    /// and says so, as a profile change outside the check-in would.
    @Test func answersAndProfileLinesInAFreshMessageAreBothRead() throws {
        let (harness, _) = try pairLife.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        try pairLife.write(harness, from: "Maria <maria@example.org>", subject: "survey", """
            Got your survey: going great, we meet weekly, good fit, let's continue!\r
            Languages: English, Spanish\r
            Time zone: Mars/Olympus
            """)
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))

        let maria = try #require(try harness.database.participant(email: "maria@example.org"))
        #expect(maria.profile.languages == ["English", "Spanish"] && maria.profile.timeZone == "Europe/Madrid", "\(maria.profile)")
        #expect(maria.status == .active)
        let stored = try survey(of: "maria@example.org", harness)
        #expect(stored.answers.next == .continue && stored.answers.fit == .good, "\(stored.answers)")
        let answer = try #require(try pairLife.last(to: "maria@example.org", harness).textBody)
        #expect(answer.contains("4. What next: continue"), "\(answer)")
        #expect(answer.contains("Languages: English, Spanish"), "\(answer)")
        #expect(answer.contains("We could not read these lines") && answer.contains("“Mars/Olympus”")
                && answer.contains("Time zone: Europe/Madrid"), "\(answer)")
    }

    /// A profile line alone under the check-in is a profile change, answered as one; the
    /// survey still waits for its answers.
    @Test func aProfileLineAloneUnderTheSurveyIsAProfileChange() throws {
        let (harness, _) = try pairLife.introduced()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try pairLife.last(to: "ana@example.net", harness)
        try pairLife.reply(harness, from: "Ana <ana@example.net>", to: survey, "Languages: English, French")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))

        #expect(try harness.database.participant(email: "ana@example.net")?.profile.languages == ["English", "French"])
        let stored = try self.survey(of: "ana@example.net", harness)
        #expect(stored.answers.answered.isEmpty && stored.answeredAt == nil, "\(stored.answers)")
        let answer = try #require(try pairLife.last(to: "ana@example.net", harness).textBody)
        #expect(answer.contains("Your profile is updated") && answer.contains("Languages: English, French"), "\(answer)")
    }
}
