import Mail

/// A calendar's answer to one of our invitations (iTIP METHOD:REPLY from Google, Outlook or
/// Apple): read before the automatic-mail rule, since calendars may mark their replies as
/// generated; such a reply is recorded but never answered.
struct CalendarReplyRule: IntakeRule {
    let name = "calendar-reply"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let rsvp = MailReading.rsvp(of: message.message) else { return nil }
        let answer: RSVPReply.Answer
        switch rsvp.partstat {
        case .accepted: answer = .accepted
        case .declined: answer = .declined
        case .tentative: answer = .tentative
        default:
            let reason = "a calendar reply with PARTSTAT \(rsvp.partstat.rawValue)"
            return RuleDecision(.hold(reason: reason, acknowledge: false), reason)
        }
        let automatic = message.automatic != nil
        // A question typed into the answer (its COMMENT, or the text beside it) goes with it.
        let question = rsvp.comment.flatMap { RSVPWords.question(in: OwnText($0)) } ?? RSVPWords.question(in: message.own)
        let reply = RSVPReply(eventUID: rsvp.uid, eventID: nil, attendee: rsvp.address, answer: answer, source: .calendar,
                              automatic: automatic, question: question)
        return RuleDecision(.rsvp(reply), "calendar \(rsvp.partstat.rawValue) for \(rsvp.uid)" + (question == nil ? "" : ", with a question"))
    }
}

/// An out-of-office reply without headers under an event mail ("I'm away until 14 January with
/// limited access to email", "Estou de férias até 3 de março"): automatic mail, no answer to the
/// invitation, and not answered. A person's own answer beside being away is read by the rules after.
struct EventAutoReplyRule: IntakeRule {
    let name = "event-auto-reply"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let id = eventAnswered(context), message.isOutOfOffice else { return nil }
        let reason = "an out-of-office reply under mail about \(context.answering?.topicWords ?? "event \(id)"): no answer, not answered"
        return RuleDecision(.ignore(reason: reason), reason)
    }
}

/// Yes, no or maybe in words, under an invitation, an update, our answer to an RSVP, or a
/// schedule ("I can't come after all"); a question beside it goes with the answer.
struct EventWordsRule: IntakeRule {
    let name = "event-words"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        // The writer's own words: a friend's above the invitation they forwarded are not theirs.
        let own = message.ownAboveForward
        guard let id = eventAnswered(context, MailKind.eventAnswerable), let words = RSVPWords.read(own) else { return nil }
        let answer: RSVPReply.Answer = switch words {
        case .yes: .accepted
        case .no: .declined
        case .maybe: .tentative
        }
        // A question, or a condition beside a yes ("but I can only stay for the first rotation"),
        // goes to the coordinators with the answer.
        let question = RSVPWords.question(in: own)
        let note = words == .yes ? RSVPWords.condition(in: own) : nil
        let reply = RSVPReply(eventUID: nil, eventID: id, attendee: nil, answer: answer, source: .words, automatic: false, question: question,
                              note: note)
        return RuleDecision(.rsvp(reply), "\(answer.rawValue) in words under the invitation to \(context.answering?.topicWords ?? "event \(id)")" + (question == nil ? "" : ", with a question")
                            + (note == nil ? "" : ", with a condition"))
    }
}

/// A reply under an event mail that is no yes, no or maybe, no request and no question (those
/// rules come first): asked for a plain yes or no, rather than the general help. From someone
/// the mail was not written to ("Omar asked me to tell you he will come"), it is held: asking
/// them whether they come would lead nowhere, since the invitation is not theirs.
struct EventUnclearRule: IntakeRule {
    let name = "event-unclear"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let id = eventAnswered(context), !message.newText.allSatisfy(\.isWhitespace),
              !message.newText.contains("?"), !message.newText.contains("？") else { return nil }
        if context.answersAnotherGuestsMail(from: message.from), let answering = context.answering {
            let reason = "a reply under our \(answering) to \(context.answeredRecipients.sorted().joined(separator: ", ")), "
                + "from \(message.from?.normalized ?? "someone else"), that says neither yes nor no: an invitation is personal"
            return RuleDecision(.hold(reason: reason, acknowledge: true, namesContext: true), reason)
        }
        return RuleDecision(.eventUnclear(eventID: id), "a reply under mail about \(context.answering?.topicWords ?? "event \(id)") that says neither yes nor no")
    }
}

/// The event whose invitation, update, answer or schedule (or one of `kinds`) the message replies to.
private func eventAnswered(_ context: IntakeContext, _ kinds: Set<MailKind> = ThanksRule.eventMails) -> Int64? {
    guard let answering = context.answering, kinds.contains(answering.kind),
          answering.topic.kind == .event else { return nil }
    return answering.topic.id
}

/// A participant's own mail (not under an event mail of ours) that speaks of the Speed
/// Mentoring and answers for it or asks for a place ("A friend told me about the Speed
/// Mentoring. Count me in!", "can I come to the speed mentoring?"): which event it is for is
/// found when it is carried out.
struct EventRequestRule: IntakeRule {
    let name = "event-request"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, eventAnswered(context, MailKind.eventAnswerable) == nil, !message.form.looksLikeForm,
              let words = EventRequestWords.read(message.own) else { return nil }
        let answer: RSVPReply.Answer = switch words {
        case .yes: .accepted
        case .no: .declined
        case .maybe: .tentative
        }
        // Asking for a place is the request itself; any other question goes to the coordinators with it.
        let question = EventRequestWords.question(in: message.own)
        let note = words == .yes ? RSVPWords.condition(in: message.own) : nil
        let reply = RSVPReply(eventUID: nil, eventID: nil, attendee: nil, answer: answer, source: .words, automatic: false,
                              question: question, note: note)
        return RuleDecision(.eventRequest(reply), "\(answer.rawValue) in words about the Speed Mentoring, in a mail of the participant's own"
                            + (question == nil ? "" : ", with a question") + (note == nil ? "" : ", with a condition"))
    }
}

/// Yes, no or maybe written under other mail of ours (a pair's introduction, a welcome) by
/// someone with one upcoming event they have not answered ("yes, count me in", "maybe, I will
/// confirm next week"): their answer to it, when the words speak of coming and ask nothing
/// (``RSVPWords/readClearly(_:)``). Later rules hold or answer anything less clear.
struct EventAnswerElsewhereRule: IntakeRule {
    let name = "event-answer-elsewhere"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, !context.senderIsAlias, let id = context.openEventInvitation,
              let answering = context.answering, eventAnswered(context, MailKind.eventAnswerable) == nil,
              // Under mail about another event (a cancellation), the words are about that one.
              answering.topic.kind != .event,
              let from = message.from, context.wasWritten(from), !message.isOutOfOffice,
              let words = RSVPWords.readClearly(message.own) else { return nil }
        let answer: RSVPReply.Answer = switch words {
        case .yes: .accepted
        case .no: .declined
        case .maybe: .tentative
        }
        let note = words == .yes ? RSVPWords.condition(in: message.own) : nil
        let reply = RSVPReply(eventUID: nil, eventID: id, attendee: nil, answer: answer, source: .words, automatic: false, question: nil,
                              note: note)
        return RuleDecision(.rsvp(reply), "\(answer.rawValue) in words under the \(answering.kind.rawValue), read as the answer to event \(id), "
                            + "the one upcoming event they are invited to and have not answered" + (note == nil ? "" : ", with a condition"))
    }
}
