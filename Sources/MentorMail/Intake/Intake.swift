import Mail

/// Decides what an inbound message means. Pure: it reads the message and the context only.
///
/// The rules run in order and the first that matches decides, so the reasons never to
/// answer (RFC 3834) come before anything that would answer.
public struct Intake: Sendable {
    /// The program's own address, to recognise mail that loops back.
    public var programAddress: String

    public init(programAddress: String) {
        self.programAddress = programAddress
    }

    public func classify(_ message: Message) -> Intent {
        if let reason = message.automatic?.description {
            return .ignore(reason: reason)
        }
        guard let from = message.from, Config.isPlausibleAddress(from.address) else {
            return .quarantine(reason: "no usable From address")
        }
        if from.normalized == programAddress.lowercased() {
            return .ignore(reason: "sent by the program itself")
        }
        return .signUpRequest
    }
}
