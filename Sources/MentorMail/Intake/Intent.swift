import Mail

/// What an inbound message asks for, decided by `Intake` before anything changes.
public enum Intent: Sendable, Equatable {
    /// Someone the program does not know wrote in: answer with the sign-up form.
    case signUpRequest
    /// Must never be answered (auto-reply, bounce, list mail, our own mail looping back).
    case ignore(reason: String)
    /// Cannot be handled automatically: kept for a coordinator.
    case quarantine(reason: String)

    /// A short stable name, stored with the message.
    public var name: String {
        switch self {
        case .signUpRequest: "signup-request"
        case .ignore: "ignore"
        case .quarantine: "quarantine"
        }
    }
}
