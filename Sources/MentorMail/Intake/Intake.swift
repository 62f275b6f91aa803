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
            AutomaticMailRule(),
            NoSenderRule(),
            OwnMailRule(programAddress: config.program.address.lowercased()),
            CoordinatorDecisionRule(coordinators: coordinators, verification: verification),
            CoordinatorImportRule(coordinators: coordinators, verification: verification),
            GraduationRule(),
            PairConversationRule(),
            ConfirmationRule(),
            SurveyAnswerRule(),
            EventWordsRule(),
            ParticipantCommandRule(),
            BecomeMentorRule(),
            ReplyUnderIntroductionRule(),
            ProfileFormRule(),
            CoordinatorOtherRule(coordinators: coordinators),
            QuestionRule(),
            UnclearParticipantRule(),
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
        for rule in rules {
            if let decision = rule.check(prepared, context) {
                return Classification(intent: decision.intent, rule: rule.name, reason: decision.reason)
            }
        }
        // StrangerRule always decides; this is only reached if the list is changed without it.
        return Classification(intent: .hold(reason: "no rule decided", acknowledge: false), rule: "none", reason: "no rule decided")
    }

    /// APPROVE (true) or REJECT (false) as the first word of the new text.
    static func decision(in newText: String) -> Bool? {
        let first = newText.split(whereSeparator: { !$0.isLetter }).first?.uppercased()
        switch first {
        case "APPROVE", "APPROVED": return true
        case "REJECT", "REJECTED": return false
        default: return nil
        }
    }
}
