import Foundation
@testable import MentorMail
import Testing

@Suite struct RoundTests {
    let now = Date(timeIntervalSince1970: 1_793_700_000) // 2026-11-02

    @Test func oneRoundIsOpenAtATime() throws {
        let database = try AppDatabase.inMemory()
        let round = try database.openRound(name: " 2027-Q1 ", closesAt: now.addingTimeInterval(86_400 * 30), now: now)
        #expect(round.name == "2027-Q1")
        #expect(try database.openRound()?.name == "2027-Q1")
        let second = try #require(throws: MentorMailError.self) {
            try database.openRound(name: "2027-Q2", closesAt: now.addingTimeInterval(86_400), now: now)
        }
        #expect(second.message.contains("still open"))
        _ = try database.closeRound(name: nil, now: now)
        #expect(try database.openRound() == nil)
        #expect(throws: MentorMailError.self) { try database.closeRound(name: nil, now: now) }
        #expect(throws: MentorMailError.self) {
            try database.openRound(name: "2027-Q1", closesAt: now.addingTimeInterval(86_400), now: now)
        }
        _ = try database.openRound(name: "2027-Q2", closesAt: now.addingTimeInterval(86_400), now: now)
        #expect(try database.roundSummaries().map(\.status) == ["closed", "open"])
    }

    @Test func roundsMustCloseInTheFuture() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: MentorMailError.self) { try database.openRound(name: "late", closesAt: now, now: now) }
        #expect(throws: MentorMailError.self) { try database.openRound(name: "", closesAt: now.addingTimeInterval(60), now: now) }
    }

    @Test func theNextRoundDateComesFromTheCalendar() throws {
        let days = ["01-15", "04-15", "07-15", "10-15"].compactMap(MonthDay.init)
        let next = try #require(MonthDay.next(after: now, among: days))
        #expect(next.formatted(.iso8601.year().month().day()) == "2027-01-15")
        #expect(MonthDay("13-01") == nil)
        #expect(MonthDay("april") == nil)
    }
}
