import Foundation
import GRDB
import Mail

/// Keeps the program from talking to a machine forever: never the same kind of answer twice in
/// a row to the same text again (a responder repeats itself), and never more than
/// `[safety] max_answers_per_sender_per_day` answers to one address. Mail past either limit is
/// held unanswered; the coordinators hear of a sender once, not at every repeat.
struct LoopGuard {
    let work: Work

    /// The rules of mail held by the guard (stored with each message).
    static let repeatRule = "loop-guard:repeat"
    static let dailyLimitRule = "loop-guard:daily-limit"

    struct Verdict {
        var classification: Classification
        /// Already reported for this sender: keep it, but leave it out of the next digest.
        var quiet = false
    }

    /// How many of a sender's last messages a long text is compared with, whatever they read as.
    static let sameTextLookback = 5

    /// The classification to carry out for a message whose new text has `fingerprint`, and
    /// `sameText` (both fingerprints) when it is long enough to be a responder's.
    func check(_ classification: Classification, sender: String?, fingerprint: String?, sameText: Set<String>? = nil,
               answering: MailReference? = nil) throws -> Verdict {
        if let sender, work.config.program.coordinators.contains(where: { $0.lowercased() == sender }) {
            // A coordinator's mail that is no command is kept for the others, but an answer to a
            // digest, or the same text again, is kept quietly: a coordinator's auto-responder
            // answering every digest would otherwise get a digest back at every run.
            guard case .hold = classification.intent else { return Verdict(classification: classification) }
            if answering?.kind == .heldDigest { return Verdict(classification: classification, quiet: true) }
            let previous = try AppDatabase.lastInbound(work.db, from: sender)
            let repeated = fingerprint != nil && previous?.textFingerprint == fingerprint && previous?.disposition == .held
            return Verdict(classification: classification, quiet: repeated)
        }
        guard classification.intent.answersSender, let sender else {
            return Verdict(classification: classification)
        }
        let previous = try AppDatabase.lastInbound(work.db, from: sender)
        // A calendar's answer is about the event as it stands: accepting an updated event again
        // is news, not a responder repeating itself (the daily limit below still holds).
        let calendarAnswer = if case .rsvp(let reply) = classification.intent { reply.source == .calendar } else { false }
        if !calendarAnswer, let previous, let fingerprint, previous.textFingerprint == fingerprint {
            if previous.rule == Self.repeatRule || previous.intent == classification.intent.name && previous.wasAnsweredOrHeld {
                return repeated(classification, of: previous)
            }
        }
        let alwaysCarriedOut = Self.isAlwaysCarriedOut(classification.intent)
        if !calendarAnswer, !alwaysCarriedOut, let again = try sameLongText(sameText, from: sender, classification) { return again }
        if alwaysCarriedOut { return Verdict(classification: classification) }
        let limit = work.config.safety.maxAnswersPerSenderPerDay
        let answered = try AppDatabase.answerCount(work.db, to: sender, since: work.now.addingTimeInterval(-86_400))
        if answered >= limit {
            return hold(classification, rule: Self.dailyLimitRule,
                        reason: "already \(answered) answers to this address in 24 hours ([safety] max_answers_per_sender_per_day = \(limit))",
                        quiet: previous?.rule == Self.dailyLimitRule)
        }
        return Verdict(classification: classification)
    }

    /// A long text one of the sender's last messages already had, answered or held, read this
    /// time as anything (a responder's reply under the survey reads as answers, under our answer
    /// as news): held as a repeat.
    private func sameLongText(_ sameText: Set<String>?, from sender: String, _ classification: Classification) throws -> Verdict? {
        guard let sameText else { return nil }
        let earlier = try AppDatabase.recentInbound(work.db, from: sender, limit: Self.sameTextLookback).first {
            $0.textFingerprint.map(sameText.contains) == true && ($0.rule == Self.repeatRule || $0.wasAnsweredOrHeld)
        }
        return earlier.map { repeated(classification, of: $0) }
    }

    /// Asking to leave is always carried out (or asked to confirm, and the confirming reply
    /// read): a responder never asks it, a person always means it. A code is single-use, so a
    /// responder repeating one is caught as the same text in a row, before this is asked.
    static func isAlwaysCarriedOut(_ intent: Intent) -> Bool {
        switch intent {
        case .confirmation: true
        case .participantCommand(let command), .confirmCommand(let command): command == .withdraw || command == .deleteData
        default: false
        }
    }

    /// `classification` held as the same text as `earlier`: quietly when that was a repeat too.
    private func repeated(_ classification: Classification, of earlier: InboundMessage) -> Verdict {
        if earlier.rule == Self.repeatRule {
            return hold(classification, rule: Self.repeatRule, reason: "the same text again, held too as `mentormail held show \(earlier.id ?? 0)`", quiet: true)
        }
        return hold(classification, rule: Self.repeatRule,
                    reason: "the same text as one already answered (`mentormail held show \(earlier.id ?? 0)`): an automatic responder? not answered twice")
    }

    private func hold(_ classification: Classification, rule: String, reason: String, quiet: Bool = false) -> Verdict {
        Verdict(classification: Classification(intent: .hold(reason: reason, acknowledge: false), rule: rule,
                                               reason: "\(reason) (it read as \(classification.intent.name))"),
                quiet: quiet)
    }

    /// The new text, folded, as a short fingerprint: a responder's repeated text gives the same
    /// one. Its numbers are left out (a responder's ticket number or date changes), unless
    /// `keepingNumbers`.
    static func fingerprint(of newText: String, keepingNumbers: Bool = false) -> String {
        var hasher = FNV1a()
        // The folded start is enough: a responder repeats itself well within 32 KiB.
        let start = newText.prefix(CommandWords.readLimit)
        guard !keepingNumbers else {
            hasher.add(EnrollmentText.fold(String(start)))
            return hasher.hex
        }
        // In ASCII the numbers are the digits, each a byte.
        let withoutNumbers = start.utf8.allSatisfy { $0 < 0x80 }
            ? String(decoding: start.utf8.filter { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }, as: UTF8.self)
            : start.filter { !$0.isNumber }
        hasher.add(EnrollmentText.fold(withoutNumbers))
        return hasher.hex
    }

    /// Whether the numbers of a message read as `intent` are what its writer says (a capacity in
    /// a form, a rating in a check-in answer): a text that changes only one of them is a
    /// person's correction, not a responder repeating itself.
    static func numbersCount(in intent: Intent) -> Bool {
        switch intent {
        case .profile, .surveyAnswer, .becomeMentor: true
        default: false
        }
    }
}

private extension InboundMessage {
    /// Answered, helped or held: a text the program already dealt with.
    var wasAnsweredOrHeld: Bool { [.answered, .helped, .held].contains(disposition) }
}
