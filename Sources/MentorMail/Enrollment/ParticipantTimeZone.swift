import Foundation

/// A participant's time zone: an IANA zone when we know one (so daylight saving time is
/// followed), otherwise a fixed offset from UTC.
public enum ParticipantTimeZone: Sendable, Hashable, Codable {
    /// An IANA tz database identifier such as "Europe/Madrid".
    case named(String)
    /// A fixed offset east of UTC in minutes (UTC+05:30 is 330).
    case fixedOffset(minutes: Int)

    /// The IANA identifier, when there is one.
    public var identifier: String? {
        if case .named(let identifier) = self { return identifier }
        return nil
    }

    /// Foundation's zone for this value; nil only for an identifier this system does not know.
    public var timeZone: TimeZone? {
        switch self {
        case .named(let identifier): TimeZone(identifier: identifier)
        case .fixedOffset(let minutes): TimeZone(secondsFromGMT: minutes * 60)
        }
    }

    /// The offset from UTC in minutes at `date`, following daylight saving time for named zones.
    public func utcOffsetMinutes(at date: Date) -> Int {
        switch self {
        case .named:
            (timeZone?.secondsFromGMT(for: date) ?? 0) / 60
        case .fixedOffset(let minutes):
            minutes
        }
    }

    /// How the zone is stored and shown: "Europe/Madrid" or "UTC+05:30".
    public var label: String {
        switch self {
        case .named(let identifier): identifier
        case .fixedOffset(let minutes): Self.offsetLabel(minutes)
        }
    }

    /// The label with the offset at `date`: "Europe/Madrid (UTC+01:00 now)".
    public func summary(at date: Date) -> String {
        switch self {
        case .named(let identifier):
            "\(identifier) (\(Self.offsetLabel(utcOffsetMinutes(at: date))) now)"
        case .fixedOffset(let minutes):
            Self.offsetLabel(minutes)
        }
    }

    /// "UTC+01:00", "UTC-05:30", "UTC+00:00".
    public static func offsetLabel(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let hours = abs(minutes) / 60
        let rest = abs(minutes) % 60
        return "UTC" + sign + (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
