import Foundation
import GRDB
import Mail
import MentorMail
import TestSupport
import Testing

/// The spine through the real servers: the pool joins a round, a reply-all to an introduction
/// is held (never answered) and reaches the coordinators' digest, and a message that failed is
/// retried after a fix and answered once.
@Suite struct HeldMailEndToEndTests {
    static func form(role: String, name: String, capacity: String = "") -> String {
        """
        Role: \(role)
        Name: \(name)
        Mentoring type: technical
        Areas: Nova
        Time zone: Europe/Madrid
        Languages: English
        Interaction: IRC, email
        \(capacity.isEmpty ? "" : "Capacity: \(capacity)")
        """
    }

    func run(_ scenario: ServerScenario, _ arguments: [String]) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(arguments + ["--config", scenario.configPath])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    func json(_ result: CommandRunner.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func aPoolIsMatchedAndAReplyAllToTheIntroductionIsHeldNotAnswered() throws {
        let scenario = try ServerScenario()
        let mentee = "\(TestServers.uniqueUser("mia"))@example.org", mentor = "\(TestServers.uniqueUser("max"))@example.org"
        // Sign-ups while no round is open: both wait in the pool.
        try scenario.servers.deliver(from: mentee, to: [scenario.programAddress], subject: "Sign up", text: Self.form(role: "mentee", name: "Mia"))
        try scenario.servers.deliver(from: mentor, to: [scenario.programAddress], subject: "Sign up",
                                     text: Self.form(role: "mentor", name: "Max", capacity: "1"))
        try scenario.processOK()
        let menteeUser = String(mentee.split(separator: "@")[0])
        let promise = try #require(try scenario.servers.messages(of: menteeUser).last?.textBody)
        #expect(promise.contains("you will be matched in it"))

        let opened = try run(scenario, ["round", "open", "2027-Q1", "--closes", "2099-01-01"])
        #expect(opened.stdout.contains("opened with 1 mentee and 1 mentor from the pool"), "\(opened.stdout)")
        let shown = try #require(try json(run(scenario, ["round", "show", "2027-Q1", "--json"])) as? [String: Any])
        #expect((shown["mentees"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == [mentee])
        #expect(shown["state"] as? String == "open")
        let matched = try run(scenario, ["match", "--round", "2027-Q1"])
        #expect(matched.stdout.contains("1 pair(s), 0 unmatched"), "\(matched.stdout)")
        _ = try run(scenario, ["round", "approve", "2027-Q1"])
        try scenario.processOK()
        let introduction = try #require(try scenario.servers.messages(of: menteeUser).last)
        #expect(introduction.subject?.contains("meet your mentoring match") == true)
        let menteeCount = try scenario.servers.messages(of: menteeUser).count

        // The mentee answers all: to the mentor, the program in Cc, under the introduction.
        let raw = """
            From: Mia <\(mentee)>
            To: Max <\(mentor)>
            Cc: \(scenario.programAddress)
            Subject: Re: \(introduction.subject ?? "")
            Message-ID: <\(UUID().uuidString)@example.org>
            In-Reply-To: <\(introduction.messageID ?? "")>
            References: <\(introduction.messageID ?? "")>
            Content-Type: text/plain; charset=utf-8

            Hi Max! Thank you. Could we meet on IRC on Tuesday at 18:00?

            Mia
            """
        let bytes = Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        // How the program will read it, before it arrives: parse-mail shows the context and the rule.
        let file = scenario.folder.appendingPathComponent("reply-all.eml")
        try Data(bytes).write(to: file)
        let parsed = try #require(try json(run(scenario, ["parse-mail", "--json", file.path])) as? [String: Any])
        let intake = try #require(parsed["intake"] as? [String: Any])
        #expect(intake["rule"] as? String == "pair-conversation")
        #expect(intake["intent"] as? String == "hold")
        #expect((intake["context"] as? String)?.hasPrefix("introduction about the pair of Mia and Max (`mentormail pairs show") == true)
        #expect(intake["participant"] as? String == "active")
        try scenario.servers.sender().send(bytes, from: mentee, to: [mentor, scenario.programAddress])
        let figures = try scenario.processOK()
        #expect(figures["held"] as? Int == 1)
        #expect(figures["answered"] as? Int == 0)
        #expect(try scenario.servers.messages(of: menteeUser).count == menteeCount, "the pair's conversation is never answered")

        let held = try #require(try json(run(scenario, ["held", "list", "--json"])) as? [[String: Any]])
        #expect(held.count == 1)
        let item = try #require(held.first)
        #expect(item["sender"] as? String == mentee)
        #expect(item["disposition"] as? String == "held")
        #expect(item["rule"] as? String == "pair-conversation")
        #expect((item["context"] as? String)?.hasPrefix("introduction about the pair of Mia and Max (`mentormail pairs show") == true)
        let id = try #require(item["id"] as? Int)
        let shownHeld = try run(scenario, ["held", "show", String(id)])
        #expect(shownHeld.stdout.contains("Could we meet on IRC on Tuesday"))
        #expect(shownHeld.stdout.contains("in reply to our introduction"))

        // The coordinators' digest: once, with the message.
        let digest = try #require(try scenario.coordinatorInbox().last)
        #expect(digest.subject == "Test Mentoring: 1 message(s) need a coordinator")
        #expect(digest.textBody?.contains("#\(id)") == true)
        #expect(digest.textBody?.contains("Could we meet on IRC on Tuesday") == true)
        #expect(digest.leafParts.contains { $0.contentType == "text/html" })
        let coordinatorCount = try scenario.coordinatorInbox().count
        try scenario.processOK()
        #expect(try scenario.coordinatorInbox().count == coordinatorCount, "no digest when nothing new is held")

        let released = try run(scenario, ["held", "release", String(id), "--note", "read by the coordinators"])
        #expect(released.stdout.contains("Released message \(id)"))
        #expect((try json(run(scenario, ["held", "list", "--json"])) as? [Any])?.isEmpty == true)
    }

    /// The database fails on one message of five: the other four are answered and sent, the
    /// failed one is kept, reaches the digest, and after the fix `held retry` answers it once.
    @Test func aDatabaseErrorOnOneMessageFailsOnlyThatOne() throws {
        let scenario = try ServerScenario()
        _ = try scenario.database() // created and migrated, so the fault can be planted
        let poisoned = TestServers.uniqueUser("poison")
        try DatabaseQueue(path: scenario.folder.appendingPathComponent("state/mentormail.sqlite").path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER fault BEFORE INSERT ON outboxMessage WHEN NEW.recipients LIKE '%\(poisoned)%'
                BEGIN SELECT RAISE(ABORT, 'injected disk fault'); END
                """)
        }
        var users = (0..<4).map { _ in TestServers.uniqueUser("ok") }
        users.insert(poisoned, at: 2)
        for user in users {
            try scenario.servers.deliver(from: "\(user)@example.org", to: [scenario.programAddress], subject: "Joining",
                                         text: "Hello, I would like to become a mentee.\n")
        }
        let result = try scenario.process()
        #expect(result.status == 1, "a run with a failure says so in its exit code")
        #expect(result.stderr.contains("injected disk fault"))
        let figures = try scenario.report(result)
        #expect(figures["examined"] as? Int == 5)
        #expect(figures["answered"] as? Int == 4)
        #expect(figures["failed"] as? Int == 1)
        #expect(figures["sent"] as? Int == 5, "four answers and the coordinators' digest")
        for user in users where user != poisoned {
            #expect(try scenario.servers.messages(of: user).count == 1, "\(user) answered")
        }
        #expect(try scenario.servers.messages(of: poisoned).isEmpty)
        let digest = try #require(try scenario.coordinatorInbox().last)
        #expect(digest.textBody?.contains("FAILED: could not be handled: database error: injected disk fault") == true,
                "\(digest.textBody ?? "")")

        let held = try #require(try json(run(scenario, ["held", "list", "--json"])) as? [[String: Any]])
        let id = try #require(held.first?["id"] as? Int)
        #expect(held.first?["disposition"] as? String == "failed")

        // The fix, then the retry: answered once.
        try DatabaseQueue(path: scenario.folder.appendingPathComponent("state/mentormail.sqlite").path).write { db in
            try db.execute(sql: "DROP TRIGGER fault")
        }
        let retried = try run(scenario, ["held", "retry", String(id)])
        #expect(retried.stdout.contains("failed → answered"), "\(retried.stdout)")
        let second = try CommandRunner.run(["held", "retry", String(id), "--config", scenario.configPath])
        #expect(second.status == 65, "a handled message is not run again")
        try scenario.processOK()
        try scenario.processOK()
        let answers = try scenario.servers.messages(of: poisoned)
        #expect(answers.count == 1, "answered exactly once")
        #expect(answers.first?.textBody?.contains("To sign up, reply to this message") == true)
        #expect((try json(run(scenario, ["held", "list", "--json"])) as? [Any])?.isEmpty == true)
    }

    /// Finding: the run's last line said what failed "is retried by the next run", while a
    /// failed message stays failed until it is run again, one `held retry ID` at a time.
    @Test func failedMailWaitsForARetryAndAllOfItIsRetriedAtOnce() throws {
        let scenario = try ServerScenario()
        _ = try scenario.database()
        let marker = TestServers.uniqueUser("broken")
        let broken = [marker + "a", marker + "b"]
        try DatabaseQueue(path: scenario.folder.appendingPathComponent("state/mentormail.sqlite").path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER fault BEFORE INSERT ON outboxMessage WHEN NEW.recipients LIKE '%\(marker)%'
                BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                """)
        }
        for user in broken + [TestServers.uniqueUser("ok")] {
            try scenario.servers.deliver(from: "\(user)@example.org", to: [scenario.programAddress], subject: "Joining",
                                         text: "Hello, I would like to become a mentee.\n")
        }
        let result = try scenario.process()
        #expect(result.status == 1)
        let last = try #require(result.stderr.split(separator: "\n").last.map(String.init))
        #expect(last.contains("held retry --all-failed"), "\(last)")
        #expect(!last.contains("retried by the next run") && !last.contains("outbox list"), "\(last)")
        try DatabaseQueue(path: scenario.folder.appendingPathComponent("state/mentormail.sqlite").path).write { db in
            try db.execute(sql: "DROP TRIGGER fault")
        }
        let retried = try run(scenario, ["held", "retry", "--all-failed"])
        #expect(retried.stdout.contains("2 of 2 run again"), "\(retried.stdout)")
        #expect(retried.stdout.components(separatedBy: "failed → answered").count == 3, "\(retried.stdout)")
        try scenario.processOK()
        for user in broken { #expect(try scenario.servers.messages(of: user).count == 1, "\(user) answered once") }
        let again = try run(scenario, ["held", "retry", "--all-failed"])
        #expect(again.stdout.contains("No failed mail waits to be retried."))
    }

    /// When even recording the failure fails, the message stays unflagged and the next run takes it.
    @Test func aMessageThatCannotBeRecordedStaysForTheNextRun() throws {
        let scenario = try ServerScenario()
        _ = try scenario.database()
        let path = scenario.folder.appendingPathComponent("state/mentormail.sqlite").path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER fault BEFORE INSERT ON inboundMessage WHEN NEW.subject = 'poison'
                BEGIN SELECT RAISE(ABORT, 'injected disk fault'); END
                """)
        }
        try scenario.participantWrites(subject: "poison")
        let other = TestServers.uniqueUser("ok")
        try scenario.servers.deliver(from: "\(other)@example.org", to: [scenario.programAddress], subject: "Joining", text: "Hello!\n")
        let first = try scenario.report(try scenario.process())
        #expect(first["answered"] as? Int == 1)
        #expect(first["sent"] as? Int == 1)
        #expect(try scenario.servers.messages(of: other).count == 1)

        try DatabaseQueue(path: path).write { db in try db.execute(sql: "DROP TRIGGER fault") }
        let second = try scenario.processOK()
        #expect(second["examined"] as? Int == 1, "only the message left unflagged")
        #expect(second["answered"] as? Int == 1)
        #expect(try scenario.participantInbox().count == 1)
    }

    /// APPROVE under the review mail, without the code, approves the proposal it answers.
    @Test func approveUnderTheReviewIsReadInItsContext() throws {
        let scenario = try ServerScenario()
        _ = try run(scenario, ["round", "open", "R", "--closes", "2099-01-01"])
        let mentee = TestServers.uniqueUser("mia"), mentor = TestServers.uniqueUser("max")
        try scenario.servers.deliver(from: "\(mentee)@example.org", to: [scenario.programAddress], subject: "Sign up",
                                     text: Self.form(role: "mentee", name: "Mia"))
        try scenario.servers.deliver(from: "\(mentor)@example.org", to: [scenario.programAddress], subject: "Sign up",
                                     text: Self.form(role: "mentor", name: "Max", capacity: "1"))
        try scenario.processOK()
        _ = try run(scenario, ["match", "--round", "R"])
        try scenario.processOK()
        let review = try #require(try scenario.coordinatorInbox().last)
        try scenario.deliverRaw("""
            Authentication-Results: \(ServerScenario.trustedServer); dkim=pass header.d=example.org
            From: Coordinator <\(scenario.coordinatorAddress)>
            To: \(scenario.programAddress)
            Subject: Re: looks good
            Message-ID: <\(UUID().uuidString)@example.org>
            In-Reply-To: <\(review.messageID ?? "")>
            Content-Type: text/plain; charset=utf-8

            Approve. Thanks!
            """, from: scenario.coordinatorAddress)
        let figures = try scenario.processOK()
        #expect(figures["answered"] as? Int == 1)
        #expect(try scenario.coordinatorInbox().last?.textBody?.contains("Approved the proposal for R") == true)
        #expect(try scenario.database().mentorships().count == 1)
        let inbound = try #require(try scenario.database().inboundMessages().last)
        #expect(inbound.rule == "coordinator-decision")
        #expect(inbound.context?.kind == .matchReview)
    }
}
