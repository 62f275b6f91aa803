import Foundation
import GRDB
import Mail

/// Turns an intent into state changes and queued mail, inside the caller's transaction.
struct Workflow {
    let config: Config
    let templates: TemplateLibrary
    let now: Date

    /// What one inbound message led to.
    struct Outcome {
        var disposition: InboundMessage.Disposition
        var note: String?
        var queued: [OutboxMessage] = []
    }

    /// Applies `intent` for `message` (already recorded as `inbound`) in `db`.
    func apply(_ intent: Intent, message: Message, inbound: InboundMessage, db: Database) throws -> Outcome {
        guard let sender = message.from else {
            return Outcome(disposition: .quarantined, note: "no sender")
        }
        let answer = Answer(workflow: self, message: message, sender: sender, inboundID: inbound.id, db: db)
        switch intent {
        case .signUpRequest:
            let values = answer.values(["person": ["name": sender.name ?? ""]])
            let queued = try answer.send("signup-form", purpose: "signup-form", values: values,
                                         fallbackSubject: "Sign up for \(config.program.name)")
            try audit(db, actor: sender.normalized, action: "signup-form-sent", detail: "answered \(message.messageID ?? "a message without Message-ID")")
            return Outcome(disposition: .answered, queued: [queued])
        case .profile(let form):
            return try receiveProfile(form, answer: answer)
        case .participantCommand(let command):
            return try applyCommand(command, answer: answer)
        case .confirmation(let token):
            return try confirm(token: token, answer: answer)
        case .coordinatorImport(.verified(let method)):
            try audit(db, actor: sender.normalized, action: "coordinator-verified", detail: method)
            return try performImport(from: message, answer: answer)
        case .coordinatorImport(.unverified(let reason)):
            return try holdForConfirmation(reason: reason, what: "to import a form export", inboundID: inbound.id, answer: answer)
        case .coordinatorDecision(let approve, _, .unverified(let reason)):
            return try holdForConfirmation(reason: reason, what: approve ? "to approve a round's matches" : "to reject a round's matches",
                                           inboundID: inbound.id, answer: answer)
        case .coordinatorDecision(let approve, let token, .verified(let method)):
            try audit(db, actor: sender.normalized, action: "coordinator-verified", detail: method)
            return try performDecision(approve: approve, token: token, answer: answer)
        case .help:
            let person = try AppDatabase.findParticipant(db, email: sender.normalized)
            let values = answer.values(["person": ["name": person?.profile.name ?? sender.name ?? ""],
                                        "status": person?.status.rawValue ?? "unknown"])
            let queued = try answer.send("help", purpose: "help", values: values, fallbackSubject: "Your message to \(config.program.name)")
            try audit(db, actor: sender.normalized, action: "not-understood", detail: "answered with help; kept for the coordinators")
            return Outcome(disposition: .quarantined, note: "not understood: answered with help, kept for the coordinators", queued: [queued])
        case .ignore(let reason):
            return Outcome(disposition: .ignored, note: reason)
        case .quarantine(let reason):
            try audit(db, actor: sender.normalized, action: "quarantined", detail: reason)
            return Outcome(disposition: .quarantined, note: reason)
        }
    }

    var programValues: [String: Any] {
        [
            "name": config.program.name,
            "address": config.program.address,
            "coordinators": config.program.coordinators.joined(separator: ", "),
        ]
    }

    /// Queues a templated message. Answers thread under `answering` and are marked
    /// auto-replied; others (scheduled mail) are auto-generated.
    func queue(template: String, purpose: String, to recipients: [MailAddress], values: [String: Any],
               answering message: Message?, inboundID: Int64?, db: Database) throws -> OutboxMessage {
        let rendered = try templates.render(template, values)
        var references = message?.references ?? []
        if let id = message?.messageID, !references.contains(id) { references.append(id) }
        let outgoing = OutgoingMessage(
            from: MailAddress(address: config.program.address, name: config.program.name),
            to: recipients,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            messageID: MessageIDGenerator.make(domain: config.program.domain),
            date: now,
            inReplyTo: message?.messageID,
            references: references,
            autoSubmitted: message == nil ? .autoGenerated : .autoReplied
        )
        var row = OutboxMessage(
            messageID: outgoing.messageID, purpose: purpose, sender: config.program.address,
            recipients: outgoing.recipients.joined(separator: ","), subject: rendered.subject,
            raw: Data(outgoing.render()), inboundID: inboundID, status: .queued, attempts: 0,
            nextAttemptAt: now, lastError: nil, createdAt: now, sentAt: nil)
        try row.insert(db)
        return row
    }

    func audit(_ db: Database, actor: String, action: String, detail: String) throws {
        var entry = AuditEntry(at: now, actor: actor, action: action, detail: detail)
        try entry.insert(db)
    }

    /// "Re: subject", without stacking "Re: Re:".
    static func replySubject(_ subject: String?, fallback: String) -> String {
        guard let subject = subject?.trimmingCharacters(in: .whitespaces), !subject.isEmpty else { return fallback }
        let lowered = subject.lowercased()
        if lowered.hasPrefix("re:") || lowered.hasPrefix("aw:") || lowered.hasPrefix("sv:") { return subject }
        return "Re: \(subject)"
    }

    /// The answer to one inbound message: who it goes to and the values every template shares.
    struct Answer {
        let workflow: Workflow
        let message: Message
        let sender: MailAddress
        let inboundID: Int64?
        let db: Database

        func values(_ extra: [String: Any]) -> [String: Any] {
            var values = extra
            values["program"] = workflow.programValues
            return values
        }

        func send(_ template: String, purpose: String, values: [String: Any], fallbackSubject: String,
                  to recipient: MailAddress? = nil) throws -> OutboxMessage {
            var values = values
            values["replySubject"] = Workflow.replySubject(message.subject, fallback: fallbackSubject)
            return try workflow.queue(template: template, purpose: purpose, to: [recipient ?? sender], values: values,
                                      answering: message, inboundID: inboundID, db: db)
        }
    }
}
