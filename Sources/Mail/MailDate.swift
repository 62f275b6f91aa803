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
        let cleaned = text.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
        if let iso = parseISO(cleaned.trimmedWhitespace) { return iso }
        let tokens = cleaned.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\r" || $0 == "\n" })
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset = 0
        for token in tokens {
            let lower = token.lowercased()
            if time == nil, token.contains(":"), !(token.first == "+" || token.first == "-") {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard parts.count >= 2, parts.count <= 3, let h = parts[0], let m = parts[1] else { continue }
                let s = parts.count == 3 ? (parts[2] ?? 0) : 0
                time = (h, m, s)
            } else if let m = months.firstIndex(where: { lower.hasPrefix($0) }), month == nil, lower.count >= 3, Int(lower) == nil {
                month = m + 1
            } else if (token.first == "+" || token.first == "-"), time != nil {
                let digits = token.dropFirst().filter { $0 != ":" }
                guard digits.count == 4, let value = Int(digits) else { continue }
                let minutes = value / 100 * 60 + value % 100
                offset = token.first == "-" ? -minutes : minutes
            } else if let value = Int(token) {
                if day == nil, month == nil || token.count <= 2, value >= 1, value <= 31, token.count <= 2 { day = value }
                else if year == nil { year = value }
            } else if time != nil, let zone = zones[lower] {
                offset = zone
            }
        }
        guard let day, let month, var year, let (h, m, s) = time, h < 24, m < 60, s <= 60 else { return nil }
        if token2Digit(year) { year += year < 50 ? 2000 : 1900 } else if year < 1000 { year += 1900 }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86400 + h * 3600 + m * 60 + s - offset * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func token2Digit(_ year: Int) -> Bool { year < 100 }

    private static func parseISO(_ text: String) -> Date? {
        guard text.count >= 19, text.first?.isNumber == true, text.contains("T") || text.dropFirst(10).first == " " else { return nil }
        let digits = text.map { $0 }
        func number(_ from: Int, _ length: Int) -> Int? { Int(String(digits[from..<(from + length)])) }
        guard digits[4] == "-", digits[7] == "-", let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
              let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2) else { return nil }
        var offset = 0
        let rest = String(digits[19...]).drop { $0 == "." || $0.isNumber || $0 == " " }
        if let sign = rest.first, sign == "+" || sign == "-" {
            let value = rest.dropFirst().filter { $0 != ":" }
            if value.count == 4, let v = Int(value) { offset = (v / 100 * 60 + v % 100) * (sign == "-" ? -1 : 1) }
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
