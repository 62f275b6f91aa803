import Foundation
import Testing
#if canImport(Enrollment)
@testable import Enrollment
#else
@testable import MentorMail
#endif

@Suite struct TimeZoneInterpreterTests {
    @Test(arguments: [
        ("Europe/Madrid", "Europe/Madrid"), ("europe/madrid", "Europe/Madrid"), ("Asia/Tokyo", "Asia/Tokyo"),
        ("America/New York", "America/New_York"), ("asia/kolkata", "Asia/Kolkata"),
        ("Europe/Madrid (UTC+01:00 now)", "Europe/Madrid"),
    ])
    func ianaNames(text: String, identifier: String) {
        #expect(TimeZoneInterpreter.interpret(text) == .named(identifier))
    }

    @Test(arguments: [
        ("UTC+2", 120), ("UTC-05:30", -330), ("GMT+1", 60), ("+0530", 330), ("UTC +5:30", 330),
        ("utc−3", -180), ("UTC", 0), ("GMT", 0), ("Z", 0), ("-8", -480), ("UTC+14", 840), ("UTC+5.45", 345),
        ("UTC+2 (Madrid)", 120),
    ])
    func offsets(text: String, minutes: Int) {
        #expect(TimeZoneInterpreter.interpret(text) == .fixedOffset(minutes: minutes))
    }

    @Test(arguments: ["UTC+15", "UTC+5:75", "+123456", "UTC+abc"])
    func impossibleOffsets(text: String) {
        #expect(TimeZoneInterpreter.offsetMinutes(text) == nil)
    }

    @Test(arguments: [
        ("CET", "Europe/Berlin"), ("CEST", "Europe/Berlin"), ("PST", "America/Los_Angeles"),
        ("PDT", "America/Los_Angeles"), ("EST", "America/New_York"), ("EDT", "America/New_York"),
        ("CST", "America/Chicago"), ("IST", "Asia/Kolkata"), ("JST", "Asia/Tokyo"), ("KST", "Asia/Seoul"),
        ("AEST", "Australia/Sydney"), ("BST", "Europe/London"), ("cet", "Europe/Berlin"),
        ("Pacific Time", "America/Los_Angeles"), ("CET/CEST", "Europe/Berlin"),
    ])
    func abbreviations(text: String, identifier: String) {
        #expect(TimeZoneInterpreter.interpret(text) == .named(identifier))
    }

    @Test(arguments: [
        ("Barcelona", "Europe/Madrid"), ("Bangalore", "Asia/Kolkata"), ("Bengaluru", "Asia/Kolkata"),
        ("San Francisco", "America/Los_Angeles"), ("Seattle", "America/Los_Angeles"),
        ("Austin", "America/Chicago"), ("Boston", "America/New_York"), ("Munich", "Europe/Berlin"),
        ("München", "Europe/Berlin"), ("Beijing", "Asia/Shanghai"), ("São Paulo", "America/Sao_Paulo"),
        ("Sao Paulo", "America/Sao_Paulo"), ("São Paulo, Brazil", "America/Sao_Paulo"),
        ("Barcelona, Spain", "Europe/Madrid"), ("Tokyo", "Asia/Tokyo"), ("madrid", "Europe/Madrid"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"), ("New York", "America/New_York"),
        ("St. Petersburg", "Europe/Moscow"), ("Madrid time", "Europe/Madrid"), ("Spain", "Europe/Madrid"),
        ("San Francisco, CA", "America/Los_Angeles"),
        ("القاهرة", "Africa/Cairo"), ("الرياض", "Asia/Riyadh"), ("मुंबई", "Asia/Kolkata"), ("नई दिल्ली", "Asia/Kolkata"),
        ("서울", "Asia/Seoul"), ("上海", "Asia/Shanghai"), ("東京", "Asia/Tokyo"), ("Київ", "Europe/Kyiv"),
        ("Москва", "Europe/Moscow"), ("Αθήνα", "Europe/Athens"), ("香港", "Asia/Hong_Kong"),
    ])
    func cities(text: String, identifier: String) {
        #expect(TimeZoneInterpreter.interpret(text) == .named(identifier))
    }

    @Test(arguments: ["Mars/Olympus", "garbage", "", "somewhere nice", "United States", "Europe/Madird"])
    func garbageIsNotAZone(text: String) {
        #expect(TimeZoneInterpreter.interpret(text) == nil)
    }

    @Test func everyBuiltInPlaceAndAbbreviationNamesARealZone() {
        let identifiers = Set(TimeZonePlaces.cities.keys).union(TimeZonePlaces.countries.values).union(TimeZonePlaces.ownScripts.keys)
            .union(TimeZoneInterpreter.abbreviations.values).union(TimeZoneInterpreter.fullNames.values)
            .subtracting(["UTC"])
        for identifier in identifiers {
            #expect(TimeZone(identifier: identifier) != nil, "\(identifier)")
        }
        #expect(TimeZonePlaces.cities.values.reduce(0) { $0 + $1.count } >= 150)
    }

    @Test func theOffsetFollowsDaylightSavingTime() {
        let madrid = ParticipantTimeZone.named("Europe/Madrid")
        #expect(madrid.utcOffsetMinutes(at: SignupFormFixtures.january) == 60)
        #expect(madrid.utcOffsetMinutes(at: SignupFormFixtures.july) == 120)
        #expect(madrid.summary(at: SignupFormFixtures.january) == "Europe/Madrid (UTC+01:00 now)")
        #expect(madrid.summary(at: SignupFormFixtures.july) == "Europe/Madrid (UTC+02:00 now)")
        let sydney = ParticipantTimeZone.named("Australia/Sydney")
        #expect(sydney.utcOffsetMinutes(at: SignupFormFixtures.january) == 660)
        #expect(sydney.utcOffsetMinutes(at: SignupFormFixtures.july) == 600)
    }

    @Test func fixedOffsetsDoNotChange() {
        let india = ParticipantTimeZone.fixedOffset(minutes: -330)
        #expect(india.utcOffsetMinutes(at: SignupFormFixtures.january) == -330)
        #expect(india.utcOffsetMinutes(at: SignupFormFixtures.july) == -330)
        #expect(india.label == "UTC-05:30")
        #expect(india.identifier == nil)
        #expect(ParticipantTimeZone.offsetLabel(0) == "UTC+00:00")
        #expect(ParticipantTimeZone.fixedOffset(minutes: 60).timeZone?.secondsFromGMT() == 3600)
    }
}
