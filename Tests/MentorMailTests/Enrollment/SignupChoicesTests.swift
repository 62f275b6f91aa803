import Testing
#if canImport(Enrollment)
@testable import Enrollment
#else
@testable import MentorMail
#endif

@Suite struct SignupChoicesTests {
    @Test(arguments: [
        ("mentor", ParticipantRole.mentor), ("Mentee", .mentee), ("MENTOREE", .mentee), ("learner", .mentee),
        ("coach", .mentor), ("either", .both), ("both", .both), ("mentor and mentee", .both),
        ("I'd like to be a mentee", .mentee), ("mentor.", .mentor),
    ])
    func roles(answer: String, role: ParticipantRole) {
        #expect(ParticipantRole(answer: answer) == role)
    }

    @Test(arguments: ["teacher", "", "yes"])
    func unknownRoles(answer: String) {
        #expect(ParticipantRole(answer: answer) == nil)
    }

    @Test(arguments: [
        ("technical", MentoringKind.technical), ("tech", .technical), ("code", .technical),
        ("career", .career), ("career development", .career), ("both", .both),
        ("technical and career", .both), ("Career & tech", .both),
    ])
    func mentoringTypes(answer: String, type: MentoringKind) {
        #expect(MentoringKind(answer: answer) == type)
    }

    @Test func unknownMentoringKind() {
        #expect(MentoringKind(answer: "cooking") == nil)
    }

    @Test(arguments: [
        ("IRC", [InteractionStyle.irc]), ("e-mail", [.email]), ("Zoom", [.video]), ("Jitsi", [.video]),
        ("Hangouts", [.video]), ("video call", [.video]), ("Slack", [.chat]), ("Matrix", [.chat]),
        ("Telegram", [.chat]), ("instant messaging", [.chat]), ("in-person", [.inPerson]),
        ("face to face", [.inPerson]), ("F2F", [.inPerson]), ("at summits", [.inPerson]),
        ("IRC, Zoom and in person", [.irc, .video, .inPerson]), ("email/chat", [.email, .chat]),
        // Italian, Russian, Polish and Dutch, as sentences decline them.
        ("le videochiamate", [.video]), ("в чате", [.chat]), ("по видео", [.video]), ("видеозвонки, по почте", [.video, .email]),
        ("wideorozmowy", [.video]), ("przez czat", [.chat]), ("videobellen", [.video]), ("via chat", [.chat]), ("dal vivo", [.inPerson]),
        // Chinese and Japanese, with no space between words.
        ("视频通话、邮件", [.video, .email]), ("面对面交流", [.inPerson]), ("ビデオ通話", [.video]), ("メールで", [.email]), ("用Zoom", [.video]),
    ])
    func interactionStyles(answer: String, styles: [InteractionStyle]) {
        #expect(InteractionStyle.read(answer).styles == styles)
    }

    @Test func interactionNamesForMailMatchingAndStorage() {
        #expect(InteractionStyle.inPerson.label == "in person")
        #expect(InteractionStyle.inPerson.rawValue == "inPerson")
        #expect(InteractionStyle.inPerson.storedName == "in-person")
        #expect(InteractionStyle.irc.label == "IRC")
        #expect(MentoringKind.both.expanded == [.technical, .career])
        #expect(MentoringKind.career.expanded == [.career])
    }

    @Test func unknownInteractionItemsAreReported() {
        let read = InteractionStyle.read("IRC, carrier pigeon")
        #expect(read.styles == [.irc])
        #expect(read.unknown == ["carrier pigeon"])
        let parser = SignupFormParser(vocabulary: .openStackDefault)
        let form = parser.parse("Interaction: smoke signals")
        #expect(form.problems.contains { $0.field == .interaction && $0.example == "Interaction: email, video" })
        #expect(parser.parse("Interaction: IRC, carrier pigeon").notes.contains { $0.description.contains("carrier pigeon") })
    }

    @Test(arguments: [("3", 3), ("two", 2), ("Five", 5), ("up to 4 mentees", 4), ("1 if unsure", 1)])
    func capacityNumbers(answer: String, number: Int) {
        #expect(SignupFormReader.number(in: answer) == number)
    }

    @Test func capacityBounds() {
        let parser = SignupFormParser(vocabulary: .openStackDefault)
        let base = "Role: mentor\nMentoring type: technical\nTime zone: UTC\nLanguages: English\n"
        #expect(parser.parse(base + "Capacity: 5").capacity == 5)
        #expect(parser.parse(base + "Capacity: 1").capacity == 1)
        let tooMany = parser.parse(base + "Capacity: 6")
        #expect(tooMany.capacity == nil)
        #expect(tooMany.problems.map(\.field) == [.capacity])
        #expect(tooMany.problems.first?.message.contains("1 to 5") == true)
        #expect(parser.parse(base + "Capacity: 0").problems.map(\.field) == [.capacity])
        #expect(parser.parse(base + "Capacity: lots").problems.first?.example == "Capacity: 2")
    }

    @Test func capacityDefaultsToOneForMentorsOnly() {
        let parser = SignupFormParser(vocabulary: .openStackDefault)
        let mentor = parser.parse("Role: both")
        #expect(mentor.capacity == 1)
        #expect(mentor.notes.contains(.assumedCapacity(1)))
        #expect(parser.parse("Role: mentee\nCapacity: 3").capacity == nil)
    }

    @Test func capacityRangeComesFromTheVocabulary() {
        let parser = SignupFormParser(vocabulary: EnrollmentVocabulary(areas: [:], capacityRange: 1...10))
        #expect(parser.parse("Role: mentor\nCapacity: 8").capacity == 8)
    }
}
