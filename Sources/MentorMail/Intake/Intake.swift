import Mail

/// What the intake may know besides the message itself, looked up by the run beforehand.
public struct IntakeContext: Sendable {
    /// The sender's record, if they are a participant.
    public var participant: Participant?

    public init(participant: Participant? = nil) {
        self.participant = participant
    }
}

/// Decides what an inbound message means. Pure: it reads the message and the context only.
///
/// The rules run in order and the first that matches decides, so the reasons never to
/// answer (RFC 3834) come before anything that would answer.
public struct Intake: Sendable {
    /// The program's own address, to recognise mail that loops back.
    public var programAddress: String
    public var parser: SignupFormParser
    public var coordinators: Set<String>
    public var verification: SenderVerification

    public init(config: Config) {
        programAddress = config.program.address
        parser = SignupFormParser(vocabulary: config.enrollment.vocabulary)
        coordinators = Set(config.program.coordinators.map { $0.lowercased() })
        verification = SenderVerification(trustedAuthservID: config.enrollment.trustedAuthservID)
    }

    /// APPROVE (true) or REJECT (false) as the first word of the new text.
    static func decision(in newText: String) -> Bool? {
        let first = newText.split(whereSeparator: { $0.isWhitespace || $0 == ":" || $0 == "," }).first?.uppercased()
        switch first {
        case "APPROVE", "APPROVED": return true
        case "REJECT", "REJECTED": return false
        default: return nil
        }
    }

    public func classify(_ message: Message, context: IntakeContext = .init()) -> Intent {
        if let reason = message.automatic?.description {
            return .ignore(reason: reason)
        }
        guard let from = message.from, Config.isPlausibleAddress(from.address) else {
            return .quarantine(reason: "no usable From address")
        }
        if from.normalized == programAddress.lowercased() {
            return .ignore(reason: "sent by the program itself")
        }
        let text = message.textBody ?? ""
        let newText = MailReading.reply(of: message)
        if coordinators.contains(from.normalized) {
            if let decision = Self.decision(in: newText), let token = ConfirmationToken.find(in: [newText, message.subject ?? ""]) {
                return .coordinatorDecision(approve: decision, token: token, verified: verification.verify(message))
            }
            if CoordinatorMail.containsFormExport(message) {
                return .coordinatorImport(verified: verification.verify(message))
            }
        }
        if let token = ConfirmationToken.find(in: [message.subject ?? "", newText]) {
            return .confirmation(token: token)
        }
        if let command = CommandWords.detect(in: newText, subject: message.subject) {
            return .participantCommand(command)
        }
        let form = parser.parse(text, senderName: from.name)
        // A stranger's form needs two answers to be told from prose; a participant may fix one line.
        if form.looksLikeForm || (form.fieldsFound >= 1 && context.participant != nil) {
            return .profile(form)
        }
        return context.participant == nil ? .signUpRequest : .help
    }
}
