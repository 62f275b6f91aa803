import Foundation
import GRDB

extension AppDatabase {
    /// What a mail of ours was about, in the words a coordinator knows: people by name and
    /// address, a pair by its two names, with the command that shows it ("the pair of Mia Lopez
    /// and Max Weber (`mentormail pairs show 2`)"). Nil when the record is gone.
    static func topicWords(_ db: Database, _ topic: Topic) throws -> String? {
        guard let kind = topic.kind, let id = topic.id else { return nil }
        switch kind {
        case .participant:
            return try Participant.fetchOne(db, key: id).map(personWords)
        case .mentorship:
            return try pairWords(db, id)
        case .survey:
            guard let survey = try Survey.fetchOne(db, key: id), let pair = try pairWords(db, survey.mentorshipID) else { return nil }
            let person = try Participant.fetchOne(db, key: survey.participantID).map(personWords) ?? "a participant"
            return "the check-in of \(person) (\(survey.side.rawValue)) in \(pair)"
        case .event:
            return try SpeedEvent.fetchOne(db, key: id).map(eventWords)
        case .round:
            return try Round.fetchOne(db, key: id).map { "round \($0.name) (`mentormail round show \($0.name)`)" }
        case .proposal:
            guard let proposal = try MatchProposal.fetchOne(db, key: id), let round = try Round.fetchOne(db, key: proposal.roundID) else { return nil }
            return "the proposal \(proposal.token) for round \(round.name) (`mentormail round show \(round.name)`)"
        case .inboundMessage:
            guard let record = try InboundMessage.fetchOne(db, key: id) else { return nil }
            return "the message from \(record.sender ?? "an unknown sender") (`mentormail held show \(id)`)"
        case .token:
            guard let token = try PendingToken.fetchOne(db, key: id) else { return nil }
            return "a confirmation code sent to \(try findParticipant(db, email: token.email).map(personWords) ?? token.email)"
        }
    }

    /// An event as a coordinator knows it: its name, and the command that shows it.
    static func eventWords(_ event: SpeedEvent) -> String {
        "the event \"\(event.name)\"" + (event.id.map { " (`mentormail event show \($0)`)" } ?? "")
    }

    /// How the command line and the digest name someone whose data was deleted.
    static let erasedWords = "a participant whose data was deleted"

    /// "Mia Lopez <mia@example.org>"; the address alone when there is no name.
    static func personWords(_ person: Participant) -> String {
        if person.status == .erased { return erasedWords }
        let name = person.profile.name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? person.email : "\(name) <\(person.email)>"
    }

    /// "the pair of Mia Lopez and Max Weber (`mentormail pairs show 2`)", mentee first.
    static func pairWords(_ db: Database, _ id: Int64) throws -> String? {
        guard let pair = try Mentorship.fetchOne(db, key: id) else { return nil }
        func name(_ id: Int64) throws -> String {
            guard let person = try Participant.fetchOne(db, key: id) else { return erasedWords }
            return partnerWords(person)
        }
        return "the pair of \(try name(pair.menteeID)) and \(try name(pair.mentorID)) (`mentormail pairs show \(id)`)"
    }

    /// "Mia Lopez" as a partner in a pair is named; the address when there is no name.
    static func partnerWords(_ person: Participant) -> String {
        if person.status == .erased { return erasedWords }
        let name = person.profile.name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? person.email : name
    }
}
