import Foundation

/// When a form export's row was submitted, from its timestamp column ("Timestamp" in Google
/// Forms, "Completion time" in Microsoft Forms, "Submitted At" in Typeform), as a key that
/// orders the rows of one export. The zone is not read: one export writes every row in one.
enum SubmissionTime {
    /// The headers of timestamp columns, best first.
    static let headers = ["completion time", "submitted at", "timestamp", "submit date", "last modified time", "start time"]

    /// One sortable key per cell (nil where the cell is no date and time). Day-first or
    /// month-first ("3/11/2026") is decided for the whole column: day-first when some cell's
    /// first number is over 12, month-first when some cell's second one is. When no cell tells,
    /// such dates get no key, and the rows keep the export's own order.
    static func keys(_ cells: [String]) -> [Int64?] {
        let parsed = cells.map(numbers)
        let dayFirst = parsed.contains { parts in parts.map { !$0.yearFirst && $0.values[0] > 12 } ?? false }
        let monthFirst = parsed.contains { parts in parts.map { !$0.yearFirst && $0.values[1] > 12 } ?? false }
        return parsed.map { parts in
            guard let parts, parts.yearFirst || dayFirst || monthFirst else { return nil }
            var v = parts.values
            let (year, month, day): (Int, Int, Int)
            if parts.yearFirst {
                (year, month, day) = (v[0], v[1], v[2])
            } else {
                (year, month, day) = (v[2] < 100 ? v[2] + 2000 : v[2], dayFirst ? v[1] : v[0], dayFirst ? v[0] : v[1])
            }
            if parts.pm && v[3] < 12 { v[3] += 12 }
            if parts.am && v[3] == 12 { v[3] = 0 }
            guard (1...12).contains(month), (1...31).contains(day), v[3] < 24, v[4] < 60 else { return nil }
            return Int64(year) * 10_000_000_000 + Int64(month) * 100_000_000 + Int64(day) * 1_000_000
                + Int64(v[3]) * 10_000 + Int64(v[4]) * 100 + Int64(v[5])
        }
    }

    private struct Parts {
        /// The three date numbers as written, then hour, minute, second.
        var values: [Int]
        var yearFirst: Bool
        var am: Bool
        var pm: Bool
    }

    private static func numbers(_ cell: String) -> Parts? {
        let text = cell.lowercased()
        var values: [Int] = []
        var current = ""
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                values.append(Int(current) ?? 0)
                current = ""
            }
            if values.count == 6 { break }
        }
        if !current.isEmpty && values.count < 6 { values.append(Int(current) ?? 0) }
        guard values.count >= 5 else { return nil }
        if values.count == 5 { values.append(0) }
        let yearFirst = values[0] > 31
        let compact = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ".", with: "")
        return Parts(values: Array(values.prefix(6)), yearFirst: yearFirst,
                     am: compact.contains("am") && !compact.contains("pm"), pm: compact.contains("pm"))
    }
}
