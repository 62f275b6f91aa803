import Foundation
@testable import MentorMail
import Testing

/// Finding: "5, sí, buena, continuar", the one-line shape the survey itself suggests with a
/// short word for the fit, gave no fit: "buena" alone was read as a second rating and dropped.
/// A line of short answers after a rating, separated by commas (or slashes, or semicolons),
/// is read in the order of the questions: the third item answers the fit.
@Suite struct PositionalAnswerLineTests {
    let reader = SurveyAnswerReader()

    func read(_ text: String) -> SurveyReading { reader.read(text: text, newText: text) }

    @Test(arguments: [
        ("5, sí, buena, continuar", SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue)),
        ("5, yes, good, continue", SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue)),
        ("4 / oui / bonne / continuer", SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue)),
        ("2; sometimes; bad; new match", SurveyAnswers(rating: 2, meeting: .sometimes, fit: .notGood, next: .newMatch)),
        ("3,5, a veces, buena, continuar", SurveyAnswers(rating: 4, meeting: .sometimes, fit: .good, next: .continue)),
        ("4/5, yes, good, graduate", SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .graduate)),
        ("5, ja, gut, weitermachen", SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue)),
        // Dashes between short answers separate them (Outlook writes " – " for " - "); a piece
        // that is not only answers starts the comment.
        ("5 - yes - good fit - continue", SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue)),
        ("4 — sometimes — good — continue", SurveyAnswers(rating: 4, meeting: .sometimes, fit: .good, next: .continue)),
        ("2 -- no -- not a good fit -- need a new match", SurveyAnswers(rating: 2, meeting: .no, fit: .notGood, next: .newMatch)),
        ("4 - yes, good fit, continue", SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue)),
        ("5 yes good fit graduate - Maria got my patch merged!",
         SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .graduate, note: "Maria got my patch merged!")),
        ("5 - yes - good fit - continue - Maria got my patch merged!",
         SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue, note: "Maria got my patch merged!")),
    ])
    func shortAnswersAreReadInTheOrderOfTheQuestions(line: String, expected: SurveyAnswers) {
        let reading = read(line)
        #expect(reading.answers == expected, "\(line): \(reading)")
        #expect(reading.unclear.isEmpty && reading.unplaced.isEmpty, "\(line): \(reading)")
    }

    /// A comment after a dash stays the note; the answers before it are read by their place.
    @Test func aCommentAfterTheListIsTheNote() {
        let reading = read("5, sí, buena, continuar - Bea me ayudó con mi primer parche")
        #expect(reading.answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue,
                                                 note: "Bea me ayudó con mi primer parche"), "\(reading)")
    }

    /// Answers written in words keep being read wherever they stand: the order matters only
    /// for a short word that would otherwise answer nothing.
    @Test(arguments: [
        ("5, good fit, yes, continue", SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue)),
        ("5, yes, good fit, continue", SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue)),
        ("4, sí, buena combinación, continuar", SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue)),
        ("5, continue", SurveyAnswers(rating: 5, next: .continue)),
    ])
    func answersInWordsStillReadInAnyOrder(line: String, expected: SurveyAnswers) {
        #expect(read(line).answers == expected, "\(line): \(read(line))")
    }

    /// Not a list of answers: a sentence with commas is read as before ("good" is how it goes).
    @Test func aSentenceWithCommasIsNoList() {
        let reading = read("Good, thanks, we meet every week and will continue")
        #expect(reading.answers.fit == nil, "\(reading)")
        #expect(reading.answers.next == .continue, "\(reading)")
        let twoRatings = read("4, good")
        #expect(twoRatings.answers.fit == nil && twoRatings.answers.rating == 4, "\(twoRatings)")
    }
}
