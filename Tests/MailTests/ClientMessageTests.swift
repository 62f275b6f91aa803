import Foundation
import Testing
@testable import Mail

/// Messages shaped like those real clients send.
@Suite struct ClientMessageTests {
    static let gmail = """
    Delivered-To: program@mentors.example.org
    Received: by 2002:a05:6a10:8e0b:b0:4b2:1c8e:7d95 with SMTP id d11csp123456pxe;
            Tue, 5 Mar 2024 02:01:03 -0800 (PST)
    DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601;
            h=to:subject:message-id:date:from:in-reply-to:references:mime-version
             :from:to:cc:subject:date:message-id:reply-to;
            bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
    MIME-Version: 1.0
    References: <20240304.abc@mentors.example.org>
    In-Reply-To: <20240304.abc@mentors.example.org>
    From: Alice Example <alice.example@gmail.com>
    Date: Tue, 5 Mar 2024 11:00:47 +0100
    Message-ID: <CAJ+x7Ok5Ez=QdM0mX2a@mail.gmail.com>
    Subject: Re: Your mentor match =?UTF-8?Q?=E2=80=93_please_confirm?=
    To: Mentoring Program <program@mentors.example.org>
    Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60718"

    --000000000000a1b2c3d4e5f60718
    Content-Type: text/plain; charset="UTF-8"
    Content-Transfer-Encoding: quoted-printable

    Yes, I accept =E2=80=94 looking forward to it!

    On Mon, Mar 4, 2024 at 9:00=E2=80=AFAM Mentoring Program <program@mentors.e=
    xample.org> wrote:
    > Hello Alice,
    >

    --000000000000a1b2c3d4e5f60718
    Content-Type: text/html; charset="UTF-8"
    Content-Transfer-Encoding: quoted-printable

    <div dir=3D"ltr">Yes, I accept =E2=80=94 looking forward to it!</div><br><d=
    iv class=3D"gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr">On Mon, Mar =
    4, 2024 at 9:00=E2=80=AFAM Mentoring Program &lt;<a href=3D"mailto:program@=
    mentors.example.org">program@mentors.example.org</a>&gt; wrote:<br></div><b=
    lockquote class=3D"gmail_quote" style=3D"margin:0px 0px 0px 0.8ex">Hello Al=
    ice,<br></blockquote></div>

    --000000000000a1b2c3d4e5f60718--
    """

    /// Finding: Gmail's Arabic attribution stayed in the reply and so in the About me line.
    @Test func gmailArabicReplyLosesItsAttribution() throws {
        let html = #"<div dir="rtl">Languages: العربية، الإنجليزية<br>About me: مهندسة برمجيات</div><br>"#
            + #"<div class="gmail_quote"><div dir="ltr" class="gmail_attr">في الاثنين، 2 مارس 2026، كتب OpenStack Mentoring "#
            + #"&lt;program@mentors.example.org&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">"#
            + "Hello Layla,<br>Role: (mentor or mentee)<br>Name:<br></blockquote></div>"
        let message = Message("From: x <layla@example.eg>\nSubject: Re: x\nContent-Type: text/html; charset=utf-8\n\n" + html)
        let body = try #require(MailReading.body(of: message))
        #expect(body.reply == "Languages: العربية، الإنجليزية\nAbout me: مهندسة برمجيات", "\(body.reply)")
    }

    @Test func gmailReply() throws {
        let message = Message(Self.gmail)
        #expect(message.subject == "Re: Your mentor match – please confirm")
        #expect(message.from == MailAddress(address: "alice.example@gmail.com", name: "Alice Example"))
        #expect(message.inReplyTo == "20240304.abc@mentors.example.org")
        #expect(message.root.contentType == "multipart/alternative")
        #expect(message.root.children.map(\.contentType) == ["text/plain", "text/html"])
        #expect(message.textBody == """
        Yes, I accept — looking forward to it!

        On Mon, Mar 4, 2024 at 9:00\u{202F}AM Mentoring Program <program@mentors.example.org> wrote:
        > Hello Alice,
        >

        """)
        let html = try #require(message.leafParts.last)
        #expect(HTMLText.text(fromHTML: html.decodedBytes(), charset: html.charset) == """
        Yes, I accept — looking forward to it!

        On Mon, Mar 4, 2024 at 9:00\u{202F}AM Mentoring Program <program@mentors.example.org> wrote:
        > Hello Alice,
        """)
        #expect(message.automatic == nil)
    }

    static let outlook = """
    From: "Müller, Jürgen" <j.mueller@contoso.example>
    To: Mentoring Program <program@mentors.example.org>
    Subject: =?iso-8859-1?Q?AW:_Anmeldung_f=FCr_das_Mentoring?=
    Thread-Topic: Anmeldung
    Date: Tue, 5 Mar 2024 10:00:00 +0000
    Message-ID: <AM0PR07MB1234ABCD@AM0PR07MB1234.eurprd07.prod.outlook.com>
    Accept-Language: de-DE, en-US
    Content-Language: de-DE
    X-MS-Has-Attach: yes
    Content-Type: multipart/mixed;
    \tboundary="_004_AM0PR07MB1234ABCD_"
    MIME-Version: 1.0

    --_004_AM0PR07MB1234ABCD_
    Content-Type: multipart/alternative;
    \tboundary="_000_AM0PR07MB1234ABCD_"

    --_000_AM0PR07MB1234ABCD_
    Content-Type: text/plain; charset="iso-8859-1"
    Content-Transfer-Encoding: quoted-printable

    Hallo,

    anbei mein Lebenslauf. Gr=FC=DFe
    J=FCrgen

    --_000_AM0PR07MB1234ABCD_
    Content-Type: text/html; charset="iso-8859-1"
    Content-Transfer-Encoding: quoted-printable

    <html><head><style>p.MsoNormal {margin:0cm;}</style></head><body>
    <p class=3D"MsoNormal">Hallo,</p><p class=3D"MsoNormal">&nbsp;</p>
    <p class=3D"MsoNormal">anbei mein Lebenslauf. Gr=FC=DFe</p></body></html>

    --_000_AM0PR07MB1234ABCD_--

    --_004_AM0PR07MB1234ABCD_
    Content-Type: application/pdf; name="=?iso-8859-1?Q?Lebenslauf_J=FCrgen.pdf?="
    Content-Description: Lebenslauf.pdf
    Content-Disposition: attachment;
    \tfilename*0*=iso-8859-1''Lebenslauf%20J%FC;
    \tfilename*1*=rgen.pdf; size=12; creation-date="Tue, 05 Mar 2024 09:59:00 GMT"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQKJcfs
    j6IKMSAwIG9iago=

    --_004_AM0PR07MB1234ABCD_--
    """

    @Test func outlookWithAttachment() throws {
        let message = Message(Self.outlook)
        #expect(message.subject == "AW: Anmeldung für das Mentoring")
        #expect(message.from == MailAddress(address: "j.mueller@contoso.example", name: "Müller, Jürgen"))
        #expect(message.textBody == "Hallo,\n\nanbei mein Lebenslauf. Grüße\nJürgen\n")
        #expect(message.leafParts.map(\.contentType) == ["text/plain", "text/html", "application/pdf"])
        let pdf = try #require(message.attachments.first)
        #expect(message.attachments.count == 1)
        #expect(pdf.filename == "Lebenslauf Jürgen.pdf")
        #expect(pdf.parameters["name"] == "Lebenslauf Jürgen.pdf")
        #expect(pdf.dispositionParameters["size"] == "12")
        #expect(pdf.disposition == "attachment")
        #expect(pdf.decodedBytes().starts(with: Array("%PDF-1.4\n".utf8)))
        let html = message.leafParts[1]
        #expect(HTMLText.text(fromHTML: html.decodedBytes(), charset: html.charset) == "Hallo,\n\nanbei mein Lebenslauf. Grüße")
    }

    static let appleMail = """
    From: Carol Apple <carol@icloud.example>
    Content-Type: multipart/alternative;
    \tboundary="Apple-Mail=_5B8D1F0C-3E3A-4B8F-9E5F-0D6A1C2B3E4F"
    Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.400.31\\))
    Subject: Fwd: Schedule
    Date: Tue, 5 Mar 2024 11:00:00 +0100
    Message-Id: <1A2B3C4D-5E6F-7081-92A3-B4C5D6E7F809@icloud.example>
    To: program@mentors.example.org

    --Apple-Mail=_5B8D1F0C-3E3A-4B8F-9E5F-0D6A1C2B3E4F
    Content-Transfer-Encoding: 7bit
    Content-Type: text/plain;
    \tcharset=us-ascii



    --Apple-Mail=_5B8D1F0C-3E3A-4B8F-9E5F-0D6A1C2B3E4F
    Content-Type: multipart/mixed;
    \tboundary="Apple-Mail=_7C9D"

    --Apple-Mail=_7C9D
    Content-Transfer-Encoding: 7bit
    Content-Type: text/html;
    \tcharset=us-ascii

    <html><body><div>See the <b>schedule</b> attached:</div><div><br></div></body></html>
    --Apple-Mail=_7C9D
    Content-Disposition: inline;
    \tfilename=schedule.pdf
    Content-Type: application/pdf;
    \tx-unix-mode=0644;
    \tname="schedule.pdf"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQK
    --Apple-Mail=_7C9D--

    --Apple-Mail=_5B8D1F0C-3E3A-4B8F-9E5F-0D6A1C2B3E4F--
    """

    @Test func appleMailBlankPlainPrefersHTML() throws {
        let message = Message(Self.appleMail)
        #expect(message.textBody == "See the schedule attached:")
        #expect(message.attachments.map(\.filename) == ["schedule.pdf"])
        #expect(message.messageID == "1A2B3C4D-5E6F-7081-92A3-B4C5D6E7F809@icloud.example")
        #expect(message.header("Mime-Version") == "1.0 (Mac OS X Mail 16.0 \\(3774.400.31\\))")
    }

    @Test func thunderbirdFormatFlowed() {
        let raw = """
        From: Dana <dana@example.org>
        Subject: Re: Survey
        Content-Type: text/plain; charset=UTF-8; format=flowed
        Content-Transfer-Encoding: 8bit
        User-Agent: Mozilla Thunderbird

        This is a long paragraph that Thunderbird wrapped at seventy-two\u{20}
        characters with a trailing space marking the soft break.
         From a space-stuffed line.

        On 04.03.24 09:00, Mentoring Program wrote:
        > Please rate your mentor from 1 to 5 and tell us what went well\u{20}
        > this round.
        >> deeper quote

        --\u{20}
        Dana
        """
        #expect(Message(raw).textBody == """
        This is a long paragraph that Thunderbird wrapped at seventy-two characters with a trailing space marking the soft break.
        From a space-stuffed line.

        On 04.03.24 09:00, Mentoring Program wrote:
        > Please rate your mentor from 1 to 5 and tell us what went well this round.
        >> deeper quote

        --\u{20}
        Dana
        """)
        #expect(FlowedText.unflow("soft \nbreak", deleteSpace: true) == "softbreak")
    }
}
