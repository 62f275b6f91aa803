import Foundation
import Mail
@testable import MentorMail
import Testing

/// "Delete my data" erases every stored copy: a search of the whole database file for the
/// person's name and answers finds nothing afterwards.
@Suite struct ErasureTests {
    /// `email` asks to have their data deleted (in `words`) with a run at `date`, and says
    /// "Yes" to the question with a run a minute later (after `beforeConfirming`); returns that
    /// run's report.
    @discardableResult
    static func erase(_ harness: ProcessorTests.Program, _ name: String, _ email: String, saying words: String = "Please delete my data.",
                      at date: Date, beforeConfirming: () throws -> Void = {}) throws -> ProcessReport {
        try harness.arrive("From: \(name) <\(email)>\r\nTo: mentoring@example.org\r\nSubject: delete my data\r\n"
                           + "Message-ID: <\(UUID().uuidString)@example.net>\r\n\r\n\(words)\r\n")
        _ = try harness.run(at: date)
        let ask = try #require(try harness.sent().last { $0.to.map(\.normalized) == [email] })
        try harness.arrive("From: \(name) <\(email)>\r\nTo: mentoring@example.org\r\nSubject: Re: \(ask.subject ?? "")\r\n"
                           + "Message-ID: <\(UUID().uuidString)@example.net>\r\nIn-Reply-To: <\(ask.messageID ?? "")>\r\n\r\nYes\r\n")
        try beforeConfirming()
        return try harness.run(at: date.addingTimeInterval(60))
    }

    /// A round with `signUp` (a mentee's mail) and Maria Silva as the one mentor, matched,
    /// introduced, and 90 days on: the check-in surveys sent.
    static func pairedUntilTheCheckin(_ harness: ProcessorTests.Program, signUp: String) throws {
        let day: TimeInterval = 86_400
        _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * day), now: harness.now)
        try harness.arrive(signUp)
        try harness.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "maria@example.org", profile: MatchingWorkflowTests.profile("mentor", "Maria Silva", capacity: 1),
                                              status: .active, source: "t", origin: "email", roundID: try AppDatabase.openRound(db)?.id, now: harness.now)
        }
        _ = try harness.run()
        _ = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
        _ = try harness.app.decideProposal(round: "R", approve: true, now: harness.now)
        _ = try harness.run()
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
    }

    /// Zelda Quintanilla's filled-in form from `email`, with `more` form lines after the usual ones.
    static func zeldaSignsUp(_ email: String, _ more: String = "") -> String {
        "From: Zelda Quintanilla <\(email)>\r\nTo: mentoring@example.org\r\nSubject: Sign up\r\nMessage-ID: <z1@example.net>\r\n\r\n"
            + "Role: mentee\r\nName: Zelda Quintanilla\r\nMentoring type: technical\r\nAreas: Nova\r\nTime zone: Europe/Madrid\r\n"
            + "Languages: English\r\nInteraction: email\r\n" + more
    }

    /// A coordinator's form export, attached in base64 as mail programs send it, names the person
    /// only inside the encoded attachment: erasing still removes that stored message.
    @Test func aFormExportAttachedInBase64IsErasedWithThePersonItNames() throws {
        let harness = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        let csv = "Email,Name,Role,Mentoring type,Areas,Time zone,Languages,Interaction\r\n"
            + "ben.carter@example.net,Ben Carter,Mentor,Technical,Nova,Europe/London,English,Email\r\n"
            + "li.wei@example.com,Li Wei,Mentee,Technical,Nova,Asia/Shanghai,English,Email\r\n"
        let encoded = Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        try harness.arrive("""
            Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r
            From: Coordinator <coordinator@example.org>\r
            To: mentoring@example.org\r
            Subject: Sign-ups export\r
            Message-ID: <export-1@example.org>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Here is this week's export.\r
            --b1\r
            Content-Type: text/csv; name="export.csv"\r
            Content-Disposition: attachment; filename="export.csv"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(encoded)\r
            --b1--\r
            """)
        _ = try harness.run()
        #expect(try harness.database.participant(email: "ben.carter@example.net")?.profile.name == "Ben Carter")
        let export = try #require(try harness.database.inboundMessages().first { $0.sender == "coordinator@example.org" })
        #expect(try harness.database.storedMessage(id: export.id ?? 0) != nil, "the export is kept before")

        try harness.arrive("From: Ben Carter <ben.carter@example.net>\r\nTo: mentoring@example.org\r\nSubject: delete my data\r\nMessage-ID: <b1@example.net>\r\n\r\ndelete my data\r\n")
        _ = try harness.run()
        let ask = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["ben.carter@example.net"] })
        try harness.arrive("From: Ben Carter <ben.carter@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(ask.subject ?? "")\r\nMessage-ID: <b2@example.net>\r\n\r\nYes\r\n")
        _ = try harness.run()
        #expect(try harness.database.participant(email: "ben.carter@example.net")?.status == .erased)
        #expect(try harness.database.storedMessage(id: export.id ?? 0) == nil, "the export named Ben inside its base64 attachment")
        #expect(try harness.database.participant(email: "li.wei@example.com")?.status == .active, "Li is not erased")
    }

    /// Finding: erasing ana-xe@… rewrote hana-xe@… to "h[erased participant]" everywhere (her
    /// participant record, her messages, her mail), and "Ana Lopez" would have taken "Diana
    /// Lopez" with it. An address is erased only whole, a name only as whole words.
    @Test func erasingOnePersonLeavesAnAddressOrNameThatContainsTheirs() throws {
        let harness = try ProcessorTests.Program()
        for (address, name) in [("ana-xe@example.org", "Ana Lopez"), ("hana-xe@example.org", "Diana Lopez")] {
            try harness.arrive("From: \(name) <\(address)>\r\nTo: mentoring@example.org\r\nSubject: Sign up\r\nMessage-ID: <\(UUID().uuidString)@example.org>\r\n\r\n"
                               + MailboxErasureTests.form(name, role: "mentee"))
        }
        _ = try harness.run()
        let hanaMail = try harness.database.outbox().filter { $0.recipientList.contains("hana-xe@example.org") }.count
        #expect(hanaMail == 1)
        try Self.erase(harness, "Ana Lopez", "ana-xe@example.org", at: harness.now)
        #expect(try harness.database.participant(email: "ana-xe@example.org")?.status == .erased)
        let hana = try #require(try harness.database.participant(email: "hana-xe@example.org"), "Hana keeps her address")
        #expect(hana.profile.name == "Diana Lopez" && hana.status == .active)
        let hers = try harness.database.inboundMessages().filter { $0.sender == "hana-xe@example.org" }
        #expect(hers.count == 1)
        #expect(try harness.database.storedMessage(id: hers.first?.id ?? 0) != nil, "her own message is kept")
        #expect(try harness.database.outbox().filter { $0.recipientList.contains("hana-xe@example.org") }.count == hanaMail)
        let file = try String(decoding: Data(contentsOf: URL(fileURLWithPath: harness.config.program.database)), as: UTF8.self)
        #expect(!file.contains("h[erased participant]") && !file.contains("Di[erased participant]"))
        // And she is still known when she writes again.
        try harness.arrive("From: Diana Lopez <hana-xe@example.org>\r\nTo: mentoring@example.org\r\nSubject: Hello\r\nMessage-ID: <h2@example.org>\r\n\r\nTime zone: Europe/Paris\r\n")
        _ = try harness.run()
        #expect(try harness.database.participant(email: "hana-xe@example.org")?.profile.timeZone == "Europe/Paris")
    }

    /// Finding: after Kim's erasure, `pairs show` still gave her mentor's check-in note "Kim
    /// seems very busy with work": a partner's note about their pair names her by first name.
    @Test func aPartnersCheckinNoteNamingThemByFirstNameIsErased() throws {
        let harness = try ProcessorTests.Program()
        let day: TimeInterval = 86_400
        try Self.pairedUntilTheCheckin(harness, signUp: "From: Kim Park <kim@example.net>\r\nTo: mentoring@example.org\r\nSubject: Sign up\r\n"
                                       + "Message-ID: <k1@example.net>\r\n\r\n" + MailboxErasureTests.form("Kim Park", role: "mentee"))
        let survey = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["maria@example.org"] })
        try harness.arrive("From: Maria Silva <maria@example.org>\r\nTo: mentoring@example.org\r\nSubject: Re: \(survey.subject ?? "")\r\n"
                           + "Message-ID: <m2@example.org>\r\nIn-Reply-To: <\(survey.messageID ?? "")>\r\n\r\n"
                           + "4, sometimes, good fit, continue. Kim seems very busy with work lately.\r\n")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let note = { try harness.database.read { db in try String.fetchAll(db, sql: "SELECT note FROM survey WHERE note IS NOT NULL") } }
        #expect(try note().contains { $0.contains("Kim seems very busy") }, "the note is there before")

        try Self.erase(harness, "Kim Park", "kim@example.net", at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.participant(email: "kim@example.net")?.status == .erased)
        let after = try note()
        #expect(!after.contains { $0.contains("Kim") }, "\(after)")
    }

    @Test func nothingOfThePersonIsLeftInTheDatabaseFile() throws {
        let harness = try ProcessorTests.Program()
        let day: TimeInterval = 86_400
        let email = "zelda@example.net"
        // 90 days on: her check-in answer, with a note, reaches the digest.
        try Self.pairedUntilTheCheckin(harness, signUp: Self.zeldaSignsUp(email, "About me: I collect antique typewriters in Zaragoza.\r\n"))
        let survey = try #require(try harness.sent().last { $0.to.map(\.normalized) == [email] })
        try harness.arrive("From: Zelda Quintanilla <\(email)>\r\nTo: mentoring@example.org\r\nSubject: Re: \(survey.subject ?? "")\r\n"
                           + "Message-ID: <z2@example.net>\r\nIn-Reply-To: <\(survey.messageID ?? "")>\r\n\r\n"
                           + "2, no, not a good fit, continue. The xylophone rehearsals clash with our calls.\r\n")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day + 60))
        let file = URL(fileURLWithPath: harness.config.program.database)
        let secrets = ["quintanilla", "typewriters", "zaragoza", "xylophone"]
        let before = try String(decoding: Data(contentsOf: file), as: UTF8.self).lowercased()
        #expect(secrets.allSatisfy(before.contains), "the data is there before")

        try Self.erase(harness, "Zelda Quintanilla", email, saying: "Please delete my data.", at: harness.now.addingTimeInterval(92 * day))
        #expect(try harness.database.participant(email: email)?.status == .erased)
        let after = try String(decoding: Data(contentsOf: file), as: UTF8.self).lowercased()
        for secret in secrets {
            #expect(!after.contains(secret), "\(secret) is still in the database file")
        }
        #expect(after.contains(email), "the address stays, marked do-not-contact")
        let confirmation = try #require(try harness.sent().last { $0.to.map(\.normalized) == [email] })
        #expect(confirmation.textBody?.contains("Your data is deleted") == true)
    }

    /// Our mail to another "+tag" of the erased person's mailbox (an answer to what she wrote
    /// from it) goes with the rest, and nothing of her mailbox is left in the outbox's index.
    @Test func mailToAnotherTagOfHerMailboxIsErasedToo() throws {
        let harness = try ProcessorTests.Program()
        let email = "zq@example.net"
        try Self.pairedUntilTheCheckin(harness, signUp: Self.zeldaSignsUp(email))
        try harness.arrive("From: zq+lists@example.net\r\nTo: mentoring@example.org\r\nSubject: Question\r\n"
                           + "Message-ID: <z3@example.net>\r\n\r\nHi, I would like to join the mentoring program as a mentee.\r\n")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * 86_400))
        func left() throws -> Int {
            try harness.database.read { db in
                try (Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outboxMessage WHERE lower(recipients) LIKE '%zq%'") ?? 0)
                    + (Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outboxRecipient WHERE mailbox LIKE '%zq%'") ?? 0)
            }
        }
        #expect(try harness.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outboxMessage WHERE lower(recipients) = 'zq+lists@example.net'") ?? 0
        } >= 1, "she was answered at her tagged address")
        try Self.erase(harness, "Zelda Quintanilla", email, at: harness.now.addingTimeInterval(92 * 86_400))
        #expect(try harness.database.participant(email: email)?.status == .erased)
        let confirmation = try #require(try harness.sent().last { $0.to.map(\.normalized) == [email] })
        #expect(confirmation.textBody?.contains("Your data is deleted") == true)
        // The confirmation, queued after the erasure, is the one mail of hers left.
        let hers = try harness.database.outbox().filter { $0.recipients.contains("zq") }.map { "\($0.purpose) \($0.recipients)" }
        #expect(hers == ["participation-changed zq@example.net"], "\(hers)")
        let index = try harness.database.read { db in try String.fetchAll(db, sql: "SELECT mailbox FROM outboxRecipient WHERE mailbox LIKE '%zq%'") }
        #expect(try left() == 2, "the confirmation and its one recipient: \(index)")
    }

    /// Finding: after "delete my data", `round show` still printed the erased mentee's address
    /// in her mentor's history ("with zelda@…: ended … ((erased))") and `pairs show` kept the
    /// match explanation built from her profile. The command line calls her "a participant
    /// whose data was deleted", as the digest does, and the explanation is gone at erasure (and
    /// not shown for a pair erased before).
    @Test func theCommandLineShowsNothingOfAnErasedPartner() throws {
        let harness = try ProcessorTests.Program()
        let email = "zelda@example.net"
        try Self.pairedUntilTheCheckin(harness, signUp: Self.zeldaSignsUp(email))
        let id = try #require(try harness.database.mentorships().first?.id)
        let why = try harness.database.pairDetails(id: id).why
        #expect(!why.isEmpty)
        try Self.erase(harness, "Zelda Quintanilla", email, at: harness.now.addingTimeInterval(92 * 86_400))
        #expect(try harness.database.participant(email: email)?.status == .erased)

        let outcomes = try harness.database.roundDetails(name: "R").mentors.compactMap(\.outcome).joined(separator: "\n")
        #expect(outcomes.contains("with a participant whose data was deleted: ended"), "\(outcomes)")
        #expect(!outcomes.contains(email) && !outcomes.contains("(("), "\(outcomes)")
        #expect(try harness.database.mentorships().first?.explanation.contains(why) == false, "the explanation goes at erasure")

        // A pair erased before: its stored explanation is not shown either.
        try harness.database.write { db in
            try db.execute(sql: "UPDATE mentorship SET explanation = ? WHERE id = ?", arguments: [why, id])
        }
        let details = try harness.database.pairDetails(id: id)
        #expect(!details.why.contains(why), "\(details.why)")
        #expect(details.pair.mentee.name == "a participant whose data was deleted")
        let shown = String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
            + String(decoding: try JSONEncoder().encode(try harness.database.pairs()), as: UTF8.self)
        #expect(!shown.contains(email), "\(shown)")
    }

    /// Erasing one person keeps another's held mail that names them: a coordinator still has to
    /// read it. Their name and address are taken out of what is kept, the message is listed
    /// again with a note that says so, and the erasure's audit entry says what was removed and
    /// what was redacted. Their own mail goes whole.
    @Test func anothersHeldMailNamingTheErasedPersonIsRedactedNotDeleted() throws {
        let harness = try ProcessorTests.Program()
        let ana = "ana.fernandez@example.net"
        try harness.database.write { db in
            for (email, name) in [(ana, "Ana Fernandez"), ("bea@example.org", "Bea Moreno")] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: MatchingWorkflowTests.profile("mentee", name),
                                                  status: .active, source: "t", origin: "email", roundID: nil, now: harness.now)
            }
        }
        // Bea asks the coordinators something about Ana; Ana asks them something too.
        try harness.arrive("""
            From: Bea Moreno <bea@example.org>\r\nTo: mentoring@example.org\r\nSubject: About Ana Fernandez\r\nMessage-ID: <bea1@example.org>\r\n\r\n\
            Could Ana Fernandez (ana.fernandez@example.net) and I share a mentor? We both work on Nova docs in Lisbon.\r\n
            """)
        try harness.arrive("From: Ana Fernandez <\(ana)>\r\nTo: mentoring@example.org\r\nSubject: A question\r\nMessage-ID: <ana1@example.net>\r\n\r\n"
                           + "When does the next round open? I keep bonsai trees.\r\n")
        _ = try harness.run()
        let held = try harness.database.heldMessages(all: false)
        let bea = try #require(held.first { $0.sender == "bea@example.org" })
        let anas = try #require(held.first { $0.sender == ana })

        try Self.erase(harness, "Ana Fernandez", ana, saying: "Please delete my data.", at: harness.now.addingTimeInterval(60))
        #expect(try harness.database.participant(email: ana)?.status == .erased)

        // Ana's own message is gone; Bea's is kept, without Ana's name or address.
        #expect(try harness.database.storedMessage(id: anas.id ?? 0) == nil)
        let kept = try #require(try harness.database.storedMessage(id: bea.id ?? 0), "Bea's held mail is still there to read")
        let keptText = try #require(kept.textBody)
        #expect(keptText.contains("share a mentor? We both work on Nova docs in Lisbon"), "\(keptText)")
        let record = try #require(try harness.database.inboundMessage(id: bea.id ?? 0))
        #expect(record.resolvedAt == nil && record.disposition == .held, "still waiting for a coordinator")
        #expect(try harness.database.heldMessages(all: false).contains { $0.id == bea.id })
        #expect(record.note?.contains("taken out") == true, "\(record.note ?? "")")
        let rawKept = String(decoding: try #require(try harness.database.read { db in try AppDatabase.raw(db, inboundID: bea.id) }), as: UTF8.self).lowercased()
        for secret in ["ana fernandez", ana] {
            #expect(!rawKept.contains(secret), "\(secret) is left in \(rawKept)")
            #expect(!(record.subject ?? "").lowercased().contains(secret))
        }
        // The erasure says what it did, without naming her.
        let entry = try #require(try harness.database.read { db in try AuditEntry.fetchAll(db) }.last { $0.action == "erased" })
        #expect(entry.detail.contains("removed") && entry.detail.contains("redacted") && entry.detail.contains("held show \(bea.id ?? 0)"), "\(entry.detail)")
        #expect(!entry.detail.lowercased().contains("fernandez") && !entry.detail.contains(ana), "\(entry.detail)")
        // The next digest lists Bea's message again, with the note.
        _ = try harness.run(at: harness.now.addingTimeInterval(180))
        let digests = try harness.sent().filter { $0.to.map(\.normalized) == ["coordinator@example.org"] }.compactMap(\.textBody)
        let digest = try #require(digests.first { $0.contains("taken out") }, "\(digests)")
        #expect(digest.contains("#\(bea.id ?? 0)"), "\(digest)")
        #expect(!digest.lowercased().contains("fernandez"), "\(digest)")
    }

    /// Finding G14: after "delete my data", her held question still showed her words in its
    /// reason ("data-request: \"Hi, what data do you hold about me\": …") and stayed in `held
    /// list` as not handled, though nobody can answer it any more. Her held mail is handled as
    /// erased, and no reason or note of her mail quotes her.
    @Test func herOwnHeldMailIsHandledAndQuotesNothingOfHers() throws {
        let harness = try ProcessorTests.Program()
        let kim = "kim@example.net"
        try harness.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: kim, profile: MatchingWorkflowTests.profile("mentee", "Kim Lee"),
                                              status: .active, source: "t", origin: "email", roundID: nil, now: harness.now)
        }
        try harness.arrive("From: Kim Lee <\(kim)>\r\nTo: mentoring@example.org\r\nSubject: data\r\nMessage-ID: <kim1@example.net>\r\n\r\n"
                           + "Hi, what data do you hold about me? Also, when does the next round start?\r\n")
        _ = try harness.run()
        let held = try #require(try harness.database.heldMessages(all: false).first { $0.sender == kim })
        try Self.erase(harness, "Kim Lee", kim, at: harness.now.addingTimeInterval(60))
        #expect(try harness.database.participant(email: kim)?.status == .erased)
        #expect(try !harness.database.heldMessages(all: false).contains { $0.id == held.id }, "no longer waiting for a coordinator")
        let record = try #require(try harness.database.inboundMessage(id: held.id ?? 0))
        #expect(record.resolvedAt != nil && record.resolution?.contains("erased") == true, "\(record.resolution ?? "")")
        let mine = try harness.database.inboundMessages().filter { $0.sender == kim }
        for message in mine {
            for text in [message.reason, message.note].compactMap({ $0 }) {
                #expect(!text.lowercased().contains("what data") && !text.lowercased().contains("next round"), "\(text)")
            }
        }
    }

    /// A pair introduced with no way to meet in common (the proposal's caution names both), the
    /// partner's reply quoting our introduction held for the coordinators: after one of the two
    /// erases, no stored text holds their name, their first name greeting them, or the profile
    /// our introduction quoted; the held reply keeps what the partner wrote.
    @Test func theProposalAndAPartnersQuotedReplyKeepNothingOfTheErasedPerson() throws {
        let harness = try ProcessorTests.Program()
        let kim = "kim.park@example.net"
        let bob = "bob.martin@example.org"
        _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * 86_400), now: harness.now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)?.id
            var mentee = MatchingWorkflowTests.profile("mentee", "Kim Park", zone: "Asia/Seoul", languages: ["Korean", "English"],
                                                       interactions: ["email", "chat"])
            mentee.availability = "weekends"
            mentee.aboutMe = "Storage person, fond of xerography"
            _ = try AppDatabase.upsertProfile(db, email: kim, profile: mentee, status: .active, source: "t", origin: "email", roundID: round, now: harness.now)
            let mentor = MatchingWorkflowTests.profile("mentor", "Bob Martin", zone: "Europe/London", interactions: ["irc", "video"], capacity: 1)
            _ = try AppDatabase.upsertProfile(db, email: bob, profile: mentor, status: .active, source: "t", origin: "email", roundID: round, now: harness.now)
        }
        _ = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
        _ = try harness.app.decideProposal(round: "R", approve: true, now: harness.now)
        _ = try harness.run()
        let introduction = try #require(try harness.sent().last { $0.to.map(\.normalized).contains(bob) })
        let quoted = (introduction.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\r\n")
        try harness.arrive("From: Bob Martin <\(bob)>\r\nTo: mentoring@example.org\r\nSubject: Re: \(introduction.subject ?? "")\r\n"
                           + "Message-ID: <bob1@example.org>\r\nIn-Reply-To: <\(introduction.messageID ?? "")>\r\n\r\n"
                           + "Hi Kim, great to meet you! Shall we try Thursdays?\r\n\r\nOn Monday the program wrote:\r\n\(quoted)\r\n")
        _ = try harness.run(at: harness.now.addingTimeInterval(60))
        let held = try #require(try harness.database.heldMessages(all: false).first { $0.sender == bob })
        let file = URL(fileURLWithPath: harness.config.program.database)
        let secrets = ["kim park", "hi kim", "asia/seoul", "korean", "weekends", "xerography", kim]
        let before = try String(decoding: Data(contentsOf: file), as: UTF8.self).lowercased()
        #expect(secrets.allSatisfy(before.contains), "the data is there before: \(secrets.filter { !before.contains($0) })")

        try Self.erase(harness, "Kim Park", kim, saying: "delete my data", at: harness.now.addingTimeInterval(120))
        #expect(try harness.database.participant(email: kim)?.status == .erased)
        let after = try String(decoding: Data(contentsOf: file), as: UTF8.self).lowercased()
        for secret in secrets.dropLast() {
            #expect(!after.contains(secret), "\(secret) is still in the database file")
        }
        let kept = try #require(try harness.database.storedMessage(id: held.id ?? 0)?.textBody, "Bob's reply is kept for the coordinators")
        #expect(kept.contains("great to meet you! Shall we try Thursdays?") && kept.contains("[quoted text removed at erasure]"), "\(kept)")
        let proposal = try #require(try harness.database.read { db in try MatchProposal.fetchAll(db) }.first)
        #expect(proposal.pairs.first?.caution?.contains("Bob Martin") == true, "the other person stays: \(String(describing: proposal.pairs.first?.caution))")
    }

    /// Finding: a coordinator's APPROVE that quoted the round's proposal was blanked whole when
    /// one person in it was erased, losing the record of the approval and every other pair's
    /// lines. It is kept: the command and the other people's lines stay, while the erased
    /// person's name, address and entry (the lines under their name) go.
    @Test func aCoordinatorsApprovalQuotingTheProposalKeepsEveryoneElse() throws {
        let harness = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        let kim = "kim.park@example.net"
        _ = try harness.app.openRound(name: "R", closesAt: harness.now.addingTimeInterval(30 * 86_400), now: harness.now)
        try harness.database.write { db in
            let round = try AppDatabase.openRound(db)?.id
            for (email, profile) in [
                (kim, MatchingWorkflowTests.profile("mentee", "Kim Park", zone: "Asia/Seoul", languages: ["Korean", "English"])),
                ("li.wei@example.com", MatchingWorkflowTests.profile("mentee", "Li Wei")),
                ("bob.martin@example.org", MatchingWorkflowTests.profile("mentor", "Bob Martin", capacity: 1)),
                ("max.moreau@example.org", MatchingWorkflowTests.profile("mentor", "Max Moreau", capacity: 1)),
            ] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "t", origin: "email", roundID: round, now: harness.now)
            }
        }
        let proposal = try harness.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: harness.now)
        _ = try harness.run()
        let review = try #require(try harness.sent().last { $0.subject?.contains("proposed pairs for R") == true })
        let quoted = (review.textBody ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { "> " + $0 }.joined(separator: "\r\n")
        #expect(quoted.contains("Kim Park") && quoted.contains("Li Wei"), "\(quoted)")
        try harness.arrive("""
            Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r
            From: Coordinator <coordinator@example.org>\r
            To: mentoring@example.org\r
            Subject: Re: \(review.subject ?? "")\r
            Message-ID: <approve-kim@example.org>\r
            In-Reply-To: <\(review.messageID ?? "")>\r
            \r
            APPROVE \(proposal.token)\r
            \r
            On Monday the program wrote:\r
            \(quoted)\r
            """)
        _ = try harness.run(at: harness.now.addingTimeInterval(60))
        #expect(try harness.database.mentorships().count == 2)
        let approval = try #require(try harness.database.inboundMessages().first { $0.intent == "coordinator-approve" })
        let people = try harness.database.participants()
        let other = try #require(try harness.database.mentorships().first { pair in
            !people.contains { $0.email == kim && ($0.id == pair.menteeID || $0.id == pair.mentorID) }
        })
        let others = people.filter { $0.id == other.menteeID || $0.id == other.mentorID }
        #expect(others.count == 2)

        try Self.erase(harness, "Kim Park", kim, saying: "delete my data", at: harness.now.addingTimeInterval(120))
        #expect(try harness.database.participant(email: kim)?.status == .erased)

        let kept = try #require(try harness.database.storedMessage(id: approval.id ?? 0)?.textBody, "the approval is kept")
        #expect(kept.contains("APPROVE \(proposal.token)"), "\(kept)")
        for person in others {
            #expect(kept.contains("\(person.profile.name) <\(person.email)>"), "\(person.email) stays: \(kept)")
        }
        #expect(kept.contains("> To approve, reply with:   APPROVE \(proposal.token)"), "\(kept)")
        #expect(kept.contains("both: Nova"), "a value the erased person shared with others stays in their lines: \(kept)")
        #expect(kept.contains(Redaction.replacement), "\(kept)")
        for secret in ["kim park", kim, "kim", "korean", "asia/seoul"] {
            #expect(!kept.lowercased().contains(secret), "\(secret) is left in \(kept)")
        }
        let record = try #require(try harness.database.inboundMessage(id: approval.id ?? 0))
        #expect(record.intent == "coordinator-approve" && record.note?.contains("taken out") == true, "\(record.note ?? "")")
    }
}
