import Mail

/// One step of the intake: looks at a message in its context and either decides what it
/// means, with the reason, or passes it on to the next rule.
public protocol IntakeRule: Sendable {
    /// A short stable name, stored with the message ("pair-conversation").
    var name: String { get }
    func check(_ message: IntakeMessage, _ context: IntakeContext) -> RuleDecision?
}

/// What a rule decided, and why (stored with the message, shown by `held show`).
public struct RuleDecision: Sendable, Equatable {
    public var intent: Intent
    public var reason: String

    public init(_ intent: Intent, _ reason: String) {
        self.intent = intent
        self.reason = reason
    }
}

/// The outcome of the intake: the intent, the rule that chose it, and its reason.
public struct Classification: Sendable, Equatable {
    public var intent: Intent
    public var rule: String
    public var reason: String
}
