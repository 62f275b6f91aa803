import Foundation
import GRDB
import Mail

extension Workflow {
    /// A filled-in or corrected form: merge it over the stored profile, store it, and confirm
    /// field by field what was understood and what to fix.
    func receiveProfile(_ form: SignupForm, answer: Answer) throws -> Outcome {
        let email = answer.sender.normalized
        let existing = try AppDatabase.findParticipant(answer.db, email: email)
        let builder = ProfileBuilder(vocabulary: config.enrollment.vocabulary)
        let stored = existing.flatMap { $0.status == .erased ? nil : $0.profile }
        let result = builder.build(from: form, over: stored)
        let round = try AppDatabase.acceptingRound(answer.db, now: now)
        let (participant, change) = try AppDatabase.upsertProfile(
            answer.db, email: email, profile: result.profile, status: result.isComplete ? .active : .incomplete,
            source: answer.message.messageID.map { "message <\($0)>" } ?? "a message", origin: "email",
            roundID: round?.id, now: now)
        try audit(answer.db, actor: email, action: "profile-\(change.rawValue)",
                  detail: result.isComplete ? "complete" : "problems: \(result.problems.map(\.field.label).joined(separator: ", "))")

        var values = answer.values([
            "person": ["name": participant.profile.name.isEmpty ? (answer.sender.name ?? "") : participant.profile.name],
            "complete": result.isComplete,
            "updated": change == .updated,
            "unchanged": change == .unchanged,
            "fields": builder.summary(of: participant.profile, at: now).map { ["label": $0.label, "value": $0.value] },
            "problems": result.problems.map { ["field": $0.field.label, "message": $0.message, "example": $0.example] },
            "hasProblems": !result.problems.isEmpty,
            "unknownFields": form.unknownFields.map { ["key": $0.key, "value": $0.value] },
            "hasUnknownFields": !form.unknownFields.isEmpty,
            "notes": result.notes,
        ])
        if let round = try AppDatabase.findRound(answer.db, id: participant.roundID), round.status == .open {
            values["round"] = ["name": round.name, "closes": Self.day(round.closesAt)]
        } else {
            values["nextRound"] = nextRoundText()
        }
        let queued = try answer.send("profile-received", purpose: "profile-received", values: values,
                                     fallbackSubject: "Your \(config.program.name) profile")
        return Outcome(disposition: .answered, queued: [queued])
    }

    /// "pause", "resume", "withdraw", "delete my data" and a change of address, on the sender's own record.
    func applyCommand(_ command: ParticipantCommand, answer: Answer) throws -> Outcome {
        let email = answer.sender.normalized
        let db = answer.db
        let person = try AppDatabase.findParticipant(db, email: email)
        var flags: [String: Any] = ["person": ["name": person?.profile.name ?? answer.sender.name ?? ""]]
        let fallback = "Your \(config.program.name) participation"
        guard let person, person.status != .erased else {
            flags["unknown"] = true
            let queued = try answer.send("participation-changed", purpose: "participation-changed",
                                         values: answer.values(flags), fallbackSubject: fallback)
            return Outcome(disposition: .answered, note: "no profile for this address", queued: [queued])
        }
        switch command {
        case .pause:
            _ = try AppDatabase.setStatus(db, email: email, to: .paused, now: now)
            flags["paused"] = true
        case .resume:
            let complete = !ProfileBuilder.isIncomplete(person.profile)
            _ = try AppDatabase.setStatus(db, email: email, to: complete ? .active : .incomplete, now: now)
            flags["resumed"] = true
        case .withdraw:
            _ = try AppDatabase.setStatus(db, email: email, to: .withdrawn, now: now)
            flags["withdrawn"] = true
        case .deleteData:
            _ = try AppDatabase.erase(db, email: email, now: now)
            flags["erased"] = true
            flags["person"] = ["name": ""]
        case .changeAddress(let newAddress):
            return try requestAddressChange(to: newAddress, person: person, answer: answer)
        }
        try audit(db, actor: email, action: "command-\(command.name)", detail: "by email")
        let queued = try answer.send("participation-changed", purpose: "participation-changed",
                                     values: answer.values(flags), fallbackSubject: fallback)
        return Outcome(disposition: .answered, queued: [queued])
    }

    /// Mails a one-time token to the new address; the change happens when that address answers.
    private func requestAddressChange(to newAddress: String, person: Participant, answer: Answer) throws -> Outcome {
        let db = answer.db
        let target = newAddress.lowercased()
        var flags: [String: Any] = ["person": ["name": person.profile.name], "newAddress": target]
        if try AppDatabase.findParticipant(db, email: target) != nil || !Config.isPlausibleAddress(target) {
            flags["addressRefused"] = true
            let queued = try answer.send("participation-changed", purpose: "participation-changed",
                                         values: answer.values(flags), fallbackSubject: "Your address")
            return Outcome(disposition: .answered, note: "address change to \(target) refused", queued: [queued])
        }
        let token = ConfirmationToken.make()
        var pending = PendingToken(token: token, purpose: .addressChange, email: target, payload: person.email,
                                   createdAt: now, expiresAt: now.addingTimeInterval(7 * 86_400), usedAt: nil)
        try pending.insert(db)
        try audit(db, actor: person.email, action: "address-change-requested", detail: "to \(target)")
        let confirmation = try queue(
            template: "confirm-address", purpose: "confirm-address", to: [MailAddress(address: target, name: person.profile.name)],
            values: answer.values(["person": ["name": person.profile.name], "oldAddress": person.email, "token": token,
                                   "expires": Self.day(pending.expiresAt)]),
            answering: nil, inboundID: answer.inboundID, db: db)
        flags["addressChangeRequested"] = true
        let queued = try answer.send("participation-changed", purpose: "participation-changed",
                                     values: answer.values(flags), fallbackSubject: "Your address")
        return Outcome(disposition: .answered, queued: [confirmation, queued])
    }

    /// A reply carrying a token: complete the round trip it was for.
    func confirm(token: String, answer: Answer) throws -> Outcome {
        let db = answer.db
        let email = answer.sender.normalized
        guard var pending = try PendingToken.filter(PendingToken.Columns.token == token).fetchOne(db),
              pending.usedAt == nil, pending.expiresAt > now, pending.email == email else {
            let queued = try answer.send("address-changed", purpose: "confirmation-refused",
                                         values: answer.values(["invalid": true, "token": token]),
                                         fallbackSubject: "Your confirmation")
            try audit(db, actor: email, action: "confirmation-refused", detail: token)
            return Outcome(disposition: .answered, note: "unknown, used or expired token", queued: [queued])
        }
        pending.usedAt = now
        try pending.update(db)
        switch pending.purpose {
        case .addressChange:
            guard let moved = try AppDatabase.changeAddress(db, from: pending.payload, to: email, now: now) else {
                return Outcome(disposition: .quarantined, note: "the participant \(pending.payload) no longer exists")
            }
            try audit(db, actor: email, action: "address-changed", detail: "from \(pending.payload)")
            let queued = try answer.send("address-changed", purpose: "address-changed",
                                         values: answer.values(["done": true, "oldAddress": pending.payload,
                                                                "person": ["name": moved.profile.name]]),
                                         fallbackSubject: "Your address")
            return Outcome(disposition: .answered, queued: [queued])
        case .coordinatorConfirmation:
            return try performConfirmed(heldInboundID: pending.payload, answer: answer)
        }
    }

    /// When the next round opens, from the calendar in the config.
    func nextRoundText() -> String {
        let days = config.enrollment.roundOpens.compactMap(MonthDay.init)
        return MonthDay.next(after: now, among: days).map(Self.day) ?? "soon (the coordinators will announce it)"
    }

    static func day(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: "en_US"), timeZone: TimeZone(identifier: "UTC") ?? .current))
    }
}

extension ProfileBuilder {
    /// Whether a stored profile still lacks a required field.
    static func isIncomplete(_ profile: ParticipantProfile) -> Bool {
        [SignupField.role, .mentoringType, .timeZone, .languages].contains { isEmpty($0, in: profile) }
    }
}
