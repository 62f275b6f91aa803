import Foundation
import GRDB

/// Two people a coordinator keeps from being paired: the matcher never proposes them.
public struct KeptApart: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "keptApart"
    public var id: Int64?
    /// The two participants, the lower id first.
    public var lowID: Int64
    public var highID: Int64
    public var reason: String?
    public var createdAt: Date
    public var createdBy: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What `pairs keep-apart` did, for the command line.
public struct KeepApartResult: Codable, Sendable {
    public var first: String
    public var second: String
    /// false: the two may be paired again (`--undo`).
    public var keptApart: Bool
    /// false: it already was so; nothing changed.
    public var changed: Bool
    public var reason: String?
    /// The round's waiting proposal pairs them: it can no longer be approved.
    public var staleProposal: String?
    public var staleRound: String?
}

extension AppDatabase {
    static func keptApart(_ db: Database) throws -> [KeptApart] {
        try KeptApart.order(Column("id")).fetchAll(db)
    }
}
