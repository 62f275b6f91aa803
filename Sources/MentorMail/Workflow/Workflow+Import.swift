import Foundation
import GRDB
import Mail

/// What an import did, row by row: the coordinator's report.
public struct ImportReport: Codable, Sendable, Equatable {
    public struct Rejected: Codable, Sendable, Equatable {
        public var row: Int
        public var email: String?
        public var reasons: [String]
    }

    public var source: String
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var rejected: [Rejected] = []
    public var ignoredColumns: [String] = []
}

extension Workflow {
    /// Imports a form export as an upsert by address, each row validated like a sign-up.
    /// New people get a welcome mail showing their profile as understood. Rows with problems
    /// change nothing and are reported with their reasons.
    func importRows(_ export: FormExport, source: String, db: Database) throws -> ImportReport {
        var report = ImportReport(source: source, ignoredColumns: export.ignoredColumns)
        let parser = SignupFormParser(vocabulary: config.enrollment.vocabulary)
        let builder = ProfileBuilder(vocabulary: config.enrollment.vocabulary)
        let round = try AppDatabase.acceptingRound(db, now: now)
        var seen: [String: Int] = [:]
        for row in export.rows {
            guard let address = row.email?.lowercased(), Config.isPlausibleAddress(address) else {
                report.rejected.append(.init(row: row.number, email: row.email, reasons: ["no valid email address"]))
                continue
            }
            if let earlier = seen[address] {
                report.rejected.append(.init(row: row.number, email: address, reasons: ["the same address is already on row \(earlier)"]))
                continue
            }
            seen[address] = row.number
            let existing = try AppDatabase.findParticipant(db, email: address)
            if let existing, existing.status == .erased || existing.status == .withdrawn {
                let why = existing.status == .erased ? "asked to have their data deleted" : "withdrew from the program"
                report.rejected.append(.init(row: row.number, email: address, reasons: ["this person \(why); only they can sign up again"]))
                continue
            }
            let form = parser.parse(row.formText, senderName: row.name)
            let result = builder.build(from: form, over: existing?.profile)
            guard result.isComplete else {
                report.rejected.append(.init(row: row.number, email: address,
                                             reasons: result.problems.map { "\($0.field.label): \($0.message)" }))
                continue
            }
            let (participant, change) = try AppDatabase.upsertProfile(
                db, email: address, profile: result.profile, status: .active, source: source, origin: "import",
                roundID: round?.id, now: now)
            switch change {
            case .added:
                report.added.append(address)
                try queueWelcome(participant, round: round, db: db)
            case .updated: report.updated.append(address)
            case .unchanged: report.unchanged.append(address)
            }
        }
        try audit(db, actor: "import", action: "form-export-imported",
                  detail: "\(source): \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged.count) unchanged, \(report.rejected.count) rejected")
        return report
    }

    private func queueWelcome(_ participant: Participant, round: Round?, db: Database) throws {
        let builder = ProfileBuilder(vocabulary: config.enrollment.vocabulary)
        var values: [String: Any] = [
            "program": programValues,
            "person": ["name": participant.profile.name],
            "fields": builder.summary(of: participant.profile, at: now).map { ["label": $0.label, "value": $0.value] },
        ]
        if let round { values["round"] = ["name": round.name, "closes": Self.day(round.closesAt)] } else { values["nextRound"] = nextRoundText() }
        _ = try queue(template: "welcome", purpose: "welcome", to: [MailAddress(address: participant.email, name: participant.profile.name)],
                      values: values, answering: nil, inboundID: nil, db: db)
    }

    /// The values of the import-report template.
    func importReportValues(_ report: ImportReport) -> [String: Any] {
        [
            "program": programValues,
            "source": report.source,
            "added": report.added, "addedCount": report.added.count,
            "updated": report.updated, "updatedCount": report.updated.count,
            "unchangedCount": report.unchanged.count,
            "rejected": report.rejected.map { ["row": $0.row, "email": $0.email ?? "(none)", "reasons": $0.reasons.joined(separator: "; ")] },
            "rejectedCount": report.rejected.count,
            "hasRejected": !report.rejected.isEmpty,
            "ignoredColumns": report.ignoredColumns.joined(separator: ", "),
            "hasIgnoredColumns": !report.ignoredColumns.isEmpty,
        ]
    }
}

extension AppDatabase {
    /// `mentormail import FILE.csv`: one transaction; welcome mails are queued for the next run.
    public func importFormExport(_ export: FormExport, source: String, config: Config, templates: TemplateLibrary,
                                 now: Date, dryRun: Bool) throws -> ImportReport {
        let workflow = Workflow(config: config, templates: templates, now: now)
        if dryRun {
            // Compute the report in a transaction that is rolled back.
            return try writeWithoutCommit { db in try workflow.importRows(export, source: source, db: db) }
        }
        return try write { db in try workflow.importRows(export, source: source, db: db) }
    }
}
