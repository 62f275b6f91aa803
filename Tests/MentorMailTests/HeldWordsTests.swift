import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// What a coordinator reads about held mail (`held list`, `held show`, the digest) names people
/// by name and address and a pair by its two names, with the command that shows it: never a
/// number they cannot look up ("mentorship 1", "participant 17").
@Suite struct HeldWordsTests {
    /// A pair of Mia Lopez and Max Weber, introduced; returns the introduction Mia got.
    static func introducedPair(_ harness: ProcessorTests.Program) throws -> Message {
        _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * 86_400), now: harness.now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)?.id
            _ = try AppDatabase.upsertProfile(db, email: "mia@example.net", profile: MatchingWorkflowTests.profile("mentee", "Mia Lopez"),
                                              status: .active, source: "t", origin: "email", roundID: round, now: harness.now)
            _ = try AppDatabase.upsertProfile(db, email: "max@example.org", profile: MatchingWorkflowTests.profile("mentor", "Max Weber", capacity: 1),
                                              status: .active, source: "t", origin: "email", roundID: round, now: harness.now)
        }
        _ = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
        _ = try harness.app.decideProposal(round: "R", approve: true, now: harness.now)
        _ = try harness.run()
        return try #require(try harness.sent().last { $0.to.map(\.normalized).contains("mia@example.net") && $0.subject?.contains("match") == true })
    }

    /// "mentorship 1", "participant 2", "survey 3", "event 4" and the like: an id a coordinator cannot use.
    static func rawIDs(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(mentorship|participant|survey|event|proposal|pair) [0-9]+\b"#, options: [.caseInsensitive])
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// Mia writes to the program alone under the introduction, asking what to do.
    static func miaAsksUnder(_ introduction: Message, id: String, _ harness: ProcessorTests.Program) throws {
        try harness.arrive("From: Mia Lopez <mia@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(introduction.subject ?? "")\r\n"
            + "Message-ID: <\(id)@example.net>\r\nIn-Reply-To: <\(introduction.messageID ?? "")>\r\n\r\nMax has not written back yet. What should I do\r\n")
    }

    @Test func aReplyUnderTheIntroductionIsNamedByThePairsNamesEverywhereACoordinatorReadsIt() throws {
        let harness = try ProcessorTests.Program()
        let introduction = try Self.introducedPair(harness)
        let pairID = try #require(try harness.database.read { db in try Mentorship.fetchOne(db)?.id })
        // Mia writes to the program alone under the introduction, and again to both of them.
        try Self.miaAsksUnder(introduction, id: "h1", harness)
        try harness.arrive("""
            From: Mia Lopez <mia@example.net>\r\nTo: Max Weber <max@example.org>\r\nCc: mentoring@example.org\r\n\
            Subject: Re: \(introduction.subject ?? "")\r\nMessage-ID: <h2@example.net>\r\nIn-Reply-To: <\(introduction.messageID ?? "")>\r\n\r\n\
            Hi Max, shall we meet on Tuesday?\r\n
            """)
        _ = try harness.run(at: harness.now.addingTimeInterval(60))
        let config = try harness.writeConfigFile().path

        let list = try CommandRunner.run(["held", "list", "--config", config])
        #expect(list.status == 0, "\(list.stderr)")
        let listed = try CommandRunner.run(["held", "list", "--json", "--config", config])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        let pairWords = "the pair of Mia Lopez and Max Weber (`mentormail pairs show \(pairID)`)"
        for item in items {
            #expect((item["reason"] as? String)?.contains(pairWords) == true, "\(item)")
            #expect((item["context"] as? String)?.contains(pairWords) == true, "\(item)")
        }
        var shown = ""
        for item in items {
            let show = try CommandRunner.run(["held", "show", String(item["id"] as? Int ?? 0), "--config", config])
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.contains("in reply to our introduction about \(pairWords)"), "\(show.stdout)")
            shown += show.stdout
        }
        let digest = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        let digestText = try #require(digest.textBody)
        #expect(digestText.contains(pairWords), "\(digestText)")
        for text in [list.stdout, listed.stdout, shown, digestText] {
            #expect(Self.rawIDs(in: text).isEmpty, "\(Self.rawIDs(in: text)) in \(text)")
        }
    }

    /// Finding F-g: the digest said a held reply's context twice, "a reply to the introduction
    /// of the pair of Ana Souza and Bob Martin (`mentormail pairs show 1`)" and "In reply to our
    /// introduction about the pair of …": once is enough. Context the reason does not give
    /// (another kind of mail) is still said.
    @Test func theDigestSaysWhatAHeldReplyAnswersOnce() throws {
        let harness = try ProcessorTests.Program()
        let introduction = try Self.introducedPair(harness)
        let pairID = try #require(try harness.database.read { db in try Mentorship.fetchOne(db)?.id })
        try Self.miaAsksUnder(introduction, id: "once", harness)
        _ = try harness.run(at: harness.now.addingTimeInterval(60))
        let digest = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        let pairWords = "the pair of Mia Lopez and Max Weber (`mentormail pairs show \(pairID)`)"
        for body in [digest.textBody ?? "", digest.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? ""] {
            let flat = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.components(separatedBy: pairWords).count - 1 == 1, "\(flat)")
            #expect(!flat.contains("In reply to our introduction"), "\(flat)")
        }
    }

    /// Whether the context is said again follows what the reason is, not its words: a partner
    /// renamed between the hold and the digest leaves the reason naming the pair as it was, and
    /// the introduction is still said once.
    @Test func theDigestSaysWhatAHeldReplyAnswersOnceAfterAPartnerIsRenamed() throws {
        let harness = try ProcessorTests.Program()
        let introduction = try Self.introducedPair(harness)
        try harness.arrive("From: Mia Lopez <mia@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(introduction.subject ?? "")\r\n"
            + "Message-ID: <renamed1@example.net>\r\nIn-Reply-To: <\(introduction.messageID ?? "")>\r\n\r\nMax has not written back yet. What should I do\r\n",
            name: "1-question")
        // In the same run, before the digest: Max gives his full name.
        try harness.arrive("From: Max Weber <max@example.org>\r\nTo: mentoring@example.org\r\nSubject: My name\r\n"
            + "Message-ID: <renamed2@example.org>\r\n\r\nName: Maximilian Weber\r\n", name: "2-name")
        _ = try harness.run(at: harness.now.addingTimeInterval(60))
        let renamed = try harness.database.read { db in try Participant.filter(Column("email") == "max@example.org").fetchOne(db) }
        try #require(renamed?.profile.name == "Maximilian Weber")
        let digest = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        for body in [digest.textBody ?? "", digest.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? ""] {
            let flat = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("a reply to the introduction of the pair of Mia Lopez and Max"), "\(flat)")
            #expect(!flat.contains("In reply to our introduction"), "\(flat)")
        }
    }

    /// A reason that names the pair but not the mail it answers keeps the context line.
    @Test func theDigestSaysTheMailAnsweredUnderAReasonThatNamesOnlyItsTopic() throws {
        let harness = try ProcessorTests.Program()
        let introduction = try Self.introducedPair(harness)
        let pairID = try #require(try harness.database.read { db in try Mentorship.fetchOne(db)?.id })
        try harness.database.write { db in
            var held = InboundMessage(mailbox: "INBOX", uidValidity: 1, uid: 99, messageID: "<topic@example.net>", sender: "mia@example.net",
                                      subject: "Re: \(introduction.subject ?? "")", receivedAt: harness.now, intent: "hold", disposition: .held,
                                      note: "asks whether a new introduction can be sent for the pair of Mia Lopez and Max Weber "
                                        + "(`mentormail pairs show \(pairID)`)")
            held.contextKind = MailKind.introduction.rawValue
            held.contextTopic = Topic.Kind.mentorship.rawValue
            held.contextID = pairID
            try held.insert(db)
            try HeldMailService.scheduleDigest(JobQueue(db: db, now: harness.now), config: harness.config, key: "topic")
        }
        _ = try harness.run(at: harness.now.addingTimeInterval(60))
        let digest = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["coordinator@example.org"] })
        let flat = (digest.textBody ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("In reply to our introduction about the pair of Mia Lopez and Max Weber"), "\(flat)")
    }

    /// Every kind of thing our mail is about reads as a coordinator knows it.
    @Test func everyTopicIsSaidInWords() throws {
        let harness = try ProcessorTests.Program()
        _ = try Self.introducedPair(harness)
        try harness.database.read { db in
            let pair = try #require(try Mentorship.fetchOne(db))
            let mia = try #require(try AppDatabase.findParticipant(db, email: "mia@example.net"))
            #expect(try AppDatabase.topicWords(db, .participant(mia.id)) == "Mia Lopez <mia@example.net>")
            #expect(try AppDatabase.topicWords(db, .mentorship(pair.id)) == "the pair of Mia Lopez and Max Weber (`mentormail pairs show \(pair.id ?? 0)`)")
            let proposal = try #require(try AppDatabase.topicWords(db, .proposal(pair.proposalID)))
            #expect(proposal.contains("round R (`mentormail round show R`)"), "\(proposal)")
        }
    }
}
