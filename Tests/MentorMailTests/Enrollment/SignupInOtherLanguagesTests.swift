import Foundation
@testable import MentorMail
import Testing

/// Forms and first messages written in the community's other languages, and the everyday ways
/// of asking for a mentor or saying how many mentees one can take.
@Suite struct SignupInOtherLanguagesTests {
    let parser = SignupFormParser(vocabulary: .openStackDefault)
    let vocabulary = EnrollmentVocabulary.openStackDefault

    /// Finding: an Arabic form came back with only its area read.
    @Test func anArabicFormIsRead() {
        let form = parser.parse("""
            مرحبا، أود الانضمام كمتدربة.
            الدور: متدرب
            الاسم: هناء
            نوع الإرشاد: تقني
            المجال: Nova
            المنطقة الزمنية: Asia/Dubai
            اللغات: العربية، الإنجليزية
            طريقة التواصل: فيديو، بريد إلكتروني
            """)
        #expect(form.role == .mentee, "\(form.problems)")
        #expect(form.name == "هناء")
        #expect(form.mentoringType == .technical)
        #expect(form.areas == ["nova"])
        #expect(form.timeZone == .named("Asia/Dubai"))
        #expect(form.languages == ["Arabic", "English"])
        #expect(form.interaction == [.video, .email])
        #expect(form.unknownFields.isEmpty, "\(form.unknownFields)")
    }

    @Test(arguments: [("مرشدة", ParticipantRole.mentor), ("مرشد", .mentor), ("متدربة", .mentee), ("كلاهما", .both)])
    func arabicRoles(answer: String, role: ParticipantRole) {
        #expect(ParticipantRole(answer: answer) == role)
    }

    @Test func arabicKindsAndWaysToMeet() {
        #expect(MentoringKind(answer: "مهني") == .career)
        #expect(MentoringKind(answer: "تقني ومهني") == .both)
        #expect(InteractionStyle.read("IRC، شخصيا").styles == [.irc, .inPerson])
        #expect(InteractionStyle.read("شخصياً").styles == [.inPerson])
    }

    /// An IANA zone is a time zone whatever the label says, in a language we do not know.
    @Test func anIANAZoneIsReadUnderAnyLabel() {
        let form = parser.parse("Role: mentee\nSaat dilimi: Europe/Istanbul\nLanguages: Turkish")
        #expect(form.timeZone == .named("Europe/Istanbul"), "\(form.problems)")
        #expect(form.unknownFields.isEmpty)
        let stated = parser.parse("Role: mentee\nZeitzone: Europe/Berlin\nSaat dilimi: Europe/Istanbul")
        #expect(stated.timeZone == .named("Europe/Berlin"), "a time zone line wins")
    }

    /// Finding: "社区领域：Nova" was not recognised while "领域：Nova" was.
    @Test(arguments: [
        ("社区领域", SignupField.areas), ("感兴趣的领域", .areas), ("社區領域", .areas), ("项目", .areas),
        ("身份", .role), ("称呼", .name), ("指導類型", .mentoringType), ("导师类型", .mentoringType),
        ("所在时区", .timeZone), ("時區", .timeZone), ("使用语言", .languages), ("語言", .languages),
        ("沟通方式", .interaction), ("聯絡方式", .interaction), ("可指导人数", .capacity), ("可帶人數", .capacity),
        ("空闲时间", .availability), ("可用時間", .availability), ("个人简介", .aboutMe), ("關於我", .aboutMe),
    ])
    func chineseLabelVariants(label: String, field: SignupField) {
        #expect(SignupKey(label: label) == .field(field))
    }

    /// Finding: "I'd like to be mentored" filled in no role; "I'd like to join as a mentee" did.
    @Test(arguments: [
        "Hi, I'd like to be mentored. Technical mentoring on Nova please.",
        "I want to be mentored in Neutron.",
        "Hello! I'm looking for a mentor for Nova.",
        "I would like to find a mentor.",
        "I am hoping to get mentored this spring.",
        "Hola, quiero que me mentoricen en Nova.",
        "Hola, busco mentora para documentación.",
        "Busco un mentor.",
        "Hallo, ich suche eine Mentorin.",
        "Je cherche un mentor.",
        "Estou procurando uma mentora.",
    ])
    func waysOfAskingForAMentor(text: String) {
        #expect(JoinWords.role(in: text) == .mentee, "\(text)")
    }

    @Test(arguments: [
        "My mentor said I should write.", "I don't want to be mentored.", "I'm not looking for a mentor.",
        "My colleague is looking for a mentor.", "Mi jefe busca mentor.",
    ])
    func notAskingForAMentor(text: String) {
        #expect(JoinWords.role(in: text) == nil, "\(text)")
    }

    /// Finding: "Puedo tomar dos mentees" left the capacity blank; "I can take two mentees" did not.
    @Test(arguments: [
        ("Puedo tomar dos mentees.", "2"), ("Puedo acompañar a tres personas.", "3"), ("Ich kann zwei Mentees betreuen.", "2"),
        ("Ich kann drei Mentees nehmen.", "3"), ("Je peux prendre deux mentorés.", "2"), ("Posso orientar dois mentorados.", "2"),
        ("我可以带两个学员。", "2"), ("我可以指导二名学员", "2"), ("I can take up to three mentees.", "3"),
    ])
    func capacityInWords(text: String, count: String) {
        #expect(ProseSignup.read(text: text, vocabulary: vocabulary).capacity == count, "\(text)")
    }

    @Test(arguments: [("dos", 2), ("zwei", 2), ("deux", 2), ("dois", 2), ("tres", 3), ("drei", 3), ("两个", 2), ("二", 2), ("三人", 3),
                      ("duas", 2), ("trois", 3)])
    func capacityAnswersInWords(answer: String, number: Int) {
        #expect(SignupFormReader.number(in: answer) == number, "\(answer)")
    }
}
