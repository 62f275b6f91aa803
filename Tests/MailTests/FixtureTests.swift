import Foundation
import Testing
import Mail

/// Every message in mailbox-fixtures/ (real-looking mail from real clients, described in its
/// README), read field by field the way the program reads it.
@Suite struct FixtureTests {
    // MARK: - Reading the fixtures

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("mailbox-fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func load(_ name: String) throws -> Message {
        Message(bytes: try bytes(name))
    }

    /// The new text as MentorMail reads it (`MailReading.body(of:)`): quoted HTML is removed
    /// before converting when the best text is HTML, then the plain-text rules apply.
    static func reply(_ message: Message) -> String? {
        guard let part = message.bodyPart else { return nil }
        if part.contentType == "text/html" { return replyThroughHTML(part) }
        return message.textBody.map(ReplyExtractor.newText)
    }

    /// The new text read from an HTML part (even when a text alternative is preferred).
    static func replyThroughHTML(_ part: MIMEPart) -> String {
        let html = Charset.decode(part.decodedBytes(), charset: part.charset)
        return ReplyExtractor.newText(HTMLText.text(fromHTML: ReplyExtractor.stripQuotedHTML(html)))
    }

    /// The RSVP of the first calendar part that holds one.
    static func rsvp(_ message: Message) -> ICalendar.RSVP? {
        for part in message.leafParts where part.contentType == "text/calendar" || part.contentType == "application/ics" {
            var calendar = ICalendar.parse(part.decodedText())
            if calendar.method == nil { calendar.method = part.parameters["method"]?.uppercased() }
            if let rsvp = calendar.rsvp { return rsvp }
        }
        return nil
    }

    /// The kind of automatic mail, without its detail.
    static func kind(_ reason: AutomaticReason?) -> String? {
        switch reason {
        case nil: nil
        case .autoSubmitted?: "autoSubmitted"
        case .bounce?: "bounce"
        case .precedence?: "precedence"
        case .mailingList?: "mailingList"
        case .autoResponder?: "autoResponder"
        case .vacationSubject?: "vacationSubject"
        case .vacationText?: "vacationText"
        }
    }

    static func iso(_ date: Date?) -> String? { date?.formatted(.iso8601) }

    /// The header fields every fixture is checked on.
    func expectHeaders(_ message: Message, subject: String, from: MailAddress, to: [String], messageID: String,
                       inReplyTo: String? = nil, references: [String] = [], date: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(message.subject == subject, sourceLocation: sourceLocation)
        #expect(message.from == from, sourceLocation: sourceLocation)
        #expect(message.to.map(\.address) == to, sourceLocation: sourceLocation)
        #expect(message.messageID == messageID, sourceLocation: sourceLocation)
        #expect(message.inReplyTo == inReplyTo, sourceLocation: sourceLocation)
        #expect(message.references == references, sourceLocation: sourceLocation)
        #expect(Self.iso(message.date) == date, sourceLocation: sourceLocation)
    }

    func expectParts(_ message: Message, _ parts: [(type: String, filename: String?, size: Int)],
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let leaves = message.leafParts
        #expect(leaves.map(\.contentType) == parts.map(\.type), sourceLocation: sourceLocation)
        #expect(leaves.map(\.filename) == parts.map(\.filename), sourceLocation: sourceLocation)
        #expect(leaves.map { $0.decodedBytes().count } == parts.map(\.size), sourceLocation: sourceLocation)
    }

    // MARK: - The folder

    /// Every fixture, with the test that reads it.
    static let tested = [
        "signup-request-plain.eml", "signup-request-gmail-html.eml", "signup-request-outlook.eml", "vacation-autoreply.eml",
        "reply-gmail-html.eml", "reply-outlook-html.eml", "reply-apple-mail.eml", "reply-thunderbird-flowed.eml",
        "reply-iphone.eml", "rsvp-outlook-accepted.eml", "rsvp-google-declined.eml", "calendar-request-thunderbird.eml",
        "export-csv-forward.eml", "bounce-dsn.eml", "list-message.eml", "charset-iso-2022-jp.eml", "charset-koi8-r.eml",
        "charset-gb2312.eml", "charset-windows-1252.eml", "form-reply-plain.eml", "form-reply-gmail-html.eml",
        "form-reply-outlook-quoted.eml", "form-reply-two-errors.eml", "question-apple-mail.eml", "profile-mail-language-apple.eml", "profile-change-sentences-thunderbird.eml", "erasure-request-roundcube.eml", "erasure-confirm-roundcube.eml",
        "reply-all-introduction-thunderbird.eml", "checkin-reply-numbered-thunderbird.eml", "checkin-reply-gmail-html.eml", "checkin-reply-apple-one-line.eml",
        "checkin-reply-outlook-inline.eml", "checkin-reply-outlook-rating-dash.eml", "checkin-correction-thunderbird.eml",
        "form-outlook-word-table.eml", "form-outlook-word-table-alternative.eml",
    ] + replyShapes.map(\.file) + eventCalendarAnswers.map(\.file) + eventWordAnswers.map(\.file)

    /// The demo's Speed Mentoring answers by calendar: the file, who, and the answer.
    static let eventCalendarAnswers: [(file: String, address: String, partstat: ICalendar.PartStat)] = [
        ("rsvp-google-accepted.eml", "jonas.schmidt@example.com", .accepted),
        ("rsvp-google-declined-later.eml", "jonas.schmidt@example.com", .declined),
        ("rsvp-outlook-bare-accepted.eml", "maria.garcia@example.net", .accepted),
        ("rsvp-apple-accepted.eml", "amara.nwosu@example.net", .accepted),
    ]
    /// ... and in words under the invitation: the file and the new text.
    static let eventWordAnswers: [(file: String, reply: String)] = [
        ("rsvp-words-gmail-yes.eml", "Count me in! I have never done speed mentoring, sounds fun 🙂\n\nNes"),
        ("rsvp-words-outlook-spanish.eml", "¡Sí! Allí estaré, muchas gracias por la invitación.\n\nLucía"),
        ("rsvp-words-thunderbird-host.eml", "Happy to host a table. I will bring a few Neutron stickers for the newcomers.\n\nKenji"),
        ("rsvp-words-mutt-no.eml", "Sorry, I can't make it this time: I am travelling that week.\nGood luck with the event!"),
        ("rsvp-words-after-tables-spanish-no.eml", "Lo siento mucho, al final no puedo ir: me ha surgido un viaje de trabajo mañana.\n\nLucía"),
        ("rsvp-words-after-tables-late-yes.eml", "Good news: my meeting moved, so I can come after all! Is there still a seat?\n\nJonas"),
        ("rsvp-words-maybe-iphone.eml", "Not sure I can still make it: my flight lands that afternoon and might be late. I’ll confirm on the day.\n\nNes"),
    ]

    @Test(arguments: eventCalendarAnswers.map(\.file))
    func eventCalendarAnswer(file: String) throws {
        let expected = try #require(Self.eventCalendarAnswers.first { $0.file == file })
        let message = try Self.load(file)
        let rsvp = try #require(MailReading.rsvp(of: message), "\(file) carries an RSVP")
        #expect(rsvp.uid == "speed-mentoring-2027-04-22@example.org")
        #expect(rsvp.address == expected.address)
        #expect(rsvp.partstat == expected.partstat)
        #expect(message.automatic == nil, "an RSVP is read, not ignored")
    }

    @Test(arguments: eventWordAnswers.map(\.file))
    func eventWordAnswer(file: String) throws {
        let expected = try #require(Self.eventWordAnswers.first { $0.file == file })
        let message = try Self.load(file)
        #expect(MailReading.rsvp(of: message) == nil)
        #expect(message.inReplyTo == "invitation-placeholder@example.org", "threaded under the invitation")
        #expect(Self.reply(message) == expected.reply)
    }

    @Test func everyFixtureIsDescribedAndTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".eml") }
        #expect(Set(files) == Set(Self.tested))
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        for name in files {
            #expect(readme.contains("| \(name) |"), "\(name) is described in mailbox-fixtures/README.md")
        }
    }

    /// Outlook and Exchange, and Google's calendar mail, end lines with CRLF in the stored message;
    /// the others come as stored by a Unix mail server, with LF.
    @Test func lineEndsAreTheClients() throws {
        let crlf = Set(["signup-request-outlook.eml", "reply-outlook-html.eml", "rsvp-outlook-accepted.eml",
                        "rsvp-google-declined.eml", "form-reply-outlook-quoted.eml", "charset-windows-1252.eml",
                        "checkin-reply-outlook-inline.eml", "rsvp-google-accepted.eml", "rsvp-google-declined-later.eml",
                        "rsvp-outlook-bare-accepted.eml", "rsvp-words-outlook-spanish.eml", "rsvp-words-after-tables-spanish-no.eml",
                        "checkin-reply-outlook-rating-dash.eml", "form-outlook-word-table.eml", "form-outlook-word-table-alternative.eml"]
                       + Self.replyShapesWithCRLF)
        for name in Self.tested {
            let bytes = try Self.bytes(name)
            let lineFeeds = bytes.filter { $0 == 0x0A }.count
            let pairs = zip(bytes, bytes.dropFirst()).filter { $0 == (0x0D, 0x0A) }.count
            #expect(pairs == (crlf.contains(name) ? lineFeeds : 0), "\(name)")
        }
    }

    /// Where a reply has an HTML alternative, removing the quoted HTML and converting gives
    /// the same new text as the text alternative (the path taken when HTML is the best text).
    @Test(arguments: ["reply-gmail-html.eml", "reply-outlook-html.eml", "reply-apple-mail.eml",
                      "reply-thunderbird-flowed.eml", "export-csv-forward.eml", "rsvp-outlook-accepted.eml",
                      "list-reply-mailman3-footer.eml",
                      "reply-apple-mail-signature-block.eml", "reply-gmail-polish.eml", "forward-gmail-after-signature.eml",
                      "reply-sent-from-my-desk.eml", "reply-outlook-web-french.eml", "reply-gmail-android.eml"])
    func htmlAndTextRepliesAgree(name: String) throws {
        let message = try Self.load(name)
        let html = try #require(message.leafParts.first { $0.contentType == "text/html" })
        #expect(Self.replyThroughHTML(html) == Self.reply(message))
    }

    // MARK: - Sign-up requests and the auto-reply (the demo's messages)

    @Test func signupRequestPlain() throws {
        let message = try Self.load("signup-request-plain.eml")
        expectHeaders(message, subject: "Joining the mentoring program",
                      from: MailAddress(address: "maria.garcia@example.net", name: "María García"),
                      to: ["mentoring@example.org"], messageID: "0f7c2a1e-5b1d-4c0b-9d7e-3a2f1c9e8b41@example.net",
                      date: "2026-11-02T08:13:58Z")
        expectParts(message, [("text/plain", nil, 270)])
        let text = try #require(message.textBody)
        #expect(text.contains("I would love to join as a mentee. I have been contributing"), "format=flowed is joined")
        #expect(Self.reply(message) == text.trimmingCharacters(in: .newlines))
        #expect(message.automatic == nil)
        #expect(Self.rsvp(message) == nil)
    }

    @Test func signupRequestGmailHTML() throws {
        let message = try Self.load("signup-request-gmail-html.eml")
        expectHeaders(message, subject: "Mentor sign up?", from: MailAddress(address: "priya.raman.dev@gmail.com", name: "Priya Raman"),
                      to: ["mentoring@example.org"], messageID: "CAJ8xZq4mT0Lw2b3sYb1r8QeJ6v+7kXk2o9pQ@mail.gmail.com",
                      date: "2026-11-02T15:40:58Z")
        expectParts(message, [("text/plain", nil, 156), ("text/html", nil, 254)])
        #expect(message.textBody?.contains("I'm a core reviewer on Cinder") == true)
        #expect(Self.reply(message) == """
        Hi there,

        I'm a core reviewer on Cinder and would be happy to mentor one or two
        newcomers, ideally over IRC or video. I'm in Bangalore (IST).

        Best,
        Priya
        """)
        #expect(message.automatic == nil)
    }

    @Test func signupRequestOutlook() throws {
        let message = try Self.load("signup-request-outlook.eml")
        expectHeaders(message, subject: "Anmeldung für das Mentoring",
                      from: MailAddress(address: "jonas.schmidt@example.com", name: "Schmidt, Jonas"),
                      to: ["mentoring@example.org"],
                      messageID: "AM9PR07MB7123A1B2C3D4E5F6A7B8C9D0E1F2A@AM9PR07MB7123.eurprd07.prod.outlook.com",
                      date: "2026-11-02T09:02:41Z")
        expectParts(message, [("text/plain", nil, 176), ("text/html", nil, 701)])
        #expect(message.textBody?.contains("ich würde gern als Mentee am Programm teilnehmen, am liebsten mit Fokus auf Karriere") == true)
        #expect(Self.reply(message)?.hasSuffix("Viele Grüße\nJonas Schmidt") == true)
        #expect(message.automatic == nil)
    }

    @Test func vacationAutoreply() throws {
        let message = try Self.load("vacation-autoreply.eml")
        expectHeaders(message, subject: "Out of Office: Your mentoring introduction",
                      from: MailAddress(address: "tomasz.nowak@example.com", name: "Tomasz Nowak"),
                      to: ["mentoring@example.org"], messageID: "vacation.1793701212.4417@mail.example.com",
                      date: "2026-11-02T10:20:12Z")
        #expect(message.textBody?.contains("out of the office until 16 November") == true)
        // RFC 3834 auto-replies are sent with an empty Return-Path: that alone does not make a bounce.
        #expect(message.automatic == .autoSubmitted("auto-replied"), "never answered, and not a bounce")
    }

    // MARK: - Replies from each client

    @Test func replyGmailHTML() throws {
        let message = try Self.load("reply-gmail-html.eml")
        expectHeaders(message, subject: "Re: Your mentoring match: Wei Chen and Sofia Rossi",
                      from: MailAddress(address: "wei.chen@example.com", name: "Wei Chen"), to: ["mentoring@example.org"],
                      messageID: "CAF7kR2dE+pXq0Vn9wY3m_TzJ8hLc4uQ1s6aBvNn5rKg2oWfH=Q@mail.gmail.com",
                      inReplyTo: "vbl4l32t3mmh3nttw4t3szb7d3@example.org", references: ["vbl4l32t3mmh3nttw4t3szb7d3@example.org"],
                      date: "2026-11-03T10:42:07Z")
        #expect(message.cc.map(\.address) == ["sofia.rossi@example.net"])
        expectParts(message, [("text/plain", nil, 793), ("text/html", nil, 1359)])
        let text = try #require(message.textBody)
        #expect(text.contains("On Tue, Nov 3, 2026 at 5:05\u{202F}PM OpenStack Mentoring <mentoring@example.org> wrote:"))
        #expect(text.contains("> You are matched for this round of OpenStack Mentoring"))
        #expect(Self.reply(message) == """
        Hi Sofia,

        Thanks for the introduction! I'm in Shanghai (UTC+8), so your mornings are my evenings. \
        Would Thursday at 08:00 CET work for a first video call?

        Best,
        Wei
        """)
        #expect(message.automatic == nil)
        #expect(Self.rsvp(message) == nil)
    }

    @Test func replyOutlookHTML() throws {
        let message = try Self.load("reply-outlook-html.eml")
        expectHeaders(message, subject: "Re: Round 4: can you take another mentee?",
                      from: MailAddress(address: "chinedu.okafor@example.com", name: "Okafor, Chinedu"), to: ["mentoring@example.org"],
                      messageID: "DB9PR07MB8112C3E0A4F19D2B7E5A2C61D4E92@DB9PR07MB8112.eurprd07.prod.outlook.com",
                      inReplyTo: "b3oksire5gug7rf3nr45vhtx2t@example.org", references: ["b3oksire5gug7rf3nr45vhtx2t@example.org"],
                      date: "2026-11-04T10:02:37Z")
        expectParts(message, [("text/plain", nil, 655), ("text/html", nil, 2358)])
        #expect(message.leafParts.map(\.charset) == ["Windows-1252", "Windows-1252"])
        let text = try #require(message.textBody)
        #expect(text.contains("________________________________\nFrom: OpenStack Mentoring <mentoring@example.org>\nSent: Wednesday"))
        #expect(Self.reply(message) == """
        Hi,

        Yes – I’m happy to take a second mentee this round. Evenings after 18:00 work best; I’m travelling 23–27 November.

        Kind regards,
        Chinedu
        """, "windows-1252 quotes and dashes decoded; the Outlook header block and history cut")
        #expect(message.automatic == nil)
    }

    @Test func replyAppleMail() throws {
        let message = try Self.load("reply-apple-mail.eml")
        expectHeaders(message, subject: "Re: How is your mentoring going?",
                      from: MailAddress(address: "sofia.rossi@example.net", name: "Sofia Rossi"), to: ["mentoring@example.org"],
                      messageID: "8E1C4B27-5A3D-4F6E-B0C9-2D7A1F3E5B84@example.net",
                      inReplyTo: "l7x2p32ff6eb6qu2pcixpezq7a@example.org", references: ["l7x2p32ff6eb6qu2pcixpezq7a@example.org"],
                      date: "2026-11-05T09:17:38Z")
        expectParts(message, [("text/plain", nil, 586), ("text/html", nil, 1072)])
        #expect(message.root.parameters["boundary"]?.hasPrefix("Apple-Mail=_") == true)
        #expect(message.leafParts.first?.parameters["format"] == "flowed")
        let text = try #require(message.textBody)
        #expect(text.contains("1. 5 — Wei has been great; we meet every other Thursday on video and he reviewed my first two Cinder patches."),
                "quoted-printable soft breaks (=20) joined back by format=flowed")
        #expect(text.contains("> On 5 Nov 2026, at 09:00, OpenStack Mentoring <mentoring@example.org> wrote:"))
        #expect(Self.reply(message) == """
        1. 5 — Wei has been great; we meet every other Thursday on video and he reviewed my first two Cinder patches.
        2. A shared calendar of the Speed Mentoring sessions would help.

        Thanks,
        Sofia
        """)
        #expect(message.automatic == nil)
    }

    @Test func replyThunderbirdFlowed() throws {
        let message = try Self.load("reply-thunderbird-flowed.eml")
        expectHeaders(message, subject: "Re: Speed Mentoring at the Summit: which slot?",
                      from: MailAddress(address: "jan.novak@example.net", name: "Jan Novák"), to: ["mentoring@example.org"],
                      messageID: "5b2e9d41-7c3a-4f18-a6e0-93d7c1b84f2e@example.net",
                      inReplyTo: "edxxlspi7ji6bx3bcg7s5bp6np@example.org", references: ["edxxlspi7ji6bx3bcg7s5bp6np@example.org"],
                      date: "2026-11-04T16:48:21Z")
        expectParts(message, [("text/plain", nil, 439), ("text/html", nil, 1005)])
        let text = try #require(message.textBody)
        #expect(text.hasPrefix("On 04/11/2026 16:20, OpenStack Mentoring wrote:\n> Hello Jan,"))
        #expect(text.contains("> Which Speed Mentoring slot suits you at the Summit: Thursday 19 November at 17:00, or Friday 20 November at 12:00?"),
                "quoted flowed lines joined")
        let html = try #require(message.leafParts.last).decodedText()
        #expect(html.contains("<div class=\"moz-cite-prefix\">"))
        // Answers written between the quotes are kept; the attribution, quotes and signature go.
        #expect(Self.reply(message) == """
        Thursday works for me. Friday I am giving a talk in the morning and will probably be too tired to be a useful mentor afterwards.

        Yes.

        Best,
        Jan
        """)
    }

    @Test func replyIPhone() throws {
        let message = try Self.load("reply-iphone.eml")
        expectHeaders(message, subject: "Re: Speed Mentoring at the Summit: which slot?",
                      from: MailAddress(address: "aisha.bello@example.net", name: "Aisha Bello"), to: ["mentoring@example.org"],
                      messageID: "C3A9F0E2-41B7-4D58-9E6A-7B2C5D1F8A03@example.net",
                      inReplyTo: "icdsffh3r7fum7d6xwfhyod5ew@example.org", references: ["icdsffh3r7fum7d6xwfhyod5ew@example.org"],
                      date: "2026-11-04T17:03:02Z")
        expectParts(message, [("text/plain", nil, 394)])
        #expect(message.root.transferEncoding == "base64")
        let text = try #require(message.textBody)
        #expect(text.contains("Sent from my iPhone\n\n> On 4 Nov 2026, at 16:20, OpenStack Mentoring <mentoring@example.org> wrote:"))
        #expect(Self.reply(message) == "Yes, count me in for Thursday! I’ll bring my laptop.")
    }

    // MARK: - Calendar mail

    @Test func rsvpOutlookAccepted() throws {
        let message = try Self.load("rsvp-outlook-accepted.eml")
        expectHeaders(message, subject: "Accepted: Speed Mentoring at the Summit",
                      from: MailAddress(address: "lena.fischer@example.com", name: "Lena Fischer"), to: ["mentoring@example.org"],
                      messageID: "AS8PR07MB7590F1C2A3B4D5E6F7081920A3B4C@AS8PR07MB7590.eurprd07.prod.outlook.com",
                      inReplyTo: "ltfgj4u4idl6f6mpv6c5zoiraq@example.org", references: ["ltfgj4u4idl6f6mpv6c5zoiraq@example.org"],
                      date: "2026-11-05T08:12:05Z")
        expectParts(message, [("text/plain", nil, 16), ("text/html", nil, 289), ("text/calendar", nil, 1333)])
        #expect(message.leafParts.last?.parameters["method"] == "REPLY")
        #expect(Self.reply(message) == "See you there!")
        let rsvp = try #require(Self.rsvp(message))
        #expect(rsvp.uid == "speed-mentoring-2026-11-19@example.org")
        #expect(rsvp.address == "lena.fischer@example.com")
        #expect(rsvp.name == "Lena Fischer")
        #expect(rsvp.partstat == .accepted)
        #expect(message.automatic == nil, "an RSVP is read, not ignored")
    }

    @Test func rsvpGoogleDeclined() throws {
        let message = try Self.load("rsvp-google-declined.eml")
        expectHeaders(message, subject: "Declined: Speed Mentoring at the Summit @ Thu 19 Nov 2026 17:00 - 18:30 (CET) (mentoring@example.org)",
                      from: MailAddress(address: "rahul.mehta@example.net", name: "Rahul Mehta"), to: ["mentoring@example.org"],
                      messageID: "calendar-4b1f7e2a-93c0-4d6b-8e15-2a7c9f0d3b68@google.com", date: "2026-11-05T14:22:31Z")
        #expect(message.header("Sender") == "Google Calendar <calendar-notification@example.com>")
        expectParts(message, [("text/plain", nil, 567), ("text/html", nil, 1359), ("text/calendar", nil, 786),
                              ("application/ics", "invite.ics", 786)])
        #expect(message.attachments.map(\.filename) == ["invite.ics"])
        #expect(message.textBody?.hasPrefix("Rahul Mehta has declined this invitation.\n\nSorry, my flight lands on Friday morning.") == true)
        let rsvp = try #require(Self.rsvp(message))
        #expect(rsvp.uid == "speed-mentoring-2026-11-19@example.org")
        #expect(rsvp.address == "rahul.mehta@example.net", "the folded ATTENDEE line is unfolded")
        #expect(rsvp.partstat == .declined)
        #expect(message.automatic == nil)
    }

    @Test func calendarRequestIsNotAnRSVP() throws {
        let message = try Self.load("calendar-request-thunderbird.eml")
        expectHeaders(message, subject: "Invitation: Mentor onboarding call (round 4)",
                      from: MailAddress(address: "coordinator@example.org", name: "Dana Whitfield"),
                      to: ["mentoring@example.org", "chinedu.okafor@example.com", "wei.chen@example.com"],
                      messageID: "0c3f7a12-e58b-4d96-b1a4-6f2d9e80c5b7@example.org", date: "2026-11-06T09:18:42Z")
        expectParts(message, [("text/plain", nil, 527), ("text/calendar", nil, 1196), ("application/ics", "invite.ics", 1233)])
        let calendarPart = try #require(message.leafParts.first { $0.contentType == "text/calendar" })
        let calendar = ICalendar.parse(calendarPart.decodedText())
        #expect(calendar.method == "REQUEST")
        #expect(calendar.events.first?.summary == "Mentor onboarding call (round 4)")
        #expect(calendar.events.first?.attendees.map(\.partstat) == [.needsAction, .needsAction, .needsAction])
        #expect(Self.rsvp(message) == nil, "only METHOD:REPLY is an RSVP")
        #expect(message.textBody?.contains("When: Thursday, 12 November 2026 16:00 - 16:45 Europe/Berlin") == true)
        #expect(message.automatic == nil)
    }

    // MARK: - A coordinator's export, a bounce, list mail

    @Test func exportCSVForward() throws {
        let message = try Self.load("export-csv-forward.eml")
        expectHeaders(message, subject: "Fwd: Sign-up form export",
                      from: MailAddress(address: "coordinator@example.org", name: "Dana Whitfield"), to: ["mentoring@example.org"],
                      messageID: "CAB9uT3nYq0Rr4e=W7kHc2sD8fL1vG5mJx6pA0iZb3oNq9Ke+Mg@mail.gmail.com",
                      inReplyTo: "CAM4xQp2Wn8sT0d+L3bYv6hJr9kF1cZ5gN7eU2aPm0oDt=Xw@mail.gmail.com",
                      references: ["CAM4xQp2Wn8sT0d+L3bYv6hJr9kF1cZ5gN7eU2aPm0oDt=Xw@mail.gmail.com"], date: "2026-11-06T08:49:03Z")
        let name = "Mentoring sign-ups (Responses) - Form Responses 1.csv"
        expectParts(message, [("text/plain", nil, 492), ("text/html", nil, 953), ("text/csv", name, 1428)])
        #expect(message.header("Authentication-Results")?.hasPrefix("mx.example.org;") == true)
        let csv = try #require(message.attachments.first)
        #expect(csv.isAttachment && csv.charset == "UTF-8")
        let rows = csv.decodedText().split(separator: "\n", omittingEmptySubsequences: true)
        #expect(rows.first == "\"Timestamp\",\"Email Address\",\"Are you signing up as a mentor or mentee?\",\"Full name\",\"Type of mentoring\",\"Which areas of the community interest you?\",\"Your time zone\",\"Languages you speak\",\"Preferred ways to meet\",\"How many mentees can you take? (mentors only)\",\"Anything else we should know?\"")
        #expect(rows.count == 8, "a header, six answers, one of them over two lines")
        #expect(rows.contains { $0.hasPrefix("\"2026/11/02 11:27:19 AM GMT+1\",\"\",\"Mentee\",\"Pat Doe\"") }, "the bad row: no address")
        #expect(rows.contains { $0.contains("\"Olúwáseun Adéyẹmí\"") })
        #expect(Self.reply(message) == """
        Hi,

        Here is this week's export of the sign-up form, forwarded from Marco. Please import it for round 4.
        The row from "Pat Doe" has no email address; skip it and I'll follow up by hand.

        Dana

        ---------- Forwarded message ---------
        From: Marco Bianchi <marco.bianchi@example.org>
        Date: Thu, 5 Nov 2026 at 17:31
        Subject: Sign-up form export
        To: Dana Whitfield <coordinator@example.org>

        Dana, the responses so far are attached (six rows). The Google Form stays open until 15 November.

        Marco
        """, "the forwarded message is hers to pass on: kept, in text and in HTML")
        #expect(message.textBody?.contains("---------- Forwarded message ---------\nFrom: Marco Bianchi <marco.bianchi@example.org>") == true)
        #expect(message.automatic == nil)
    }

    @Test func bounceDSN() throws {
        let message = try Self.load("bounce-dsn.eml")
        expectHeaders(message, subject: "Undelivered Mail Returned to Sender",
                      from: MailAddress(address: "MAILER-DAEMON@mx.example.org", name: "Mail Delivery System"),
                      to: ["mentoring@example.org"], messageID: "20261109060006.8B1C21E0C3@mx.example.org", date: "2026-11-09T06:00:06Z")
        #expect(message.root.contentType == "multipart/report")
        #expect(message.root.parameters["report-type"] == "delivery-status")
        expectParts(message, [("text/plain", nil, 588), ("message/delivery-status", nil, 457), ("text/plain", nil, 130)])
        #expect(message.textBody?.contains("550 5.1.1\n    <tomasz.old@example.net>: Recipient address rejected") == true)
        let returned = try #require(message.root.children.last?.embeddedMessage)
        #expect(returned.messageID == "qipgwv5lkcwzwhvjlyovyav3yw@example.org")
        #expect(returned.to.map(\.address) == ["tomasz.old@example.net"])
        #expect(returned.textBody?.hasPrefix("Hello Tomasz and Lucía,") == true)
        #expect(Self.kind(message.automatic) == "bounce")
        #expect(Self.rsvp(message) == nil)
    }

    @Test func listMessage() throws {
        let message = try Self.load("list-message.eml")
        expectHeaders(message, subject: "[openstack-discuss] [mentoring] Speed Mentoring at the Summit: mentors wanted",
                      from: MailAddress(address: "coordinator@example.org", name: "Dana Whitfield"),
                      to: ["openstack-discuss@lists.example.org"], messageID: "b7e2d915-4c08-4a3f-9e61-5d2c8f0a7b34@example.org",
                      date: "2026-11-10T13:05:10Z")
        #expect(message.header("List-Id") == "OpenStack development and operations discussion <openstack-discuss.lists.example.org>")
        expectParts(message, [("text/plain", nil, 519)])
        #expect(message.textBody?.contains("We still need about six mentors, especially for Neutron, Ironic and documentation.") == true)
        // Mailman adds "Precedence: list", which is checked before List-Id.
        #expect(message.automatic == .precedence("list"))
    }

    // MARK: - Charsets

    @Test func charsetISO2022JP() throws {
        let message = try Self.load("charset-iso-2022-jp.eml")
        expectHeaders(message, subject: "メンタリングプログラムへの参加について",
                      from: MailAddress(address: "hanako.sato@example.com", name: "佐藤 花子"), to: ["mentoring@example.org"],
                      messageID: "20261103103141.7C4E.A1B2C3D4@example.com", date: "2026-11-03T01:31:41Z")
        expectParts(message, [("text/plain", nil, 333)])
        #expect(message.root.charset == "ISO-2022-JP")
        let text = try #require(message.textBody)
        #expect(text.contains("はじめまして、佐藤花子と申します。"))
        #expect(text.contains("タイムゾーンは Asia/Tokyo、言語は日本語と英語です。"))
        #expect(!text.contains("\u{FFFD}") && !text.contains("\u{1B}"))
        #expect(Self.reply(message)?.hasSuffix("どうぞよろしくお願いいたします。\n\n佐藤 花子") == true)
        #expect(message.automatic == nil)
    }

    @Test func charsetKOI8R() throws {
        let message = try Self.load("charset-koi8-r.eml")
        expectHeaders(message, subject: "Хочу стать ментором",
                      from: MailAddress(address: "dmitry.ivanov@example.net", name: "Дмитрий Иванов"), to: ["mentoring@example.org"],
                      messageID: "1843297651.20261103114412@example.net", date: "2026-11-03T08:44:12Z")
        #expect(message.replyTo == [MailAddress(address: "dmitry.ivanov@example.net", name: "Дмитрий Иванов")])
        expectParts(message, [("text/plain", nil, 237)])
        #expect(message.textBody?.contains("Часовой пояс: Europe/Moscow. Языки: русский, английский.") == true)
        #expect(Self.reply(message) == """
        Здравствуйте!

        Меня зовут Дмитрий, я занимаюсь Neutron и Octavia уже пять лет.
        Готов взять одного-двух подопечных, лучше по IRC или по видеосвязи.
        Часовой пояс: Europe/Moscow. Языки: русский, английский.
        """, "the signature after \"-- \" is cut")
    }

    @Test func charsetGB2312() throws {
        let message = try Self.load("charset-gb2312.eml")
        expectHeaders(message, subject: "申请加入导师计划", from: MailAddress(address: "wang.fang@example.com", name: "王芳"),
                      to: ["mentoring@example.org"], messageID: "202611031015362745183@example.com", date: "2026-11-03T02:15:36Z")
        expectParts(message, [("text/plain", nil, 164), ("text/html", nil, 360)])
        let text = try #require(message.textBody)
        #expect(text.contains("我是王芳，在上海工作，参与 Horizon 项目的前端开发两年了。"))
        #expect(text.contains("时区：Asia/Shanghai。"))
        let html = try #require(message.leafParts.last)
        #expect(HTMLText.text(fromHTML: html.decodedBytes(), charset: html.charset).contains("希望以导师身份参加"))
        #expect(Self.reply(message) == text.trimmingCharacters(in: .newlines))
    }

    @Test func charsetWindows1252() throws {
        let message = try Self.load("charset-windows-1252.eml")
        expectHeaders(message, subject: "Candidature comme mentor – équipe Swift",
                      from: MailAddress(address: "elodie.martin@example.net", name: "Élodie Martin"), to: ["mentoring@example.org"],
                      messageID: "000001db2e1f$5a8c3d70$0fa4b850$@example.net", date: "2026-11-03T19:02:44Z")
        expectParts(message, [("text/plain", nil, 352)])
        let text = try #require(message.textBody)
        #expect(text.contains("Je m’appelle Élodie Martin ; je contribue à Swift depuis 2021 et j’aimerais être mentor"),
                "0x92 is a right single quote in windows-1252")
        #expect(text.contains("« Le mentorat m’a beaucoup aidée à mes débuts », alors c’est mon tour !"))
        #expect(Self.reply(message)?.hasSuffix("Cordialement,\nÉlodie Martin") == true)
    }

    // MARK: - Sign-up form replies

    @Test func formReplyPlain() throws {
        let message = try Self.load("form-reply-plain.eml")
        expectHeaders(message, subject: "Re: Joining the mentoring program",
                      from: MailAddress(address: "maria.garcia@example.net", name: "María García"), to: ["mentoring@example.org"],
                      messageID: "6a1d0e93-2f4c-4b7a-8c35-e1f9b2d07a64@example.net", inReplyTo: "v45mdn6p32qz4uhdiunt52otn5@example.org",
                      references: ["0f7c2a1e-5b1d-4c0b-9d7e-3a2f1c9e8b41@example.net", "v45mdn6p32qz4uhdiunt52otn5@example.org"],
                      date: "2026-11-02T18:41:22Z")
        expectParts(message, [("text/plain", nil, 1692)])
        let text = try #require(message.textBody)
        #expect(text.contains("\n> Role: (mentor, mentee, or both)\n"), "our form, quoted")
        #expect(Self.reply(message) == """
        Role: mentee
        Name: María García
        Mentoring type: technical
        Areas: Nova, documentation
        Time zone: Europe/Madrid
        Languages: Spanish, English, Catalan
        Interaction: email, video
        Capacity:
        Availability: weekday evenings after 19:00
        About me: I have been fixing small documentation bugs in Nova for a few months and would like to start reviewing code and writing my first real patch.

        Thanks!
        María
        """, "the long About me line, soft-wrapped by format=flowed, is one line again")
    }

    @Test func formReplyGmailHTML() throws {
        let message = try Self.load("form-reply-gmail-html.eml")
        expectHeaders(message, subject: "Re: Mentoring program",
                      from: MailAddress(address: "amara.nwosu@example.net", name: "Amara Nwosu"), to: ["mentoring@example.org"],
                      messageID: "CAH3pQz9rD4wE7kT0yU2vB6nM1sF8gJ5xA2hL9cO0iPq=Vn3Rg@mail.gmail.com",
                      inReplyTo: "qr5xj55yiodvt4onvcmy2ejujq@example.org",
                      references: ["CAH3pQz8kL1vX0nR5tY2wB7dM4sE9fJ6uA3gN0cO1iPq=Tk8Vw@mail.gmail.com", "qr5xj55yiodvt4onvcmy2ejujq@example.org"],
                      date: "2026-11-02T11:02:37Z")
        expectParts(message, [("text/plain", nil, 1655), ("text/html", nil, 2382)])
        let fields = """
        *Role:* mentor
        *Name:* Amara Nwosu
        *Mentoring type:* both
        *Areas:* Ironic, upstream training
        *Time zone:* Africa/Lagos
        *Languages:* English, Igbo
        *Interaction:* video, chat
        *Capacity:* 2
        *Availability:* Tuesday and Thursday evenings
        *About me:* Ironic core since 2022; I ran the upstream training in Lagos last year.
        """
        #expect(Self.reply(message) == "Hello,\n\nHere you go:\n\n" + fields + "\n\nAmara", "Gmail writes bold as *…* in text")
        // The HTML alternative has the same answers in <b> labels, and our quoted form goes with the gmail_quote.
        let html = try #require(message.leafParts.last)
        let fromHTML = Self.replyThroughHTML(html)
        #expect(fromHTML.contains("Role: mentor\nName: Amara Nwosu\nMentoring type: both"))
        #expect(!fromHTML.contains("(mentor, mentee, or both)"))
    }

    @Test func formReplyOutlookQuoted() throws {
        let message = try Self.load("form-reply-outlook-quoted.eml")
        expectHeaders(message, subject: "AW: Anmeldung für das Mentoring",
                      from: MailAddress(address: "jonas.schmidt@example.com", name: "Schmidt, Jonas"), to: ["mentoring@example.org"],
                      messageID: "AM9PR07MB71239F8E7D6C5B4A3928170E6F5D4@AM9PR07MB7123.eurprd07.prod.outlook.com",
                      inReplyTo: "w5i5agbjwu6dmyl2jbn7o4phsa@example.org",
                      references: ["AM9PR07MB7123A1B2C3D4E5F6A7B8C9D0E1F2A@AM9PR07MB7123.eurprd07.prod.outlook.com",
                                   "w5i5agbjwu6dmyl2jbn7o4phsa@example.org"],
                      date: "2026-11-02T13:27:10Z")
        expectParts(message, [("text/plain", nil, 1583)])
        let text = try #require(message.textBody)
        // The answers are typed into the quoted form: the whole text has them, the new text does not.
        for line in ["> Role: mentee", "> Name: Jonas Schmidt", "> Mentoring type: (technical, career, or both) career",
                     "> Time zone: Berlin", "> Availability: Montag bis Donnerstag ab 18 Uhr",
                     "> About me: Ich arbeite als Netzwerkadministrator und möchte in die Neutron-Entwicklung einsteigen."] {
            #expect(text.contains("\n" + line + "\n"), "\(line)")
        }
        #expect(text.contains("-----Ursprüngliche Nachricht-----\nVon: OpenStack Mentoring <mentoring@example.org> \nGesendet:"))
        #expect(Self.reply(message) == "Hallo,\n\nich habe meine Antworten direkt in das Formular unten geschrieben.\n\nViele Grüße\nJonas Schmidt")
    }

    @Test func formReplyTwoErrors() throws {
        let message = try Self.load("form-reply-two-errors.eml")
        expectHeaders(message, subject: "Re: Mentor sign-up",
                      from: MailAddress(address: "kwame.mensah@example.net", name: "Kwame Mensah"), to: ["mentoring@example.org"],
                      messageID: "a4f1c8e27b3d90e65f2c1b7a8d4e3f09@example.net", inReplyTo: "zduifpjjal4jiryyvnl6v34ow5@example.org",
                      references: ["3c9d27e1f0a84b56@example.net", "zduifpjjal4jiryyvnl6v34ow5@example.org"], date: "2026-11-03T09:58:07Z")
        expectParts(message, [("text/plain", nil, 1609)])
        #expect(message.header("User-Agent") == "Roundcube Webmail/1.6.9")
        let reply = try #require(Self.reply(message))
        #expect(reply.hasPrefix("Hello,\n\nRole: mentor\nName: Kwame Mensah\nMentoring type: spiritual\n"))
        #expect(reply.contains("\nCapacity: lots\n"))
        #expect(reply.hasSuffix("About me: Neutron contributor since 2019, I also organise the Accra OpenInfra meetup.\n\nKwame"))
        #expect(message.textBody?.contains("On 2026-11-03 08:47, OpenStack Mentoring wrote:\n> Hello Kwame Mensah,") == true)
    }

    // MARK: - Mail a person must read (the demo's held messages)

    @Test func questionAppleMail() throws {
        let message = try Self.load("question-apple-mail.eml")
        expectHeaders(message, subject: "Question before the round is matched",
                      from: MailAddress(address: "lucia.moreno@example.net", name: "Lucía Moreno"), to: ["mentoring@example.org"],
                      messageID: "A3F0C2D1-7B4E-4C1A-9E55-2D6B8F0A1C37@example.net", date: "2026-11-05T08:12:33Z")
        #expect(message.header("X-Mailer") == "Apple Mail (2.3826.300.87.4.3)")
        #expect(message.root.transferEncoding == "quoted-printable")
        let reply = try #require(Self.reply(message))
        #expect(reply.contains("when will we know who our mentor is? And is it fine if my mentor and I\ntalk in Spanish"))
        #expect(reply.hasSuffix("¡Gracias!\nLucía"))
        #expect(message.automatic == nil)
    }

    @Test func profileMailLanguageAppleMail() throws {
        let message = try Self.load("profile-mail-language-apple.eml")
        expectHeaders(message, subject: "Correos en español",
                      from: MailAddress(address: "lucia.moreno@example.net", name: "Lucía Moreno"), to: ["mentoring@example.org"],
                      messageID: "5C1E9A7B-2F3D-4B8E-A6C0-9D4E7F1B2A58@example.net", date: "2026-11-19T17:21:01Z")
        let reply = try #require(Self.reply(message))
        #expect(reply.contains("correos en español a partir de ahora.\n\nIdioma del correo: español\n"), "a soft line break joined")
        #expect(message.automatic == nil)
    }

    @Test func profileChangeInSentencesThunderbird() throws {
        let message = try Self.load("profile-change-sentences-thunderbird.eml")
        expectHeaders(message, subject: "Small change to my profile",
                      from: MailAddress(address: "kenji.watanabe@example.com", name: "Kenji Watanabe"), to: ["mentoring@example.org"],
                      messageID: "a41c7e2b-9d3f-4e61-8b05-c2f7d9e13a84@example.com", date: "2027-05-09T23:41:10Z")
        let reply = try #require(Self.reply(message))
        #expect(reply.contains("I can also do video calls now. And please add Cinder to my areas."), "format=flowed joins the soft break: \(reply)")
        #expect(message.automatic == nil)
    }

    @Test func erasureRequestAndConfirmationRoundcube() throws {
        let request = try Self.load("erasure-request-roundcube.eml")
        expectHeaders(request, subject: "My data", from: MailAddress(address: "kwame.mensah@example.net", name: "Kwame Mensah"),
                      to: ["mentoring@example.org"], messageID: "5b0c2f71d9e84a3aa1f7c6e2d4b8a913@example.net", date: "2027-05-10T06:14:37Z")
        #expect(try #require(Self.reply(request)).contains("Please delete my data."), "format=flowed joins the soft break")
        let confirm = try Self.load("erasure-confirm-roundcube.eml")
        #expect(confirm.inReplyTo == "erasure-ask-placeholder@example.org")
        #expect(try #require(Self.reply(confirm)) == "Yes, please.")
    }

    @Test func replyAllIntroductionThunderbird() throws {
        let message = try Self.load("reply-all-introduction-thunderbird.eml")
        expectHeaders(message, subject: "Re: OpenStack Mentoring: meet your mentoring match, María García and Thabo Nkosi",
                      from: MailAddress(address: "maria.garcia@example.net", name: "María García"), to: ["thabo.nkosi@example.net"],
                      messageID: "9e41c2b7-0d5a-4f6e-8b3c-5a7d2e1f9c04@example.net", inReplyTo: "introduction-placeholder@example.org",
                      references: ["introduction-placeholder@example.org"], date: "2026-11-19T07:41:02Z")
        #expect(message.cc.map(\.address) == ["mentoring@example.org"])
        #expect(message.header("User-Agent") == "Mozilla Thunderbird")
        let reply = try #require(Self.reply(message))
        #expect(reply.hasPrefix("Hi Thabo,\n\nThank you for agreeing to mentor me!"))
        #expect(reply.hasSuffix("I will send you the links tomorrow.\n\nMaría"))
        #expect(!reply.contains("OpenStack Mentoring has matched you"), "the quoted introduction is not hers")
    }

    // MARK: - Check-in answers (the demo's day 90)

    @Test func checkinReplyNumberedThunderbird() throws {
        let message = try Self.load("checkin-reply-numbered-thunderbird.eml")
        expectHeaders(message, subject: "Re: OpenStack Mentoring: how is your mentoring with Olúwáseun Adéyẹmí going?",
                      from: MailAddress(address: "jonas.schmidt@example.com", name: "Jonas Schmidt"), to: ["mentoring@example.org"],
                      messageID: "7c2f0e9a-41b8-4d6e-9a55-0b3e8f21c7d4@example.com", inReplyTo: "survey-placeholder@example.org",
                      references: ["survey-placeholder@example.org"], date: "2027-02-16T07:12:40Z")
        #expect(Self.reply(message) == "Hallo,\n\n1. 5\n2. yes, every Thursday evening\n3. good fit\n4. continue\n5. Nothing, thank you!\n\nJonas")
    }

    @Test func checkinReplyAppleOneLine() throws {
        let message = try Self.load("checkin-reply-apple-one-line.eml")
        expectHeaders(message, subject: "Re: OpenStack Mentoring: how is your mentoring with Olúwáseun Adéyẹmí going?",
                      from: MailAddress(address: "amara.nwosu@example.net", name: "Amara Nwosu"), to: ["mentoring@example.org"],
                      messageID: "5B0E7C1A-2D44-4F8B-9A3E-7F61C2D90B15@example.net", inReplyTo: "survey-placeholder@example.org",
                      references: ["survey-placeholder@example.org"], date: "2027-02-16T18:41:02Z")
        #expect(Self.reply(message) == "5, yes, good fit, graduate\n\nAmara")
    }

    @Test func checkinReplyGmailHTML() throws {
        let message = try Self.load("checkin-reply-gmail-html.eml")
        #expect(message.from?.name == "Olúwáseun Adéyẹmí")
        #expect(message.subject == "Re: OpenStack Mentoring: how is your mentoring with Amara Nwosu going?")
        #expect(message.leafParts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(Self.reply(message) == "5, yes, good fit, graduate. Amara has been wonderful, thank you!")
        let html = try #require(message.leafParts.last)
        #expect(Self.replyThroughHTML(html) == Self.reply(message))
    }

    @Test func checkinReplyOutlookInline() throws {
        let message = try Self.load("checkin-reply-outlook-inline.eml")
        #expect(message.from == MailAddress(address: "lucia.moreno@example.net", name: "Lucía Moreno"))
        #expect(message.inReplyTo == "survey-placeholder@example.org")
        let text = try #require(message.textBody)
        #expect(message.subject == "RE: OpenStack Mentoring: ¿qué tal va tu mentoría con Thabo Nkosi?")
        // The answers are typed into the copy of the survey below Outlook's header block.
        #expect(text.contains("1. ¿Cómo va la mentoría? (1 = mal … 5 = muy bien)\n2 - solo nos hemos visto una vez\n"))
        #expect(text.contains("\nDe: OpenStack Mentoring <mentoring@example.org>\nEnviado: lunes"))
        #expect(Self.reply(message)?.hasPrefix("Hola, os dejo mis respuestas debajo de cada pregunta.") == true)
    }

    // MARK: - Reply shapes from many clients

    /// Replies in the shapes real clients give them (list footers, signatures without "-- ",
    /// attributions and header blocks of many clients and languages, forwards), each with
    /// the new text read from it, exactly.
    static let replyShapes: [(file: String, reply: String)] = [
        ("list-reply-mailman2-footer.eml",
         "Count me in for the Thursday session. I can cover Nova and the docs\ntooling questions.\n\nAna"),
        ("list-reply-mailman3-footer.eml",
         "+1, the docs sprint is a great first task. I can pair with two mentees\non the install guide.\n\nWei"),
        ("list-reply-google-groups-footer.eml",
         "Yes, I will bring two mentors from the Neutron team.\n\nKwame"),
        ("reply-outlook-signature-no-dashes.eml",
         "Hi,\n\nHappy to mentor again this round, two mentees at most. Mornings CET suit me best.\n\nBest regards,\nAnna Kowalska"),
        ("reply-apple-mail-signature-block.eml",
         "Yes, Thursday works, and I will bring a laptop.\n\nThanks,\nRahul Mehta"),
        ("reply-zoho-dashed-attribution.eml",
         "Sure, Thursday at 17:00. I can stay for the whole hour.\n\nPriya"),
        ("reply-android-sent-attribution.eml",
         "Thank you! I wrote to María already."),
        ("reply-polish-webmail-wrapped.eml",
         "Dzień dobry,\n\ntak, mogę przyjąć jedną osobę, najlepiej w języku polskim.\n\nPozdrawiam\nTomasz"),
        ("reply-gmail-polish.eml",
         "1. 5\n2. tak, co tydzień\n3. good fit\n4. continue\n5. Dziękuję za wszystko!"),
        ("reply-date-and-address-attribution.eml",
         "Sounds good, I'll fill it in tonight."),
        ("reply-k9-wrapped-attribution.eml",
         "Friday at 12:00 please. Thursday I am in the Ironic session."),
        ("reply-wrapped-attribution-unquoted.eml",
         "Yes, one mentee, ideally someone who wants to learn Swift.\n\nJan"),
        ("reply-attribution-same-line.eml",
         "Thursday is perfect, see you there!"),
        ("reply-dash-framed-attribution.eml",
         "Perfecto, gracias. Then I will wait for the introduction.\n\nLucía"),
        ("reply-date-first-header-block.eml",
         "Works for me: Thursday at 17:00.\n\nLena"),
        ("reply-outlook-portuguese.eml",
         "Pode contar comigo na quinta-feira.\n\nAtenciosamente,\nAna Souza"),
        ("reply-outlook-mobile-enviada-em.eml",
         "Sim, duas pessoas no máximo."),
        ("checkin-reply-outlook-no-rule.eml",
         "Answers below in blue.\n\nMaria"),
        ("forward-gmail-after-signature.eml",
         "Please add Marco to the next round as a mentee.\n\n---------- Forwarded message ---------\nFrom: Marco Bianchi <marco.bianchi@example.org>\nDate: Thu, 5 Nov 2026 at 17:31\nSubject: Mentoring\nTo: Dana Whitfield <coordinator@example.org>\n\nHi Dana, I would like to join the mentoring program as a mentee, Cinder if possible.\n\nMarco"),
        ("forward-iphone.eml",
         "Could the program help Wei with this? See below.\n\nBegin forwarded message:\n\n> From: Wei Chen <wei.chen@example.com>\n> Date: 6 November 2026 at 22:41:09 CET\n> To: Sofia Rossi <sofia.rossi@example.net>\n> Subject: Travel support for the Summit\n>\n> Sofia, do you know whether mentees can get travel support? My company will not pay."),
        ("forward-thunderbird-inline.eml",
         "FYI, a colleague asks whether he can join as a mentor in the next round.\n\nJonas\n\n-------- Forwarded Message --------\nSubject: \tMentoring question\nDate: \tTue, 10 Nov 2026 17:12:44 +0100\nFrom: \tPaul Weber <paul.weber@example.com>\nTo: \tJonas Schmidt <jonas.schmidt@example.com>\n\nHi Jonas, can I still sign up as a mentor for Neutron?\n\nPaul"),
        ("reply-arrowed-link-line.eml",
         "Hi,\n\nHere is the meetup page where newcomers can register:\n>>> http://meetup.example.org/openinfra-lagos/2026-12 <<<\nPlease share it with the mentees in Lagos.\n\nChinedu"),
        ("reply-sent-from-my-desk.eml",
         "Yes, I can mentor two people.\n\nSent from my desk, between two meetings, so forgive the brevity."),
        ("reply-outlook-web-french.eml",
         "Bonjour,\n\nVendredi à 12:00 me convient mieux.\n\nCordialement,\nCamille"),
        ("reply-outlook-german-signature.eml",
         "Hallo,\n\n5, yes, good fit, continue. Wir treffen uns jeden Donnerstag.\n\nMit freundlichen Grüßen\nJonas Schmidt"),
        ("reply-gmail-android.eml",
         "Gracias! Thabo and I meet on Monday."),
        ("reply-yahoo-unquoted.eml",
         "Yes, I can do Thursday."),
        ("reply-roundcube-signature.eml",
         "Hello,\n\nTwo mentees again, Neutron or upstream training.\n\nKwame"),
        ("reply-thunderbird-german.eml",
         "Hallo,\n\nRole: mentor\nName: Paul Weber\nAreas: Neutron\nTime zone: Europe/Berlin\nLanguages: Deutsch, English\n\nViele Grüße\nPaul"),
        ("reply-zimbra-original-message.eml",
         "4, sometimes, still deciding, continue.\n\nNothing else for now."),
        ("reply-notes-header-block.eml",
         "Fine by me. Friday 12:00.\n\nKenji Sato"),
        ("reply-foxmail-chinese.eml",
         "好的，我选周四 17:00。\n\n王伟"),
        ("reply-outlook-japanese.eml",
         "お世話になっております。\n\n今回も1名まで担当できます。\n\nよろしくお願いいたします。\n佐藤"),
        ("reply-yandex-russian.eml",
         "Здравствуйте!\n\nДа, могу взять одного подопечного.\n\nС уважением,\nИрина"),
        ("reply-mailru-russian.eml",
         "5, да, good fit, graduate. Спасибо Ирине!"),
        ("reply-proton-mail.eml",
         "Thanks, that answers it."),
        ("reply-fastmail.eml",
         "Either slot is fine, put me where you need me.\n\nHannah"),
        ("reply-outlook-ios-italian.eml",
         "Sì, una persona, in italiano o inglese."),
        ("reply-thunderbird-french.eml",
         "Merci ! Nous avons déjà fixé un premier appel lundi.\n\nCamille")
    ]

    /// The reply shapes sent by Outlook, stored with CRLF line ends.
    static let replyShapesWithCRLF = ["reply-outlook-signature-no-dashes.eml", "checkin-reply-outlook-no-rule.eml", "reply-outlook-portuguese.eml", "reply-outlook-mobile-enviada-em.eml", "reply-outlook-web-french.eml", "reply-outlook-german-signature.eml", "reply-outlook-japanese.eml", "reply-outlook-ios-italian.eml"]

    @Test(arguments: replyShapes)
    func replyShape(file: String, reply: String) throws {
        let message = try Self.load(file)
        #expect(message.from != nil && message.messageID != nil && message.date != nil)
        #expect(Self.reply(message) == reply)
        #expect(MailReading.reply(of: message) == reply, "the program reads it the same way")
    }
}
