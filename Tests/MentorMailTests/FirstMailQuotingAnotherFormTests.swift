import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding F-3: a first mail (answering no mail of ours) that quotes or forwards a friend's
/// filled-in form was read as the writer's own form, and stored the friend's data. Quoted
/// form lines are the writer's own only under our form.
@Suite struct FirstMailQuotingAnotherFormTests {
    let workflow = EnrollmentWorkflowTests()

    static let bobsForm = "Role: mentor\nName: Bob Stone\nAreas: Swift\nTime zone: America/Chicago\nInteraction: IRC"

    static let quoted = "Hi, my friend Bob forwarded me your form, I'd like to be a mentee. I speak English.\n\n"
        + bobsForm.split(separator: "\n").map { "> " + $0 }.joined(separator: "\n")
    static let forwarded = "Hi, my friend Bob sent me this, I'd like to be a mentee. I speak English.\n\n"
        + "---------- Forwarded message ---------\nFrom: Bob Stone <bob@example.com>\nDate: Mon, 30 Nov 2026 at 09:12\n"
        + "Subject: Re: Sign up\nTo: <mentoring@example.org>\n\n" + bobsForm
    static let originalMessage = "Hello, Bob told me about this. I would like to be a mentee, I speak English.\n\n"
        + "-----Original Message-----\nFrom: Bob Stone <bob@example.com>\nSent: Monday, November 30, 2026 9:12 AM\n"
        + "To: mentoring@example.org\nSubject: Sign up\n\n" + bobsForm

    @Test(arguments: [quoted, forwarded, originalMessage])
    func aFriendsFormInAFirstMailIsNotTheWritersOwn(body: String) throws {
        let program = try ProcessorTests.Program()
        let answers = try workflow.exchange(program, workflow.mail(from: "Zoe Park <zoe@example.org>", subject: "mentoring", body: body))
        let reply = try #require(answers.first?.textBody)
        #expect(!reply.contains("Bob Stone"), "\(reply)")
        #expect(!reply.contains("America/Chicago"), "\(reply)")
        #expect(reply.contains("Role: mentee"), "\(reply)")
        #expect(reply.contains("Languages: English"), "\(reply)")
        #expect(reply.contains("Zoe Park"), "\(reply)")
        if let person = try program.database.participant(email: "zoe@example.org") {
            #expect(person.profile.name != "Bob Stone")
            #expect(person.profile.role != "mentor")
            #expect(person.profile.timeZone != "America/Chicago")
        }
    }

    /// Outlook often puts only the passed-on mail's header lines above it, with no "Original
    /// Message" line (here in English, Spanish, German and French).
    static let bareHeaderBlocks = [
        "From: Bob Stone <bob@example.com>\nSent: Monday, November 30, 2026 9:12 AM\nTo: mentoring@example.org\nSubject: Sign up",
        "De: Bob Stone <bob@example.com>\nEnviado: lunes, 30 de noviembre de 2026 9:12\nPara: mentoring@example.org\nAsunto: Sign up",
        "Von: Bob Stone <bob@example.com>\nGesendet: Montag, 30. November 2026 09:12\nAn: mentoring@example.org\nBetreff: Sign up",
        "De : Bob Stone <bob@example.com>\nEnvoyé : lundi 30 novembre 2026 09:12\nÀ : mentoring@example.org\nObjet : Sign up",
    ]

    @Test(arguments: bareHeaderBlocks)
    func aFriendsFormBelowABareOutlookHeaderBlockIsNotTheWritersOwn(block: String) throws {
        try aFriendsFormInAFirstMailIsNotTheWritersOwn(
            body: "Hello, Bob told me about this. I would like to be a mentee, I speak English.\n\n" + block + "\n\n" + Self.bobsForm)
    }

    /// A participant passing on a colleague's mail below a bare Outlook header block: the
    /// colleague's "I'd like to be a mentor" is not the participant's own wish.
    @Test(arguments: bareHeaderBlocks)
    func aColleaguesWordsBelowABareHeaderBlockAreNotTheParticipantsOwn(block: String) throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let passedOn = block.replacingOccurrences(of: "Bob Stone <bob@example.com>", with: "Kai Xu <kai@example.com>")
            .replacingOccurrences(of: "mentoring@example.org", with: "ana@example.net")
        _ = try workflow.exchange(program, workflow.mail(subject: "mentoring for Kai",
                                                         body: "Hi, my colleague Kai asked me about the program, see below.\n\n"
                                                            + passedOn + "\n\nHi Ana, I'd like to be a mentor too. Can you ask them?"))
        #expect(try program.database.participant(email: "ana@example.net")?.profile.role == "mentee")
    }
}
