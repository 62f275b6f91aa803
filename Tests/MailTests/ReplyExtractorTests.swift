import Testing
@testable import Mail

/// Reply shapes as real clients send them (plain-text parts), after the shapes collected
/// by github/email_reply_parser and mailgun/talon.
@Suite struct ReplyExtractorTests {
    // MARK: - Clients

    @Test func gmailTopPost() {
        let text = """
        Sounds good, see you Tuesday!

        Jane

        On Mon, Jan 15, 2024 at 10:03 AM MentorMail Program <program@mentormail.example> wrote:

        > Hi Jane,
        >
        > Your mentor is Bob. Reply to confirm.
        >
        > Thanks,
        > The MentorMail team
        """
        #expect(ReplyExtractor.newText(text) == "Sounds good, see you Tuesday!\n\nJane")
    }

    @Test func gmailWrappedAttribution() {
        let text = """
        Yes, I'm in.

        On Mon, Jan 15, 2024 at 10:03 AM Coordinator of the Mentoring Programme <
        coordinator@mentormail.example> wrote:

        > Will you join the kickoff?
        """
        #expect(ReplyExtractor.newText(text) == "Yes, I'm in.")
    }

    @Test func gmailAttributionWrappedBeforeWrote() {
        let text = """
        Yes.

        On Fri, May 6, 2011 at 6:03 PM, Roman Tkachenko from Hacker News <roman@example.com>
        wrote:

        > Test.
        """
        #expect(ReplyExtractor.newText(text) == "Yes.")
    }

    @Test func attributionWrappedOverThreeLines() {
        let text = """
        Test reply

        On Nov 30, 2011, at 12:47 PM, Somebody <
        416ffd3258d4d2fa4c85cfa4c44e1721d66e3e8f4@somebody.example.com>
        wrote:

        > Test message
        """
        #expect(ReplyExtractor.newText(text) == "Test reply")
    }

    @Test func outlookDesktopHeaderBlock() {
        let text = """
        Hi, Tuesday 6pm works for me.

        Best regards,
        Anna

        From: MentorMail Program <program@mentormail.example>
        Sent: Monday, January 15, 2024 10:03 AM
        To: Anna Müller <anna@example.com>
        Subject: Your mentoring match

        Hi Anna,
        Your mentor is Bob.
        """
        #expect(ReplyExtractor.newText(text) == "Hi, Tuesday 6pm works for me.\n\nBest regards,\nAnna")
    }

    @Test func outlookWebWithUnderscoreRule() {
        let text = """
        Confirmed.

        Get Outlook for iOS<https://aka.ms/o0ukef>
        ________________________________
        From: MentorMail Program <program@mentormail.example>
        Sent: Monday, January 15, 2024 10:03:11 AM
        To: anna@example.com <anna@example.com>
        Subject: Your mentoring match

        Hi Anna,
        """
        #expect(ReplyExtractor.newText(text) == "Confirmed.")
    }

    @Test func outlookWrappedFromLineAndOnBehalfOf() {
        let text = """
        Thanks!

        From: Foo [mailto:
        foo@bar.com] On Behalf Of baz@bar.com
        Sent: Monday, January 01, 2000 12:00 AM
        To: john@bar.com
        Subject: Conversation

        Hello! How are you?
        """
        #expect(ReplyExtractor.newText(text) == "Thanks!")
    }

    @Test func outlookBoldHeaderBlock() {
        let text = """
        Hi

          *From:* bob@example.com [mailto:
          bob@example.com]
          *Sent:* Wednesday, June 27, 2012 3:05 PM
          *To:* travis@example.com
          *Subject:* Hello

        """
        #expect(ReplyExtractor.newText(text) == "Hi")
    }

    @Test func outlookOriginalMessageSeparator() {
        let text = """
        See below.

        -----Original Message-----
        From: bob@example.com
        Sent: Tuesday
        Hello
        """
        #expect(ReplyExtractor.newText(text) == "See below.")
    }

    @Test func localizedOutlookHeaderBlocks() {
        let german = "Passt!\n\nVon: Programm <p@example.org>\nGesendet: Dienstag, 25. November 2014 14:59\nAn: Anna\nBetreff: Termin\n\nAlt"
        #expect(ReplyExtractor.newText(german) == "Passt!")
        let french = "Lorem ipsum\n\nDe : Brendan xxx [mailto:brendan@example.com]\nEnvoyé : vendredi 23 janvier 2015 16:39\nÀ : Camille\nObjet : Follow Up\n\nBlah"
        #expect(ReplyExtractor.newText(french) == "Lorem ipsum")
        let spanish = "Perfecto.\n\nDe: Programa <p@example.org>\nEnviado: lunes, 15 de enero de 2024 10:03\nPara: Ana <ana@example.org>\nAsunto: Tu mentora\n\nHola"
        #expect(ReplyExtractor.newText(spanish) == "Perfecto.")
        let swedish = "Allo!\nFrån: Anno Sportel [mailto:anno@example.com]\nSkickat: den 26 augusti 2015 14:45\nTill: Leiff\nÄmne: RE: Week 36\n\nBlah"
        #expect(ReplyExtractor.newText(swedish) == "Allo!")
    }

    @Test func germanOriginalMessageSeparator() {
        let text = "Danke.\n\n-----Ursprüngliche Nachricht-----\nVon: x@example.org\nText"
        #expect(ReplyExtractor.newText(text) == "Danke.")
    }

    @Test func appleMailReply() {
        let text = """
        Works for me.

        Bob

        > On 15. Jan 2024, at 10:03, MentorMail Program <program@mentormail.example> wrote:
        >
        > Hi Bob,
        > please confirm.
        """
        #expect(ReplyExtractor.newText(text) == "Works for me.\n\nBob")
    }

    @Test func appleMailUnquotedAttribution() {
        let text = """
        comment6


        On Oct 6, 2015, at 9:36 PM, Mike User <mike@example.com<mailto:mike@example.com>> wrote:

        In Room <more >
        """
        #expect(ReplyExtractor.newText(text) == "comment6")
    }

    @Test func iPhoneReply() {
        let text = """
        Yes!

        Sent from my iPhone

        > On Jan 15, 2024, at 10:03 AM, MentorMail Program <program@mentormail.example> wrote:
        >
        > \u{FEFF}Hi, are you coming?
        """
        #expect(ReplyExtractor.newText(text) == "Yes!")
    }

    @Test func thunderbirdReply() {
        let text = """
        Hi,

        I'll be there.

        On 1/15/24 10:03, MentorMail Program wrote:
        > Hi,
        > are you coming?
        >
        > -- 
        > MentorMail
        """
        #expect(ReplyExtractor.newText(text) == "Hi,\n\nI'll be there.")
    }

    @Test func yahooReplyWithoutQuoteMarkers() {
        let text = """
        Here's a reply

            On Tuesday, February 10, 2015 4:25 PM, TestAccount <test@example.com> wrote:


         And here's the parent
        """
        #expect(ReplyExtractor.newText(text) == "Here's a reply")
    }

    @Test func yahooDashedAttribution() {
        let text = "reply\n\n--- On Wed, 4/4/12, Bob <bob@example.com> wrote:\n\nFrom: Bob\nOld text"
        #expect(ReplyExtractor.newText(text) == "reply")
    }

    @Test func forwardedMessagesAreKeptForUsToRead() {
        let apple = "FYI, see below.\n\nBegin forwarded message:\n\nFrom: Bob <bob@example.com>\nSubject: Hi\n\nOld"
        #expect(ReplyExtractor.newText(apple) == apple)
        let gmail = "FYI\n\n---------- Forwarded message ---------\nFrom: bob@example.com\nDate: Tue, Sep 4, 2012 at 1:35 PM\n\nText"
        #expect(ReplyExtractor.newText(gmail) == gmail)
    }

    // MARK: - Languages

    @Test(arguments: [
        "Am Mo., 15. Jan. 2024 um 10:03 Uhr schrieb MentorMail <program@mentormail.example>:",
        "Am 15.01.2024 um 10:03 schrieb MentorMail <program@mentormail.example>:",
        "Le lun. 15 janv. 2024 à 10:03, MentorMail <program@mentormail.example> a écrit :",
        "Le 15/01/2024 à 10:03, MentorMail a\u{00A0}écrit\u{00A0}:",
        "El lun, 15 ene 2024 a las 10:03, MentorMail (<program@mentormail.example>) escribió:",
        "Il giorno lun 15 gen 2024 alle ore 10:03 MentorMail <program@mentormail.example> ha scritto:",
        "Op ma 15 jan 2024 om 10:03 schreef MentorMail <program@mentormail.example>:",
        "Op 17-feb.-2015, om 13:18 heeft Julius Caesar <pantheon@rome.example> het volgende geschreven:",
        "Em seg., 15 de jan. de 2024 às 10:03, MentorMail <program@mentormail.example> escreveu:",
        "Den mån 15 jan. 2024 kl 10:03 skrev MentorMail <program@mentormail.example>:",
        "Den 15. jan. 2024 kl. 10.03 skrev MentorMail <program@mentormail.example>:",
        "15. marts 2017 kl. 11.00 skrev John Doe <john@example.com>:",
        "man. 15. jan. 2024 kl. 10:03 skrev MentorMail <program@mentormail.example>:",
        "W dniu 15.01.2024 o 10:03, MentorMail pisze:",
        "pon., 15 sty 2024 o 10:03 MentorMail <program@mentormail.example> napisał(a):",
        "15.01.2024 10:03, MentorMail пишет:",
        "15 янв. 2024 г., в 10:03, MentorMail <program@mentormail.example> написал(а):",
        "пн, 15 янв. 2024 г. в 10:03, MentorMail <program@mentormail.example>:",
        "2024年1月15日(月) 10:03 MentorMail <program@mentormail.example>:",
        "2024/01/15 10:03、MentorMail <program@mentormail.example>のメッセージ:",
        "2024/01/15 10:03 MentorMail さんは書きました:",
        "MentorMail <program@mentormail.example> 于2024年1月15日周一 10:03写道：",
        "MentorMail <program@mentormail.example> 於 2024年1月15日 週一 上午10:03寫道：",
        "في الاثنين، 2 مارس 2026، كتب OpenStack Mentoring <program@mentormail.example>:",
        "في الاثنين، 2 مارس 2026 في 9:00 ص، كتب \u{202A}MentorMail\u{202C}\u{200F} <\u{202A}program@mentormail.example\u{202C}\u{200F}>:",
        "\u{202B}في الأحد، ١ مارس ٢٠٢٦ تمت كتابة ما يلي بواسطة MentorMail <program@mentormail.example>:\u{202C}",
        "सोम, 2 मार्च 2026 को 9:00 am बजे MentorMail <program@mentormail.example> ने लिखा:",
        "2026년 3월 2일 (월) 오전 9:00, MentorMail <program@mentormail.example>님이 작성:",
        "2 Mar 2026 Pzt 09:00 tarihinde MentorMail <program@mentormail.example> şunu yazdı:",
        "пн, 2 мар. 2026 г. в 09:00, MentorMail <program@mentormail.example> пишет:",
    ])
    func localizedGmailAttributions(attribution: String) {
        let text = "Danke, passt.\n\n\(attribution)\n\n> Hallo,\n> kommst du?\n"
        #expect(ReplyExtractor.newText(text) == "Danke, passt.")
    }

    @Test func localizedAttributionWithoutQuoteMarkersCutsHistory() {
        let text = "Merci !\n\nLe 15/01/2024 à 10:03, MentorMail <program@mentormail.example> a écrit :\n\nBonjour, venez-vous ?"
        #expect(ReplyExtractor.newText(text) == "Merci !")
        let polish = "Lorem ipsum\n\nW dniu 28 stycznia 2015 01:53 użytkownik Zoe <zoe@example.com>\nnapisał:\n\n> Blah!"
        #expect(ReplyExtractor.newText(polish) == "Lorem ipsum")
    }

    @Test func weakAttributionWithoutQuoteIsKept() {
        // The date-first form without a following quote is not enough to cut.
        let text = "Write to me on 2024-01-15 at <anna@example.com>:\nI will answer."
        #expect(ReplyExtractor.newText(text) == text)
    }

    // MARK: - Interleaved replies and signatures

    @Test func interleavedReplyKeepsTextBetweenQuotes() {
        let text = """
        Hi Bob,

        On Mon, Jan 15, 2024 at 10:03 AM Bob <bob@example.com> wrote:
        > Can you make Tuesday?

        Yes, Tuesday works.

        > And will you bring the form?
        >> nested quote

        Will do.

        --\u{20}
        Jane Doe
        Mentee, cohort 2024
        """
        #expect(ReplyExtractor.newText(text) == "Hi Bob,\n\nYes, Tuesday works.\n\nWill do.")
    }

    @Test func bottomPostAfterQuote() {
        let text = """
        On 04/19/2011 07:10 AM, Roman Tkachenko wrote:

        >
        > Test
        Test reply
        """
        #expect(ReplyExtractor.newText(text) == "Test reply")
    }

    @Test func quotedLinesWithLeadingSpacesAndDepth() {
        let text = "Answer\n  > quoted with spaces\n>>> deep\n> > spaced deep\n\tmore answer"
        #expect(ReplyExtractor.newText(text) == "Answer\n\tmore answer")
    }

    @Test func signatureSeparatorVariants() {
        #expect(ReplyExtractor.newText("Hello\n\n-- \nRick\nGalactic President") == "Hello")
        #expect(ReplyExtractor.newText("Hello\n--\nRick") == "Hello")
        // Not a separator: text after the dashes, or a dash rule of another length.
        #expect(ReplyExtractor.newText("Hello\n-- Rick") == "Hello\n-- Rick")
        #expect(ReplyExtractor.newText("Hello\n---\nmore") == "Hello\n---\nmore")
    }

    @Test(arguments: [
        "Sent from my iPhone", "Sent from my iPad", "Sent from my Galaxy", "Get Outlook for iOS",
        "Get Outlook for Android<https://aka.ms/AAb9ysg>", "Sent from Mail for Windows",
        "Sent from Mail<https://go.microsoft.com/fwlink/?LinkId=550123> for Windows 10",
        "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Enviado desde mi iPhone",
        "Sent from Yahoo Mail on Android",
    ])
    func mobileSignaturesAtTheEnd(signature: String) {
        #expect(ReplyExtractor.newText("Count me in.\n\n\(signature)\n") == "Count me in.")
    }

    @Test func mobileSignatureMidTextIsKept() {
        let text = "Sent from my iPhone is what it says.\nBut I mean it."
        #expect(ReplyExtractor.newText(text) == text)
    }

    @Test func outlookMailForWindowsWithHeaderBlock() {
        let text = """
        Outlook message reply test

        Sent from Mail<https://go.microsoft.com/fwlink/?LinkId=550123> for Windows 10

        From: Support<mailto:support@test.example>
        Sent: 10 July 2020 09:46
        Subject: Support - test ticket no. 3


        Alan Smith has created the support ticket.
        """
        #expect(ReplyExtractor.newText(text) == "Outlook message reply test")
    }

    // MARK: - Things that must be kept

    @Test func wroteMidSentenceIsKept() {
        let text = "I wrote: the plan is fine, and on 3 May Bob wrote that it works.\nOn Monday I wrote:\nsee above."
        #expect(ReplyExtractor.newText(text) == text)
    }

    @Test func singleFromLineIsKept() {
        let text = "From: Anna Müller, mentee in cohort 3\nI would like to change my mentor."
        #expect(ReplyExtractor.newText(text) == text)
    }

    @Test func ownFromAndDateLinesAreKept() {
        let text = "From: my side, all good.\nDate: we meet again on Thursday.\n\nMaria"
        #expect(ReplyExtractor.newText(text) == text)
    }

    @Test func outlookHeaderBlockWithoutRuleOpensTheOriginal() {
        #expect(ReplyExtractor.opensHeaderBlock(["From: OpenStack Mentoring <program@example.org>",
                                                 "Sent: Monday, March 1, 2027 10:00 AM", "To: Maria <maria@example.net>",
                                                 "Subject: RE: How is your mentoring going?"]))
        #expect(ReplyExtractor.opensHeaderBlock(["De: OpenStack Mentoring <program@example.org>", "Enviado: lunes, 1 de marzo de 2027 10:00",
                                                 "Para: Maria <maria@example.net>", "Asunto: RE: ¿Qué tal va tu mentoría?"]))
        #expect(ReplyExtractor.opensHeaderBlock(["Von: OpenStack Mentoring <program@example.org>", "Date: Montag, 1. März 2027 10:00",
                                                 "Betreff: AW: Wie läuft deine Mentoring?"]))
        #expect(!ReplyExtractor.opensHeaderBlock(["From: my side, all good.", "Date: we meet again on Thursday."]))
        #expect(!ReplyExtractor.opensHeaderBlock(["Thanks!", "From: OpenStack Mentoring <program@example.org>"]))
    }

    @Test func appointmentLinesAreKept() {
        let text = "Invitation for an interview:\n\nDate: Wednesday 3, October 2011\nTime: 7 : 00am\nAddress: 130 Fox St\n\nPlease bring in your ID."
        #expect(ReplyExtractor.newText(text) == text)
    }

    @Test func paragraphStartingWithOnIsKept() {
        let text = "On your remote host you can run:\n\n     telnet 127.0.0.1 52698\n\nThis should connect.\n\nOn 9 Jan 2014, at 2:47, George Plymale wrote:\n\n> I am having an odd issue"
        #expect(ReplyExtractor.newText(text) == "On your remote host you can run:\n\n     telnet 127.0.0.1 52698\n\nThis should connect.")
    }

    @Test func userLineBeforeWrappedAttributionIsKept() {
        let text = "See you at 5pm\nOn Mon, Jan 15, 2024 at 10:03 AM Bob Example <\nbob@example.com> wrote:\n> Hi"
        #expect(ReplyExtractor.newText(text) == "See you at 5pm")
    }

    @Test func shortDashRuleIsNotOutlookRule() {
        let text = "Part one\n__________\nPart two"
        #expect(ReplyExtractor.newText(text) == text)
    }

    // MARK: - Whitespace and line ends

    @Test func onlyQuotedTextGivesEmptyString() {
        #expect(ReplyExtractor.newText("> just\n> quoted\n>\n") == "")
        #expect(ReplyExtractor.newText("On Mon, Jan 15, 2024 at 10:03 AM Bob <bob@example.com> wrote:\n> hi") == "")
        #expect(ReplyExtractor.newText("") == "")
        #expect(ReplyExtractor.newText("\n\n  \n") == "")
    }

    @Test func crlfAndCRInput() {
        let text = "\r\n\r\nHello\r\n\r\nSecond paragraph\r\n\r\nOn Mon, Jan 15, 2024 at 10:03 AM Bob <bob@example.com> wrote:\r\n> old\r\n"
        #expect(ReplyExtractor.newText(text) == "Hello\n\nSecond paragraph")
        #expect(ReplyExtractor.newText("One\rTwo\r> old") == "One\nTwo")
    }

    @Test func internalBlankLinesPreservedAndEndsTrimmed() {
        let text = "\n\n  \nFirst\n\n\nSecond\n   \nThird\n\n\n"
        #expect(ReplyExtractor.newText(text) == "First\n\n\nSecond\n\nThird")
    }

    // MARK: - HTML pre-pass

    @Test func htmlGmailQuoteRemoved() {
        let html = """
        <div dir="ltr"><div>Hi. I am fine.</div><div><br></div><div>Thanks,</div><div>Alex</div></div>\
        <br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Thu, Jun 26, 2014 \
        at 2:14 PM, Alexander L &lt;<a href="mailto:a@example.com">a@example.com</a>&gt; wrote:<br></div>\
        <blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">\
        <div dir="ltr"><div>Hello! How are you?</div></div></blockquote></div><div>PS after</div>
        """
        let stripped = ReplyExtractor.stripQuotedHTML(html)
        #expect(stripped.contains("Hi. I am fine."))
        #expect(!stripped.contains("Hello! How are you?"))
        #expect(!stripped.contains("wrote:"))
        #expect(stripped.contains("<div>PS after</div>"))
    }

    @Test func htmlAppleMailBlockquoteRemovedAndInterleavedTextKept() {
        let html = """
        <html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>\
        <body dir="auto"><div>Works for me.</div><div><br><blockquote type="cite"><div>On Jan 15, 2024, \
        at 10:03, Bob &lt;bob@example.com&gt; wrote:</div><br class="Apple-interchange-newline">\
        <div>Can you make Tuesday?</div></blockquote></div><div>Yes, Tuesday.</div>\
        <blockquote type="CITE"><div>Bring the form?<blockquote type="cite">older</blockquote></div></blockquote>\
        <div>Will do.</div></body></html>
        """
        let stripped = ReplyExtractor.stripQuotedHTML(html)
        #expect(stripped.contains("Works for me."))
        #expect(stripped.contains("Yes, Tuesday."))
        #expect(stripped.contains("Will do."))
        #expect(!stripped.contains("Can you make Tuesday?"))
        #expect(!stripped.contains("Bring the form?"))
        #expect(!stripped.contains("older"))
    }

    @Test func htmlThunderbirdCitePrefixAndBlockquote() {
        let html = """
        <html>
          <body bgcolor="#FFFFFF" text="#000000">
            Hi. I am fine.<br>
            <div class="moz-cite-prefix">On 26.06.2014 14:41, Alexander L
              wrote:<br>
            </div>
            <blockquote
        cite="mid:CA+jEWTKBU6qc4OnH5m=-0sfwkAzZhcy0rd+ean2W6bFUVXaO7A@mail.gmail.com"
              type="cite">
              <div dir="ltr">Hello! How are you?</div>
            </blockquote>
            <br>
          </body>
        </html>
        """
        let stripped = ReplyExtractor.stripQuotedHTML(html)
        #expect(stripped.contains("Hi. I am fine."))
        #expect(!stripped.contains("Alexander L"))
        #expect(!stripped.contains("Hello! How are you?"))
        #expect(stripped.contains("</body>"))
    }

    @Test func htmlOutlookWebCutsFromRule() {
        let html = """
        <div dir="ltr">Confirmed, see you then.</div><div id="appendonsend"></div>
        <hr style="display:inline-block;width:98%" tabindex="-1">
        <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif"><b>From:</b> MentorMail \
        &lt;program@mentormail.example&gt;<br><b>Sent:</b> Monday, January 15, 2024 10:03 AM</font></div>
        <div>Old message</div>
        """
        let stripped = ReplyExtractor.stripQuotedHTML(html)
        #expect(stripped.contains("Confirmed, see you then."))
        #expect(!stripped.contains("<hr"))
        #expect(!stripped.contains("From:"))
        #expect(!stripped.contains("Old message"))
    }

    @Test func htmlOutlookForMacSourceSection() {
        let html = "<div>Reply</div><span id=\"OLK_SRC_BODY_SECTION\"><div>From: Bob</div></span><div>old</div>"
        #expect(ReplyExtractor.stripQuotedHTML(html) == "<div>Reply</div>")
    }

    @Test func htmlOutlookDesktopHeaderBlockCut() {
        let html = """
        <html><head><style><!--
        p.MsoNormal {margin:0cm;} /* a <div class="gmail_quote"> in CSS is not markup */
        --></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]-->
        </head><body lang="DE"><div class="WordSection1"><p class="MsoNormal">Passt, danke!<o:p></o:p></p>
        <div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
        <p class="MsoNormal"><b>Von:</b> MentorMail &lt;program@mentormail.example&gt;<br>
        <b>Gesendet:</b> Montag, 15. Januar 2024 10:03</p></div></div>
        <p class="MsoNormal">Alte Nachricht</p></div></body></html>
        """
        let stripped = ReplyExtractor.stripQuotedHTML(html)
        #expect(stripped.contains("Passt, danke!"))
        #expect(stripped.contains("a <div class=\"gmail_quote\"> in CSS"))
        #expect(!stripped.contains("Gesendet"))
        #expect(!stripped.contains("Alte Nachricht"))
    }

    @Test func htmlYahooQuotedWithUnquotedAttributes() {
        let html = """
        <div style="font-family:Helvetica Neue,Helvetica,Arial,sans-serif;font-size:16px"class=ydp8a2f2dc5yahoo-style-wrap>\
        <div>Hi. I am fine.</div></div><div class=yahoo_quoted id=yahoo_quoted_0033794750><div style="font-size:13px">\
        <div>On Tuesday, June 4, 2019, 5:41:43 PM PDT, John Smith &lt;jsmith@example.com> wrote:</div>\
        <div><div id=yiv3423441790><div dir=ltr>Hello! How are you?</div></div></div></div></div>
        """
        let stripped = ReplyExtractor.stripQuotedHTML(html)
        #expect(stripped.contains("Hi. I am fine."))
        #expect(!stripped.contains("Hello! How are you?"))
    }

    @Test func htmlQuoteWrappingEverythingIsKept() {
        let html = "<div class=\"gmail_quote\"><div>Thank you for applying.</div></div>"
        #expect(ReplyExtractor.stripQuotedHTML(html) == html)
        let plain = "<p>No quotes here &amp; <b>nothing</b> to strip</p>"
        #expect(ReplyExtractor.stripQuotedHTML(plain) == plain)
        #expect(ReplyExtractor.stripQuotedHTML("") == "")
    }

    @Test func htmlMalformedInputDoesNotCrash() {
        let inputs = [
            "<", "<<<", "a < b > c", "<div class=\"gmail_quote", "<blockquote type=cite>unclosed",
            "Reply<!-- never closed <blockquote type=cite>", "<div class='gmail_quote'>x</div", "</div></div>",
            "<style>never closed", "Reply<blockquote type=cite/>after", "<div id=divRplyFwdMsg",
            "<\u{0}\u{FFFF}>\u{1F600}<div class=\"gmail_quote\">é</div>",
        ]
        for input in inputs {
            _ = ReplyExtractor.stripQuotedHTML(input)
        }
        #expect(ReplyExtractor.stripQuotedHTML("Reply<blockquote type=\"cite\"/>after") == "Replyafter")
    }

    // MARK: - Linear time

    /// Inputs whose handling would take minutes if any rule were quadratic; the test
    /// runner's time limit is the guard, there is no timed assertion.
    @Test func pathologicalInputsFinish() {
        let onOn = String(repeating: "On On On On On On On On On On On On wrote\n", count: 200_000)
        #expect(ReplyExtractor.newText(onOn).hasPrefix("On On"))

        let angles = String(repeating: ">", count: 5_000_000)
        #expect(ReplyExtractor.newText("Reply\n" + angles) == "Reply")

        let longLine = String(repeating: "On 1 Jan 2024 Bob <b@x> wrote: ", count: 100_000)
        #expect(!ReplyExtractor.newText("Hi\n" + longLine + "\n> q").isEmpty)

        let wroteFragments = String(repeating: "On 2024 <a@b>\nwrote\nOn\n", count: 100_000)
        _ = ReplyExtractor.newText(wroteFragments)

        let headers = String(repeating: "From: a\nTo: b\n", count: 100_000)
        #expect(ReplyExtractor.newText(headers).hasPrefix("From: a"))

        let tags = String(repeating: "<div class=gmail_quote><a <b title='", count: 200_000)
        _ = ReplyExtractor.stripQuotedHTML("Reply" + tags)
        let nested = String(repeating: "<blockquote type=cite>", count: 200_000) + "x" + String(repeating: "</blockquote>", count: 200_000)
        #expect(ReplyExtractor.stripQuotedHTML("Reply" + nested) == "Reply")
        let comments = String(repeating: "<!-- a <div class=gmail_quote> -->", count: 200_000)
        #expect(ReplyExtractor.stripQuotedHTML(comments) == comments)

        let embedded = String(repeating: "Thanks. On Tue, Nov 3, 2026 at 5:05 PM Bob On On On On <\nbob@example.com> On wrote:\n", count: 20_000)
        #expect(ReplyExtractor.newText(embedded).hasPrefix("Thanks."))
        let forwards = String(repeating: "-- \n---------- Forwarded message ---------\n", count: 100_000)
        #expect(ReplyExtractor.newText("Hi\n" + forwards).hasPrefix("Hi\n\n---------- Forwarded message"))
        let signatureLike = String(repeating: "Anna Kowalska\n+48 22 555 01 23\nBest regards,\n", count: 100_000)
        #expect(ReplyExtractor.newText(signatureLike).hasPrefix("Anna Kowalska"))
        let forwardQuotes = String(repeating: "<div class=gmail_quote>---------- Forwarded message ---------", count: 100_000)
        #expect(ReplyExtractor.stripQuotedHTML("Reply" + forwardQuotes) == "Reply" + forwardQuotes)

        let spaces = String(repeating: " ", count: 2_000_000) + "x" + String(repeating: "\u{00A0}", count: 1_000_000)
        let indented = ReplyExtractor.newText(spaces)
        #expect(indented.utf8.count == 2_000_001)
        #expect(indented.last == "x")
    }
}

/// Inputs the fuzzer found: each once crashed.
@Suite struct ReplyExtractorFuzzFindings {
    @Test func anUnclosedRuleBeforeOutlooksReplyBlockDoesNotTrap() {
        #expect(ReplyExtractor.stripQuotedHTML("x<hr <div id=divRplyFwdMsg>") == "x")
        let message = Message(bytes: Array("Content-Type: text/html\r\n\r\nx<hr <div id=divRplyFwdMsg>".utf8))
        #expect(message.textBody != nil)
    }
}

/// Shapes the extractor used to read wrong: text kept as if the person wrote it, or the
/// person's text dropped.
@Suite struct ReplyExtractorShapeTests {
    // MARK: - Kept, but not written by the person

    @Test func mailmanTwoFooterIsDropped() {
        let text = """
        Count me in for the Thursday session.

        Ana
        _______________________________________________
        Mentoring mailing list
        mentoring@lists.example.org
        http://lists.example.org/cgi-bin/mailman/listinfo/mentoring
        """
        #expect(ReplyExtractor.newText(text) == "Count me in for the Thursday session.\n\nAna")
    }

    @Test func mailmanThreeFooterIsDropped() {
        let text = """
        +1, the docs sprint is a great first task.

        _______________________________________________
        Community mailing list -- community@lists.example.org
        To unsubscribe send an email to community-leave@lists.example.org
        """
        #expect(ReplyExtractor.newText(text) == "+1, the docs sprint is a great first task.")
    }

    @Test func longRuleListFooterBeforeQuoteIsDropped() {
        let text = """
        Thanks, I will join.

        __________________________________________________________________________
        OpenStack Development Mailing List (not for usage questions)
        Unsubscribe: dev-request@lists.example.org?subject:unsubscribe
        http://lists.example.org/cgi-bin/mailman/listinfo/dev

        > old
        """
        #expect(ReplyExtractor.newText(text) == "Thanks, I will join.")
    }

    @Test func signatureWithoutSeparatorIsDropped() {
        let text = """
        Happy to mentor again this round, two mentees at most.

        Best regards,
        Anna Kowalska
        Senior Cloud Engineer | Example Networks
        +48 22 555 01 23
        www.example.com
        """
        #expect(ReplyExtractor.newText(text) == "Happy to mentor again this round, two mentees at most.\n\nBest regards,\nAnna Kowalska")
    }

    @Test func signatureWithTitleAndCompanyLinesIsDropped() {
        let text = """
        Yes, Thursday works.

        Thanks,
        Rahul Mehta
        Principal Engineer
        Example Cloud Ltd.
        Mobile: +91 80 5550 1234
        """
        #expect(ReplyExtractor.newText(text) == "Yes, Thursday works.\n\nThanks,\nRahul Mehta")
    }

    @Test func signatureNameAloneThenPipeLine() {
        let text = "See you at the summit.\n\nLena Fischer\nDeveloper Advocate | Example GmbH | lena@example.com"
        #expect(ReplyExtractor.newText(text) == "See you at the summit.\n\nLena Fischer")
    }

    @Test func pipesInTheReplyAreKept() {
        let text = "My answers:\n5 | yes | good fit | continue"
        #expect(ReplyExtractor.newText(text) == text)
        let table = "Option A | Option B\nThursday | Friday\n\nEither is fine."
        #expect(ReplyExtractor.newText(table) == table)
        let sentence = "Call me on Monday.\nMy number is +44 20 7946 0000, after 18:00."
        #expect(ReplyExtractor.newText(sentence) == sentence)
    }

    @Test func zohoDashedAttributionWithoutColon() {
        let text = """
        Sure, Thursday at 17:00.

        ---- On Tue, 03 Nov 2026 17:05:00 +0100 OpenStack Mentoring <mentoring@example.org> wrote ----

        Hello Wei,
        which slot suits you?
        """
        #expect(ReplyExtractor.newText(text) == "Sure, Thursday at 17:00.")
        let named = "Sure.\n\n---- Anna Nowak wrote ----\n\n> Which slot?"
        #expect(ReplyExtractor.newText(named) == "Sure.")
    }

    @Test func dashFramedAttribution() {
        let text = "Agreed.\n\n-----On Nov 3, 2026, at 17:05, OpenStack Mentoring <mentoring@example.org> wrote-----\n\nWhich slot?"
        #expect(ReplyExtractor.newText(text) == "Agreed.")
    }

    @Test func onDateNameSentAttribution() {
        let text = "Thank you!\n\nOn 03/11/2026 17:05, OpenStack Mentoring <mentoring@example.org> sent:\nWhich slot suits you?"
        #expect(ReplyExtractor.newText(text) == "Thank you!")
        let prose = "On 3 May we sent:\nthe forms."
        #expect(ReplyExtractor.newText(prose) == prose)
    }

    @Test(arguments: [
        "W dniu 3.11.2026 o 17:05, OpenStack Mentoring <mentoring@example.org> napisał:",
        "W dniu wt., 3.11.2026 o 17:05 OpenStack Mentoring <mentoring@example.org> napisał(a):",
        "W dniu 2026-11-03 17:05, OpenStack Mentoring pisze:",
        "W dniu 3 listopada 2026 17:05 użytkownik OpenStack Mentoring <mentoring@example.org> napisał:",
    ])
    func polishAttributionWithoutQuote(attribution: String) {
        let text = "Dziękuję, będę.\n\n\(attribution)\n\nCzy przyjdziesz?"
        #expect(ReplyExtractor.newText(text) == "Dziękuję, będę.")
    }

    @Test func oldGmailDateAndAddressAttribution() {
        let text = "Sounds good.\n\n2011/4/7 Roman Tkachenko <roman@example.com>\n\n> Test.\n> More."
        #expect(ReplyExtractor.newText(text) == "Sounds good.")
        let dashed = "Ok\n\n2026-11-03 17:05 GMT+01:00 OpenStack Mentoring <mentoring@example.org>\n> Which slot?"
        #expect(ReplyExtractor.newText(dashed) == "Ok")
    }

    @Test func wrappedAttributionWithoutQuote() {
        let text = """
        Sounds good.

        On Tue, Nov 3, 2026 at 5:05 PM OpenStack Mentoring <
        mentoring@example.org> wrote:

        Hello Wei, which slot suits you?
        """
        #expect(ReplyExtractor.newText(text) == "Sounds good.")
        let three = "Yes.\n\nOn Tue, Nov 3, 2026 at 5:05 PM\nOpenStack Mentoring <mentoring@example.org>\nwrote:\n\nOld text"
        #expect(ReplyExtractor.newText(three) == "Yes.")
    }

    @Test func attributionOnTheLastLineOfTheReply() {
        let text = "Sounds great, see you there! On Tue, Nov 3, 2026 at 5:05 PM OpenStack Mentoring <mentoring@example.org> wrote:\n> Which slot?"
        #expect(ReplyExtractor.newText(text) == "Sounds great, see you there!")
        let glued = "Count me in.On Tue, Nov 3, 2026 at 5:05 PM OpenStack Mentoring <mentoring@example.org> wrote:\n\nWhich slot?"
        #expect(ReplyExtractor.newText(glued) == "Count me in.")
        let french = "Merci pour le message, à jeudi. Le mar. 3 nov. 2026 à 17:05, OpenStack Mentoring <mentoring@example.org> a écrit :\n> Quel créneau ?"
        #expect(ReplyExtractor.newText(french) == "Merci pour le message, à jeudi.")
        let wrapped = "Great. On Tue, Nov 3, 2026 at 5:05 PM OpenStack Mentoring <\nmentoring@example.org> wrote:\n> Which slot?"
        #expect(ReplyExtractor.newText(wrapped) == "Great.")
    }

    @Test func attributionAfterANameOnTheSameLine() {
        let text = "Thank you,\nDiego On Tue, Nov 3, 2026 at 5:05 PM, OpenStack Mentoring <mentoring@example.org> wrote:\n> Which slot?"
        #expect(ReplyExtractor.newText(text) == "Thank you,\nDiego")
        let surname = "Bob Le Gall <bob@example.org> wrote on 03/11/2026 17:05:29:\n> Which slot?"
        #expect(ReplyExtractor.newText("Fine.\n\n" + surname) == "Fine.", "a name with \"Le\" in it is not an opener")
    }

    @Test func yahooAndroidAttributionRunsIntoTheQuote() {
        let text = "Yes, Cinder.\n\nSent from Yahoo Mail on Android\n\n  On Tue, 3 Nov 2026 at 17:05, OpenStack Mentoring<mentoring@example.org> wrote:   Hello there,\n  Which slot suits you?"
        #expect(ReplyExtractor.newText(text) == "Yes, Cinder.")
        let prose = "On Monday at 10:00 Bob wrote: the forms are ready.\nSee you."
        #expect(ReplyExtractor.newText(prose) == prose)
    }

    @Test func muttAttribution() {
        let text = "Still deciding.\n\n* OpenStack Mentoring <mentoring@example.org> [2026-11-03 17:05]:\n> Which slot?"
        #expect(ReplyExtractor.newText(text) == "Still deciding.")
    }

    @Test func proseWithOnAndWroteIsKept() {
        let text = "Thanks. On Monday Bob wrote: we meet at 10:00 at bob@example.com's office.\nSee you."
        #expect(ReplyExtractor.newText(text) == text)
    }

    @Test func outlookBlockStartingWithDate() {
        let text = """
        Works for me.

        Date: Tuesday, 3 November 2026 at 17:05
        Subject: Speed Mentoring slot
        To: Lena Fischer <lena@example.com>
        From: OpenStack Mentoring <mentoring@example.org>

        Which slot suits you?
        """
        #expect(ReplyExtractor.newText(text) == "Works for me.")
    }

    @Test func portugueseOutlookBlock() {
        let text = """
        Pode contar comigo.

        Enviada em: terça-feira, 3 de novembro de 2026 17:05
        De: OpenStack Mentoring <mentoring@example.org>
        Para: Ana Souza <ana@example.com>
        Assunto: Speed Mentoring

        Olá Ana,
        """
        #expect(ReplyExtractor.newText(text) == "Pode contar comigo.")
        let brazil = "Sim.\n\nDe: OpenStack Mentoring <mentoring@example.org>\nEnviada em: terça-feira, 3 de novembro de 2026 17:05\nPara: Ana\nAssunto: Oi\n\nOlá"
        #expect(ReplyExtractor.newText(brazil) == "Sim.")
    }

    @Test func notesHeaderBlockWithDateFourthLine() {
        let text = "Fine by me.\n\nFrom:\tOpenStack Mentoring <mentoring@example.org>\nTo:\tKenji Sato <kenji@example.com>\nCc:\tcoordinator@example.org\nDate:\t03/11/2026 17:05\nSubject:\tSpeed Mentoring\n\nWhich slot?"
        #expect(ReplyExtractor.newText(text) == "Fine by me.")
    }

    // MARK: - Written by the person, but dropped

    @Test func forwardAfterSignatureIsKept() {
        let text = """
        Please add Marco to the next round.

        --\u{20}
        Dana Whitfield
        Coordinator, OpenStack Mentoring

        ---------- Forwarded message ---------
        From: Marco Bianchi <marco@example.org>
        Date: Thu, 5 Nov 2026 at 17:31
        Subject: Mentoring
        To: Dana Whitfield <coordinator@example.org>

        I would like to join as a mentee.
        """
        #expect(ReplyExtractor.newText(text) == """
        Please add Marco to the next round.

        ---------- Forwarded message ---------
        From: Marco Bianchi <marco@example.org>
        Date: Thu, 5 Nov 2026 at 17:31
        Subject: Mentoring
        To: Dana Whitfield <coordinator@example.org>

        I would like to join as a mentee.
        """)
    }

    @Test func appleForwardWithQuotedBodyIsKeptAndDeviceLineDropped() {
        let text = "See below.\n\nSent from my iPhone\n\nBegin forwarded message:\n\n> From: Bob <bob@example.com>\n> Subject: Hi\n>\n> Old"
        #expect(ReplyExtractor.newText(text) == "See below.\n\nBegin forwarded message:\n\n> From: Bob <bob@example.com>\n> Subject: Hi\n>\n> Old")
    }

    @Test func thunderbirdForwardIsKept() {
        let text = "FYI\n\n-------- Forwarded Message --------\nSubject: \tSpeed Mentoring\nDate: \tTue, 3 Nov 2026 17:05:00 +0100\nFrom: \tBob <bob@example.com>\nTo: \tjan@example.net\n\n\n\nCan you help?"
        #expect(ReplyExtractor.newText(text) == "FYI\n\n-------- Forwarded Message --------\nSubject: \tSpeed Mentoring\nDate: \tTue, 3 Nov 2026 17:05:00 +0100\nFrom: \tBob <bob@example.com>\nTo: \tjan@example.net\n\nCan you help?")
    }

    @Test func forwardInsideHistoryIsNotKept() {
        let text = "Thanks!\n\nFrom: Bob <bob@example.com>\nSent: Tuesday, 3 November 2026 17:05\nTo: Anna\nSubject: FW: slot\n\n---------- Forwarded message ---------\nOld"
        #expect(ReplyExtractor.newText(text) == "Thanks!")
    }

    @Test func htmlForwardsAreNotRemoved() {
        let gmail = """
        <div dir="ltr">Please add Marco.</div><br><div class="gmail_quote gmail_quote_container">\
        <div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: Marco &lt;marco@example.org&gt;\
        <br></div><div dir="ltr">I would like to join.</div></div>
        """
        #expect(ReplyExtractor.stripQuotedHTML(gmail) == gmail)
        let apple = """
        <div>See below.</div><div><br><blockquote type="cite"><div>Begin forwarded message:</div>\
        <br class="Apple-interchange-newline"><div><b>From: </b>Bob</div><div>Old</div></blockquote></div>
        """
        #expect(ReplyExtractor.stripQuotedHTML(apple) == apple)
        let reply = "See below.\n\n> Begin forwarded message:\n>\n> From: Bob\n> Old"
        #expect(ReplyExtractor.newText(reply) == reply, "HTML gives Apple's forward as quoted lines")
        let quotedHistory = "Thanks!\n\n> On 3 Nov 2026, at 17:05, Bob <bob@example.com> wrote:\n> Begin forwarded message:\n> Old"
        #expect(ReplyExtractor.newText(quotedHistory) == "Thanks!")
    }

    @Test func arrowedLinkLineIsText() {
        let text = "Here is the form:\n>>> http://example.org/mentoring/signup <<<\nPlease fill it in.\n\n> quoted"
        #expect(ReplyExtractor.newText(text) == "Here is the form:\n>>> http://example.org/mentoring/signup <<<\nPlease fill it in.")
    }

    @Test func sentFromMyDeskSentenceIsKept() {
        let text = "Yes, I can mentor two people.\n\nSent from my desk, between two meetings, so forgive the brevity."
        #expect(ReplyExtractor.newText(text) == text)
        #expect(ReplyExtractor.newText("Yes.\n\nSent from my Samsung Galaxy smartphone.") == "Yes.")
        #expect(ReplyExtractor.newText("Yes.\n\nSent from my Huawei phone") == "Yes.")
    }
}
