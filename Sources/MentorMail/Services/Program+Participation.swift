import Foundation
import GRDB
import Mail

/// What a coordinator may do to a participant's participation: what the person's own confirmed
/// "withdraw", "pause" or "resume" does.
public enum ParticipationCommand: String, Codable, Sendable, CaseIterable {
    case withdraw, pause, resume

    var command: ParticipantCommand {
        switch self {
        case .withdraw: .withdraw
        case .pause: .pause
        case .resume: .resume
        }
    }
}

/// What `participants withdraw|pause|resume` did (or, in a dry run, would do).
public struct ParticipationChange: Codable, Sendable {
    public var command: ParticipationCommand
    public var email: String
    public var name: String
    public var before: Participant.Status
    public var after: Participant.Status
    /// The partners whose ongoing pairs ended with it; each was told.
    public var pairsEndedWith: [String]
    /// Whether the person is told (a mail queued for the next run).
    public var told: Bool
    public var reason: String?
    public var dryRun: Bool
}

extension Program {
    /// `mentormail participants withdraw|pause|resume ADDRESS`: a coordinator does what the
    /// person's own confirmed request does (partners told kindly, pairs ended, the pool left or
    /// joined again). The person is told with the same mail unless `tell` is false.
    public func changeParticipation(_ command: ParticipationCommand, address: String, reason: String?, tell: Bool,
                                    dryRun: Bool, now: Date, actor: String = "command line") throws -> ParticipationChange {
        try perform(at: now, dryRun: dryRun) { work in
            guard let person = try AppDatabase.findParticipant(work.db, email: address.trimmingCharacters(in: .whitespaces).lowercased()),
                  person.status != .erased else {
                throw MentorMailError(.data, "no participant has the address \(address); see `mentormail participants list`")
            }
            switch (command, person.status) {
            case (.withdraw, .withdrawn), (.pause, .paused):
                throw MentorMailError(.data, "\(person.email) is already \(person.status.rawValue); nothing to do")
            case (.pause, .withdrawn):
                throw MentorMailError(.data, "\(person.email) has withdrawn; to bring them back: mentormail participants resume \(person.email)")
            case (.resume, .active), (.resume, .incomplete):
                throw MentorMailError(.data, "\(person.email) is \(person.status.rawValue), not paused or withdrawn; nothing to resume")
            default:
                break
            }
            let reason = Self.givenReason(reason)
            let language = work.mailLanguage(for: person)
            let service = EnrollmentService(work: work)
            var mail = ParticipationChangedMail(person: PersonName(person.profile.name))
            mail.byCoordinator = true
            mail = try service.change(command.command, of: person, language: language, mail: mail)
            let after = try AppDatabase.findParticipant(work.db, email: person.email)?.status ?? person.status
            try work.audit.record(actor, "participant-\(command.rawValue)", "\(person.email)" + (reason.map { ": \($0)" } ?? "")
                                  + (tell ? "" : " (not told)"))
            if tell {
                try work.outbox.send(mail, to: [MailAddress(address: person.email, name: person.profile.name.isEmpty ? nil : person.profile.name)],
                                     about: .participant(person.id), language: language)
            }
            return ParticipationChange(command: command, email: person.email, name: person.profile.name, before: person.status, after: after,
                                       pairsEndedWith: mail.pairEnded.map { $0.components(separatedBy: ", ") } ?? [],
                                       told: tell, reason: reason, dryRun: dryRun)
        }
    }
}
