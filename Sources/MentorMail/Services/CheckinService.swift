import Foundation
import GRDB
import Mail

/// The check-in about three months after an introduction: the survey to each side, one
/// reminder, the answers however they are written, and what they lead to.
struct CheckinService {
    let work: Work

    /// How a notice says that someone left a note: the digest shows the note with that notice only.
    static let leftANote = "left a note"
    /// How a no-answer notice names a held message that may be the answer: the digest suggests reading it.
    static let mayBeTheirAnswer = "it may be their answer"

    private var pairs: PairService { PairService(work: work) }

    /// Schedules a new pair's check-in (`[checkin] after_days` after the introduction).
    func schedule(_ mentorship: Mentorship) throws {
        guard let id = mentorship.id else { return }
        let due = mentorship.introducedAt.addingTimeInterval(Double(work.config.checkin.afterDays) * 86_400)
        try work.jobs.schedule(.checkinSurvey, subjectID: id, at: due, key: "checkin-survey:\(id)")
    }

    /// The survey job: one survey to each side still in the program, then the reminder's job.
    /// It counts from the day the introduction really went out: one held (an address bounced)
    /// or sent later than the approval puts it off.
    func sendSurveys(mentorshipID: Int64) throws {
        guard let pair = try pairs.pair(mentorshipID), pair.mentorship.isOngoing else { return }
        let afterDays = Double(work.config.checkin.afterDays) * 86_400
        guard let introduced = try AppDatabase.introductionDate(work.db, of: pair.mentorship) else {
            // Not introduced yet: look again in a reminder's span.
            let again = work.now.addingTimeInterval(Double(work.config.checkin.reminderAfterDays) * 86_400)
            try work.jobs.schedule(.checkinSurvey, subjectID: mentorshipID, at: again, key: "checkin-survey:\(mentorshipID):\(again.timeIntervalSince1970)")
            return
        }
        // (Within a day counts as on time: an introduction goes out with the run after the approval.)
        let due = introduced.addingTimeInterval(afterDays)
        if due > work.now.addingTimeInterval(86_400) {
            try work.jobs.schedule(.checkinSurvey, subjectID: mentorshipID, at: due, key: "checkin-survey:\(mentorshipID):\(due.timeIntervalSince1970)")
            return
        }
        for (person, partner, side) in [(pair.mentee, pair.mentor, Survey.Side.mentee), (pair.mentor, pair.mentee, .mentor)] {
            guard let personID = person.id, PairService.reachable(person), person.status != .paused else { continue }
            var survey = Survey(mentorshipID: mentorshipID, participantID: personID, side: side, sentAt: work.now)
            try survey.insert(work.db)
            let own = try AppDatabase.introductionDate(work.db, of: pair.mentorship, to: person.email) ?? introduced
            try work.outbox.send(CheckinSurveyMail(person: PersonName(person.profile.name), partner: PersonName(naming: partner),
                                                   isMentee: side == .mentee, isMentor: side == .mentor,
                                                   introduced: MailDate.day(own)),
                                 to: [PairService.address(person)], about: .survey(survey.id),
                                 language: work.mailLanguage(for: person))
        }
        let reminder = work.now.addingTimeInterval(Double(work.config.checkin.reminderAfterDays) * 86_400)
        try work.jobs.schedule(.checkinReminder, subjectID: mentorshipID, at: reminder, key: "checkin-reminder:\(mentorshipID)")
        try work.audit.record("scheduler", "checkin-sent", "mentorship \(mentorshipID)")
    }

    /// The reminder job: once, to whoever has not answered; then a last look a reminder's span later.
    func sendReminders(mentorshipID: Int64) throws {
        guard let pair = try pairs.pair(mentorshipID), pair.mentorship.isOngoing else { return }
        let introduced = try AppDatabase.introductionDate(work.db, of: pair.mentorship) ?? pair.mentorship.introducedAt
        for var survey in try surveys(of: mentorshipID) where survey.answeredAt == nil && survey.reminderSentAt == nil {
            let (person, partner) = survey.side == .mentee ? (pair.mentee, pair.mentor) : (pair.mentor, pair.mentee)
            // A survey a coordinator took back before it went has nothing to remind of.
            guard PairService.reachable(person), try !AppDatabase.surveyTakenBack(work.db, survey: survey.id ?? -1) else { continue }
            survey.reminderSentAt = work.now
            try survey.update(work.db)
            let own = try AppDatabase.introductionDate(work.db, of: pair.mentorship, to: person.email) ?? introduced
            try work.outbox.send(CheckinReminderMail(person: PersonName(person.profile.name), partner: PersonName(naming: partner),
                                                     isMentee: survey.side == .mentee, isMentor: survey.side == .mentor,
                                                     introduced: MailDate.day(own)),
                                 to: [PairService.address(person)], about: .survey(survey.id),
                                 language: work.mailLanguage(for: person))
        }
        let look = work.now.addingTimeInterval(Double(work.config.checkin.reminderAfterDays) * 86_400)
        try work.jobs.schedule(.checkinSilence, subjectID: mentorshipID, at: look, key: "checkin-silence:\(mentorshipID)")
    }

    /// The last look: whoever is still silent after the reminder goes to the coordinators' digest.
    func reportSilence(mentorshipID: Int64) throws {
        guard let pair = try pairs.pair(mentorshipID), pair.mentorship.isOngoing else { return }
        let silent = try surveys(of: mentorshipID).filter { $0.answeredAt == nil && $0.reminderSentAt != nil }
        guard !silent.isEmpty else { return }
        let names = silent.map { $0.side == .mentee ? "the mentee \(pair.mentee.profile.name)" : "the mentor \(pair.mentor.profile.name)" }
        // A message held from them (or another address of their mailbox) since the survey went
        // out may be their answer; older ones cannot be.
        let held = try silent.flatMap { survey in
            let person = survey.side == .mentee ? pair.mentee : pair.mentor
            return try AppDatabase.heldMessages(work.db, from: person.email, about: survey.id, since: survey.sentAt)
        }
        let heldNote = held.isEmpty ? "" : "; but " + held.map { "message #\($0.id ?? 0) from \($0.sender ?? "?") is held (mentormail held show \($0.id ?? 0))" }
            .joined(separator: ", ") + ": " + Self.mayBeTheirAnswer
        try pairs.notice(.noAnswer, pair, "no answer to the check-in after the reminder from \(names.joined(separator: " and "))" + heldNote)
    }

    func surveys(of mentorshipID: Int64) throws -> [Survey] {
        try Survey.filter(Survey.Columns.mentorshipID == mentorshipID).order(Column("id")).fetchAll(work.db)
    }

    /// A reply to a check-in: reads the answers, keeps the text, confirms what was understood
    /// and asks only about what is still unclear; then acts on them.
    /// `cameUnder`: the partner whose survey the reply came under, when it was about this pair instead.
    func receiveAnswer(surveyID: Int64, _ inbound: Inbound, cameUnder: String? = nil) throws -> Outcome {
        guard var survey = try Survey.fetchOne(work.db, key: surveyID), let pair = try pairs.pair(survey.mentorshipID),
              survey.participantID == inbound.context.participant?.id else {
            // Someone else answering a survey that is not theirs: a person should look.
            return try HeldMailService(work: work).hold(inbound, reason: "a reply to someone else's check-in", acknowledge: true, forSomeoneElse: true)
        }
        let message = inbound.message
        // Profile lines beside the answers ("Languages: English, French") change the profile as
        // in any other mail; the answers are read without them.
        let profileLines = SignupFormParser.ownFormLines(in: inbound.newText)
        let newText = profileLines?.rest ?? inbound.newText
        let text = profileLines == nil ? message.textBody ?? "" : SignupFormParser.ownFormLines(in: message.textBody ?? "")?.rest ?? message.textBody ?? ""
        var reading = SurveyAnswerReader().read(text: text, newText: newText, sentLines: try sentLines(of: survey),
                                                askedAgain: try askedAgain(in: message, survey: survey))
        // A "note" that only greets or thanks, names aside ("Oi Maria e equipe! Obrigada por tudo!"), is none.
        let courtesyNote = reading.answers.note.map { Self.onlyCourtesy($0, names: [pair.mentee.profile.name, pair.mentor.profile.name,
                                                                                   inbound.sender.name ?? ""]) } ?? false
        if courtesyNote { reading.answers.note = nil }
        let profileForm = profileLines.map { SignupFormParser(vocabulary: work.config.enrollment.vocabulary).parse($0.lines, senderName: inbound.sender.name) }
        if let profileForm, reading.answers.answered.allSatisfy({ $0 == .note }) && reading.unclear.isEmpty && reading.unplaced.isEmpty,
           reading.answers.note == nil || Courtesy.isThanks(OwnText(newText), signedBy: inbound.sender.name) {
            // Nothing but profile lines (and thanks): a profile change, answered as one.
            return try EnrollmentService(work: work).receiveProfile(profileForm, inbound)
        }
        // "Thanks!", "Got it, thanks", "Thank you, will do": no answer, no note, nothing to say back.
        // A bare "ok" thanks for nothing: it is answered with the questions.
        let bareAcknowledgement = SurveyVocabulary.acknowledgesWithoutThanks(EnrollmentText.words(SurveyAnswerReader().ownLines(newText).joined(separator: " ")))
        if reading.answers.answered.allSatisfy({ $0 == .note }) && reading.unclear.isEmpty && !bareAcknowledgement
            && (Courtesy.isThanks(inbound.reading.own, signedBy: inbound.sender.name) || (courtesyNote && reading.unplaced.isEmpty)) {
            return Outcome(.ignored, "a thank-you under their check-in: not answered, no answer recorded")
        }
        if reading.answers.answered.isEmpty && reading.unclear.isEmpty,
           let command = CommandWords.detect(in: newText, subject: message.subject) {
            // "pause" under the survey is a command, not an answer.
            return try EnrollmentService(work: work).apply(command, inbound)
        }
        // A wish to leave or pause written under the survey ("por desgracia no puedo seguir con
        // la mentoría") is that request, never a note or a "continue".
        // An unsure pause ("we'll take a break in August") is left to the answers.
        if let request = CommandWords.read(in: newText),
           [.withdraw, .deleteData].contains(request.command) || (request.command == .pause && request.sure) {
            let enrollment = EnrollmentService(work: work)
            return request.sure && request.command != .deleteData ? try enrollment.apply(request.command, inbound)
                                                                   : try enrollment.askToConfirm(request.command, inbound)
        }
        // News of being away ("estoy de baja hasta marzo") answers nothing: it is answered as in
        // a fresh message, counts as no answer, and the reminder still comes.
        if reading.answers.answered.allSatisfy({ $0 == .note }) && reading.unclear.isEmpty,
           inbound.reading.isAwayNews(partnerNames: [(survey.side == .mentee ? pair.mentor : pair.mentee).profile.name]) {
            return try EnrollmentService(work: work).answerWithHelp(inbound)
        }
        // Answers that end this pair while naming only another partner of theirs ("need a new
        // match. Sam has not answered") may have been written under the wrong survey: a
        // coordinator looks before a pair ends.
        if reading.answers.fit == .notGood || reading.answers.next == .newMatch,
           let other = try otherPartnerNamedInstead(survey: survey, pair: pair, text: newText, ongoing: inbound.context.ongoingPairs) {
            let about = (survey.side == .mentee ? pair.mentor : pair.mentee).profile.name
            return try HeldMailService(work: work).hold(inbound, reason: "check-in answers that would end the pair with \(about), written under that survey "
                                                        + "but naming only \(other), another partner of theirs: which pair is meant?", acknowledge: true)
        }
        // Answers that would end a pair, written outside its survey (under an introduction, in a
        // fresh message) by someone in several pairs, could be about any of them.
        let underThisSurvey = inbound.context.answering?.topic == .survey(surveyID)
        if reading.answers.fit == .notGood || reading.answers.next == .newMatch, !underThisSurvey, inbound.context.ongoingPairs.count > 1 {
            return try HeldMailService(work: work).hold(inbound, reason: "check-in answers that would end a pair, written outside that pair's survey by someone "
                                                        + "in \(inbound.context.ongoingPairs.count) pairs: which pair is meant?", acknowledge: true)
        }
        if let elsewhere = try answersAboutAnotherPair(survey: survey, pair: pair, inbound) { return elsewhere }
        let before = survey.answers
        let alreadyOver = !pair.mentorship.isOngoing
        let unsure = survey.nextUnclear || reading.unclear[.next] != nil
        survey.answers = before.merged(with: Self.keepingStoredRating(reading, before: before, newText: newText))
        // A doubtful what-next is remembered, so that the other side's "graduate" waits for a clear one.
        if unsure && survey.answers.next == nil { survey.next = Survey.unclearNext }
        survey.replies += (survey.replies.isEmpty ? "" : "\n\n---\n\n") + inbound.newText
        if !reading.answers.answered.isEmpty && survey.answeredAt == nil { survey.answeredAt = work.now }
        if survey.answers.isComplete && survey.completedAt == nil { survey.completedAt = work.now }
        try survey.update(work.db)
        try work.audit.record(inbound.sender.normalized, "checkin-answered",
                              "survey \(surveyID): \(reading.answers.answered.map { "\($0.rawValue)" }.joined(separator: ",")) (\(reading.shape))")

        let person = survey.side == .mentee ? pair.mentee : pair.mentor
        let partner = survey.side == .mentee ? pair.mentor : pair.mentee
        // Text that is neither an answer nor the note goes to the coordinators, never lost.
        var unread = reading.unclear.sorted { $0.key < $1.key }.map(\.value)
        // A remark that answers nothing ("meh" beside the answers), except the person's own name signing off.
        let names = Set([person.profile.name, inbound.sender.name ?? ""].flatMap { EnrollmentText.words($0) })
        let remarks = reading.unplaced.filter { !EnrollmentText.words($0).allSatisfy(names.contains) }
        unread += remarks
        if reading.answers.answered.isEmpty && unread.isEmpty && !reading.later {
            let own = SurveyAnswerReader().ownLines(newText).joined(separator: " ")
            if !own.isEmpty { unread.append(own) }
        }
        let effect = try act(on: survey, before: before, pair: pair, person: person, unread: unread, unsure: reading.unclear[.next] != nil)
        if effect == .graduated || effect == .ended { try retellFinalState(to: try partnerSurvey(of: survey), pair, graduated: effect == .graduated) }
        let answers = survey.answers
        let language = try inbound.language(in: work)
        var mail = Self.answersMail(answers, person: person, partner: partner, language: language, unclear: reading.unclear, before: before)
        mail.ratingWritten = reading.answers.rating == nil ? nil : reading.ratingWritten
        mail.passedOn = remarks
        mail.cameUnder = cameUnder
        mail.hasPassedOn = remarks.isEmpty ? nil : true
        if let profileForm { mail.profile = try EnrollmentService(work: work).storeProfile(profileForm, inbound, sentences: false).answer }
        // Nothing more is asked of a pair that ends or graduates, nor of one waiting to graduate.
        let pending = if case .pending = effect { true } else { false }
        if ![.ended, .graduated, .graduating].contains(effect) && !pending && !alreadyOver {
            mail.askMissing(answers)
        }
        mail.graduated = effect == .graduated || effect == .graduating ? true : nil
        mail.partnerUnknown = effect == .graduating ? true : nil
        if case .pending(let until) = effect { mail.graduatesBy = MailDate.day(until) }
        if case .disagreed(let byPartner) = effect {
            mail.disagreed = true
            mail.partnerAsked = byPartner ? true : nil
        }
        mail.ended = effect == .ended ? true : nil
        mail.alreadyEnded = alreadyOver ? true : nil
        mail.nothingUnderstood = reading.answers.answered.isEmpty && before.answered.isEmpty && !reading.later ? true : nil
        if reading.later {
            // A promise to answer later: we wait, and ask nothing yet.
            mail.later = true
            mail.hasMissing = nil
            (mail.missingRating, mail.missingMeeting, mail.missingFit, mail.missingNext) = (nil, nil, nil, nil)
        }
        try inbound.answer(mail, in: work, about: .survey(surveyID), language: language)
        let passed = remarks.isEmpty ? "" : "; passed on to the coordinators: " + remarks.map { "\"\($0)\"" }.joined(separator: ", ")
        let changed = profileForm.map { " and profile lines: " + $0.answeredFields.map(\.label).sorted().joined(separator: ", ") } ?? ""
        return Outcome(.answered, "check-in answers (\(reading.shape))\(changed): \(Self.describe(answers))\(passed)")
    }

    /// What the answers did: `graduating` waits for the run's other answers (a job);
    /// `pending`: a lone "graduate" waits for the other side until that day (their survey's
    /// last look); `disagreed`: one side said graduate, the other continue, and the pair goes on
    /// (`byPartner`: the partner asked to graduate, and this answer is the "continue").
    enum Effect: Equatable { case none, graduated, graduating, pending(Date), disagreed(byPartner: Bool), ended }

    /// What new answers lead to: a pair that meets is active; "graduate" ends it well; "not a
    /// good fit" or "need a new match" ends it and the mentee is matched again; worrying answers
    /// and notes go to the coordinators' digest.
    private func act(on survey: Survey, before: SurveyAnswers, pair: PairService.Pair, person: Participant, unread: [String],
                     unsure: Bool = false) throws -> Effect {
        let answers = survey.answers
        let who = "the \(survey.side.rawValue) \(person.profile.name)"
        if let meeting = answers.meeting, meeting != .no, pair.mentorship.status == .introduced {
            var mentorship = pair.mentorship
            mentorship.status = .active
            try mentorship.update(work.db)
        }
        var reasons: [String] = []
        if let rating = answers.rating, rating <= 2, before.rating != rating { reasons.append(Self.rated(rating)) }
        if answers.meeting == .no, before.meeting != .no { reasons.append(Self.notMeeting) }
        if answers.fit == .notGood, before.fit != .notGood { reasons.append(Self.notAFit) }
        if answers.next == .newMatch, before.next != .newMatch { reasons.append(Self.asksForANewMatch) }
        let newNote = answers.note.map { $0 != before.note && !$0.isEmpty } ?? false
        if newNote { reasons.append(Self.leftANote) }
        try withdrawUndoneAlarms(of: survey, who: who, newNote: newNote)
        let partner = try partnerSurvey(of: survey)
        let partnerNext = partner?.answers.next
        if unsure, partnerNext == .graduate { reasons.append(Self.unsureWhatNext) }
        if answers.next == .graduate, before.next != .graduate, partner?.nextUnclear == true { reasons.append(Self.graduateWhileUnsure) }
        if !unread.isEmpty { reasons.append(Self.couldNotRead + unread.map { "\"\($0)\"" }.joined(separator: ", ")) }
        // A pair already over: the coordinators get the answers all the same.
        if !pair.mentorship.isOngoing, reasons.isEmpty, answers != before { reasons.append("answered after the pair had \(pair.mentorship.status.rawValue)") }
        let current = try pairs.pair(survey.mentorshipID) ?? pair
        if !reasons.isEmpty {
            try pairs.notice(.checkinAlert, current, "\(who) " + reasons.joined(separator: ", "), surveyID: survey.id)
        }
        // Graduating takes both sides: one's "graduate" against the other's "continue" ends
        // nothing, and the coordinators are told. A lone "graduate" waits for the other side
        // until their survey's last look; one whose last look has passed may still answer in
        // this run, so the pair graduates once the run's answers are all in.
        if answers.next == .graduate, before.next != .graduate, current.mentorship.isOngoing {
            if partnerNext == .continue {
                try disagreement(current, graduating: survey.side)
                try tellGoesOn(current, side: survey.side == .mentee ? .mentor : .mentee, graduating: survey.side)
                return .disagreed(byPartner: false)
            }
            if partnerNext == .graduate {
                return try pairs.graduate(current, by: person.email, reason: "both answered the check-in: graduate") ? .graduated : .none
            }
            if partner?.nextUnclear == true { return .none }
            guard partner != nil else {
                return try pairs.graduate(current, by: person.email, reason: "the \(who) answered the check-in: graduate; the other side had no check-in")
                    ? .graduated : .none
            }
            let until = try waitForPartner(of: survey.side, mentorshipID: survey.mentorshipID)
            try work.jobs.schedule(.checkinGraduation, subjectID: survey.mentorshipID, at: until ?? work.now,
                                   key: "checkin-graduation:\(survey.id ?? 0):\(Int((until ?? work.now).timeIntervalSince1970))")
            return until.map { .pending($0) } ?? .graduating
        }
        let graduating: Survey.Side = survey.side == .mentee ? .mentor : .mentee
        if answers.next == .continue, before.next != .continue, current.mentorship.isOngoing, try wordsWaiting(of: graduating, survey.mentorshipID) {
            // The other side wrote to graduate and waits: they are told the pair goes on; this
            // side's answers mail says so.
            try work.jobs.retire([.graduationWords], subjectID: survey.mentorshipID)
            try disagreeWithWords(current, askedBy: graduating, tellingOther: false)
            return .disagreed(byPartner: true)
        }
        if answers.next == .continue, before.next != .continue, partnerNext == .graduate, current.mentorship.isOngoing {
            try disagreement(current, graduating: graduating)
            try tellGoesOn(current, side: graduating, graduating: graduating)
            return .disagreed(byPartner: true)
        }
        if answers.next == .newMatch || answers.fit == .notGood, before.next != .newMatch && before.fit != .notGood {
            let why = answers.next == .newMatch ? "asked for a new match" : "found it was not a good fit"
            return try pairs.end(current, by: person.email, reason: "\(who) \(why) in the check-in") ? .ended : .none
        }
        return .none
    }

    /// The name of another ongoing partner of the survey's person that `text` names, when it
    /// does not name this survey's partner; nil otherwise.
    private func otherPartnerNamedInstead(survey: Survey, pair: PairService.Pair, text: String, ongoing: [Int64]) throws -> String? {
        let words = Set(EnrollmentText.words(text))
        func named(_ person: Participant) -> Bool {
            let name = EnrollmentText.words(person.profile.name)
            return name.first.map(words.contains) ?? false
        }
        guard !named(survey.side == .mentee ? pair.mentor : pair.mentee) else { return nil }
        for id in ongoing where id != survey.mentorshipID {
            guard let other = try pairs.pair(id) else { continue }
            let partner = other.mentee.id == (survey.side == .mentee ? pair.mentee.id : pair.mentor.id) ? other.mentor : other.mentee
            if named(partner) { return partner.profile.name }
        }
        return nil
    }

    /// A reply under one pair's survey naming only the partner of another of the writer's
    /// pairs is about that pair: its answers while its check-in is open, else a coordinator
    /// records them. Naming partners in several pairs, a coordinator reads which is meant.
    private func answersAboutAnotherPair(survey: Survey, pair: PairService.Pair, _ inbound: Inbound) throws -> Outcome? {
        let context = inbound.context
        let named = context.pairsNamed(in: inbound.newText)
        guard let other = named.first(where: { $0 != survey.mentorshipID }) else { return nil }
        let under = PersonName(naming: survey.side == .mentee ? pair.mentor : pair.mentee).name
        let held = HeldMailService(work: work)
        guard named == [other] else {
            return try held.hold(inbound, reason: "check-in answers under the survey about the pair with \(under), naming partners "
                                 + "in \(named.count) pairs: which pair is meant?", acknowledge: true)
        }
        let partner = context.partnerByPair[other]?.name ?? context.pair(other)
        guard let open = context.openSurveyByPair[other] else {
            return try held.hold(inbound, reason: "check-in answers under the survey about the pair with \(under), naming only \(partner): "
                                 + "about \(context.pair(other)), whose check-in is not open; not recorded for another pair, a coordinator records them",
                                 acknowledge: true)
        }
        return try receiveAnswer(surveyID: open, inbound, cameUnder: under)
    }

    /// Whether `note` only greets, thanks or apologises, once the pair's and writer's names are left out.
    static func onlyCourtesy(_ note: String, names: [String]) -> Bool {
        let named = Set(names.flatMap { EnrollmentText.words($0) })
        let words = EnrollmentText.words(note).filter { !named.contains($0) }
        return !words.isEmpty && Courtesy.onlyCourtesy(words)
    }

    /// How the reason of held check-in answers, not recorded, begins: its writer is told so.
    static let answersNotRecorded = "check-in answers"

    static func rated(_ rating: Int) -> String { "rated it \(rating) of 5" }
    static let notMeeting = "says they are not meeting"
    static let notAFit = "says it is not a good fit"
    static let asksForANewMatch = "asks for a new match"
    static let couldNotRead = "wrote what we could not read as answers: "
    static let unsureWhatNext = "is unsure about graduating while the other side answered graduate: the pair goes on until they say"
    static let graduateWhileUnsure = "answered graduate while the other side is unsure: the pair goes on until they say"

    /// Alarms about this survey still waiting for the digest that a later answer undid ("rated
    /// it 1 of 5" before "sorry, I meant 3"), or a note since replaced: taken out, so the digest
    /// speaks of the final answers. What could not be read stays.
    private func withdrawUndoneAlarms(of survey: Survey, who: String, newNote: Bool) throws {
        let answers = survey.answers
        let waiting = try DigestNotice.filter(Column("surveyID") == survey.id && Column("kind") == DigestNotice.Kind.checkinAlert.rawValue
                                              && Column("digestedAt") == nil).fetchAll(work.db)
        for var notice in waiting where notice.detail.hasPrefix(who + " ") {
            var rest = String(notice.detail.dropFirst(who.count + 1))
            var unread: String?
            if let range = rest.range(of: Self.couldNotRead) {
                unread = String(rest[range.lowerBound...])
                rest = String(rest[..<range.lowerBound])
            }
            let alarms = rest.components(separatedBy: ", ").filter { !$0.isEmpty }
            let kept = alarms.filter { alarm in
                switch alarm {
                case Self.notMeeting: answers.meeting == .no
                case Self.notAFit: answers.fit == .notGood
                case Self.asksForANewMatch: answers.next == .newMatch
                case Self.leftANote: !newNote && answers.note != nil
                default: !alarm.hasPrefix("rated it ") || answers.rating.map(Self.rated) == alarm
                }
            }
            guard kept != alarms else { continue }
            let parts = kept + [unread].compactMap { $0 }
            if parts.isEmpty {
                try notice.delete(work.db)
            } else {
                notice.detail = who + " " + parts.joined(separator: ", ")
                try notice.update(work.db)
            }
        }
    }

    /// The other side's answer of this run, still queued, said what was then true (their
    /// "graduate" waits for this side, questions still open); this answer has just graduated
    /// or ended the pair. It is replaced by one that tells the final state, so that nobody
    /// gets two answers that contradict each other in one run.
    private func retellFinalState(to other: Survey?, _ pair: PairService.Pair, graduated: Bool) throws {
        guard let other else { return }
        try retell(other, pair, because: "the other side's answer \(graduated ? "graduated" : "ended") the pair") { mail in
            mail.graduated = graduated ? true : nil
            mail.alreadyEnded = graduated ? nil : true
        }
    }

    /// Replaces `survey`'s answers mail queued in this run by one that says `change` (in the same
    /// transaction as the answer that changed things); false when there is none to replace.
    @discardableResult
    private func retell(_ survey: Survey, _ pair: PairService.Pair, because why: String,
                        _ change: (inout CheckinAnswersMail) -> Void) throws -> Bool {
        guard let id = survey.id else { return false }
        let rows = try OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.checkinAnswers.rawValue)
            .filter(Column("topicKind") == Topic.Kind.survey.rawValue && Column("topicID") == id)
            .filter(Column("status") == OutboxMessage.Status.queued.rawValue && Column("createdAt") == work.now).fetchAll(work.db)
        let (person, partner) = survey.side == .mentee ? (pair.mentee, pair.mentor) : (pair.mentor, pair.mentee)
        var replaced = false
        for var row in rows {
            guard let message = try AppDatabase.message(work.db, inboundID: row.inboundID), let address = row.recipientList.first else { continue }
            row.status = .retired
            row.lastError = "replaced in the same run: \(why)"
            try row.update(work.db)
            let language = work.mailLanguage(for: person)
            var mail = Self.answersMail(survey.answers, person: person, partner: partner, language: language)
            change(&mail)
            try work.outbox.answer(mail, to: MailAddress(address: address, name: person.profile.name), replyingTo: message,
                                   inboundID: row.inboundID, about: .survey(id), language: language)
            replaced = true
        }
        return replaced
    }

    /// A later reply's answers, less a rating it gives only in middling words ("going fine",
    /// "ok") in its text when a rating is stored: the stored one stays. A number, words at
    /// either end ("great", "not good"), an answer under question 1 or a correction replace it.
    static func keepingStoredRating(_ reading: SurveyReading, before: SurveyAnswers, newText: String) -> SurveyAnswers {
        var answers = reading.answers
        if let stored = before.rating, let rating = answers.rating, rating != stored, (3...4).contains(rating), reading.shape == "in the text",
           !SurveyVocabulary.statesRating(rating, in: newText), !SurveyAnswerReader.corrects(newText) {
            answers.rating = nil
        }
        return answers
    }

    /// The answers mail with `answers` so far, in `language`, and the answers that could not be read.
    /// `before`: the answers stored before this reply; each one it changed is shown beside the new one.
    private static func answersMail(_ answers: SurveyAnswers, person: Participant, partner: Participant, language: String?,
                                    unclear: [SurveyQuestion: String] = [:], before: SurveyAnswers = SurveyAnswers()) -> CheckinAnswersMail {
        let wording = ProfileWording(language: language)
        func changed<T: Equatable>(_ answer: KeyPath<SurveyAnswers, T?>) -> T? {
            before[keyPath: answer].flatMap { $0 == answers[keyPath: answer] ? nil : $0 }
        }
        var mail = CheckinAnswersMail(
            person: PersonName(person.profile.name), partner: PersonName(naming: partner),
            rating: answers.rating, meeting: answers.meeting.map(wording.answer), fit: answers.fit.map(wording.answer),
            next: answers.next.map(wording.answer), note: answers.note,
            unclear: unclear.sorted { $0.key < $1.key }.map { .init(number: $0.key.rawValue, wrote: $0.value) },
            hasUnclear: !unclear.isEmpty, complete: answers.isComplete)
        mail.ratingBefore = changed(\.rating)
        mail.meetingBefore = changed(\.meeting).map(wording.answer)
        mail.fitBefore = changed(\.fit).map(wording.answer)
        mail.nextBefore = changed(\.next).map(wording.answer)
        mail.noteBefore = changed(\.note)
        return mail
    }

    /// The other side's latest survey of the same pair, if they got one.
    private func partnerSurvey(of survey: Survey) throws -> Survey? {
        try surveys(of: survey.mentorshipID).last { $0.side != survey.side }
    }

    /// Whether words to graduate from `side` wait for the other side (a `graduation-words` job).
    private func wordsWaiting(of side: Survey.Side, _ mentorshipID: Int64) throws -> Bool {
        try ScheduledJob.filter(ScheduledJob.Columns.kind == ScheduledJob.Kind.graduationWords.rawValue
                                && Column("subjectID") == mentorshipID
                                && ScheduledJob.Columns.status == ScheduledJob.Status.pending.rawValue)
            .fetchAll(work.db).contains { Self.side(ofGraduationWordsKey: $0.uniqueKey) == side }
    }

    /// Until when a lone "graduate" of `side` waits for the other side: their survey's last
    /// look, while they have not said what comes next; nil when they cannot say it any more.
    private func waitForPartner(of side: Survey.Side, mentorshipID: Int64) throws -> Date? {
        guard let partner = try surveys(of: mentorshipID).last(where: { $0.side != side }), partner.answers.next == nil else { return nil }
        let look = partner.lastLook(span: Double(work.config.checkin.reminderAfterDays) * 86_400)
        return look > work.now ? look : nil
    }

    /// One side says graduate and the other continue: the pair goes on, and the digest says so
    /// with the commands that end it once they agree.
    func disagreement(_ pair: PairService.Pair, graduating side: Survey.Side) throws {
        let id = pair.mentorship.id ?? 0
        let (graduating, continuing) = side == .mentee ? ("the mentee \(pair.mentee.profile.name)", "the mentor \(pair.mentor.profile.name)")
                                                       : ("the mentor \(pair.mentor.profile.name)", "the mentee \(pair.mentee.profile.name)")
        try pairs.notice(.checkinAlert, pair, "they disagree: \(graduating) wants to graduate, \(continuing) to continue; the pair goes on. "
                         + "Once they agree: `mentormail pairs graduate \(id) --reason TEXT` to graduate it, or `mentormail pairs end \(id) --reason TEXT` to end it")
        try work.audit.record("checkin", "checkin-disagreement", "mentorship \(id)")
    }

    /// Tells one side of the pair that it goes on for now: the side whose answer came first (the
    /// answers mail of the other side says so already). When that side's answer of this run is
    /// still queued, it is rewritten to say so instead: one answer per side per run.
    private func tellGoesOn(_ pair: PairService.Pair, side: Survey.Side, graduating: Survey.Side) throws {
        let (person, partner) = side == .mentee ? (pair.mentee, pair.mentor) : (pair.mentor, pair.mentee)
        guard PairService.reachable(person) else { return }
        if let survey = try surveys(of: pair.mentorship.id ?? 0).last(where: { $0.side == side }),
           try retell(survey, pair, because: "the other side's answer about what comes next differs; the pair goes on", { mail in
               mail.disagreed = true
               mail.partnerAsked = side == graduating ? nil : true
               mail.askMissing(survey.answers)
           }) { return }
        try work.outbox.send(GraduationDisagreedMail(person: PersonName(person.profile.name), partner: PersonName(naming: partner),
                                                     asked: side == graduating),
                             to: [PairService.address(person)], about: .mentorship(pair.mentorship.id ?? 0),
                             language: work.mailLanguage(for: person))
    }

    /// The job after a lone "graduate" answer: the pair graduates unless the other side has
    /// answered "continue" since (then both were told it goes on); a last look that moved
    /// later (the reminder went out after its day) is waited for.
    func graduateUnlessContinued(mentorshipID: Int64) throws {
        guard let pair = try pairs.pair(mentorshipID), pair.mentorship.isOngoing else { return }
        let all = try surveys(of: mentorshipID)
        let latest = [Survey.Side.mentee, .mentor].compactMap { side in all.last { $0.side == side } }
        guard let asking = latest.first(where: { $0.answers.next == .graduate }),
              !latest.contains(where: { $0.answers.next == .continue || $0.nextUnclear }) else { return }
        if let until = try waitForPartner(of: asking.side, mentorshipID: mentorshipID) {
            try work.jobs.schedule(.checkinGraduation, subjectID: mentorshipID, at: until,
                                   key: "checkin-graduation:\(asking.id ?? 0):\(Int(until.timeIntervalSince1970))")
            return
        }
        let person = asking.side == .mentee ? pair.mentee : pair.mentor
        try pairs.graduate(pair, by: person.email, reason: "the \(asking.side.rawValue) \(person.profile.name) answered the check-in: graduate")
    }

    /// One side's words to graduate ("we're done", "we'd like to graduate"), under the rule of
    /// the survey's answers: against the other side's "continue" they end nothing; while the
    /// other side has not said what comes next, the words are kept as the asker's answer and
    /// the pair graduates at the other's last look (the asker is told the day), or once this
    /// run's answers are in when that look has passed; otherwise at once. Returns what was done.
    func graduationWords(_ pair: PairService.Pair, askedBy side: Survey.Side) throws -> String {
        let id = pair.mentorship.id ?? 0
        let all = try surveys(of: id)
        let partner = all.last { $0.side != side }
        if partner?.answers.next == .continue {
            try disagreeWithWords(pair, askedBy: side)
            return "graduation words while the other side's check-in says continue: the pair goes on; both told"
        }
        if let partner, partner.answers.next == nil {
            // Their answer now, so the other side's "continue" or "graduate" settles it when it comes.
            if var own = all.last(where: { $0.side == side }) {
                own.answers.next = .graduate
                try own.update(work.db)
            }
            let until = try waitForPartner(of: side, mentorshipID: id)
            try work.jobs.schedule(.graduationWords, subjectID: id, at: until ?? work.now,
                                   key: "graduation-words:\(id):\(side.rawValue):\(Int(work.now.timeIntervalSince1970))")
            guard let until else {
                return "graduation words: the pair graduates once this run's check-in answers are in, unless the other side's is continue"
            }
            let (person, other) = side == .mentee ? (pair.mentee, pair.mentor) : (pair.mentor, pair.mentee)
            if PairService.reachable(person) {
                let language = work.mailLanguage(for: person)
                try work.outbox.send(GraduationPendingMail(person: PersonName(person.profile.name), partner: PersonName(naming: other),
                                                           graduatesBy: MailDate.day(until)),
                                     to: [PairService.address(person)], about: .mentorship(id), language: language)
            }
            return "graduation words: the pair graduates once the other side agrees, or at their check-in's last look if they do not answer; asker told"
        }
        try graduate(pair, askedBy: side)
        return "the pair graduated; both thanked"
    }

    /// The job after words to graduate: the pair graduates unless the other side answered
    /// "continue" meanwhile; then both are told it goes on (already, when the words were kept
    /// as the asker's answer). A last look that moved later is waited for.
    func graduateFromWords(mentorshipID: Int64, askedBy side: Survey.Side) throws {
        guard let pair = try pairs.pair(mentorshipID), pair.mentorship.isOngoing else { return }
        if let until = try waitForPartner(of: side, mentorshipID: mentorshipID) {
            try work.jobs.schedule(.graduationWords, subjectID: mentorshipID, at: until,
                                   key: "graduation-words:\(mentorshipID):\(side.rawValue):\(Int(until.timeIntervalSince1970))")
            return
        }
        let all = try surveys(of: mentorshipID)
        if all.last(where: { $0.side != side })?.answers.next == .continue {
            try disagreeWithWords(pair, askedBy: side)
        } else {
            try graduate(pair, askedBy: side)
        }
    }

    /// The side of the pair a `graduation-words` job's key names.
    static func side(ofGraduationWordsKey key: String) -> Survey.Side? {
        let parts = key.split(separator: ":")
        return parts.count > 2 ? Survey.Side(rawValue: String(parts[2])) : nil
    }

    private func graduate(_ pair: PairService.Pair, askedBy side: Survey.Side) throws {
        let person = side == .mentee ? pair.mentee : pair.mentor
        try pairs.graduate(pair, by: person.email, reason: "\(person.email) wrote to graduate")
    }

    /// Words to graduate against the other side's "continue": kept as the asker's answer (so
    /// the other side's own "we're done" then graduates the pair), the coordinators get the
    /// disagreement, and both are told the pair goes on (the asker alone when not
    /// `tellingOther`: the other side's answers mail says it).
    private func disagreeWithWords(_ pair: PairService.Pair, askedBy side: Survey.Side, tellingOther: Bool = true) throws {
        let id = pair.mentorship.id ?? 0
        if var own = try surveys(of: id).last(where: { $0.side == side }) {
            own.answers.next = .graduate
            try own.update(work.db)
        }
        try disagreement(pair, graduating: side)
        for (person, partner, asked) in [(pair.mentee, pair.mentor, side == .mentee), (pair.mentor, pair.mentee, side == .mentor)]
        where PairService.reachable(person) && (asked || tellingOther) {
            try work.outbox.send(GraduationDisagreedMail(person: PersonName(person.profile.name), partner: PersonName(naming: partner), asked: asked),
                                 to: [PairService.address(person)], about: .mentorship(id), language: work.mailLanguage(for: person))
        }
    }

    /// The lines of the survey mail we sent, in order, so that our own text is never read as an answer.
    private func sentLines(of survey: Survey) throws -> [String] {
        guard let row = try OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.checkinSurvey.rawValue)
            .filter(Column("topicKind") == Topic.Kind.survey.rawValue && Column("topicID") == survey.id)
            .fetchOne(work.db), let text = Message(data: row.raw).textBody else { return [] }
        return text.split(whereSeparator: \.isNewline).map { EnrollmentText.trim($0) }.filter { !$0.isEmpty }
    }

    /// The questions our answer to an earlier reply asked again, when `message` answers that
    /// mail: those the survey still lacks, as the follow-up asks exactly those (read from the
    /// state, not from the mail's wording, which coordinators may change). Empty for a reply to
    /// anything else.
    private func askedAgain(in message: Message, survey: Survey) throws -> Set<SurveyQuestion> {
        for id in [message.inReplyTo].compactMap({ $0 }) + message.references.reversed() {
            guard let row = try OutboxMessage.filter(OutboxMessage.Columns.messageID == id).fetchOne(work.db) else { continue }
            guard row.purpose == MailKind.checkinAnswers.rawValue, row.topicID == survey.id else { return [] }
            return Set(SurveyQuestion.allCases.filter { $0 != .note && !survey.answers.has($0) })
        }
        return []
    }

    static func describe(_ answers: SurveyAnswers) -> String {
        [answers.rating.map { "\($0) of 5" }, answers.meeting.map { "meeting: \($0.rawValue)" }, answers.fit?.rawValue,
         answers.next?.rawValue, answers.note.map { _ in "a note" }].compactMap { $0 }.joined(separator: ", ")
    }

    /// A graduate mentee's yes to mentoring: they become a mentor ("both" only if they still
    /// wait for a mentor themselves), with the capacity they gave in the same words ("I can take
    /// two mentees", "I can mentor 2 people"), else the smallest.
    func becomeMentor(_ inbound: Inbound) throws -> Outcome {
        guard let person = inbound.context.participant, person.status != .erased else {
            return try EnrollmentService(work: work).answerSignUpRequest(inbound)
        }
        var form = inbound.reading.formInSentences ?? SignupForm()
        form.role = person.profile.isMentee && !inbound.context.graduatedMentee ? .both : .mentor
        form.answeredFields.insert(.role)
        // The capacity line read alone has no role beside it; the role is given here.
        form.problems.removeAll { $0.field == .role }
        if person.profile.mentoringTypes.isEmpty {
            form.mentoringType = .both
            form.answeredFields.insert(.mentoringType)
        }
        return try EnrollmentService(work: work).receiveProfile(form, inbound)
    }
}

extension CheckinAnswersMail {
    /// Asks again each question `answers` leave open.
    mutating func askMissing(_ answers: SurveyAnswers) {
        missingRating = answers.rating == nil ? true : nil
        missingMeeting = answers.meeting == nil ? true : nil
        missingFit = answers.fit == nil ? true : nil
        missingNext = answers.next == nil ? true : nil
        hasMissing = answers.isComplete ? nil : true
    }
}
