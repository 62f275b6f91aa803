import MatchingCore
import Testing

struct SoftScoreTests {
    @Test func scoresAndExplainsACompatiblePair() throws {
        let (mentee, mentor) = compatiblePair()
        let fit = try score(mentee: mentee, mentor: mentor).get()
        #expect(fit.reasons == [
            .sharedAreas(["documentation", "nova"]), .timeZoneDistance(hours: 2),
            .sharedInteraction([.irc]), .mentoringType(.technical),
        ])
        // 2 areas × 10 + (12 − 2) h × 1 + 1 medium × 3 + 1 type × 5
        #expect(fit.score == 38)
        #expect(fit.english(names: DisplayNames(["nova": "Nova"]))
            == "both: documentation, Nova; time zones 2 h apart; both prefer IRC; technical")
    }

    @Test func weightsScaleEachCriterion() throws {
        let (mentee, mentor) = compatiblePair()
        let weights = Weights(sharedArea: 1, sharedInteraction: 0, mentoringType: 0, timeZoneCloseness: 0)
        let fit = try score(mentee: mentee, mentor: mentor, weights: weights).get()
        #expect(fit.score == 2)
        #expect(fit.reasons == [.sharedAreas(["documentation", "nova"])])
    }

    @Test func closerTimeZonesScoreHigher() throws {
        var (mentee, mentor) = compatiblePair()
        let near = try score(mentee: mentee, mentor: mentor).get().score
        mentor.utcOffsetMinutes = 60 + 9 * 60
        let far = try score(mentee: mentee, mentor: mentor, rules: MatchRules(minimumOverlapHours: 0)).get().score
        #expect(near - far == 7)
        mentor.utcOffsetMinutes = 60
        #expect(try score(mentee: mentee, mentor: mentor).get().english().contains("same time zone"))
    }

    @Test func regionCountsOnlyWhenBothMeetInPerson() throws {
        var (mentee, mentor) = compatiblePair()
        mentee.region = "Berlin "
        mentor.region = "berlin"
        mentee = Profile(id: mentee.id, role: mentee.role, mentoringWanted: mentee.mentoringWanted, areas: mentee.areas,
                         utcOffsetMinutes: mentee.utcOffsetMinutes, languages: mentee.languages,
                         interactions: [.irc, .inPerson], region: "Berlin ")
        let withoutMentor = try score(mentee: mentee, mentor: mentor).get()
        #expect(!withoutMentor.reasons.contains(.sameRegion("berlin")))
        mentor.interactions.insert(.inPerson)
        let both = try score(mentee: mentee, mentor: mentor).get()
        #expect(both.reasons.contains(.sameRegion("berlin")))
        #expect(both.reasons.contains(.sharedInteraction([.irc, .inPerson])))
        #expect(both.score - withoutMentor.score == 15 + 3)
        #expect(both.english().contains("both prefer IRC and meeting in person; technical; both can meet in Berlin"))
    }

    /// Finding: a mentee who left "how would you like to meet" blank (email assumed) scored as
    /// preferring email, so a mentor who chose email was favoured over one who chose video for a
    /// preference nobody stated.
    @Test func anAssumedWayToMeetAddsNoPoints() throws {
        var (mentee, mentor) = compatiblePair()
        mentee.interactions = [.email]
        mentor.interactions = [.email, .video]
        let stated = try score(mentee: mentee, mentor: mentor).get()
        #expect(stated.reasons.contains(.sharedInteraction([.email])))
        mentee.interactionsAssumed = true
        let assumed = try score(mentee: mentee, mentor: mentor).get()
        #expect(!assumed.reasons.contains { if case .sharedInteraction = $0 { true } else { false } })
        #expect(stated.score - assumed.score == Weights().sharedInteraction)
        mentor.interactions = [.video]
        #expect(try score(mentee: mentee, mentor: mentor).get().score == assumed.score, "email or video: the same to her")
        // Email is still how an assumed side can be reached: no shared-hours rule applies.
        mentor.utcOffsetMinutes = mentee.utcOffsetMinutes + 12 * 60
        #expect(hardRuleFailures(mentee: mentee, mentor: mentor, rules: MatchRules(minimumOverlapHours: 8)).isEmpty)
    }

    @Test func sharedAvailabilityIsCapped() throws {
        var (mentee, mentor) = compatiblePair()
        mentee.availability = Set(0..<30)
        mentor.availability = Set(10..<50)
        let fit = try score(mentee: mentee, mentor: mentor).get()
        #expect(fit.reasons.last == .sharedAvailability(hours: 20))
        #expect(fit.score == 38 + 10)
        #expect(MatchReason.sharedAvailability(hours: 20).english() == "20 h a week free at the same time")
    }

    @Test func profileNormalisesKeys() {
        let profile = Profile(id: 1, role: .mentee, areas: ["  Nova\t", "", "DOCS"], languages: ["Português "],
                              region: "  ", availability: [-1, 0, 167, 168])
        #expect(profile.areas == ["nova", "docs"])
        #expect(profile.languages == ["português"])
        #expect(profile.region == nil)
        #expect(profile.availability == [0, 167])
    }

    @Test func reasonsRenderInEnglish() {
        #expect(MatchReason.sharedInteraction([.irc, .email, .video]).english() == "both prefer IRC, email and video calls")
        #expect(MatchReason.mentoringType(.career).english() == "career")
        #expect(MatchReason.timeZoneDistance(hours: 0).english() == "same time zone")
    }
}
