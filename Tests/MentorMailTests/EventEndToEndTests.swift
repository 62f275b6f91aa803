import Foundation
import Mail
@testable import MentorMail
import TestSupport
import Testing

/// A Speed Mentoring event through the real Dovecot and SMTP servers: invitations read back by
/// our iCalendar reader and by Python's `icalendar`, answers as Google, Outlook and Apple send
/// them and in words, the waitlist and a promotion, and schedules to exactly those coming.
@Suite struct EventEndToEndTests {
    struct Person {
        let user: String
        let name: String
        let role: String
        var address: String { "\(user)@example.org" }
    }

    let scenario: ServerScenario
    let people: [Person]

    init() throws {
        scenario = try ServerScenario()
        people = [
            Person(user: TestServers.uniqueUser("ana"), name: "Ana Souza", role: "mentee"),
            Person(user: TestServers.uniqueUser("ben"), name: "Ben Okafor", role: "mentee"),
            Person(user: TestServers.uniqueUser("caio"), name: "Caio Lima", role: "mentee"),
            Person(user: TestServers.uniqueUser("maria"), name: "Maria Garcia", role: "mentor"),
            Person(user: TestServers.uniqueUser("li"), name: "Li Wei", role: "mentor"),
        ]
        let database = try scenario.database()
        try database.write { db in
            for person in people {
                let profile = MatchingWorkflowTests.profile(person.role, person.name, areas: person.role == "mentor" ? ["nova", "documentation"] : ["nova"],
                                                            capacity: person.role == "mentor" ? 2 : 0)
                _ = try AppDatabase.upsertProfile(db, email: person.address, profile: profile, status: .active, source: "test",
                                                  origin: "email", roundID: nil, now: Date())
            }
        }
    }

    func inbox(_ person: Person) throws -> [Message] { try scenario.servers.messages(of: person.user) }

    /// Every header and every decoded part of a message, as text.
    func everything(_ mail: Message) -> String {
        (mail.headers.map { "\($0.name): \($0.value)" } + mail.leafParts.map { String(decoding: $0.decodedBytes(), as: UTF8.self) })
            .joined(separator: "\n")
    }

    func mentormail(_ arguments: [String]) throws -> String {
        let result = try CommandRunner.run(arguments + ["--config", scenario.configPath])
        #expect(result.status == 0, "mentormail \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Python's icalendar reading an invitation: METHOD, UID, SEQUENCE, attendees, the start with its offset.
    func readWithPython(_ ics: [UInt8]) throws -> [String: Any] {
        let python = try #require(ProcessInfo.processInfo.environment["MENTORMAIL_TEST_PYTHON"],
                                  "MENTORMAIL_TEST_PYTHON is unset: run the tests with scripts/test.sh")
        let file = scenario.folder.appendingPathComponent("invite-\(UUID().uuidString).ics")
        try Data(ics).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            event = next(iter(cal.walk('VEVENT')))
            attendees = event.get('ATTENDEE')
            attendees = attendees if isinstance(attendees, list) else [attendees]
            zones = [str(z.get('TZID')) for z in cal.walk('VTIMEZONE')]
            print(json.dumps({'method': str(cal.get('METHOD')), 'uid': str(event.get('UID')), 'sequence': int(event.get('SEQUENCE')),
                              'attendees': [str(a) for a in attendees], 'rsvp': [str(a.params.get('RSVP')) for a in attendees],
                              'organizer': str(event.get('ORGANIZER')), 'start': event.decoded('DTSTART').isoformat(), 'zones': zones}))
            """, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Python's icalendar could not read the invitation")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func invitationsAnswersWaitlistAndSchedulesThroughTheRealServers() throws {
        let created = try mentormail(["event", "create", "Speed Mentoring at the Summit", "--at", "2027-01-20T09:30", "--tz", "Europe/Madrid",
                                      "--duration", "90m", "--capacity", "2", "--tables", "2", "--rotations", "2", "--location", "Room 2.1", "--json"])
        let eventObject = try #require(try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any])
        let eventID = try #require(eventObject["id"] as? Int)
        let uid = try #require(eventObject["uid"] as? String)
        try scenario.processOK()

        // Every invitation: a valid REQUEST for its reader only, read the same by both readers.
        var invitations: [String: Message] = [:]
        for person in people {
            let mail = try #require(try inbox(person).last, "\(person.name) got an invitation")
            invitations[person.user] = mail
            let part = try #require(mail.leafParts.first { $0.contentType == "text/calendar" })
            #expect(part.parameters["method"] == "REQUEST")
            let ours = ICalendar.parse(part.decodedText())
            #expect(ours.method == "REQUEST")
            #expect(ours.events.first?.uid == uid)
            #expect(ours.events.first?.attendees.map(\.address) == [person.address])
            let python = try readWithPython(part.decodedBytes())
            #expect(python["method"] as? String == "REQUEST")
            #expect(python["uid"] as? String == uid)
            #expect(python["sequence"] as? Int == 0)
            #expect(python["attendees"] as? [String] == ["mailto:\(person.address)"])
            #expect(python["rsvp"] as? [String] == ["TRUE"])
            #expect(python["organizer"] as? String == "mailto:\(scenario.programAddress)")
            #expect(python["start"] as? String == "2027-01-20T09:30:00+01:00")
            #expect(python["zones"] as? [String] == ["Europe/Madrid"])
            #expect(mail.leafParts.contains { $0.contentType == "application/ics" && $0.filename == "invite.ics" })
            let others = people.filter { $0.user != person.user }.map(\.address)
            #expect(!others.contains { everything(mail).contains($0) }, "no other guest in \(person.name)'s invitation")
        }

        // Answers: Ana by Google Calendar, Ben by Outlook, Caio in words (the seats are gone: the
        // waitlist), Maria by Apple Calendar, Li in words.
        let ana = people[0], ben = people[1], caio = people[2], maria = people[3], li = people[4]
        func words(_ text: String, _ person: Person) throws -> String {
            let invitation = try #require(invitations[person.user])
            return CalendarReplies.words(text, from: person.address, name: person.name, to: scenario.programAddress,
                                         under: invitation)
        }
        try scenario.deliverRaw(CalendarReplies.reply(.google, uid: uid, from: ana.address, name: ana.name, to: scenario.programAddress, partstat: "ACCEPTED"), from: ana.address)
        try scenario.deliverRaw(CalendarReplies.reply(.outlook, uid: uid, from: ben.address, name: ben.name, to: scenario.programAddress, partstat: "ACCEPTED"), from: ben.address)
        try scenario.processOK()
        try scenario.deliverRaw(try words("Count me in, see you there!", caio), from: caio.address)
        try scenario.deliverRaw(CalendarReplies.reply(.apple, uid: uid, from: maria.address, name: maria.name, to: scenario.programAddress, partstat: "ACCEPTED"), from: maria.address)
        try scenario.deliverRaw(try words("Happy to host a table.", li), from: li.address)
        try scenario.processOK()
        for person in [ana, ben, maria, li] {
            #expect(try inbox(person).last?.textBody?.contains("Thank you: you are coming") == true, "\(person.name)")
        }
        #expect(try inbox(caio).last?.textBody?.contains("waitlist, in place 1") == true)

        // Ana cannot come after all: Caio gets her seat, and is told.
        let anaAnswer = try #require(try inbox(ana).last)
        try scenario.deliverRaw(CalendarReplies.words("Sorry, I can't make it after all.", from: ana.address, name: ana.name,
                                                      to: scenario.programAddress, under: anaAnswer), from: ana.address)
        try scenario.processOK()
        #expect(try inbox(ana).last?.textBody?.contains("you cannot come") == true)
        #expect(try inbox(caio).last?.subject?.contains("a seat for you at Speed Mentoring at the Summit") == true)

        let shown = try #require(try JSONSerialization.jsonObject(with: Data(try mentormail(["event", "show", String(eventID), "--json"]).utf8)) as? [String: Any])
        let accepted = (shown["accepted"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
        #expect(Set(accepted) == Set([ben, caio, maria, li].map(\.address)))
        #expect((shown["declined"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == [ana.address])

        // The rotations, and a schedule to exactly those coming; first names only.
        _ = try mentormail(["event", "groups", String(eventID)])
        try scenario.processOK()
        #expect(try inbox(ana).allSatisfy { $0.subject?.contains("your schedule") != true }, "no schedule for who declined")
        for person in [ben, caio, maria, li] {
            let schedule = try #require(try inbox(person).last)
            #expect(schedule.subject?.contains("your schedule for Speed Mentoring at the Summit") == true, "\(person.name)")
        }
        for person in people {
            for mail in try inbox(person) {
                let raw = everything(mail)
                for other in people where other.user != person.user {
                    #expect(!raw.contains(other.address), "\(other.address) appears in mail to \(person.name): \(mail.subject ?? "")")
                }
            }
        }
        let benSchedule = try #require(try inbox(ben).last?.textBody)
        #expect(benSchedule.contains("with Maria") && benSchedule.contains("with Li"), "\(benSchedule)")
        let sheet = try #require(try scenario.coordinatorInbox().last { $0.subject?.contains("tables for") == true })
        #expect(sheet.leafParts.first { $0.contentType == "text/html" }?.decodedText().contains("<section class=\"rotation\">") == true)
    }
}
