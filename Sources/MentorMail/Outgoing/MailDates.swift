import Foundation

/// A value a mail carries that is put in words only when its template is rendered, in the
/// language of the template actually used: a mail that a translation lacks goes out in English,
/// and so do its dates. Templates see the words as a text.
protocol MailWording: Sendable {
    /// The value in words for the templates of `language` ("es", "pt-br"; nil: the main, English ones).
    func words(language: String?) -> String
    /// A value of the type, for the template catalog's samples.
    static var sample: Self { get }
}

/// A day, or a moment, as mail says it: "January 15, 2027"; in an event's zone with its weekday,
/// "Sunday, October 25, 2026", or with the clock and the zone, "Monday, October 25, 2027, 07:30
/// (Europe/Berlin)"; or the clock alone, "09:00".
public struct MailDate: Codable, Sendable, Equatable, MailWording {
    public enum Day: String, Codable, Sendable {
        /// No day: the clock alone.
        case none
        /// "January 15, 2027".
        case long
        /// "Sunday, October 25, 2026".
        case weekday
    }

    public var date: Date
    /// The zone it is said in ("Europe/Berlin").
    public var timeZone: String
    public var day: Day
    /// The clock time follows the day: ", 07:30".
    public var clock: Bool
    /// The zone follows, in parentheses.
    public var showsZone: Bool

    /// A day, said in UTC: "January 15, 2027". The program's days (a code's last day, a round's
    /// closing) are kept in UTC.
    static func day(_ date: Date) -> MailDate {
        MailDate(date: date, timeZone: "UTC", day: .long, clock: false, showsZone: false)
    }

    /// The day with its weekday in `timeZone`: "Sunday, October 25, 2026".
    static func weekday(_ date: Date, in timeZone: String) -> MailDate {
        MailDate(date: date, timeZone: timeZone, day: .weekday, clock: false, showsZone: false)
    }

    /// The clock time in `timeZone`, after the day with its weekday when `day`, then the zone
    /// when `showsZone`: "Monday, October 25, 2027, 07:30 (Europe/Berlin)".
    static func moment(_ date: Date, in timeZone: String, day: Bool = true, showsZone: Bool = false) -> MailDate {
        MailDate(date: date, timeZone: timeZone, day: day ? .weekday : .none, clock: true, showsZone: showsZone)
    }

    static let sample = MailDate.day(Date(timeIntervalSince1970: 1_800_000_000))

    func words(language: String?) -> String {
        let zone = MailTime.zone(timeZone)
        var parts: [String] = []
        if day != .none {
            parts.append(date.formatted(Date.FormatStyle(date: day == .long ? .long : .complete, time: .omitted,
                                                         locale: Locale(identifier: language ?? "en_US"), timeZone: zone)))
        }
        if clock { parts.append(MailTime.clock(date, zone)) }
        return parts.joined(separator: ", ") + (showsZone ? " (\(timeZone))" : "")
    }
}

/// A span of time on one day in a zone, as mail says it: "07:30–09:00" (the zone is said apart).
public struct MailTimeSpan: Codable, Sendable, Equatable, MailWording {
    public var start: Date
    public var end: Date
    public var timeZone: String

    static let sample = MailTimeSpan(start: MailDate.sample.date, end: MailDate.sample.date.addingTimeInterval(5_400), timeZone: "UTC")

    func words(language: String?) -> String {
        let zone = MailTime.zone(timeZone)
        return MailTime.clock(start, zone) + "–" + MailTime.clock(end, zone)
    }
}

enum MailTime {
    /// The zone named `identifier`; UTC when it names none.
    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// "07:30" in `zone`: the 24-hour clock, the same in every language.
    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// `values` as a template of `language` reads them: each ``MailWording`` put in words.
    static func worded(_ value: Any, language: String?) -> Any {
        switch value {
        case let worded as any MailWording: worded.words(language: language)
        case let dictionary as [String: Any]: dictionary.mapValues { worded($0, language: language) }
        case let list as [Any]: list.map { worded($0, language: language) }
        default: value
        }
    }
}
