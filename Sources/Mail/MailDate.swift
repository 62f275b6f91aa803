import Foundation

/// RFC 5322 dates: lenient parsing (obsolete syntax included) and formatting.
public enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "bst": 60,
    ]

    /// Parses "Tue, 5 Mar 2024 10:00:00 +0100" and its obsolete and broken variants:
    /// optional weekday and seconds, two- and three-digit years, named and military zones,
    /// comments, extra whitespace, "+01:00" offsets, and ISO 8601 ("2024-03-05T10:00:00Z").
    /// A missing zone means UTC.
    /// - Complexity: O(n).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        if let iso = parseISO(bytes) { return iso }
        var day: Int?, month: Int?, year: Int?, time: (h: Int, m: Int, s: Int)?, offset = 0
        for token in tokens(bytes) {
            guard let first = token.first else { continue }
            if time == nil, token.contains(Byte.colon), isDigit(first) {
                let parts = token.split(separator: Byte.colon, omittingEmptySubsequences: false).map(number)
                guard parts.count >= 2, parts.count <= 3, let h = parts[0], let m = parts[1] else { continue }
                time = (h, m, parts.count == 3 ? (parts[2] ?? 0) : 0)
            } else if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                let digits = token.dropFirst().filter { $0 != Byte.colon }
                guard digits.count == 4, let value = number(digits[...]) else { continue }
                let minutes = value / 100 * 60 + value % 100
                offset = first == UInt8(ascii: "-") ? -minutes : minutes
            } else if let value = number(token) {
                if day == nil, token.count <= 2, value >= 1, value <= 31 { day = value } else if year == nil { year = value }
            } else {
                let lower = String(decoding: token.map(Byte.lower), as: UTF8.self)
                if month == nil, lower.utf8.count >= 3, let m = months.firstIndex(where: { lower.hasPrefix($0) }) {
                    month = m + 1
                } else if let zone = zones[lower] {
                    offset = zone
                }
            }
        }
        guard let day, let month, var year, let (h, m, s) = time, h < 24, m < 60, s <= 60 else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 } else if year < 1000 { year += 1900 }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86400 + h * 3600 + m * 60 + s - offset * 60))
    }

    /// Words separated by blanks and commas, comments dropped.
    private static func tokens(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start: Int?
        var depth = 0
        for (i, b) in bytes.enumerated() {
            let separator = b == Byte.space || b == Byte.tab || b == Byte.cr || b == Byte.lf || b == UInt8(ascii: ",")
            if b == UInt8(ascii: "(") { depth += 1 }
            if depth > 0 || separator {
                if let s = start { result.append(bytes[s..<i]) }
                start = nil
                if b == UInt8(ascii: ")") { depth -= 1 }
                continue
            }
            if start == nil { start = i }
        }
        if let s = start { result.append(bytes[s...]) }
        return result
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A run of 1–9 ASCII digits as a number.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// "2024-03-05T10:00:00Z", "2024-03-05 11:00:00.123 +01:00".
    private static func parseISO(_ b: [UInt8]) -> Date? {
        var start = 0
        while start < b.count, Byte.isWSP(b[start]) { start += 1 }
        let t = Array(b[start...])
        guard t.count >= 19, t[4] == Byte.dash, t[7] == Byte.dash, t[13] == Byte.colon, t[16] == Byte.colon,
              t[10] == UInt8(ascii: "T") || t[10] == Byte.space,
              let y = number(t[0..<4]), let mo = number(t[5..<7]), let d = number(t[8..<10]),
              let h = number(t[11..<13]), let mi = number(t[14..<16]), let s = number(t[17..<19]),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s <= 60
        else { return nil }
        var offset = 0
        let rest = t[19...].drop { $0 == UInt8(ascii: ".") || isDigit($0) || $0 == Byte.space }
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == Byte.dash {
            let digits = rest.dropFirst().filter { $0 != Byte.colon }
            if digits.count == 4, let v = number(digits[...]) { offset = (v / 100 * 60 + v % 100) * (sign == Byte.dash ? -1 : 1) }
        }
        let seconds = daysFromCivil(year: y, month: mo, day: d) * 86400 + h * 3600 + mi * 60 + s - offset * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// "Tue, 05 Mar 2024 10:00:00 +0000" (always UTC).
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(total) / 86400).rounded(.down))
        let secondsOfDay = total - days * 86400
        let (y, m, d) = civilFromDays(days)
        let weekday = weekdays[((days % 7) + 7) % 7]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekday), \(two(d)) \(months[m - 1].capitalized) \(y) \(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60)) +0000"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
