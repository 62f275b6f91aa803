import Foundation
import Testing
@testable import Mail

@Suite struct AutomaticTests {
    func message(_ headers: String, body: String = "Hi") -> Message {
        Message("From: Someone <someone@example.org>\nTo: program@mentors.example.org\n\(headers)\n\n\(body)")
    }

    @Test func personalMailIsNotAutomatic() {
        #expect(message("Subject: Re: hello").automatic == nil)
        #expect(message("Subject: Out of office next week - can we move our call?").automatic == nil)
        #expect(message("Auto-Submitted: no\nSubject: x").automatic == nil)
        #expect(message("X-Auto-Response-Suppress: DR, RN, NRN").automatic == nil)
    }

    @Test(arguments: [
        ("Auto-Submitted: auto-replied", AutomaticReason.autoSubmitted("auto-replied")),
        ("Auto-Submitted: Auto-Generated", .autoSubmitted("auto-generated")),
        ("Return-Path: <>", .bounce("empty Return-Path")),
        ("X-Failed-Recipients: gone@example.org", .bounce("X-Failed-Recipients")),
        ("Precedence: bulk", .precedence("bulk")),
        ("Precedence: auto_reply", .precedence("auto_reply")),
        ("List-Id: Mentors <mentors.lists.example.org>", .mailingList("List-Id")),
        ("List-Unsubscribe: <mailto:leave@lists.example.org>", .mailingList("List-Unsubscribe")),
        ("X-Autoreply: yes", .autoResponder("X-Autoreply")),
        ("X-Autorespond: Out of office", .autoResponder("X-Autorespond")),
        ("X-Auto-Response-Suppress: All", .autoResponder("X-Auto-Response-Suppress")),
        ("X-Auto-Response-Suppress: DR, OOF, AutoReply", .autoResponder("X-Auto-Response-Suppress")),
        ("Subject: Out of Office: Re: Your match", .vacationSubject("Out of Office: Re: Your match")),
        ("Subject: Automatic reply: Welcome", .vacationSubject("Automatic reply: Welcome")),
        ("Subject: AUTO: Jane is out of the office", .vacationSubject("AUTO: Jane is out of the office")),
        ("Subject: Abwesenheitsnotiz: Anmeldung", .vacationSubject("Abwesenheitsnotiz: Anmeldung")),
        ("Subject: Out of Office AutoReply: Schedule", .vacationSubject("Out of Office AutoReply: Schedule")),
        ("Subject: =?utf-8?q?R=C3=A9ponse_automatique=C2=A0:_Inscription?=", .vacationSubject("Réponse automatique\u{A0}: Inscription")),
    ])
    func detects(header: String, reason: AutomaticReason) {
        #expect(message(header).automatic == reason)
    }

    @Test func mailerDaemonBounce() {
        let raw = """
        From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>
        To: program@mentors.example.org
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="rpt"

        --rpt
        Content-Type: text/plain

        This is the mail system at host mx.example.org. I'm sorry to have to inform you...
        --rpt
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org
        Final-Recipient: rfc822; gone@example.org
        Action: failed
        Status: 5.1.1
        --rpt--
        """
        let message = Message(raw)
        #expect(message.automatic == .bounce("sent by mailer-daemon"))
        #expect(message.automatic?.description == "delivery failure report (sent by mailer-daemon)")
        #expect(message.textBody?.hasPrefix("This is the mail system") == true)
        let fromElsewhere = Message(raw.replacingOccurrences(of: "MAILER-DAEMON@mx.example.org", with: "bounces@mx.example.org"))
        #expect(fromElsewhere.automatic == .bounce("multipart/report"))
        #expect(Message("From: postmaster@example.org\n\nx").automatic == .bounce("sent by postmaster"))
    }
}
