import Foundation

/// A day of the year such as "04-15", for the round calendar.
public struct MonthDay: Sendable, Equatable {
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    /// The first of these days (UTC) that has not ended at `date`: on an opening day itself,
    /// that day, since its round has not been opened yet when this is asked.
    public static func next(after date: Date, among days: [MonthDay]) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let year = calendar.component(.year, from: date)
        let candidates = (year...(year + 1)).flatMap { year in
            days.compactMap { calendar.date(from: DateComponents(year: year, month: $0.month, day: $0.day)) }
        }
        return candidates.filter { $0.addingTimeInterval(86_400) > date }.min()
    }
}
