import Foundation
import Mail
@testable import MentorMail
import Testing

/// A coordinator forwards one person's own request to join (attached whole, or inline under
/// "Fwd: join"): that person gets the sign-up form, saying the coordinators passed it on, and
/// the coordinator is told. Only for a coordinator our mail server vouched for; anyone else's
/// forward is held as before.
@Suite struct ForwardedJoinRequestTests {
    static let vouched = "Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\n"

    func coordinatorMail(_ id: String, authenticated: Bool = true, from: String = "Coordinator <coordinator@example.org>",
                         body: String) -> String {
        (authenticated ? Self.vouched : "") + "From: \(from)\r\nTo: mentoring@example.org\r\nSubject: Fwd: join\r\n"
            + "Message-ID: <\(id)@example.org>\r\nMIME-Version: 1.0\r\n" + body
    }

    static let inline = "Content-Type: text/plain; charset=utf-8\r\n\r\nCan you take this one?\r\n\r\n"
        + "---------- Forwarded message ---------\r\nFrom: Kim Park <kim@example.net>\r\nDate: Mon, 30 Nov 2026 at 09:12\r\n"
        + "Subject: join\r\nTo: <coordinator@example.org>\r\n\r\nHi, I want a mentor for my first OpenStack patches. How do I join?\r\n"

    static let attached = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nFor you.\r\n--b\r\n"
        + "Content-Type: message/rfc822\r\n\r\nFrom: Lena Bauer <lena@example.de>\r\nTo: coordinator@example.org\r\nSubject: Mentoring\r\n"
        + "Message-ID: <lena-1@example.de>\r\n\r\nHallo, I would like to join the mentoring program as a mentee.\r\n--b--\r\n"

    @Test(arguments: [("inline", Self.inline, "kim@example.net"), ("attached", Self.attached, "lena@example.de")])
    func theForwardedPersonGetsTheFormAndTheCoordinatorIsTold(_ id: String, _ body: String, _ person: String) throws {
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try program.arrive(coordinatorMail(id, body: body))
        _ = try program.run()
        let sent = try program.sent()
        let form = try #require(sent.first { $0.to.map(\.address) == [person] }?.textBody, "\(sent.map(\.to))")
        #expect(form.contains("The coordinators passed on your request to join"), "\(form)")
        #expect(form.contains("Role:"), "\(form)")
        let told = try #require(sent.first { $0.inReplyTo == "\(id)@example.org" }?.textBody)
        #expect(told.contains("we sent the sign-up form to \(person)"), "\(told)")
        #expect(try program.database.inboundMessages().last?.disposition == .answered)
        if id == "attached" { #expect(form.contains("You asked to join as a mentee"), "\(form)") }
    }

    @Test func withoutTheServersWordTheForwardIsHeldAsBefore() throws {
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try program.arrive(coordinatorMail("plain", authenticated: false, body: Self.inline))
        _ = try program.run()
        #expect(try !program.sent().contains { $0.to.map(\.address) == ["kim@example.net"] })
        #expect(try program.database.inboundMessages().last?.disposition == .held)
    }
}
