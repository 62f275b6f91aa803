import Foundation
import GRDB

/// A coordinator's command by mail that our mail server did not vouch for, waiting for the
/// confirmation code we mailed back (`status` lists them under the round).
public struct WaitingConfirmation: Codable, Sendable {
    /// The coordinator who must answer.
    public var email: String
    /// What the command asks: approve, reject or import.
    public var asks: String
    /// The proposal an approval or rejection names, and its round, when it is still stored.
    public var proposal: String?
    public var round: String?
    public var receivedAt: Date
    public var expiresAt: Date
    /// The held message (`mentormail held show ID`).
    public var message: Int64
    /// What a coordinator can do about it.
    public var todo: String
}

public enum WaitingConfirmations {
    /// Commands still waiting for their coordinator's confirmation code, oldest first. A code
    /// past its day is left out: the next run's expiry job holds the command for the digest.
    public static func read(_ database: AppDatabase, config: Config, now: Date) throws -> [WaitingConfirmation] {
        let intake = Intake(config: config)
        return try database.read { db in
            try PendingToken
                .filter(Column("purpose") == PendingToken.Purpose.coordinatorConfirmation.rawValue && Column("usedAt") == nil
                        && Column("expiresAt") > now)
                .order(Column("id")).fetchAll(db)
                .compactMap { pending -> WaitingConfirmation? in
                    guard let id = Int64(pending.payload), let inbound = try InboundMessage.fetchOne(db, key: id),
                          inbound.disposition == .waiting, inbound.resolvedAt == nil else { return nil }
                    var entry = WaitingConfirmation(email: pending.email, asks: "import", proposal: nil, round: nil,
                                                    receivedAt: inbound.receivedAt, expiresAt: pending.expiresAt, message: id,
                                                    todo: "")
                    var decision: (approve: Bool, ProposalReference)?
                    if let message = try AppDatabase.message(db, inboundID: id),
                       case .coordinatorDecision(let approve, let reference, _) = intake.classify(message).intent {
                        decision = (approve, reference)
                    }
                    let code = "to carry it out they answer our mail that asked for the code"
                    if let (approve, reference) = decision {
                        entry.asks = approve ? "approve" : "reject"
                        let proposal = try MatchingService.proposal(reference, db: db)
                        entry.proposal = proposal?.token ?? {
                            if case .token(let token) = reference { return token } else { return nil }
                        }()
                        entry.round = try proposal.flatMap { try Round.fetchOne(db, key: $0.roundID) }?.name
                        entry.todo = code + (entry.round.map { ", or decide here: mentormail round \(entry.asks) \($0)" } ?? "")
                    } else {
                        entry.todo = code + ", or import the export here: mentormail import FILE"
                    }
                    return entry
                }
        }
    }
}
