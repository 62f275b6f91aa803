import Mail

/// What the intake may know besides the message itself, looked up by the run beforehand.
public struct IntakeContext: Sendable {
    /// The sender's record, if they are a participant.
    public var participant: Participant?
    /// The mail of ours this message answers: In-Reply-To first, then References, newest first.
    public var answering: MailReference?
    /// Whom that mail was sent to, lower-cased.
    public var answeredRecipients: Set<String> = []
    /// That mail was found only among References, not in In-Reply-To: the message may be an
    /// answer to someone who forwarded it (an Outlook reply under a forward keeps them).
    public var answeringOnlyInReferences = false
    /// That mail was found inside the message, forwarded whole (or by its calendar's UID).
    public var answeringForwarded = false
    /// The participant's profile changed after that mail was written: form lines quoted from
    /// it are out of date, not the person's answer.
    public var profileChangedSinceAnswered = false
    /// The sender is not a participant themselves, but writes from the same mailbox (a "+tag")
    /// as `participant`: the one that mail went to, or the only one at that mailbox.
    public var senderIsAlias = false
    /// The sender answers our mail written to another address of their mailbox (the same
    /// local part before any "+tag", the same domain): that address, where they are recorded
    /// and answered.
    public var writtenAddress: String?
    /// The sender is no participant, and several share their mailbox: these addresses.
    public var sharedMailbox: [String] = []
    /// The addresses of the sender's partners in ongoing mentorships.
    public var partners: Set<String>
    /// The names of those partners, as their profiles give them.
    public var partnerNames: [String] = []
    /// The sender's ongoing mentorships.
    public var ongoingPairs: [Int64] = []
    /// Those pairs in a coordinator's words ("the pair of Mia Lopez and Max Weber (`mentormail pairs show 3`)").
    public var pairWords: [Int64: String] = [:]
    /// The sender's check-in survey still waiting for answers (its pair ongoing), if any.
    public var openSurvey: Int64?
    /// The sender's partner in each of their ongoing pairs: name and address.
    public var partnerByPair: [Int64: (name: String, email: String)] = [:]
    /// The sender's check-in surveys still waiting for answers, or answered and open for
    /// corrections until their last look, by pair.
    public var openSurveyByPair: [Int64: Int64] = [:]
    /// The sender graduated as a mentee and waits for no mentor (they did not ask again since).
    public var graduatedMentee = false
    /// The code in the Subject, when it is one of ours that can no longer be used: already
    /// used, or expired at the run's time. A new request under its mail is read as that request.
    public var spentCode: String?
    /// The one upcoming event the sender is invited to, when they have not answered it yet.
    public var openEventInvitation: Int64?
    /// The sender is a participant invited to the event the answered mail is about: a friend's
    /// forward of their own invitation to it, passed on with words of the sender's, is the
    /// sender's answer to theirs.
    public var invitedToAnsweredEvent = false

    public init(participant: Participant? = nil, answering: MailReference? = nil, partners: Set<String> = []) {
        self.participant = participant
        self.answering = answering
        self.partners = partners
    }

    /// The sender's pairs whose partner `text` names: by address, full name, or first name
    /// (a full name found decides between partners who share a first name).
    func pairsNamed(in text: String) -> [Int64] {
        let lower = text.lowercased()
        let words = EnrollmentText.words(text)
        func names(_ name: [String]) -> Bool {
            !name.isEmpty && words.count >= name.count && (0...(words.count - name.count)).contains { words[$0..<$0 + name.count].elementsEqual(name) }
        }
        let byAddress = partnerByPair.filter { lower.contains($0.value.email.lowercased()) }.map(\.key)
        let byFullName = partnerByPair.filter { EnrollmentText.words($0.value.name).count > 1 && names(EnrollmentText.words($0.value.name)) }.map(\.key)
        let byFirstName = partnerByPair.filter { names(Array(EnrollmentText.words($0.value.name).prefix(1))) }.map(\.key)
        let found = Set(byAddress + byFullName)
        return (found.isEmpty ? Set(byFirstName) : found).sorted()
    }

    /// Pair `id` in words, else "mentorship ID".
    func pair(_ id: Int64) -> String { pairWords[id] ?? "mentorship \(id)" }

    /// Whether the sender is a participant with a profile (not erased).
    var isParticipant: Bool { participant.map { $0.status != .erased } ?? false }

    /// The address of the person the mail is read as: the participant's recorded one when the
    /// sender writes from another address of their mailbox, else the address our mail they
    /// answer went to, else `sender`'s.
    func personAddress(_ sender: MailAddress) -> String {
        if senderIsAlias, let participant { return participant.email.lowercased() }
        return writtenAddress ?? sender.normalized
    }

    /// Whether `address` is (the same mailbox as) one that the answered mail went to.
    func wasWritten(_ address: MailAddress) -> Bool {
        answeredRecipients.contains { MailAddress.mailbox(of: $0) == address.mailbox }
    }

    /// Whether the answered mail is Speed Mentoring mail written to someone else: the sender is
    /// neither its recipient (nor of their mailbox) nor writing for them from an alias.
    func answersAnotherGuestsMail(from address: MailAddress?) -> Bool {
        guard let address, let answering, answering.topic.kind == .event, !answeredRecipients.isEmpty else { return false }
        return !senderIsAlias && !wasWritten(address) && !invitedToAnsweredEvent
    }

    /// Whether the answered mail went to someone else and reached the sender only through a
    /// forward: they are not in the program, and the link is a References line or the
    /// forwarded mail itself, never their own In-Reply-To.
    func answersSomeoneElsesMail(from address: MailAddress?) -> Bool {
        guard let address, answering != nil, !answeredRecipients.isEmpty, answeringOnlyInReferences || answeringForwarded else { return false }
        return !isParticipant && !wasWritten(address)
    }
}

/// The parts of a message the rules read, worked out once.
public struct IntakeMessage: Sendable {
    public let message: Message
    public let from: MailAddress?
    /// The whole best text.
    public let text: String
    /// The new text only: no quotes, no signature; the Subject when the body says nothing and
    /// the Subject does (``SubjectText``).
    public let newText: String
    /// `newText` is the Subject: the body said nothing.
    public let textIsSubject: Bool
    /// The new text above any mail the writer passes on (``ForwardedMessages/writersText(_:subject:)``):
    /// their own words, cut once for every reader that wants only those.
    let aboveForward: String
    /// The new text's own lines and sentences, for the rules that read requests in them.
    let own: OwnText
    public let subject: String
    /// To and Cc, lower-cased, without the program and the sender.
    public let otherRecipients: Set<String>
    /// Why the message was sent by a machine (RFC 3834 headers, out-of-office text), if it was.
    public let automatic: AutomaticReason?
    /// The language the writer's own words in the new text (above what it forwards) are
    /// clearly written in, if any.
    let writtenLanguage: String?
    /// The loop guard's fingerprints of the new text, without and with its numbers; nil when it is blank.
    private let fingerprints: (withoutNumbers: String, withNumbers: String)?
    /// The messages it passes on, attached or copied into its text.
    public let forwarded: ForwardedMessages
    /// It passes on someone else's mail: a mail of ours written to another address (not the
    /// same mailbox as the sender's), or a message another person wrote.
    public let forwardsForSomeoneElse: Bool
    /// What only the rules that may answer read: made with the rest, unless the message is
    /// one that the first rules set aside without reading it (automatic mail, no usable
    /// sender, our own mail), where it is read only if asked for.
    private let readings: Readings?
    private let formParser: SignupFormParser

    private struct Readings: Sendable {
        let command: CommandReading?
        let form: SignupForm
        let joinRole: ParticipantRole?
        let prose: ProseSignup
    }

    /// A request in the new text (join, pause, withdraw, ...), if there is one.
    public var command: CommandReading? {
        if let readings { return readings.command }
        return CommandWords.read(in: own, subject: message.subject)
    }
    /// Whether the request was read from the Subject alone. A reply's subject repeats the one
    /// its thread began with ("Re: pause"), so what the new text asks for comes first.
    var commandIsOnlyInSubject: Bool { command?.fromSubject ?? false }
    /// Whether the new text asks to take part again ("I'd like to join again"). Read only for
    /// paused and withdrawn participants, so made when asked for.
    var asksToRejoin: Bool { JoinWords.asksToRejoin(in: own) }
    /// Whether the new text asks to be mentored again ("I'd like to be mentored again", "could
    /// I get a new mentor").
    var asksForMentoringAgain: Bool { JoinWords.asksForMentoringAgain(in: own) }
    /// A request the new text takes back ("I don't want to pause", "ignore my previous mail").
    var takenBack: CommandSentences.TakenBack? { CommandSentences.takenBack(own) }
    /// The sentence that puts off resuming ("I don't want to resume yet", "not yet, I'll write when I'm back").
    var putsOffResuming: String? { CommandSentences.putsOffResuming(own) }
    /// Words of leaving, pausing or not going on, with no request read from them.
    var soundsLikeLeaving: Bool { command == nil && CommandSentences.soundsLikeLeaving(own) }
    /// Words of privacy or of deleting data, with no request read from them.
    var speaksOfPrivacy: Bool { command == nil && CommandSentences.speaksOfPrivacy(own) }
    /// A request to see what is held about the writer, and whether the text asks something else
    /// too (a question besides it); nil when there is none, or a request we carry out is read.
    var dataRequest: (alsoAsks: Bool, sentence: String)? {
        guard command == nil, let sentence = CommandSentences.dataRequest(own) else { return nil }
        let marks = newText.filter { $0 == "?" || $0 == "？" }.count
        let own = newText.contains(sentence + "?") || newText.contains(sentence + "？") ? 1 : 0
        return (marks > own, sentence)
    }
    /// Whether the new text asks to have one's data deleted, or asks about one's data, without
    /// asking to join or sending the form.
    var asksAboutOwnData: Bool {
        guard !form.looksLikeForm, joinRole == nil, !asksToJoin else { return false }
        return command?.command == .deleteData || (command == nil && CommandSentences.speaksOfPrivacy(own))
    }
    /// Whether the new text asks to join or for the form, with or without a role.
    var asksToJoin: Bool { JoinWords.asksToJoin(in: own) }
    /// The sign-up form's lines found in the whole text (maybe none).
    public var form: SignupForm {
        ownFormRead ?? readings?.form ?? Self.form(in: text, of: message, parser: formParser)
    }
    /// Form lines quoted ("> ") or below a message passed on are someone else's when the
    /// message answers no mail of ours (an Outlook user types into our quoted form only): then
    /// the writer's own form lines, read once (rare: a second parse of every message with quoted
    /// lines cost a tenth of a run).
    private var ownFormRead: SignupForm?
    /// Whether `read(under:)` has run: the context of a message does not change within a run.
    private var isReadUnderContext = false
    /// The form quoted is the writer's: its name is the sender's From name.
    private var quotesOwnForm: Bool {
        guard form.answeredInQuotedText.contains(.name), let name = form.name, let sender = from?.name else { return false }
        return EnrollmentText.words(name) == EnrollmentText.words(sender)
    }
    /// The program's address, by which quoted or passed-on lines are a mail of ours (`quotesOurMail`).
    private let programAddress: String

    /// The message as read under `context`: a newcomer's mail answering no mail of ours, whose
    /// quoted or passed-on lines are not our sign-up form nor their own form (another name on
    /// it), has only the writer's own form lines read, quoted and passed-on ones left out.
    /// Only mail with lines to leave out is read anew: the others read the same either way.
    /// Reading it again (the rules read what the run already read) changes nothing.
    public func read(under context: IntakeContext) -> IntakeMessage {
        guard !isReadUnderContext else { return self }
        var message = self
        message.isReadUnderContext = true
        guard context.answering == nil, !context.isParticipant else { return message }
        let lines = Self.ownLines(of: text)
        guard !lines.others.isEmpty, !Self.quotesOurForm(lines.others, programAddress: programAddress), !quotesOwnForm else { return message }
        message.ownFormRead = formParser.parse(lines.own, senderName: self.message.from?.name)
        return message
    }

    /// The loop guard's fingerprint of the new text read as `intent`; nil when it is blank.
    func fingerprint(for intent: Intent?) -> String? {
        guard let fingerprints else { return nil }
        return intent.map(LoopGuard.numbersCount) == true ? fingerprints.withNumbers : fingerprints.withoutNumbers
    }
    /// Both fingerprints of a new text long enough to be a responder's (eight words or more, or
    /// news of being away), which the loop guard holds again however it reads the second time
    /// (check-in answers under the survey, help under our answer); nil for a short one ("yes",
    /// "thanks, see you there"), which a person may well write twice.
    var sameTextFingerprints: Set<String>? {
        guard let fingerprints, EnrollmentText.words(newText).count >= 8 || AbsenceWords.speaksOfAbsence(own) else { return nil }
        return [fingerprints.withoutNumbers, fingerprints.withNumbers]
    }
    /// The role asked for in words ("I'd like to be a mentor"), if any.
    var joinRole: ParticipantRole? {
        if let readings { return readings.joinRole }
        return JoinWords.role(in: own)
    }

    /// The role asked for in the writer's own words, above any mail they pass on.
    var joinRoleAboveForward: ParticipantRole? {
        aboveForward == newText ? joinRole : JoinWords.role(in: aboveForward)
    }

    /// Whether the writer's own words, above any mail they pass on, ask to join or for the form.
    var asksToJoinAboveForward: Bool {
        aboveForward == newText ? asksToJoin : JoinWords.asksToJoin(in: ownAboveForward)
    }

    /// Whether the message passes on or quotes a mail of ours other than our sign-up form (an
    /// introduction, an invitation, a check-in): forwarded inline or attached, or quoted below
    /// the writer's words.
    var passesOnOurMail: Bool {
        let program = MailAddress.mailbox(of: programAddress)
        let others = Self.ownLines(of: text).others
        guard forwarded.authors.contains(where: { $0.mailbox == program }) || Self.quotesOurMail(others, programAddress: programAddress) else { return false }
        return !Self.quotesOurForm(others, programAddress: programAddress)
    }

    /// The new text's own lines and what its sentences say, for a first mail's pre-filled form:
    /// only the writer's words above a mail they pass on, never that mail's (a friend's, or one
    /// of ours with another person's profile in it).
    var prefillReading: (own: OwnText, prose: ProseSignup) {
        guard aboveForward != newText else { return (own, prose) }
        let own = ownAboveForward
        return (own, ProseSignup.read(own, vocabulary: formParser.vocabulary))
    }

    /// The writer's own lines and sentences, above any mail they pass on.
    var ownAboveForward: OwnText {
        aboveForward == newText ? own : OwnText(aboveForward)
    }

    /// What the new text's sentences say of the sign-up's fields ("I'm in Berlin, I'd like to
    /// mentor in Nova").
    var prose: ProseSignup { readings?.prose ?? ProseSignup.read(own, vocabulary: formParser.vocabulary) }

    /// The language our mail is wished in, in a sentence ("Please write to me in Spanish"),
    /// taken as a "Mail language:" line; nil when none, or when another question stands beside
    /// it (a person answers that).
    var mailLanguageWish: String? {
        guard let code = prose.mailLanguage else { return nil }
        let questions = own.sentences.filter { $0.contains("?") || $0.contains("？") }
        guard questions.allSatisfy({ ProseSignup.read(text: $0, vocabulary: formParser.vocabulary).mailLanguage != nil }) else { return nil }
        return code
    }

    /// What a participant's sentences say that stands as a change on its own, as the form's
    /// lines: a capacity ("I can take two mentees"), a way to meet ("I prefer IRC or chat") and
    /// when they are free ("I'm free weekday evenings"); nil when there is none. Read only when
    /// no rule before understood the message. A place or a language in passing is not: a line
    /// replaces a whole field, and "I am in Berlin next week" or "I also speak French" would
    /// replace a time zone or a list of languages.
    var formInSentences: SignupForm? { formInSentences(over: nil) }

    /// The same over `profile`, with the role asked for in words ("je préfère être mentor plutôt
    /// que mentorée", "I'd rather be a mentee now") when it is not its role, a single one (with
    /// "too" or "also", "I'd like to mentor too", it is both), and a change of mind about the
    /// kind of mentoring, the areas or the ways to meet ("make it career, not technical").
    func formInSentences(over profile: ParticipantProfile?) -> SignupForm? {
        let asked = profile == nil ? [] : ChangeOfMind.read(own, vocabulary: formParser.vocabulary)
        var changes = asked.filter { $0.leavesAValue(over: profile) }
        // "Drop IRC and video" of someone who meets only so would leave no way: the field stays as
        // it is, and the answer says the words back.
        changes += asked.filter { !$0.leavesAValue(over: profile) }.map { ChangeOfMind(field: $0.field, wanted: [], setAside: []) }
        var lines = prose.answers.filter { [.capacity, .interaction, .availability].contains($0.field) && !changes.map(\.field).contains($0.field) }
            .map { "\($0.field.label): \($0.value)" }
        // "I moved to Tokyo": the place of a move, not one said in passing, is the time zone.
        if profile != nil, let zone = own.sentences.lazy.filter(Self.tellsOfAMove)
            .compactMap({ ProseSignup.read(text: $0, vocabulary: self.formParser.vocabulary).timeZone }).first {
            lines.append("\(SignupField.timeZone.label): \(zone)")
        }
        lines += changes.map { $0.line(over: profile, vocabulary: formParser.vocabulary) }
        if let current = profile.flatMap({ ParticipantRole(rawValue: $0.role) }), current != .both, let asked = joinRole, asked != current {
            let also = own.clauses.joined().contains { $0.words.contains(where: Self.alsoWords.contains) }
            lines.insert("\(SignupField.role.label): \((also ? ParticipantRole.both : asked).rawValue)", at: 0)
        }
        guard !lines.isEmpty else { return nil }
        return formParser.parse(lines.joined(separator: "\n"))
    }

    /// Whether `sentence` tells of a move: "I moved to Tokyo", "me mudé a Madrid", "I live in
    /// Berlin now", "ich wohne jetzt in Berlin".
    static func tellsOfAMove(_ sentence: String) -> Bool {
        let words = Set(EnrollmentText.words(sentence))
        return !words.isDisjoint(with: movedWords) || (!words.isDisjoint(with: livingWords) && !words.isDisjoint(with: ProseSignup.nowWords))
    }

    private static let movedWords: Set<String> = ParticipantRole.folded([
        "moved", "relocated", "mudé", "mudado", "mudada", "mudei", "mudou", "umgezogen", "déménagé", "déménagée", "trasferito",
        "trasferita", "trasladado", "trasladada", "trasladé",
    ])
    private static let livingWords: Set<String> = ParticipantRole.folded([
        "live", "living", "based", "located", "vivo", "wohne", "lebe", "habite", "vis", "moro", "abito", "resido",
    ])

    /// Whether every question of the message asks for a change of mind `profile` can take
    /// ("Could you switch me to career mentoring?"): a request to carry out, not one for a person.
    func asksOnlyForChanges(over profile: ParticipantProfile) -> Bool {
        let marks = newText.filter { $0 == "?" || $0 == "？" }.count
        let asked = own.sentences.filter { sentence in
            ["?", " ?", "？"].contains { sentence.contains($0) || newText.contains(sentence + $0) }
                && ChangeOfMind.read(OwnText(sentence), vocabulary: formParser.vocabulary).contains { $0.leavesAValue(over: profile) }
        }
        return marks > 0 && asked.count >= marks
    }

    /// "Too", "also", folded: a role asked for beside the one held.
    static let alsoWords: Set<String> = Set(["too", "also", "additionally", "tambien", "ademas", "aussi", "egalement", "auch", "tambem", "anche"])

    /// Whether the form's lines all came from quoted text and would leave `profile` as it is:
    /// the person quoted our mail and wrote none of the form's lines themselves.
    func formOnlyQuotes(_ profile: ParticipantProfile) -> Bool {
        let form = self.form
        guard form.fieldsFound > 0, form.answeredFields.isSubset(of: form.answeredInQuotedText), form.unknownFields.isEmpty else { return false }
        return ProfileBuilder(vocabulary: formParser.vocabulary).build(from: form, over: profile).profile == profile
    }

    /// Whether the message fills in none of the form's lines: its own text has no form line and
    /// its sentences say nothing the form asks, and the quoted form gives at most what we put on
    /// it, without a role (a pre-fill that names one is confirmed by "ok").
    var fillsInNothing: Bool {
        let form = self.form
        // What is already read first; the search for form lines of their own last.
        guard prose.isEmpty, prose.role == nil, joinRole == nil, !form.answeredFields.contains(.role),
              form.answeredFields.isSubset(of: form.answeredInQuotedText) else { return false }
        return SignupFormParser.ownFormLines(in: newText) == nil
    }

    /// Whether the new text says how a mentorship goes ("4, sometimes", "it's going great, we
    /// meet every week"): at least one check-in answer read from the person's own words.
    var remarksOnMentoring: Bool {
        SurveyAnswerReader().read(text: newText, newText: newText).answers.answered.contains { $0 != .note }
    }

    /// Whether the new text is news of being away for a while ("I'm on parental leave until
    /// March") and nothing else we would read: no question, request or wish to leave, no
    /// check-in answer, no form line of the person's own, nothing said to a partner by name
    /// ("Hi Ida, I'll be away next week"), and short.
    func isAwayNews(partnerNames: [String]) -> Bool {
        guard AbsenceWords.speaksOfAbsence(own), !newText.contains("?"), !newText.contains("？"), command == nil, !soundsLikeLeaving,
              newText.split(whereSeparator: \.isWhitespace).count < 40, form.answeredFields.isSubset(of: form.answeredInQuotedText),
              !remarksOnMentoring else { return false }
        let words = Set(own.clauses.joined().flatMap(\.words))
        return !partnerNames.compactMap { EnrollmentText.words($0).first }.contains(where: words.contains)
    }

    /// Whether the new text is an out-of-office reply that set no header (``AbsenceWords/
    /// soundsLikeResponder(_:)``): no question in it, and no answer to an invitation in its
    /// words that are not about being away ("Sorry, I can't come: I'm on holiday until the 28th"
    /// is a person declining).
    var isOutOfOffice: Bool {
        guard !newText.contains("?"), !newText.contains("？"), AbsenceWords.soundsLikeResponder(own) else { return false }
        let rest = own.clauses.joined().filter { !AbsenceWords.saysAway($0.words) }.map(\.text)
        return RSVPWords.read(rest.joined(separator: "\n")) == nil
    }

    /// Reads everything the rules need that does not depend on the database, so a run can
    /// prepare the next messages on another thread while the transaction handles this one.
    public init(_ message: Message, programAddress: String, formParser: SignupFormParser) {
        self.message = message
        from = message.from
        let body = MailReading.body(of: message)
        text = body?.text ?? ""
        let reply = body?.reply ?? ""
        // A body that says nothing under a Subject that does: the Subject is what they wrote.
        let subjectText = Self.saysNothing(reply, signedBy: message.from?.name) ? SubjectText.read(message.subject) : nil
        newText = subjectText ?? reply
        textIsSubject = subjectText != nil
        own = OwnText(newText)
        subject = message.subject ?? ""
        let excluded: Set<String> = [programAddress.lowercased(), message.from?.normalized ?? ""]
        otherRecipients = Set((message.to + message.cc).map(\.normalized)).subtracting(excluded)
        automatic = ResponderText.automatic(message, newText: newText, own: own)
        // The writer's own words: a mail they pass on may be in another language.
        aboveForward = ForwardedMessages.writersText(newText, subject: message.subject)
        writtenLanguage = LanguageGuess.code(of: aboveForward)
        fingerprints = newText.allSatisfy(\.isWhitespace) ? nil
            : (LoopGuard.fingerprint(of: newText), LoopGuard.fingerprint(of: newText, keepingNumbers: true))
        forwarded = ForwardedMessages.read(message, text: text)
        self.programAddress = programAddress
        forwardsForSomeoneElse = Self.forwardsForSomeoneElse(forwarded, from: message.from, programAddress: programAddress)
        self.formParser = formParser
        let setAside = automatic != nil || !(from.map { Config.isPlausibleAddress($0.address) } ?? false)
            || from?.normalized == programAddress.lowercased()
        if setAside {
            readings = nil
        } else {
            let joinRole = JoinWords.role(in: own)
            readings = Readings(command: CommandWords.read(in: own, subject: message.subject),
                                form: Self.form(in: text, of: message, parser: formParser), joinRole: joinRole,
                                prose: ProseSignup.read(own, vocabulary: formParser.vocabulary, joinRole: joinRole))
        }
    }

    /// Nothing of the writer's own to read: the new text is blank (a mail sent before it was
    /// written, one that only quotes ours or holds only a signature) or only signs it with
    /// the sender's name ("Ana", "Ana Souza").
    public var hasNoText: Bool { Self.saysNothing(newText, signedBy: from?.name) }

    /// Whether `text` has no words but those of `name`, and no question mark.
    static func saysNothing(_ text: String, signedBy name: String?) -> Bool {
        let name = Set(EnrollmentText.words(name ?? ""))
        return EnrollmentText.words(text).allSatisfy(name.contains) && !text.contains(where: { $0 == "?" || $0 == "？" })
    }

    /// The body said nothing and only attachments came, under a Subject that says nothing or
    /// only names them ("my CV"): a person must look at what came.
    var onlyAttachments: Bool {
        (hasNoText || textIsSubject) && !message.attachments.isEmpty
    }

    /// The new text runs past what is read of it (``CommandWords/readable(_:)``).
    var isLong: Bool { CommandWords.isReadInPart(newText) }

    /// The names of the attached files (their types when unnamed), at most five.
    var attachmentNames: [String] {
        message.attachments.prefix(5).map { $0.filename ?? $0.contentType }
    }

    static func forwardsForSomeoneElse(_ forwarded: ForwardedMessages, from sender: MailAddress?, programAddress: String) -> Bool {
        guard let sender else { return false }
        let program = MailAddress.mailbox(of: programAddress)
        let ours = forwarded.authors.contains { $0.mailbox == program }
        if ours, !forwarded.recipients.isEmpty, !forwarded.recipients.contains(where: { $0.mailbox == sender.mailbox || $0.mailbox == program }) {
            return true
        }
        return forwarded.authors.contains { $0.mailbox != program && $0.mailbox != sender.mailbox }
    }

    /// `text` split into the writer's own lines and the others: quoted ("> ") or below a
    /// forward or history line.
    static func ownLines(of text: String) -> (own: String, others: [Substring]) {
        let above = ForwardedMessages.aboveHistory(text)
        let lines = above.split(separator: "\n", omittingEmptySubsequences: false)
        let quoted = { (line: Substring) in line.drop { $0 == " " }.first == ">" }
        let below = text.dropFirst(above.count).split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.filter { !quoted($0) }.joined(separator: "\n"), lines.filter(quoted) + below)
    }

    /// Whether the quoted or passed-on lines of `text` are a mail of ours: they name the program's
    /// address as our signature or a From line does, not only as a recipient ("To: <…>").
    static func quotesOurMail(_ others: [Substring], programAddress: String) -> Bool {
        let address = programAddress.lowercased()
        return others.contains { line in
            let lower = ForwardedMessages.unquoted(line).lowercased()
            guard let found = lower.range(of: address) else { return false }
            let label = lower[..<found.lowerBound].split(separator: ":").dropLast().first.map { $0.trimmingCharacters(in: .whitespaces) }
            return label.map { !recipientLabels.contains($0) } ?? true
        }
    }

    /// Whether the quoted or passed-on lines of `text` are our sign-up form, which the writer may
    /// fill in where it stands: a mail of ours with the form's Role line. Our other mail (an
    /// introduction's profile blocks, an invitation) has none: its lines are another person's.
    static func quotesOurForm(_ others: [Substring], programAddress: String) -> Bool {
        guard quotesOurMail(others, programAddress: programAddress) else { return false }
        return SignupFormLine.lines(of: others.map(ForwardedMessages.unquoted).joined(separator: "\n")).contains { $0.key == .field(.role) }
    }

    private static let recipientLabels: Set<String> = ["to", "cc", "an", "para", "à", "a", "aan", "destinataire", "pour", "*to*", "*cc*"]

    /// The sign-up form in the best text, or in its HTML alternative when that has a table and
    /// more fields: Outlook writes a Word table's cells as lines of their own in the plain part.
    static func form(in text: String, of message: Message, parser: SignupFormParser) -> SignupForm {
        let form = parser.parse(text, senderName: message.from?.name)
        guard form.fieldsFound < SignupField.allCases.count, let html = message.htmlAlternative else { return form }
        let bytes = html.decodedBytes(limit: Message.maxHTMLBytes).bytes
        guard ByteSearch.contains(Array("<td".utf8), in: bytes) || ByteSearch.contains(Array("<TD".utf8), in: bytes) else { return form }
        let tableForm = parser.parse(Message.text(of: html), senderName: message.from?.name)
        return tableForm.fieldsFound > form.fieldsFound ? tableForm : form
    }
}
