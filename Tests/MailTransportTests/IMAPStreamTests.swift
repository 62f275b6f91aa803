import Foundation
import Mail
@testable import MailTransport
import TestSupport
import Testing

/// Many messages per `UID FETCH` on the raw IMAP connection, against the real Dovecot.
@Suite struct IMAPStreamTests {
    /// Messages built to trip a reader that goes by lines: 100 KB of long lines, lines that look like
    /// IMAP answers (`* 1 FETCH`, a tagged `M2 OK`, `{5}`), and no final line break.
    static func awkwardMessages(_ user: String) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        for index in 0..<6 {
            var lines = ["From: sender\(index)@example.org", "To: \(user)@example.org", "Subject: message \(index)",
                         "Message-ID: <stream-\(index)-\(user)@example.org>", ""]
            switch index {
            case 0: lines += (0..<100).map { String(repeating: "\($0 % 10)", count: 998) }
            case 1: lines += ["* 1 FETCH (UID 1 BODY[] {5}", "M2 OK UID FETCH completed", "M3 OK", ")", "{12}"]
            case 2: lines += (0..<2_000).map { "line \($0): grüße ☃" }
            default: lines.append("short \(index)")
            }
            messages.append(Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
        }
        return messages
    }

    @Test func fetchesEveryMessageExactlyAsOneByOne() throws {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser("stream")
        let sender = try servers.sender()
        for message in Self.awkwardMessages(user) {
            try sender.send(message, from: "x@example.org", to: ["\(user)@example.org"])
        }
        let box = try servers.mailbox(user: user)
        let uids = try box.unprocessedUIDs()
        try #require(uids.count == 6)
        // One missing UID among them: reported as failed, the others still come.
        let missing = uids.last! + 1_000
        let stream = try box.messages(uids + [missing])
        defer { stream.close() }
        var fetched: [UInt32: [UInt8]] = [:]
        var failed: [UInt32] = []
        while let item = stream.next(wait: true) {
            switch item.bytes {
            case .success(let bytes): fetched[item.uid] = bytes
            case .failure: failed.append(item.uid)
            }
        }
        #expect(stream.isFinished)
        #expect(failed == [missing])
        #expect(fetched.count == 6)
        for uid in uids {
            #expect(fetched[uid] == (try box.fetch(uid: uid)), "UID \(uid) byte for byte")
        }
        // Flagged in one command: none is left.
        try box.markProcessed(uids: uids)
        #expect(try box.unprocessedUIDs().isEmpty)
        #expect(try box.search("KEYWORD \(processedKeyword)") == uids)
    }

    /// A new user with `count` messages (subject "`prefix`N", the text `text(N)`), and a stream
    /// over all of them with `budget` bytes of read-ahead.
    static func stream(_ prefix: String, count: Int, text: (Int) -> String, budget: Int) throws -> (uids: [UInt32], stream: IMAPMessageStream) {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser(prefix)
        let sender = try servers.sender()
        for index in 0..<count {
            try servers.deliver(from: "a@example.org", to: ["\(user)@example.org"], subject: "\(prefix)\(index)",
                                text: text(index), sender: sender)
        }
        let uids = try servers.mailbox(user: user).unprocessedUIDs()
        let session = try IMAPSession(url: "\(servers.imapURL)/INBOX", serverDescription: "test",
                                      credentials: servers.credentials(user: user))
        return (uids, IMAPMessageStream(session: session, folder: "INBOX", uids: uids, budget: budget))
    }

    @Test func aSmallBudgetStillBringsEveryMessageInOrder() throws {
        // Room for about one message: the reader waits for the caller after each.
        let (uids, stream) = try Self.stream("n", count: 30, text: { String(repeating: "word \($0) ", count: 500) }, budget: 4_000)
        defer { stream.close() }
        var seen: [UInt32] = []
        while let item = stream.next(wait: true) {
            seen.append(item.uid)
            let subject = Message(bytes: try item.bytes.get()).subject
            #expect(subject == "n\(seen.count - 1)", "UID \(item.uid)")
        }
        #expect(seen == uids)
    }

    /// Messages handed over are let go: what the stream keeps never exceeds the budget and the
    /// message being handled, however many have gone through it.
    @Test func handedOverMessagesAreNotKept() throws {
        let budget = 250_000
        let (uids, stream) = try Self.stream("k", count: 12, text: { _ in String(repeating: "forty bytes of words in a long line ab\n", count: 2_500) },
                                             budget: budget)
        defer { stream.close() }
        #expect(uids.count == 12)
        var count = 0
        while let item = stream.next(wait: true) {
            count += 1
            let size = try item.bytes.get().count
            #expect(size > 100_000)
            #expect(stream.keptBytes <= budget + size, "after \(count) messages the stream keeps \(stream.keptBytes) bytes")
        }
        #expect(count == 12)
    }

    @Test func closingEarlyStopsTheReader() throws {
        let servers = try TestServers.require()
        let user = TestServers.uniqueUser("close")
        let sender = try servers.sender()
        for index in 0..<5 {
            try servers.deliver(from: "a@example.org", to: ["\(user)@example.org"], subject: "c\(index)", text: "x\n", sender: sender)
        }
        let box = try servers.mailbox(user: user)
        let stream = try box.messages(try box.unprocessedUIDs())
        #expect(stream.next(wait: true) != nil)
        stream.close()
        #expect(stream.next(wait: true) == nil)
    }

    @Test func uidSetsAreCompact() {
        #expect(imapUIDSet([5, 6, 7, 9, 12, 13, 1_000_001]) == "5:7,9,12:13,1000001")
        #expect(imapUIDSet([3]) == "3")
        #expect(imapUIDSet([]) == "")
        #expect(IMAPSession.literalLength(at: Array("* 1 FETCH (BODY[] {1234}".utf8)) == 1234)
        #expect(IMAPSession.literalLength(at: Array("x {12+}".utf8)) == 12)
        #expect(IMAPSession.literalLength(at: Array("x {}".utf8)) == nil)
        #expect(IMAPMessageStream.announcesBody(Array("* 1 FETCH (UID 5 BODY[] ".utf8)))
        #expect(!IMAPMessageStream.announcesBody(Array("* 1 FETCH (UID 5 BODY[HEADER] ".utf8)))
        #expect(IMAPMessageStream.uid(in: Array("* 12 FETCH (UID 1000005 BODY[] \"\" )".utf8)) == 1_000_005)
        #expect(IMAPMessageStream.uid(in: Array("* 12 FETCH (BODY[] \"\"  UID 7)".utf8)) == 7)
    }
}
