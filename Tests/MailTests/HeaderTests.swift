import Foundation
import Testing
@testable import Mail

@Suite struct HeaderTests {
    @Test func unfoldsFoldedFieldsWithCRLFAndBareLF() {
        for newline in ["\r\n", "\n"] {
            let raw = ["Received: from mail.example.org (mail.example.org [192.0.2.1])", "\tby mx.example.com with ESMTPS id abc",
                       "Subject: A subject that was", "  folded twice", " over three lines", "X-Empty:", "", "Body"].joined(separator: newline)
            let message = Message(raw)
            #expect(message.header("Received") == "from mail.example.org (mail.example.org [192.0.2.1])\tby mx.example.com with ESMTPS id abc")
            #expect(message.subject == "A subject that was  folded twice over three lines")
            #expect(message.header("x-empty") == "")
            #expect(message.header("X-Missing") == nil)
            #expect(message.textBody == "Body")
        }
    }

    @Test func acceptsObsoleteSyntax() {
        let raw = "From mbox-line Tue Mar  5 10:00:00 2024\nSubject : spaced colon\nto:lower@example.org\nComments:(only a comment)\n\nbody\n"
        let message = Message(raw)
        #expect(message.subject == "spaced colon")
        #expect(message.to == [MailAddress(address: "lower@example.org")])
        #expect(message.headers.first?.name == "Subject")
    }

    @Test func headerValuesReturnsEveryField() {
        let message = Message("Received: one\nreceived: two\nRECEIVED: three\n\n")
        #expect(message.headerValues("Received") == ["one", "two", "three"])
    }

    @Test func eightBitHeadersAreUTF8OrLatin1() {
        var bytes = Array("Subject: Caf".utf8) + [0xC3, 0xA9] + Array("\nX-Latin: Caf".utf8) + [0xE9] + Array("\n\nbody".utf8)
        var message = Message(bytes: bytes)
        #expect(message.subject == "Café")
        #expect(message.header("X-Latin") == "Café")
        bytes = Array("From: J".utf8) + [0xC3, 0xBC] + Array("rgen <j@example.de>\n\n".utf8)
        message = Message(bytes: bytes)
        #expect(message.from == MailAddress(address: "j@example.de", name: "Jürgen"))
    }

    @Test func linesWithoutAColonAreSkippedOrStartTheBody() {
        let skipped = Message("Subject: one\nthis line is garbage\nFrom: a@example.org\n\nbody")
        #expect(skipped.subject == "one")
        #expect(skipped.from?.address == "a@example.org")
        #expect(skipped.textBody == "body")
        let noBlankLine = Message("Subject: two\nHello there, this is the body.\nSecond line.")
        #expect(noBlankLine.subject == "two")
        #expect(noBlankLine.textBody == "Hello there, this is the body.\nSecond line.")
    }

    @Test func partWithoutHeadersStartingIndented() {
        let raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\n    indented first line\nsecond\n--b--\n"
        #expect(Message(raw).textBody == "    indented first line\nsecond")
    }

    @Test func nulBytesInHeadersAreDropped() {
        let message = Message(bytes: Array("Subject: a".utf8) + [0] + Array("b\n\nx".utf8))
        #expect(message.subject == "ab")
    }

    @Test func messageIDFields() {
        let raw = """
        Message-ID: <CAF=abc+123@mail.gmail.com>
        In-Reply-To: <first@example.org> (Alice's message of "Tue, 5 Mar 2024")
        References: <root@example.org>
         <first@example.org>
        References: <late@example.org>
        Auto-Submitted: Auto-Replied; owner-email="x@example.org"

        """
        let message = Message(raw)
        #expect(message.messageID == "CAF=abc+123@mail.gmail.com")
        #expect(message.inReplyTo == "first@example.org")
        #expect(message.references == ["root@example.org", "first@example.org", "late@example.org"])
        #expect(message.autoSubmitted == "auto-replied")
        #expect(Message("Message-ID: bare@example.org\nIn-Reply-To: junk\n\n").messageID == "bare@example.org")
        #expect(Message("Subject: x\n\n").messageID == nil)
    }
}

@Suite struct EncodedWordTests {
    @Test(arguments: [
        ("=?UTF-8?B?w4RwZmVs?=", "Äpfel"),
        ("=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_Z=C3=BCrich?=", "Grüße aus Zürich"),
        ("=?iso-8859-1?q?caf=E9?= au lait", "café au lait"),
        ("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=", "ab"),
        ("=?ISO-8859-1?Q?a?=\r\n =?ISO-8859-1?Q?_b?=", "a b"),
        ("=?ISO-8859-1?Q?a?= b", "a b"),
        ("a =?ISO-8859-1?Q?b?=", "a b"),
        ("=?utf-8?b?8J+O?= =?utf-8?b?iQ==?= party", "🎉 party"),  // a character split across words
        ("=?utf-8*en?q?hello?=", "hello"),
        ("=?utf-8?x?invalid?=", "=?utf-8?x?invalid?="),
        ("=?utf-8?q?unterminated", "=?utf-8?q?unterminated"),
        ("no encoding at all", "no encoding at all"),
        ("Re: =?windows-1252?Q?=93quoted=94?=", "Re: “quoted”"),
        ("=?gb2312?B?xOO6ww==?=", "你好"),
        ("=?utf-8?Q?not?==?utf-8?Q?_spaced?=", "not spaced"),
    ])
    func decodes(input: String, expected: String) {
        #expect(EncodedWords.decode(input) == expected)
    }

    @Test func brokenBase64InAWordStillDecodesSomething() {
        let decoded = EncodedWords.decode("=?UTF-8?B?SGVsbG8*!#gd29y?= tail")
        #expect(decoded.hasPrefix("Hello"))
        #expect(decoded.hasSuffix(" tail"))
    }

    @Test func encodedWordsAreShortAndReversible() {
        let text = String(repeating: "Ünïcödé 🎉 ", count: 30)
        let words = EncodedWords.encode(text)
        #expect(words.allSatisfy { $0.count <= 75 })
        #expect(EncodedWords.decode(words.joined(separator: "\r\n ")) == text)
    }
}

@Suite struct AddressTests {
    @Test func parsesRealWorldLists() {
        let list = MailAddress.parseList(#"Alice Example <alice@example.org>, "Smith, Bob" <bob@example.com>, carol@example.net, team: dave@x.org, "Eve \"E\" Doe" <eve@x.org>;, =?utf-8?q?Jos=C3=A9?= <jose@example.es>, frank@example.org (Frank Old-Style), <@route.example:gina@example.org>, undisclosed-recipients:;"#)
        #expect(list == [
            MailAddress(address: "alice@example.org", name: "Alice Example"),
            MailAddress(address: "bob@example.com", name: "Smith, Bob"),
            MailAddress(address: "carol@example.net"),
            MailAddress(address: "dave@x.org"),
            MailAddress(address: "eve@x.org", name: "Eve \"E\" Doe"),
            MailAddress(address: "jose@example.es", name: "José"),
            MailAddress(address: "frank@example.org", name: "Frank Old-Style"),
            MailAddress(address: "gina@example.org"),
        ])
    }

    @Test func toleratesBrokenLists() {
        #expect(MailAddress.parseList("") == [])
        #expect(MailAddress.parseList(" , ,, ") == [])
        #expect(MailAddress.parseList("Alice alice@example.org") == [MailAddress(address: "alice@example.org", name: "Alice")])
        #expect(MailAddress.parseList("\"unterminated <a@b.c>") == [MailAddress(address: "\"unterminated<a@b.c>".filter { $0 != "\"" }, name: nil)]
                || !MailAddress.parseList("\"unterminated <a@b.c>").isEmpty)
        #expect(MailAddress.parseList("<a@b.c") == [MailAddress(address: "a@b.c")])
        #expect(MailAddress.parseList("\"=?utf-8?q?Quoted_Encoded?=\" <q@x.org>") == [MailAddress(address: "q@x.org", name: "Quoted Encoded")])
        #expect(MailAddress.parseList("Name With Spaces <  spaced@x.org  >") == [MailAddress(address: "spaced@x.org", name: "Name With Spaces")])
    }

    /// Finding: a From sent as one encoded word was held as "no usable From address" and shown
    /// encoded and lower-cased in the held list.
    @Test func aMailboxSentWhollyAsEncodedWordsIsRead() {
        #expect(MailAddress.parseList("=?utf-8?b?2YTZitmE2Ykg2K3Ys9mGIDx4ci1sYXlsYUBleGFtcGxlLmVnPg==?=")
                == [MailAddress(address: "xr-layla@example.eg", name: "ليلى حسن")])
        #expect(MailAddress.parseList("=?utf-8?q?Jos=C3=A9_M=C3=BCller_<jose@example.de>?=, carol@example.net")
                == [MailAddress(address: "jose@example.de", name: "José Müller"), MailAddress(address: "carol@example.net")])
        // Without an address inside, the decoded text is what is kept (and shown), never the encoding.
        #expect(MailAddress.parseList("=?utf-8?b?2YTZitmE2Ykg2K3Ys9mG?=") == [MailAddress(address: "ليلى حسن")])
        let message = Message("From: =?utf-8?b?2YTZitmE2Ykg2K3Ys9mGIDx4ci1sYXlsYUBleGFtcGxlLmVnPg==?=\nSubject: x\n\nHi")
        #expect(message.from == MailAddress(address: "xr-layla@example.eg", name: "ليلى حسن"))
    }

    @Test func normalizedIsLowerCase() {
        #expect(MailAddress(address: "Alice@Example.ORG").normalized == "alice@example.org")
        #expect(MailAddress(address: "a@x", name: "A").description == "A <a@x>")
    }
}

@Suite struct DateTests {
    /// 2024-03-05 10:00:00 UTC.
    let reference = Date(timeIntervalSince1970: 1_709_632_800)

    @Test(arguments: [
        "Tue, 05 Mar 2024 10:00:00 +0000",
        "Tue, 5 Mar 2024 11:00:00 +0100",
        "5 Mar 2024 05:00:00 EST",
        "Tue, 05 Mar 2024 02:00:00 PST",
        "Tue, 5 Mar 24 10:00:00 GMT",
        "Tue,  5 Mar 2024 10:00:00 +0000 (UTC)",
        "Tue, 05 Mar 2024 10:00 +0000",
        "Tue, 05 Mar 2024 10:00:00 Z",
        "Tue, 05 Mar 2024 10:00:00",
        "tue, 05 mar 2024 12:00:00 +02:00",
        "Tue Mar  5 10:00:00 2024",
        "2024-03-05T10:00:00Z",
        "2024-03-05 11:00:00 +0100",
    ])
    func parses(text: String) {
        #expect(MailDate.parse(text) == reference)
    }

    @Test func obsoleteYearsAndGarbage() {
        #expect(MailDate.parse("1 Jan 99 00:00:00 +0000") == Date(timeIntervalSince1970: 915_148_800))
        #expect(MailDate.parse("1 Jan 1970 00:00:00 +0000") == Date(timeIntervalSince1970: 0))
        #expect(MailDate.parse("garbage") == nil)
        #expect(MailDate.parse("") == nil)
        #expect(MailDate.parse("32 Foo 2024 99:99:99") == nil)
    }

    @Test func formatsInRFC5322() {
        #expect(MailDate.format(reference) == "Tue, 05 Mar 2024 10:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        for seconds in stride(from: -2_000_000_000, to: 4_000_000_000, by: 7_654_321) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(MailDate.parse(MailDate.format(date)) == date)
        }
    }

    @Test func messageDate() {
        #expect(Message("Date: Tue, 5 Mar 2024 11:00:00 +0100\n\n").date == reference)
        #expect(Message("Date: not a date\n\n").date == nil)
    }
}
