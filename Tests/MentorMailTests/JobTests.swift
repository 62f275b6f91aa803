import Foundation
import GRDB
@testable import MentorMail
import Testing

/// Scheduled work: idempotent by key, run in the job phase of `process`, retried on failure.
@Suite struct JobTests {
    @Test func aKeyIsScheduledOnceAndADueJobRunsOnce() throws {
        let harness = try ProcessorTests.Program()
        let now = harness.now
        let (first, again) = try harness.app.perform(at: now) { work in
            (try work.jobs.schedule(.heldDigest, at: now, key: "k1"), try work.jobs.schedule(.heldDigest, at: now, key: "k1"))
        }
        #expect(first)
        #expect(!again, "the same key twice keeps the first")
        #expect(try harness.database.jobs().count == 1)
        #expect(try harness.run().jobsRun == 1)
        #expect(try harness.database.jobs().first?.status == .done)
        #expect(try harness.run().jobsRun == 0, "a done job never runs again")
    }

    @Test func aJobNotYetDueWaitsForItsTime() throws {
        let harness = try ProcessorTests.Program()
        _ = try harness.app.perform(at: harness.now) { work in
            try work.jobs.schedule(.heldDigest, at: harness.now.addingTimeInterval(3600), key: "later")
        }
        #expect(try harness.run().jobsRun == 0)
        #expect(try harness.run(at: harness.now.addingTimeInterval(3600)).jobsRun == 1)
    }

    @Test func aFailingJobIsRecordedRetriedLaterAndTheRunGoesOn() throws {
        let harness = try ProcessorTests.Program()
        try harness.app.perform(at: harness.now) { work in
            var job = ScheduledJob(kind: .heldDigest, dueAt: harness.now, uniqueKey: "broken", createdAt: harness.now)
            job.kind = "from-the-future"
            try job.insert(work.db)
        }
        try harness.arriveFixture("signup-request-plain.eml")
        let report = try harness.run()
        #expect(report.jobFailures == 1)
        #expect(report.answered == 1 && report.sent == 1, "the run goes on")
        let job = try #require(try harness.database.jobs().first)
        #expect(job.status == .pending && job.attempts == 1)
        #expect(job.lastError?.contains("unknown job kind") == true)
        #expect(job.dueAt > harness.now, "retried later, not at once")
    }

    @Test func theDigestGoesOutOncePerRunAndOnlyForNewHeldMail() throws {
        let harness = try ProcessorTests.Program()
        for index in 0..<3 { try harness.arrive("Subject: nobody \(index)\r\n\r\nno sender\r\n") }
        let first = try harness.run()
        #expect(first.held == 3)
        #expect(first.jobsRun == 1)
        let digests = try harness.sent().filter { $0.subject?.contains("need a coordinator") == true }
        #expect(digests.count == 1, "one digest for three held messages")
        #expect(digests.first?.subject == "Test Mentoring: 3 message(s) need a coordinator")
        _ = try harness.run()
        #expect(try harness.sent().count == 1, "nothing new held: no digest")
        try harness.arrive("Subject: nobody again\r\n\r\nno sender\r\n")
        _ = try harness.run()
        let latest = try #require(try harness.sent().last)
        #expect(latest.subject == "Test Mentoring: 1 message(s) need a coordinator")
        #expect(latest.textBody?.contains("3 older message(s) from earlier digests are still waiting (4 in all)") == true)
    }
}
