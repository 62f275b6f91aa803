import Foundation

/// `process` runs refused at start-up (a broken template, a setting the servers need), kept in
/// a small file beside the database (`mentormail.sqlite.refused`): such a run may not be able to
/// open the database, and `status` must still show that nothing has run since. A run that gets
/// going removes it.
public struct RefusedRuns: Codable, Sendable, Equatable {
    /// Refused runs since the last one that started.
    public var count: Int
    /// The first of them.
    public var since: Date
    /// The latest of them.
    public var last: Date
    /// Why the latest was refused.
    public var reason: String

    static func path(database: String) -> String { database + ".refused" }

    /// The runs refused since the last one that started; nil when the last run started.
    public static func read(database: String) -> RefusedRuns? {
        guard let data = FileManager.default.contents(atPath: path(database: database)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(RefusedRuns.self, from: data)
    }

    /// Counts one more refused run. Best effort: a folder that cannot be written is itself
    /// among the reasons a run is refused, and is named on stderr already.
    public static func record(database: String, at now: Date, reason: String) {
        var runs = read(database: database) ?? RefusedRuns(count: 0, since: now, last: now, reason: reason)
        runs.count += 1
        runs.last = now
        runs.reason = reason
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(runs) else { return }
        try? data.write(to: URL(fileURLWithPath: path(database: database)), options: .atomic)
    }

    /// A run started: the refusals are over.
    public static func clear(database: String) {
        try? FileManager.default.removeItem(atPath: path(database: database))
    }
}
