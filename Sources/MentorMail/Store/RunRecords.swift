import Foundation
import GRDB

/// One `process` run: when, its figures (the JSON `--json` prints), and what it left queued.
public struct RunRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runRecord"

    public var id: Int64?
    public var startedAt: Date
    public var finishedAt: Date
    /// The run's `ProcessReport`, as JSON.
    public var report: String
    public var problems: Int
    /// Outgoing mail still queued when the run ended (a server refused for now: retried later).
    public var stillQueued: Int

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AppDatabase {
    /// Records a finished run; keeps the last 1,000.
    public func recordRun(_ report: ProcessReport, startedAt: Date, finishedAt: Date) throws {
        try write { db in
            let queued = try OutboxMessage.filter(Column("status") == OutboxMessage.Status.queued.rawValue).fetchCount(db)
            let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            var record = RunRecord(startedAt: startedAt, finishedAt: finishedAt, report: json, problems: report.problems.count,
                                   stillQueued: queued)
            try record.insert(db)
            try db.execute(sql: "DELETE FROM runRecord WHERE id <= ?", arguments: [(record.id ?? 0) - 1_000])
        }
    }

    /// Outgoing mail still waiting to go out; with `dueBy`, only what should have gone by then
    /// (not what waits for a later retry).
    public func queuedCount(dueBy: Date? = nil) throws -> Int {
        try read { db in
            var request = OutboxMessage.filter(Column("status") == OutboxMessage.Status.queued.rawValue)
            if let dueBy { request = request.filter(Column("nextAttemptAt") <= dueBy) }
            return try request.fetchCount(db)
        }
    }
}

/// What `mentormail doctor` learns about the database file without changing it.
public struct DatabaseHealth: Sendable, Codable {
    public var exists: Bool
    public var bytes: Int64
    /// `PRAGMA quick_check`: "ok", or what is damaged.
    public var check: String
    /// Schema upgrades the next run applies.
    public var pendingMigrations: [String]
}

extension AppDatabase {
    /// Opens `path` read-only (when it exists) and checks it: nothing is created or upgraded.
    public static func inspect(path: String) throws -> DatabaseHealth {
        guard FileManager.default.fileExists(atPath: path) else {
            return DatabaseHealth(exists: false, bytes: 0, check: "ok", pendingMigrations: migrator.migrations)
        }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
                let applied = try migrator.appliedIdentifiers(db)
                return DatabaseHealth(exists: true, bytes: bytes, check: check,
                                      pendingMigrations: migrator.migrations.filter { !applied.contains($0) })
            }
        } catch {
            throw MentorMailError(.unavailable, "cannot read the database \(path): \(MentorMailError.from(error).message)")
        }
    }
}
