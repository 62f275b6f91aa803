import Foundation
import GRDB

extension AppDatabase {
    /// Every job, newest last.
    public func jobs() throws -> [ScheduledJob] {
        try read { db in try ScheduledJob.order(Column("id")).fetchAll(db) }
    }

    /// Pending jobs due at `now`, in the order they fall due.
    func dueJobs(now: Date) throws -> [ScheduledJob] {
        try read { db in
            try ScheduledJob
                .filter(ScheduledJob.Columns.status == ScheduledJob.Status.pending.rawValue && ScheduledJob.Columns.dueAt <= now)
                .order(ScheduledJob.Columns.dueAt, Column("id"))
                .fetchAll(db)
        }
    }

    /// Marks a job done, in the transaction that did its work.
    static func markJobDone(_ db: Database, id: Int64, at date: Date) throws {
        guard var job = try ScheduledJob.fetchOne(db, key: id) else { return }
        job.status = .done
        job.attempts += 1
        job.doneAt = date
        job.lastError = nil
        try job.update(db)
    }

    /// Records a failed attempt: retried later with back-off, parked as failed after `maxAttempts`.
    func markJobFailed(id: Int64, error: String, at date: Date, maxAttempts: Int) throws {
        try write { db in
            guard var job = try ScheduledJob.fetchOne(db, key: id) else { return }
            job.attempts += 1
            job.lastError = error
            if job.attempts >= maxAttempts {
                job.status = .failed
            } else {
                let minutes = min(360.0, pow(2.0, Double(job.attempts - 1)) * 5)
                job.dueAt = date.addingTimeInterval(minutes * 60)
            }
            try job.update(db)
        }
    }
}
