@testable import MentorMail
import Testing

/// Finding F3: Kim's "Looking for a mentor for both technical and career mentoring, in Seoul,
/// Korean and English. Area: Horizon." got no role, "Areas: Horizon." and no time zone.
@Suite struct KimsSignupTests {
    let vocabulary = Config.Enrollment.default.vocabulary
    static let kim = "Hi, I'm Kim Park. Looking for a mentor for both technical and career mentoring, in Seoul, Korean and English. Area: Horizon."

    @Test func lookingForAMentorIsAMentee() {
        #expect(JoinWords.role(in: OwnText(Self.kim)) == .mentee)
        #expect(JoinWords.role(in: OwnText("Looking for a mentor for both technical and career mentoring.")) == .mentee)
        #expect(JoinWords.role(in: OwnText("Happy to be either a mentor or a mentee.")) == .both, "both roles are still both")
        let prose = ProseSignup.read(text: Self.kim, vocabulary: vocabulary)
        #expect(prose.role == "mentee")
        #expect(prose.mentoringType == "technical, career")
    }

    @Test func aLabelledValueEndsBeforeTheSentencesFullStop() {
        let prose = ProseSignup.read(text: Self.kim, vocabulary: vocabulary)
        #expect(prose.areas == "Horizon")
        #expect(ProseSignup.read(text: "Time zone: Lagos. Thanks!", vocabulary: vocabulary).timeZone == "Lagos")
        #expect(ProseSignup.read(text: "Capacity: 2.", vocabulary: vocabulary).capacity == "2")
    }

    @Test func aPlaceAfterInIsTheTimeZone() {
        #expect(ProseSignup.read(text: Self.kim, vocabulary: vocabulary).timeZone == "Seoul")
        #expect(ProseSignup.read(text: "Looking for a mentor, based near Seoul.", vocabulary: vocabulary).timeZone == "Seoul")
        #expect(ProseSignup.read(text: "I'm a master's student in Lagos.", vocabulary: vocabulary).timeZone == "Lagos")
        #expect(ProseSignup.read(text: "I'd like a mentor in Nova.", vocabulary: vocabulary).timeZone == nil, "an area is no place")
        #expect(ProseSignup.read(text: "I met my last mentor in Berlin.", vocabulary: vocabulary).timeZone == nil, "where something happened")
    }
}

/// Kim's first mail through the program: the form comes back with her role, area and city.
@Suite struct KimsSignupFormTests {
    @Test func theFormIsFilledInFromKimsMail() throws {
        let workflow = EnrollmentWorkflowTests()
        let program = try ProcessorTests.Program()
        let body = "Hi, I'm Kim Park.\nLooking for a mentor for both technical and career mentoring, in Seoul, Korean and English.\nArea: Horizon.\n"
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "Kim Park <kim@example.net>", subject: "Mentoring", body: body))
            .first?.textBody)
        #expect(form.contains("\nRole: mentee\n"), "\(form)")
        #expect(form.contains("\nAreas: Horizon\n"), "\(form)")
        #expect(form.contains("\nTime zone: Seoul\n"), "\(form)")
    }
}
