import Foundation
import Testing
@testable import Mail

@Suite struct ComposeTests {
    let date = Date(timeIntervalSince1970: 1_709_632_800)  // 2024-03-05 10:00:00 UTC

    func outgoing(subject: String = "Welcome to the mentoring program", text: String = "Hello,\nwelcome!\n",
                  html: String? = nil, from: MailAddress = MailAddress(address: "program@mentors.example.org", name: "Mentoring Program"),
                  to: [MailAddress] = [MailAddress(address: "alice@example.com", name: "Alice Example")],
                  cc: [MailAddress] = [], attachments: [Mail.Attachment] = []) -> OutgoingMessage {
        OutgoingMessage(from: from, to: to, cc: cc, subject: subject, text: text, html: html,
                        messageID: "abc123@mentors.example.org", date: date, inReplyTo: "orig-1@mail.gmail.com",
                        references: ["root@example.com", "orig-1@mail.gmail.com"], autoSubmitted: .autoReplied,
                        attachments: attachments)
    }

    func headerLines(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        return head.components(separatedBy: "\r\n")
    }

    @Test func rendersTheStandardFields() throws {
        let bytes = outgoing().render()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("Date: Tue, 05 Mar 2024 10:00:00 +0000\r\nMessage-ID: <abc123@mentors.example.org>\r\n"))
        #expect(text.contains("From: Mentoring Program <program@mentors.example.org>\r\n"))
        #expect(text.contains("To: Alice Example <alice@example.com>\r\n"))
        #expect(!text.contains("Cc:"))
        #expect(text.contains("In-Reply-To: <orig-1@mail.gmail.com>\r\n"))
        #expect(text.contains("References: <root@example.com> <orig-1@mail.gmail.com>\r\n"))
        #expect(text.contains("Auto-Submitted: auto-replied\r\n"))
        #expect(text.contains("MIME-Version: 1.0\r\n"))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test func roundTripsThroughTheParser() throws {
        let sent = outgoing(cc: [MailAddress(address: "coord@mentors.example.org")])
        let message = Message(bytes: sent.render())
        #expect(message.subject == sent.subject)
        #expect(message.from == sent.from)
        #expect(message.to == sent.to)
        #expect(message.cc == [MailAddress(address: "coord@mentors.example.org")])
        #expect(message.messageID == "abc123@mentors.example.org")
        #expect(message.inReplyTo == "orig-1@mail.gmail.com")
        #expect(message.references == ["root@example.com", "orig-1@mail.gmail.com"])
        #expect(message.autoSubmitted == "auto-replied")
        #expect(message.date == date)
        #expect(message.textBody == "Hello,\nwelcome!\n")
    }

    @Test(arguments: [
        "Grüße aus Zürich",
        "🎉 Your match is ready — say hello! 👋🏽",
        "日本語の件名です。メンタリングプログラムへようこそ",
        "Привет! Ваш наставник найден",
        "A very long subject line that goes on and on about the mentoring program and its many wonderful rounds of matching",
        "Ünïcödé that is long enough to need several encoded words because it keeps going and going and going past the limit",
        "Literal =?utf-8?q?not_encoded?= text",
        "  spaced  out  ",
    ])
    func subjectsRoundTrip(subject: String) throws {
        let bytes = outgoing(subject: subject).render()
        for line in headerLines(bytes) {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
        }
        let parsed = Message(bytes: bytes)
        #expect(parsed.subject == subject.trimmingCharacters(in: .whitespaces))
        let raw = try #require(parsed.headers.first { $0.name == "Subject" }?.value)
        for word in raw.split(separator: " ") where word.hasPrefix("=?") {
            #expect(word.count <= 75)
        }
    }

    @Test(arguments: [
        MailAddress(address: "bob@example.com", name: "Smith, Bob"),
        MailAddress(address: "q@example.com", name: "Quote \"The Boss\" O'Neil"),
        MailAddress(address: "b@example.com", name: "Back\\slash"),
        MailAddress(address: "jose@example.com", name: "José Müller"),
        MailAddress(address: "emoji@example.com", name: "Ada 🚀 Lovelace"),
        MailAddress(address: "enc@example.com", name: "=?utf-8?q?tricky?="),
        MailAddress(address: "plain@example.com", name: nil),
    ])
    func displayNamesRoundTrip(address: MailAddress) throws {
        let parsed = Message(bytes: outgoing(to: [address, MailAddress(address: "second@example.com", name: "Second")]).render())
        #expect(parsed.to == [address, MailAddress(address: "second@example.com", name: "Second")])
    }

    @Test func crlfInjectionCannotAddHeaders() throws {
        var sent = outgoing(subject: "Hi\r\nBcc: victim@evil.example\r\n\r\nInjected body",
                            from: MailAddress(address: "program@mentors.example.org\r\nX-Evil: 1", name: "Prog\rram\nBcc: a@b"),
                            to: [MailAddress(address: "alice@example.com>\r\nBcc: evil@x.example", name: "Alice\r\nX-Evil: 2")])
        sent.messageID = "id@x\r\nX-Evil: 3"
        sent.inReplyTo = "parent@x\nX-Evil: 4"
        sent.references = ["r@x\r\nX-Evil: 5"]
        sent.attachments = [Mail.Attachment(filename: "a\r\nX-Evil: 6.txt", contentType: "text/plain\r\nX-Evil: 7", data: Data("x".utf8))]
        let bytes = sent.render()
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") {
            #expect(!line.hasPrefix("Bcc"), "injected: \(line)")
            #expect(!line.hasPrefix("X-Evil"), "injected: \(line)")
        }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let parsed = Message(bytes: bytes)
        #expect(parsed.headers.allSatisfy { !$0.name.lowercased().hasPrefix("x-evil") && $0.name.lowercased() != "bcc" })
        #expect(parsed.subject == "Hi  Bcc: victim@evil.example    Injected body")
        #expect(sent.recipients.allSatisfy { !$0.contains("\r") && !$0.contains("\n") && !$0.contains(" ") })
    }

    @Test func recipientsAreDeduplicated() {
        let sent = outgoing(to: [MailAddress(address: "A@example.com"), MailAddress(address: "b@example.com")],
                            cc: [MailAddress(address: "a@EXAMPLE.com"), MailAddress(address: "c@example.com")])
        #expect(sent.recipients == ["A@example.com", "b@example.com", "c@example.com"])
    }

    @Test func validateRejectsBadAddresses() {
        #expect(throws: MailError.self) { try outgoing(to: []).validate() }
        #expect(throws: MailError.self) { try outgoing(to: [MailAddress(address: "nobody")]).validate() }
        #expect(throws: Never.self) { try outgoing().validate() }
    }

    @Test func quotedPrintableBodyKeepsLinesShort() throws {
        let long = String(repeating: "Ünïcödé and plain words, ", count: 20) + "trailing space   \nFrom the start\n.\nx=y"
        let bytes = outgoing(text: long).render()
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 76) }
        #expect(Message(bytes: bytes).textBody == long)
    }

    @Test func messageIDsAreUniqueAndWellFormed() {
        let ids = (0..<1000).map { _ in MessageIDGenerator.make(domain: "mentors.example.org") }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.hasSuffix("@mentors.example.org") && !$0.contains("<") && $0.count > 30 })
        #expect(MessageIDGenerator.make(domain: "evil\r\n>x").hasSuffix("@evilx"))
    }

    @Test func alternativeAndAttachmentsRoundTrip() throws {
        let ics = Data("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".utf8)
        let binary = Data((0..<1000).map { UInt8($0 % 256) })
        let sent = outgoing(text: "Plain version\n", html: "<p>HTML <b>version</b> with ünïcode</p>",
                            attachments: [Mail.Attachment(filename: "invite.ics", contentType: "text/calendar; method=REQUEST; charset=utf-8", data: ics),
                                          Mail.Attachment(filename: "Prüfungsplan 2024.bin", contentType: "application/octet-stream", data: binary)])
        let bytes = sent.render()
        let message = Message(bytes: bytes)
        #expect(message.root.contentType == "multipart/mixed")
        #expect(message.leafParts.map(\.contentType) == ["text/plain", "text/html", "text/calendar", "application/octet-stream"])
        #expect(message.textBody == "Plain version\n")
        #expect(message.leafParts[1].decodedText() == "<p>HTML <b>version</b> with ünïcode</p>")
        let attachments = message.attachments
        #expect(attachments.map(\.filename) == ["invite.ics", "Prüfungsplan 2024.bin"])
        #expect(attachments[0].parameters["method"] == "REQUEST")
        #expect(attachments[0].decodedBytes() == Array(ics))
        #expect(attachments[1].decodedBytes() == Array(binary))
        for line in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    }

    @Test func boundariesAreFreshLettersAndDigits() throws {
        var seen = Set<String>()
        for _ in 0..<500 {
            let message = Message(bytes: outgoing(text: "Plain", html: "<p>HTML</p>").render())
            let boundary = try #require(message.root.parameters["boundary"])
            #expect(boundary.hasPrefix("=_mm_") && boundary.utf8.count == 29)
            #expect(boundary.dropFirst(5).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            seen.insert(boundary)
        }
        #expect(seen.count == 500)
    }

    @Test func boundaryNeverOccursInContent() throws {
        // Content that contains text looking like our boundaries: QP escapes "=" so it cannot match.
        let sneaky = "--=_mm_AAAAAAAAAAAAAAAAAAAAAAAA\n--=_mm_ anything"
        let message = Message(bytes: outgoing(text: sneaky, html: sneaky).render())
        #expect(message.root.children.count == 2)
        #expect(message.textBody == sneaky)
        #expect(message.leafParts[1].decodedText() == sneaky)
    }

    @Test func byteSearchFindsANeedleAnywhereAndOnlyWhereItIs() {
        let hay = Array("--=_mm_abc\r\nbody\r\n--=_mm_xyz--".utf8)
        #expect(ByteSearch.contains(Array("--=_mm_abc".utf8), in: hay))
        #expect(ByteSearch.contains(Array("body".utf8), in: hay))
        #expect(ByteSearch.contains(Array("xyz--".utf8), in: hay))
        #expect(!ByteSearch.contains(Array("=_mm_abd".utf8), in: hay))
        #expect(!ByteSearch.contains(Array("xyz---".utf8), in: hay))
        #expect(!ByteSearch.contains(Array("a".utf8), in: []))
        #expect(ByteSearch.contains([], in: hay))
        // A partial match just before the real one must not hide it.
        #expect(ByteSearch.contains(Array("aab".utf8), in: Array("aaab".utf8)))
    }
}
