import Foundation
import MatchingCore
import Testing

struct ScoresFileTests {
    @Test func decodesStringAndIntegerIDsAndSolves() throws {
        let json = """
        {"mentors":[{"id":"m2","capacity":1},{"id":7,"capacity":2}],
         "mentees":[{"id":"a"},{"id":10},{"id":"2"}],
         "scores":[{"mentee":"a","mentor":"m2","score":5},{"mentee":10,"mentor":"7","score":3},
                   {"mentee":"2","mentor":7,"score":4},{"mentee":"a","mentor":7,"score":1}]}
        """
        let input = try JSONDecoder().decode(ScoresInput.self, from: Data(json.utf8))
        #expect(input.mentees.map(\.id) == ["a", "10", "2"])
        let output = try solveScores(input)
        #expect(output.pairs == [
            .init(mentee: "2", mentor: "7", score: 4), .init(mentee: "10", mentor: "7", score: 3),
            .init(mentee: "a", mentor: "m2", score: 5),
        ])
        #expect(output.unmatched == [])
        #expect(output.total == 12)
        let encoded = String(decoding: try JSONEncoder().encode(output), as: UTF8.self)
        #expect(encoded.contains(#""mentee":"10""#))
        #expect(encoded.contains(#""solveSeconds":0"#))
    }

    @Test func stableMethodAndUnmatched() throws {
        let input = ScoresInput(mentors: [.init(id: 1, capacity: 1)], mentees: [.init(id: 1), .init(id: 2)],
                                scores: [.init(mentee: 1, mentor: 1, score: 2), .init(mentee: 2, mentor: 1, score: 9)])
        let output = try solveScores(input, method: .stable)
        #expect(output.pairs == [.init(mentee: "2", mentor: "1", score: 9)])
        #expect(output.unmatched == ["1"])
    }

    @Test func refusesBadInput() {
        let mentors: [ScoresInput.Mentor] = [.init(id: "x", capacity: 1)]
        let mentees: [ScoresInput.Mentee] = [.init(id: "a")]
        #expect(throws: MatchingError.duplicateID("a")) {
            try solveScores(ScoresInput(mentors: mentors, mentees: mentees + mentees, scores: []))
        }
        #expect(throws: MatchingError.unknownID("b")) {
            try solveScores(ScoresInput(mentors: mentors, mentees: mentees, scores: [.init(mentee: "b", mentor: "x", score: 1)]))
        }
        #expect(throws: MatchingError.duplicateScore(mentee: "a", mentor: "x")) {
            try solveScores(ScoresInput(mentors: mentors, mentees: mentees, scores: [
                .init(mentee: "a", mentor: "x", score: 1), .init(mentee: "a", mentor: "x", score: 2),
            ]))
        }
        #expect(throws: MatchingError.negativeCapacity(mentor: "y", capacity: -1)) {
            try solveScores(ScoresInput(mentors: [.init(id: "y", capacity: -1)], mentees: mentees, scores: []))
        }
        #expect(throws: MatchingError.scoreOutOfRange(mentee: "a", mentor: "x", score: -4)) {
            try solveScores(ScoresInput(mentors: mentors, mentees: mentees, scores: [.init(mentee: "a", mentor: "x", score: -4)]))
        }
        #expect(MatchingError.unknownID("b").description == "a score names id b, which is not among the mentors or mentees")
    }

    @Test func keysOrderNumbersByValueBeforeText() {
        let keys: [ParticipantKey] = ["b", "10", "-3", "2", "a", "007", "-10", "", "1x"]
        #expect(keys.sorted().map(\.rawValue) == ["-10", "-3", "2", "007", "10", "", "1x", "a", "b"])
    }

    @Test func decimalLookingIdsStayDistinctAndDuplicatesAreFoundInAnyOrder() throws {
        // "7", "007" and "-7" are three ids; a mentee listed again later is still checked.
        let input = ScoresInput(
            mentors: [.init(id: "7", capacity: 1), .init(id: "007", capacity: 1), .init(id: "-7", capacity: 1)],
            mentees: [.init(id: "0"), .init(id: "00"), .init(id: "12345678901")],
            scores: [.init(mentee: "0", mentor: "7", score: 1), .init(mentee: "00", mentor: "007", score: 2),
                     .init(mentee: "0", mentor: "-7", score: 3), .init(mentee: "12345678901", mentor: "7", score: 4)])
        let output = try solveScores(input)
        #expect(output.pairs == [.init(mentee: "0", mentor: "-7", score: 3), .init(mentee: "00", mentor: "007", score: 2),
                                 .init(mentee: "12345678901", mentor: "7", score: 4)])
        var again = input
        again.scores.append(.init(mentee: "00", mentor: "007", score: 5))
        #expect(throws: MatchingError.duplicateScore(mentee: "00", mentor: "007")) { try solveScores(again) }
        again = input
        again.scores.insert(.init(mentee: "0", mentor: "7", score: 5), at: 1)
        #expect(throws: MatchingError.duplicateScore(mentee: "0", mentor: "7")) { try solveScores(again) }
        #expect(throws: MatchingError.unknownID("07")) {
            try solveScores(ScoresInput(mentors: input.mentors, mentees: input.mentees, scores: [.init(mentee: "0", mentor: "07", score: 1)]))
        }
        #expect(throws: MatchingError.duplicateID("7")) {
            try solveScores(ScoresInput(mentors: input.mentors + [.init(id: 7, capacity: 1)], mentees: input.mentees, scores: []))
        }
    }
}
