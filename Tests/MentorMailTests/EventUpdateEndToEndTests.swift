import Foundation
import Mail
@testable import MentorMail
import TestSupport
import Testing

/// `event update` through the real Dovecot and SMTP servers: the update mail says what changed,
/// "was …, now …", in the text, the HTML and the calendar's description, in English and
/// Spanish, from what the guests last saw (several quick changes before a run count as one).
@Suite struct EventUpdateEndToEndTests {
    let scenario: ServerScenario
    let ana = TestServers.uniqueUser("ana"), paz = TestServers.uniqueUser("paz")

    init() throws {
        scenario = try ServerScenario()
        let database = try scenario.database()
        try database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "\(ana)@example.org", profile: MatchingWorkflowTests.profile("mentee", "Ana Souza"),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: Date())
            _ = try AppDatabase.upsertProfile(db, email: "\(paz)@example.org",
                                              profile: MatchingWorkflowTests.profile("mentor", "Paz Rey", languages: ["Spanish"], capacity: 2),
                                              status: .active, source: "test", origin: "email", roundID: nil, now: Date())
        }
    }

    func mentormail(_ arguments: [String]) throws -> String {
        let result = try CommandRunner.run(arguments + ["--config", scenario.configPath])
        #expect(result.status == 0, "mentormail \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// The latest mail to `user`: its text, its HTML and its calendar's description.
    func latest(_ user: String) throws -> (subject: String, text: String, html: String, description: String) {
        let mail = try #require(try scenario.servers.messages(of: user).last)
        let html = try #require(mail.leafParts.first { $0.contentType == "text/html" }?.decodedText())
        let calendar = try #require(mail.leafParts.first { $0.contentType == "text/calendar" })
        let description = try #require(ICalendar.parse(calendar.decodedText()).events.first?.description)
        return (mail.subject ?? "", mail.textBody ?? "", html, description)
    }

    @Test func anUpdateSaysWhatChangedFromWhatTheGuestsLastSaw() throws {
        let created = try mentormail(["event", "create", "Speed Mentoring at the Summit", "--at", "2027-10-25T07:30", "--tz", "Europe/Madrid",
                                      "--duration", "90m", "--capacity", "10", "--tables", "4", "--rotations", "2", "--location", "Room 2.1", "--json"])
        let id = String(try #require((try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any])?["id"] as? Int))
        try scenario.processOK()

        // Two changes before the next run: the mail tells what the guests saw, and what is now.
        _ = try mentormail(["event", "update", id, "--at", "2027-10-25T09:00", "--location", "Hall B"])
        _ = try mentormail(["event", "update", id, "--location", "Auditorium", "--duration", "2h"])
        try scenario.processOK()
        let english = try latest(ana)
        #expect(english.subject.hasPrefix("Updated:"), "\(english.subject)")
        for said in ["Start:   was Monday, October 25, 2027, 07:30, now 09:00", "Length:  was 90 minutes, now 120 minutes",
                     "Where:   was Room 2.1, now Auditorium"] {
            #expect(english.text.contains(said), "\(said): \(english.text)")
        }
        for said in ["was Monday, October 25, 2027, 07:30, now 09:00", "was 90 minutes, now 120 minutes", "was Room 2.1, now Auditorium"] {
            #expect(english.html.contains(said), "\(said): \(english.html)")
        }
        #expect(english.description.contains("start was Monday, October 25, 2027, 07:30, now 09:00; length was 90 minutes, now 120 minutes; "
                                             + "place was Room 2.1, now Auditorium"), "\(english.description)")
        for mail in [english.text, english.html, english.description] {
            #expect(!mail.contains("Hall B"), "guests never saw Hall B: \(mail)")
        }
        let spanish = try latest(paz)
        #expect(spanish.subject.hasPrefix("Actualizado:"), "\(spanish.subject)")
        for said in ["antes lunes", "07:30, ahora 09:00", "Duración:  antes 90 minutos, ahora 120 minutos", "Dónde:     antes Room 2.1, ahora Auditorium"] {
            #expect(spanish.text.contains(said), "\(said): \(spanish.text)")
        }
        for said in ["07:30, ahora 09:00", "antes 90 minutos, ahora 120 minutos", "antes Room 2.1, ahora Auditorium"] {
            #expect(spanish.html.contains(said), "\(said): \(spanish.html)")
        }

        // The next change starts from what that update showed; only what changed is said.
        _ = try mentormail(["event", "update", id, "--location", ""])
        try scenario.processOK()
        let placeGone = try latest(ana)
        #expect(placeGone.text.contains("Where:   was Auditorium, now not set: the coordinators will tell you"), "\(placeGone.text)")
        #expect(!placeGone.text.contains("Start:") && !placeGone.text.contains("Length:"), "\(placeGone.text)")
        #expect(placeGone.description.contains("Changed: place was Auditorium, now not set."), "\(placeGone.description)")

        _ = try mentormail(["event", "update", id, "--at", "2027-10-26T09:00", "--location", "Room 2.1"])
        try scenario.processOK()
        let moved = try latest(ana)
        #expect(moved.text.contains("Start:   was Monday, October 25, 2027, 09:00, now Tuesday, October 26, 2027, 09:00"), "\(moved.text)")
        #expect(moved.text.contains("Where:   was not set, now Room 2.1"), "\(moved.text)")
    }
}
