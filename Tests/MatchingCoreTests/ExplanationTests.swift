import MatchingCore
import Testing

struct ExplanationTests {
    func mentor(_ id: Int, languages: Set<String> = ["english"], offers: Set<MentoringType> = [.technical, .career],
                capacity: Int = 1, paused: Bool = false) -> Profile {
        Profile(id: id, role: .mentor, mentoringOffered: offers, languages: languages, interactions: [.email],
                capacity: capacity, paused: paused)
    }

    func mentee(_ id: Int, languages: Set<String> = ["english"], wants: Set<MentoringType> = [.technical]) -> Profile {
        Profile(id: id, role: .mentee, mentoringWanted: wants, languages: languages, interactions: [.email])
    }

    @Test func noFreeMentorSpeaksTheLanguage() {
        let mentors = [mentor(10, languages: ["portuguese"], capacity: 0), mentor(11), mentor(12)]
        let reason = explainUnmatched(mentee: mentee(1, languages: ["Portuguese"]), mentors: mentors)
        #expect(reason == .noMentorMeets([.language(["portuguese"])], amongFree: true))
        #expect(reason.english() == "no mentor with free capacity speaks Portuguese")
    }

    @Test func noMentorOffersCareerMentoring() {
        let mentors = [mentor(10, offers: [.technical], capacity: 0), mentor(11, offers: [.technical])]
        let reason = explainUnmatched(mentee: mentee(1, wants: [.career]), mentors: mentors)
        #expect(reason.english() == "no mentor offers career mentoring")
    }

    @Test func theSmallestSetOfNeedsIsNamed() {
        // One free mentor lacks the language, the other the kind of mentoring.
        let mentors = [mentor(10, offers: [.technical]), mentor(11, languages: ["spanish"])]
        let reason = explainUnmatched(mentee: mentee(1, languages: ["english", "portuguese"], wants: [.career]), mentors: mentors)
        #expect(reason == .noMentorMeets([.mentoringType([.career]), .language(["english", "portuguese"])], amongFree: false))
        #expect(reason.english() == "no mentor offers career mentoring and speaks English or Portuguese")
    }

    @Test func dominantRuleWinsWhenOneRuleCoversAll() {
        // Both free mentors lack Portuguese; only one also lacks career mentoring.
        let mentors = [mentor(10, offers: [.technical]), mentor(11), mentor(12, languages: ["portuguese"], paused: true)]
        let reason = explainUnmatched(mentee: mentee(1, languages: ["portuguese"], wants: [.career]), mentors: mentors)
        #expect(reason.english() == "no mentor with free capacity speaks Portuguese")
    }

    @Test func fullOrPausedMentorsAndOtherCases() {
        #expect(explainUnmatched(mentee: mentee(1), mentors: [mentor(10, capacity: 0), mentor(11, paused: true)]).english()
            == "no mentor has free capacity")
        #expect(explainUnmatched(mentee: mentee(1), mentors: []) == .noMentors)
        var notMentee = mentee(1)
        notMentee.role = .mentor
        #expect(explainUnmatched(mentee: notMentee, mentors: [mentor(10)]).english() == "not signed up as a mentee")
        var history = PairHistory()
        history.record(1, 10, endedBadly: true)
        #expect(explainUnmatched(mentee: mentee(1), mentors: [mentor(10)], history: history).english()
            == "no mentor is new to them")
    }

    @Test func planExplainsPairsAndFullMentors() throws {
        let mentees = [mentee(3), mentee(1), mentee(2, languages: ["portuguese"])]
        let mentors = [mentor(10)]
        let plan = try planMatches(mentees: mentees, mentors: mentors)
        #expect(plan.pairs.map(\.menteeID) == [1])
        #expect(plan.pairs.first?.compatibility.english() == "same time zone; both prefer email; technical")
        #expect(plan.unmatched.map(\.menteeID) == [2, 3])
        #expect(plan.unmatched.map { $0.reason.english() } == [
            "no mentor speaks Portuguese", "the only compatible mentor is full",
        ])
        let twoMentors = try planMatches(mentees: mentees + [mentee(4)], mentors: mentors + [mentor(11)])
        #expect(twoMentors.unmatched.map { $0.reason.english() }.contains("all 2 compatible mentors are full"))
        #expect(twoMentors.totalScore == twoMentors.pairs.reduce(0) { $0 + $1.compatibility.score })
    }

    @Test func planRefusesDuplicateIDs() {
        #expect(throws: MatchingError.duplicateID("1")) { try planMatches(mentees: [mentee(1), mentee(1)], mentors: []) }
    }
}
