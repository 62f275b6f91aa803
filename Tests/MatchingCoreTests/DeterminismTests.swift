import MatchingCore
import Testing

struct DeterminismTests {
    /// A scores file whose scores are all distinct, so the optimum is unique.
    func distinctScores(_ rng: inout SplitMix64, mentees: Int, mentors: Int) -> ScoresInput {
        var values = Array(0..<(mentees * mentors)).shuffled(using: &rng)
        var scores: [ScoresInput.Score] = []
        for i in 0..<mentees {
            for j in 0..<mentors where Int.random(in: 0..<3, using: &rng) > 0 {
                scores.append(.init(mentee: ParticipantKey("e\(i)"), mentor: ParticipantKey("m\(j)"), score: values.removeLast()))
            }
        }
        return ScoresInput(mentors: (0..<mentors).map { .init(id: ParticipantKey("m\($0)"), capacity: Int.random(in: 1...3, using: &rng)) },
                           mentees: (0..<mentees).map { .init(id: ParticipantKey("e\($0)")) }, scores: scores)
    }

    @Test(arguments: MatchMethod.allCases)
    func inputOrderDoesNotChangeThePairs(method: MatchMethod) throws {
        var rng = SplitMix64(seed: 0xDE7E_0001)
        for _ in 0..<20 {
            var input = distinctScores(&rng, mentees: 25, mentors: 8)
            let first = try solveScores(input, method: method)
            #expect(try solveScores(input, method: method) == first)
            input.mentors.shuffle(using: &rng)
            input.mentees.shuffle(using: &rng)
            input.scores.shuffle(using: &rng)
            #expect(try solveScores(input, method: method) == first)
        }
    }

    @Test func tiesAreBrokenTheSameWayWhateverTheOrder() throws {
        var rng = SplitMix64(seed: 0xDE7E_0002)
        var input = ScoresInput(mentors: (0..<4).map { .init(id: ParticipantKey(String($0)), capacity: 2) },
                                mentees: (0..<12).map { .init(id: ParticipantKey(String($0))) }, scores: [])
        for i in 0..<12 { for j in 0..<4 { input.scores.append(.init(mentee: ParticipantKey(String(i)), mentor: ParticipantKey(String(j)), score: 1)) } }
        let first = try solveScores(input)
        for _ in 0..<10 {
            input.scores.shuffle(using: &rng)
            input.mentees.shuffle(using: &rng)
            #expect(try solveScores(input) == first)
        }
    }

    @Test func planDoesNotDependOnProfileOrder() throws {
        var rng = SplitMix64(seed: 0xDE7E_0003)
        let languages = ["english", "german", "portuguese"]
        func profile(_ id: Int, _ role: Role) -> Profile {
            Profile(id: id, role: role, mentoringWanted: [.technical], mentoringOffered: [.technical, .career],
                    areas: Set(["nova", "docs", "ci", "swift"].filter { _ in Bool.random(using: &rng) }),
                    utcOffsetMinutes: Int.random(in: -8...9, using: &rng) * 60,
                    languages: [languages.randomElement(using: &rng) ?? "english", "english"],
                    interactions: [.email, .irc], capacity: Int.random(in: 0...2, using: &rng))
        }
        var mentees = (0..<30).map { profile($0, .mentee) }
        var mentors = (100..<110).map { profile($0, .mentor) }
        let first = try planMatches(mentees: mentees, mentors: mentors)
        mentees.shuffle(using: &rng)
        mentors.shuffle(using: &rng)
        #expect(try planMatches(mentees: mentees, mentors: mentors) == first)
        let stable = try planMatches(mentees: mentees, mentors: mentors, method: .stable)
        #expect(stable.pairs.count <= first.pairs.count)
    }

    @Test func splitMix64IsStable() {
        var rng = SplitMix64(seed: 0)
        // Reference values of SplitMix64 from seed 0.
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
