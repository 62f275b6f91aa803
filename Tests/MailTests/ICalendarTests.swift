import Foundation
import Testing
@testable import Mail

/// RSVPs shaped as Outlook, Google Calendar, Apple Calendar and Thunderbird send them,
/// plus the invitation writer and malformed input.
@Suite struct ICalendarTests {
    /// `text` with CRLF line ends, as calendar parts arrive.
    private func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\r\n")
    }

    private let kickoffUTC = Date(timeIntervalSince1970: 1_705_338_000)  // 2024-01-15 17:00 UTC

    // MARK: - Client replies

    @Test func outlookReply() throws {
        let text = crlf("""
        BEGIN:VCALENDAR
        METHOD:REPLY
        PRODID:Microsoft Exchange Server 2010
        VERSION:2.0
        BEGIN:VTIMEZONE
        TZID:W. Europe Standard Time
        BEGIN:STANDARD
        DTSTART:16010101T030000
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010101T020000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
        END:DAYLIGHT
        END:VTIMEZONE
        BEGIN:VEVENT
        ATTENDEE;PARTSTAT=ACCEPTED;CN="Müller, Anna (Engineering; Berlin)":mailto:an
         na.mueller@example.com
        COMMENT;LANGUAGE=de-DE:Ich komme gern\\, bis dann!\\n
        SUMMARY;LANGUAGE=de-DE:Angenommen: Mentoring kickoff
        DTSTART;TZID=W. Europe Standard Time:20240115T180000
        DTEND;TZID=W. Europe Standard Time:20240115T190000
        UID:040000008200E00074C5B7101A82E00800000000D0C6D8A0E847DA01000000000000000
         010000000A5B6D7B0D7A2D94DA3B5E7F0B8C0E1F2
        CLASS:PUBLIC
        PRIORITY:5
        DTSTAMP:20240110T091500Z
        TRANSP:OPAQUE
        STATUS:CONFIRMED
        SEQUENCE:2
        LOCATION;LANGUAGE=de-DE:Raum 1\\, 2. OG
        X-MICROSOFT-CDO-APPT-SEQUENCE:2
        X-MICROSOFT-CDO-OWNERAPPTID:2122378586
        X-MICROSOFT-CDO-REPLYTIME:20240110T091500Z
        END:VEVENT
        END:VCALENDAR
        """)
        let calendar = ICalendar.parse(text)
        #expect(calendar.method == "REPLY")
        #expect(calendar.productID == "Microsoft Exchange Server 2010")
        let event = try #require(calendar.events.first)
        #expect(calendar.events.count == 1)
        #expect(event.uid == "040000008200E00074C5B7101A82E00800000000D0C6D8A0E847DA01000000000000000010000000A5B6D7B0D7A2D94DA3B5E7F0B8C0E1F2")
        #expect(event.summary == "Angenommen: Mentoring kickoff")
        #expect(event.location == "Raum 1, 2. OG")
        #expect(event.sequence == 2)
        #expect(event.start?.raw == "20240115T180000")
        #expect(event.start?.timeZoneID == "W. Europe Standard Time")
        #expect(event.start?.date == kickoffUTC)  // the Windows name maps to Europe/Berlin
        #expect(event.stamp?.date == Date(timeIntervalSince1970: 1_704_878_100))
        let attendee = try #require(event.attendees.first)
        #expect(attendee.address == "anna.mueller@example.com")
        #expect(attendee.name == "Müller, Anna (Engineering; Berlin)")
        #expect(attendee.partstat == .accepted)
        let rsvp = try #require(calendar.rsvp)
        #expect(rsvp.uid == event.uid)
        #expect(rsvp.address == "anna.mueller@example.com")
        #expect(rsvp.partstat == .accepted)
        #expect(rsvp.sequence == 2)
    }

    @Test func googleCalendarReply() throws {
        let text = crlf("""
        BEGIN:VCALENDAR
        PRODID:-//Google Inc//Google Calendar 70.9054//EN
        VERSION:2.0
        CALSCALE:GREGORIAN
        METHOD:REPLY
        BEGIN:VEVENT
        DTSTART:20240115T170000Z
        DTEND:20240115T180000Z
        DTSTAMP:20240110T091500Z
        ORGANIZER;CN=MentorMail Program:mailto:program@mentormail.example
        UID:kickoff-2024-01@mentormail.example
        ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=Jane Do
         e;X-NUM-GUESTS=0:mailto:jane.doe@gmail.com
        COMMENT:Sorry\\, I am travelling that week.
        CREATED:20240110T090000Z
        DESCRIPTION:Welcome to the programme!\\nBring questions.
        LAST-MODIFIED:20240110T091500Z
        LOCATION:Online
        SEQUENCE:0
        STATUS:CONFIRMED
        SUMMARY:Mentoring kickoff
        TRANSP:OPAQUE
        END:VEVENT
        END:VCALENDAR
        """)
        let calendar = ICalendar.parse(text)
        let event = try #require(calendar.events.first)
        #expect(event.start?.isUTC == true)
        #expect(event.start?.date == kickoffUTC)
        #expect(event.end?.date == kickoffUTC.addingTimeInterval(3600))
        #expect(event.description == "Welcome to the programme!\nBring questions.")
        #expect(event.organizer == ICalendar.Organizer(address: "program@mentormail.example", name: "MentorMail Program"))
        #expect(event.attendees == [ICalendar.Attendee(address: "jane.doe@gmail.com", name: "Jane Doe",
                                                       partstat: .declined, role: "REQ-PARTICIPANT", rsvp: false)])
        #expect(calendar.rsvp?.partstat == .declined)
        #expect(calendar.rsvp?.uid == "kickoff-2024-01@mentormail.example")
    }

    @Test func appleCalendarReply() throws {
        let text = crlf("""
        BEGIN:VCALENDAR
        CALSCALE:GREGORIAN
        VERSION:2.0
        METHOD:REPLY
        PRODID:-//Apple Inc.//macOS 14.2.1//EN
        BEGIN:VTIMEZONE
        TZID:Europe/Berlin
        BEGIN:STANDARD
        DTSTART:19961027T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        TZNAME:MEZ
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        ATTENDEE;CN="Doe, Jane";CUTYPE=INDIVIDUAL;EMAIL="jane@icloud.example";PARTSTAT=TENTATIVE:MAILTO:jane@icloud.example
        DTEND;TZID=Europe/Berlin:20240115T190000
        DTSTAMP:20240110T091500Z
        DTSTART;TZID=Europe/Berlin:20240115T180000
        ORGANIZER;CN="MentorMail Program";EMAIL="program@mentormail.example":mailto:program@mentormail.example
        REQUEST-STATUS:2.0;Success
        SEQUENCE:0
        SUMMARY:Mentoring kickoff
        UID:kickoff-2024-01@mentormail.example
        END:VEVENT
        END:VCALENDAR
        """)
        let calendar = ICalendar.parse(text)
        let event = try #require(calendar.events.first)
        #expect(event.start?.timeZoneID == "Europe/Berlin")
        #expect(event.start?.date == kickoffUTC)
        #expect(event.attendees.first?.address == "jane@icloud.example")
        #expect(event.attendees.first?.name == "Doe, Jane")
        #expect(event.organizer?.name == "MentorMail Program")
        #expect(calendar.rsvp?.partstat == .tentative)
        #expect(calendar.rsvp?.address == "jane@icloud.example")
    }

    @Test func thunderbirdLightningReply() throws {
        let text = crlf("""
        BEGIN:VCALENDAR
        PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN
        VERSION:2.0
        METHOD:REPLY
        BEGIN:VTIMEZONE
        TZID:Europe/Berlin
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
        END:DAYLIGHT
        END:VTIMEZONE
        BEGIN:VEVENT
        CREATED:20240110T090000Z
        LAST-MODIFIED:20240110T091500Z
        DTSTAMP:20240110T091500Z
        UID:kickoff-2024-01@mentormail.example
        SUMMARY:Mentoring kickoff
        ORGANIZER;CN=MentorMail Program:mailto:program@mentormail.example
        ATTENDEE;RSVP=TRUE;CN="Kowalski, Jan";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPAN
         T:mailto:jan.kowalski@example.org
        DTSTART;TZID=Europe/Berlin:20240115T180000
        DTEND;TZID=Europe/Berlin:20240115T190000
        SEQUENCE:0
        TRANSP:OPAQUE
        X-MOZ-SEND-INVITATIONS:TRUE
        BEGIN:VALARM
        ACTION:EMAIL
        ATTENDEE:mailto:alarm@example.org
        DESCRIPTION:Reminder
        TRIGGER:-PT15M
        END:VALARM
        END:VEVENT
        END:VCALENDAR
        """)
        let calendar = ICalendar.parse(text)
        let event = try #require(calendar.events.first)
        #expect(event.attendees.count == 1)  // the VALARM's ATTENDEE is not the event's
        #expect(event.description == nil)
        let attendee = try #require(event.attendees.first)
        #expect(attendee == ICalendar.Attendee(address: "jan.kowalski@example.org", name: "Kowalski, Jan",
                                               partstat: .accepted, role: "REQ-PARTICIPANT", rsvp: true))
        #expect(event.start?.date == kickoffUTC)
        #expect(calendar.rsvp?.partstat == .accepted)
    }

    @Test func requestIsNotAnRSVP() throws {
        let text = crlf("""
        BEGIN:VCALENDAR
        PRODID:-//Google Inc//Google Calendar 70.9054//EN
        VERSION:2.0
        METHOD:REQUEST
        BEGIN:VEVENT
        DTSTART:20240115T170000Z
        UID:kickoff-2024-01@mentormail.example
        ORGANIZER;CN=Bob:mailto:bob@example.com
        ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob:mailto:bob@example.com
        ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:MAILTO:anna@example.com
        END:VEVENT
        END:VCALENDAR
        """)
        let calendar = ICalendar.parse(text)
        #expect(calendar.method == "REQUEST")
        #expect(calendar.events.first?.attendees.count == 2)
        #expect(calendar.events.first?.attendees.last?.address == "anna@example.com")
        #expect(calendar.rsvp == nil)
        #expect(ICalendar.parse(text.replacingOccurrences(of: "METHOD:REQUEST\r\n", with: "")).rsvp == nil)
    }

    @Test func rsvpPrefersTheAttendeeWhoAnswered() {
        let text = """
        BEGIN:VCALENDAR
        METHOD:reply
        BEGIN:VEVENT
        UID:u1
        ATTENDEE:mailto:other@example.com
        ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:a@example.com","mailto:b@example.com":mailto:c@example.com
        END:VEVENT
        END:VCALENDAR
        """
        let calendar = ICalendar.parse(text)
        #expect(calendar.method == "REPLY")
        #expect(calendar.rsvp?.address == "c@example.com")
        #expect(calendar.rsvp?.partstat == .delegated)
        #expect(ICalendar.parse("BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nATTENDEE:mailto:a@b\nEND:VEVENT").rsvp == nil)
    }

    // MARK: - Content lines

    @Test func unfoldingHandlesCRLFLFSpaceAndTab() {
        let text = "BEGIN:VEVENT\r\nSUMMARY:Mentor\r\n ing\n\t kick\r\n  off\nEND:VEVENT"
        #expect(ICalendar.parse(text).events.first?.summary == "Mentoring kick off")
    }

    @Test func unfoldingRejoinsASplitUTF8Character() {
        // Some writers fold inside a multi-byte character; unfolding works on bytes.
        var bytes = Array("BEGIN:VEVENT\r\nSUMMARY:Gr".utf8) + [0xC3]
        bytes += Array("\r\n ".utf8) + [0xBC] + Array("ße\r\nEND:VEVENT\r\n".utf8)
        let text = String(decoding: bytes, as: UTF8.self)  // invalid until unfolded
        let folded = ICalendar.ContentLine.parseAll(bytes)
        #expect(folded.first { $0.name == "SUMMARY" }?.value == "Grüße")
        #expect(!text.isEmpty)
    }

    @Test func parametersQuotedMultipleAndCaseInsensitive() throws {
        let line = try #require(ICalendar.ContentLine(Array(
            #"attendee;cn="Doe; Jane: PhD, MD";Partstat=tentative;member="mailto:a@x","mailto:b@x";X-EMPTY;RSVP=TRUE:MAILTO:Jane@Example.com"#.utf8)[...]))
        #expect(line.name == "ATTENDEE")
        #expect(line.parameter("CN") == "Doe; Jane: PhD, MD")
        #expect(line.parameter("PARTSTAT") == "tentative")
        #expect(line.parameters["MEMBER"] == ["mailto:a@x", "mailto:b@x"])
        #expect(line.parameters["X-EMPTY"] == [])
        #expect(line.value == "MAILTO:Jane@Example.com")
        let caret = try #require(ICalendar.ContentLine(Array(#"ATTENDEE;CN="Dr ^'Jay^' ^^ Co^nLtd":mailto:j@x"#.utf8)[...]))
        #expect(caret.parameter("CN") == "Dr \"Jay\" ^ Co\nLtd")
    }

    @Test func textUnescaping() {
        #expect(ICalendar.unescapeText(#"a\nb\Nc\\d\;e\,f"#) == "a\nb\nc\\d;e,f")
        #expect(ICalendar.unescapeText(#"trailing\"#) == "trailing\\")
        #expect(ICalendar.unescapeText("plain") == "plain")
    }

    // MARK: - Dates

    @Test func dateTimeForms() {
        let utc = ICalendar.DateTime(raw: "20240115T170000Z")
        #expect(utc.isUTC && !utc.isDateOnly && utc.date == kickoffUTC)
        let zoned = ICalendar.DateTime(raw: "20240701T100000", timeZoneID: "Europe/Berlin")
        #expect(zoned.date == Date(timeIntervalSince1970: 1_719_820_800))
        let mozilla = ICalendar.DateTime(raw: "20240115T180000", timeZoneID: "/mozilla.org/20070129_1/Europe/Berlin")
        #expect(mozilla.date == kickoffUTC)
        let quoted = ICalendar.DateTime(raw: "20240115T180000", timeZoneID: "\"Europe/Berlin\"")
        #expect(quoted.date == kickoffUTC)
        let floating = ICalendar.DateTime(raw: "20240115T180000")
        #expect(floating.date == nil && !floating.isUTC)
        #expect(floating.date(in: TimeZone(secondsFromGMT: 3600) ?? .current) == kickoffUTC)
        let day = ICalendar.DateTime(raw: "20240301", valueType: "DATE")
        #expect(day.isDateOnly && day.date == nil)
        #expect(day.date(in: TimeZone(secondsFromGMT: 0) ?? .current) == Date(timeIntervalSince1970: 1_709_251_200))
        #expect(ICalendar.DateTime(raw: "20240115T180000", timeZoneID: "Mars/Olympus_Mons").date == nil)
        #expect(ICalendar.DateTime(raw: "20240115T180000", timeZoneID: "../../etc/passwd").date == nil)
        #expect(ICalendar.DateTime(raw: "20240230T100000Z").date == nil)
        #expect(ICalendar.DateTime(raw: "20241315T100000Z").date == nil)
        #expect(ICalendar.DateTime(raw: "2024-01-15T10:00:00Z").date == nil)
        #expect(ICalendar.DateTime(raw: "").date == nil)
    }

    @Test func dateParametersAreReadFromEventLines() {
        let text = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20240301\nDTEND;value=date:20240302\nEND:VEVENT"
        let event = ICalendar.parse(text).events.first
        #expect(event?.start?.isDateOnly == true)
        #expect(event?.end?.raw == "20240302")
    }

    // MARK: - Writer

    private func invitation(summary: String = "Mentoring kickoff",
                            description: String? = "Welcome!\nBring questions; and snacks, please.",
                            attendees: [(address: String, name: String?)] = [
                                (address: "anna.mueller@example.com", name: "Müller, Anna"),
                                (address: "jan@example.org", name: nil),
                            ]) -> String {
        ICalendar.request(
            uid: "kickoff-2024-01@mentormail.example", summary: summary, description: description,
            location: "Raum 1, 2. OG", start: kickoffUTC, end: kickoffUTC.addingTimeInterval(3600),
            organizer: (address: "program@mentormail.example", name: "MentorMail Program"),
            attendees: attendees, sequence: 3, stamp: Date(timeIntervalSince1970: 1_704_878_100.7))
    }

    @Test func requestShape() {
        let text = invitation()
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nPRODID:-//MentorMail//MentorMail//EN\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        #expect(text.contains("\r\nMETHOD:REQUEST\r\n"))
        #expect(text.contains("\r\nDTSTART:20240115T170000Z\r\n"))
        #expect(text.contains("\r\nDTSTAMP:20240110T091500Z\r\n"))
        #expect(text.contains("\r\nDESCRIPTION:Welcome!\\nBring questions\\; and snacks\\, please.\r\n"))
        #expect(text.contains("\r\nLOCATION:Raum 1\\, 2. OG\r\n"))
        #expect(text.contains("\r\nORGANIZER;CN=\"MentorMail Program\":mailto:program@mentormail.example\r\n"))
        // Every line end is CRLF.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    /// TZNAME is the zone's own abbreviation from the system's zone data where it has one (PST
    /// and PDT, CET and CEST); a zone whose data names its time only by offset ("+04") keeps GMT+4.
    @Test func timeZoneNamesComeFromTheZoneData() {
        func names(_ identifier: String) -> Set<String> {
            let text = ICalendar.request(uid: "u@example.org", summary: "s", start: kickoffUTC, end: kickoffUTC.addingTimeInterval(3600),
                                         organizer: (address: "p@example.org", name: nil), attendees: [(address: "a@example.org", name: nil)],
                                         stamp: kickoffUTC, timeZone: TimeZone(identifier: identifier))
            return Set(text.components(separatedBy: "\r\n").filter { $0.hasPrefix("TZNAME:") }.map { String($0.dropFirst(7)) })
        }
        #expect(names("America/Vancouver") == ["PST", "PDT"])
        #expect(names("Europe/Berlin") == ["CET", "CEST"])
        #expect(names("Asia/Dubai") == ["GMT+4"])
        #expect(ZoneAbbreviation.name(of: "../../etc/passwd", at: kickoffUTC, daylight: false) == nil)
    }

    @Test func requestRoundTrips() throws {
        let calendar = ICalendar.parse(invitation())
        #expect(calendar.method == "REQUEST")
        #expect(calendar.rsvp == nil)
        let event = try #require(calendar.events.first)
        #expect(event.uid == "kickoff-2024-01@mentormail.example")
        #expect(event.summary == "Mentoring kickoff")
        #expect(event.description == "Welcome!\nBring questions; and snacks, please.")
        #expect(event.location == "Raum 1, 2. OG")
        #expect(event.start?.date == kickoffUTC)
        #expect(event.end?.date == kickoffUTC.addingTimeInterval(3600))
        #expect(event.stamp?.date == Date(timeIntervalSince1970: 1_704_878_100))
        #expect(event.sequence == 3)
        #expect(event.organizer == ICalendar.Organizer(address: "program@mentormail.example", name: "MentorMail Program"))
        #expect(event.attendees == [
            ICalendar.Attendee(address: "anna.mueller@example.com", name: "Müller, Anna",
                               partstat: .needsAction, role: "REQ-PARTICIPANT", rsvp: true),
            ICalendar.Attendee(address: "jan@example.org", name: nil,
                               partstat: .needsAction, role: "REQ-PARTICIPANT", rsvp: true),
        ])
    }

    @Test func foldingKeepsLinesShortAndCharactersWhole() throws {
        let longSummary = String(repeating: "Ünïcödé 日本語 mentoring 🎉 ", count: 20)
        let longName = "Dr \"Jay\" ^ Sørensen-" + String(repeating: "Ø", count: 60)
        let text = invitation(summary: longSummary, description: String(repeating: "é", count: 500),
                              attendees: [(address: "jay@example.com", name: longName)])
        let physicalLines = text.components(separatedBy: "\r\n").dropLast()
        for line in physicalLines {
            #expect(line.utf8.count <= 75)
            #expect(!line.contains("\u{FFFD}"))
        }
        #expect(physicalLines.contains { $0.hasPrefix(" ") })
        let event = try #require(ICalendar.parse(text).events.first)
        #expect(event.summary == longSummary)
        #expect(event.description == String(repeating: "é", count: 500))
        #expect(event.attendees.first?.name == longName)
    }

    @Test func foldBoundaries() {
        #expect(ICalendar.fold(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75))
        let folded = ICalendar.fold(String(repeating: "a", count: 76))
        #expect(folded == String(repeating: "a", count: 75) + "\r\n a")
        // A 2-byte character straddling octet 75 moves whole to the next line.
        let straddling = ICalendar.fold(String(repeating: "a", count: 74) + "é" + "b")
        #expect(straddling == String(repeating: "a", count: 74) + "\r\n éb")
    }

    @Test func writerValuesCannotInjectLines() throws {
        let text = ICalendar.request(
            uid: "u1\r\nMETHOD:CANCEL", summary: "Hi\r\nATTENDEE:mailto:evil@example.com", description: nil,
            location: nil, start: kickoffUTC, end: kickoffUTC,
            organizer: (address: "p@example.com\r\nX-EVIL:1", name: "A\r\nB"),
            attendees: [(address: "mailto:a@example.com", name: nil)], sequence: -1, stamp: kickoffUTC)
        let calendar = ICalendar.parse(text)
        #expect(calendar.method == "REQUEST")
        let event = try #require(calendar.events.first)
        #expect(event.attendees.map(\.address) == ["a@example.com"])
        #expect(event.summary == "Hi\nATTENDEE:mailto:evil@example.com")
        #expect(event.uid == "u1METHOD:CANCEL")
        #expect(event.organizer?.address == "p@example.comX-EVIL:1")
        #expect(event.organizer?.name == "A\nB")
        #expect(event.sequence == 0)
    }

    // MARK: - Malformed input

    @Test func malformedInputNeverCrashes() {
        let samples = [
            "", "\r\n", ":", ";", "BEGIN", "BEGIN:", "END:VEVENT", "END:VCALENDAR\nEND:VCALENDAR",
            "no colon at all\nSUMMARY\nBEGIN:VEVENT\nSUMMARY:kept\n",
            "BEGIN:VEVENT\nATTENDEE;CN=\"unterminated:mailto:a@example.com\nUID:x",
            "BEGIN:VEVENT\nATTENDEE;CN=\"Doe, Jane:mailto:jane@example.com",
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VALARM\nEND:VEVENT\nSUMMARY:after\nEND:VCALENDAR",
            "BEGIN:VEVENT\nSEQUENCE:99999999999999999999999\nDTSTART;TZID=:x\nEND:VEVENT",
            "BEGIN:VEVENT\n;;;:\n=:=\nATTENDEE;=;=\"\":\nEND:VEVENT",
        ]
        for sample in samples { _ = ICalendar.parse(sample) }
        #expect(ICalendar.parse(samples[8]).events.first?.summary == "kept")
        // An unterminated quote ends at the next ';', ',' or ':'.
        let unterminated = ICalendar.parse(samples[9]).events.first?.attendees.first
        #expect(unterminated?.name == "unterminated")
        #expect(unterminated?.address == "a@example.com")
        let alarm = ICalendar.parse(samples[11])
        #expect(alarm.events.count == 1 && alarm.events.first?.summary == nil)
        #expect(ICalendar.parse(samples[12]).events.first?.sequence == nil)
        #expect(ICalendar.parse(samples[13]).events.first?.attendees.first?.address == "")
    }

    @Test func missingEndStillYieldsTheEvent() {
        let calendar = ICalendar.parse("BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:u\nATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b")
        #expect(calendar.events.count == 1)
        #expect(calendar.rsvp?.partstat == .accepted)
        let unterminated = ICalendar.parse("BEGIN:VEVENT\nATTENDEE;CN=\"Doe, Jane:mailto:jane@example.com\nEND:VEVENT")
        #expect(unterminated.events.first?.attendees.count == 1)
    }

    @Test func binaryJunkAndHugeLines() {
        var generator = ICalendarJunkGenerator(seed: 0x5EED)
        for _ in 0..<50 {
            let bytes = (0..<2_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = ICalendar.parse(String(decoding: bytes, as: UTF8.self))
            let structured = (0..<400).map { _ in
                ["BEGIN:VEVENT", "END:VEVENT", "ATTENDEE;CN=\"", ":", ";", "\r\n", " ", "\"", ","][Int(generator.next() % 9)]
            }.joined()
            _ = ICalendar.parse(structured)
        }
        let megabyte = String(repeating: "x", count: 1_000_000)
        let big = ICalendar.parse("BEGIN:VEVENT\nSUMMARY:" + megabyte + "\nX" + megabyte + "\nATTENDEE;CN=\"" + megabyte + "\nEND:VEVENT")
        #expect(big.events.first?.summary?.utf8.count == 1_000_000)
        let folds = String(repeating: "\r\n ", count: 300_000)
        #expect(ICalendar.parse("BEGIN:VEVENT\r\nUID:a" + folds + "b\r\nEND:VEVENT").events.first?.uid == "ab")
        let nesting = String(repeating: "BEGIN:VEVENT\n", count: 100_000) + String(repeating: "END:X\n", count: 100_000)
        #expect(ICalendar.parse(nesting).events.count == 100_000)
    }
}

/// A small seeded generator so the junk tests are reproducible.
private struct ICalendarJunkGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
