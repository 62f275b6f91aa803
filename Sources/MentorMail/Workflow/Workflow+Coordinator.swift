import Foundation
import GRDB
import Mail

extension Workflow {
    /// Imports the export a coordinator sent and answers with the report.
    func performImport(from message: Message, answer: Answer) throws -> Outcome {
        var values: [String: Any]
        var note: String?
        do {
            guard let (export, source) = try CoordinatorMail.formExport(in: message, headerMap: config.enrollment.importHeaders) else {
                throw MentorMailError(.data, "the message holds no CSV attachment or table")
            }
            let report = try importRows(export, source: "\(source) from \(answer.sender.normalized)", db: answer.db)
            values = importReportValues(report)
        } catch let error as MentorMailError {
            values = ["program": programValues, "failure": error.message]
            note = "import failed: \(error.message)"
        }
        let queued = try answer.send("import-report", purpose: "import-report", values: values,
                                     fallbackSubject: "Import report")
        return Outcome(disposition: .answered, note: note, queued: [queued])
    }

    /// A coordinator's import that our mail server did not vouch for: nothing is done; the
    /// coordinator address gets a polite refusal with a code to confirm it was really them.
    func holdForConfirmation(reason: String, what: String, inboundID: Int64?, answer: Answer) throws -> Outcome {
        guard let inboundID else { throw MentorMailError(.internalError, "the message to hold has no id") }
        let token = ConfirmationToken.make()
        var pending = PendingToken(token: token, purpose: .coordinatorConfirmation, email: answer.sender.normalized,
                                   payload: String(inboundID), createdAt: now, expiresAt: now.addingTimeInterval(3 * 86_400), usedAt: nil)
        try pending.insert(answer.db)
        try audit(answer.db, actor: answer.sender.normalized, action: "coordinator-unverified", detail: reason)
        let queued = try answer.send("coordinator-confirm", purpose: "coordinator-confirm",
                                     values: answer.values(["reason": reason, "token": token, "expires": Self.day(pending.expiresAt),
                                                            "subject": answer.message.subject ?? "(no subject)",
                                                            "what": what]),
                                     fallbackSubject: "Please confirm")
        return Outcome(disposition: .quarantined, note: "held: \(reason); confirmation requested", queued: [queued])
    }

    /// The coordinator confirmed a held message: carry it out now.
    func performConfirmed(heldInboundID payload: String, answer: Answer) throws -> Outcome {
        guard let id = Int64(payload), let held = try InboundMessage.fetchOne(answer.db, key: id), !held.raw.isEmpty else {
            return Outcome(disposition: .quarantined, note: "the confirmed message is no longer stored")
        }
        try audit(answer.db, actor: answer.sender.normalized, action: "coordinator-confirmed", detail: "message \(id)")
        let message = Message(data: held.raw)
        switch Intake(config: config).classify(message) {
        case .coordinatorDecision(let approve, let token, _):
            return try performDecision(approve: approve, token: token, answer: answer)
        default:
            return try performImport(from: message, answer: answer)
        }
    }

    /// APPROVE or REJECT from a verified (or confirmed) coordinator, answered with what was done.
    func performDecision(approve: Bool, token: String, answer: Answer) throws -> Outcome {
        let result = try decide(approve ? .approve : .reject, token: token, by: answer.sender.normalized, db: answer.db)
        let queued = try answer.send("match-decision", purpose: "match-decision",
                                     values: answer.values(["result": result]), fallbackSubject: "Your decision")
        return Outcome(disposition: .answered, note: result, queued: [queued])
    }
}
