import Foundation
import MatchingCore
import Testing

/// `ScoresInput(json:)`, the byte reader behind `match --scores`, against JSONDecoder.
struct ScoresFileReaderTests {
    static let valid = [
        #"{"mentors":[{"id":"m2","capacity":1},{"id":7,"capacity":2}],"mentees":[{"id":"a"},{"id":10}],"scores":[{"mentee":"a","mentor":"m2","score":5},{"mentee":10,"mentor":7,"score":0}]}"#,
        // Whitespace everywhere, keys in any order, unknown keys of every kind skipped.
        " \n{ \"scores\" : [ ] ,\r\n\t\"note\": {\"x\": [1, -2.5e3, true, false, null, \"s\"]}, \"mentees\":[ {\"name\":\"A\", \"id\":\"x\"} ],\n \"mentors\" : [] } \n",
        // Escapes and non-ASCII ids, negative and zero integers.
        #"{"mentors":[{"capacity":0,"id":"\u00e9\n\"q\"\\ \/ \ud83d\ude00"}],"mentees":[{"id":-0},{"id":-12},{"id":"São"}],"scores":[]}"#,
    ]

    @Test(arguments: valid)
    func readsWhatJSONDecoderReads(text: String) throws {
        let ours = try ScoresInput(json: Array(text.utf8))
        let theirs = try JSONDecoder().decode(ScoresInput.self, from: Data(text.utf8))
        #expect(ours == theirs)
    }

    @Test func readsAGeneratedInstance() throws {
        var rng = SplitMix64(seed: 0x5F11_0001)
        var text = #"{"mentors":["#
        text += (0..<50).map { #"{"id":"\#($0)","capacity":\#(Int.random(in: 0...4, using: &rng))}"# }.joined(separator: ",\n")
        text += "],\n\"mentees\":[" + (0..<200).map { #"{"id":\#($0)}"# }.joined(separator: ",") + "],\n\"scores\":["
        text += (0..<2000).map { _ in
            #"{"mentee":"\#(Int.random(in: 0..<200, using: &rng))","mentor":\#(Int.random(in: 0..<50, using: &rng)),"score":\#(Int.random(in: 0...1000, using: &rng))}"#
        }.joined(separator: ",\n") + "\n]}\n"
        let ours = try ScoresInput(json: Array(text.utf8))
        #expect(ours == (try JSONDecoder().decode(ScoresInput.self, from: Data(text.utf8))))
        #expect(ours.scores.count == 2000)
    }

    @Test(arguments: [
        ("", 1, 1, "expected an object ('{'), found the end of the file"),
        ("[]", 1, 1, "expected an object ('{'), found '['"),
        (#"{"mentors":[],"mentees":[]}"#, 1, 28, #"the document needs "mentors", "mentees" and "scores""#),
        (#"{"mentors":[],"mentees":[],"scores":[]} x"#, 1, 41, "unexpected 'x' after the document"),
        ("{\"mentors\":[],\n\"mentees\":[{\"id\":1}],\n\"scores\":[{\"mentee\":1,\"mentor\":2,\"score\":5.0}]}", 3, 42,
         "expected an integer, found a number with a fraction or exponent"),
        (#"{"mentors":[{"id":"a"}],"mentees":[],"scores":[]}"#, 1, 23, #"a mentor needs "id" and "capacity""#),
        (#"{"mentors":[{"id":"a","id":"b","capacity":1}],"mentees":[],"scores":[]}"#, 1, 28, #""id" is given twice"#),
        (#"{"mentors":[],"mentors":[],"mentees":[],"scores":[]}"#, 1, 25, #""mentors" is given twice"#),
        (#"{"mentors":[{"id":true,"capacity":1}],"mentees":[],"scores":[]}"#, 1, 19, "expected an integer, found 't'"),
        (#"{"mentors":[{"id":"a","capacity":99999999999999999999}],"mentees":[],"scores":[]}"#, 1, 34, "the integer is too large"),
        (#"{"mentors":[{"id":"a","capacity":01}],"mentees":[],"scores":[]}"#, 1, 34, "a number has a leading zero"),
        (#"{"mentors":[],"mentees":[{"id":"a\qb"}],"scores":[]}"#, 1, 35, #"unknown escape \'q'"#),
        (#"{"mentors":[],"mentees":[{"id":"\ud800"}],"scores":[]}"#, 1, 39, #"a \u escape holds half of a surrogate pair"#),
        ("{\"mentors\":[],\"mentees\":[{\"id\":\"a\tb\"}],\"scores\":[]}", 1, 34, "a control character inside a string (write it as an escape)"),
        (#"{"mentors":[],"mentees":[{"id":"abc"#, 1, 36, "a string is not closed"),
        (#"{"mentors":[],"mentees":[{"id":1},],"scores":[]}"#, 1, 35, "expected an object ('{'), found ']'"),
        (#"{"mentors":[] "mentees":[]}"#, 1, 15, "expected ',' or '}' in an object, found '\"'"),
        (#"{"x":[1,2 3],"mentors":[],"mentees":[],"scores":[]}"#, 1, 11, "expected ',' or ']' in an array, found '3'"),
        (#"{"x":nul,"mentors":[]}"#, 1, 6, "expected a value, found 'n'"),
        (#"{"x":1.,"mentors":[]}"#, 1, 8, "a number needs digits after '.'"),
    ])
    func refusesMalformedInputSayingWhereAndWhy(text: String, line: Int, column: Int, message: String) {
        #expect(throws: ScoresFileError(line: line, column: column, message: message)) { try ScoresInput(json: Array(text.utf8)) }
        // JSONDecoder is laxer (a trailing comma, a repeated key, `5.0` as an integer): `match --scores` falls back to it.
        let lax = text.contains("5.0") || text.contains(#""id":"a","id""#) || text.contains(#""mentors":[],"mentors""#) || text.contains("},]")
        #expect(((try? JSONDecoder().decode(ScoresInput.self, from: Data(text.utf8))) != nil) == lax)
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        var bytes = Array(#"{"mentors":[],"mentees":[{"id":"a"#.utf8) + [0xFF] + Array(#""}],"scores":[]}"#.utf8)
        #expect(throws: ScoresFileError(line: 1, column: 33, message: "the string is not valid UTF-8")) { try ScoresInput(json: bytes) }
        bytes = Array(#"{"x":"#.utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: ScoresFileError.self) { try ScoresInput(json: bytes) }
        #expect(ScoresFileError(line: 2, column: 3, message: "m").description == "line 2, column 3: m")
    }
}
