import Foundation
import Mail
@testable import MentorMail
import Testing

/// Erasing someone named in others' held mail only by their first name, or in a forward of
/// our introduction: what is kept says nothing of them, and another person of the same first
/// name keeps theirs.
@Suite struct ErasureNamesTests {
    /// Kim Park (mentee) and Bob Martin (mentor) introduced; Kim Lee, another mentee, still in the program.
    struct Pair {
        let harness: ProcessorTests.Program
        var kim: String { Self.kim }
        var bob: String { Self.bob }
        var otherKim: String { Self.otherKim }
        static let kim = "kim.park@example.net"
        static let bob = "bob.martin@example.org"
        static let otherKim = "kim.lee@example.com"
        let introduction: Message

        init() throws {
            harness = try ProcessorTests.Program()
            _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * 86_400), now: harness.now)
            let (kim, bob, otherKim) = (Self.kim, Self.bob, Self.otherKim)
            let harness = harness
            try harness.database.write { db in
                let round = try AppDatabase.openRound(db)?.id
                var mentee = MatchingWorkflowTests.profile("mentee", "Kim Park", areas: ["nova", "swift"], zone: "Asia/Seoul",
                                                           languages: ["Korean", "English"], interactions: ["email", "irc"])
                mentee.availability = "weekends"
                mentee.aboutMe = "Storage person, fond of xerography"
                _ = try AppDatabase.upsertProfile(db, email: kim, profile: mentee, status: .active, source: "t", origin: "email", roundID: round, now: harness.now)
                let mentor = MatchingWorkflowTests.profile("mentor", "Bob Martin", zone: "Europe/London", interactions: ["irc", "video"], capacity: 1)
                _ = try AppDatabase.upsertProfile(db, email: bob, profile: mentor, status: .active, source: "t", origin: "email", roundID: round, now: harness.now)
            }
            _ = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
            _ = try harness.app.decideProposal(round: "R", approve: true, now: harness.now)
            _ = try harness.run()
            try harness.database.write { db in
                let other = MatchingWorkflowTests.profile("mentee", "Kim Lee", zone: "America/Toronto", languages: ["English", "French"])
                _ = try AppDatabase.upsertProfile(db, email: otherKim, profile: other, status: .active, source: "t", origin: "email", roundID: nil, now: harness.now)
            }
            introduction = try #require(try harness.sent().last { $0.to.map(\.normalized).contains(bob) })
        }

        /// Kim Park asks to have her data deleted, and says yes.
        func erase(at minutes: Double) throws {
            try harness.arrive("From: Kim Park <\(kim)>\r\nTo: mentoring@example.org\r\nSubject: delete my data\r\nMessage-ID: <k1@example.net>\r\n\r\ndelete my data\r\n")
            _ = try harness.run(at: harness.now.addingTimeInterval(minutes * 60))
            let ask = try #require(try harness.sent().last { $0.to.map(\.normalized) == [kim] })
            try harness.arrive("From: Kim Park <\(kim)>\r\nTo: mentoring@example.org\r\nSubject: Re: \(ask.subject ?? "")\r\nMessage-ID: <k2@example.net>\r\n\r\nYes\r\n")
            _ = try harness.run(at: harness.now.addingTimeInterval(minutes * 60 + 60))
            #expect(try harness.database.participant(email: kim)?.status == .erased)
        }

        static let carol = "carol@example.org"

        /// Held mail naming a Kim by first name: her mentor's, Carol's (with her city), Kim
        /// Lee's own and Dan's about Kim Lee.
        func holdMailNamingKims() throws {
            let mails = [
                (bob, "Bob Martin", "Our sessions", "Kim was late to our call again, and Kim's camera never works. What should I do?"),
                (Self.carol, "Carol Diaz", "The meetup", "Is Kim from Seoul coming to the meetup? Kim said she might."),
                (otherKim, "Kim Lee", "Next round", "When does the next round open? Thanks, Kim"),
                ("dan@example.org", "Dan Ruiz", "Kim Lee", "Could Kim Lee join my group? Kim speaks French, which we need."),
            ]
            for (index, (address, name, subject, text)) in mails.enumerated() {
                try harness.arrive("From: \(name) <\(address)>\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\n"
                                   + "Message-ID: <held\(index)@example.org>\r\n\r\n\(text)\r\n")
            }
            _ = try harness.run(at: harness.now.addingTimeInterval(60))
            let held = try harness.database.heldMessages(all: false)
            #expect(mails.allSatisfy { mail in held.contains { $0.sender == mail.0 } }, "\(held.map(\.sender))")
        }

        func keptText(of sender: String) throws -> String {
            let held = try #require(try harness.database.inboundMessages().last { $0.sender == sender })
            return try #require(try harness.database.storedMessage(id: held.id ?? 0)?.textBody, "the held mail of \(sender) is kept")
        }
    }

    /// Her mentor's mail names her by first name only, and a third person's by first name and
    /// city: both are kept without "Kim". Kim Lee's own mail, and mail about Kim Lee, keep "Kim".
    @Test func heldMailNamingTheErasedPersonByFirstNameIsRedactedNotAnotherKims() throws {
        let pair = try Pair()
        let carol = Pair.carol
        try pair.holdMailNamingKims()
        try pair.erase(at: 2)

        let bobs = try pair.keptText(of: pair.bob)
        #expect(!bobs.contains("Kim") && bobs.contains("was late to our call again"), "\(bobs)")
        let carols = try pair.keptText(of: carol)
        #expect(!carols.contains("Kim") && carols.contains("coming to the meetup?"), "\(carols)")
        let carolsRecord = try pair.harness.database.inboundMessages().last { $0.sender == carol }
        #expect(carolsRecord?.note?.contains("taken out") == true && carolsRecord?.note?.contains("Kim") == false, "\(carolsRecord?.note ?? "")")
        // Kim Lee is still in the program: her mail, and mail about her, are left as they were.
        #expect(try pair.keptText(of: pair.otherKim).contains("Thanks, Kim"))
        #expect(try pair.keptText(of: "dan@example.org").contains("Could Kim Lee join my group? Kim speaks French"))
        #expect(try pair.harness.database.inboundMessages().last { $0.sender == pair.otherKim }?.note?.contains("taken out") != true)
    }

    /// Finding (N-7): the digest we sent the coordinators quoted her mentor's "Kim was late…";
    /// after the erasure its stored copy still held "Kim". Our stored mail is redacted as the
    /// held mail is: her first name goes where it is hers, Kim Lee's stays.
    @Test func ourStoredDigestQuotingHeldMailLosesHerFirstNameOnly() throws {
        let pair = try Pair()
        try pair.holdMailNamingKims()
        let digests = try pair.harness.database.outbox().filter { row in
            row.purpose == MailKind.heldDigest.rawValue && Message(data: row.raw).textBody?.contains("Kim was late to our call again") == true
        }.compactMap(\.id)
        #expect(!digests.isEmpty, "a digest quoted Bob's mail")
        try pair.erase(at: 2)

        let copies = try pair.harness.database.outbox().filter { $0.id.map(digests.contains) == true }
        #expect(copies.count == digests.count, "the digest is kept, without her name")
        for row in copies {
            let message = Message(data: row.raw)
            let text = message.textBody ?? ""
            #expect(!text.contains("Kim was late") && !text.contains("Kim's camera") && !text.contains("Kim from Seoul"), "\(text)")
            #expect(text.contains("was late to our call again") && text.contains("Could Kim Lee join my group? Kim speaks French"), "\(text)")
            let html = message.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? ""
            #expect(!html.contains("Kim was late") && !html.contains("Kim&#39;s camera") && html.contains("Kim speaks French"), "\(html)")
        }
    }

    /// The digest that tells the coordinators her pair ended names her as a participant whose
    /// data was deleted: neither her name nor her kept address is written into new mail.
    @Test func theDigestAfterTheErasureNamesNeitherHerNorHerAddress() throws {
        let pair = try Pair()
        let before = try pair.harness.database.outbox().count
        try pair.erase(at: 2)
        _ = try pair.harness.run(at: pair.harness.now.addingTimeInterval(3 * 3600))

        let digests = try pair.harness.database.outbox().dropFirst(before).filter { $0.purpose == MailKind.heldDigest.rawValue }
        let pairDigest = try #require(digests.first { Message(data: $0.raw).textBody?.contains("Bob Martin") == true },
                                      "a digest tells of the pair: \(digests.map { Message(data: $0.raw).textBody ?? "" })")
        let message = Message(data: pairDigest.raw)
        let text = message.textBody ?? ""
        let html = message.leafParts.first { $0.contentType == "text/html" }?.decodedText() ?? ""
        #expect(!text.contains(pair.kim) && !text.contains("Kim Park") && !html.contains(pair.kim), "\(text)")
        #expect(text.contains("a participant whose data was deleted with Bob Martin"), "\(text)")
    }

    /// Her mentor forwards our introduction to the coordinators, with its quoted headers: what is
    /// kept has neither her name, address nor the profile lines it gave under her name (time
    /// zone, languages, areas, availability, about), and keeps his words and his own lines.
    @Test func aForwardOfTheIntroductionKeepsNothingOfTheErasedPerson() throws {
        let pair = try Pair()
        let intro = pair.introduction
        let forwarded = (intro.textBody ?? "").replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        try pair.harness.arrive("""
            From: Bob Martin <\(pair.bob)>\r\nTo: mentoring@example.org\r\nSubject: Fwd: \(intro.subject ?? "")\r\nMessage-ID: <bob2@example.org>\r\n\r\n\
            Who should I write to about this pairing? We have not met yet.\r\n\r\n---------- Forwarded message ---------\r\n\
            From: Test Mentoring <mentoring@example.org>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\nSubject: \(intro.subject ?? "")\r\n\
            To: Kim Park <\(pair.kim)>, Bob Martin <\(pair.bob)>\r\n\r\n\(forwarded)\r\n
            """)
        _ = try pair.harness.run(at: pair.harness.now.addingTimeInterval(60))
        #expect(try pair.harness.database.heldMessages(all: false).contains { $0.sender == pair.bob })
        try pair.erase(at: 2)
        let kept = try pair.keptText(of: pair.bob)
        for secret in ["kim", "park", "asia/seoul", "korean", "weekends", "xerography", "swift"] {
            #expect(!kept.lowercased().contains(secret), "\(secret) in \(kept)")
        }
        #expect(kept.contains("Who should I write to about this pairing?"), "\(kept)")
        #expect(kept.contains("Europe/London"), "Bob's own lines stay: \(kept)")
    }
}
