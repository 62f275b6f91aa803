import MatchingCore
import Testing

/// A mentee and a mentor that pass every hard rule; tests change one thing at a time.
func compatiblePair() -> (mentee: Profile, mentor: Profile) {
    let mentee = Profile(id: 1, role: .mentee, mentoringWanted: [.technical], areas: ["Nova", "documentation"],
                         utcOffsetMinutes: 60, languages: ["English"], interactions: [.irc])
    let mentor = Profile(id: 2, role: .mentor, mentoringOffered: [.technical, .career], areas: ["nova", "documentation", "ci"],
                         utcOffsetMinutes: 180, languages: ["english", "german"], interactions: [.irc, .video], capacity: 2)
    return (mentee, mentor)
}

func failures(_ mentee: Profile, _ mentor: Profile, history: PairHistory = PairHistory(), rules: MatchRules = MatchRules()) -> [HardRuleFailure] {
    switch score(mentee: mentee, mentor: mentor, history: history, rules: rules) {
    case .success: []
    case let .failure(incompatibility): incompatibility.failures
    }
}

struct HardRuleTests {
    @Test func compatiblePairPasses() {
        let (mentee, mentor) = compatiblePair()
        #expect(failures(mentee, mentor) == [])
    }

    @Test func roles() {
        var (mentee, mentor) = compatiblePair()
        mentee.role = .mentor
        mentor.role = .mentee
        #expect(failures(mentee, mentor) == [.menteeNotMentee, .mentorNotMentor])
        mentee.role = .both
        mentor.role = .both
        #expect(failures(mentee, mentor) == [])
    }

    @Test func mentoringType() {
        var (mentee, mentor) = compatiblePair()
        mentee.mentoringWanted = [.career]
        mentor.mentoringOffered = [.technical]
        #expect(failures(mentee, mentor) == [.mentoringType(wanted: [.career], offered: [.technical])])
        #expect(HardRuleFailure.mentoringType(wanted: [.career], offered: [.technical]).english
            == "wants career mentoring; mentor offers technical")
    }

    @Test func commonLanguage() {
        var (mentee, mentor) = compatiblePair()
        mentee.languages = ["portuguese"]
        #expect(failures(mentee, mentor) == [.noCommonLanguage])
    }

    @Test func capacityAndPause() {
        var (mentee, mentor) = compatiblePair()
        mentor.capacity = 0
        mentor.paused = true
        #expect(failures(mentee, mentor) == [.mentorPaused, .mentorFull])
    }

    @Test func samePerson() {
        var (mentee, mentor) = compatiblePair()
        mentee.role = .both
        mentor.role = .both
        mentor.id = mentee.id
        #expect(failures(mentee, mentor) == [.samePerson])
    }

    @Test func history() {
        let (mentee, mentor) = compatiblePair()
        var history = PairHistory()
        history.record(mentor.id, mentee.id)
        #expect(failures(mentee, mentor, history: history) == [.pairedBefore])
        history.record(mentee.id, mentor.id, endedBadly: true)
        #expect(failures(mentee, mentor, history: history) == [.endedBadly])
    }

    @Test func timeZoneOverlapOnlyWhenNobodyTakesEmail() {
        var (mentee, mentor) = compatiblePair()
        // UTC−8 and UTC+9: waking hours are 16:00–06:00 and 23:00–13:00 UTC, sharing 7 h.
        mentee.utcOffsetMinutes = -8 * 60
        mentor.utcOffsetMinutes = 9 * 60
        #expect(wakingOverlapMinutes(mentee.utcOffsetMinutes, mentor.utcOffsetMinutes) == 7 * 60)
        #expect(failures(mentee, mentor, rules: MatchRules(minimumOverlapHours: 7)) == [])
        #expect(failures(mentee, mentor, rules: MatchRules(minimumOverlapHours: 8)) == [.notEnoughOverlap(hours: 7, required: 8)])
        // Either side happy with email: no overlap needed.
        mentee.interactions.insert(.email)
        #expect(failures(mentee, mentor, rules: MatchRules(minimumOverlapHours: 8)) == [])
    }

    @Test func overlapBoundaryIsInclusive() {
        // UTC−6 (14:00–04:00 UTC) and UTC+7:30 (00:30–14:30 UTC) share 0:30 + 3:30 = 4 h.
        #expect(wakingOverlapMinutes(-6 * 60, 7 * 60 + 30) == 240)
        var (mentee, mentor) = compatiblePair()
        mentee.utcOffsetMinutes = -6 * 60
        mentor.utcOffsetMinutes = 7 * 60 + 30
        #expect(failures(mentee, mentor, rules: MatchRules(minimumOverlapHours: 4)) == [])
        #expect(failures(mentee, mentor, rules: MatchRules(minimumOverlapHours: 5)) == [.notEnoughOverlap(hours: 4, required: 5)])
    }

    @Test func overlapWrapsAroundTheDay() {
        // Same local clock a day apart (UTC−12 and UTC+12): the whole 14 h.
        #expect(wakingOverlapMinutes(-12 * 60, 12 * 60) == 14 * 60)
        // Two 14 h windows always share at least 4 h; 12 h windows 12 h apart share none.
        #expect(wakingOverlapMinutes(0, 12 * 60) == 4 * 60)
        #expect(wakingOverlapMinutes(0, 12 * 60, rules: MatchRules(wakingFrom: 9, wakingUntil: 21)) == 0)
        #expect(wakingOverlapMinutes(0, 10 * 60, rules: MatchRules(wakingFrom: 9, wakingUntil: 21)) == 2 * 60)
    }

    @Test func everyFailureIsReportedInRuleOrder() {
        var (mentee, mentor) = compatiblePair()
        mentee.mentoringWanted = [.career]
        mentor.mentoringOffered = [.technical]
        mentee.languages = ["french"]
        mentor.capacity = 0
        mentor.utcOffsetMinutes = 12 * 60
        let found = failures(mentee, mentor, rules: MatchRules(minimumOverlapHours: 5))
        #expect(found.map(\.rule) == [.mentoringType, .language, .capacity, .timeZoneOverlap])
        #expect(Incompatibility(failures: found).english
            == "wants career mentoring; mentor offers technical; no common language; mentor has no free capacity; only 4 h of shared waking time (5 h needed)")
    }

    @Test func timeZoneDistanceIsCircular() {
        #expect(timeZoneDistanceMinutes(14 * 60, -12 * 60) == 120)
        #expect(timeZoneDistanceMinutes(-300, 60) == 360)
        #expect(timeZoneDistanceMinutes(0, 720) == 720)
    }
}
