import Foundation
import Mail
@testable import MentorMail
import Testing

/// A participant's message that says in sentences what the form asks is a profile change.
@Suite struct ProfileInSentencesTests {
    let workflow = EnrollmentWorkflowTests()
    static let mentorForm = EnrollmentWorkflowTests.form.replacingOccurrences(of: "Role: mentee", with: "Role: mentor") + "\nCapacity: 1"

    /// Finding: "I can take two mentees this round, not one." from an active mentor got "could not tell".
    @Test func aMentorRaisingCapacityInWordsIsAProfileChange() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: Self.mentorForm))
        #expect(try program.database.participant(email: "ana@example.net")?.profile.capacity == 1)
        let answer = try #require(try workflow.exchange(program, workflow.mail(subject: "Capacity",
                                                                               body: "Hi, actually I can take two mentees this round, not one.")).first)
        let text = try #require(answer.textBody)
        #expect(!text.contains("could not tell"), "\(text)")
        #expect(text.contains("Capacity: 2"), "\(text)")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.capacity == 2)
    }

    /// A place or a language in passing changes nothing: a line would replace the whole field.
    @Test func onlyTheCapacityIsTakenFromSentences() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: Self.mentorForm))
        let before = try #require(try program.database.participant(email: "ana@example.net")?.profile)
        _ = try workflow.exchange(program, workflow.mail(subject: "News", body: "I am in Berlin next week and I speak some French now!"))
        let after = try #require(try program.database.participant(email: "ana@example.net")?.profile)
        #expect(after.timeZone == before.timeZone && after.languages == before.languages)
    }

    @Test func onlyForKnownParticipantsWhoseMessageSaidNothingElse() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: Self.mentorForm))
        // Nothing in sentences: still the help.
        let help = try #require(try workflow.exchange(program, workflow.mail(subject: "Hi", body: "thanks!! so what now")).first)
        #expect(help.textBody?.contains("could not tell") == true)
        // A request comes first.
        _ = try workflow.exchange(program, workflow.mail(subject: "Hi", body: "Please withdraw me, I can take two mentees next year."))
        let person = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(person.status == .withdrawn && person.profile.capacity == 1)
        // Someone withdrawn is not brought back by it.
        let later = try #require(try workflow.exchange(program, workflow.mail(subject: "Hi", body: "I can take two mentees.")).first)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn)
        #expect(later.textBody?.contains("Capacity: 2") == false)
        // A stranger gets the form, with it filled in.
        let stranger = try #require(try workflow.exchange(program, workflow.mail(from: "Bo <bo@example.net>", subject: "Hi",
                                                                                 body: "I can take two mentees.")).first)
        #expect(try program.database.participant(email: "bo@example.net") == nil)
        #expect(stranger.textBody?.contains("Capacity: 2") == true, "\(stranger.textBody ?? "")")
    }
}
