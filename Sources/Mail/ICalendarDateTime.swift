import Foundation

extension ICalendar {
    /// A DATE or DATE-TIME value (DTSTART, DTEND, DTSTAMP, RECURRENCE-ID) as written,
    /// with the instant it denotes when that is knowable.
    public struct DateTime: Sendable, Hashable {
        /// The value exactly as written, e.g. `20240115T180000Z`.
        public var raw: String
        /// The TZID parameter, if any.
        public var timeZoneID: String?
        /// Whether the value ends in `Z` (UTC).
        public var isUTC: Bool
        /// Whether this is a DATE (all-day) value without a time.
        public var isDateOnly: Bool
        /// The instant, for UTC values and for TZIDs that `TimeZone(identifier:)` knows
        /// (also in a `/vendor/…/Region/City` path, or a common Windows zone name);
        /// nil for floating times, dates, unknown zones and malformed values.
        public var date: Date?

        /// Reads `raw` with an optional TZID parameter and VALUE parameter.
        /// - Complexity: O(*n*) in the length of `raw`, plus one time zone lookup.
        public init(raw: String, timeZoneID: String? = nil, valueType: String? = nil) {
            let value = raw.trimmingCharacters(in: .whitespaces)
            self.raw = raw
            self.timeZoneID = timeZoneID
            let parts = Self.components(value)
            isUTC = parts?.isUTC ?? false
            isDateOnly = parts.map { $0.hour == nil } ?? (valueType?.uppercased() == "DATE")
            if let parts, parts.hour != nil {
                if parts.isUTC {
                    date = Self.instant(parts, in: TimeZone(secondsFromGMT: 0))
                } else if let timeZoneID {
                    date = Self.instant(parts, in: Self.timeZone(named: timeZoneID))
                }
            }
        }

        /// The instant this value denotes, reading floating times and dates in `zone`
        /// (dates as midnight); UTC and known-TZID values ignore `zone`.
        /// - Complexity: O(*n*) in the length of `raw`.
        public func date(in zone: TimeZone) -> Date? {
            if let date { return date }
            guard var parts = Self.components(raw.trimmingCharacters(in: .whitespaces)) else { return nil }
            if parts.hour == nil { (parts.hour, parts.minute, parts.second) = (0, 0, 0) }
            return Self.instant(parts, in: zone)
        }

        private struct Parts {
            var year: Int, month: Int, day: Int
            var hour: Int?, minute: Int?, second: Int?
            var isUTC: Bool
        }

        /// `YYYYMMDD` or `YYYYMMDDTHHMMSS[Z]`, with ranges checked; nil otherwise.
        private static func components(_ value: String) -> Parts? {
            let bytes = Array(value.utf8)
            guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var result = 0
                for byte in bytes[range] {
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    result = result * 10 + Int(byte - 0x30)
                }
                return result
            }
            guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
                  (1...12).contains(month), (1...31).contains(day) else { return nil }
            var parts = Parts(year: year, month: month, day: day, isUTC: false)
            if bytes.count == 8 { return parts }
            guard bytes[8] == 0x54 || bytes[8] == 0x74,
                  let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
                  (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            if bytes.count == 16 {
                guard bytes[15] == 0x5A || bytes[15] == 0x7A else { return nil }
                parts.isUTC = true
            }
            (parts.hour, parts.minute, parts.second) = (hour, minute, second)
            return parts
        }

        private static func instant(_ parts: Parts, in zone: TimeZone?) -> Date? {
            guard let zone else { return nil }
            var calendar = Foundation.Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let components = DateComponents(year: parts.year, month: parts.month, day: parts.day,
                                            hour: parts.hour, minute: parts.minute, second: min(parts.second ?? 0, 59))
            guard let date = calendar.date(from: components) else { return nil }
            // Reject days that do not exist (February 30 would otherwise roll over).
            let check = calendar.dateComponents([.year, .month, .day], from: date)
            guard check.year == parts.year, check.month == parts.month, check.day == parts.day else { return nil }
            return date
        }

        /// Common Windows zone names Outlook writes as TZID, mapped as CLDR does.
        private static let windowsZones: [String: String] = [
            "UTC": "UTC", "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "Atlantic/Reykjavik",
            "W. Europe Standard Time": "Europe/Berlin", "Romance Standard Time": "Europe/Paris",
            "Central Europe Standard Time": "Europe/Budapest", "Central European Standard Time": "Europe/Warsaw",
            "E. Europe Standard Time": "Europe/Chisinau", "FLE Standard Time": "Europe/Kiev",
            "GTB Standard Time": "Europe/Bucharest", "Russian Standard Time": "Europe/Moscow",
            "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
            "Mountain Standard Time": "America/Denver", "Pacific Standard Time": "America/Los_Angeles",
            "India Standard Time": "Asia/Calcutta", "China Standard Time": "Asia/Shanghai",
            "Tokyo Standard Time": "Asia/Tokyo", "AUS Eastern Standard Time": "Australia/Sydney",
        ]

        /// The zone for a TZID: an identifier Foundation knows, the `Region/City` end of a
        /// vendor path (`/mozilla.org/20070129_1/Europe/Berlin`), or a Windows name.
        static func timeZone(named tzid: String) -> TimeZone? {
            let name = tzid.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            if let mapped = windowsZones[name] { return TimeZone(identifier: mapped) }
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-.")
            guard !name.isEmpty, name.utf8.count <= 96, !name.contains(".."),
                  name.unicodeScalars.allSatisfy(allowed.contains) else { return nil }
            if let zone = TimeZone(identifier: name) { return zone }
            let path = name.split(separator: "/")
            for count in [3, 2] where path.count > count {
                if let zone = TimeZone(identifier: path.suffix(count).joined(separator: "/")) { return zone }
            }
            return nil
        }
    }
}
