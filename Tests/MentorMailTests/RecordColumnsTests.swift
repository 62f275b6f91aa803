import Foundation
import GRDB
@testable import MentorMail
import Testing

/// The records written out column by column write every property Codable would.
@Suite struct RecordColumnsTests {
    func codableKeys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }

    func columns(_ record: some EncodableRecord) throws -> Set<String> { Set(try record.databaseDictionary.keys) }

    @Test func everyPropertyIsAColumn() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var inbound = InboundMessage(mailbox: "INBOX", uidValidity: 1, uid: 2, messageID: "<a@b>", sender: "a@b", subject: "s",
                                     receivedAt: now, intent: "help", disposition: .held, note: "n")
        inbound.id = 1
        (inbound.rule, inbound.reason, inbound.contextKind, inbound.contextTopic, inbound.contextID) = ("r", "r", "k", "t", 3)
        (inbound.resolvedAt, inbound.resolution, inbound.digestedAt, inbound.textFingerprint, inbound.folded) = (now, "x", now, "f", true)
        inbound.contentFingerprint = "c"
        #expect(try columns(inbound) == (try codableKeys(inbound)))
        let outbox = OutboxMessage(id: 1, messageID: "<m@b>", purpose: "help", sender: "p@b", recipients: "a@b", subject: "s",
                                   raw: Data([1]), inboundID: 1, status: .sent, attempts: 1, nextAttemptAt: now, lastError: "e",
                                   createdAt: now, sentAt: now, topicKind: "k", topicID: 2, replacedBy: 3, content: "{}")
        #expect(try columns(outbox) == (try codableKeys(outbox)))
        var audit = AuditEntry(at: now, actor: "a", action: "b", detail: "c")
        audit.id = 1
        #expect(try columns(audit) == (try codableKeys(audit)))
    }
}
