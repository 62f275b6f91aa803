import Foundation
import Mail

/// RSVPs the way calendars send them, for an invitation with `uid`: Google Calendar (a
/// multipart/mixed with text, HTML and a METHOD:REPLY calendar part), Outlook (a bare
/// text/calendar body, the method only on its Content-Type) and Apple Calendar (text and a
/// calendar attachment).
enum CalendarReplies {
    enum Client: CaseIterable { case google, outlook, apple }

    /// `attendee`: whom the answer is for, when not the sender; `inReplyTo`: the Message-ID of our mail it answers.
    static func reply(_ client: Client, uid: String, from address: String, name: String, to program: String,
                      partstat: String, sequence: Int = 0, attendee: String? = nil, inReplyTo: String? = nil) -> String {
        let id = "\(UUID().uuidString)@\(address.split(separator: "@").last ?? "example.org")"
        let word = ["ACCEPTED": "Accepted", "DECLINED": "Declined", "TENTATIVE": "Tentative"][partstat] ?? partstat
        var calendar = """
            BEGIN:VCALENDAR
            PRODID:\(client == .google ? "-//Google Inc//Google Calendar 70.9054//EN" : client == .outlook ? "Microsoft Exchange Server 2010" : "-//Apple Inc.//macOS 15.1//EN")
            VERSION:2.0
            CALSCALE:GREGORIAN
            \(client == .outlook ? "" : "METHOD:REPLY\n")BEGIN:VEVENT
            DTSTART:20261125T083000Z
            DTEND:20261125T100000Z
            DTSTAMP:20261104T101500Z
            ORGANIZER;CN=Test Mentoring:mailto:\(program)
            UID:\(uid)
            ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=\(partstat);CN=\(name);X-NUM-GUESTS=0:mailto:\(attendee ?? address)
            SEQUENCE:\(sequence)
            STATUS:CONFIRMED
            SUMMARY:Speed Mentoring
            END:VEVENT
            END:VCALENDAR
            """
        calendar = calendar.replacingOccurrences(of: "\n\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let head = """
            From: \(name) <\(address)>
            To: \(program)
            Subject: \(word): Speed Mentoring
            Date: Wed, 04 Nov 2026 10:15:00 +0000
            Message-ID: <\(id)>
            \(inReplyTo.map { "In-Reply-To: <\($0)>\nReferences: <\($0)>\n" } ?? "")MIME-Version: 1.0

            """
        switch client {
        case .google:
            return head.replacingOccurrences(of: "MIME-Version: 1.0\n", with: "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"g1\"\n") + """

                --g1
                Content-Type: multipart/alternative; boundary="g2"

                --g2
                Content-Type: text/plain; charset="UTF-8"

                \(name) has \(word.lowercased()) this invitation.

                --g2
                Content-Type: text/html; charset="UTF-8"

                <p>\(name) has \(word.lowercased()) this invitation.</p>

                --g2
                Content-Type: text/calendar; charset="UTF-8"; method=REPLY
                Content-Transfer-Encoding: 7bit

                \(calendar)
                --g2--

                --g1
                Content-Type: application/ics; name="invite.ics"
                Content-Disposition: attachment; filename="invite.ics"
                Content-Transfer-Encoding: 7bit

                \(calendar)
                --g1--

                """
        case .outlook:
            return head.replacingOccurrences(of: "MIME-Version: 1.0\n", with: "MIME-Version: 1.0\nContent-Type: text/calendar; method=REPLY; charset=\"utf-8\"\nContent-Class: urn:content-classes:calendarmessage\n")
                + "\n" + calendar
        case .apple:
            return head.replacingOccurrences(of: "MIME-Version: 1.0\n", with: "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"Apple-Mail=_A1\"\n") + """

                --Apple-Mail=_A1
                Content-Transfer-Encoding: 7bit
                Content-Type: text/plain; charset=us-ascii

                \(name) has \(word.lowercased()) your event.

                --Apple-Mail=_A1
                Content-Disposition: attachment; filename=iCal-20261104-101500.ics
                Content-Type: text/calendar; charset=utf-8; method=REPLY; name=iCal-20261104-101500.ics
                Content-Transfer-Encoding: 7bit

                \(calendar)
                --Apple-Mail=_A1--

                """
        }
    }

    /// The invitation's question, quoted below a reply in words.
    static let invitationQuote = "> Will you come? Reply yes, no or maybe."

    /// A reply in words under `message`: its Subject and Message-ID.
    static func words(_ text: String, from address: String, name: String, to program: String, under message: Message,
                      quoted: String = invitationQuote) -> String {
        words(text, from: address, name: name, to: program, subject: message.subject ?? "", invitationID: message.messageID ?? "", quoted: quoted)
    }

    /// A reply in words under `invitationID`, with the invitation quoted below.
    static func words(_ text: String, from address: String, name: String, to program: String, subject: String,
                      invitationID: String, quoted: String = invitationQuote) -> String {
        """
        From: \(name) <\(address)>
        To: \(program)
        Subject: Re: \(subject)
        Date: Wed, 04 Nov 2026 11:00:00 +0000
        Message-ID: <\(UUID().uuidString)@example.net>
        In-Reply-To: <\(invitationID)>
        References: <\(invitationID)>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        \(text)

        On Tue, 3 Nov 2026 at 10:00, Test Mentoring <\(program)> wrote:
        \(quoted)

        """
    }
}
