import Foundation
import Mail
import MentorMail
import Testing

/// Enrollment by email through the real Dovecot and SMTP servers: what participants and
/// coordinators send, what they get back, and what the program then knows.
@Suite struct EnrollmentEndToEndTests {
    static let filledForm = """
        Role: mentee
        Name: Alice Example
        Mentoring type: technical
        Areas: Nova, documentation
        Time zone: Barcelona
        Languages: English, Spanish
        Interaction: IRC, video
        Availability: weekday evenings
        About me: I have fixed a few documentation bugs.
        """

    func header(_ scenario: ServerScenario, subject: String, extra: String = "") -> String {
        """
        From: Alice Example <\(scenario.participantAddress)>
        To: \(scenario.programAddress)
        Subject: \(subject)
        Date: Mon, 2 Nov 2026 10:00:00 +0100
        Message-ID: <\(UUID().uuidString)@example.org>
        MIME-Version: 1.0
        \(extra)
        """
    }

    @Test func aPlainTextFormIsConfirmedFieldByField() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(text: "Hi! Here is my form.\n\n\(Self.filledForm)\n\nAlice\n") 
        try scenario.processOK()
        let reply = try #require(try scenario.participantInbox().last)
        let text = try #require(reply.textBody)
        #expect(text.contains("You are signed up."))
        #expect(text.contains("Time zone: Europe/Madrid (UTC+01:00 now)") || text.contains("Time zone: Europe/Madrid (UTC+02:00 now)"))
        #expect(text.contains("Languages: English, Spanish"))
        #expect(text.contains("Areas: Nova, documentation"))
        #expect(reply.header("Content-Type")?.hasPrefix("multipart/alternative") == true)
        let person = try #require(try scenario.database().participant(email: scenario.participantAddress))
        #expect(person.status == .active)
        #expect(person.profile.timeZone == "Europe/Madrid")
    }

    @Test func aGmailStyleHTMLReplyIsUnderstood() throws {
        let scenario = try ServerScenario()
        let htmlFields = Self.filledForm.split(separator: "\n").map { line -> String in
            let parts = line.split(separator: ":", maxSplits: 1)
            return "<div><b>\(parts[0]):</b>\(parts.count > 1 ? String(parts[1]) : "")</div>"
        }.joined()
        let raw = header(scenario, subject: "Re: How do I join?", extra: "Content-Type: multipart/alternative; boundary=\"000000000000b1\"") + """

            --000000000000b1
            Content-Type: text/plain; charset="UTF-8"

            Please see my answers in the HTML version.

            --000000000000b1
            Content-Type: text/html; charset="UTF-8"
            Content-Transfer-Encoding: quoted-printable

            <div dir=3D"ltr"><div>Hello!</div>\(htmlFields.replacingOccurrences(of: "=", with: "=3D"))<br><div class=3D"gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr">On Mon, Nov 2, 2026 at 9:00 AM Test Mentoring &lt;\(scenario.programAddress)&gt; wrote:<br></div><blockquote class=3D"gmail_quote">Role: (mentor, mentee, or both)<br>Name:<br></blockquote></div></div>

            --000000000000b1--
            """
        // The plain alternative says nothing useful here; Gmail users' HTML holds the form.
        try scenario.deliverRaw(raw.replacingOccurrences(of: "Please see my answers in the HTML version.\n", with: ""), from: scenario.participantAddress)
        try scenario.processOK()
        let person = try #require(try scenario.database().participant(email: scenario.participantAddress))
        #expect(person.profile.role == "mentee")
        #expect(person.profile.interactions == ["irc", "video"])
        #expect(person.status == .active)
        #expect(try scenario.participantInbox().last?.textBody?.contains("You are signed up.") == true)
    }

    @Test func anOutlookReplyWithTheAnswersTypedIntoTheQuotedFormIsUnderstood() throws {
        let scenario = try ServerScenario()
        let raw = header(scenario, subject: "RE: How do I join?", extra: "Content-Type: text/plain; charset=\"us-ascii\"") + """

            See my answers below.

            Alice

            -----Original Message-----
            From: Test Mentoring <\(scenario.programAddress)>
            Sent: Monday, November 2, 2026 9:00 AM
            To: Alice Example <\(scenario.participantAddress)>
            Subject: Re: How do I join?

            To sign up, reply to this message and fill in the lines below after the
            colons.

            Role: (mentor, mentee, or both) mentee
            Name: Alice Example
            Mentoring type: (technical, career, or both) career
            Areas: (e.g. Nova, documentation, upstream training, community) community
            Time zone: (e.g. Europe/Madrid, UTC+2, or your city) UTC+2
            Languages: (e.g. English, Spanish) English
            Interaction: (IRC, email, video, chat, in person) email
            Capacity: (mentors only: how many mentees at once; 1 if unsure)
            Availability: (e.g. weekday evenings)
            About me:
            """
        try scenario.deliverRaw(raw, from: scenario.participantAddress)
        try scenario.processOK()
        let person = try #require(try scenario.database().participant(email: scenario.participantAddress))
        #expect(person.profile.role == "mentee")
        #expect(person.profile.mentoringTypes == ["career"])
        #expect(person.profile.areas == ["community"])
        #expect(person.profile.timeZone == "UTC+02:00")
        #expect(person.status == .active)
    }

    @Test func aFormWithTwoErrorsIsAnsweredWithBothAndHowToFixThem() throws {
        let scenario = try ServerScenario()
        let broken = Self.filledForm.replacingOccurrences(of: "Role: mentee", with: "Role: teacher")
            .replacingOccurrences(of: "Languages: English, Spanish", with: "Languages: Klingonese")
        try scenario.participantWrites(subject: "Re: How do I join?", text: broken + "\n")
        try scenario.processOK()
        let text = try #require(try scenario.participantInbox().last?.textBody)
        #expect(text.contains("some lines need a fix"))
        #expect(text.contains("- Role: “teacher” is not a role we know"))
        #expect(text.contains("- Languages: We did not recognise “Klingonese” as a language"))
        #expect(text.contains("For example:  Role: mentee"))
        #expect(text.contains("For example:  Languages: English"))
        #expect(try scenario.database().participant(email: scenario.participantAddress)?.status == .incomplete)
    }

    @Test func updatePauseResumeWithdrawAndDeleteMyData() throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Sign up", text: Self.filledForm + "\n")
        try scenario.processOK()

        try scenario.participantWrites(subject: "Re: Sign up", text: "Time zone: Asia/Tokyo\n")
        try scenario.processOK()
        #expect(try scenario.database().participant(email: scenario.participantAddress)?.profile.timeZone == "Asia/Tokyo")
        #expect(try scenario.participantInbox().last?.textBody?.contains("Your profile is updated.") == true)
        #expect(try scenario.database().profileHistory(email: scenario.participantAddress).count == 2)

        for (word, status, answer) in [("pause", Participant.Status.paused, "Your participation is paused"),
                                       ("resume", .active, "Welcome back"),
                                       ("withdraw", .withdrawn, "You have left the program")] {
            try scenario.participantWrites(subject: "Re: Sign up", text: "\(word)\n")
            try scenario.processOK()
            #expect(try scenario.database().participant(email: scenario.participantAddress)?.status == status)
            #expect(try scenario.participantInbox().last?.textBody?.contains(answer) == true, "answer to \(word)")
        }

        try scenario.participantWrites(subject: "Re: Sign up", text: "Please delete my data.\n")
        try scenario.processOK()
        let ask = try #require(try scenario.participantInbox().last)
        let last = try scenario.database().inboundMessages().last.map { "\($0.disposition) \($0.note ?? "")" } ?? ""
        #expect(ask.textBody?.contains("We understood that you want us to delete your data") == true, "\(last)")
        #expect(try scenario.database().participant(email: scenario.participantAddress)?.status == .withdrawn, "nothing erased before the yes")
        try scenario.participantWrites(subject: "Re: \(ask.subject ?? "")", text: "Yes, please.\n")
        try scenario.processOK()
        let erased = try #require(try scenario.database().participant(email: scenario.participantAddress))
        #expect(erased.status == .erased)
        #expect(erased.profile == .erased)
        #expect(try scenario.participantInbox().last?.textBody?.contains("Your data is deleted") == true)
        #expect(try scenario.participantInbox().count == 7, "one answer per message, no more")
    }

    func csvForward(_ scenario: ServerScenario, authenticationResults: String?) -> String {
        let csv = """
            "Timestamp","Email Address","Name","Are you signing up as a mentor or mentee?","Type of mentoring","Areas","Time zone","Languages","How would you like to meet?","How many mentees can you take?"
            "2026/11/01 10:00","ana@example.net","Ana Souza","Mentee","Technical","Nova;Documentation","Lisbon","Portuguese;English","IRC","" 
            "2026/11/01 11:00","li.wei@example.com","Li Wei","Mentor","Career","Community","Beijing","Chinese;English","Email","2"
            "2026/11/01 12:00","broken","Bob","Mentee","Career","Community","UTC","English","Email",""
            "2026/11/01 13:00","eve@example.com","Eve","Wizard","Technical","Nova","Narnia","English","IRC",""
            """
        return Self.csvForward(csv, from: "Coordinator <\(scenario.coordinatorAddress)>", to: scenario.programAddress,
                               subject: "Fwd: Mentoring sign-ups (responses)", note: "New sign-ups from the form, please import.",
                               file: "Mentoring sign-ups (responses).csv", authenticationResults: authenticationResults)
    }

    /// A coordinator's mail carrying a form export `csv` as `file`, with `note` above it.
    static func csvForward(_ csv: String, from: String, to: String, subject: String, note: String, file: String,
                           authenticationResults: String? = nil) -> String {
        let encoded = Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        return """
            \(authenticationResults.map { "Authentication-Results: \($0)\n" } ?? "")From: \(from)
            To: \(to)
            Subject: \(subject)
            Date: Mon, 2 Nov 2026 12:00:00 +0000
            Message-ID: <\(UUID().uuidString)@example.org>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="mixed-b1"

            --mixed-b1
            Content-Type: text/plain; charset=UTF-8

            \(note)

            --mixed-b1
            Content-Type: text/csv; charset=UTF-8; name="\(file)"
            Content-Disposition: attachment; filename="\(file)"
            Content-Transfer-Encoding: base64

            \(encoded)
            --mixed-b1--
            """
    }

    @Test func aVerifiedCoordinatorsCSVExportIsImportedAndReportedRowByRow() throws {
        let scenario = try ServerScenario()
        let raw = csvForward(scenario, authenticationResults: "\(ServerScenario.trustedServer); dkim=pass header.d=example.org; dmarc=pass header.from=example.org")
        try scenario.deliverRaw(raw, from: scenario.coordinatorAddress)
        let figures = try scenario.processOK()
        #expect(figures["sent"] as? Int == 3, "the report and two welcome mails")

        let report = try #require(try scenario.coordinatorInbox().last?.textBody)
        #expect(report.contains("added      2"))
        #expect(report.contains("rejected   2"))
        #expect(report.contains("row 4, broken: no valid email address"))
        #expect(report.contains("row 5, eve@example.com: Role:"))
        #expect(report.contains("Time zone:"))

        let database = try scenario.database()
        #expect(try database.participant(email: "ana@example.net")?.profile.timeZone == "Europe/Lisbon")
        #expect(try database.participant(email: "li.wei@example.com")?.profile.capacity == 2)
        #expect(try database.participant(email: "eve@example.com") == nil)
        #expect(try database.outbox().filter { $0.purpose == "welcome" }.map(\.recipients).sorted() == ["ana@example.net", "li.wei@example.com"])
    }

    @Test func aForgedCoordinatorExportIsRefusedAndNothingIsImported() throws {
        let scenario = try ServerScenario()
        // No passing verdict from our server: the From line alone proves nothing.
        let raw = csvForward(scenario, authenticationResults: "\(ServerScenario.trustedServer); dkim=fail header.d=example.org; dmarc=fail header.from=example.org")
        try scenario.deliverRaw(raw, from: "attacker@example.com")
        try scenario.processOK()

        #expect(try scenario.database().participants().isEmpty)
        let refusal = try #require(try scenario.coordinatorInbox().last)
        let text = try #require(refusal.textBody)
        #expect(text.contains("we could not verify that it really came from you"))
        #expect(text.contains("Nothing has been done."))
        let inbound = try #require(try scenario.database().inboundMessages().last)
        #expect(inbound.disposition == .waiting)
        #expect(inbound.note?.hasPrefix("waiting for the confirmation code") == true)

        // The real coordinator confirms with the code: only then does the import run.
        let token = try #require(ConfirmationToken.find(in: [refusal.subject ?? ""]))
        try scenario.servers.deliver(from: scenario.coordinatorAddress, to: [scenario.programAddress],
                                     subject: "Re: \(refusal.subject ?? "")", text: "Yes, that was me.\n")
        try scenario.processOK()
        #expect(try scenario.database().participants().count == 2)
        #expect(try scenario.coordinatorInbox().last?.textBody?.contains("added      2") == true)
        _ = token
    }
    /// A first message in a language with no templates of its own, naming the role in a
    /// sentence: the form comes back in English with the role understood and filled in.
    @Test(arguments: [
        ("Ich würde gerne Mentorin sein.", "a mentor", "mentor"), ("أود الانضمام كمتدربة", "a mentee", "mentee"),
        ("Je voudrais être mentorée", "a mentee", "mentee"), ("Gostaria de participar como mentorada", "a mentee", "mentee"),
    ])
    func aRoleAskedForInAnotherLanguageIsFilledIn(text: String, said: String, role: String) throws {
        let scenario = try ServerScenario()
        try scenario.participantWrites(subject: "Mentoring", text: text + "\n")
        try scenario.processOK()
        let reply = try #require(try scenario.participantInbox().last)
        let body = try #require(reply.textBody)
        #expect(body.contains("You asked to join as \(said)"), "\(body)")
        #expect(body.contains("Role: \(role)\n"))
        #expect(body.contains("To sign up, reply to this message"))
        #expect(try scenario.database().inboundMessages().last?.rule == "first-contact")
    }
}
