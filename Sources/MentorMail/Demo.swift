import Foundation
import Logging
import Mail
import MailTransport
import MatchingCore

/// `mentormail demo`: the life of a program on the messages in mailbox-fixtures, with a local
/// Maildir as the mailbox and a folder of .eml files as the outbox, so no server is needed.
///
/// The clock is fixed (the fixtures' November 2026) and moves on a day or more per chapter,
/// so the story reads the same every time.
public struct Demo {
    /// The chapters' mail, in the order it "arrives".
    public static let firstContact = ["signup-request-plain.eml", "signup-request-gmail-html.eml", "signup-request-outlook.eml", "vacation-autoreply.eml"]
    public static let formReplies = ["form-reply-plain.eml", "form-reply-gmail-html.eml", "form-reply-outlook-quoted.eml", "form-reply-two-errors.eml"]
    public static let coordinatorExport = ["export-csv-forward.eml"]
    public static let question = ["question-apple-mail.eml"]
    public static let replyAll = "reply-all-introduction-thunderbird.eml"
    /// Lucía asks for our mail in Spanish ("Idioma del correo: español").
    public static let mailLanguage = "profile-mail-language-apple.eml"
    /// Check-in answers, each from the mentee it names (threaded under that person's survey).
    public static let checkinAnswers = [
        ("checkin-reply-numbered-thunderbird.eml", "jonas.schmidt@example.com", "Olúwáseun"),
        ("checkin-reply-gmail-html.eml", "olu.adeyemi@example.org", "Amara"),
        ("checkin-reply-apple-one-line.eml", "amara.nwosu@example.net", "Olúwáseun"),
        ("checkin-reply-outlook-inline.eml", "lucia.moreno@example.net", "Thabo"),
    ]
    /// Jonas corrects two of his check-in answers a week later, under the same survey.
    public static let checkinCorrection = ("checkin-correction-thunderbird.eml", "jonas.schmidt@example.com", "Olúwáseun")
    /// Answers to the Speed Mentoring invitation: by calendar (Google, Outlook, Apple) and in words.
    public static let eventAnswers = ["rsvp-google-accepted.eml", "rsvp-outlook-bare-accepted.eml", "rsvp-words-gmail-yes.eml",
                                      "rsvp-apple-accepted.eml", "rsvp-words-thunderbird-host.eml", "rsvp-words-mutt-no.eml"]
    public static let eventLateYes = "rsvp-words-outlook-spanish.eml"
    /// Kwame asks us to delete his data, then confirms under our question.
    public static let erasure = ["erasure-request-roundcube.eml", "erasure-confirm-roundcube.eml"]
    public static let eventDecline = "rsvp-google-declined-later.eml"
    /// Newcomers for the next round: first mails in Chinese and Japanese, and a request to join
    /// that a coordinator passes on.
    public static let nextRound = ["charset-gb2312.eml", "charset-iso-2022-jp.eml", "forward-gmail-after-signature.eml"]
    /// Kenji, a mentor still waiting for a mentee, changes his profile in sentences.
    public static let profileChange = "profile-change-sentences-thunderbird.eml"
    /// After the tables are set: Lucía cannot come after all, Jonas can, Inês is not sure.
    public static let eventChanges = ["rsvp-words-after-tables-spanish-no.eml", "rsvp-words-after-tables-late-yes.eml",
                                      "rsvp-words-maybe-iphone.eml"]
    public static let start = Date(timeIntervalSince1970: 1_793_620_800) // 2026-11-02 08:00 UTC
    /// The Speed Mentoring chapter: invitations go out on 2027-04-01 08:30 UTC.
    static let eventInvitationsSent = Date(timeIntervalSince1970: 1_806_568_200)
    /// The event's calendar UID, as the calendar answers in mailbox-fixtures carry it.
    static let eventUID = "speed-mentoring-2027-04-22@example.org"
    /// Left in a folder the demo made, so that it only ever replaces its own folders.
    static let marker = ".mentormail-demo"

    public var directory: URL
    public var fixtures: URL
    public var templates: URL
    public var logger: Logger
    /// Where the story is told (standard output in the command).
    public var say: (String) -> Void

    public init(directory: URL, fixtures: URL, templates: URL, logger: Logger, say: @escaping (String) -> Void) {
        self.directory = directory
        self.fixtures = fixtures
        self.templates = templates
        self.logger = logger
        self.say = say
    }

    /// The text of the newest message sent to `address`.
    func lastAnswer(to address: String, in outbox: DirectorySender) throws -> String? {
        try outbox.sentFiles().reversed().lazy
            .map { Message(bytes: Array(try Data(contentsOf: $0))) }
            .first { $0.to.first?.normalized == address }?.textBody
    }

    /// The sample mail and the templates are there, before anything is made.
    func checkInputs() throws {
        let hint = "run it from the repository folder (scripts/demo.sh does), or pass --fixtures and --templates"
        guard FileManager.default.fileExists(atPath: fixtures.appendingPathComponent(Self.firstContact[0]).path) else {
            throw MentorMailError(.unavailable, "no sample mail at \(fixtures.path): \(hint)")
        }
        guard ShippedTemplates.folder(templates.path, currentDirectory: directory) != nil else {
            throw MentorMailError(.unavailable, "no mail templates at \(templates.path): \(hint)")
        }
    }

    /// Empties the working folder, refusing one that holds anything the demo did not make.
    func prepareFolder() throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: directory.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw MentorMailError(.data, "\(directory.path) is a file; give --dir a folder")
            }
            let contents = try fileManager.contentsOfDirectory(atPath: directory.path)
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw MentorMailError(.data, "\(directory.path) is not empty and was not made by the demo; give --dir a new or empty folder")
            }
            try fileManager.removeItem(at: directory)
        }
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("made by mentormail demo; the next demo run replaces this folder\n".utf8)
            .write(to: directory.appendingPathComponent(Self.marker))
    }

    public func run() throws {
        try checkInputs()
        try prepareFolder()
        let configURL = directory.appendingPathComponent("mentormail.toml")
        try """
        [program]
        name = "OpenStack Mentoring"
        address = "mentoring@example.org"
        coordinators = ["coordinator@example.org"]
        database = "mentormail.sqlite"
        templates = "\(templates.path)"

        [mailbox]
        url = "maildir:mailbox"

        [smtp]
        url = "dir:outbox"

        [enrollment]
        # Our mail server's name in Authentication-Results: its DKIM/DMARC verdicts are trusted.
        trusted_authserv_id = "mx.example.org"

        """.write(to: configURL, atomically: true, encoding: .utf8)
        let config = try Config.load(path: configURL.path)
        let mailbox = try MaildirMailbox(path: directory.appendingPathComponent("mailbox").path)
        let outbox = try DirectorySender(path: directory.appendingPathComponent("outbox").path)
        let library = try TemplateLibrary(directory: config.program.templates)
        let database = try AppDatabase(path: config.program.database)
        let program = Program(config: config, database: database, templates: library)
        var now = Self.start
        var told = 0
        let day: TimeInterval = 86_400

        func process() throws -> ProcessReport {
            var report = Processor(program: program, mailbox: mailbox, sender: outbox, now: now, logger: logger).run()
            report.stillQueued = try database.queuedCount()
            try database.recordRun(report, startedAt: now, finishedAt: now)
            return report
        }
        func arrive(_ names: [String], rewrite: (String) -> String = { $0 }) throws {
            for name in names {
                let source = fixtures.appendingPathComponent(name)
                guard let bytes = try? Data(contentsOf: source) else {
                    throw MentorMailError(.unavailable, "cannot read the fixture \(source.path): run the demo from the repository folder or pass --fixtures")
                }
                let delivered = Data(rewrite(String(decoding: bytes, as: UTF8.self)).utf8)
                let message = Message(bytes: Array(delivered))
                try delivered.write(to: directory.appendingPathComponent("mailbox/new/\(Int(now.timeIntervalSince1970)).\(name)"))
                say("   ✉ \(message.from?.address ?? "?"): \"\(message.subject ?? "")\"  (\(name))")
            }
        }
        /// Prints what the run understood and the mail it sent since the last chapter.
        func tell(_ report: ProcessReport) throws {
            let inbound = try database.inboundMessages()
            for message in inbound.suffix(report.examined) {
                let note = message.note.map { ": \($0)" } ?? ""
                say("   → \(message.sender ?? "?"): \(message.intent), \(message.disposition.rawValue)\(note)")
            }
            sent()
        }
        func sent() {
            let files = outbox.sentFiles()
            for file in files.dropFirst(told) {
                let message = Message(bytes: Array((try? Data(contentsOf: file)) ?? Data()))
                say("   ↩ to \(message.to.map(\.address).joined(separator: ", ")): \"\(message.subject ?? "")\"  (outbox/\(file.lastPathComponent))")
            }
            told = files.count
        }
        func heldList() throws {
            for record in try database.heldMessages() {
                say("   | #\(record.id ?? 0)  \(record.disposition.rawValue)  \(record.sender ?? "-")  \"\(record.subject ?? "")\"  \(record.note ?? "")")
            }
        }

        say("MentorMail demo: a mentoring program run entirely by email")
        say("Working folder: \(directory.path) (mailbox: a Maildir; outbox: one .eml file per sent message)")
        say("")
        say("1. No round is open yet. Newcomers write in; each run of `mentormail process` (cron) answers")
        say("   with the sign-up form, and never answers an auto-reply:")
        try arrive(Self.firstContact)
        try tell(try process())
        say("")

        now += day
        say("2. They reply with the form filled in (plain text, Gmail HTML, Outlook with answers typed")
        say("   into the quoted form, and one with mistakes); each gets back what was understood, and")
        say("   waits in the pool for the next round:")
        try arrive(Self.formReplies)
        try tell(try process())
        for person in try database.participants() {
            say("      \(person.email): \(person.profile.role.isEmpty ? "?" : person.profile.role), \(person.profile.timeZone.isEmpty ? "no time zone" : person.profile.timeZone), \(person.status.rawValue)")
        }
        if let fix = try lastAnswer(to: "kwame.mensah@example.net", in: outbox) {
            say("   the answer to the form with mistakes says what to fix:")
            for line in fix.split(separator: "\n") where line.hasPrefix("  - ") || line.hasPrefix("    For example") { say("   \(line)") }
        }
        say("")

        now += day
        say("3. The coordinator forwards the web form's CSV export (DKIM-verified by our mail server):")
        try arrive(Self.coordinatorExport)
        try tell(try process())
        if let report = try lastAnswer(to: "coordinator@example.org", in: outbox) {
            say("   the coordinator's import report:")
            for line in report.split(separator: "\n").prefix(while: { !$0.hasPrefix("-- ") }) { say("   | \(line)") }
        }
        say("")

        now += day
        say("4. A participant asks questions only a person can answer. The program holds her mail for the")
        say("   coordinators, tells her they have it, and sends them a digest (once per run, only when")
        say("   something new is held):")
        try arrive(Self.question)
        try tell(try process())
        say("   mentormail held list:")
        try heldList()
        say("")

        now += day
        let opening = try program.openRound(name: "2026-Q4", closesAt: now + 10 * day, now: now)
        say("5. A coordinator opens the round:  mentormail round open 2026-Q4 --closes 2026-11-16")
        say("   Round \(opening.round.name) opened with \(opening.mentees) mentees and \(opening.mentors) mentors from the pool.")
        say("")

        now += 10 * day
        let round = opening.round
        say("6. The round closes and is matched:  mentormail match --round \(round.name) --report round-report.html")
        let proposal = try program.proposeMatches(round: round.name, method: .optimal, dryRun: false, now: now)
        let people = try database.participantsByID()
        for line in ProposalView(proposal, people: people).text.split(separator: "\n", omittingEmptySubsequences: false) {
            say("   \(line)")
        }
        let reportURL = directory.appendingPathComponent("round-report.html")
        try RoundReport(round: round.name, proposal: proposal, people: people, config: config, now: now).html()
            .write(to: reportURL, atomically: true, encoding: .utf8)
        _ = try process()
        say("   the proposal goes to the coordinators for review, with the code \(proposal.token):")
        sent()
        say("")

        now += day
        let introductionDay = now
        say("7. A coordinator approves (by replying \"APPROVE\" to the review, or:  mentormail round approve \(round.name)):")
        say("   \(try program.decideProposal(round: round.name, approve: true, now: now).summary)")
        let sentBefore = outbox.sentFiles().count
        try tell(try process())
        let introductionFile = outbox.sentFiles().dropFirst(sentBefore).first { $0.lastPathComponent.contains("-to-maria") }
        if try database.outbox().contains(where: { $0.purpose == MailKind.unmatchedMentorNote.rawValue }) {
            say("   A mentor whom no mentee fitted this time is thanked, once, and stays available for the next round.")
        }
        say("")

        now += 2 * day
        say("8. María answers all to her introduction, copying the program. The introduction is the only")
        say("   mail a pair gets from us: her mail is kept for the coordinators, never answered:")
        let introduction = try database.outbox().first { row in
            row.purpose == MailKind.introduction.rawValue && row.recipientList.contains("maria.garcia@example.net")
        }
        try arrive([Self.replyAll]) { text in
            // Thread it under the introduction this run sent, as her mail client would.
            text.replacingOccurrences(of: "introduction-placeholder@example.org", with: introduction?.messageID ?? "introduction-placeholder@example.org")
        }
        try tell(try process())
        say("   mentormail held list:")
        try heldList()
        if let question = try database.heldMessages().first(where: { $0.sender == "lucia.moreno@example.net" }), let id = question.id {
            _ = try program.releaseHeld(id: id, now: now, by: "coordinator", note: "answered Lucía by email")
            say("   the coordinator answered Lucía herself:  mentormail held release \(id) --note \"answered Lucía by email\"")
        }

        now += day
        say("   Lucía wrote her question in English; now she asks for our mail in Spanish with one line.")
        say("   A \"Mail language:\" line is a choice that stays, whatever language she writes in later:")
        try arrive([Self.mailLanguage])
        try tell(try process())
        say("")

        now = introductionDay + Double(config.checkin.afterDays) * day
        say("9. \(config.checkin.afterDays) days after the introductions, the check-in: each side of each pair gets five")
        say("   short questions, separately:")
        try tell(try process())
        say("")

        now += day + 10 * 3_600
        say("10. Answers come back in three shapes: numbered lines (Jonas, Thunderbird), one line in")
        say("    Gmail (Olúwáseun: \"5, yes, good fit, graduate\", and Amara, his mentor, agrees), and typed under each question of an")
        say("    Outlook copy of her survey, answered in Spanish (Lucía: \"no encajamos\", a new match please, and a note).")
        say("    Each is confirmed, in the person's language;")
        say("    one pair graduates, one ends kindly, and the coordinators' digest says so:")
        for (name, sender, partner) in Self.checkinAnswers {
            let survey = try database.outbox().last { row in
                row.purpose == MailKind.checkinSurvey.rawValue && row.recipientList.contains(sender) && row.subject.contains(partner)
            }
            try arrive([name]) { text in
                text.replacingOccurrences(of: "survey-placeholder@example.org", with: survey?.messageID ?? "survey-placeholder@example.org")
            }
        }
        try tell(try process())
        if let digest = try lastAnswer(to: "coordinator@example.org", in: outbox) {
            say("   the digest:")
            for line in digest.split(separator: "\n").prefix(while: { !$0.hasPrefix("What you can do") }) { say("   | \(line)") }
        }
        say("")

        now += 6 * day
        say("11. A week after the check-in, ONE reminder to whoever has not answered (never a second):")
        try tell(try process())
        say("   mentormail pairs list:")
        for pair in try database.pairs() {
            say("   | \(pair.id)  \(pair.mentee.name) with \(pair.mentor.name): \(pair.status)")
        }
        now += 2 * day
        say("   Two days later Jonas writes again under his survey: \"more of a 4 now\", and they meet only sometimes.")
        say("   The program changes those two answers, keeps the rest, and tells him what each was before:")
        let (correction, jonas, partner) = Self.checkinCorrection
        let jonasSurvey = try database.outbox().last { row in
            row.purpose == MailKind.checkinSurvey.rawValue && row.recipientList.contains(jonas) && row.subject.contains(partner)
        }
        try arrive([correction]) { text in
            text.replacingOccurrences(of: "survey-placeholder@example.org", with: jonasSurvey?.messageID ?? "survey-placeholder@example.org")
        }
        try tell(try process())
        if let answer = try lastAnswer(to: jonas, in: outbox) {
            for line in answer.split(separator: "\n") where line.contains("(before:") { say("   | \(line)") }
        }
        let reportWithPairs = RoundReport(round: round.name, proposal: proposal, people: try database.participantsByID(), config: config,
                                          now: now, pairs: try database.pairs(round: round.name)).html()
        try reportWithPairs.write(to: reportURL, atomically: true, encoding: .utf8)
        say("")

        say("12. cron runs `mentormail process` again: nothing is sent twice.")
        let again = try process()
        say("   examined \(again.examined), sent \(again.sent)")
        say("")

        let sheetURL = try speedMentoring(program: program, setClock: { now = $0 }, arrive: arrive, process: process, tell: tell)
        say("")

        now += 18 * day
        say("17. Kwame never finished his form; he asks us to delete his data. The program asks him to confirm,")
        say("    his \"Yes\" erases his profile, the mail he sent and our mail to him, keeping only his address")
        say("    marked do-not-contact, and the Maildir's copies of his mail go in the same run:")
        try arrive([Self.erasure[0]])
        try tell(try process())
        now += 2 * 3_600
        let ask = try database.outbox().last { $0.recipientList.contains("kwame.mensah@example.net") }
        try arrive([Self.erasure[1]]) { text in
            text.replacingOccurrences(of: "erasure-ask-placeholder@example.org", with: ask?.messageID ?? "erasure-ask-placeholder@example.org")
                .replacingOccurrences(of: "Subject: Re: OpenStack Mentoring: please confirm",
                                      with: "Subject: " + ((ask?.subject).map { $0.hasPrefix("Re: ") ? $0 : "Re: " + $0 } ?? "Re: My data"))
        }
        let erased = try process()
        try tell(erased)
        say("   deleted from the mailbox: \(erased.erasedFromMailbox ?? 0) message(s) of his; what is kept of him:")
        if let person = try database.participant(email: "kwame.mensah@example.net") {
            say("   | \(person.email)  \(person.status.rawValue)  name: \(person.profile.name.isEmpty ? "(none)" : person.profile.name)")
        }
        say("")

        now += 14 * day
        say("18. Newcomers for the next round write as they write: Wang Fang in Chinese, Hanako Sato in")
        say("    Japanese, and Marco to a coordinator, who forwards his mail. Each gets the form filled in")
        say("    from their own words, to check and send back; the coordinator is told Marco has it:")
        try arrive(Self.nextRound)
        try tell(try process())
        for address in ["wang.fang@example.com", "hanako.sato@example.com", "marco.bianchi@example.org"] {
            guard let form = try lastAnswer(to: address, in: outbox) else { continue }
            // The lines filled in from their words, not those still showing what to write.
            let filled = form.split(separator: "\n").filter { line in
                guard let colon = line.firstIndex(of: ":"), ["Role", "Areas", "Time zone", "Languages", "Capacity"].contains(String(line[..<colon])) else { return false }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                return !value.isEmpty && !value.hasPrefix("(")
            }
            say("   \(address): " + filled.joined(separator: " / "))
        }
        say("   Kenji, a mentor still waiting for a mentee, changes his profile in sentences: \"I can also do")
        say("   video calls now. And please add Cinder to my areas.\" Both are added; the rest stays:")
        try arrive([Self.profileChange])
        try tell(try process())
        if let answer = try lastAnswer(to: "kenji.watanabe@example.com", in: outbox) {
            let lines = answer.split(separator: "\n").filter { $0.hasPrefix("  Areas:") || $0.hasPrefix("  Interaction:") }
            say("   kenji.watanabe@example.com: " + lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " / "))
        }
        say("")
        say("Look closer:")
        say("   an introduction:  cat \(introductionFile?.path ?? "")")
        say("   the round report: \(reportURL.path)  (with how the pairs are doing; scripts/screenshot-report.sh renders it)")
        say("   held mail:        mentormail held list --all --config \(configURL.path)")
        say("   the pairs:        mentormail pairs show 3 --config \(configURL.path)")
        say("   the event:        mentormail event show 1 --config \(configURL.path)")
        say("   the tables:       \(sheetURL.path)  (printable, one page per rotation)")
        say("   the state:        mentormail participants list --config \(configURL.path)")
        say("                     mentormail round show \(round.name) --config \(configURL.path)")
    }

    /// Chapters 13–16: a Speed Mentoring event at the summit, from the invitations to the tables
    /// and the tables formed anew.
    /// Returns where the coordinators' printable sheet was written.
    private func speedMentoring(program: Program, setClock: (Date) -> Void, arrive: ([String], (String) -> String) throws -> Void,
                                process: () throws -> ProcessReport, tell: (ProcessReport) throws -> Void) throws -> URL {
        let database = program.database
        var now = Self.eventInvitationsSent {
            didSet { setClock(now) }
        }
        setClock(now)
        let zone = TimeZone(identifier: "Europe/Berlin") ?? .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let startsAt = calendar.date(from: DateComponents(year: 2027, month: 4, day: 22, hour: 17, minute: 0)) ?? now
        say("13. At the next summit, Speed Mentoring: newcomers meet mentors at tables, two short rotations.")
        say("    mentormail event create \"Speed Mentoring at the Summit\" --at 2027-04-22T17:00 --tz Europe/Berlin \\")
        say("        --duration 90m --capacity 3 --tables 2 --rotations 2 --location \"Room 2.1, Summit venue\"")
        let event = try program.createEvent(EventPlan(name: "Speed Mentoring at the Summit", startsAt: startsAt, timeZone: zone,
                                                      durationMinutes: 90, capacity: 3, tables: 2, rotations: 2,
                                                      location: "Room 2.1, Summit venue", uid: Self.eventUID), now: now)
        say("    The next run invites every active participant (mentees to attend, mentors to host a table),")
        say("    each mail with a calendar invitation that shows Accept / Decline / Maybe:")
        try tell(try process())
        say("")

        /// The fixtures answer "the" invitation: thread each under the one its sender got.
        func threaded(_ text: String) -> String {
            let sender = Message(bytes: Array(text.utf8)).from?.normalized ?? ""
            let invitation = (try? database.outbox())?.last { $0.purpose == MailKind.eventInvitation.rawValue && $0.recipientList.contains(sender) }
            return text.replacingOccurrences(of: "invitation-placeholder@example.org", with: invitation?.messageID ?? "invitation-placeholder@example.org")
        }
        now += 3.5 * 3_600
        say("14. Answers come back every way people answer: Accept in Google Calendar (Jonas), in Outlook")
        say("    (María), in Apple Calendar (Amara), and in words under the invitation: \"Count me in!\" (Inês),")
        say("    \"Happy to host a table\" (Kenji), \"Sorry, I can't make it\" (Thabo). Each is confirmed:")
        try arrive(Self.eventAnswers, threaded)
        try tell(try process())
        now += 3 * 3_600
        say("    Wanjiru joins after the invitations went out: a coordinator imports her form row")
        say("    (mentormail import late-signups.csv). The next run welcomes her and, while the tables are not")
        say("    set, sends her the same invitation, once:")
        let lateSignup = "Email Address,Your name,Role,Mentoring type,Areas,Time zone,Languages\n"
            + "wanjiru.kamau@example.org,Wanjiru Kamau,mentee,technical,Documentation,Africa/Nairobi,\"English, Swahili\"\n"
        _ = try program.importFormExport(try FormExport.csv(lateSignup, headerMap: program.config.enrollment.importHeaders),
                                         source: "late-signups.csv", now: now, dryRun: false)
        try tell(try process())
        now += 86_400 + 3 * 3_600
        say("    The three seats are taken when Lucía writes \"¡Sí! Allí estaré\": she goes on the waitlist, told in Spanish:")
        try arrive([Self.eventLateYes], threaded)
        try tell(try process())
        now += 22 * 3_600
        say("    Jonas declines in Google Calendar: his seat goes to Lucía in the same transaction, and she is told:")
        try arrive([Self.eventDecline], threaded)
        try tell(try process())
        let shown = try database.event(id: event.id)
        say("   mentormail event show \(event.id):")
        say("   | \(shown.acceptedMentees) of \(shown.capacity) seats, \(shown.acceptedMentors) of \(shown.tables) tables, \(shown.waitlisted) waiting")
        for (title, guests) in [("accepted", shown.accepted), ("declined", shown.declined), ("no answer", shown.noAnswer)] {
            for guest in guests ?? [] { say("   | \(title.padding(toLength: 10, withPad: " ", startingAt: 0)) \(guest.email) (\(guest.role), by \(guest.answeredBy ?? "-"))") }
        }
        say("")

        now = startsAt.addingTimeInterval(-Double(program.config.events.groupsBeforeHours) * 3_600)
        say("15. A day before ([events] groups_before_hours = \(program.config.events.groupsBeforeHours)), the run forms the rotations: every mentee meets")
        say("    a different mentor in each rotation, tables within one person of each other, chosen for a")
        say("    common language, then shared areas; everyone coming gets a schedule (others by first name")
        say("    only) and the coordinators a sheet:")
        try tell(try process())
        if let schedule = try lastAnswer(to: "ines.carvalho@example.com", in: DirectorySender(path: directory.appendingPathComponent("outbox").path)) {
            say("   Inês's schedule:")
            for line in schedule.split(separator: "\n").filter({ $0.hasPrefix("  Rotation") }) { say("   | \(line)") }
        }
        let sheetURL = directory.appendingPathComponent("event-sheet.html")
        try program.eventSheet(id: event.id, now: now).write(to: sheetURL, atomically: true, encoding: .utf8)
        say("")

        now += 5 * 3_600
        say("16. Plans change once the tables are set: Lucía writes \"al final no puedo ir\", Jonas that he")
        say("    can come after all (\"Is there still a seat?\"), and Inês that she is not sure she can make it:")
        say("    a maybe, so she keeps her seat. Each is answered; the coordinators are told, and Jonas's")
        say("    question waits for them:")
        try arrive(Self.eventChanges, threaded)
        try tell(try process())
        now += 3_600
        let again = try program.formEventGroups(id: event.id, now: now, again: true, actor: "coordinator@example.org")
        say("    A coordinator forms the tables anew: mentormail event groups \(event.id) --again")
        say("   | formed anew: \(again.mentees) mentee(s) at \(again.mentors) table(s), \(again.rotations) rotation(s); from the waitlist: "
            + (again.promoted.isEmpty ? "nobody" : again.promoted.joined(separator: ", "))
            + "; \(again.schedulesUnchanged) schedule(s) stay the same")
        say("    Jonas gets Lucía's seat; whoever's schedule changed gets the new one, the coordinators a new sheet:")
        try tell(try process())
        try program.eventSheet(id: event.id, now: now).write(to: sheetURL, atomically: true, encoding: .utf8)
        say("   the printable sheet: mentormail event sheet \(event.id) --output \(sheetURL.lastPathComponent)")
        return sheetURL
    }
}
