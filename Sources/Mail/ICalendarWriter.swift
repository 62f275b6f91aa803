import Foundation

extension ICalendar {
    /// An invitation (METHOD:REQUEST) for one event, as the text of a `text/calendar`
    /// part: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
    /// character, TEXT values escaped. Every attendee is asked to reply (`RSVP=TRUE`,
    /// `PARTSTAT=NEEDS-ACTION`), unless `attendeeStatus` gives the answer they already gave
    /// ("ACCEPTED", "TENTATIVE"): an update then keeps it, and no calendar asks again. Control characters in addresses, names and the UID are
    /// dropped, so no value can start a new line.
    ///
    /// With `timeZone`, the start and end are written in that zone's local time (`TZID=`) and
    /// a VTIMEZONE describes the zone's offsets in the years around the event, so calendars
    /// show the time the organiser meant even across a daylight-saving change; without it,
    /// times are UTC. `method: "CANCEL"` writes the cancellation of the same event (raise
    /// `sequence` for every change).
    ///
    /// - Complexity: O(*n*) in the total length of the arguments.
    public static func request(
        uid: String,
        summary: String,
        description: String? = nil,
        location: String? = nil,
        start: Date,
        end: Date,
        organizer: (address: String, name: String?),
        attendees: [(address: String, name: String?)],
        sequence: Int = 0,
        attendeeStatus: String? = nil,
        stamp: Date,
        timeZone: TimeZone? = nil,
        method: String = "REQUEST",
        productID: String = "-//MentorMail//MentorMail//EN"
    ) -> String {
        let cancel = method.uppercased() == "CANCEL"
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:" + escapeText(productID),
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:" + (cancel ? "CANCEL" : "REQUEST"),
        ]
        let zone = timeZone.flatMap { $0.identifier == "UTC" || $0.identifier == "GMT" ? nil : $0 }
        if let zone { lines += timeZoneComponent(zone, around: start) }
        lines += [
            "BEGIN:VEVENT",
            "UID:" + escapeText(withoutControls(uid)),
            "DTSTAMP:" + utcDateTime(stamp),
            dateTimeLine("DTSTART", start, zone),
            dateTimeLine("DTEND", end, zone),
            "SEQUENCE:\(max(sequence, 0))",
            "SUMMARY:" + escapeText(summary),
        ]
        if let description { lines.append("DESCRIPTION:" + escapeText(description)) }
        if let location { lines.append("LOCATION:" + escapeText(location)) }
        lines.append("ORGANIZER" + nameParameter(organizer.name) + ":" + mailto(organizer.address))
        for attendee in attendees {
            let status = attendeeStatus.map(withoutControls)?.uppercased().filter { $0.isLetter || $0 == "-" } ?? "NEEDS-ACTION"
            let asks = !cancel && status == "NEEDS-ACTION"
            lines.append("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=\(status);RSVP=" + (asks ? "TRUE" : "FALSE")
                + nameParameter(attendee.name) + ":" + mailto(attendee.address))
        }
        lines += [cancel ? "STATUS:CANCELLED" : "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// `DTSTART;TZID=Europe/Madrid:20261025T073000`, or the UTC form without a zone.
    private static func dateTimeLine(_ name: String, _ date: Date, _ zone: TimeZone?) -> String {
        guard let zone else { return name + ":" + utcDateTime(date) }
        return name + ";TZID=" + withoutControls(zone.identifier) + ":" + localDateTime(date, in: zone)
    }

    /// A VTIMEZONE for `zone`: one STANDARD or DAYLIGHT observance per offset change from the
    /// year before `date` to the year after, each with the local time it starts, the offsets on
    /// either side and its name (TZNAME: the zone data's, such as CET); a zone without changes
    /// gets one STANDARD observance.
    static func timeZoneComponent(_ zone: TimeZone, around date: Date) -> [String] {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let year = calendar.component(.year, from: date)
        let from = calendar.date(from: DateComponents(year: year - 1, month: 1, day: 1)) ?? date
        let until = calendar.date(from: DateComponents(year: year + 2, month: 1, day: 1)) ?? date
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + withoutControls(zone.identifier)]
        var transitions: [Date] = []
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < until, transitions.count < 16 {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = offsetText(zone.secondsFromGMT(for: date))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset, "TZOFFSETTO:" + offset,
                      "TZNAME:" + withoutControls(name(zone, date, daylight: false) ?? zone.identifier), "END:STANDARD"]
        }
        for moment in transitions {
            let before = zone.secondsFromGMT(for: moment.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: moment)
            let kind = zone.isDaylightSavingTime(for: moment) ? "DAYLIGHT" : "STANDARD"
            // The observance starts at the local time on the clock before the change.
            lines += ["BEGIN:" + kind,
                      "DTSTART:" + localDateTime(moment, in: zone, offset: before),
                      "TZOFFSETFROM:" + offsetText(before), "TZOFFSETTO:" + offsetText(after),
                      "TZNAME:" + withoutControls(name(zone, moment, daylight: kind == "DAYLIGHT") ?? kind),
                      "END:" + kind]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// The zone's abbreviation at `date`: the one the system's zone data gives (CET, PDT), else
    /// Foundation's ("GMT+4" where the data has only "+04").
    private static func name(_ zone: TimeZone, _ date: Date, daylight: Bool) -> String? {
        ZoneAbbreviation.name(of: zone.identifier, at: date, daylight: daylight) ?? zone.abbreviation(for: date)
    }

    /// `+0100`, `-0530`.
    private static func offsetText(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        let hours = minutes / 60
        return (seconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + (minutes % 60 < 10 ? "0" : "") + String(minutes % 60)
    }

    /// `YYYYMMDDTHHMMSS` in `zone` (or at a fixed `offset` in seconds), whole seconds.
    private static func localDateTime(_ date: Date, in zone: TimeZone, offset: Int? = nil) -> String {
        let shifted = date.addingTimeInterval(TimeInterval(offset ?? zone.secondsFromGMT(for: date)))
        return String(utcDateTime(shifted).dropLast())
    }

    /// Escapes a TEXT value: backslash, semicolon and comma get a backslash, line ends
    /// become `\n`, other control characters (except tab) are dropped.
    /// - Complexity: O(*n*) in the length of `text`.
    static func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if !isControl(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Splits a content line into chunks of at most 75 octets (continuations start with
    /// one space, which counts), never inside a UTF-8 character; joined with CRLF.
    /// - Complexity: O(*n*) in the length of `line`.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count + bytes.count / 37 + 3)
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Step back over UTF-8 continuation bytes (10xxxxxx) so a character stays whole.
            while end < bytes.count, end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { folded += [0x0D, 0x0A, 0x20] }
            folded.append(contentsOf: bytes[start..<end])
            start = end
            limit = 74
        }
        return String(decoding: folded, as: UTF8.self)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func withoutControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    /// `;CN="…"` with RFC 6868 escapes (`^^`, `^'`, `^n`), or nothing for a missing name.
    private static func nameParameter(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "" }
        var value = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "^": value += "^^"
            case "\"": value += "^'"
            case "\n": value += "^n"
            default: if !isControl(scalar) { value.unicodeScalars.append(scalar) }
            }
        }
        return ";CN=\"" + value + "\""
    }

    private static func mailto(_ address: String) -> String {
        var bare = withoutControls(address).trimmingCharacters(in: .whitespaces)
        if bare.lowercased().hasPrefix("mailto:") { bare = String(bare.dropFirst(7)) }
        return "mailto:" + bare
    }

    /// `YYYYMMDDTHHMMSSZ` for `date` (whole seconds, truncated).
    private static func utcDateTime(_ date: Date) -> String {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.year, 4) + padded(parts.month, 2) + padded(parts.day, 2) + "T"
            + padded(parts.hour, 2) + padded(parts.minute, 2) + padded(parts.second, 2) + "Z"
    }
}
