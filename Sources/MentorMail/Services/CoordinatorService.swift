import Foundation
import GRDB
import Mail

/// Coordinators' mail: form exports, decisions on proposals, and the confirmation round trip
/// for commands our mail server did not vouch for.
struct CoordinatorService {
    let work: Work

    /// What a held coordinator command asked for.
    enum Command {
        case importing, approving, rejecting
    }

    /// Imports the export a coordinator sent and answers with the report.
    func performImport(_ message: Message, _ inbound: Inbound) throws -> Outcome {
        let mail: ImportReportMail
        var note: String?
        do {
            guard let (export, source) = try CoordinatorMail.formExport(in: message, headerMap: work.config.enrollment.importHeaders) else {
                throw MentorMailError(.data, "the message holds no CSV attachment or table")
            }
            let report = try EnrollmentService(work: work).importRows(export, source: "\(source) from \(inbound.sender.normalized)")
            mail = Self.reportMail(report)
            note = "imported: \(report.added.count) added, \(report.updated.count) updated, \(report.skipped.count) skipped, \(report.rejected.count) rejected"
        } catch let error as MentorMailError {
            mail = Self.reportMail(ImportReport(source: ""), failure: error.message)
            note = "import failed: \(error.message)"
        }
        try inbound.answer(mail, in: work)
        return Outcome(.answered, note)
    }

    static func reportMail(_ report: ImportReport, failure: String? = nil) -> ImportReportMail {
        var mail = ImportReportMail(
            failure: failure, source: report.source,
            added: report.added, addedCount: report.added.count,
            updated: report.updated, updatedCount: report.updated.count,
            unchangedCount: report.unchanged.count,
            rejected: report.rejected.map { .init(row: $0.row, email: $0.email ?? "(none)", reasons: $0.reasonsText) },
            rejectedCount: report.rejected.count, hasRejected: !report.rejected.isEmpty,
            ignoredColumns: report.ignoredColumns.joined(separator: ", "), hasIgnoredColumns: !report.ignoredColumns.isEmpty,
            malformed: report.malformed.map { .init(line: $0.line, reason: $0.reason) }, hasMalformed: !report.malformed.isEmpty)
        mail.notes = report.notes
        mail.hasNotes = !report.notes.isEmpty
        mail.skipped = report.skipped
        mail.skippedCount = report.skipped.count
        mail.hasSkipped = !report.skipped.isEmpty
        return mail
    }

    /// A coordinator command that our mail server did not vouch for: nothing is done; the
    /// coordinator address gets a polite refusal with a code to confirm it was really them.
    func holdForConfirmation(_ command: Command, reason why: SenderVerification.Unverified, _ inbound: Inbound) throws -> Outcome {
        let reason = why.description
        let token = ConfirmationToken.make()
        var pending = PendingToken(token: token, purpose: .coordinatorConfirmation, email: inbound.sender.normalized,
                                   payload: String(inbound.recordID), createdAt: work.now,
                                   expiresAt: work.now.addingTimeInterval(3 * 86_400), usedAt: nil)
        try pending.insert(work.db)
        if let id = pending.id { try work.jobs.schedule(.confirmationExpiry, subjectID: id, at: pending.expiresAt, key: "confirmation-expiry:\(id)") }
        try work.audit.record(inbound.sender.normalized, "coordinator-unverified", reason)
        try inbound.answer(CoordinatorConfirmMail(subject: inbound.message.subject ?? "", importing: command == .importing ? true : nil,
                                                  approving: command == .approving ? true : nil,
                                                  rejecting: command == .rejecting ? true : nil, unverified: why, token: token,
                                                  expires: MailDate.day(pending.expiresAt)),
                           in: work, about: .token(pending.id))
        return Outcome(.waiting, "waiting for the confirmation code \(token): \(reason)")
    }

    /// The expiry job of a confirmation code: a coordinator's command still waiting for it is
    /// held, so it does not wait forever unseen, and the digest says nothing was done; a
    /// participant's request to leave lets go of the mail kept back while it waited.
    func expireConfirmation(tokenID: Int64) throws {
        guard let pending = try PendingToken.fetchOne(work.db, key: tokenID), pending.usedAt == nil else { return }
        // A participant's request to leave that got no "yes": what was kept back meanwhile goes.
        if pending.purpose == .commandConfirmation {
            let released = try work.outbox.releaseKeptWhileLeaving(pending.token)
            if !released.isEmpty {
                try work.audit.record(pending.email, "command-expired", "\(pending.token): released outbox "
                                      + released.map { String($0.id ?? 0) }.joined(separator: ", "))
            }
            return
        }
        guard let inboundID = Int64(pending.payload), var waiting = try InboundMessage.fetchOne(work.db, key: inboundID),
              waiting.disposition == .waiting, waiting.resolvedAt == nil else { return }
        waiting.disposition = .held
        waiting.note = "the confirmation code \(pending.token) expired on \(Work.day(pending.expiresAt)) without an answer from "
            + "\(pending.email): nothing was done (send the command again to get a new code)"
        waiting.digestedAt = nil
        try waiting.update(work.db)
        try HeldMailService(work: work).scheduleDigest(key: "expired:\(tokenID)")
        try work.audit.record(pending.email, "coordinator-code-expired", pending.token)
    }

    /// The coordinator confirmed a held command: carry it out now, and mark the held one handled.
    func performConfirmed(heldInboundID payload: String, _ inbound: Inbound) throws -> Outcome {
        guard let id = Int64(payload), var held = try InboundMessage.fetchOne(work.db, key: id),
              let message = try AppDatabase.message(work.db, inboundID: id) else {
            return try HeldMailService(work: work).hold(inbound, reason: "the confirmed message is no longer stored", acknowledge: false)
        }
        try work.audit.record(inbound.sender.normalized, "coordinator-confirmed", "message \(id)")
        held.resolvedAt = work.now
        held.resolution = "confirmed by \(inbound.sender.normalized)"
        try held.update(work.db)
        switch Intake(config: work.config).classify(message).intent {
        case .coordinatorDecision(let approve, let proposal, _):
            return try performDecision(approve: approve, proposal: proposal, inbound, text: MailReading.reply(of: message))
        default:
            return try performImport(message, inbound)
        }
    }

    /// A coordinator answered a proposal without a clear APPROVE or REJECT: nothing is decided,
    /// and the answer says how to decide (or that it was decided already). Nil when no stored
    /// proposal has that code or id.
    func answerUnclearDecision(_ reference: ProposalReference, _ inbound: Inbound) throws -> Outcome? {
        guard let proposal = try MatchingService.proposal(reference, db: work.db),
              let round = try Round.fetchOne(work.db, key: proposal.roundID) else { return nil }
        var mail = MatchDecisionMail(round: round.name, token: proposal.token)
        if proposal.status == .proposed {
            mail.unclear = true
        } else {
            mail.alreadyDecided = true
            mail.status = proposal.status.rawValue
        }
        try inbound.answer(mail, in: work, about: .proposal(proposal.id))
        return Outcome(.answered, "no clear APPROVE or REJECT for \(proposal.token) (\(proposal.status.rawValue)): told how to decide")
    }

    /// A command line by mail ("round open 2027-Q1 --closes …"): kept for a person as other
    /// coordinator mail is, and answered with what works by mail and the line to run.
    /// A command that does not exist ("mentormail staus") is answered the same, with the one
    /// meant ("did you mean `mentormail status`?"), or the commands there are.
    func answerCommandLine(_ line: String, _ inbound: Inbound) throws -> Outcome {
        var mail = MatchDecisionMail(token: "", serverCommand: line)
        if let unknown = CommandLineWords.unknownCommand(in: line) {
            mail.unknownCommand = unknown.word
            mail.didYouMean = unknown.meant
            mail.serverCommand = unknown.meant ?? "mentormail --help"
            if unknown.meant == nil { mail.commands = CommandLineWords.commands.sorted().joined(separator: ", ") }
        }
        try inbound.answer(mail, in: work)
        let reason = "mail from a coordinator that is not a command (APPROVE/REJECT with a code, or a form export); "
            + "told to run on the server: \(mail.serverCommand ?? line)"
            + (mail.unknownCommand.map { " (there is no command \"\($0)\")" } ?? "")
        return try HeldMailService(work: work).hold(inbound, reason: reason, acknowledge: false)
    }

    /// APPROVE or REJECT from a verified (or confirmed) coordinator, answered with what was done.
    /// `text`: what the coordinator wrote (by default the new text of `inbound`), where a REJECT's reason is.
    func performDecision(approve: Bool, proposal: ProposalReference, _ inbound: Inbound, text: String? = nil) throws -> Outcome {
        let reason = approve ? nil : Intake.rejectReason(in: text ?? inbound.newText)
        let result = try MatchingService(work: work).decide(approve ? .approve : .reject, proposal: proposal,
                                                            by: inbound.sender.normalized, reason: reason)
        try inbound.answer(result.mail, in: work, about: .proposal(result.proposalID))
        return Outcome(.answered, result.summary)
    }
}
