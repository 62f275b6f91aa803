import Foundation
import Testing
#if canImport(Enrollment)
@testable import Enrollment
#else
@testable import MentorMail
#endif

@Suite struct SignupFormParserTests {
    let parser = SignupFormParser(vocabulary: .openStackDefault)

    @Test func aPlainFilledFormIsUnderstoodField() throws {
        let form = parser.parse(SignupFormFixtures.plainReply, senderName: "Ana")
        #expect(form.isComplete, "\(form.problems)")
        #expect(form.role == .mentee)
        #expect(form.name == "Ana García")
        #expect(form.mentoringType == .technical)
        #expect(form.areas == ["nova", "documentation"])
        #expect(form.freeTextAreas == ["Rust bindings"])
        #expect(form.timeZone == .named("Europe/Madrid"))
        #expect(form.languages == ["English", "Spanish"])
        #expect(form.interaction == [.irc, .video])
        #expect(form.capacity == nil)
        #expect(form.availability == "weekday evenings")
        #expect(form.aboutMe == "I fixed two bugs in Nova and want to learn the review process.")
        #expect(form.fieldsFound == 9)
        #expect(form.looksLikeForm)
        #expect(form.unknownFields.isEmpty)
        #expect(form.answeredInQuotedText.isEmpty)
    }

    @Test func theBlankFormAloneIsNotAFilledForm() {
        let form = parser.parse("Hi, how does this work?\n\n" + SignupFormFixtures.quotedMail(), senderName: "Ana")
        #expect(form.fieldsFound == 0)
        #expect(!form.looksLikeForm)
        #expect(form.unknownFields.isEmpty)
        #expect(form.name == "Ana")
        #expect(Set(form.problems.map(\.field)) == [.role, .mentoringType, .timeZone, .languages])
    }

    @Test func hintsLeftInCountAsEmptyAndAnswersAfterThemCount() {
        let reply = """
            Role: (mentor, mentee, or both) mentee
            Mentoring type: career (technical, career, or both)
            Areas: (e.g. Nova, documentation, upstream training, community)
            Time zone: (e.g. Europe/Madrid, UTC+2, or your city) UTC+2
            Languages: (e.g. English, Spanish)
            Interaction: (IRC, email, video, chat, in person)
            """
        let form = parser.parse(reply)
        #expect(form.role == .mentee)
        #expect(form.mentoringType == .career)
        #expect(form.areas.isEmpty && form.freeTextAreas.isEmpty)
        #expect(form.timeZone == .fixedOffset(minutes: 120))
        #expect(form.languages.isEmpty)
        #expect(form.problems.map(\.field) == [.languages])
        #expect(form.problems.first?.example == "Languages: English")
        #expect(form.interaction == [.email])
        #expect(form.notes.contains(.assumedEmail))
        #expect(form.fieldsFound == 3)
    }

    @Test func gmailHTMLToTextWithBoldLabelsAndNonBreakingSpaces() {
        let form = parser.parse(SignupFormFixtures.gmailReply, senderName: "Bo")
        #expect(form.isComplete, "\(form.problems)")
        #expect(form.role == .mentor)
        #expect(form.name == "Bo Chen")
        #expect(form.mentoringType == .both)
        #expect(form.areas == ["neutron", "upstream-training"])
        #expect(form.timeZone == .named("Asia/Shanghai"))
        #expect(form.languages == ["Chinese", "English"])
        #expect(form.interaction == [.chat, .email])
        #expect(form.capacity == 2)
        #expect(form.availability == "mornings")
    }

    @Test func outlookAnswersTypedIntoTheQuotedForm() {
        let form = parser.parse(SignupFormFixtures.outlookReply, senderName: "Carla Souza")
        #expect(form.isComplete, "\(form.problems)")
        #expect(form.role == .mentee)
        #expect(form.name == "Carla Souza")
        #expect(form.mentoringType == .career)
        #expect(form.areas == ["community"])
        #expect(form.timeZone == .named("America/Sao_Paulo"))
        #expect(form.languages == ["Portuguese", "English"])
        #expect(form.interaction == [.video])
        #expect(form.availability == "weekends")
        #expect(form.aboutMe == "I organise the local OpenStack meetup.")
        #expect(form.answeredInQuotedText.contains(.role))
        #expect(form.unknownFields.isEmpty, "\(form.unknownFields)")
    }

    @Test func unquotedAnswersWinOverQuotedOnes() {
        let reply = "Time zone: Asia/Tokyo\n\n> Role: mentor\n> Time zone: Europe/Madrid\n> > Role: mentee"
        let form = parser.parse(reply)
        #expect(form.timeZone == .named("Asia/Tokyo"))
        #expect(form.role == .mentor)
        #expect(form.answeredInQuotedText == [.role])
    }

    @Test func twoErrorsGiveTwoProblemsWithExamples() throws {
        let reply = """
            Role: teacher
            Mentoring type: technical
            Time zone: Mars/Olympus
            Languages: English
            """
        let form = parser.parse(reply)
        #expect(!form.isComplete)
        #expect(form.problems.count == 2)
        let role = try #require(form.problems.first { $0.field == .role })
        #expect(role.message.contains("teacher"))
        #expect(role.example == "Role: mentee")
        let zone = try #require(form.problems.first { $0.field == .timeZone })
        #expect(zone.message.contains("Mars/Olympus"))
        #expect(zone.example == "Time zone: Europe/Madrid")
        #expect(zone.description.hasSuffix("For example: Time zone: Europe/Madrid"))
    }

    @Test func aMissingLanguageIsAProblemNotASilentDefault() {
        let form = parser.parse("Role: mentee\nMentoring type: career\nTime zone: CET")
        #expect(form.languages.isEmpty)
        #expect(form.problems.map(\.field) == [.languages])
        #expect(form.problems.first?.example == "Languages: English")
    }

    @Test func theNameFallsBackToTheSenderDisplayName() {
        #expect(parser.parse("Role: mentee", senderName: "\"Ana García\"").name == "Ana García")
        #expect(parser.parse("Role: mentee\nName: Ana G.", senderName: "Ana").name == "Ana G.")
        #expect(parser.parse("Role: mentee", senderName: nil).name == nil)
        #expect(parser.parse("Role: mentee", senderName: "  ").name == nil)
    }

    @Test func unknownKeysInsideTheFormAreKept() {
        let reply = """
            Role: mentor
            Pronouns: she/her
            Mentoring type: technical
            Time zone: UTC
            Languages: English
            GitHub: anagarcia

            Looking forward to it. P.S. the link was https://example.org/form
            """
        let form = parser.parse(reply)
        #expect(form.unknownFields == [
            SignupUnknownField(key: "Pronouns", value: "she/her"),
            SignupUnknownField(key: "GitHub", value: "anagarcia"),
        ])
        #expect(form.isComplete)
    }

    @Test func mailHeadersAndProseOutsideTheFormAreNotUnknownFields() {
        let reply = """
            Note: I answered below.

            Role: mentee
            Mentoring type: career
            Time zone: Europe/Berlin
            Languages: German
            From: Someone <someone@example.org>
            Sent: Monday
            """
        let form = parser.parse(reply)
        #expect(form.unknownFields.isEmpty, "\(form.unknownFields)")
    }

    @Test func aboutMeContinuesOverSeveralLines() {
        let reply = """
            Role: mentee
            About me: I work on storage at a university.
            I have used Cinder for three years
            and would like to contribute upstream.

            Last year I gave a talk at the summit.

            Thanks,
            Dana
            """
        let form = parser.parse(reply)
        #expect(form.aboutMe == """
            I work on storage at a university. I have used Cinder for three years \
            and would like to contribute upstream.

            Last year I gave a talk at the summit.
            """)
    }

    @Test func aboutMeOnTheLinesBelowItsLabelStopsAtTheNextKey() {
        let reply = "About me:\nI like docs.\nI also like QA.\nLanguages: English\n"
        let form = parser.parse(reply)
        #expect(form.aboutMe == "I like docs. I also like QA.")
        #expect(form.languages == ["English"])
    }

    @Test func aboutMeStopsAtASignatureAndQuotedHistory() {
        let reply = "About me: Hello.\n-- \nDana Smith\nSRE"
        #expect(parser.parse(reply).aboutMe == "Hello.")
        let quoted = "About me: Hello.\n\nOn Mon, Ana wrote:\n> Role: mentee"
        #expect(parser.parse(quoted).aboutMe == "Hello.")
    }

    @Test func longFreeTextIsCutWithANote() throws {
        let form = parser.parse("About me: " + String(repeating: "a", count: 1_500))
        let about = try #require(form.aboutMe)
        #expect(about.count == 1_000)
        #expect(form.notes.map(\.description).contains("About me was shortened to 1000 characters."))
    }

    @Test func locationIsTheFallbackForTheTimeZone() {
        let form = parser.parse("Role: mentee\nLocation: Barcelona, Spain")
        #expect(form.timeZone == .named("Europe/Madrid"))
        #expect(form.notes.contains { $0.description.contains("Barcelona") })
        #expect(form.fieldsFound == 2)
        let both = parser.parse("Time zone: Asia/Tokyo\nCity: Barcelona")
        #expect(both.timeZone == .named("Asia/Tokyo"))
    }

    @Test func summaryLinesDescribeEachField() {
        let form = parser.parse(SignupFormFixtures.plainReply)
        let lines = form.summaryLines(at: SignupFormFixtures.january, vocabulary: .openStackDefault)
        #expect(lines == [
            "Role: mentee",
            "Name: Ana García",
            "Mentoring type: technical",
            "Areas: Nova, documentation; kept as free text: Rust bindings",
            "Time zone: Europe/Madrid (UTC+01:00 now)",
            "Languages: English, Spanish",
            "Interaction: IRC, video",
            "Availability: weekday evenings",
            "About me: I fixed two bugs in Nova and want to learn the review process.",
        ])
    }

    @Test(arguments: [SignupFormFixtures.plainReply, SignupFormFixtures.gmailReply, SignupFormFixtures.outlookReply])
    func summaryLinesReadBackToTheSameValues(reply: String) {
        let form = parser.parse(reply)
        let lines = form.summaryLines(at: SignupFormFixtures.july, vocabulary: .openStackDefault)
        var again = parser.parse(lines.joined(separator: "\n"))
        again.notes = form.notes
        again.answeredInQuotedText = form.answeredInQuotedText
        #expect(again == form)
    }

    @Test func summaryOfAMentorWithAFixedOffset() {
        let form = parser.parse(SignupFormFixtures.gmailReply.replacingOccurrences(of: "Asia/Shanghai", with: "UTC+8"))
        let lines = form.summaryLines(at: SignupFormFixtures.july, vocabulary: .openStackDefault)
        #expect(lines.contains("Role: mentor"))
        #expect(lines.contains("Mentoring type: both (technical and career)"))
        #expect(lines.contains("Areas: Neutron, upstream training"))
        #expect(lines.contains("Time zone: UTC+08:00"))
        #expect(lines.contains("Capacity: 2 mentees at a time"))
    }
}

@Suite struct InlineReplyTests {
    @Test func answersTypedBelowQuotedEmptyLines() {
        let reply = """
            > Role: (mentor, mentee, or both)
            mentee
            > Name:
            > Mentoring type: (technical, career, or both)
            technical
            > Time zone: (e.g. Europe/Madrid, UTC+2, or your city)
            Bangalore
            > Languages: (e.g. English, Spanish)
            English, हिन्दी
            > About me:
            I review Cinder patches.
            Sometimes.
            > What happens next: we reply to confirm what we understood.
            """
        let form = SignupFormParser(vocabulary: .openStackDefault).parse(reply, senderName: "Ravi")
        #expect(form.isComplete, "\(form.problems)")
        #expect(form.role == .mentee)
        #expect(form.mentoringType == .technical)
        #expect(form.timeZone == .named("Asia/Kolkata"))
        #expect(form.languages == ["English", "Hindi"])
        #expect(form.aboutMe == "I review Cinder patches. Sometimes.")
        #expect(form.answeredInQuotedText.isEmpty)
        #expect(form.name == "Ravi")
    }
}

@Suite struct ConfirmationReplyTests {
    let parser = SignupFormParser(vocabulary: .openStackDefault)

    /// Our confirmation (templates/profile-received.txt) for `form`, quoted.
    func quotedConfirmation(of form: SignupForm) -> String {
        var lines = ["Hello Ana,", "", "Thank you! We understood most of your form, but some lines need a fix",
                     "before we can match you. This is what we understood:", ""]
        lines += form.summaryLines(at: SignupFormFixtures.january, vocabulary: .openStackDefault).map { "  " + $0 }
        lines += ["", "To fix (reply with just these lines, corrected):"]
        for problem in form.problems {
            lines += ["  - \(problem.field.label): \(problem.message)", "    For example:  \(problem.example)"]
        }
        lines += ["", "What happens next: no round is open right now.", "", "-- ",
                  "OpenStack Mentoring <mentoring@example.org>", "Coordinators: coordinator@example.org"]
        return lines.map { "> " + $0 }.joined(separator: "\n")
    }

    /// Finding: an Arabic form lost English after the Arabic comma, refused "٢" as a capacity
    /// (while the summary showed "Capacity: 1" beside the error) and did not know "القاهرة".
    @Test func arabicAndFullwidthValuesAreRead() {
        let form = parser.parse("""
            Role: mentor
            Name: ليلى حسن
            Mentoring type: both
            Time zone: القاهرة
            Languages: العربية، الإنجليزية
            Interaction: video
            Capacity: ٢
            """)
        #expect(form.isComplete, "\(form.problems)")
        #expect(form.languages == ["Arabic", "English"])
        #expect(form.capacity == 2)
        #expect(form.timeZone == .named("Africa/Cairo"))
        #expect(parser.parse("Role: mentor\nLanguages: 中文，英语；日本語\nCapacity: ３").languages == ["Chinese", "English", "Japanese"])
        #expect(parser.parse("Role: mentor\nCapacity: ３").capacity == 3)
        #expect(parser.parse("Role: mentor\nCapacity: ३").capacity == 3)
    }

    /// Finding: Gmail's Arabic attribution under the last line was read as more of the About me.
    @Test(arguments: [
        "في الاثنين، 2 مارس 2026، كتب OpenStack Mentoring <program@example.org>:",
        "सोम, 2 मार्च 2026 को 9:00 am बजे OpenStack Mentoring <program@example.org> ने लिखा:",
        "2026년 3월 2일 (월) 오전 9:00, OpenStack Mentoring <program@example.org>님이 작성:",
        "2 Mar 2026 Pzt 09:00 tarihinde OpenStack Mentoring <program@example.org> şunu yazdı:",
        "pon., 2 mar 2026 o 09:00 OpenStack Mentoring <program@example.org> napisał(a):",
        "Op ma 2 mrt 2026 om 09:00 schreef OpenStack Mentoring <program@example.org>:",
        "пн, 2 мар. 2026 г. в 09:00, OpenStack Mentoring <program@example.org> пишет:",
    ])
    func aLocalizedAttributionEndsTheLastAnswer(attribution: String) {
        let form = parser.parse("Role: mentor\nAbout me: مهندسة برمجيات\n\n\(attribution)\n> Hello Layla,\n> Role: (mentor or mentee)\n")
        #expect(form.aboutMe == "مهندسة برمجيات")
    }

    @Test func aCapacityThatCannotBeReadShowsNoNumberBesideItsProblem() {
        let builder = ProfileBuilder(vocabulary: .openStackDefault)
        let form = parser.parse("Role: mentor\nName: Ana\nMentoring type: technical\nTime zone: Europe/Madrid\nLanguages: English\nCapacity: lots")
        let result = builder.build(from: form, over: nil)
        #expect(result.problems.map(\.field) == [.capacity])
        let line = builder.summary(of: result.profile, at: SignupFormFixtures.january).first { $0.label == "Capacity" }
        #expect(line?.value == ProfileWording.english.missing, "\(String(describing: line))")
        // A stored capacity stays when the new one cannot be read.
        var stored = result.profile
        stored.capacity = 3
        #expect(builder.build(from: parser.parse("Capacity: lots"), over: stored).profile.capacity == 3)
    }

    @Test func ourQuotedProblemMessagesAreNotReadAsAnswers() {
        let broken = parser.parse("""
            Role: teacher
            Mentoring type: cooking
            Time zone: Mars/Olympus
            Languages: Klingon
            Interaction: smoke signals
            Capacity: lots
            """)
        #expect(broken.problems.count == 6)
        let again = parser.parse("\n\n" + quotedConfirmation(of: broken))
        #expect(again.role == nil && again.mentoringType == nil && again.timeZone == nil)
        #expect(again.languages.isEmpty && again.capacity == nil)
        #expect(again.unknownFields.isEmpty, "\(again.unknownFields)")
        #expect(again.fieldsFound == 0)
    }

    @Test func aFixBelowOrAboveTheQuotedConfirmationCompletesTheForm() {
        let first = parser.parse("Role: mentor\nMentoring type: technical\nTime zone: Europe/Madrid\nCapacity: 9")
        #expect(first.problems.map(\.field) == [.languages, .capacity])
        let fixed = parser.parse("Languages: English\nCapacity: 3\n\n" + quotedConfirmation(of: first))
        #expect(fixed.isComplete, "\(fixed.problems)")
        #expect(fixed.role == .mentor)
        #expect(fixed.timeZone == .named("Europe/Madrid"))
        #expect(fixed.capacity == 3)
        #expect(fixed.languages == ["English"])
        #expect(fixed.unknownFields.isEmpty)
    }
}
