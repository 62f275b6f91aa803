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
        switch intent {
        case .signUpRequest:
            guard let sender = message.from else {
                return Outcome(disposition: .quarantined, note: "no sender")
            }
            let values: [String: Any] = [
                "program": programValues,
                "person": ["name": sender.name ?? ""],
                "replySubject": Self.replySubject(message.subject, fallback: "Sign up for \(config.program.name)"),
            ]
            let queued = try queueAnswer(template: "signup-form", purpose: "signup-form", to: sender,
                                         values: values, answering: message, inboundID: inbound.id, db: db)
            try audit(db, actor: sender.normalized, action: "signup-form-sent", detail: "answered \(message.messageID ?? "a message without Message-ID")")
            return Outcome(disposition: .answered, queued: [queued])
        case .ignore(let reason):
            return Outcome(disposition: .ignored, note: reason)
        case .quarantine(let reason):
            try audit(db, actor: message.from?.normalized ?? "unknown", action: "quarantined", detail: reason)
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

    /// Queues a templated answer to `message`, threaded under it and marked auto-replied.
    func queueAnswer(template: String, purpose: String, to recipient: MailAddress, values: [String: Any],
                     answering message: Message, inboundID: Int64?, db: Database) throws -> OutboxMessage {
        let rendered = try templates.render(template, values)
        var references = message.references
        if let id = message.messageID, !references.contains(id) { references.append(id) }
        let outgoing = OutgoingMessage(
            from: MailAddress(address: config.program.address, name: config.program.name),
            to: [recipient],
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            messageID: MessageIDGenerator.make(domain: config.program.domain),
            date: now,
            inReplyTo: message.messageID,
            references: references,
            autoSubmitted: .autoReplied
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
}
