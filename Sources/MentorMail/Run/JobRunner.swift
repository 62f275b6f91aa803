import Foundation
import Logging

/// The scheduled-work phase of a run: every job due at `now`, each in its own transaction
/// together with the mail it queues and its `done` mark.
struct JobRunner {
    let program: Program
    let now: Date
    let logger: Logger
    var faults = FaultInjection()
    /// Attempts before a job is parked as failed.
    var maxAttempts = 5

    /// Runs what is due, then what those jobs made due (a digest after a check-in's last look),
    /// a few passes at most; a job that failed waits for its next try. Then invites the people
    /// who joined since an upcoming event's invitations went out.
    /// `except`: kinds left for a later pass of the same run (the digest, after the sending).
    func runDue(into report: inout ProcessReport, except: Set<ScheduledJob.Kind> = []) {
        defer { inviteLateJoiners(into: &report) }
        var done: Set<Int64> = []
        for _ in 0..<4 {
            let due: [ScheduledJob]
            do {
                due = try program.database.dueJobs(now: now).filter { job in
                    !done.contains(job.id ?? -1) && !(ScheduledJob.Kind(rawValue: job.kind).map(except.contains) ?? false)
                }
            } catch {
                let message = "could not read the scheduled jobs: \(ErrorText.describe(error))"
                logger.error("\(message)")
                report.problems.append(message)
                return
            }
            guard !due.isEmpty else { return }
            logger.info("\(due.count) scheduled job(s) due")
            run(due, into: &report)
            done.formUnion(due.compactMap(\.id))
        }
    }

    /// One transaction: an error is reported and the run goes on (the next run tries again).
    private func inviteLateJoiners(into report: inout ProcessReport) {
        do {
            _ = try program.perform(at: now) { work in try EventService(work: work).inviteLateJoiners() }
        } catch {
            let message = "could not invite those who joined since an event's invitations: \(ErrorText.describe(error))"
            logger.error("\(message)")
            report.problems.append(message)
        }
    }

    private func run(_ due: [ScheduledJob], into report: inout ProcessReport) {
        for job in due {
            guard let id = job.id else { continue }
            do {
                try program.perform(at: now) { work in
                    try Self.run(job, work: work)
                    try AppDatabase.markJobDone(work.db, id: id, at: now)
                }
                report.jobsRun += 1
                logger.info("job \(id) (\(job.kind)) done")
                faults.reached(.afterJob)
            } catch {
                let message = "job \(id) (\(job.kind)) failed: \(ErrorText.describe(error))"
                logger.error("\(message)")
                report.jobFailures += 1
                report.problems.append(message)
                do {
                    try program.database.markJobFailed(id: id, error: ErrorText.describe(error), at: now, maxAttempts: maxAttempts)
                } catch {
                    logger.error("could not record the failure of job \(id): \(ErrorText.describe(error))")
                }
            }
        }
    }

    private static func subject(of job: ScheduledJob) throws -> Int64 {
        guard let id = job.subjectID else { throw MentorMailError(.internalError, "job \(job.uniqueKey) has no subject") }
        return id
    }

    /// The one place that sends each kind of job to its service.
    static func run(_ job: ScheduledJob, work: Work) throws {
        switch ScheduledJob.Kind(rawValue: job.kind) {
        case .heldDigest?:
            try HeldMailService(work: work).sendDigest()
        case .checkinSurvey?:
            try CheckinService(work: work).sendSurveys(mentorshipID: try subject(of: job))
        case .checkinReminder?:
            try CheckinService(work: work).sendReminders(mentorshipID: try subject(of: job))
        case .checkinSilence?:
            try CheckinService(work: work).reportSilence(mentorshipID: try subject(of: job))
        case .checkinGraduation?:
            try CheckinService(work: work).graduateUnlessContinued(mentorshipID: try subject(of: job))
        case .graduationWords?:
            guard let side = CheckinService.side(ofGraduationWordsKey: job.uniqueKey) else {
                throw MentorMailError(.internalError, "job \(job.uniqueKey) names no side of the pair")
            }
            try CheckinService(work: work).graduateFromWords(mentorshipID: try subject(of: job), askedBy: side)
        case .eventInvitations?:
            try EventService(work: work).sendInvitations(eventID: try subject(of: job))
        case .eventUpdate?:
            try EventService(work: work).sendUpdate(eventID: try subject(of: job))
        case .eventCancel?:
            try EventService(work: work).sendCancellations(eventID: try subject(of: job))
        case .eventGroups?:
            try EventService(work: work).formGroupsWhenDue(eventID: try subject(of: job))
        case .confirmationExpiry?:
            try CoordinatorService(work: work).expireConfirmation(tokenID: try subject(of: job))
        case nil:
            throw MentorMailError(.internalError, "unknown job kind \(job.kind) (written by a newer mentormail?)")
        }
    }
}
