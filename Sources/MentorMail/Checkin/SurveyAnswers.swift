/// The check-in survey's questions, in the order the mail asks them.
public enum SurveyQuestion: Int, CaseIterable, Codable, Sendable, Comparable {
    /// How is it going? (1–5)
    case rating = 1
    /// Are you meeting? (yes / no / sometimes)
    case meeting
    /// How is the fit? (good fit / still deciding / not a good fit)
    case fit
    /// What next? (continue / graduate / need a new match)
    case next
    /// Anything for the coordinators? (free text)
    case note

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One person's answers to one check-in, as far as they are known.
public struct SurveyAnswers: Codable, Sendable, Equatable {
    public enum Meeting: String, Codable, Sendable, CaseIterable { case yes, no, sometimes }
    public enum Fit: String, Codable, Sendable, CaseIterable {
        case good = "good fit"
        case deciding = "still deciding"
        case notGood = "not a good fit"
    }
    public enum Next: String, Codable, Sendable, CaseIterable {
        case `continue`
        case graduate
        case newMatch = "need a new match"
    }

    /// 1 (badly) to 5 (very well).
    public var rating: Int?
    public var meeting: Meeting?
    public var fit: Fit?
    public var next: Next?
    /// Anything for the coordinators.
    public var note: String?

    public init(rating: Int? = nil, meeting: Meeting? = nil, fit: Fit? = nil, next: Next? = nil, note: String? = nil) {
        self.rating = rating
        self.meeting = meeting
        self.fit = fit
        self.next = next
        self.note = note
    }

    /// The questions answered here.
    public var answered: [SurveyQuestion] {
        SurveyQuestion.allCases.filter { has($0) }
    }

    public func has(_ question: SurveyQuestion) -> Bool {
        switch question {
        case .rating: rating != nil
        case .meeting: meeting != nil
        case .fit: fit != nil
        case .next: next != nil
        case .note: note != nil
        }
    }

    /// Forgets the answer to `question`.
    public mutating func clear(_ question: SurveyQuestion) {
        switch question {
        case .rating: rating = nil
        case .meeting: meeting = nil
        case .fit: fit = nil
        case .next: next = nil
        case .note: note = nil
        }
    }

    /// The four questions that need an answer (the note may stay empty).
    public var isComplete: Bool { rating != nil && meeting != nil && fit != nil && next != nil }

    /// These answers with `newer` written over them, question by question: a later reply fills
    /// the gaps, and corrects what it answers again.
    public func merged(with newer: SurveyAnswers) -> SurveyAnswers {
        SurveyAnswers(rating: newer.rating ?? rating, meeting: newer.meeting ?? meeting, fit: newer.fit ?? fit,
                      next: newer.next ?? next, note: newer.note ?? note)
    }
}

/// What one reply to a check-in said.
public struct SurveyReading: Sendable, Equatable {
    public var answers = SurveyAnswers()
    /// Questions the reply answered in a way we could not read, with what was written.
    public var unclear: [SurveyQuestion: String] = [:]
    /// How the answers were found: "under the questions", "numbered", "in the text".
    public var shape = ""
    /// Short remarks of the person's own that answer no question still open and are not the
    /// note ("meh" after "5, yes, good fit, continue"): a person should read them.
    public var unplaced: [String] = []
    /// The reply only promises answers later ("I will answer next week"): nothing is recorded.
    public var later = false
    /// The rating as written when it was not a whole number ("4.5", read as 5).
    public var ratingWritten: String?

    public init(answers: SurveyAnswers = SurveyAnswers(), unclear: [SurveyQuestion: String] = [:], shape: String = "") {
        self.answers = answers
        self.unclear = unclear
        self.shape = shape
    }
}
