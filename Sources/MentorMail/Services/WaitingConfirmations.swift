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
    /// The named proposal's state now: proposed, stale (people changed since it was made),
    /// approved, rejected or superseded. A command about one already decided changes nothing.
    public var proposalState: String?
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
                        let round = try proposal.flatMap { try Round.fetchOne(db, key: $0.roundID) }
                        entry.round = round?.name
                        entry.proposalState = try proposal.map { proposal in
                            try round.map { try AppDatabase.waitsButStale(proposal, of: $0, config: config, now: now, db: db) } == true
                                ? "stale" : proposal.status.rawValue
                        }
                        entry.todo = Self.todo(entry, proposal: proposal, code: code)
                    } else {
                        entry.todo = code + ", or import the export here: mentormail import FILE"
                    }
                    return entry
                }
        }
    }

    /// What a coordinator can do about a decision waiting for its code, as the proposal stands
    /// now: decide it here while it waits; once it was decided, nothing (the code would change
    /// nothing); once it went stale, match the round again.
    static func todo(_ entry: WaitingConfirmation, proposal: MatchProposal?, code: String) -> String {
        let held = "file the message: mentormail held release \(entry.message)"
        let decided = proposal?.decidedAt.map { " on \(Work.day($0))" } ?? ""
        switch (entry.proposalState, entry.round) {
        case ("proposed"?, let round?): return code + ", or decide here: mentormail round \(entry.asks) \(round)"
        case ("approved"?, _), ("rejected"?, _):
            return "nothing to do: proposal \(entry.proposal ?? "?") was already \(entry.proposalState ?? "")\(decided), so the code "
                + "would change nothing; " + held
        case ("stale"?, let round?), ("superseded"?, let round?):
            return "proposal \(entry.proposal ?? "?") is no longer the one to decide (people changed since it was made): "
                + "mentormail match --round \(round), then decide the new one; " + held
        default: return code
        }
    }
}
