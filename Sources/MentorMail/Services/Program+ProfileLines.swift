import Foundation
import GRDB
import Mail

/// A profile changed by a coordinator, field by field.
public struct ProfileSet: Codable, Sendable, Equatable {
    public struct Change: Codable, Sendable, Equatable {
        public var field: String
        public var before: String
        public var after: String
    }

    public var email: String
    public var name: String
    public var changes: [Change]
    /// The profile still lacks something the form asks for (it stays incomplete).
    public var problems: [String]
    public var told: Bool
    public var reason: String?
    public var dryRun: Bool
}

extension Program {
    private static func withoutFullStop(_ text: String) -> String { text.hasSuffix(".") ? String(text.dropLast()) : text }

    /// `mentormail participants set ADDRESS LINE…`: a coordinator changes the profile lines a
    /// participant asked for by phone, in person, or in a mail held for them ("Mentoring type:
    /// career", "Areas: Nova, Cinder"), as the person's own lines would. Each line replaces its
    /// field; a line that cannot be read changes nothing and is refused with what to write. The
    /// person is told, with the profile as it now reads, unless `tell` is false.
    public func setProfile(address: String, lines: [String], reason: String?, tell: Bool, dryRun: Bool, now: Date,
                           actor: String = "command line") throws -> ProfileSet {
        try perform(at: now, dryRun: dryRun) { work in
            guard let person = try AppDatabase.findParticipant(work.db, email: address.trimmingCharacters(in: .whitespaces).lowercased()),
                  person.status != .erased else {
                throw MentorMailError(.data, "no participant has the address \(address); see `mentormail participants list`")
            }
            guard person.status != .withdrawn else {
                throw MentorMailError(.data, "\(person.email) has withdrawn; to bring them back first: mentormail participants resume \(person.email)")
            }
            let vocabulary = work.config.enrollment.vocabulary
            let parser = SignupFormParser(vocabulary: vocabulary)
            let fieldNames = SignupField.allCases.map(\.label).joined(separator: ", ")
            // Each line on its own first: the one that names no field is named.
            for line in lines where parser.parse(line).answeredFields.isEmpty {
                let key = line.split(separator: ":", maxSplits: 1).first.map { EnrollmentText.trim(String($0)) } ?? ""
                if let field = SignupField.allCases.first(where: { EnrollmentText.fold($0.label) == EnrollmentText.fold(key) }) {
                    throw MentorMailError(.data, "\(field.label): no value given; e.g. \(field.example)")
                }
                throw MentorMailError(.data, line.contains(":") && !key.isEmpty
                    ? "\"\(key)\" is not a profile field (the fields: \(fieldNames))"
                    : "\"\(line)\" is no profile line: write a field and its value, e.g. \"Mentoring type: career\" (the fields: \(fieldNames))")
            }
            let form = parser.parse(lines.joined(separator: "\n"))
            if let problem = form.problems.first(where: { form.answeredFields.contains($0.field) }) {
                throw MentorMailError(.data, "\(problem.field.label): \(Self.withoutFullStop(problem.message)); e.g. \(problem.example)")
            }
            let built = ProfileBuilder(vocabulary: vocabulary).build(from: form, over: person.profile)
            if let unread = built.unread.first {
                throw MentorMailError(.data, "\(unread.field.label): \(Self.withoutFullStop(unread.message)); e.g. \(unread.example)")
            }
            let reason = Self.givenReason(reason)
            let service = EnrollmentService(work: work)
            let wording = ProfileWording(language: nil)
            let before = service.fieldLines(person.profile, wording: wording)
            var (participant, change) = try AppDatabase.upsertProfile(
                work.db, over: person, email: person.email, profile: built.profile, status: built.isComplete ? .active : .incomplete,
                source: "a coordinator (\(actor))" + (reason.map { ": \($0)" } ?? ""), origin: "email",
                roundID: try AppDatabase.acceptingRound(work.db, now: work.now)?.id, now: work.now)
            guard change == .updated else {
                throw MentorMailError(.data, "\(person.email)'s profile already reads so; nothing to change (see `mentormail participants show \(person.email)`)")
            }
            // A change that frees a place (a mentor's higher capacity) joins the round taking sign-ups.
            try AppDatabase.joinAcceptingRound(work.db, &participant, now: work.now)
            let after = service.fieldLines(participant.profile, wording: wording)
            let changes = after.compactMap { line -> ProfileSet.Change? in
                let old = before.first { $0.label == line.label }?.value ?? ""
                return old == line.value ? nil : ProfileSet.Change(field: line.label, before: old, after: line.value)
            }
            try work.audit.record(actor, "profile-set", "\(person.email): \(changes.map(\.field).joined(separator: ", "))"
                                  + (reason.map { " (\($0))" } ?? "") + (tell ? "" : " (not told)"))
            if tell {
                let language = work.mailLanguage(for: participant)
                let words = ProfileWording(language: language)
                let answer = ProfileAnswer(
                    complete: built.isComplete, updated: true, unchanged: false, fields: service.fieldLines(participant.profile, wording: words),
                    problems: built.problems.map { EnrollmentService.said($0, in: words) },
                    hasProblems: !built.problems.isEmpty, unread: [], hasUnread: false, unknownFields: [], hasUnknownFields: false,
                    notes: [], hasNotes: false)
                var mail = ProfileReceivedMail(person: PersonName(participant.profile.name), answer, unplaced: [])
                mail.byCoordinator = true
                try service.tellWhatHappensNext(&mail, participant, language: language)
                try work.outbox.send(mail, to: [MailAddress(address: participant.email, name: participant.profile.name.isEmpty ? nil : participant.profile.name)],
                                     about: .participant(participant.id), language: language)
            }
            return ProfileSet(email: participant.email, name: participant.profile.name, changes: changes,
                              problems: built.problems.map { "\($0.field.label): \($0.message)" }, told: tell, reason: reason, dryRun: dryRun)
        }
    }
}
