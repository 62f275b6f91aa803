import Foundation
import Mail

// The intake's rules, in the order `Intake.rules` runs them.

/// Auto-replies, bounces and list mail are never answered (RFC 3834).
struct AutomaticMailRule: IntakeRule {
    let name = "automatic-mail"
    /// The program's address, lower case.
    let programAddress: String
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let automatic = message.automatic else { return nil }
        // A bounce from a mail server (not just an empty Return-Path, which auto-replies send
        // too) that quotes one of our Message-IDs is news for the coordinators.
        if case .bounce(let why) = automatic, why != Message.emptyReturnPath, let report = DeliveryReport(message.message) {
            return RuleDecision(.bounce(report), automatic.description)
        }
        // A question to a list that copies the program: never answered on the list, but the
        // coordinators see it (held quietly, in the digest).
        if isListMail(automatic), addressesProgram(message.message), asksSomething(message) {
            let reason = "a question sent through a mailing list and copied to the program (\(automatic.description)); not answered on the list"
            return RuleDecision(.hold(reason: reason, acknowledge: false), reason)
        }
        return RuleDecision(.ignore(reason: automatic.description), automatic.description)
    }

    private func isListMail(_ automatic: AutomaticReason) -> Bool {
        switch automatic {
        case .mailingList: true
        case .precedence(let value): value == "list"
        default: false
        }
    }

    private func addressesProgram(_ message: Message) -> Bool {
        (message.to + message.cc).contains { $0.normalized == programAddress }
    }

    private func asksSomething(_ message: IntakeMessage) -> Bool {
        message.newText.contains { $0 == "?" || $0 == "？" || $0 == "؟" } || FirstQuestion.read(message.own) != nil
    }
}

/// Mail without a usable From address cannot be answered: a person must look at it.
struct NoSenderRule: IntakeRule {
    let name = "no-sender"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        if let from = message.from, Config.isPlausibleAddress(from.address) { return nil }
        let reason = "no usable From address"
        return RuleDecision(.hold(reason: reason, acknowledge: false), reason)
    }
}

/// Our own mail coming back (a loop, a copy) is never answered.
struct OwnMailRule: IntakeRule {
    let name = "own-mail"
    let programAddress: String
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard message.from?.normalized == programAddress else { return nil }
        return RuleDecision(.ignore(reason: "sent by the program itself"), "From is the program's own address")
    }
}

/// A coordinator's APPROVE or REJECT, with the proposal's code or under its review mail. A
/// coordinator's reply there that decides nothing clearly is told how to decide, never read
/// as a decision nor as a code to confirm.
struct CoordinatorDecisionRule: IntakeRule {
    let name = "coordinator-decision"
    let coordinators: Set<String>
    let verification: SenderVerification
    static let codeMails: Set<MailKind> = [.coordinatorConfirm, .commandConfirm, .confirmAddress]
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let from = message.from, coordinators.contains(from.normalized) else { return nil }
        // A reply to one of our code mails ("reply to confirm it was you") is that confirmation.
        if let answering = context.answering, Self.codeMails.contains(answering.kind) { return nil }
        let token = ConfirmationToken.find(in: [message.newText]) ?? ConfirmationToken.inSubject(message.subject)
        var reviewed: Int64?
        if let answering = context.answering, answering.kind == .matchReview { reviewed = answering.topic.id }
        let proposal: ProposalReference? = token.map { .token($0) } ?? reviewed.map { .id($0) }
        guard let proposal else { return nil }
        let named = token.map { "the code \($0)" } ?? "the review of \(context.answering?.topicWords ?? "a proposal")"
        guard let approve = Intake.decision(in: message.newText) else {
            // A form export forwarded under the review is still an import.
            guard !CoordinatorMail.containsFormExport(message.message) else { return nil }
            return RuleDecision(.coordinatorUnclear(proposal: proposal), "a coordinator's mail with \(named) and no clear APPROVE or REJECT")
        }
        let word = approve ? "APPROVE" : "REJECT"
        return RuleDecision(.coordinatorDecision(approve: approve, proposal: proposal, verified: verification.verify(message.message)),
                            "\(word) from a coordinator, with \(named)")
    }
}

/// A coordinator forwarding a form export (a CSV attachment or a pasted table).
struct CoordinatorImportRule: IntakeRule {
    let name = "coordinator-import"
    let coordinators: Set<String>
    let verification: SenderVerification
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let from = message.from, coordinators.contains(from.normalized),
              CoordinatorMail.containsFormExport(message.message) else { return nil }
        return RuleDecision(.coordinatorImport(verified: verification.verify(message.message)), "a form export from a coordinator")
    }
}

/// Mail from an address no one has, of a mailbox several participants share ("ana+a@…" when
/// "ana@…" and "ana+b@…" both signed up): whose it is cannot be told, so a person reads it and
/// the sender is told so.
struct SharedMailboxRule: IntakeRule {
    let name = "shared-mailbox"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.participant == nil, context.sharedMailbox.count > 1 else { return nil }
        let reason = "from an address of the mailbox that \(context.sharedMailbox.joined(separator: ", ")) share: whose it is cannot be told"
        return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
    }
}

/// "We're done", "we'd like to graduate" under a pair's introduction, or in a fresh message
/// from someone in one pair: the pair graduates. Only clear phrases count: a bare "done" in a
/// conversation says nothing. Mail that also goes to others (a reply-all, the partner in
/// Cc) is the pair's conversation, never acted on.
struct GraduationRule: IntakeRule {
    let name = "graduation"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, message.otherRecipients.isEmpty else { return nil }
        // Under the mail saying the pair goes on, "graduate" is the agreement it asks for.
        if let answering = context.answering, answering.kind == .graduationDisagreed, answering.topic.kind == .mentorship,
           let id = answering.topic.id, SurveyVocabulary.graduation(in: message.newText) != nil
            || SurveyAnswerReader().read(text: message.newText, newText: message.newText).answers.next == .graduate {
            return RuleDecision(.graduation(mentorshipID: id), "\"graduate\" under the mail that \(answering.topicWords) goes on")
        }
        guard let phrase = SurveyVocabulary.graduation(in: message.newText) else { return nil }
        if let answering = context.answering {
            guard answering.kind == .introduction, answering.topic.kind == .mentorship, let id = answering.topic.id else { return nil }
            return RuleDecision(.graduation(mentorshipID: id), "\"\(phrase)\" under the introduction of \(answering.topicWords)")
        }
        // A fresh message must say what is done: "we're done" alone may be about anything.
        guard context.ongoingPairs.count == 1, let id = context.ongoingPairs.first,
              SurveyVocabulary.namesMentoring(message.newText) else { return nil }
        return RuleDecision(.graduation(mentorshipID: id), "\"\(phrase)\" from someone in one pair, \(context.pair(id))")
    }
}

/// Mail between the two people of a pair that copies the program (a reply-all to the
/// introduction, or a message to one's partner with the program in Cc) is their conversation:
/// never answered, kept for the coordinators to read.
struct PairConversationRule: IntakeRule {
    let name = "pair-conversation"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard !message.otherRecipients.isEmpty else { return nil }
        // A question in it may be for the coordinators: the digest quotes it.
        let asks = FirstQuestion.read(message.own, limit: 200).map { "; it asks: \"\($0)\"" } ?? ""
        if let answering = context.answering, answering.kind == .introduction {
            let reason = "a reply to all under the introduction of \(answering.topicWords): the pair's conversation, copied to the program" + asks
            return RuleDecision(.hold(reason: reason, acknowledge: false, namesContext: true), reason)
        }
        let partners = message.otherRecipients.intersection(context.partners)
        guard !partners.isEmpty else { return nil }
        let reason = "mail to \(partners.sorted().joined(separator: ", ")), the sender's mentoring partner, copied to the program" + asks
        return RuleDecision(.hold(reason: reason, acknowledge: false), reason)
    }
}

/// A reply to our notice that a profile moved away from the sender's address: whoever reads it
/// may not have asked for the move, or the new address may be mistyped. A coordinator answers
/// in person; the sender is told they have it.
struct ReplyUnderAddressNoticeRule: IntakeRule {
    let name = "reply-to-address-notice"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let answering = context.answering, answering.kind == .addressMoved else { return nil }
        let reason = "a reply to our notice that the profile of \(answering.topicWords) moved away from this address"
        return RuleDecision(.hold(reason: reason, acknowledge: true, namesContext: true), reason)
    }
}

/// A reply carrying one of our one-time codes. A reply under the mail of a code already used
/// or expired that asks for something new in its own words ("resume please" under the pause
/// confirmation of months ago) is that request, for the rules after this one; a bare "yes"
/// there, or the code written in the text, is still an attempt at the code.
struct ConfirmationRule: IntakeRule {
    let name = "confirmation-code"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        let inText = ConfirmationToken.find(in: [message.newText])
        guard let token = ConfirmationToken.inSubject(message.subject) ?? inText else { return nil }
        if inText == nil, token == context.spentCode, context.isParticipant,
           message.command.map({ !$0.fromSubject }) ?? message.asksToRejoin {
            return nil
        }
        return RuleDecision(.confirmation(token: token), "the code \(token)")
    }
}

/// A newcomer's own request to join written under a mail of ours that reached them (an
/// introduction a friend forwarded: "Moi aussi je voudrais une mentore pour la
/// documentation !"): read as their first mail, with the form pre-filled from it, not held as a
/// reply to someone else's mail. So is one above a friend's mail they pass on ("my friend
/// sent me this, I'd like to be a mentee"), whose form lines are the friend's, never read.
/// Anything else they write under it is held as before.
struct JoinUnderOurMailRule: IntakeRule {
    let name = "join-under-our-mail"
    let coordinators: Set<String>
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.participant == nil, context.answering != nil || message.forwardsForSomeoneElse, let from = message.from,
              !coordinators.contains(from.normalized), message.joinRoleAboveForward != nil else { return nil }
        // Under a form we pre-filled, the role in words answers its empty line: the form rule reads both.
        if context.answering?.kind == .signupForm, !message.form.answeredFields.isSubset(of: [.name]) { return nil }
        return StrangerRule().check(message, context)
    }
}

/// Mail that speaks for someone else: it passes on a mail of ours written to another person
/// (a colleague's reply under a forwarded invitation, an assistant forwarding a check-in) or a
/// message another person wrote ("my colleague asked me to pass this on"). Nothing is done
/// for either of them: a coordinator reads it, and the writer is told so.
struct SomeoneElsesMailRule: IntakeRule {
    let name = "someone-elses-mail"
    let coordinators: Set<String>
    let programAddress: String
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let from = message.from, !coordinators.contains(from.normalized) else { return nil }
        if context.answersSomeoneElsesMail(from: from), let answering = context.answering {
            let reason = "a reply under our \(answering) to \(context.answeredRecipients.sorted().joined(separator: ", ")), "
                + "from \(from.normalized), who is not in the program: found through \(context.answeringForwarded ? "the forwarded mail" : "References") only"
            return RuleDecision(.hold(reason: reason, acknowledge: true, namesContext: true), reason)
        }
        // A guest's own words above a friend's forward of the invitation to their event are theirs.
        guard message.forwardsForSomeoneElse, !context.invitedToAnsweredEvent else { return nil }
        let others = Set(message.forwarded.authors.map(\.normalized) + message.forwarded.recipients.map(\.normalized))
            .filter { MailAddress.mailbox(of: $0) != from.mailbox && MailAddress.mailbox(of: $0) != MailAddress.mailbox(of: programAddress) }
        let reason = "mail forwarded for someone else (\(others.sorted().joined(separator: ", ")))"
        return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
    }
}

/// A reply to a check-in survey, to its reminder, or to our answer: read as answers.
struct SurveyAnswerRule: IntakeRule {
    let name = "survey-answer"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let answering = context.answering, [.checkinSurvey, .checkinReminder, .checkinAnswers].contains(answering.kind),
              answering.topic.kind == .survey, let id = answering.topic.id else { return nil }
        return RuleDecision(.surveyAnswer(surveyID: id), "a reply to \(answering.topicWords)")
    }
}

/// Check-in answers written under another mail of ours, or in a fresh one ("got your survey:
/// going great, we meet weekly, good fit, let's continue!"), from someone whose survey is
/// still open: read as their survey's answers (their own profile lines beside them as a
/// profile change), not as a profile change alone or a question.
struct OpenSurveyAnswerRule: IntakeRule {
    let name = "open-survey-answer"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        // Form lines only in our quoted mail (a sign-up confirmation, an introduction) are not
        // the person's: they do not make the reply a form. Their own ("Languages: English,
        // French") beside the answers are read apart, as a profile change.
        let form = message.form
        // Someone in several pairs may correct a check-in answered already: the pair named decides.
        guard let id = context.openSurvey ?? (context.ongoingPairs.count > 1 ? context.openSurveyByPair.values.first : nil) else { return nil }
        let own = SignupFormParser.ownFormLines(in: message.newText)
        guard !form.looksLikeForm || form.answeredFields.isSubset(of: form.answeredInQuotedText) || own != nil else { return nil }
        let reading = if let own {
            SurveyAnswerReader().read(text: SignupFormParser.ownFormLines(in: message.text)?.rest ?? message.text, newText: own.rest)
        } else {
            SurveyAnswerReader().read(text: message.text, newText: message.newText)
        }
        // Two answers, or one beside a word naming the check-in: one stray "good" is no survey answer.
        let named = ["survey", "check-in", "checkin", "encuesta", "questionnaire", "umfrage", "pesquisa"]
            .contains { message.newText.lowercased().contains($0) }
        guard reading.answers.answered.count >= 2 || (named && !reading.answers.answered.isEmpty) else { return nil }
        guard context.ongoingPairs.count > 1 else {
            return RuleDecision(.surveyAnswer(surveyID: id), "check-in answers (\(reading.shape)) from someone whose check-in is open")
        }
        return whichPair(message, context, shape: reading.shape)
    }

    /// Answers from someone in several pairs belong to the pair whose partner they name (or
    /// whose mail they answer); naming none, or several, or a pair whose check-in is not open,
    /// a coordinator reads them and the writer is told so: never recorded for another pair.
    private func whichPair(_ message: IntakeMessage, _ context: IntakeContext, shape: String) -> RuleDecision {
        var pairs = context.pairsNamed(in: message.subject + "\n" + message.newText)
        if pairs.isEmpty, let answering = context.answering, answering.topic.kind == .mentorship, let id = answering.topic.id,
           context.ongoingPairs.contains(id) {
            pairs = [id]
        }
        guard pairs.count == 1, let pair = pairs.first else {
            let naming = pairs.isEmpty ? "naming no partner" : "naming partners in \(pairs.count) pairs"
            let reason = "check-in answers written outside a survey by someone in \(context.ongoingPairs.count) pairs, \(naming): which pair is meant?"
            return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
        }
        guard let survey = context.openSurveyByPair[pair] else {
            let reason = "check-in answers about \(context.pair(pair)), whose check-in is not open: not recorded for another pair, "
                + "a coordinator records them"
            return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
        }
        return RuleDecision(.surveyAnswer(surveyID: survey), "check-in answers (\(shape)) about \(context.pair(pair)), whose check-in is open")
    }
}

/// "Yes, sign me up as a mentor" under the thank-you of a graduation.
struct BecomeMentorRule: IntakeRule {
    let name = "become-mentor"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let answering = context.answering, answering.kind == .pairGraduated, context.isParticipant,
              SurveyVocabulary.saysYesToMentoring(message.newText) else { return nil }
        return RuleDecision(.becomeMentor, "a yes to mentoring, under the graduation's thank-you")
    }
}

/// A graduate who asks to be mentored again: "I'd like to sign up again as a mentee", "I'd
/// like to be mentored again", "I'd like to join again" (from someone who only was a mentee).
/// Another request in the new text ("withdraw") comes first.
struct MenteeAgainRule: IntakeRule {
    let name = "mentee-again"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let person = context.participant, context.isParticipant, context.graduatedMentee, !message.form.looksLikeForm,
              message.command.map({ message.commandIsOnlyInSubject || $0.command == .resume }) ?? true else { return nil }
        let role = message.joinRole
        let asks = role == .mentee || role == .both || message.asksForMentoringAgain
            || (role == nil && message.asksToRejoin && !person.profile.isMentor)
        guard asks else { return nil }
        return RuleDecision(.menteeAgain, "a graduate asking to be mentored again")
    }
}

/// Someone the program never had as a participant (no record, not writing for one from another
/// address of their mailbox, no coordinator) asks about their data or to delete it ("what
/// data do you hold about me?", "bitte löschen Sie meine Daten"): told that nothing is held,
/// never sent the form; their message is not kept.
struct StrangerDataRule: IntakeRule {
    let name = "stranger-data"
    let coordinators: Set<String>
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.participant == nil, context.writtenAddress == nil, context.sharedMailbox.isEmpty,
              let from = message.from, !coordinators.contains(from.normalized), message.asksAboutOwnData else { return nil }
        return RuleDecision(.noDataHeld, "someone the program never had as a participant asks about their data")
    }
}

/// "pause", "resume", "withdraw", "delete my data", "my new address is …". A request in the
/// Subject alone gives way to a sign-up request or a form in the new text: "Re: pause" above
/// "I'd like to join as a mentee" is a reply to our answer, not a second pause. Asking to join
/// again while paused or withdrawn is "resume": the profile was kept.
struct ParticipantCommandRule: IntakeRule {
    let name = "participant-command"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        // Someone active who asks to join again is told where they stand: nothing to resume.
        if let person = context.participant, person.status == .active, message.asksToRejoin, !message.form.looksLikeForm,
           message.command.map({ message.commandIsOnlyInSubject || $0.command == .resume }) ?? true {
            let role = ParticipantRole(rawValue: person.profile.role)
            if let asked = message.joinRole, asked != role, role != .both { return nil }
            return RuleDecision(.participantCommand(.resume), "a request to join again, from an active participant")
        }
        if let person = context.participant, person.status == .paused || person.status == .withdrawn,
           message.joinRole != nil || message.asksToRejoin, !message.form.looksLikeForm,
           message.command.map({ message.commandIsOnlyInSubject || $0.command == .resume }) ?? true {
            // Back in the role they had; asking for another one is a profile change, not a resume.
            let role = ParticipantRole(rawValue: person.profile.role)
            if let asked = message.joinRole, asked != role, role != .both { return nil }
            return RuleDecision(.participantCommand(.resume), "a request to join again, from a \(person.status.rawValue) participant")
        }
        guard let reading = message.command else { return nil }
        if message.commandIsOnlyInSubject {
            // The new text's own request comes first. A stranger has no profile for a command to
            // act on, so "I'd like to join" (no role) under "Re: pause" asks for the form.
            let stranger = context.participant == nil || context.participant?.status == .erased
            if message.joinRole != nil || message.form.looksLikeForm || (stranger && message.asksToJoin) { return nil }
        }
        // Erasing cannot be undone and a From line proves nothing, so it always waits for a
        // reply from the address itself, however plainly it was asked. From another address of
        // the person's mailbox, pausing and leaving wait for a reply from their own address too.
        let fromAlias = context.senderIsAlias && [.pause, .withdraw, .deleteData].contains(reading.command)
        if reading.sure && reading.command != .deleteData && !fromAlias {
            return RuleDecision(.participantCommand(reading.command), "the request \"\(reading.command.name)\"")
        }
        return RuleDecision(.confirmCommand(reading.command),
                            "read as \"\(reading.command.name)\", to be confirmed: "
                                + (reading.command == .deleteData ? "it cannot be undone" : fromAlias ? "sent from another address of the person's mailbox" : "the reading is unsure"))
    }
}

/// A participant's mail that only thanks or acknowledges ("Thanks!", "Got it, thanks"), under
/// an introduction, our confirmation (quoted unchanged) or fresh: nothing to answer and nothing
/// for a coordinator to read. Under an event mail the event's rules decide (a yes may still be
/// wanted); above form lines of their own, or our sign-up form, the form's.
struct ThanksRule: IntakeRule {
    let name = "thanks"
    static let eventMails: Set<MailKind> = [.eventInvitation, .eventAnswer, .eventPromoted, .eventSchedule]
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, !(context.answering.map { Self.eventMails.contains($0.kind) } ?? false),
              !message.newText.contains("?"), !message.newText.contains("？"),
              // Our confirmation quoted below, unchanged, is no form of theirs (our sign-up form is).
              message.form.fieldsFound == 0 || (context.answering.map { $0.kind != .signupForm } ?? false
                  && context.participant.map { message.formOnlyQuotes($0.profile) } == true),
              Courtesy.isThanks(message.own, signedBy: message.from?.name) else { return nil }
        let reason = "only thanks" + (context.answering.map { " under the \($0)" } ?? "") + ": not answered"
        return RuleDecision(.ignore(reason: reason), reason)
    }
}

/// News of being away for a while under the introduction ("I'm on parental leave until
/// March", the introduction quoted below): answered as in a fresh message (nothing changes
/// meanwhile; "pause" is there), not held. A question, or words to the partner, are held.
struct AwayNewsRule: IntakeRule {
    let name = "away-news"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, let answering = context.answering, answering.kind == .introduction,
              message.isAwayNews(partnerNames: context.partnerNames) else { return nil }
        return RuleDecision(.help, "news of being away under the introduction of \(answering.topic), nothing asked")
    }
}

/// A reply to an introduction addressed to the program alone: the introduction is the only
/// mail we send a pair, so a coordinator answers it in person. Profile lines of a participant's
/// own with nothing else but a few words ("Interaction: video, email") are a profile change:
/// the rules after this one read them, as under any other mail of ours.
struct ReplyUnderIntroductionRule: IntakeRule {
    let name = "reply-to-introduction"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let answering = context.answering, answering.kind == .introduction else { return nil }
        if context.isParticipant, let own = SignupFormParser.ownFormLines(in: message.newText),
           !own.rest.contains("?"), !own.rest.contains("？"), own.rest.split(whereSeparator: \.isWhitespace).count <= 12 {
            return nil
        }
        let reason = "a reply to the introduction of \(answering.topicWords)"
        return RuleDecision(.hold(reason: reason, acknowledge: true, namesContext: true), reason)
    }
}

/// A filled-in or corrected sign-up form. A stranger's needs two answers to be told from
/// prose; a participant, or a reply under our sign-up form, may fix one line. A participant's
/// question or remark on their mentoring above our quoted mail, whose form lines would change
/// nothing, is not a form: the rules after this one read it. Nor are lines only quoted from a
/// mail of ours older than the participant's last profile change (a late question under the
/// first sign-up form): they are out of date.
struct ProfileFormRule: IntakeRule {
    let name = "profile-form"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        var form = message.form
        // "Please write to me in Spanish" is a "Mail language:" line in words.
        if form.mailLanguage == nil, let wished = message.mailLanguageWish { form.mailLanguage = wished }
        // Nothing written above our quoted mail is no form either: the help says so.
        if let person = context.participant, context.isParticipant, message.formOnlyQuotes(person.profile),
           message.hasNoText || message.newText.contains("?") || message.newText.contains("？")
            || (!context.ongoingPairs.isEmpty && message.remarksOnMentoring) {
            return nil
        }
        if context.isParticipant, context.profileChangedSinceAnswered, form.fieldsFound > 0,
           form.answeredFields.isSubset(of: form.answeredInQuotedText), SignupFormParser.ownFormLines(in: message.newText) == nil {
            return nil
        }
        let underForm = context.answering.map { [.signupForm, .profileReceived, .welcome].contains($0.kind) } ?? false
        // "ok" or "👍" above our form, whose only filled-in line is the name we put there: nothing
        // was filled in, and the rules after this one answer a stranger with the form again.
        if !context.isParticipant, message.fillsInNothing { return nil }
        if form.looksLikeForm {
            return RuleDecision(.profile(form), "\(form.fieldsFound) lines of the sign-up form")
        }
        // A "Mail language:" line is no field of the form, but alone it is a change all the same.
        let mailLanguageLine = form.mailLanguage != nil || form.notes.contains { if case .unknownMailLanguage = $0 { true } else { false } }
        let lines = form.fieldsFound + (mailLanguageLine ? 1 : 0)
        if lines >= 1 && (context.isParticipant || underForm) {
            let why = context.isParticipant ? "from a participant" : "under our sign-up form"
            return RuleDecision(.profile(form), "\(lines) line(s) of the sign-up form, \(why)")
        }
        return nil
    }
}

/// A coordinator passing on one person's own request to join ("Fwd: join" with "I want a
/// mentor" from kim@…, attached whole or forwarded inline): the form goes to that person. Only
/// when our mail server vouched for the coordinator, as for a form export; anyone else's
/// forward, or one that passes on several people or asks nothing of the kind, is held as before.
struct CoordinatorForwardedJoinRule: IntakeRule {
    let name = "coordinator-forwarded-join"
    let coordinators: Set<String>
    let programAddress: String
    let verification: SenderVerification
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let from = message.from, coordinators.contains(from.normalized),
              let passed = PassedOnMail.only(in: message.message, text: message.text),
              !coordinators.contains(passed.author.normalized), passed.author.normalized != programAddress,
              Config.isPlausibleAddress(passed.author.address), JoinWords.asksToJoinOrForARole(in: OwnText(passed.text)) else { return nil }
        // Held as before without the server's word, but saying what it is and why no form went out.
        if case .unverified(let why) = verification.verify(message.message) {
            let reason = "a coordinator's forward of \(passed.author.normalized)'s request to join; the form was not sent, as the mail is "
                + "not vouched for (\(why)): send it with a vouched forward, or ask them to write to the program themselves"
            return RuleDecision(.hold(reason: reason, acknowledge: false), reason)
        }
        return RuleDecision(.coordinatorForwardedJoin(person: passed.author, subject: passed.subject, text: passed.text),
                            "a coordinator passed on \(passed.author.normalized)'s request to join")
    }
}

/// The one message a mail passes on, with its writer's own words: an attached message, or the
/// lines under a forward's header block. Nil when it passes on none, or several writers'.
struct PassedOnMail {
    var author: MailAddress
    var subject: String?
    var text: String

    static func only(in message: Message, text: String) -> PassedOnMail? {
        var attached: [Message] = []
        var stack = message.root.children
        while let part = stack.popLast() {
            if let inner = part.embeddedMessage { attached.append(inner) } else if part.isMultipart { stack.append(contentsOf: part.children) }
        }
        let forwarded = ForwardedMessages.read(message, text: text)
        guard Set(forwarded.authors.map(\.normalized)).count == 1, let author = forwarded.authors.first else { return nil }
        if attached.count == 1, let inner = attached.first {
            return PassedOnMail(author: author, subject: inner.subject, text: MailReading.body(of: inner)?.reply ?? "")
        }
        guard attached.isEmpty, forwarded.inline.count == 1 else { return nil }
        // Below the writer's words: the forward line and header block, then a blank line, then the message.
        let below = text.dropFirst(ForwardedMessages.writersText(text, subject: message.subject).count)
        // Apple Mail quotes the message it forwards ("> From: …", "> Hi, …").
        let lines = below.split(separator: "\n", omittingEmptySubsequences: false).map(ForwardedMessages.unquoted)
        guard let from = lines.firstIndex(where: { $0.contains(author.address) || $0.lowercased().contains(author.normalized) }),
              let blank = lines[from...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        return PassedOnMail(author: author, subject: forwarded.inline.first?.subject, text: lines[blank...].joined(separator: "\n"))
    }
}

/// Coordinators' mail that is none of their commands is for a person, not a sign-up form. A
/// command of the command line in it ("round open 2027-Q1 --closes 2027-01-31") is kept the
/// same, and the coordinator told how to run it.
struct CoordinatorOtherRule: IntakeRule {
    let name = "coordinator-other"
    let coordinators: Set<String>
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let from = message.from, coordinators.contains(from.normalized) else { return nil }
        let reason = "mail from a coordinator that is not a command (APPROVE/REJECT with a code, or a form export)"
        if let line = CommandLineWords.line(in: message.newText) {
            return RuleDecision(.coordinatorCommandLine(line), reason + ": the command line \"\(line)\"")
        }
        return RuleDecision(.hold(reason: reason, acknowledge: false), reason)
    }
}

/// A line of a coordinator's mail that is a command of `mentormail` on the command line.
enum CommandLineWords {
    /// The program's commands, and what their subcommands do.
    static let commands: Set<String> = [
        "init", "process", "status", "doctor", "round", "participants", "import", "match", "pairs", "event", "held", "outbox",
        "jobs", "check-templates", "parse-mail", "demo",
    ]
    static let actions: Set<String> = [
        "open", "close", "show", "list", "approve", "reject", "export", "change-address", "clear-bounce", "withdraw", "pause",
        "resume", "graduate", "end", "keep-apart", "create", "invite", "answer", "update", "cancel", "groups", "sheet",
        "rotations", "release", "retry", "resend", "set",
    ]

    /// "round open 2027-Q1 --closes 2027-01-31", "$ mentormail match --round 2027-Q1": the
    /// first such line as a command to run ("mentormail …"); nil when there is none. A line of
    /// prose that starts with one of the words ("match me with Ana, please") is none: it names
    /// the program, an option, or an action right after the command. After the program's name,
    /// a word that is no command ("mentormail staus") counts when nothing but an action or
    /// options follows it (`unknownCommand` then says what was meant).
    static func line(in text: String) -> String? {
        for raw in text.split(whereSeparator: \.isNewline) {
            var words = raw.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.first == "$" || words.first == "#" { words.removeFirst() }
            let named = words.first == "mentormail"
            if named { words.removeFirst() }
            guard let command = words.first else { continue }
            let rest = words.dropFirst()
            if !commands.contains(command) {
                guard named, command.count > 1, command.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }),
                      rest.isEmpty || rest.first.map(actions.contains) == true || rest.contains(where: { $0.hasPrefix("--") }) else { continue }
            }
            guard named || rest.contains(where: { $0.hasPrefix("--") }) || rest.first.map(actions.contains) == true,
                  named || !rest.isEmpty else { continue }
            return (["mentormail"] + words).joined(separator: " ")
        }
        return nil
    }

    /// A command line (from `line(in:)`) whose command does not exist: the word, and the line
    /// with the nearest command in its place ("mentormail staus" → "mentormail status"), nil
    /// when no command is a typing slip away. Nil for a line whose command exists.
    static func unknownCommand(in line: String) -> (word: String, meant: String?)? {
        var words = line.split(separator: " ").map(String.init)
        guard words.count > 1, !commands.contains(words[1]) else { return nil }
        let word = words[1]
        let near = typingSlips(of: word, among: commands.sorted()).min { editDistance($0, word) < editDistance($1, word) }
        guard let near else { return (word, nil) }
        words[1] = near
        return (word, words.joined(separator: " "))
    }
}

/// A participant's question, a long message, or one with only attachments: a person must
/// answer it; the sender is told the coordinators have it. One with no text at all is
/// answered at once with what they can send. A question that only asks for a change of mind
/// ("could you switch me to career mentoring?") is read as the change.
struct QuestionRule: IntakeRule {
    let name = "question"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant else { return nil }
        let text = message.newText
        let reason: String
        if message.onlyAttachments {
            reason = "only attachments (\(message.attachmentNames.joined(separator: ", "))), no text"
                + (message.textIsSubject ? ", under the Subject \"\(message.subject)\"" : "")
        } else if message.hasNoText {
            return RuleDecision(.help, "a participant's message with no text we can read")
        } else if text.contains("?") || text.contains("？") {
            if let person = context.participant, message.asksOnlyForChanges(over: person.profile) { return nil }
            let underEvent = context.answering.flatMap { $0.topic.kind == .event ? $0.topicWords : nil }
            reason = "a question from a participant" + ((underEvent ?? EventRequestWords.questionTopic(in: message.own)).map { " about \($0)" } ?? "")
        } else if text.split(whereSeparator: \.isWhitespace).count >= 40 {
            reason = "a long message from a participant"
        } else {
            return nil
        }
        return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
    }
}

/// "I don't want to pause", "don't withdraw me", "ignore my previous mail": a participant takes
/// a request back. What waits for their "yes" is cancelled, and they are told nothing changed.
/// So is a paused participant who puts off resuming ("I don't want to resume yet", "not yet,
/// I'll write when I'm back"), whatever the Subject. After the questions: "I don't want to
/// pause, but when is the next round?" is for a person.
struct TakeBackRule: IntakeRule {
    let name = "take-back"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, message.command == nil, !message.form.looksLikeForm else { return nil }
        if let taken = message.takenBack {
            return RuleDecision(.takeBack(taken.command), "\"\(taken.sentence)\": takes back " + (taken.command.map { "\"\($0.name)\"" } ?? "the previous request"))
        }
        guard context.participant?.status == .paused, let sentence = message.putsOffResuming else { return nil }
        return RuleDecision(.takeBack(.resume), "\"\(sentence)\": puts off resuming, from a paused participant")
    }
}

/// A participant who asks what we hold about them ("what data do you hold about me?", "¿qué
/// datos tenéis de mí?") is shown it at once; a question beside it is held for a coordinator too.
struct DataRequestRule: IntakeRule {
    let name = "data-request"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, !message.form.looksLikeForm, let request = message.dataRequest else { return nil }
        return RuleDecision(.showData(alsoAsks: request.alsoAsks),
                            "\"\(request.sentence)\": asks what we hold about them" + (request.alsoAsks ? ", and asks something else" : ""))
    }
}

/// A known person's message (an erased one's too) that speaks of privacy or of deleting data
/// ("what do you keep under GDPR?", "can my data be removed later?") but asks nothing we can
/// carry out: a coordinator answers it, never the generic help or the sign-up form.
struct PrivacyWordsRule: IntakeRule {
    let name = "privacy-words"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.participant != nil, !message.form.looksLikeForm, message.speaksOfPrivacy else { return nil }
        let reason = "speaks of privacy or of deleting data, not read as a request"
        return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
    }
}

/// A participant's message that speaks of leaving, pausing or not going on ("I may have to
/// stop soon", "no sé si puedo seguir") but asks nothing we can carry out: a person must read
/// it, and the sender is told the coordinators have it, never just sent the help.
struct LeavingWishRule: IntakeRule {
    let name = "leaving-wish"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant, !message.form.looksLikeForm, message.soundsLikeLeaving else { return nil }
        let reason = "what may be a wish to leave or pause, not read as a request"
        return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
    }
}

/// A remark on how a mentorship goes ("Not sure yet about the fit", "we meet every week") from
/// someone in a pair with no survey open: the coordinators read it; nothing is changed.
struct MentoringRemarkRule: IntakeRule {
    let name = "mentoring-remark"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let person = context.participant, context.isParticipant, !context.ongoingPairs.isEmpty,
              !message.form.looksLikeForm || message.formOnlyQuotes(person.profile), message.remarksOnMentoring else { return nil }
        let reason = context.openSurvey == nil ? "a remark on their mentoring, with no check-in survey open"
            : "a remark on their mentoring that answers too little of their open check-in to be read as its answers"
        return RuleDecision(.hold(reason: reason, acknowledge: true), reason)
    }
}

/// A participant's message that nothing else understood but that says in sentences what the
/// form asks ("I can take two mentees this round", "je préfère être mentor"): a profile change
/// with those values, whose confirmation lists them so a wrong reading can be corrected. Not
/// for someone withdrawn, whom a profile change would bring back.
struct ProfileInSentencesRule: IntakeRule {
    let name = "profile-in-sentences"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard let person = context.participant, [.active, .incomplete, .paused].contains(person.status),
              let form = message.formInSentences(over: person.profile), form.fieldsFound > 0 else { return nil }
        let lines = form.answeredFields.map(\.label).sorted().joined(separator: ", ")
        return RuleDecision(.profile(form), "a participant's sentences read as form lines: \(lines)")
    }
}

/// A participant's short message that is no command and no form: answered with what they can write.
struct UnclearParticipantRule: IntakeRule {
    let name = "unclear"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard context.isParticipant else { return nil }
        return RuleDecision(.help, "a participant's message with no command, form line or question")
    }
}

/// Someone not in the program (never, or no longer: erased) who passes on or quotes a mail of
/// ours in a mail of their own, not as a reply to it ("FYI, I left the program but Bob was
/// great. Can you tell him thanks?" above an old introduction), and asks nowhere to join: a
/// note for the coordinators, held, and the writer told they will read it. Never the sign-up
/// form, which would read their note as a request to join. Our sign-up form passed back, and
/// a request to join, are read by the rules before and after this one.
struct NoteOnOurMailRule: IntakeRule {
    let name = "note-on-our-mail"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        guard !context.isParticipant, context.answering.map({ context.answeringForwarded && $0.kind != .signupForm }) ?? true,
              !message.hasNoText, message.joinRoleAboveForward == nil, !message.asksToJoinAboveForward, message.passesOnOurMail else { return nil }
        let who = context.participant?.status == .erased ? "someone whose data was deleted" : "someone not in the program"
        let reason = "a note from \(who) about a mail of ours they pass on or quote (\(context.answering?.description ?? "not a reply to it")), "
            + "asking nowhere to join: for a coordinator"
        return RuleDecision(.hold(reason: reason, acknowledge: true, namesContext: context.answering != nil), reason)
    }
}

/// Anyone else who writes in gets the sign-up form; a question it does not answer goes to the
/// coordinators too, and so does a mail of only attachments, or one too long to read whole
/// (whose clauses, read in part, are no question of theirs to quote).
struct StrangerRule: IntakeRule {
    let name = "first-contact"
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision? {
        let role = message.joinRole
        let who = context.participant?.status == .erased ? "someone whose data was deleted wrote again" : "someone the program does not know"
        let held: FirstMailHold? = message.onlyAttachments ? .attachments(message.attachmentNames) : message.isLong ? .long : nil
        let question = held == nil ? FirstQuestion.read(message.own) : nil
        let why = switch held {
        case .attachments(let names): ", with only attachments (\(names.joined(separator: ", ")))"
        case .long: ", in a long message"
        case nil: question == nil ? "" : ", with a question"
        }
        return RuleDecision(.signUpRequest(role: role, question: question, held: held),
                            (role.map { "\(who), asking to join as \($0.rawValue)" } ?? who) + why)
    }
}
