import Foundation
@testable import MentorMail
import Testing

/// Check-in answers as people write them: dashes between the answers of one line (Outlook
/// writes " – " for " - "), a negation before an answer, a request for another mentor, a line
/// that only apologises and says where the answers are, and a fit given as a bare "good".
@Suite struct SurveyAnswersAsWrittenTests {
    let reader = SurveyAnswerReader()

    func read(_ text: String) -> SurveyReading { reader.read(text: text, newText: text) }

    /// Finding: "4 – sometimes – still deciding – continue." was read as the answer to question
    /// 4, and the sentence below it was lost. Dashes between short answers separate the answers
    /// of one line; the sentence is the note.
    @Test func dashesBetweenAnswersAreOneLineOfAnswersAndTheSentenceBelowIsTheNote() {
        let text = "Hi,\n\n4 – sometimes – still deciding – continue.\nCarmen is great but the time difference makes it hard to find slots.\n\nEmily"
        let reading = read(text)
        #expect(reading.answers == SurveyAnswers(rating: 4, meeting: .sometimes, fit: .deciding, next: .continue,
                                                 note: "Carmen is great but the time difference makes it hard to find slots."), "\(reading)")
        #expect(reading.unclear.isEmpty, "\(reading)")
    }

    /// Numbered answers with a dash stay numbered; a sentence beside them is the note.
    @Test func numberedAnswersWithDashesStayNumberedAndKeepTheSentenceBeside() {
        let numbered = read("1 - 4\n2 - yes\n3 - good fit\n4 - continue")
        #expect(numbered.answers == SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue), "\(numbered)")
        #expect(numbered.shape == "numbered")
        let one = read("Q4 - continue")
        #expect(one.answers == SurveyAnswers(next: .continue), "\(one)")
        let beside = read("1. 4\n2. yes\n3. good fit\n4. continue\n\nThe time difference makes it hard to find slots.")
        #expect(beside.answers == SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue,
                                                note: "The time difference makes it hard to find slots."), "\(beside)")
    }

    /// Finding: "I don't think it's a good fit." was recorded as a good fit. A negation before
    /// an answer in its clause turns it, in the program's main languages.
    @Test(arguments: [
        "I don't think it's a good fit.", "Not really a good fit.", "I do not think we are a good match.",
        "No creo que sea una buena combinación.", "Não acho que seja uma boa combinação.", "Je ne pense pas que ce soit un bon match.",
        "Ich glaube nicht, dass es eine gute Kombination ist.", "Es ist nicht wirklich eine gute Kombination.", "我不觉得很合适。",
        "相性がいいとは思わない。",
    ])
    func aNegationBeforeAGoodFitIsNotAGoodFit(text: String) {
        let reading = read(text)
        #expect(reading.answers.fit == .notGood, "\(text): \(reading)")
        #expect(reading.answers.meeting == nil, "\(text): \(reading)")
    }

    @Test func kimsAnswerIsAPoorRatingNoMeetingAndNotAGoodFit() {
        let reading = read("Honestly not great. We haven't really met yet, just two emails. I don't think it's a good fit.")
        #expect(reading.answers.rating == 2 && reading.answers.meeting == SurveyAnswers.Meeting.no && reading.answers.fit == .notGood, "\(reading)")
    }

    /// A negation turns what it can and voids the rest; a doubt leaves the fit undecided; a
    /// negation of something else, or in another clause, leaves the answer as it is.
    @Test(arguments: [
        ("We're not ready to graduate yet.", SurveyAnswers(next: .continue)),
        ("I don't know if it's a good fit.", SurveyAnswers(fit: .deciding)),
        ("It's not going well at all.", SurveyAnswers(rating: 2)),
        ("We don't meet often but it's a good fit.", SurveyAnswers(meeting: .no, fit: .good)),
        ("No doubt a good fit.", SurveyAnswers(fit: .good)),
        ("5 no good fit continue", SurveyAnswers(rating: 5, meeting: .no, fit: .good, next: .continue)),
        ("No, not a good fit.", SurveyAnswers(meeting: .no, fit: .notGood)),
    ])
    func negationsTurnOrVoidTheAnswerAfterThem(text: String, expected: SurveyAnswers) {
        var answers = read(text).answers
        answers.note = nil
        #expect(answers == expected, "\(text): \(read(text))")
    }

    @Test func aNegatedContinueIsNoAnswerAndStaysForAPerson() {
        let reading = read("I don't want to continue with this.")
        #expect(reading.answers.next == nil, "\(reading)")
        #expect(reading.answers.note == "I don't want to continue with this.", "\(reading)")
    }

    /// Finding: "Farid never answered my emails … Can I get another mentor?" was read as an
    /// unclear answer to question 4. Asking for another mentor in so many words is need a new
    /// match; a partner who never answers is no meeting; the question stays in the note.
    @Test func aRequestForAnotherMentorIsANewMatchAndTheQuestionIsKept() {
        let text = "To be honest Farid never answered my emails. I wrote to him twice in December and once in January. Can I get another mentor?"
        let reading = read(text + "\n\nSent from my iPhone")
        #expect(reading.answers.next == .newMatch && reading.answers.meeting == SurveyAnswers.Meeting.no, "\(reading)")
        #expect(reading.unclear.isEmpty, "\(reading)")
        #expect(reading.answers.note?.contains("Can I get another mentor?") == true, "\(reading)")
        #expect(reading.answers.note?.contains("Farid never answered my emails") == true, "\(reading)")
    }

    @Test(arguments: ["¿Puedo tener otra mentora?", "Could I please have a new mentor?", "Est-il possible d'avoir un autre mentor ?"])
    func askingForAnotherMentorIsANewMatch(text: String) {
        #expect(read(text).answers.next == .newMatch, "\(text): \(read(text))")
    }

    @Test func aDoubtAboutANewMatchStaysUnclear() {
        let reading = read("Should we get a new mentor?")
        #expect(reading.answers.next == nil && reading.unclear[.next] != nil, "\(reading)")
    }

    /// Finding: "Sorry, here they are inline." above the answers under the questions became a
    /// note. A line that only apologises and says where the answers are is none.
    @Test(arguments: ["Sorry, here they are inline.", "Perdón, las respuestas van abajo.", "Désolée, mes réponses sont dans le texte.",
                      "Entschuldigung, meine Antworten stehen unten."])
    func anApologyAndWhereTheAnswersAreIsNoNote(line: String) {
        let survey = ["1. How is it going? (1 = badly … 5 = very well)", "2. Are you meeting? (yes / no / sometimes)",
                      "3. How is the fit? (good fit / still deciding / not a good fit)", "4. What next? (continue / graduate / need a new match)"]
        let answers = ["5", "yes", "good fit", "continue"]
        let text = line + "\n\n" + zip(survey, answers).map { "> \($0)\n\($1)\n" }.joined(separator: "\n")
        let reading = reader.read(text: text, newText: ([line] + answers).joined(separator: "\n"), sentLines: survey)
        #expect(reading.answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue), "\(line): \(reading)")
        #expect(reading.unplaced.isEmpty, "\(line): \(reading)")
        let numbered = read(line + "\n\n1. 5\n2. yes\n3. good fit\n4. continue")
        #expect(numbered.answers.note == nil && numbered.unplaced.isEmpty, "\(line): \(numbered)")
    }

    /// Finding: "4 yes good continue" gave no fit. On a line of answers only, a rating in words
    /// after the meeting answer is the fit; before it, it is the rating's emphasis.
    @Test(arguments: [
        ("4 yes good continue", SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue)),
        ("2 no bad new match", SurveyAnswers(rating: 2, meeting: .no, fit: .notGood, next: .newMatch)),
        ("5 great yes continue", SurveyAnswers(rating: 5, meeting: .yes, next: .continue)),
        ("4 sí bien continuar", SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue)),
    ])
    func aRatingWordAfterTheMeetingIsTheFit(line: String, expected: SurveyAnswers) {
        #expect(read(line).answers == expected, "\(line): \(read(line))")
    }
}
