import Mail

/// What an inbound message asks for, decided by `Intake` before anything changes.
public enum Intent: Sendable, Equatable {
    /// Someone the program does not know wrote in: answer with the sign-up form.
    case signUpRequest
    /// A filled-in (or corrected) sign-up form.
    case profile(SignupForm)
    /// "pause", "resume", "withdraw", "delete my data", a new address.
    case participantCommand(ParticipantCommand)
    /// A reply carrying one of our one-time tokens (address change, coordinator confirmation).
    case confirmation(token: String)
    /// A coordinator forwarded a form export; `verified` tells whether our mail server vouched
    /// for the From domain (else the import waits for a confirmation round trip).
    case coordinatorImport(verified: SenderVerification.Verdict)
    /// A coordinator's "APPROVE <code>" or "REJECT <code>" for a round's proposal.
    case coordinatorDecision(approve: Bool, token: String, verified: SenderVerification.Verdict)
    /// A known participant wrote something we did not understand: answer with help, keep it.
    case help
    /// Must never be answered (auto-reply, bounce, list mail, our own mail looping back).
    case ignore(reason: String)
    /// Cannot be handled automatically: kept for a coordinator.
    case quarantine(reason: String)

    /// A short stable name, stored with the message.
    public var name: String {
        switch self {
        case .signUpRequest: "signup-request"
        case .profile: "profile"
        case .participantCommand(let command): "command-\(command.name)"
        case .confirmation: "confirmation"
        case .coordinatorImport: "coordinator-import"
        case .coordinatorDecision(let approve, _, _): approve ? "coordinator-approve" : "coordinator-reject"
        case .help: "help"
        case .ignore: "ignore"
        case .quarantine: "quarantine"
        }
    }
}

extension ParticipantCommand {
    public var name: String {
        switch self {
        case .pause: "pause"
        case .resume: "resume"
        case .withdraw: "withdraw"
        case .deleteData: "delete-data"
        case .changeAddress: "change-address"
        }
    }
}
