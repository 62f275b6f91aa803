import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// The months after an introduction through the real servers, with `--now` jumps: the check-in
/// on day 90, answers in four shapes, one reminder, the digest, a graduation and a re-match.
@Suite struct CheckinEndToEndTests {
    static let start = Date(timeIntervalSince1970: 1_799_658_000) // 2027-01-11 09:00 UTC

    static func day(_ n: Int) -> String { start.addingTimeInterval(Double(n) * 86_400).formatted(.iso8601) }

    struct People {
        let scenario: ServerScenario
        let users: [String: String]
        func address(_ who: String) -> String { "\(users[who] ?? who)@example.org" }
        func inbox(_ who: String) throws -> [Message] { try scenario.servers.messages(of: users[who] ?? who) }
    }

    func run(_ scenario: ServerScenario, _ arguments: [String], day: Int) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(arguments + ["--config", scenario.configPath, "--now", Self.day(day)])
        #expect(result.status == 0, "\(arguments) on day \(day): \(result.stderr)")
        return result
    }

    @discardableResult
    func process(_ scenario: ServerScenario, day: Int, fault: String? = nil) throws -> [String: Any] {
        var environment: [String: String] = [:]
        if let fault { environment["MENTORMAIL_FAULT"] = fault }
        let result = try CommandRunner.run(["process", "--config", scenario.configPath, "--json", "--now", Self.day(day)], environment: environment)
        if fault != nil { return [:] }
        #expect(result.status == 0, "day \(day): \(result.stderr)")
        return try scenario.report(result)
    }

    func form(_ role: String, _ name: String) -> String {
        "Role: \(role)\nName: \(name)\nMentoring type: technical\nAreas: Nova\nTime zone: Europe/Madrid\nLanguages: English\nInteraction: IRC, email\n"
            + (role == "mentor" ? "Capacity: 1\n" : "")
    }

    /// Three mentees and three mentors, signed up and introduced on day 0.
    func introduced(mentees: [String], mentors: [String], mailLanguage: [String: String] = [:]) throws -> People {
        let scenario = try ServerScenario()
        var users: [String: String] = [:]
        for who in mentees + mentors { users[who] = TestServers.uniqueUser(who.lowercased()) }
        let people = People(scenario: scenario, users: users)
        _ = try run(scenario, ["round", "open", "R1", "--closes", Self.day(30)], day: -3)
        for who in mentees {
            let language = mailLanguage[who].map { "Mail language: \($0)\n" } ?? ""
            try scenario.servers.deliver(from: people.address(who), to: [scenario.programAddress], subject: "Sign up", text: form("mentee", who) + language)
        }
        for who in mentors { try scenario.servers.deliver(from: people.address(who), to: [scenario.programAddress], subject: "Sign up", text: form("mentor", who)) }
        try process(scenario, day: -2)
        _ = try run(scenario, ["match", "--round", "R1"], day: -1)
        _ = try run(scenario, ["round", "approve", "R1"], day: 0)
        try process(scenario, day: 0)
        return people
    }

    /// The pair (id and mentor) of a mentee.
    func pair(of mentee: String, _ people: People) throws -> (id: Int, mentor: String) {
        let result = try run(people.scenario, ["pairs", "list", "--json"], day: 0)
        let pairs = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let found = try #require(pairs.first { ($0["mentee"] as? [String: Any])?["email"] as? String == people.address(mentee) })
        let mentorEmail = try #require((found["mentor"] as? [String: Any])?["email"] as? String)
        let mentor = try #require(people.users.first { "\($0.value)@example.org" == mentorEmail }?.key)
        return (try #require(found["id"] as? Int), mentor)
    }

    func survey(of who: String, _ people: People) throws -> Message {
        try #require(try people.inbox(who).last { $0.subject?.contains("how is your mentoring with") == true && $0.subject?.hasPrefix("Reminder") == false })
    }

    func reply(_ people: People, from who: String, to original: Message, raw body: String, contentType: String = "text/plain; charset=utf-8") throws {
        let raw = """
            From: \(who) <\(people.address(who))>
            To: \(people.scenario.programAddress)
            Subject: Re: \(original.subject ?? "")
            Message-ID: <\(UUID().uuidString)@example.org>
            In-Reply-To: <\(original.messageID ?? "")>
            References: <\(original.messageID ?? "")>
            MIME-Version: 1.0
            Content-Type: \(contentType)

            \(body)
            """
        try people.scenario.deliverRaw(raw, from: people.address(who))
    }

    func quoted(_ message: Message) -> String {
        (message.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
    }

    @Test func theCheckinFromDay90ToGraduationAndARematch() throws {
        let people = try introduced(mentees: ["Mia", "Bea", "Cai"], mentors: ["Max", "Bo", "Cy"])
        let scenario = people.scenario
        let (p1, mentor1) = try pair(of: "Mia", people)
        let (p2, mentor2) = try pair(of: "Bea", people)
        let (_, mentor3) = try pair(of: "Cai", people)

        // Nothing before day 90.
        #expect(try process(scenario, day: 89)["sent"] as? Int == 0)
        let jobs = try #require(try JSONSerialization.jsonObject(with: Data(try run(scenario, ["jobs", "list", "--json"], day: 89).stdout.utf8)) as? [[String: Any]])
        #expect(jobs.filter { $0["kind"] as? String == "checkin-survey" && $0["status"] as? String == "pending" }.count == 3)

        // Day 90: one survey to each side, separately.
        #expect(try process(scenario, day: 90)["sent"] as? Int == 6)
        for who in ["Mia", "Bea", "Cai", "Max", "Bo", "Cy"] {
            let survey = try survey(of: who, people)
            #expect(survey.to.map(\.normalized) == [people.address(who)], "\(who) gets their own survey")
            #expect(survey.textBody?.contains("2. Are you meeting? (yes / no / sometimes)") == true)
        }

        // Answers in four shapes.
        let miaSurvey = try survey(of: "Mia", people)
        try reply(people, from: "Mia", to: miaSurvey, raw: "Hi!\n\n1. 5\n2. yes\n3. good fit\n4. continue\n5. nothing\n\nMia\n\n" + quoted(miaSurvey))
        let mentor1Survey = try survey(of: mentor1, people)
        try reply(people, from: mentor1, to: mentor1Survey, raw: """
            --gmail-boundary
            Content-Type: text/plain; charset="UTF-8"

            4, sometimes, good fit, continue

            On Mon, Apr 11, 2027 at 9:00 AM Test Mentoring <\(scenario.programAddress)> wrote:
            \(quoted(mentor1Survey))

            --gmail-boundary
            Content-Type: text/html; charset="UTF-8"

            <div dir="ltr">4, sometimes, good fit, continue</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Apr 11, 2027 at 9:00 AM Test Mentoring wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">\(mentor1Survey.textBody?.replacingOccurrences(of: "\n", with: "<br>\n") ?? "")</blockquote></div>

            --gmail-boundary--
            """, contentType: "multipart/alternative; boundary=\"gmail-boundary\"")
        let beaSurvey = try survey(of: "Bea", people)
        let outlookBody = (beaSurvey.textBody ?? "")
            .replacingOccurrences(of: "1. How is it going? (1 = badly … 5 = very well)", with: "1. How is it going? (1 = badly … 5 = very well)\n2")
            .replacingOccurrences(of: "2. Are you meeting? (yes / no / sometimes)", with: "2. Are you meeting? (yes / no / sometimes)\nNo, he cancels every time.")
            .replacingOccurrences(of: "3. How is the fit? (good fit / still deciding / not a good fit)", with: "3. How is the fit? (good fit / still deciding / not a good fit)\nNot a good fit")
            .replacingOccurrences(of: "4. What next? (continue / graduate / need a new match)", with: "4. What next? (continue / graduate / need a new match)\nNeed a new match")
            .replacingOccurrences(of: "5. Anything for the coordinators?", with: "5. Anything for the coordinators?\nHe has not answered my last three emails.")
        try reply(people, from: "Bea", to: beaSurvey, raw: """
            My answers are in the text below.

            ________________________________
            From: Test Mentoring <\(scenario.programAddress)>
            Sent: Monday, April 11, 2027 11:00 AM
            To: Bea <\(people.address("Bea"))>
            Subject: \(beaSurvey.subject ?? "")

            \(outlookBody)
            """)
        try reply(people, from: "Cai", to: try survey(of: "Cai", people), raw: "5 yes good fit continue")

        let day91 = try process(scenario, day: 91)
        #expect(day91["answered"] as? Int == 4)
        let confirmation = try #require(try people.inbox("Cai").last)
        #expect(confirmation.subject?.hasPrefix("Re: ") == true)
        let caiText = try #require(confirmation.textBody)
        for line in ["1. How it is going: 5 of 5", "2. Meeting: yes", "3. The fit: good fit", "4. What next: continue", "That is all we need."] {
            #expect(caiText.contains(line), "\(line) in\n\(caiText)")
        }
        #expect(try people.inbox("Mia").last?.textBody?.contains("4. What next: continue") == true)
        #expect(try people.inbox(mentor1).last?.textBody?.contains("2. Meeting: sometimes") == true)
        // Bea's answers end the pair: both told, kindly; the coordinators get it in the digest.
        #expect(try people.inbox("Bea").contains { $0.subject?.contains("has ended") == true })
        #expect(try people.inbox(mentor2).contains { $0.subject?.contains("has ended") == true })
        let digest = try #require(try scenario.coordinatorInbox().last)
        let digestText = try #require(digest.textBody)
        #expect(digest.subject?.contains("1 pair(s) need a coordinator") == true, "\(digest.subject ?? "")")
        #expect(digestText.contains("Pair \(p2) (ended)"))
        #expect(digestText.contains("says it is not a good fit"))
        #expect(digestText.contains("note: Bea: He has not answered my last three emails."))
        #expect(digestText.contains("Suggested: the mentee is back in the pool"))

        // Day 97: one reminder, only to the silent side of a pair still going.
        let before = (try people.inbox(mentor3).count, try people.inbox(mentor2).count, try people.inbox("Cai").count)
        try process(scenario, day: 97)
        #expect(try people.inbox(mentor3).count == before.0 + 1)
        #expect(try people.inbox(mentor3).last?.subject?.hasPrefix("Reminder:") == true)
        #expect(try people.inbox(mentor2).count == before.1, "an ended pair is not reminded")
        #expect(try people.inbox("Cai").count == before.2, "who answered is not reminded")
        // Day 104: no second reminder; the coordinators hear of the silence.
        try process(scenario, day: 104)
        #expect(try people.inbox(mentor3).count == before.0 + 1)
        #expect(try scenario.coordinatorInbox().last?.textBody?.contains("no answer to the check-in after the reminder from the mentor") == true)

        // Both answered "continue"; now both write "we're done" under the introduction: the
        // pair graduates, both thanked.
        let introduction = try #require(try people.inbox("Mia").first { $0.subject?.contains("meet your mentoring match") == true })
        try reply(people, from: "Mia", to: introduction, raw: "We're done, thank you so much! It was wonderful.\n\nMia")
        try process(scenario, day: 105)
        #expect(try people.inbox("Mia").last?.subject?.contains("goes on for now") == true)
        try reply(people, from: mentor1, to: introduction, raw: "Yes, we're done. It was a pleasure.")
        try process(scenario, day: 105)
        #expect(try people.inbox("Mia").last?.subject?.contains("congratulations on graduating") == true)
        #expect(try people.inbox("Mia").last?.textBody?.contains("yes, sign me up as a mentor") == true)
        #expect(try people.inbox(mentor1).last?.subject?.contains("congratulations on graduating") == true)
        let shown = try run(scenario, ["pairs", "show", String(p1), "--json"], day: 105)
        let details = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect((details["pair"] as? [String: Any])?["status"] as? String == "graduated")
        #expect(((details["timeline"] as? [[String: Any]]) ?? []).contains { ($0["what"] as? String)?.contains("checkin-survey") == true })

        // The next round: Bea waits in the pool, and never gets her old mentor again. Her old
        // mentor is the only one with a free place (Mia's mentor pauses).
        try scenario.servers.deliver(from: people.address(mentor1), to: [scenario.programAddress], subject: "pause", text: "pause\n")
        try process(scenario, day: 106)
        _ = try run(scenario, ["round", "close", "R1"], day: 106)
        let opened = try run(scenario, ["round", "open", "R2", "--closes", Self.day(130)], day: 106)
        #expect(opened.stdout.contains("opened with 1 mentee"), "\(opened.stdout)")
        let matched = try run(scenario, ["match", "--round", "R2", "--dry-run", "--json"], day: 107)
        let proposal = try #require(try JSONSerialization.jsonObject(with: Data(matched.stdout.utf8)) as? [String: Any])
        #expect((proposal["pairs"] as? [Any])?.isEmpty == true, "\(matched.stdout)")
        let unmatched = try #require((proposal["unmatched"] as? [[String: Any]])?.first)
        #expect((unmatched["reason"] as? String)?.contains("new to them") == true, "\(unmatched)")
    }

    /// A comment after a rating and a dash, or after answers and a double dash, is the note and
    /// reaches the coordinators; text that answers nothing reaches them too.
    /// The silence notice names a held message only when it came after the survey went out:
    /// an older one cannot be the answer. When one is named, the digest suggests reading it.
    @Test func theSilenceNoticeNamesOnlyMessagesHeldSinceTheSurvey() throws {
        let people = try introduced(mentees: ["Ann", "Eve"], mentors: ["Max", "Ugo"])
        let scenario = people.scenario
        let (annPair, _) = try pair(of: "Ann", people)
        let (evePair, _) = try pair(of: "Eve", people)
        func introduction(of who: String) throws -> Message {
            try #require(try people.inbox(who).first { $0.subject?.contains("meet your mentoring match") == true })
        }
        func heldFrom(_ who: String) throws -> [InboundMessage] {
            try scenario.database().inboundMessages().filter { $0.sender == people.address(who) && $0.disposition == .held }
        }
        // Ann writes on day 84, before the check-in; Eve on day 95, after it.
        try reply(people, from: "Ann", to: try introduction(of: "Ann"), raw: "Could a coordinator tell us where the onboarding notes are kept?")
        try process(scenario, day: 84)
        let annHeld = try #require(try heldFrom("Ann").last?.id)
        try process(scenario, day: 90)
        try reply(people, from: "Eve", to: try introduction(of: "Eve"), raw: "Could a coordinator tell us where the onboarding notes are kept?")
        try process(scenario, day: 95)
        let eveHeld = try #require(try heldFrom("Eve").last?.id)
        try process(scenario, day: 97)
        try process(scenario, day: 104)

        let digest = try #require(try scenario.coordinatorInbox().last { $0.textBody?.contains("no answer to the check-in") == true }?.textBody)
        let sections = digest.components(separatedBy: "\nPair ")
        let ann = try #require(sections.first { $0.hasPrefix("\(annPair) (") })
        let eve = try #require(sections.first { $0.hasPrefix("\(evePair) (") })
        #expect(ann.contains("no answer to the check-in after the reminder from the mentee Ann"), "\(ann)")
        #expect(!ann.contains("#\(annHeld)") && !ann.contains("may be their answer"), "\(ann)")
        #expect(ann.contains("Suggested: write to them personally"), "\(ann)")
        #expect(eve.contains("message #\(eveHeld) from \(people.address("Eve")) is held"), "\(eve)")
        #expect(!eve.contains("write to them personally") && eve.contains("Suggested: read the held message"), "\(eve)")
    }

    @Test func commentsAfterADashReachTheCoordinators() throws {
        let people = try introduced(mentees: ["Lena", "Ines"], mentors: ["Farid", "Omar"])
        let scenario = people.scenario
        let (_, lenaMentor) = try pair(of: "Lena", people)
        let (_, inesMentor) = try pair(of: "Ines", people)
        #expect(try process(scenario, day: 90)["sent"] as? Int == 4)
        let lenaSurvey = try survey(of: "Lena", people)
        try reply(people, from: "Lena", to: lenaSurvey, raw: """
            2 - \(lenaMentor) never answered my emails, not sure he got the intro.

            ________________________________
            From: Test Mentoring <\(scenario.programAddress)>
            Sent: Monday, April 11, 2027 11:00 AM
            To: Lena <\(people.address("Lena"))>
            Subject: \(lenaSurvey.subject ?? "")

            \(lenaSurvey.textBody ?? "")
            """)
        try reply(people, from: lenaMentor, to: try survey(of: lenaMentor, people),
                  raw: "2, no, still deciding, continue -- Lena never replied to me, I think her address is wrong")
        try reply(people, from: "Ines", to: try survey(of: "Ines", people), raw: "1. kind of\n\nInes")
        try reply(people, from: inesMentor, to: try survey(of: inesMentor, people), raw: "5 yes good fit continue")
        try process(scenario, day: 91)

        let lenaText = try #require(try people.inbox("Lena").last?.textBody)
        #expect(lenaText.contains("1. How it is going: 2 of 5"), "\(lenaText)")
        #expect(lenaText.contains("never answered my emails, not sure he got the intro."), "\(lenaText)")
        let mentorText = try #require(try people.inbox(lenaMentor).last?.textBody)
        #expect(mentorText.contains("Lena never replied to me, I think her address is wrong"), "\(mentorText)")
        let digest = try #require(try scenario.coordinatorInbox().last?.textBody)
        #expect(digest.contains("\(lenaMentor) never answered my emails, not sure he got the intro."), "\(digest)")
        #expect(digest.contains("Lena never replied to me, I think her address is wrong"), "\(digest)")
        #expect(digest.contains("kind of"), "\(digest)")
    }

    /// Findings D-13, D-14 through the real mail path: a decimal rating ("4.5 / yes / good fit /
    /// continue", Gmail quoting) is read with the other answers and said back as written; a lone
    /// "ok" is no "3 of 5": nothing was understood and the questions are asked.
    @Test func aDecimalRatingKeepsTheOtherAnswersAndALoneOkIsNoRating() throws {
        let people = try introduced(mentees: ["Giulia", "Mo"], mentors: ["Tomasz", "Eli"])
        let scenario = people.scenario
        #expect(try process(scenario, day: 90)["sent"] as? Int == 4)
        let giuliaSurvey = try survey(of: "Giulia", people)
        try reply(people, from: "Giulia", to: giuliaSurvey,
                  raw: "4.5 / yes / good fit / continue\n\nOn Mon, Apr 11, 2027 at 11:00 Test Mentoring wrote:\n" + quoted(giuliaSurvey))
        let moSurvey = try survey(of: "Mo", people)
        try reply(people, from: "Mo", to: moSurvey, raw: "ok\n\nOn Mon, Apr 11, 2027 at 11:00 Test Mentoring wrote:\n" + quoted(moSurvey))
        try process(scenario, day: 91)

        let giulia = try #require(try people.inbox("Giulia").last?.textBody)
        for line in ["1. How it is going: 5 of 5 (you wrote 4.5)", "2. Meeting: yes", "3. The fit: good fit", "4. What next: continue"] {
            #expect(giulia.contains(line), "\(line) in\n\(giulia)")
        }
        #expect(!giulia.contains("Please reply with just these"), "\(giulia)")
        let mo = try #require(try people.inbox("Mo").last?.textBody)
        #expect(!mo.contains("3 of 5") && mo.contains("We could not read any answers"), "\(mo)")
        #expect(mo.contains("1. How is it going?"), "\(mo)")
    }

    /// A Spanish confirmation gives the answers in the Spanish survey's words, not "yes" or "continue".
    /// Finding F20: `process --dry-run` on day 90 said only "run job checkin-survey
    /// (checkin-survey:1)": not who would be written to. It names each mail a due job would
    /// queue, and nothing is queued or marked done.
    @Test func aDryRunNamesWhoADueJobWouldWriteTo() throws {
        let people = try introduced(mentees: ["Ana"], mentors: ["Bea"])
        let scenario = people.scenario
        let result = try CommandRunner.run(["process", "--config", scenario.configPath, "--json", "--dry-run", "--now", Self.day(90)])
        #expect(result.status == 0, "\(result.stderr)")
        let planned = try #require(try scenario.report(result)["planned"] as? [String])
        let survey = try #require(planned.first { $0.hasPrefix("run job checkin-survey") }, "\(planned)")
        #expect(survey.contains("would send checkin-survey to \(people.address("Ana"))"), "\(survey)")
        #expect(survey.contains("checkin-survey to \(people.address("Bea"))"), "\(survey)")
        // Nothing happened: the real run on the same day still sends both surveys.
        #expect(try process(scenario, day: 90)["sent"] as? Int == 2)
        #expect(try people.inbox("Ana").contains { $0.subject?.contains("how is your mentoring with") == true })
    }

    @Test func aSpanishConfirmationSaysTheAnswersInSpanish() throws {
        let people = try introduced(mentees: ["Lucia"], mentors: ["Pablo"], mailLanguage: ["Lucia": "Spanish"])
        let scenario = people.scenario
        #expect(try process(scenario, day: 90)["sent"] as? Int == 2)
        let survey = try #require(try people.inbox("Lucia").last)
        #expect(survey.textBody?.contains("(sí / no / a veces)") == true)
        try reply(people, from: "Lucia", to: survey, raw: "4, a veces, todavía no sé, continuar")
        try process(scenario, day: 91)
        let text = try #require(try people.inbox("Lucia").last?.textBody)
        for line in ["1. Cómo va: 4 de 5", "2. Reuniones: a veces", "3. La pareja: todavía no sé", "4. Y ahora: continuar"] {
            #expect(text.contains(line), "\(line) in\n\(text)")
        }
        let html = try #require(try people.inbox("Lucia").last?.leafParts.first { $0.contentType == "text/html" }?.decodedText())
        #expect(html.contains("<strong>todavía no sé</strong>"), "\(html)")
        #expect(!text.contains("sometimes") && !text.contains("still deciding") && !text.contains("continue"))
    }

    /// A run killed after the first check-in job committed sends no survey twice.
    @Test func aKillWhileSurveysAreQueuedSendsNoneTwice() throws {
        let people = try introduced(mentees: ["Ann", "Ben"], mentors: ["Ola", "Pip"])
        try process(people.scenario, day: 90, fault: "after-job")
        #expect(try people.inbox("Ann").filter { $0.subject?.contains("how is your mentoring") == true }.count
                + people.inbox("Ben").filter { $0.subject?.contains("how is your mentoring") == true }.count == 0,
                "killed before anything was sent")
        try process(people.scenario, day: 90)
        try process(people.scenario, day: 90)
        for who in ["Ann", "Ben", "Ola", "Pip"] {
            #expect(try people.inbox(who).filter { $0.subject?.contains("how is your mentoring") == true }.count == 1, "\(who)")
        }
    }
}
