import Foundation
import Testing
@testable import Mail

/// Huge mail is read with a best effort within fixed limits: the start of it is understood,
/// the rest is left in the raw bytes, and nothing is decoded just to be measured.
@Suite struct ReadingLimitTests {
    private static let intro = "Hello,\n\nI would like to join the mentoring program as a mentee.\n\nThanks,\nSam\n"

    /// `count` copies of `line`, built without a String per line.
    private static func repeated(_ line: String, count: Int) -> [UInt8] {
        let unit = Array(line.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(unit.count * count)
        for _ in 0..<count { bytes += unit }
        return bytes
    }

    @Test func hundredThousandHeaderLinesKeepTheFirstFieldsAndTheText() {
        var bytes = Array("From: Sam <sam@example.org>\nSubject: Joining\nContent-Type: text/plain; charset=utf-8\n".utf8)
        bytes += Self.repeated("X-Trace: hop via relay.example.net\n", count: 100_000)
        bytes += Array("X-Last: never read\n\n\(Self.intro)".utf8)
        let message = Message(bytes: bytes)
        #expect(message.headers.count == MIMEPart.maxHeaderCount)
        #expect(message.header("X-Last") == nil)
        #expect(message.from?.address == "sam@example.org")
        #expect(message.subject == "Joining")
        #expect(message.textBody == Self.intro)
        #expect(MailReading.reply(of: message).hasPrefix("Hello,"))
    }

    @Test func aFieldLongerThanTheLimitIsCutWithoutSplittingACharacter() {
        let subject = String(repeating: "é", count: 100_000)  // 200 000 bytes
        let message = Message("Subject: \(subject)\nFrom: a@example.org\n\nhi\n")
        let kept = message.subject ?? ""
        #expect(kept == String(repeating: "é", count: MIMEPart.maxFieldLength / 2))
        #expect(message.from?.address == "a@example.org")
    }

    @Test func aHundredThousandReferencesKeepTheFirstOnes() {
        let ids = (0..<100_000).map { "<ref.\($0)@example.org>" }
        let message = Message("References: \(ids.joined(separator: "\n "))\nIn-Reply-To: <last@example.org>\n\nhi\n")
        let references = message.references
        #expect(references.count > 1_000)
        #expect(references.count < 5_000)
        // In order from the first; the last one kept may be cut short.
        #expect(Array(references.dropLast()) == (0..<(references.count - 1)).map { "ref.\($0)@example.org" })
        #expect(message.inReplyTo == "last@example.org")
    }

    @Test func aThirtyMegabyteAttachmentIsMeasuredWithoutDecoding() throws {
        let raw = (0..<57).map { UInt8($0 * 3) }
        let line = Base64.encode(raw) + Array("\r\n".utf8)
        let lines = 30 * 1024 * 1024 / line.count
        var bytes = Array("""
            From: sam@example.org\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            see the attachment\r
            --b\r
            Content-Type: application/pdf; name="cv.pdf"\r
            Content-Disposition: attachment; filename="cv.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r

            """.utf8)
        bytes.reserveCapacity(bytes.count + lines * line.count + 16)
        for _ in 0..<lines { bytes += line }
        bytes += Array("--b--\r\n".utf8)
        let message = Message(bytes: bytes)
        let attachment = try #require(message.attachments.first)
        #expect(attachment.filename == "cv.pdf")
        #expect(MailReading.decodedSize(of: attachment) == lines * 57)
        #expect(message.textBody == "see the attachment")
    }

    @Test func decodedSizeCountsQuotedPrintableExactly() {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array("ab =3D=\r\n=E2=82=AC\t=\n=zz==4".utf8)
        for _ in 0..<500 {
            let body = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let part = Message(bytes: Array("Content-Transfer-Encoding: quoted-printable\n\n".utf8) + body).root
            #expect(MailReading.decodedSize(of: part) == part.decodedBytes().count)
            #expect(QuotedPrintable.decodedCount(body) == QuotedPrintable.decode(body).count)
        }
    }

    @Test(arguments: ["7bit", "base64", "quoted-printable"])
    func aDecodedPrefixIsTheStartOfTheWholeBody(encoding: String) {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt8.random(in: 32...126, using: &generator) }
            let body = switch encoding {
            case "base64": Base64.encode(text, lineLength: 76)
            case "quoted-printable": QuotedPrintable.encode(text)
            default: text
            }
            let part = Message(bytes: Array("Content-Transfer-Encoding: \(encoding)\n\n".utf8) + body).root
            let whole = part.decodedBytes()
            let limit = Int.random(in: 0...320, using: &generator)
            let (prefix, truncated) = part.decodedBytes(limit: limit)
            #expect(prefix == Array(whole.prefix(limit)))
            #expect(truncated == (whole.count > limit))
        }
    }

    @Test func aFiveMegabyteLineDoesNotBlowUpReplyExtraction() {
        var bytes = Array("From: sam@example.org\nContent-Type: text/plain; charset=utf-8\n\n\(Self.intro)".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 5 * 1024 * 1024)
        bytes += Array("\n".utf8)
        let start = Date()
        let message = Message(bytes: bytes)
        let body = MailReading.body(of: message)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(body?.text.utf8.count == Message.maxTextBytes)
        #expect(body?.reply.hasPrefix(Self.intro + "xxxx") == true)
        #expect(body.map { $0.reply.utf8.count <= Message.maxTextBytes } == true)
    }

    @Test func aHugeTextBodyIsReadUpToItsLimits() {
        let form = "Role: mentee\nName: Sam Doe\nTime zone: Europe/Madrid\n"
        var bytes = Array("Content-Type: text/plain; charset=utf-8\n\n\(form)".utf8)
        bytes += Self.repeated("> quoted history that goes on and on\n", count: 500_000)  // 18 MB
        let text = Message(bytes: bytes).textBody ?? ""
        #expect(text.hasPrefix(form))
        #expect(text.utf8.count <= Message.maxTextBytes)
        let lines = Message(bytes: Array("Content-Type: text/plain\n\n".utf8) + Self.repeated("\n", count: 100_000)).textBody ?? ""
        #expect(lines.utf8.count == Message.maxTextLines - 1)
    }

    @Test(arguments: ["8bit", "base64", "quoted-printable"])
    func aCutNeverSplitsACharacter(encoding: String) {
        let text = Array(String(repeating: "é", count: Message.maxTextBytes).utf8)  // 2 MiB, 2 bytes each
        let body = switch encoding {
        case "base64": Base64.encode(text, lineLength: 76)
        case "quoted-printable": QuotedPrintable.encode(text)
        default: text
        }
        var bytes = Array("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: \(encoding)\n\n".utf8)
        bytes += body
        let read = Message(bytes: bytes).textBody ?? ""
        #expect(read.utf8.count == Message.maxTextBytes)
        #expect(read.unicodeScalars.allSatisfy { $0 == "é" })
        let odd = Message(bytes: Array("Content-Type: text/plain; charset=utf-8\n\nx".utf8) + text).textBody ?? ""
        #expect(odd.utf8.count == Message.maxTextBytes - 1)
        #expect(odd.dropFirst().unicodeScalars.allSatisfy { $0 == "é" })
    }

    @Test func aHugeHTMLBodyIsReadUpToItsLimit() {
        var bytes = Array("Content-Type: text/html; charset=utf-8\n\n<html><body><p>I would like to join.</p>\n".utf8)
        bytes += Self.repeated("<div>Some <b>bold</b> words and a <a href=\"https://example.org/x\">link</a>.</div>\n", count: 250_000)
        bytes += Array("<p>the end, never read</p></body></html>\n".utf8)
        let start = Date()
        let message = Message(bytes: bytes)
        let body = MailReading.body(of: message)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(body?.fromHTML == true)
        #expect(body?.text.hasPrefix("I would like to join.") == true)
        #expect(body?.reply.hasPrefix("I would like to join.") == true)
        #expect(body?.text.contains("never read") == false)
        #expect(body?.text == message.textBody)
    }

    @Test func anEncodedEmbeddedMessageOverTheLimitStaysALeaf() throws {
        let inner = Array("Subject: inner\n\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: MIMEPart.maxEncodedMessageSize)
        let small = Array("Subject: inner\n\nhello\n".utf8)
        for (body, parsed) in [(inner, false), (small, true)] {
            let bytes = Array("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n".utf8) + Base64.encode(body, lineLength: 76)
            let root = Message(bytes: bytes).root
            #expect(root.children.isEmpty == !parsed)
            #expect((root.embeddedMessage?.subject == "inner") == parsed)
        }
    }

    @Test func aTableInHTMLOverTheLimitIsNotRead() {
        let table = "<table><tr><th>email</th></tr><tr><td>a@example.org</td></tr></table>"
        #expect(HTMLTable.rows(fromHTML: table).count == 2)
        let padded = table + String(repeating: "<p>x</p>", count: HTMLTable.maxHTMLBytes / 8)
        #expect(HTMLTable.rows(fromHTML: padded).isEmpty)
    }

    @Test func incompleteUTF8AtTheEnd() {
        #expect(ByteText.incompleteUTF8Suffix(Array("abc".utf8)) == 0)
        #expect(ByteText.incompleteUTF8Suffix(Array("é".utf8)) == 0)
        #expect(ByteText.incompleteUTF8Suffix(Array(Array("é".utf8).prefix(1))) == 1)
        #expect(ByteText.incompleteUTF8Suffix(Array(Array("€".utf8).prefix(2))) == 2)
        #expect(ByteText.incompleteUTF8Suffix(Array(Array("😀".utf8).prefix(3))) == 3)
        #expect(ByteText.incompleteUTF8Suffix(Array("a😀".utf8)) == 0)
        #expect(ByteText.incompleteUTF8Suffix([]) == 0)
    }
}
