import Mail

/// Decides what an inbound message means. Pure: it reads the message and the context only.
///
/// The rules run in order and the first that decides wins, so the reasons never to answer
/// (RFC 3834, our own mail, a conversation between a pair) come before anything that would
/// answer. Adding a kind of mail is adding a rule to ``rules``.
public struct Intake: Sendable {
    public var programAddress: String
    public var rules: [any IntakeRule]
    let formParser: SignupFormParser

    public init(config: Config) {
        programAddress = config.program.address
        let coordinators = Set(config.program.coordinators.map { $0.lowercased() })
        let verification = SenderVerification(trustedAuthservID: config.enrollment.trustedAuthservID)
        formParser = SignupFormParser(vocabulary: config.enrollment.vocabulary)
        rules = [
            CalendarReplyRule(),
            AutomaticMailRule(programAddress: config.program.address.lowercased()),
            NoSenderRule(),
            OwnMailRule(programAddress: config.program.address.lowercased()),
            CoordinatorDecisionRule(coordinators: coordinators, verification: verification),
            CoordinatorImportRule(coordinators: coordinators, verification: verification),
            SharedMailboxRule(),
            GraduationRule(),
            PairConversationRule(),
            ReplyUnderAddressNoticeRule(),
            ConfirmationRule(),
            JoinUnderOurMailRule(coordinators: coordinators),
            SomeoneElsesMailRule(coordinators: coordinators, programAddress: config.program.address),
            SurveyAnswerRule(),
            EventAutoReplyRule(),
            EventWordsRule(),
            EventRequestRule(),
            MenteeAgainRule(),
            StrangerDataRule(coordinators: coordinators),
            ParticipantCommandRule(),
            BecomeMentorRule(),
            OpenSurveyAnswerRule(),
            ThanksRule(),
            AwayNewsRule(),
            EventAnswerElsewhereRule(),
            ReplyUnderIntroductionRule(),
            ProfileFormRule(),
            CoordinatorForwardedJoinRule(coordinators: coordinators, programAddress: config.program.address.lowercased(),
                                         verification: verification),
            CoordinatorOtherRule(coordinators: coordinators),
            DataRequestRule(),
            PrivacyWordsRule(),
            QuestionRule(),
            TakeBackRule(),
            LeavingWishRule(),
            EventUnclearRule(),
            ProfileInSentencesRule(),
            MentoringRemarkRule(),
            UnclearParticipantRule(),
            NoteOnOurMailRule(),
            StrangerRule(),
        ]
    }

    public func classify(_ message: Message, context: IntakeContext = .init()) -> Classification {
        classify(prepare(message), context: context)
    }

    /// The message read for the rules; pure, so it may run on any thread.
    public func prepare(_ message: Message) -> IntakeMessage {
        IntakeMessage(message, programAddress: programAddress, formParser: formParser)
    }

    public func classify(_ prepared: IntakeMessage, context: IntakeContext) -> Classification {
        let prepared = prepared.read(under: context)
        for rule in rules {
            if let decision = rule.check(prepared, context) {
                return Classification(intent: decision.intent, rule: rule.name, reason: decision.reason)
            }
        }
        // StrangerRule always decides; this is only reached if the list is changed without it.
        return Classification(intent: .hold(reason: "no rule decided", acknowledge: false), rule: "none", reason: "no rule decided")
    }

    /// A coordinator's decision in the new text: APPROVE (true), REJECT (false), or nil when it
    /// says neither clearly. Approving sends every introduction and cannot be undone, so a word
    /// counts only where a person means it: in a sentence that is not a question, with no
    /// negation or condition before it in that sentence ("don't approve", "before I approve"),
    /// and as the text's first word, next to the proposal's code ("looks good, approve
    /// MM-…"), or in a short sentence ("Yes, approved."). A text that names both is no decision.
    static func decision(in newText: String) -> Bool? {
        var counted: Set<Bool> = []
        var named: Set<Bool> = []
        var firstWord = true
        for sentence in DecisionWords.sentences(of: newText) {
            let words = sentence.words
            defer { firstWord = false }
            guard !sentence.isQuestion else { continue }
            let namesCode = !ConfirmationToken.all(in: String(sentence.text)).isEmpty
            for (index, word) in words.enumerated() {
                guard let verdict = DecisionWords.verdict(word),
                      !words[..<index].contains(where: DecisionWords.holdsBack.contains) else { continue }
                named.insert(verdict)
                if (firstWord && index == 0) || namesCode || words.count <= DecisionWords.shortSentence {
                    counted.insert(verdict)
                }
            }
        }
        // "Rejected Gerd's pair, approve the rest" names both: no decision, whichever counted.
        return counted.count == 1 && named.count == 1 ? counted.first : nil
    }
}

/// The words of a coordinator's decision, in English and Spanish.
enum DecisionWords {
    static let approving: Set<String> = ["APPROVE", "APPROVED", "APPROVING", "APRUEBO", "APROBAR", "APROBADO", "APROBADA"]
    static let rejecting: Set<String> = ["REJECT", "REJECTED", "REJECTING", "RECHAZO", "RECHAZAR", "RECHAZADO", "RECHAZADA"]
    /// Before a decision word in its sentence, these make it no decision.
    static let holdsBack: Set<String> = [
        "NOT", "NO", "NEVER", "DON'T", "DONT", "DOESN'T", "DIDN'T", "CAN'T", "CANT", "CANNOT", "WON'T", "WONT",
        "WOULDN'T", "SHOULDN'T", "ISN'T", "AREN'T", "BEFORE", "UNTIL", "IF", "WHETHER", "UNLESS", "WHEN", "SHOULD", "COULD",
        "NUNCA", "ANTES", "CUANDO", "HASTA",
    ]
    /// A sentence of at most this many words may carry a decision without the code.
    static let shortSentence = 6

    static func verdict(_ word: String) -> Bool? {
        approving.contains(word) ? true : rejecting.contains(word) ? false : nil
    }

    struct Sentence {
        var text: Substring
        var words: [String]
        var isQuestion: Bool
    }

    /// The text cut at line ends and at `.`, `!` and `?`; words upper-cased, apostrophes kept.
    static func sentences(of text: String) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = text.startIndex
        var index = start
        func close(_ end: String.Index, question: Bool) {
            let piece = text[start..<end]
            let words = piece.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "\u{2019}") })
                .map { $0.uppercased().replacingOccurrences(of: "\u{2019}", with: "'") }
            if !words.isEmpty { sentences.append(Sentence(text: piece, words: words, isQuestion: question)) }
        }
        while index < text.endIndex {
            let character = text[index]
            let ends: Bool
            switch character {
            // A dot inside a word or after "e.g." does not end the sentence; one before a space does.
            case "!", "?", ".":
                let after = text.index(after: index)
                ends = SentenceEnds.ends(character, next: after == text.endIndex ? nil : text[after], before: text[start..<index])
            default: ends = character.isNewline
            }
            if ends {
                close(index, question: character == "?")
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        close(text.endIndex, question: false)
        return sentences
    }
}
