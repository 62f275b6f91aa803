import Foundation
import GRDB
import Mail

/// Sign-ups, profile changes, pause/resume/withdraw/delete, address changes and imports.
struct EnrollmentService {
    let work: Work

    private var builder: ProfileBuilder { ProfileBuilder(vocabulary: work.config.enrollment.vocabulary) }

    /// Someone the program never had as a participant asked about their data or to delete it:
    /// told that nothing is held and how to join, never sent the form. Their message is not
    /// kept: its bytes and Subject go now (with their earlier mail, answered already), and the
    /// answer and their address once it has left (`AppDatabase.forgetAnsweredStrangers`).
    /// Earlier mail of theirs still waiting for a coordinator is data held, and an address a
    /// participant moved from was a participant's: a person answers.
    func answerNoDataHeld(_ inbound: Inbound) throws -> Outcome {
        let address = inbound.sender.normalized
        if try AddressMove.filter(Column("oldEmail") == address).fetchCount(work.db) > 0 {
            return try HeldMailService(work: work).hold(inbound, reason: "asks about their data, from an address a participant moved from",
                                                        acknowledge: true)
        }
        if try AppDatabase.waitingMail(work.db, from: address, besides: inbound.recordID) > 0 {
            return try HeldMailService(work: work).hold(inbound, reason: "asks about their data, and earlier mail of theirs waits for a coordinator",
                                                        acknowledge: true)
        }
        var mail = ParticipationChangedMail(person: PersonName(inbound.sender.name ?? ""))
        mail.noData = true
        try inbound.answer(mail, in: work)
        try AppDatabase.forgetMail(work.db, of: address)
        return Outcome(.answered, "told that no data is held about them; their message is not kept")
    }

    /// "What data do you hold about me?" from a participant: their profile as a profile answer
    /// shows it, how many of their messages we keep, their pairs, and how to change or delete
    /// it. With another question beside it, the message is held for a coordinator too.
    func showData(_ inbound: Inbound, alsoAsks: Bool) throws -> Outcome {
        guard let person = inbound.context.participant else {
            return try HeldMailService(work: work).hold(inbound, reason: "asks what we hold about them, with no profile", acknowledge: true)
        }
        let language = try inbound.language(in: work)
        var mail = ParticipationChangedMail(person: PersonName(person.profile.name))
        mail.dataHeld = true
        mail.fields = fieldLines(person.profile, wording: ProfileWording(language: language))
        mail.messagesKept = try InboundMessage.filter(InboundMessage.Columns.sender == person.email).fetchCount(work.db)
        mail.matchedWith = try Self.partners(of: person, db: work.db, language: language)
        if alsoAsks { mail.alsoHeld = true }
        try inbound.answer(mail, in: work)
        guard alsoAsks else { return Outcome(.answered, "shown the data we hold about them") }
        return try HeldMailService(work: work).hold(inbound, reason: "asks what we hold about them (answered), and asks something else",
                                                    acknowledge: false)
    }

    /// Someone the program does not know wrote in: the sign-up form. With a `question` the form
    /// does not answer, or a mail a person must read (`held`), the form says it is with the
    /// coordinators, and the message is held for them.
    func answerSignUpRequest(_ inbound: Inbound, role: ParticipantRole? = nil, question: String? = nil,
                             held: FirstMailHold? = nil) throws -> Outcome {
        // The form answers a first question; the same form again does not answer the next one.
        let address = inbound.context.personAddress(inbound.sender)
        if inbound.newText.contains("?") || inbound.newText.contains("？"),
           try OutboxMessage.filter(OutboxMessage.Columns.purpose == MailKind.signupForm.rawValue && Column("recipients") == address
                                    && Column("createdAt") > work.now.addingTimeInterval(-86_400)).fetchCount(work.db) > 0 {
            return try HeldMailService(work: work).hold(inbound, reason: "a question from someone who was sent the sign-up form in the last 24 hours",
                                                        acknowledge: true)
        }
        // A role named only in the subject ("Volunteering as a mentor") counts too.
        let reading = inbound.reading.prefillReading
        let prefill = FormPrefill(own: reading.own, prose: reading.prose, senderName: inbound.sender.name, vocabulary: work.config.enrollment.vocabulary,
                                  wording: ProfileWording(language: try inbound.language(in: work)))
        let role = role ?? inbound.message.subject.flatMap { JoinWords.role(in: $0) } ?? prefill.role
        var mail = Self.signupForm(prefill, role: role, senderName: inbound.sender.name)
        if question != nil { mail.question = true }
        switch held {
        case .attachments(let names): mail.attached = names.joined(separator: ", ")
        case .long:
            mail.long = true
            mail.stillNeeded = Self.stillNeeded(mail, wording: ProfileWording(language: try inbound.language(in: work)))
        case nil: break
        }
        if question == nil, inbound.context.answering?.kind == .signupForm, inbound.reading.fillsInNothing {
            // A reply under our form that fills in none of its lines ("ok", "👍", nothing) is told
            // so, and what we had filled in stays on the form, with the lines still needed.
            // Words of their own ("I'd like to be a mentee") are read as in a first mail.
            mail = Self.formKept(inbound, role: role, vocabulary: work.config.enrollment.vocabulary,
                                 wording: ProfileWording(language: try inbound.language(in: work)))
        } else if inbound.reading.hasNoText, inbound.message.attachments.isEmpty {
            mail.noText = true
        }
        try inbound.answer(mail, in: work)
        try work.audit.record(inbound.sender.normalized, "signup-form-sent",
                              "answered \(inbound.message.messageID ?? "a message without Message-ID")")
        let why = switch held {
        case .attachments(let names): "held for what came attached, with no text: \(names.joined(separator: ", "))"
        case .long: "held as a long message, read only in part (\(inbound.newText.utf8.count / 1024) KB)"
        case nil: question.map { "held for its question: \"\($0)\"" }
        }
        if let why {
            try HeldMailService(work: work).scheduleDigest(for: inbound.recordID)
            try work.audit.record(inbound.sender.normalized, "held", held == nil ? "a newcomer's question" : "a newcomer's mail: \(why)")
            return Outcome(.held, "sign-up form sent; \(why)")
        }
        return Outcome(.answered)
    }

    /// The lines of `mail`'s form a sign-up still needs, in words ("Mentoring type and Areas");
    /// nil when none is.
    static func stillNeeded(_ mail: SignupFormMail, wording: ProfileWording) -> String? {
        let filled: [SignupField: Bool] = [.role: mail.role != nil, .name: mail.name != nil, .mentoringType: mail.prefill?.mentoringType != nil,
                                           .areas: mail.prefill?.areas != nil, .timeZone: mail.prefill?.timeZone != nil,
                                           .languages: mail.prefill?.languages != nil]
        let needed = Self.neededLines.filter { filled[$0] != true }
        return needed.isEmpty ? nil : wording.list(needed.map(wording.label))
    }

    /// The lines a sign-up needs; interaction is assumed (email) when not given, as everywhere else.
    static let neededLines: [SignupField] = [.role, .name, .mentoringType, .areas, .timeZone, .languages]

    /// The sign-up form for someone who wrote `prefill`'s words, with `role` filled in: greeted by
    /// their From name, else the name their words gave.
    static func signupForm(_ prefill: FormPrefill, role: ParticipantRole?, senderName: String?) -> SignupFormMail {
        var mail = SignupFormMail(person: PersonName(senderName ?? prefill.name ?? ""), role: role?.rawValue,
                                  asMentor: role == .mentor ? true : nil, asMentee: role == .mentee ? true : nil,
                                  asBoth: role == .both ? true : nil)
        mail.name = prefill.name
        mail.prefill = prefill.lines
        return mail
    }

    /// The form again for a reply that filled in nothing of its own under the one we sent: what
    /// we had filled in (quoted back) stays, and, when there was some, the lines still needed are named.
    private static func formKept(_ inbound: Inbound, role: ParticipantRole?, vocabulary: EnrollmentVocabulary, wording: ProfileWording) -> SignupFormMail {
        let quoted = OwnText(inbound.message.textBody ?? "")
        let prefill = FormPrefill(own: quoted, prose: ProseSignup.read(OwnText(""), vocabulary: vocabulary), senderName: inbound.sender.name,
                                  vocabulary: vocabulary, wording: wording)
        var mail = signupForm(prefill, role: role, senderName: inbound.sender.name)
        mail.noLines = true
        let answered = inbound.reading.form.answeredFields
        if !answered.isSubset(of: [.name]) {
            mail.stillNeeded = wording.list(neededLines.filter { !answered.contains($0) }.map(wording.label))
        }
        return mail
    }

    /// A coordinator passed on `person`'s own request to join: the sign-up form goes to them,
    /// saying so, and the coordinator is told it went. Someone already in the program gets
    /// nothing: the mail is held for the coordinators as before.
    func sendFormPassedOn(to person: MailAddress, subject: String?, text: String, _ inbound: Inbound) throws -> Outcome {
        if let known = try AppDatabase.findParticipant(work.db, email: person.normalized), known.status != .erased {
            return try HeldMailService(work: work).hold(inbound, reason: "a coordinator passed on a request to join from \(person.normalized), "
                                                        + "who is already in the program (\(known.status.rawValue)): nothing was sent", acknowledge: false)
        }
        // Pre-filled from the person's own words and From line, as their first mail would be.
        let own = OwnText(text)
        let language = work.supported(LanguageGuess.code(of: text))
        let vocabulary = work.config.enrollment.vocabulary
        let prefill = FormPrefill(own: own, prose: ProseSignup.read(own, vocabulary: vocabulary), senderName: person.name, vocabulary: vocabulary,
                                  wording: ProfileWording(language: language))
        let role = JoinWords.role(in: own) ?? subject.flatMap { JoinWords.role(in: $0) } ?? prefill.role
        var mail = Self.signupForm(prefill, role: role, senderName: person.name)
        mail.passedOn = true
        try work.outbox.send(mail, to: [MailAddress(address: person.normalized, name: person.name)], language: language,
                             subject: OutboxWriter.replySubject(subject))
        try inbound.answer(MatchDecisionMail(token: "", formSentTo: person.normalized), in: work)
        try work.audit.record(person.normalized, "signup-form-sent", "passed on by \(inbound.sender.normalized)")
        return Outcome(.answered, "a request to join passed on by a coordinator: the sign-up form was sent to \(person.normalized)")
    }

    /// A participant's message we could not tell the purpose of: what they can write.
    func answerWithHelp(_ inbound: Inbound) throws -> Outcome {
        let person = inbound.context.participant
        let language = inbound.language(in: work, person: person)
        let status = person.map { ProfileWording(language: language).status($0.status) } ?? "unknown"
        var mail = HelpMail(person: PersonName(person?.profile.name ?? inbound.sender.name ?? ""), status: status)
        if let person { mail.stand(person.status) }
        if let person, person.status == .active {
            mail.active = true
            (mail.round, mail.nextRound, mail.mentoring, mail.graduated) = try whatHappensNext(person, language: language)
            mail.partners = try Self.partners(of: person, db: work.db, language: language)
        }
        let away = AbsenceWords.speaksOfAbsence(inbound.reading.own)
        mail.away = away ? true : nil
        let noText = inbound.reading.hasNoText
        mail.noText = noText ? true : nil
        mail.nameLine = Self.nameLine(inbound, over: person, language: language)
        try inbound.answer(mail, in: work, language: language)
        try work.audit.record(inbound.sender.normalized, "not-understood", away ? "away for a while: answered with help" : "answered with help")
        return Outcome(.helped, away ? "away for a while, nothing asked: answered with what can be written"
                                     : noText ? "no text we could read: answered with what can be written"
                                     : "not understood: answered with what can be written")
    }

    /// The "Name:" line to send for a name said in a sentence ("my name is Mo Idris", "me llamo
    /// …"), in the answer's language; nil when none is said or the stored one has it ("I'm Ravi"
    /// from Ravi Shah).
    static func nameLine(_ inbound: Inbound, over person: Participant?, language: String?) -> String? {
        guard let said = NameWords.offered(in: inbound.reading.own.lines.joined(separator: "\n")) else { return nil }
        if let stored = person.map({ Set(EnrollmentText.words($0.profile.name)) }), Set(EnrollmentText.words(said)).isSubset(of: stored) { return nil }
        return "\(ProfileWording(language: language).label(.name)): \(said)"
    }

    /// A graduate asks to be mentored again ("I'd like to sign up again as a mentee, this time
    /// for career mentoring"): a mentee again, in the kind of mentoring and areas their
    /// sentences name, waiting for a new mentor.
    func menteeAgain(_ inbound: Inbound) throws -> Outcome {
        guard let person = inbound.context.participant, person.status != .erased else { return try answerSignUpRequest(inbound) }
        let prose = inbound.reading.prose
        let role = person.profile.isMentor ? ParticipantRole.both : .mentee
        let lines = ["\(SignupField.role.label): \(role.rawValue)"]
            + prose.answers.filter { [.mentoringType, .areas].contains($0.field) }.map { "\($0.field.label): \($0.value)" }
        let form = SignupFormParser(vocabulary: work.config.enrollment.vocabulary).parse(lines.joined(separator: "\n"))
        return try receiveProfile(form, inbound, menteeAgain: true)
    }

    /// A filled-in or corrected form: merge it over the stored profile, store it, and confirm
    /// field by field what was understood and what to fix.
    /// `menteeAgain`: a graduate asked to be mentored again; so does a Role line they wrote
    /// themselves that names mentee.
    func receiveProfile(_ form: SignupForm, _ inbound: Inbound, menteeAgain asked: Bool = false) throws -> Outcome {
        let stored = try storeProfile(form, inbound, menteeAgain: asked)
        let participant = stored.participant
        // What their sentences say that the profile does not hold is said back, not dropped.
        // Our own text, left in a reply that fills in our mail in place without quoting it, is not theirs.
        let ours = try answeredText(inbound).map { SentText(lines: $0.split(whereSeparator: \.isNewline).map(String.init)) }
        var unplaced = UnplacedSentences.read(newText: inbound.newText, profile: participant.profile, vocabulary: work.config.enrollment.vocabulary,
                                              ours: ours)
        // "My name is Mo Idris" is offered back as the line to send, not stored on a guess.
        let nameLine = Self.nameLine(inbound, over: participant, language: stored.language)
        if nameLine != nil { unplaced.removeAll { NameWords.offered(in: $0) != nil } }
        var mail = ProfileReceivedMail(
            person: PersonName(participant.profile.name.isEmpty ? (inbound.sender.name ?? "") : participant.profile.name),
            stored.answer, unplaced: unplaced)
        mail.nameLine = nameLine
        mail.unplacedLines = UnplacedSentences.lines(for: unplaced, profile: participant.profile, vocabulary: work.config.enrollment.vocabulary,
                                                     wording: ProfileWording(language: stored.language))
        (mail.hasUnplacedLines, mail.oneUnplacedLine) = (!mail.unplacedLines.isEmpty, mail.unplacedLines.count == 1)
        try tellWhatHappensNext(&mail, participant, language: stored.language)
        if stored.menteeAgain { mail.menteeAgain = true }
        if let left = try Self.pairsInARoleLeft(participant, db: work.db, language: stored.language) {
            (mail.pairsGoOn, mail.noLongerMentor, mail.noLongerMentee) = (left.partners, left.mentor ? true : nil, left.mentee ? true : nil)
        }
        // The profile just stored says the language: the answer need not read it back.
        try inbound.answer(mail, in: work, about: .participant(participant.id), language: stored.language)
        return Outcome(.answered)
    }

    /// A profile change stored, with what its answer says of it.
    struct StoredProfile {
        var participant: Participant
        var answer: ProfileAnswer
        /// The language of the answer.
        var language: String?
        /// A graduate now waits to be mentored again.
        var menteeAgain: Bool
    }

    /// Merges `form` over the sender's stored profile and stores it. `sentences`: the message's
    /// sentences answer what neither the form nor the stored profile gave (not beside check-in
    /// answers, whose sentences are those answers).
    func storeProfile(_ form: SignupForm, _ inbound: Inbound, menteeAgain asked: Bool = false, sentences: Bool = true) throws -> StoredProfile {
        let email = inbound.context.personAddress(inbound.sender)
        // Read in this transaction, before the message's savepoint: nothing has changed it since.
        let existing = inbound.context.participant
        let stored = try existing.map { $0.status == .erased ? nil : $0.profile } ?? prefilledProfile(inbound)
        // The form with what its sentences say, and without the lines under labels we do not know that said it.
        let read = (sentences ? formWithSentences(form, inbound, over: stored) : nil) ?? form
        var result = builder.build(from: read, over: stored, keepingPartlyRead: true)
        // Mail goes on in the language they write to us in, until they choose another: their own
        // words (beside the form lines, "Hola, aquí va mi formulario"), else the form they filled
        // in or the exchange they answer ("Perfect" above our English form). It is kept when the
        // first of their Languages line would say another.
        let prose = SignupFormLine.lines(of: inbound.newText).filter { !$0.isKeyLine }.map(\.text).joined(separator: "\n")
        if result.profile.mailLanguage == nil,
           let written = inbound.writtenLanguage ?? LanguageGuess.code(of: prose) ?? SignupFormLine.labelLanguage(of: inbound.reading.text)
            ?? LanguageGuess.code(of: inbound.reading.text), written != result.profile.preferredMailLanguage {
            result.profile.mailLanguage = written
        }
        let round = try AppDatabase.acceptingRound(work.db, now: work.now)
        var (participant, change) = try AppDatabase.upsertProfile(
            work.db, over: existing, email: email, profile: result.profile, status: result.isComplete ? .active : .incomplete,
            source: inbound.message.messageID.map { "message <\($0)>" } ?? "a message", origin: "email",
            roundID: round?.id, now: work.now)
        // A graduate who asks for a mentor again waits for one: their past graduations stop
        // counting (a former mentor is still never proposed), and a break ends with the asking.
        let ownRole = form.answeredFields.contains(.role) && !form.answeredInQuotedText.contains(.role)
        let menteeAgain = try participant.profile.isMentee && (asked || ownRole) && AppDatabase.graduatedMentee(work.db, participant)
        if menteeAgain {
            participant.menteeAgainAt = work.now
            if participant.status == .paused { participant.status = .active }
            participant.updatedAt = work.now
            try participant.update(work.db)
            try AppDatabase.recordMembership(work.db, participant, roundID: participant.roundID, now: work.now)
        }
        // A change that frees a place (a mentor's higher capacity) joins the round taking sign-ups.
        try AppDatabase.joinAcceptingRound(work.db, &participant, now: work.now)
        try work.audit.record(email, "profile-\(change.rawValue)",
                              result.isComplete ? "complete" : "problems: \(result.problems.map(\.field.label).joined(separator: ", "))")
        let language = inbound.language(in: work, person: participant)
        let wording = ProfileWording(language: language)
        let fields = fieldLines(participant.profile, wording: wording)
        let problem = { (problem: FormProblem) in Self.said(problem, in: wording) }
        let unread = result.unread.map { line in
            var said = problem(line)
            said.kept = fields.first { $0.label == said.field }?.value
            return said
        }
        let told = ProfileAnswer(
            complete: result.isComplete, updated: change == .updated, unchanged: change == .unchanged, fields: fields,
            problems: result.problems.map(problem), hasProblems: !result.problems.isEmpty, unread: unread, hasUnread: !unread.isEmpty,
            unknownFields: read.unknownFields.map { .init(key: $0.key, value: $0.value) }, hasUnknownFields: !read.unknownFields.isEmpty,
            notes: result.notes.map(wording.text), hasNotes: !result.notes.isEmpty)
        return StoredProfile(participant: participant, answer: told, language: language, menteeAgain: menteeAgain)
    }

    /// What the sign-up form we sent someone new said, pre-filled from their first message,
    /// when they reply under it: the lines they do not give again stand as we filled them in
    /// (the form asked them to change what is wrong and fill in the rest). Nil when the reply
    /// answers no form of ours, or ours had nothing filled in.
    private func prefilledProfile(_ inbound: Inbound) throws -> ParticipantProfile? {
        guard inbound.context.answering?.kind == .signupForm, let text = try answeredText(inbound, kind: .signupForm) else { return nil }
        let sent = SignupFormParser(vocabulary: work.config.enrollment.vocabulary).parse(text, senderName: inbound.sender.name)
        guard sent.fieldsFound > 0 else { return nil }
        var profile = builder.build(from: sent, over: nil).profile
        // The name comes from their mail, not from our greeting.
        if !sent.answeredFields.contains(.name) { profile.name = "" }
        return profile
    }

    /// The text of the mail of ours (of `kind`, when given) that the message answers, found
    /// through In-Reply-To, else its References from the latest; nil when it answers none.
    private func answeredText(_ inbound: Inbound, kind: MailKind? = nil) throws -> String? {
        try AppDatabase.answeredMail(work.db, by: inbound.message, kind: kind).map { Message(bytes: Array($0.mail.raw)).textBody ?? "" }
    }

    /// `form` with what the message's sentences say ("Looks right! I'm a mentor, technical
    /// mentoring, Berlin time", "I'm free weekday evenings") for the fields neither its lines
    /// nor the stored profile gave; nil when they say nothing of those. A line under a label we
    /// do not know whose words gave one of those ("Тип: технический") is no longer listed as
    /// not recognised. A change of mind ("career, not technical") changes its field over the
    /// stored profile unless the writer's own line gives it (a line only quoted from our mail does
    /// not). Nothing else is changed.
    private func formWithSentences(_ form: SignupForm, _ inbound: Inbound, over stored: ParticipantProfile?) -> SignupForm? {
        let vocabulary = work.config.enrollment.vocabulary
        let ownLines = form.answeredFields.subtracting(form.answeredInQuotedText)
        // What a change keeps or adds to: the form's lines (quoted ones too) over the stored profile.
        let base = builder.build(from: form, over: stored).profile
        let changes = ChangeOfMind.read(inbound.reading.own, vocabulary: vocabulary).filter { !ownLines.contains($0.field) && $0.leavesAValue(over: base) }
        let open = Set(SignupField.allCases).subtracting(form.answeredFields).filter { field in
            // An email we assumed ("not given: assumed") was not given: words may give the ways.
            stored.map { ProfileBuilder.isEmpty(field, in: $0) || (field == .interaction && $0.interactionsAssumed == true) } ?? true
        }.union(changes.map(\.field))
        let said = inbound.reading.prose
        let wanted = said.answersWithRole.filter { open.contains($0.field) && !changes.map(\.field).contains($0.field) }
            .map { "\($0.field.label): \($0.value)" } + changes.map { $0.line(over: base, vocabulary: vocabulary) }
        guard !wanted.isEmpty else { return nil }
        let extra = SignupFormParser(vocabulary: vocabulary).parse(wanted.joined(separator: "\n"))
        var merged = form
        for field in extra.answeredFields where open.contains(field) {
            switch field {
            case .role: merged.role = extra.role
            case .mentoringType: merged.mentoringType = extra.mentoringType
            case .timeZone: merged.timeZone = extra.timeZone
            case .languages: merged.languages = extra.languages
            case .interaction: merged.interaction = extra.interaction; merged.notes.removeAll { $0 == .assumedEmail }
            case .areas: merged.areas = extra.areas; merged.freeTextAreas = extra.freeTextAreas
            case .capacity: merged.capacity = extra.capacity; merged.notes.removeAll { if case .assumedCapacity = $0 { true } else { false } }
            case .availability: merged.availability = extra.availability
            default: continue
            }
            merged.answeredFields.insert(field)
            merged.answeredInQuotedText.remove(field)
            merged.problems.removeAll { $0.field == field }
        }
        let used = extra.answeredFields.intersection(open)
        merged.unknownFields.removeAll { line in
            let said = ProseSignup.read(text: "\(line.key): \(line.value)", vocabulary: vocabulary)
            return said.answersWithRole.contains { used.contains($0.field) }
        }
        return merged
    }

    /// "pause", "resume", "withdraw", "delete my data" and a change of address, on the sender's
    /// own record (or that of the one participant at another address of their mailbox).
    /// `confirmed`: they answered yes to our question about it.
    func apply(_ command: ParticipantCommand, _ inbound: Inbound, confirmed: Bool = false) throws -> Outcome {
        let email = inbound.context.personAddress(inbound.sender)
        let db = work.db
        let person = try AppDatabase.findParticipant(db, email: email)
        var mail = ParticipationChangedMail(person: PersonName(person?.profile.name ?? inbound.sender.name ?? ""))
        guard let person, person.status != .erased else {
            mail.unknown = true
            try inbound.answer(mail, in: work)
            return Outcome(.answered, "no profile for this address")
        }
        // Someone in a pair who asks for a break, or to stop our mail, may not know that it ends
        // the pair (and a From line proves nothing): ask first.
        if [.pause, .withdraw].contains(command) && !confirmed, try Self.pairsEnded(by: command, of: person, db: db) != nil {
            return try askToConfirm(command, inbound)
        }
        if case .changeAddress(let newAddress) = command {
            return try requestAddressChange(to: newAddress, person: person, inbound)
        }
        let language = try inbound.language(in: work)
        // Recorded first: erasing then takes the address out of this entry too.
        try work.audit.record(email, "command-\(command.name)", "by email")
        mail = try change(command, of: person, language: language, mail: mail)
        // After "delete my data" the answer does not even carry their name in its To line.
        try inbound.answer(mail, in: work, about: .participant(person.id), anonymously: command == .deleteData, language: language)
        return Outcome(.answered)
    }

    /// Carries out "pause", "resume", "withdraw" or "delete my data" on `person`: the other side
    /// of each ongoing pair is told kindly and the pair ends, the status changes (leaving the
    /// pool, or joining the round taking sign-ups again). Returns `mail` filled in with what
    /// happened, the answer that tells them. Shared by the person's own (confirmed) request and
    /// a coordinator's `participants withdraw|pause|resume`.
    func change(_ command: ParticipantCommand, of person: Participant, language: String?,
                mail: ParticipationChangedMail) throws -> ParticipationChangedMail {
        let db = work.db
        let email = person.email
        var mail = mail
        switch command {
        case .pause, .withdraw, .deleteData:
            // The other side of each ongoing pair is told first, while the name is still known.
            let why = command == .pause ? "paused" : "left the program"
            let partners = try PairService(work: work).endPairs(of: person, because: why, anonymously: command == .deleteData)
            if command != .deleteData && !partners.isEmpty { mail.pairEnded = ProfileWording(language: language).list(partners) }
        default:
            break
        }
        switch command {
        case .pause:
            _ = try AppDatabase.setStatus(db, email: email, to: .paused, now: work.now)
            mail.paused = true
        case .resume where person.status == .active:
            mail.alreadyActive = true
            mail.matchedWith = try Self.partners(of: person, db: db, language: language)
            if try AppDatabase.graduatedMentee(db, person) && !person.profile.isMentor {
                mail.graduated = true
            } else if let round = try AppDatabase.findRound(db, id: person.roundID), try !AppDatabase.isMatched(db, round: round) {
                mail.round = roundInfo(round)
            } else if try AppDatabase.waitsInPool(db)(person) {
                mail.nextRound = work.nextRoundDay()
            }
        case .resume:
            let complete = !ProfileBuilder.isIncomplete(person.profile)
            if var back = try AppDatabase.setStatus(db, email: email, to: complete ? .active : .incomplete, now: work.now) {
                try AppDatabase.joinAcceptingRound(db, &back, now: work.now)
                (mail.round, mail.nextRound, mail.mentoring, mail.graduated) = try whatHappensNext(back, language: language)
            }
            mail.resumed = true
        case .withdraw:
            _ = try AppDatabase.setStatus(db, email: email, to: .withdrawn, now: work.now)
            mail.withdrawn = true
        case .deleteData:
            if let erasure = try AppDatabase.erase(db, email: email, now: work.now) {
                try work.audit.record("(erased participant)", "erased", erasure.summary)
                // Others' held mail kept without them is listed again for the coordinators.
                if !erasure.redacted.isEmpty { try HeldMailService(work: work).scheduleDigest(key: "erasure:" + erasure.redacted.map { String($0.id) }.joined(separator: ",")) }
            }
            mail.erased = true
            mail.person = PersonName("")
        case .changeAddress:
            break
        }
        return mail
    }

    /// A request read unsure, or one that cannot be undone: say what we understood and ask for a
    /// one-word "yes"; nothing changes until then. A pause or leaving names the partners whose
    /// pairs it would end, however it was asked.
    /// Asked from another address of the person's mailbox, the question and its code go to the
    /// address their profile is under: only a reply from there carries the request out.
    func askToConfirm(_ command: ParticipantCommand, _ inbound: Inbound) throws -> Outcome {
        let email = inbound.context.personAddress(inbound.sender)
        guard let person = try AppDatabase.findParticipant(work.db, email: email), person.status != .erased else {
            var mail = ParticipationChangedMail(person: PersonName(inbound.sender.name ?? ""))
            mail.unknown = true
            try inbound.answer(mail, in: work)
            return Outcome(.answered, "no profile for this address")
        }
        // Asked again while the same request waits for its "yes": the same code, so two
        // questions never carry two codes; while the first question is not even sent yet (the
        // same run: "pause", then "please pause me"), no second one.
        let waiting = try PendingToken.openCommandConfirmations(work.db, email: email, now: work.now).first { $0.payload == command.name }
        if let waiting, try waiting.questionIsQueued(work.db) {
            try work.audit.record(email, "command-to-confirm", "\(command.name), already asked (\(waiting.token))")
            return Outcome(.answered, "\"\(command.name)\" already waits for a confirmation whose question is not sent yet (\(waiting.token)): not asked twice")
        }
        var pending: PendingToken
        if let waiting {
            pending = waiting
        } else {
            pending = PendingToken(token: ConfirmationToken.make(), purpose: .commandConfirmation, email: email, payload: command.name,
                                   createdAt: work.now, expiresAt: work.now.addingTimeInterval(7 * 86_400), usedAt: nil)
            try pending.insert(work.db)
            // Mail kept back while leaving waits goes when no "yes" came by the code's day.
            if command == .withdraw, let id = pending.id {
                try work.jobs.schedule(.confirmationExpiry, subjectID: id, at: pending.expiresAt, key: "confirmation-expiry:\(id)")
            }
        }
        let token = pending.token
        var mail = CommandConfirmMail(person: PersonName(person.profile.name),
                                      sentence: EnrollmentText.collapse(inbound.newText).prefix(300).description,
                                      token: token, expires: MailDate.day(pending.expiresAt))
        switch command {
        case .deleteData: mail.deleteData = true
        case .withdraw: mail.withdraw = true
        case .pause: mail.pause = true
        case .resume: mail.resume = true
        case .changeAddress: return try apply(command, inbound)
        }
        mail.pairs = try Self.pairsEnded(by: command, of: person, db: work.db, language: try inbound.language(in: work))
        if email != inbound.sender.normalized {
            try work.outbox.answer(mail, to: MailAddress(address: person.email, name: person.profile.name), replyingTo: inbound.message,
                                   inboundID: inbound.recordID, about: .token(pending.id), language: try inbound.language(in: work))
            try work.audit.record(email, "command-to-confirm", "\(command.name), asked from \(inbound.sender.normalized)")
            return Outcome(.answered, "asked \(email) to confirm \"\(command.name)\", written from \(inbound.sender.normalized)")
        }
        try inbound.answer(mail, in: work, about: .token(pending.id))
        try work.audit.record(email, "command-to-confirm", command.name)
        return Outcome(.answered, "asked to confirm \"\(command.name)\"")
    }

    /// "I don't want to pause", "ignore my previous mail": the request of `command` waiting for
    /// a "yes" (nil: the newest one waiting) is cancelled, its code used up; the answer says
    /// nothing changed, whether something waited or not.
    func takeBack(_ command: ParticipantCommand?, _ inbound: Inbound) throws -> Outcome {
        let email = inbound.context.personAddress(inbound.sender)
        let open = try PendingToken.openCommandConfirmations(work.db, email: email, now: work.now)
        let cancelled = command.map { command in open.filter { $0.payload == command.name } } ?? Array(open.prefix(1))
        // "I don't want to pause" from someone already paused (a pause carried out at once): undone.
        if cancelled.isEmpty, command == .pause, inbound.context.participant?.status == .paused {
            return try apply(.resume, inbound, confirmed: true)
        }
        var released: [OutboxMessage] = []
        for var pending in cancelled {
            pending.usedAt = work.now
            try pending.update(work.db)
            if let id = pending.id { try work.jobs.retire([.confirmationExpiry], subjectID: id) }
            released += try work.outbox.releaseKeptWhileLeaving(pending.token)
        }
        let language = try inbound.language(in: work)
        try inbound.answer(Self.nothingChanged(inbound, token: cancelled.first?.token, expires: nil, released: released), in: work, language: language)
        let what = command?.name ?? "the previous request"
        try work.audit.record(email, "command-taken-back", cancelled.isEmpty ? "\(what): nothing waited" : cancelled.map(\.token).joined(separator: ", "))
        return Outcome(.answered, cancelled.isEmpty ? "took back \(what): nothing waited for a confirmation"
                                                    : "took back \(what): cancelled \(cancelled.map(\.token).joined(separator: ", "))")
    }

    /// The answer that nothing changed (a request not confirmed, or taken back); to someone
    /// paused it says they stay so, and how to come back.
    /// `released`: our mail kept back while their leaving waited, which goes now.
    private static func nothingChanged(_ inbound: Inbound, token: String?, expires: MailDate?, released: [OutboxMessage] = []) -> CommandConfirmMail {
        var mail = CommandConfirmMail(person: PersonName(inbound.context.participant?.profile.name ?? ""), sentence: "", token: token, expires: expires)
        mail.declined = true
        if inbound.context.participant?.status == .paused { mail.stillPaused = true }
        if !released.isEmpty {
            mail.released = released.map(\.subject)
            mail.hasReleased = true
        }
        return mail
    }

    /// The reply to "reply yes to confirm": a yes carries the request out, anything else changes nothing.
    func confirmed(_ pending: PendingToken, _ inbound: Inbound) throws -> Outcome {
        let command: ParticipantCommand? = switch pending.payload {
        case "delete-data": .deleteData
        case "withdraw": .withdraw
        case "pause": .pause
        case "resume": .resume
        default: nil
        }
        guard let command, ConfirmationWords.isYes(inbound.newText) else {
            let expires = MailDate.day(pending.expiresAt)
            let released = try work.outbox.releaseKeptWhileLeaving(pending.token)
            try inbound.answer(Self.nothingChanged(inbound, token: pending.token, expires: expires, released: released), in: work)
            return Outcome(.answered, "not confirmed: nothing changed")
        }
        if command == .withdraw { try work.outbox.retireKeptWhileLeaving(pending.token) }
        return try apply(command, inbound, confirmed: true)
    }

    /// Mails a one-time code to the new address; the change happens when that address answers.
    private func requestAddressChange(to newAddress: String, person: Participant, _ inbound: Inbound) throws -> Outcome {
        let target = newAddress.lowercased()
        var mail = ParticipationChangedMail(person: PersonName(person.profile.name))
        mail.newAddress = target
        if try AppDatabase.findParticipant(work.db, email: target) != nil || !Config.isPlausibleAddress(target) {
            mail.addressRefused = true
            try inbound.answer(mail, in: work, about: .participant(person.id))
            return Outcome(.answered, "address change to \(target) refused")
        }
        let token = ConfirmationToken.make()
        var pending = PendingToken(token: token, purpose: .addressChange, email: target, payload: person.email,
                                   createdAt: work.now, expiresAt: work.now.addingTimeInterval(7 * 86_400), usedAt: nil)
        try pending.insert(work.db)
        try work.audit.record(person.email, "address-change-requested", "to \(target)")
        try work.outbox.send(ConfirmAddressMail(person: PersonName(person.profile.name), oldAddress: person.email, token: token,
                                                expires: MailDate.day(pending.expiresAt)),
                             to: [MailAddress(address: target, name: person.profile.name)], about: .token(pending.id),
                             inboundID: inbound.recordID, language: work.mailLanguage(for: person))
        mail.addressChangeRequested = true
        try inbound.answer(mail, in: work, about: .participant(person.id))
        return Outcome(.answered)
    }

    /// The new address answered with its code: the profile moves there.
    func completeAddressChange(from oldAddress: String, _ inbound: Inbound) throws -> Outcome {
        let email = inbound.sender.normalized
        let hadBounced = try AppDatabase.bounce(work.db, email: oldAddress) != nil
        guard let moved = try AppDatabase.changeAddress(work.db, from: oldAddress, to: email, now: work.now) else {
            return try HeldMailService(work: work).hold(inbound, reason: "the participant \(oldAddress) no longer exists", acknowledge: false)
        }
        try work.audit.record(email, "address-changed", "from \(oldAddress)")
        var told = AddressChangedMail(done: true, oldAddress: oldAddress, person: PersonName(moved.profile.name))
        let redelivery = try RedeliveryService(work: work).redeliver(from: oldAddress, to: email, name: moved.profile.name, actor: email)
        told.resent = redelivery.resent.map(\.subject)
        told.hasResent = !redelivery.resent.isEmpty
        try inbound.answer(told, in: work, about: .participant(moved.id))
        try tellOldAddress(oldAddress, movedTo: moved, byCoordinator: false, hadBounced: hadBounced)
        return Outcome(.answered)
    }

    /// Tells the address a profile moved away from what changed and whom to write when it was
    /// not them: someone else's move, or a mistyped new address, does not go unnoticed. Not
    /// when that address had bounced for good: nothing reaches it. Returns whether it was told.
    @discardableResult
    func tellOldAddress(_ oldAddress: String, movedTo moved: Participant, byCoordinator: Bool, hadBounced: Bool) throws -> Bool {
        guard !hadBounced else { return false }
        let language = work.mailLanguage(for: moved)
        var mail = AddressMovedMail(person: PersonName(moved.profile.name), oldAddress: oldAddress, newAddress: moved.email,
                                    day: MailDate.day(work.now))
        if byCoordinator { mail.byCoordinator = true }
        try work.outbox.send(mail, to: [MailAddress(address: oldAddress, name: moved.profile.name)], about: .participant(moved.id),
                             language: language)
        return true
    }

    // MARK: - Imports

    /// Imports a form export as an upsert by address, each row validated like a sign-up.
    /// New people get a welcome mail showing their profile as understood. Rows with problems
    /// change nothing and are reported with their reasons.
    func importRows(_ export: FormExport, source: String) throws -> ImportReport {
        var report = ImportReport(source: source, ignoredColumns: export.ignoredColumns,
                                  malformed: export.malformed.map { .init(line: $0.line, reason: $0.reason) })
        let parser = SignupFormParser(vocabulary: work.config.enrollment.vocabulary)
        // Built once: `self.builder` folds the whole area vocabulary each time it is asked for.
        let builder = self.builder
        let round = try AppDatabase.acceptingRound(work.db, now: work.now)
        let program = work.config.program.address.lowercased()
        let coordinators = Set(work.config.program.coordinators.map { $0.lowercased() })
        // The latest answer that can be imported wins; an invalid later one does not hide it.
        let replacedBy = try Self.laterAnswers(in: export) { row in
            guard let address = row.email?.lowercased() else { return false }
            let existing = try AppDatabase.findParticipant(work.db, email: address)
            return builder.build(from: parser.parse(row.formText, senderName: row.name), over: existing?.profile).isComplete
        }
        for row in export.rows {
            guard let address = row.email?.lowercased(), Config.isPlausibleAddress(address) else {
                report.rejected.append(.init(row: row.number, email: row.email, reasons: ["no valid email address"]))
                continue
            }
            if address == program {
                report.rejected.append(.init(row: row.number, email: address, reasons: [
                    "this is the program's own address ([program] address), not a participant's; a test entry or a slip in the sheet"]))
                continue
            }
            // A form sent again is a correction: the latest answer is imported, the others are not.
            if let kept = replacedBy[row.number] {
                let by = export.timestampColumn.map { "by its \($0)" } ?? "further down the sheet"
                report.replaced.append(.init(row: row.number, email: address, keptRow: kept))
                report.notes.append(.init(row: row.number, email: address,
                                          text: "replaced by row \(kept), a later answer from the same address (\(by)); row \(kept) was read instead"))
                continue
            }
            let existing = try AppDatabase.findParticipant(work.db, email: address)
            let gone = try existing.map(ImportFreshness.forLeaver) ?? ImportFreshness.forUnknown(address, db: work.db)
            if case .skip(let reason) = gone {
                report.skipped.append(.init(row: row.number, email: address, reason: reason))
                continue
            }
            let form = parser.parse(row.formText, senderName: row.name)
            let result = builder.build(from: form, over: existing?.profile)
            guard result.isComplete else {
                report.rejected.append(.init(row: row.number, email: address,
                                             reasons: result.problems.map { "\($0.field.label): \($0.message)" }))
                continue
            }
            if let existing, existing.profile != result.profile {
                switch try ImportFreshness.forKnown(existing, row: row, built: result.profile, db: work.db,
                                                    rebuild: { builder.build(from: form, over: $0).profile }) {
                case .apply: break
                case .unchanged: report.unchanged.append(address); continue
                case .skip(let reason): report.skipped.append(.init(row: row.number, email: address, reason: reason)); continue
                }
            }
            let (participant, change) = try AppDatabase.upsertProfile(
                work.db, over: existing, email: address, profile: result.profile, status: .active, source: source, origin: "import",
                roundID: round?.id, now: work.now, submitted: row.submitted)
            switch change {
            case .added:
                report.added.append(address)
                let fields = builder.summary(of: participant.profile, at: work.now, wording: ProfileWording(language: work.mailLanguage(for: participant)))
                    .map { FieldLine(label: $0.label, value: $0.value) }
                try work.outbox.send(WelcomeMail(person: PersonName(participant.profile.name), fields: fields,
                                                 round: round.map { roundInfo($0) },
                                                 nextRound: round == nil ? work.nextRoundDay() : nil),
                                     to: [MailAddress(address: participant.email, name: participant.profile.name)],
                                     about: .participant(participant.id), language: work.mailLanguage(for: participant))
            case .updated:
                report.updated.append(address)
                report.notes += Self.replaced(existing?.profile, by: participant.profile).map { .init(row: row.number, email: address, text: $0) }
            case .unchanged: report.unchanged.append(address)
            }
            if coordinators.contains(address) {
                report.notes.append(.init(row: row.number, email: address, text: """
                    imported, but this is a coordinator's address ([program] coordinators); if they are not meant to take part: \
                    mentormail participants withdraw \(address) --no-tell
                    """))
            }
        }
        try work.audit.record("import", "form-export-imported",
                              "\(source): \(report.added.count) added, \(report.updated.count) updated, \(report.unchanged.count) unchanged, \(report.skipped.count) skipped, \(report.rejected.count) rejected, \(report.malformed.count) unreadable")
        return report
    }

    /// The stored name and role an import replaces by another value, each as the report says it
    /// ("name \"Ana Souza\" -> \"Ana Maria Souza\""): a coordinator sees who was renamed.
    static func replaced(_ old: ParticipantProfile?, by new: ParticipantProfile) -> [String] {
        guard let old else { return [] }
        return [("name", old.name, new.name), ("role", old.role, new.role)]
            .filter { !$0.1.isEmpty && $0.1 != $0.2 }
            .map { "\($0.0) \"\($0.1)\" -> \"\($0.2)\"" }
    }

    /// Rows whose address answers again later in the export, each with the row that replaces
    /// it: the latest `usable` one by the export's timestamp column when every one of them has
    /// a readable time, else the usable one furthest down (the latest of all when none is usable).
    static func laterAnswers(in export: FormExport, usable: (FormExport.Row) throws -> Bool = { _ in true }) rethrows -> [Int: Int] {
        var byAddress: [String: [(offset: Int, row: FormExport.Row)]] = [:]
        for (offset, row) in export.rows.enumerated() {
            if let email = row.email?.lowercased() { byAddress[email, default: []].append((offset, row)) }
        }
        var replaced: [Int: Int] = [:]
        for all in byAddress.values where all.count > 1 {
            let timed = all.allSatisfy { $0.row.submitted != nil }
            // Ties, and rows without times, go by their place in the sheet.
            func before(_ a: (offset: Int, row: FormExport.Row), _ b: (offset: Int, row: FormExport.Row)) -> Bool {
                if timed, let first = a.row.submitted, let second = b.row.submitted, first != second { return first < second }
                return a.offset < b.offset
            }
            let valid = try all.filter { try usable($0.row) }
            guard let latest = (valid.isEmpty ? all : valid).max(by: before) else { continue }
            // A later answer that cannot be imported is not replaced: it is rejected with its reasons.
            for entry in all where entry.row.number != latest.row.number && (valid.isEmpty || before(entry, latest)) {
                replaced[entry.row.number] = latest.row.number
            }
        }
        return replaced
    }

    func fieldLines(_ profile: ParticipantProfile, wording: ProfileWording) -> [FieldLine] {
        builder.summary(of: profile, at: work.now, wording: wording).map { FieldLine(label: $0.label, value: $0.value) }
    }

    /// The partners of `person`'s ongoing pairs when they have no place to be matched in again:
    /// a mentee with a mentor, or a mentor whose places are all taken.
    /// What happens next for `participant`, on the answer to their profile: the round, their
    /// pairs, a graduation, or their pause.
    func tellWhatHappensNext(_ mail: inout ProfileReceivedMail, _ participant: Participant, language: String?) throws {
        (mail.round, mail.nextRound, mail.mentoring, mail.graduated) = try whatHappensNext(participant, language: language)
        if mail.graduated != true { mail.mentoringBeside = try Self.mentoringBeside(participant, db: work.db, language: language) }
        if participant.status == .paused { mail.paused = true }
    }

    /// A form problem as the profile answer says it, in `wording`'s language.
    static func said(_ problem: FormProblem, in wording: ProfileWording) -> ProfileReceivedMail.Problem {
        .init(field: wording.label(problem.field), message: wording.text(problem.phrase), example: problem.example(in: wording))
    }

    /// The partners of `person`'s ongoing pairs when they still have a place to be matched in
    /// (a mentor with a free place): their mentoring goes on beside what happens next; nil when
    /// there are none, or `busyWith` names them.
    static func mentoringBeside(_ person: Participant, db: Database, language: String? = nil) throws -> String? {
        guard let id = person.id, try busyWith(person, db: db, language: language) == nil else { return nil }
        let ongoing = try ongoingPairs(of: id, db: db)
        guard !ongoing.isEmpty, try pairsInARoleLeft(person, db: db, language: language) == nil else { return nil }
        let names = try partnerNames(in: ongoing, of: id, db: db)
        return names.isEmpty ? nil : ProfileWording(language: language).list(names)
    }

    static func busyWith(_ person: Participant, db: Database, language: String? = nil) throws -> String? {
        guard let id = person.id else { return nil }
        let ongoing = try ongoingPairs(of: id, db: db)
        let asMentor = ongoing.filter { $0.mentorID == id }
        let hasMentor = ongoing.contains { $0.menteeID == id }
        let mentorFull = person.profile.isMentor && asMentor.count >= person.profile.capacity && !asMentor.isEmpty
        // A graduate waits for no mentor, whatever their profile says.
        let wantsMentor = try person.profile.isMentee && !AppDatabase.graduatedMentee(db, person)
        guard (hasMentor || !wantsMentor) && (mentorFull || !person.profile.isMentor), !ongoing.isEmpty else { return nil }
        return ProfileWording(language: language).list(try partnerNames(in: ongoing, of: id, db: db))
    }

    /// `person`'s ongoing pairs in a role their profile no longer holds (a mentor who became a
    /// mentee, or the other way round): such pairs go on, as nothing ends a pair but its people
    /// or a coordinator. The partners' names, and which role was left; nil when there are none.
    static func pairsInARoleLeft(_ person: Participant, db: Database, language: String? = nil) throws -> (partners: String, mentor: Bool, mentee: Bool)? {
        guard let id = person.id else { return nil }
        let left = try ongoingPairs(of: id, db: db).filter { pair in
            (pair.mentorID == id && !person.profile.isMentor) || (pair.menteeID == id && !person.profile.isMentee)
        }
        guard !left.isEmpty else { return nil }
        let names = try partnerNames(in: left, of: id, db: db)
        return (names.isEmpty ? "your partner" : ProfileWording(language: language).list(names),
                left.contains { $0.mentorID == id }, left.contains { $0.menteeID == id })
    }

    /// The names of everyone `person` is in an ongoing pair with, if any.
    static func partners(of person: Participant, db: Database, language: String? = nil) throws -> String? {
        guard let id = person.id else { return nil }
        let names = try partnerNames(in: try ongoingPairs(of: id, db: db), of: id, db: db)
        return names.isEmpty ? nil : ProfileWording(language: language).list(names)
    }

    /// Whom a pause or leaving would part `person` from: the partners of their ongoing pairs
    /// ("your partner" for a pair whose other side has no name); nil for other commands or
    /// when no pair is ongoing. The one answer to this for every question and for the check
    /// that a pause must be asked first.
    static func pairsEnded(by command: ParticipantCommand, of person: Participant, db: Database, language: String? = nil) throws -> String? {
        guard [.pause, .withdraw, .deleteData].contains(command), let id = person.id else { return nil }
        let ongoing = try ongoingPairs(of: id, db: db)
        guard !ongoing.isEmpty else { return nil }
        let names = try partnerNames(in: ongoing, of: id, db: db)
        return names.isEmpty ? "your partner" : ProfileWording(language: language).list(names)
    }

    /// The participant's pairs still going (introduced or active). One cached statement: this
    /// runs for every profile answer.
    static func ongoingPairs(of id: Int64, db: Database) throws -> [Mentorship] {
        let statement = try db.cachedStatement(sql: "SELECT * FROM mentorship WHERE status IN ('introduced', 'active') AND (menteeID = ? OR mentorID = ?)")
        return try Mentorship.fetchAll(statement, arguments: [id, id])
    }

    /// The names of the other side of `pairs` (those with a name).
    static func partnerNames(in pairs: [Mentorship], of id: Int64, db: Database) throws -> [String] {
        try Participant.fetchAll(db, keys: pairs.map { $0.menteeID == id ? $0.mentorID : $0.menteeID })
            .map(\.profile.name).filter { !$0.isEmpty }
    }

    /// What happens next for `person`: the round they are in while it is still to be matched
    /// (once its matches were approved, whoever it did not pair waits in the pool), else when
    /// the next round opens; and the partners of pairs that leave them no place to be matched.
    /// A graduate who does not mentor waits for nothing: only `graduated` is set.
    func whatHappensNext(_ person: Participant, language: String?) throws
        -> (round: RoundInfo?, nextRound: MailDate?, mentoring: String?, graduated: Bool?) {
        if person.status == .active, !person.profile.isMentor, try AppDatabase.graduatedMentee(work.db, person) {
            return (nil, nil, nil, true)
        }
        let inRound = try AppDatabase.findRound(work.db, id: person.roundID).flatMap { try AppDatabase.isMatched(work.db, round: $0) ? nil : $0 }
        return (inRound.map { roundInfo($0) }, inRound == nil ? work.nextRoundDay() : nil,
                try Self.busyWith(person, db: work.db, language: language), nil)
    }

    func roundInfo(_ round: Round) -> RoundInfo {
        RoundInfo(name: round.name, closes: MailDate.day(round.closesAt),
                  closed: round.status == .closed || round.closesAt <= work.now ? true : nil)
    }
}

/// What an import did, row by row: the coordinator's report.
public struct ImportReport: Codable, Sendable, Equatable {
    public struct Rejected: Codable, Sendable, Equatable {
        public var row: Int
        public var email: String?
        public var reasons: [String]

        /// The reasons as one text: full sentences follow each other, fragments are separated
        /// by semicolons ("both.; Mentoring type" would read badly).
        public var reasonsText: String {
            reasons.enumerated().map { index, reason in
                guard index > 0 else { return reason }
                let previous = reasons[index - 1].trimmingCharacters(in: .whitespaces)
                return (previous.last.map { ".!?".contains($0) } ?? false ? " " : "; ") + reason
            }.joined()
        }
    }

    public var source: String
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var rejected: [Rejected] = []
    public var ignoredColumns: [String] = []
    /// Rows not applied on purpose: older than the profile's last change, undoing a change
    /// made by mail, or for someone who moved away, withdrew or was erased.
    public var skipped: [Skipped] = []

    public struct Skipped: Codable, Sendable, Equatable {
        public var row: Int
        public var email: String
        public var reason: String
    }
    /// Rows imported with something the coordinator should know (a coordinator's address), and
    /// rows replaced by a later answer from the same address.
    public var notes: [Note] = []
    /// Rows not read because the same address answered again later in the export (a Google
    /// Forms re-submission is a correction), with the row read instead.
    public var replaced: [Replaced] = []

    public struct Replaced: Codable, Sendable, Equatable {
        public var row: Int
        public var email: String
        public var keptRow: Int
    }
    /// Lines of the file that could not be read as a row at all.
    public var malformed: [Malformed] = []

    public struct Malformed: Codable, Sendable, Equatable {
        public var line: Int
        public var reason: String
    }

    public struct Note: Codable, Sendable, Equatable {
        public var row: Int
        public var email: String
        public var text: String
    }

    /// Nothing could be imported: every row was rejected or unreadable (none skipped on purpose).
    public var nothingImported: Bool {
        added.isEmpty && updated.isEmpty && unchanged.isEmpty && skipped.isEmpty && (!rejected.isEmpty || !malformed.isEmpty)
    }
}

extension ProfileBuilder {
    /// Whether a stored profile still lacks a required field.
    static func isIncomplete(_ profile: ParticipantProfile) -> Bool {
        [SignupField.role, .mentoringType, .timeZone, .languages].contains { isEmpty($0, in: profile) }
    }
}
