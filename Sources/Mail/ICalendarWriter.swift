import Foundation

extension ICalendar {
    /// An invitation (METHOD:REQUEST) for one event, as the text of a `text/calendar`
    /// part: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
    /// character, TEXT values escaped, times in UTC. Every attendee is asked to reply
    /// (`RSVP=TRUE`, `PARTSTAT=NEEDS-ACTION`). Control characters in addresses, names and
    /// the UID are dropped, so no value can start a new line.
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
        stamp: Date,
        productID: String = "-//MentorMail//MentorMail//EN"
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:" + escapeText(productID),
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            "UID:" + escapeText(withoutControls(uid)),
            "DTSTAMP:" + utcDateTime(stamp),
            "DTSTART:" + utcDateTime(start),
            "DTEND:" + utcDateTime(end),
            "SEQUENCE:\(max(sequence, 0))",
            "SUMMARY:" + escapeText(summary),
        ]
        if let description { lines.append("DESCRIPTION:" + escapeText(description)) }
        if let location { lines.append("LOCATION:" + escapeText(location)) }
        lines.append("ORGANIZER" + nameParameter(organizer.name) + ":" + mailto(organizer.address))
        for attendee in attendees {
            lines.append("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE"
                + nameParameter(attendee.name) + ":" + mailto(attendee.address))
        }
        lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
        return lines.map { fold($0) + "\r\n" }.joined()
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
