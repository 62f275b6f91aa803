import Testing
#if canImport(Enrollment)
@testable import Enrollment
#else
@testable import MentorMail
#endif

@Suite struct SignupFormLineTests {
    @Test(arguments: [
        ("Role: mentee", "mentee"),
        ("ROLE :mentee", "mentee"),
        ("role=mentee", "mentee"),
        ("Role = mentee", "mentee"),
        ("* Role: mentor", "mentor"),
        ("- Role: mentor", "mentor"),
        ("• Role: mentor", "mentor"),
        ("1. Role: mentor", "mentor"),
        ("*Role:* mentee", "mentee"),
        ("**Role**: mentee", "mentee"),
        ("**Role:** **mentee**", "mentee"),
        ("Role:\u{00A0}\u{00A0}mentee", "mentee"),
        ("Role:\tmentee", "mentee"),
        ("Role - mentor", "mentor"),
        ("Role：mentee", "mentee"),
    ])
    func labelAndValueInAnyCaseSpacingAndMarkup(line: String, value: String) {
        let parsed = SignupFormLine(line)
        #expect(parsed.key == .field(.role))
        #expect(parsed.value == value)
        #expect(parsed.depth == 0)
    }

    @Test(arguments: [("> Role: mentee", 1), (">> Role: mentee", 2), ("> > Role: mentee", 2), (" >Role: mentee", 1)])
    func quoteDepth(line: String, depth: Int) {
        let parsed = SignupFormLine(line)
        #expect(parsed.depth == depth)
        #expect(parsed.key == .field(.role))
        #expect(parsed.value == "mentee")
    }

    @Test(arguments: [
        ("I am a", SignupField.role), ("Signing up as", .role), ("Full name", .name), ("Your name", .name),
        ("Type", .mentoringType), ("Type of mentoring", .mentoringType), ("Mentoring", .mentoringType),
        ("Area", .areas), ("Interests", .areas), ("Projects", .areas), ("Community area(s)", .areas),
        ("Timezone", .timeZone), ("TZ", .timeZone), ("Time-zone", .timeZone), ("time zone", .timeZone),
        ("Language", .languages), ("Spoken languages", .languages),
        ("Interaction styles", .interaction), ("Meeting", .interaction), ("How to meet", .interaction),
        ("Medium", .interaction), ("Communication", .interaction), ("Ways to meet", .interaction), ("Way to meet", .interaction),
        ("Meeting preference", .interaction), ("Contact method", .interaction),
        ("Mentees", .capacity), ("How many mentees", .capacity), ("Max mentees", .capacity),
        ("Available", .availability), ("Hours", .availability),
        ("About", .aboutMe), ("Bio", .aboutMe), ("About me", .aboutMe),
    ])
    func keySynonyms(label: String, field: SignupField) {
        #expect(SignupKey(label: label) == .field(field))
        #expect(SignupFormLine("\(label): x").key == .field(field))
    }

    @Test func locationAndCityAreTheTimeZoneFallback() {
        #expect(SignupKey(label: "Location") == .location)
        #expect(SignupKey(label: "City") == .location)
    }

    @Test(arguments: ["From", "To", "Sent", "Date", "Subject", "Cc", "What happens next"])
    func mailHeaderKeysAreIgnored(label: String) {
        #expect(SignupKey(label: label) == .ignored)
    }

    @Test(arguments: [
        "On Mon, 3 Mar 2025 at 10:00, Ana <ana@example.org> wrote:",
        "I think this is great: thanks for organising the program, really",
        "https://example.org/form",
        "Meeting at 10:30",
        "",
        "Just a sentence.",
        "Our team - the one in Madrid - is large",
    ])
    func linesThatAreNotKeyValue(line: String) {
        #expect(SignupFormLine(line).key == nil)
    }

    @Test func unknownLabelsAreRecognisedAsUnknown() {
        let parsed = SignupFormLine("Pronouns: she/her")
        #expect(parsed.key == .unknown)
        #expect(parsed.label == "Pronouns")
        #expect(parsed.value == "she/her")
    }

    @Test func signaturesSignOffsAndAttributions() {
        #expect(SignupFormLine("-- ").isSeparator)
        #expect(SignupFormLine("-----Original Message-----").isSeparator)
        #expect(SignupFormLine("Best regards,").isSignOff)
        #expect(SignupFormLine("Thanks!").isSignOff)
        #expect(SignupFormLine("Cheers, Ana").isSignOff)
        #expect(!SignupFormLine("Best practices matter").isSignOff)
        #expect(!SignupFormLine("Thanks to my mentor I learned a lot about Nova").isSignOff)
        #expect(SignupFormLine("El lun, 3 mar 2025, Ana escribió:").isAttribution)
    }

    @Test(arguments: [
        ("(mentor, mentee, or both)", "mentor, mentee, or both", ""),
        ("(mentor, mentee, or both) mentee", "mentor, mentee, or both", "mentee"),
        ("mentee (mentor, mentee, or both)", "mentor, mentee, or both", "mentee"),
        ("(e.g. English, Spanish) Basque", "e.g. English, Spanish", "Basque"),
        ("(e.g. something else the lead changed)", "x", ""),
        ("n/a", "x", ""),
        ("-", "x", ""),
        ("2 (maybe 3)", "x", "2 (maybe 3)"),
        // Our own words for an empty line, quoted back in a reply (a stored area "none given").
        ("(none given)", "x", ""),
        ("(ninguna)", "x", ""),
    ])
    func placeholderHints(value: String, hint: String, expected: String) {
        #expect(SignupFormParser.stripHint(value, hint: hint) == expected)
    }
}
