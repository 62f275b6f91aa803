import Foundation
import GRDB
import Mail

/// An inbound message being handled: the message, its record, its sender and context.
struct Inbound {
    /// The message as the intake read it.
    let reading: IntakeMessage
    /// The id of its `InboundMessage` record (already inserted in this transaction).
    let recordID: Int64
    /// Its From address, the display name tidied when written in one case (`NameCase`), as
    /// answers greet it.
    let sender: MailAddress
    let context: IntakeContext

    var message: Message { reading.message }
    /// What the person wrote: `MailReading.reply(of: message)`, as the intake read it.
    var newText: String { reading.newText }
    /// The language the writer's own words in `newText` are clearly written in, if any (`LanguageGuess`).
    var writtenLanguage: String? { reading.writtenLanguage }

    /// Queues an answer to the sender (at the address our mail they answer went to, when they
    /// write from another address of that mailbox and have no record), threaded under the message.
    /// The answer is in the language the sender chose, else the one they write in.
    @discardableResult
    func answer<M: MailContent>(_ mail: M, in work: Work, about topic: Topic = .none, anonymously: Bool = false) throws -> OutboxMessage {
        try answer(mail, in: work, about: topic, anonymously: anonymously, language: try language(in: work))
    }

    /// The same, in a language chosen earlier (before "delete my data" erased the profile that said it).
    @discardableResult
    func answer<M: MailContent>(_ mail: M, in work: Work, about topic: Topic = .none, anonymously: Bool = false,
                                language: String?, calendar: CalendarPart? = nil, keptAs key: String? = nil) throws -> OutboxMessage {
        let address = context.writtenAddress ?? sender.address
        return try work.outbox.answer(mail, to: MailAddress(address: address, name: anonymously ? nil : sender.name), replyingTo: message,
                               inboundID: recordID, about: topic, language: language, unreadExport: unreadExport(in: work),
                               calendar: calendar, keptAs: key)
    }

    /// The form export attached by a sender who is not a coordinator: not read, and the answer says so.
    func unreadExport(in work: Work) -> String? {
        guard !work.config.program.coordinators.contains(where: { $0.lowercased() == sender.normalized }) else { return nil }
        return CoordinatorMail.attachedExportName(in: message)
    }

    /// The language to answer in: the one the person set with "Mail language:", else the one this
    /// message is clearly written in, else the one their other mail goes out in
    /// (`Participant.mailLanguage`); nil means English.
    func language(in work: Work) throws -> String? {
        language(in: work, person: try AppDatabase.findParticipant(work.db, email: context.personAddress(sender)))
    }

    /// The same, with the sender's stored record at hand.
    func language(in work: Work, person: Participant?) -> String? {
        if let profile = person?.profile, profile.mailLanguageChosen == true, let chosen = profile.mailLanguage { return work.supported(chosen) }
        if let served = work.supported(writtenLanguage) { return served }
        // English is the templates' own language, so no translation serves it: said outright.
        if writtenLanguage == "en" { return nil }
        return person.flatMap(work.mailLanguage(for:)) ?? work.supported(answeredLanguage)
    }

    /// A reply too short to tell its language ("vale, perfecto") under mail of ours: the
    /// language of the lines it quotes, our mail's.
    var answeredLanguage: String? {
        guard writtenLanguage == nil, context.answering != nil else { return nil }
        let quoted = reading.text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix(">") }.map { $0.drop { $0 == ">" || $0 == " " } }
        return LanguageGuess.code(of: quoted.joined(separator: "\n"))
    }

    /// The language of this message to remember as the one the person last wrote in: a language
    /// with templates ("en" for the main ones), only when the message is clearly in it.
    func rememberedLanguage(in work: Work) -> String? {
        writtenLanguage == "en" ? "en" : work.supported(writtenLanguage)
    }
}

/// What handling one inbound message led to.
struct Outcome: Equatable {
    var disposition: InboundMessage.Disposition
    var note: String?
    /// The note names the mail of ours the message answers and what it was about.
    var noteNamesContext = false

    init(_ disposition: InboundMessage.Disposition, _ note: String? = nil, namesContext: Bool = false) {
        self.disposition = disposition
        self.note = note
        noteNamesContext = namesContext
    }
}

extension Work {
    /// Carries out `intent` for `inbound`: the one place that sends each intent to its service.
    func handle(_ intent: Intent, _ inbound: Inbound) throws -> Outcome {
        switch intent {
        case .signUpRequest(let role, let question, let held):
            return try EnrollmentService(work: self).answerSignUpRequest(inbound, role: role, question: question, held: held)
        case .noDataHeld:
            return try EnrollmentService(work: self).answerNoDataHeld(inbound)
        case .showData(let alsoAsks):
            return try EnrollmentService(work: self).showData(inbound, alsoAsks: alsoAsks)
        case .profile(let form):
            return try EnrollmentService(work: self).receiveProfile(form, inbound)
        case .participantCommand(let command):
            return try EnrollmentService(work: self).apply(command, inbound)
        case .confirmCommand(let command):
            return try EnrollmentService(work: self).askToConfirm(command, inbound)
        case .takeBack(let command):
            return try EnrollmentService(work: self).takeBack(command, inbound)
        case .confirmation(let token):
            return try confirm(token: token, inbound)
        case .coordinatorImport(.verified(let method)):
            try audit.record(inbound.sender.normalized, "coordinator-verified", method)
            return try CoordinatorService(work: self).performImport(inbound.message, inbound)
        case .coordinatorImport(.unverified(let reason)):
            return try CoordinatorService(work: self).holdForConfirmation(.importing, reason: reason, inbound)
        case .coordinatorDecision(let approve, _, .unverified(let reason)):
            return try CoordinatorService(work: self).holdForConfirmation(approve ? .approving : .rejecting, reason: reason, inbound)
        case .coordinatorUnclear(let proposal):
            if let outcome = try CoordinatorService(work: self).answerUnclearDecision(proposal, inbound) { return outcome }
            // A code that is no proposal's is some other code to confirm.
            guard case .token(let token) = proposal else {
                return try HeldMailService(work: self).hold(inbound, reason: "a coordinator's reply about a proposal that is no longer stored",
                                                            acknowledge: false)
            }
            return try confirm(token: token, inbound)
        case .coordinatorDecision(let approve, let proposal, .verified(let method)):
            try audit.record(inbound.sender.normalized, "coordinator-verified", method)
            return try CoordinatorService(work: self).performDecision(approve: approve, proposal: proposal, inbound)
        case .coordinatorCommandLine(let line):
            return try CoordinatorService(work: self).answerCommandLine(line, inbound)
        case .coordinatorForwardedJoin(let person, let subject, let text):
            try audit.record(inbound.sender.normalized, "coordinator-verified", "a request to join passed on")
            return try EnrollmentService(work: self).sendFormPassedOn(to: person, subject: subject, text: text, inbound)
        case .surveyAnswer(let surveyID):
            return try CheckinService(work: self).receiveAnswer(surveyID: surveyID, inbound)
        case .graduation(let mentorshipID):
            return try graduate(mentorshipID, inbound)
        case .becomeMentor:
            return try CheckinService(work: self).becomeMentor(inbound)
        case .menteeAgain:
            return try EnrollmentService(work: self).menteeAgain(inbound)
        case .rsvp(let reply):
            return try EventService(work: self).receive(reply, inbound)
        case .eventRequest(let reply):
            return try EventService(work: self).request(reply, inbound)
        case .eventUnclear(let eventID):
            return try EventService(work: self).askForAnswer(eventID: eventID, inbound)
        case .help:
            return try EnrollmentService(work: self).answerWithHelp(inbound)
        case .hold(let reason, let acknowledge, let namesContext):
            if let answering = inbound.context.answering, answering.kind == .addressMoved {
                return try HeldMailService(work: self).holdReplyToAddressNotice(inbound, about: answering.topic, reason: reason)
            }
            return try HeldMailService(work: self).hold(inbound, reason: reason, acknowledge: acknowledge, namesContext: namesContext)
        case .ignore(let reason):
            return Outcome(.ignored, reason)
        case .bounce(let report):
            return try HeldMailService(work: self).noteBounce(report, inbound)
        }
    }

    /// "We're done" under an introduction, or in a fresh message, from one of the pair: the
    /// check-in's rule decides (`CheckinService.graduationWords`); the thank-you, or the mail
    /// that says the pair goes on, is the answer.
    private func graduate(_ mentorshipID: Int64, _ inbound: Inbound) throws -> Outcome {
        let pairs = PairService(work: self)
        guard let pair = try pairs.pair(mentorshipID), let side = pair.side(of: inbound.context.participant?.id) else {
            return try HeldMailService(work: self).hold(inbound, reason: "graduation words under someone else's introduction", acknowledge: false)
        }
        guard pair.mentorship.isOngoing else {
            return try HeldMailService(work: self).hold(inbound, reason: "graduation words for a pair that already ended (\(pair.mentorship.status.rawValue))",
                                                        acknowledge: false)
        }
        // Their check-in said graduate and the other side's continue, which the coordinators
        // were told of: saying it again settles nothing.
        let surveys = try CheckinService(work: self).surveys(of: mentorshipID)
        if surveys.last(where: { $0.side == side })?.answers.next == .graduate,
           surveys.last(where: { $0.side != side })?.answers.next == .continue {
            return try HeldMailService(work: self).hold(inbound, reason: "graduation words, while the check-in answers disagree (graduate / continue)",
                                                        acknowledge: true)
        }
        return Outcome(.answered, try CheckinService(work: self).graduationWords(pair, askedBy: side))
    }

    /// A reply carrying a one-time code: completes the round trip the code was for.
    private func confirm(token: String, _ inbound: Inbound) throws -> Outcome {
        let email = inbound.sender.normalized
        guard var pending = try PendingToken.filter(PendingToken.Columns.token == token).fetchOne(db),
              pending.usedAt == nil, pending.expiresAt > now, pending.email == email else {
            try inbound.answer(AddressChangedMail(invalid: true, token: token), in: self)
            try audit.record(email, "confirmation-refused", token)
            return Outcome(.answered, "unknown, used or expired code \(token)")
        }
        pending.usedAt = now
        try pending.update(db)
        // A used code has nothing left to expire: its job no longer waits (status, dry runs).
        if let id = pending.id { try jobs.retire([.confirmationExpiry], subjectID: id) }
        switch pending.purpose {
        case .addressChange:
            return try EnrollmentService(work: self).completeAddressChange(from: pending.payload, inbound)
        case .coordinatorConfirmation:
            return try CoordinatorService(work: self).performConfirmed(heldInboundID: pending.payload, inbound)
        case .commandConfirmation:
            return try EnrollmentService(work: self).confirmed(pending, inbound)
        }
    }
}
