import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding (F-h): an empty mail (no text, only a signature, only our quoted text) was held and
/// its sender told a person would answer. It is answered at once: the message came with no text
/// we could read, and what they can send, by where they stand. Nothing is held.
@Suite struct EmptyMailTests {
    let workflow = EnrollmentWorkflowTests()
    let pairs = PairLifeTests()

    func raw(from: String = "Ana Souza <ana@example.net>", subject: String, body: String, headers: String = "") -> String {
        "From: \(from)\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n"
            + headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// Runs one message; returns the answers and whether it was held.
    func exchange(_ program: ProcessorTests.Program, _ raw: String) throws -> (answers: [Message], held: Bool) {
        let answers = try workflow.exchange(program, raw)
        let record = try #require(try program.database.inboundMessages().last)
        return (answers, record.disposition == .held)
    }

    @Test func aParticipantsEmptyMailIsAnsweredWithHelpNotHeld() throws {
        let program = try ProcessorTests.Program()
        let welcome = try #require(try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form)).first)
        let quoted = (welcome.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let bodies = [
            "",
            "\n\n-- \nAna Souza\nhttps://example.net/ana",
            "Ana",
            "On Mon, 2 Nov 2026 at 10:00, Test Mentoring <mentoring@example.org> wrote:\n" + quoted,
        ]
        for body in bodies {
            let reply = raw(subject: "Re: \(welcome.subject ?? "")", body: body,
                            headers: "In-Reply-To: <\(welcome.messageID ?? "")>\r\n")
            let (answers, held) = try exchange(program, reply)
            let text = answers.first?.textBody ?? ""
            #expect(!held && answers.count == 1, "\(body.prefix(40)): \(text)")
            #expect(text.contains("no text we could read") && !text.contains("needs a person"), "\(body.prefix(40)): \(text)")
            #expect(text.contains("What happens next: no round is open right now"), "\(text)")
            #expect(text.contains("Time zone: Europe/Madrid") && text.contains("delete my data"), "what they can send: \(text)")
        }
        let profile = try #require(try program.database.participant(email: "ana@example.net")?.profile)
        #expect(profile.role == "mentee", "nothing changed")
    }

    @Test func inAPairTheHelpSaysHowToGraduate() throws {
        let (harness, _) = try pairs.introduced()
        try harness.arrive(raw(from: "Ana <ana@example.net>", subject: "Welcome", body: ""))
        let report = try harness.run(at: harness.now.addingTimeInterval(5 * 86_400))
        #expect(report.held == 0)
        let text = try #require(try pairs.last(to: "ana@example.net", harness).textBody)
        #expect(text.contains("no text we could read") && text.contains("\"we'd like to graduate\""), "\(text)")
        #expect(text.contains("nothing changes for your mentoring with Maria"), "\(text)")
    }

    @Test func inSpanishToo() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form + "\nMail language: Español"))
        let (answers, held) = try exchange(program, raw(subject: "Hola", body: ""))
        let text = answers.first?.textBody ?? ""
        #expect(!held && text.contains("no traía ningún texto que pudiéramos leer"), "\(text)")
    }

    /// Someone not signed up gets the form, told first that their message had no text.
    @Test func someoneNotSignedUpGetsTheFormSayingSo() throws {
        let program = try ProcessorTests.Program()
        let (answers, held) = try exchange(program, raw(from: "Omar Haddad <omar@example.org>", subject: "Welcome", body: ""))
        let text = answers.first?.textBody ?? ""
        #expect(!held && text.contains("no text we could read") && text.contains("Role: (mentor, mentee, or both)"), "\(text)")
        // Mail with words says nothing of the kind.
        let other = try workflow.exchange(program, raw(from: "Lee <lee@example.org>", subject: "Hi", body: "Hello, how does this work")).first?.textBody ?? ""
        #expect(!other.contains("no text we could read"), "\(other)")
    }

    /// An empty mail with an attachment we cannot read, and a coordinator's, are still held.
    @Test func anAttachmentOnlyOrACoordinatorsEmptyMailIsStillHeld() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let attached = "From: Ana Souza <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: my CV\r\nMessage-ID: <cv@example.net>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n\r\n--b\r\n"
            + "Content-Type: application/pdf; name=\"cv.pdf\"\r\nContent-Disposition: attachment; filename=\"cv.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
        #expect(try exchange(program, attached).held)
        #expect(try exchange(program, raw(from: "Coordinator <coordinator@example.org>", subject: "Welcome", body: "")).held)
    }
}
