import Foundation
import GRDB

/// Whether an import row is newer than what the program holds for its person: a coordinator
/// forwards the same growing form export again and again, and an old answer must not undo
/// what the person changed since, nor bring back someone who moved away or left.
enum ImportFreshness: Equatable {
    case apply
    /// The same answer as imported before: their later changes stand.
    case unchanged
    case skip(String)

    /// For an address nobody holds now: skipped when it moved away by a confirmed change.
    static func forUnknown(_ address: String, db: Database) throws -> ImportFreshness {
        guard let move = try AddressMove.filter(Column("oldEmail") == address).order(Column("movedAt").desc).fetchOne(db) else {
            return .apply
        }
        let now = try Participant.fetchOne(db, key: move.participantID)?.email ?? move.newEmail
        return .skip("this address moved to \(now) on \(isoDay(move.movedAt)) (a confirmed address change): not re-created; "
                     + "a change the person wants can be made at their new address")
    }

    /// For someone who left: never brought back by a coordinator's sheet.
    static func forLeaver(_ person: Participant) -> ImportFreshness? {
        switch person.status {
        case .erased: .skip("this person asked to have their data deleted: not re-created; if they really want back, they can write in themselves")
        case .withdrawn: .skip("this person withdrew from the program: not re-activated; if they really want back, they can write in themselves")
        default: nil
        }
    }

    /// For a known person whose profile `built` (the row read over theirs) would change it.
    /// With a submission time, the row must be newer than the profile's last change (a row's
    /// own time counts for an earlier import). Without one, the row is compared with what was
    /// imported for them before: the same answer changes nothing, and one that would put back
    /// a field they changed by mail since is not applied.
    static func forKnown(_ person: Participant, row: FormExport.Row, built: ParticipantProfile, db: Database,
                         rebuild: (ParticipantProfile) -> ParticipantProfile) throws -> ImportFreshness {
        guard let id = person.id else { return .apply }
        let versions = try ProfileVersion.filter(Column("participantID") == id).order(Column("id")).fetchAll(db)
        if let submitted = row.submitted {
            let last = versions.map { $0.submitted ?? SubmissionTime.key(of: $0.at) }.max()
            guard let last, submitted <= last else { return .apply }
            return .skip("older than the profile's last change on \(SubmissionTime.day(of: last)): not applied")
        }
        let lastImport = versions.lastIndex { $0.origin == "import" }
        if let lastImport, rebuild(versions[lastImport].profile) == versions[lastImport].profile { return .unchanged }
        let base = lastImport ?? 0
        guard base < versions.count, let byMail = versions[(base + 1)...].last(where: { $0.origin != "import" }) else { return .apply }
        let before = versions[base].profile
        let undone = SignupField.allCases.filter {
            value($0, before) != value($0, person.profile) && value($0, built) != value($0, person.profile)
        }
        guard !undone.isEmpty else { return .apply }
        return .skip("would undo what they changed by mail on \(isoDay(byMail.at)) (\(undone.map(\.label).joined(separator: ", "))): "
                     + "not applied; the sheet has no timestamps to tell which is newer, so ask them if in doubt")
    }

    /// A field's value, to compare two profiles field by field.
    static func value(_ field: SignupField, _ profile: ParticipantProfile) -> String {
        switch field {
        case .role: profile.role
        case .name: profile.name
        case .mentoringType: profile.mentoringTypes.joined(separator: ",")
        case .areas: (profile.areas + ["|"] + profile.freeTextAreas).joined(separator: ",")
        case .timeZone: profile.timeZone
        case .languages: profile.languages.joined(separator: ",")
        case .interaction: profile.interactions.joined(separator: ",")
        case .capacity: String(profile.capacity)
        case .availability: profile.availability
        case .aboutMe: profile.aboutMe
        }
    }

    static func isoDay(_ date: Date) -> String { SubmissionTime.day(of: SubmissionTime.key(of: date)) }
}

extension SubmissionTime {
    /// A stored time as a submission key, read in UTC (an export's own zone is not known).
    static func key(of date: Date) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return [c.year, c.month, c.day, c.hour, c.minute, c.second].reduce(Int64(0)) { key, part in
            key * 100 + Int64(part ?? 0)
        }
    }

    /// The day of a submission key: "2026-11-04".
    static func day(of key: Int64) -> String {
        let date = key / 1_000_000
        return String(format: "%04d-%02d-%02d", Int(date / 10_000), Int(date / 100 % 100), Int(date % 100))
    }
}
