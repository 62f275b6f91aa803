import Foundation
import GRDB
import Mail

/// Mail a person must read: held, failed, or waiting for a confirmation code. It is listed
/// (`mentormail held`), released or retried, and reaches the coordinators in a digest.
struct HeldMailService {
    let work: Work

    /// Holds a message for a coordinator; with `acknowledge`, tells the sender they have it.
    func hold(_ inbound: Inbound, reason: String, acknowledge: Bool) throws -> Outcome {
        if acknowledge {
            let name = inbound.context.participant?.profile.name ?? inbound.sender.name ?? ""
            try inbound.answer(HeldNoticeMail(person: PersonName(name)), in: work)
        }
        try scheduleDigest(for: inbound.recordID)
        try work.audit.record(inbound.sender.normalized, "held", reason)
        return Outcome(.held, reason)
    }

    /// Makes sure a digest goes out with the next run's jobs (one waiting digest at a time
    /// covers everything held until it runs).
    func scheduleDigest(for recordID: Int64) throws {
        guard !work.config.program.coordinators.isEmpty, try !work.jobs.hasPending(.heldDigest) else { return }
        try work.jobs.schedule(.heldDigest, subjectID: recordID, at: work.now, key: "held-digest:\(recordID)")
    }

    /// The digest job: every held or failed message not yet in a digest, to the coordinators.
    /// Sends nothing when nothing new waits.
    func sendDigest() throws {
        let new = try AppDatabase.undigestedAttention(work.db)
        guard !new.isEmpty else { return }
        let open = try AppDatabase.attentionCount(work.db)
        let coordinators = work.config.program.coordinators.map { MailAddress(address: $0) }
        guard !coordinators.isEmpty else { return }
        let items = new.map { record in
            HeldDigestMail.Item(
                id: Int(record.id ?? 0), received: record.receivedAt.formatted(.iso8601),
                sender: record.sender ?? "(no sender)", subject: record.subject ?? "(no subject)",
                disposition: record.disposition.rawValue, failed: record.disposition == .failed,
                reason: record.note ?? record.reason ?? "", context: record.context?.description,
                excerpt: Self.excerpt(of: record))
        }
        try work.outbox.send(HeldDigestMail(items: items, newCount: items.count, openCount: open, olderCount: open - items.count,
                                            hasOlder: open > items.count),
                             to: coordinators)
        try AppDatabase.markDigested(work.db, ids: new.compactMap(\.id), at: work.now)
        try work.audit.record("scheduler", "held-digest", "\(items.count) new, \(open) waiting")
    }

    /// The first lines of what the person wrote (the new text of the reply), each cut short.
    static func excerpt(of record: InboundMessage, lines: Int = 8, width: Int = 160) -> [String] {
        guard !record.raw.isEmpty else { return ["(the message's text is no longer stored)"] }
        let text = MailReading.reply(of: Message(data: record.raw)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return ["(no text)"] }
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept = all.prefix(lines).map { $0.count > width ? String($0.prefix(width)) + " …" : String($0) }
        if all.count > lines { kept.append("…") }
        return kept
    }
}
