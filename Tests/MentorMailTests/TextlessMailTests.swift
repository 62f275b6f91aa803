import Foundation
import Mail
@testable import MentorMail
import Testing

/// Mail whose body says nothing: only an attachment, only a Subject; and a long first mail
/// that asks nothing. Each is read for what it says, and its sender told what happens next.
@Suite struct TextlessMailTests {
    let workflow = EnrollmentWorkflowTests()
    let pairs = PairLifeTests()

    /// A plain message; no Subject header when `subject` is nil.
    func raw(from: String, subject: String?, body: String = "") -> String {
        "From: \(from)\r\nTo: mentoring@example.org\r\n" + (subject.map { "Subject: \($0)\r\n" } ?? "")
            + "Message-ID: <\(UUID().uuidString)@example.net>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// An answer's lines of the sign-up form, by their label.
    func formLines(_ text: String) -> [String] {
        let labels = ["Role:", "Mentoring type:", "Areas:", "Time zone:", "Languages:", "Interaction:", "Capacity:"]
        return text.split(separator: "\n").map(String.init).filter { line in labels.contains { line.hasPrefix($0) } }
    }

    func digest(_ program: ProcessorTests.Program) throws -> String {
        try #require(try program.sent().last { $0.to.map(\.normalized).contains("coordinator@example.org") }?.textBody)
    }

    /// A mail of only `cv.pdf` (beside an empty text part, when `textPart`), under `subject` (none when empty).
    func cvAlone(from: String, subject: String = "", textPart: Bool = true) -> String {
        "From: \(from)\r\nTo: mentoring@example.org\r\nMessage-ID: <cv-\(UUID().uuidString)@example.net>\r\n"
            + (subject.isEmpty ? "" : "Subject: \(subject)\r\n")
            + "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + (textPart ? "--b\r\nContent-Type: text/plain\r\n\r\n\r\n" : "") + "--b\r\nContent-Type: application/pdf; name=\"cv.pdf\"\r\n"
            + "Content-Disposition: attachment; filename=\"cv.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
    }

    /// Finding: a newcomer's mail with no Subject, no text and only `cv.pdf` got the plain
    /// sign-up form; nothing mentioned the file and no coordinator saw it.
    @Test func aNewcomersAttachmentAloneIsHeldAndTheyAreToldWhoReadsIt() throws {
        let program = try ProcessorTests.Program()
        let answers = try workflow.exchange(program, cvAlone(from: "Lia Moreau <lia@example.net>"))
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .held, "\(record.disposition): \(record.reason ?? "")")
        let answer = try #require(answers.first { $0.to.map(\.normalized) == ["lia@example.net"] }?.textBody)
        #expect(answer.contains("cv.pdf") && answer.contains("coordinators"), "\(answer)")
        #expect(!answer.contains("no text we could read") && answer.contains("Role: (mentor, mentee, or both)"), "\(answer)")
        let digest = try digest(program)
        #expect(digest.contains("held for what came attached, with no text: cv.pdf"), "\(digest)")
    }

    /// A participant's `cv.pdf` alone, under a Subject that only names it ("CV", "my CV") or none,
    /// with or without an empty text part, is held for a coordinator, never answered with help.
    @Test(arguments: ["CV", "my CV", ""], [true, false])
    func aParticipantsAttachmentUnderATopicSubjectIsHeld(subject: String, textPart: Bool) throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let answers = try workflow.exchange(program, cvAlone(from: "Ana Souza <ana@example.net>", subject: subject, textPart: textPart))
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .held, "\(subject), text part \(textPart): \(record.disposition): \(record.reason ?? "")")
        let answer = answers.first { $0.to.map(\.normalized) == ["ana@example.net"] }?.textBody ?? ""
        #expect(!answer.contains("could not tell"), "\(subject): \(answer)")
    }

    /// Finding: an active mentor's "Please add Keystone to my areas" in the Subject, with an
    /// empty body, was answered that the message had no text we could read.
    @Test func aParticipantsSubjectIsReadWhenTheBodyIsEmpty() throws {
        let program = try ProcessorTests.Program()
        let form = EnrollmentWorkflowTests.form.replacingOccurrences(of: "Role: mentee", with: "Role: mentor") + "\nCapacity: 2"
        _ = try workflow.exchange(program, workflow.mail(from: "Jo Park <jo@example.net>", body: form))
        let answers = try workflow.exchange(program, raw(from: "Jo Park <jo@example.net>", subject: "Please add Keystone to my areas"))
        let answer = answers.first?.textBody ?? ""
        #expect(!answer.contains("no text we could read"), "\(answer)")
        let areas = try #require(try program.database.participant(email: "jo@example.net")?.profile.areas)
        #expect(areas.contains { $0.lowercased() == "keystone" } && areas.contains { $0.lowercased() == "nova" }, "\(areas)")
    }

    /// Finding: a newcomer's "I want to be a mentor for Swift, Berlin, English" in the Subject
    /// was read for the role only, beside "your message came with no text we could read".
    /// It fills the form as the same words in the body do.
    @Test func aNewcomersSubjectFillsTheFormAsItsBodyWould() throws {
        let program = try ProcessorTests.Program()
        let words = "I want to be a mentor for Swift, Berlin, English"
        let fromSubject = try workflow.exchange(program, raw(from: "Pat Lee <pat@example.net>", subject: words)).first?.textBody ?? ""
        let fromBody = try workflow.exchange(program, raw(from: "Pat Kim <patk@example.net>", subject: "Hello", body: words)).first?.textBody ?? ""
        #expect(!fromSubject.contains("no text we could read"), "\(fromSubject)")
        #expect(formLines(fromSubject) == formLines(fromBody), "\(fromSubject)\n----\n\(fromBody)")
        #expect(formLines(fromSubject).contains("Role: mentor") && formLines(fromSubject).contains { $0.contains("English") }, "\(fromSubject)")
    }

    /// A Subject that says nothing ("Hello", "Mentoring", our own "Re: …") over an empty body is
    /// still a mail with no text.
    @Test(arguments: ["Hello", "Mentoring", "Hi there", "Re: Welcome to Test Mentoring"])
    func aSubjectThatSaysNothingLeavesTheMailEmpty(subject: String) throws {
        let program = try ProcessorTests.Program()
        let answer = try workflow.exchange(program, raw(from: "Omar Haddad <omar@example.org>", subject: subject)).first?.textBody ?? ""
        #expect(answer.contains("no text we could read"), "\(answer)")
    }

    /// Finding: "Unsubscribe" in the Subject with an empty body, from someone in a pair, was
    /// asked first as it should, quoting an empty sentence ("") as what they wrote.
    @Test func aRequestInTheSubjectIsQuotedInItsConfirmation() throws {
        let (harness, _) = try pairs.introduced()
        try harness.arrive(raw(from: "Ana <ana@example.net>", subject: "Unsubscribe"))
        _ = try harness.run(at: harness.now.addingTimeInterval(86_400))
        let text = try #require(try pairs.last(to: "ana@example.net", harness).textBody)
        #expect(text.contains("\"Unsubscribe\"") && !text.contains("\"\"\n"), "\(text)")
        #expect(try harness.database.participant(email: "ana@example.net")?.status == .active, "asked first")
    }

    /// Finding: a newcomer's 50 KB of background with the sign-up sentences at its very end was
    /// told its question was with the coordinators (it asked none), with a blank form; the
    /// digest quoted its first sentence as the question.
    @Test func aLongFirstMailIsHeldAsLongAndItsLastSentencesAreRead() throws {
        let program = try ProcessorTests.Program()
        let paragraph = "I have been working with OpenStack for a while now, when our team moved its test clusters to it, which taught me "
            + "a lot about how the services fit together and how the community reviews changes. Over the years I helped colleagues "
            + "set up their first deployments, wrote internal notes on networking and storage, and gave talks at local meetups, "
            + "where people asked about upgrades, quotas and the scheduler. I also spent time reading the release notes of each "
            + "cycle and comparing them with what we saw in production, which made the background of many decisions clearer. "
        let background = (1...40).map { "\($0). " + String(repeating: paragraph, count: 2) }.joined(separator: "\n\n")
        let body = background + "\n\nI'd love to be a mentor for Nova newcomers. I am in Lagos, I speak English and Yoruba, "
            + "and I can take two mentees.\n\nOlu"
        #expect(body.utf8.count > 40_000 && !body.contains("?"))
        let answers = try workflow.exchange(program, raw(from: "Olu Adeyemi <olu@example.net>", subject: "Mentoring", body: body))
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .held, "a coordinator reads it")
        let answer = try #require(answers.first { $0.to.map(\.normalized) == ["olu@example.net"] }?.textBody)
        #expect(!answer.contains("Your question"), "\(answer)")
        #expect(answer.contains("Your message was long") && answer.contains("coordinators"), "\(answer)")
        #expect(answer.contains("we still need:\nMentoring type."), "the one line its words left empty: \(answer)")
        let lines = formLines(answer)
        #expect(lines.contains("Role: mentor") && lines.contains("Time zone: Lagos"), "\(lines)")
        #expect(lines.contains { $0.contains("Yoruba") } && lines.contains("Capacity: 2"), "\(lines)")
        let digest = try digest(program)
        #expect(digest.contains("long message") && !digest.contains("held for its question"), "\(digest)")
    }
}
