import Testing
@testable import Mail

@Suite struct TransferEncodingTests {
    func qp(_ text: String) -> String { String(decoding: QuotedPrintable.decode(Array(text.utf8)), as: UTF8.self) }

    @Test func quotedPrintableDecoding() {
        #expect(qp("caf=C3=A9") == "café")
        #expect(qp("caf=c3=a9") == "café")
        #expect(qp("soft=\r\nbreak") == "softbreak")
        #expect(qp("soft=  \nbreak with blanks after the equals") == "softbreak with blanks after the equals")
        #expect(qp("trailing   \r\nspace") == "trailing\r\nspace")
        #expect(qp("bad =ZZ escape and lone = sign") == "bad =ZZ escape and lone = sign")
        #expect(qp("ends with =") == "ends with ")
        #expect(qp("ends with =4") == "ends with =4")
        #expect(qp("") == "")
    }

    @Test func quotedPrintableEncodingRoundTrips() {
        let samples = ["", "plain", "a=b", "trailing \nline", "tab\t\n", String(repeating: "é", count: 100),
                       String(repeating: "x", count: 200), "From here\n.\nend", "emoji 🎉 and CR\rLF\r\nmix\n"]
        for sample in samples {
            let encoded = QuotedPrintable.encode(sample.utf8)
            let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 76 })
            #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
            #expect(encoded.allSatisfy { $0 < 0x7F })
            let decoded = String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self)
            #expect(ByteText.normalizingNewlines(decoded) == ByteText.normalizingNewlines(sample))
        }
    }

    @Test func base64Decoding() {
        #expect(Base64.decode(Array("SGVsbG8sIHdvcmxkIQ==".utf8)) == Array("Hello, world!".utf8))
        #expect(Base64.decode(Array("SGVs\r\nbG8s\r\nIHdv cmxk IQ".utf8)) == Array("Hello, world!".utf8))
        #expect(Base64.decode(Array("SGVsbG8=V29ybGQ=".utf8)) == Array("HelloWorld".utf8))
        #expect(Base64.decode(Array("!!SG*Vs#bG8".utf8)) == Array("Hello".utf8))
        #expect(Base64.decode(Array("S".utf8)) == [])
        #expect(Base64.decode([UInt8]()) == [])
        #expect(Base64.decode([0xFF, 0x00, 0x80]) == [])
    }

    @Test func base64EncodingRoundTripsAllLengths() {
        var generator = SeededGenerator(seed: 42)
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = Base64.encode(bytes, lineLength: 76)
            #expect(String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
            #expect(Base64.decode(encoded) == bytes)
        }
    }
}

/// A small deterministic generator (SplitMix64) for reproducible random inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

