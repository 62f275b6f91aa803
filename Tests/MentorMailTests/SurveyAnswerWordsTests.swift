import Foundation
@testable import MentorMail
import Testing

/// Check-in answers whose words read as something else at first sight: an article beside the
/// rating, "sometimes" beside "we meet", a "no" that negates a number, a hedged "graduate",
/// a sign-off, a fit said about the person.
@Suite struct SurveyAnswerWordsTests {
    let reader = SurveyAnswerReader()

    func read(_ text: String) -> SurveyReading { reader.read(text: text, newText: text) }

    /// "un 4" is "a 4": the digit is the rating, the article is no "one".
    @Test(arguments: [
        ("Va bien, un 4.", 4), ("Está indo bem, um 4.", 4), ("Ça va, je dirais un 4/5.", 4), ("Je mets une 4.", 4),
        ("I'd give it a 4.", 4), ("Es un cuatro.", 4), ("Ich gebe eine 4.", 4), ("Ein 4er.", 4), ("Un 2, la verdad.", 2),
    ])
    func aDigitBesideAnArticleIsTheRating(text: String, rating: Int) {
        #expect(read(text).answers.rating == rating, "\(text): \(read(text))")
    }

    /// Finding (X5-4): the "3" of "Estou de férias até 3 de março" was read as the rating. A day
    /// in a date (beside a month, after "until", in "3/3/2027") is never a rating; out-of-office
    /// words answer nothing.
    @Test(arguments: [
        "Estou de férias até 3 de março. Responderei quando voltar.", "I am away until 3 March with limited access to email.",
        "Back on March 3.", "Ich bin bis 3. März nicht im Büro.", "Sono in ferie fino al 3 marzo.", "Je suis absente jusqu'au 3 mars.",
        "Estoy de vacaciones hasta el 3.", "On vacation until 03/03.", "Out until 3/3/2027.", "Away until the 4th of May.",
    ])
    func aDayInADateIsNoRating(text: String) {
        #expect(read(text).answers.answered.allSatisfy { $0 == .note }, "\(text): \(read(text))")
    }

    /// A rating beside a date is still the rating.
    @Test(arguments: [("4, we met on 3 March.", 4), ("3 de 5, nos vemos cada semana.", 3), ("4/5", 4)])
    func aRatingBesideADateIsStillRead(text: String, rating: Int) {
        #expect(read(text).answers.rating == rating, "\(text): \(read(text))")
    }

    /// "a veces", "às vezes", "parfois", "manchmal", "sometimes" beside "we meet" is the
    /// sometimes answer, never a plain yes.
    @Test(arguments: [
        "Nos vemos a veces.", "We meet sometimes.", "Yes, sometimes.", "Sí, a veces.", "A gente se encontra às vezes.",
        "Nos encontramos de vez em quando.", "On se voit parfois.", "Wir treffen uns manchmal.", "We meet, but only occasionally.",
    ])
    func sometimesBesideWeMeetIsSometimes(text: String) {
        #expect(read(text).answers.meeting == .sometimes, "\(text): \(read(text))")
    }

    /// Finding: "Oui, nous avons terminé ! Mariana était super" under the survey was read as a
    /// 5 and a yes, and what next asked again.
    @Test(arguments: ["Oui, nous avons terminé ! Mariana était super.", "On a terminé, merci pour tout.", "C'est terminé pour nous."])
    func weAreDoneInFrenchIsGraduate(text: String) {
        #expect(read(text).answers.next == .graduate, "\(text): \(read(text))")
    }

    /// Finding (D-15): Russian "Мы закончили" under the check-in was not read as graduate; nor
    /// were Italian and Polish "we're done".
    @Test(arguments: ["Мы закончили, спасибо!", "Да, мы завершили наставничество.", "Abbiamo finito, grazie di tutto.",
                      "Sì, abbiamo terminato.", "Skończyłyśmy, dziękuję!", "Tak, zakończyliśmy mentoring."])
    func weAreDoneInRussianItalianAndPolishIsGraduate(text: String) {
        #expect(read(text).answers.next == .graduate, "\(text): \(read(text))")
    }

    /// Finding: answers in one sentence of a fresh mail ("got your survey: going great, we meet
    /// weekly on chat, good fit, continue.") were all read, and the whole sentence also became
    /// the note for the coordinators, which said nothing new.
    @Test(arguments: ["Hi! got your survey: going great, we meet weekly on chat, good fit, continue.",
                      "Hi, got your survey. It's going great, we meet weekly, good fit, let's continue!"])
    func answersInASentenceAreNoNote(text: String) {
        let reading = read(text)
        #expect(reading.answers.fit == .good && reading.answers.next == .continue, "\(reading)")
        #expect(reading.answers.note == nil, "\(reading)")
    }

    @Test func theSpanishCheckinOfTheFinding() {
        let reading = read("Va bien, un 4. Nos vemos a veces. Todavía no sé si encajamos del todo. Continuar por ahora.")
        #expect(reading.answers == SurveyAnswers(rating: 4, meeting: .sometimes, fit: .deciding, next: .continue), "\(reading)")
    }

    @Test func sometimesUnderTheMeetingQuestion() {
        let text = "1. How is it going? (1 = badly … 5 = very well)\n4\n\n2. Are you meeting? (yes / no / sometimes)\nSí, a veces\n"
        #expect(read(text).answers.meeting == .sometimes)
    }

    /// "3, no 4": the "no" negates a number; it answers no question, and the number it negates
    /// is not the rating.
    @Test(arguments: [
        ("Perdón, quería decir 3, no 4.", 3), ("Sorry, I meant 4, not 2.", 4), ("Correction: not 2 but 4.", 4),
        ("Je voulais dire 3, pas 4.", 3), ("Ich meinte 3, nicht 4.", 3), ("Desculpa, queria dizer 3, não 4.", 3),
        ("No 4, sino 3.", 3), ("Oops: 5, no 2.", 5),
    ])
    func aNoBeforeANumberNegatesIt(text: String, rating: Int) {
        let reading = read(text)
        #expect(reading.answers == SurveyAnswers(rating: rating), "\(text): \(reading)")
    }

    /// A what-next answer that names graduate and continue both, or hedges, is unclear: it is
    /// asked again, never read as graduate.
    @Test(arguments: [
        "graduate I think? or maybe continue a bit longer, not sure",
        "Maybe graduate.", "Graduate? Not sure.", "Continuar o graduarnos, no sé.", "Quizás graduarnos.",
        "Talvez continuar, não sei.", "Peut-être terminer, je ne sais pas.", "Vielleicht weitermachen, weiß nicht.",
        "Not sure if we should graduate or continue.", "Graduate, I think.",
    ])
    func aHedgedWhatNextIsUnclear(text: String) {
        let reading = read(text)
        #expect(reading.answers.next == nil, "\(text): \(reading)")
        #expect(reading.unclear[.next] != nil, "\(text): \(reading)")
        #expect(reading.answers.fit == nil, "the hedge is about what next: \(text): \(reading)")
    }

    @Test func aHedgedWhatNextUnderItsQuestionIsUnclear() {
        let text = "3. How is the fit? (good fit / still deciding / not a good fit)\ngood fit\n\n"
            + "4. What next? (continue / graduate / need a new match)\ngraduate I think? or maybe continue a bit longer, not sure\n"
        let reading = read(text)
        #expect(reading.answers == SurveyAnswers(fit: .good), "\(reading)")
        #expect(reading.unclear[.next] == "graduate I think? or maybe continue a bit longer, not sure")
    }

    @Test(arguments: [
        ("5, yes, good fit, continue", SurveyAnswers.Next.continue), ("Continuar por ahora.", .continue),
        ("We're done, graduate please.", .graduate), ("Not sure about the fit yet. Continue.", .continue),
        ("4, sometimes, still deciding, continue", .continue), ("5, yes, not sure about the fit, continue", .continue),
        ("Good fit. I think I'm ready to graduate!", .graduate),
    ])
    func aClearWhatNextStaysClear(text: String, next: SurveyAnswers.Next) {
        #expect(read(text).answers.next == next, "\(text): \(read(text))")
    }

    /// Sign-offs and the name below them are neither notes nor remarks.
    @Test(arguments: ["Gruß", "Bonne journée,", "Saludos", "Abraços", "Cheers", "Best,", "Liebe Grüße", "Un abrazo,", "Bisous", "Atenciosamente,"])
    func aSignOffIsNoRemark(signOff: String) {
        for text in ["4, yes, good fit, continue\n\n\(signOff)\nAnna", "4, yes, good fit, continue\n\(signOff)", "4, yes, good fit, continue\n\n\(signOff)"] {
            let reading = read(text)
            #expect(reading.answers == SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue), "\(text): \(reading)")
            #expect(reading.unplaced.isEmpty, "\(text): \(reading)")
        }
        let underQuestions = "4. What next? (continue / graduate / need a new match)\ncontinue\n\n5. Anything for the coordinators?\n\n\(signOff)\nAnna\n"
        let reading = read(underQuestions)
        #expect(reading.answers.note == nil, "\(underQuestions): \(reading)")
    }

    /// What clearly answers the fit question is read; what does not is left to the coordinators.
    @Test(arguments: [
        ("Ainda estou decidindo.", SurveyAnswers.Fit.deciding), ("Todavía lo estoy decidiendo.", .deciding),
        ("Still figuring it out.", .deciding), ("Ich überlege noch.", .deciding), ("Je réfléchis encore.", .deciding),
        ("Carlos es un excelente mentor.", .good), ("She is a great mentor.", .good), ("A Ana é uma ótima mentora.", .good),
        ("Lena ist eine tolle Mentorin.", .good), ("C'est un très bon mentor.", .good), ("He is a wonderful mentee.", .good),
        // Finding F-7: "buena pareja", the natural Spanish for a good fit, was asked about again.
        ("4, sí, buena pareja, continuar", .good), ("Hacemos buena pareja.", .good), ("No somos buena pareja.", .notGood),
        ("Somos uma boa dupla.", .good),
    ])
    func aFitSaidInOtherWords(text: String, fit: SurveyAnswers.Fit) {
        #expect(read(text).answers.fit == fit, "\(text): \(read(text))")
    }

    @Test func aFitSaidInOtherWordsUnderItsQuestion() {
        let text = "3. How is the fit? (good fit / still deciding / not a good fit)\nCarlos es un excelente mentor\n"
        let reading = read(text)
        #expect(reading.answers.fit == .good, "\(reading)")
        #expect(reading.unclear.isEmpty)
        let unsure = read("3. How is the fit? (good fit / still deciding / not a good fit)\nhmm, hard to put into words\n")
        #expect(unsure.answers.fit == .deciding || unsure.unclear[.fit] != nil)
    }
}
