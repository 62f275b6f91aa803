import Foundation
import Mail
@testable import MentorMail
import Testing

/// Check-in answers in the shapes people write them, in the program's main languages.
@Suite struct SurveyAnswerReaderTests {
    let reader = SurveyAnswerReader()

    func read(_ newText: String, whole: String? = nil) -> SurveyReading {
        reader.read(text: whole ?? newText, newText: newText)
    }

    func expect(_ reading: SurveyReading, _ rating: Int?, _ meeting: SurveyAnswers.Meeting?, _ fit: SurveyAnswers.Fit?,
                _ next: SurveyAnswers.Next?, note: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reading.answers == SurveyAnswers(rating: rating, meeting: meeting, fit: fit, next: next, note: note),
                "\(reading)", sourceLocation: sourceLocation)
    }

    /// Finding: "buena" to the follow-up that asked only "¿Qué tal funciona la pareja?" was a
    /// remark and the question was asked again ("good", "boa" were read). A one-word answer to
    /// the one question asked is read in the program's main languages.
    @Test(arguments: [
        (SurveyQuestion.fit, "buena", SurveyAnswers(fit: .good)), (.fit, "Buena.", SurveyAnswers(fit: .good)),
        (.fit, "bien", SurveyAnswers(fit: .good)), (.fit, "mala", SurveyAnswers(fit: .notGood)),
        (.fit, "bonne", SurveyAnswers(fit: .good)), (.fit, "gut", SurveyAnswers(fit: .good)),
        (.fit, "passt", SurveyAnswers(fit: .good)), (.fit, "good", SurveyAnswers(fit: .good)), (.fit, "boa", SurveyAnswers(fit: .good)),
        (.rating, "buena", SurveyAnswers(rating: 4)), (.rating, "mala", SurveyAnswers(rating: 2)),
        (.rating, "regular", SurveyAnswers(rating: 3)), (.rating, "bonne", SurveyAnswers(rating: 4)),
        (.rating, "gut", SurveyAnswers(rating: 4)), (.rating, "mauvaise", SurveyAnswers(rating: 2)),
        (.meeting, "sí", SurveyAnswers(meeting: .yes)), (.meeting, "a veces", SurveyAnswers(meeting: .sometimes)),
        (.meeting, "oui", SurveyAnswers(meeting: .yes)), (.meeting, "ja", SurveyAnswers(meeting: .yes)),
    ])
    func aOneWordAnswerToTheOneQuestionAskedAgainIsRead(question: SurveyQuestion, word: String, expected: SurveyAnswers) {
        let reading = reader.read(text: word, newText: word, askedAgain: [question])
        #expect(reading.answers == expected && reading.unplaced.isEmpty && reading.unclear.isEmpty, "\(word): \(reading)")
    }

    /// The same short words among other text in a full reply are no answers (standalone only).
    @Test func shortWordsInAFullReplyAnswerNothing() {
        expect(read("4, sí, encajamos, continuar. Fue una buena idea apuntarme, aunque es mala para los horarios."), 4, .yes, .good, .continue,
               note: "Fue una buena idea apuntarme, aunque es mala para los horarios.")
        expect(read("Wir treffen uns, passt gut, weitermachen. Das war eine bonne idée, sagt sie, une mauvaise blague."), nil, .yes, .good, .continue,
               note: "Das war eine bonne idée, sagt sie, une mauvaise blague.")
    }

    @Test func numberedAnswers() {
        expect(read("Hi!\n\n1. 5\n2. yes\n3: good fit\n4) continue\n5. Nothing, thanks\n\nAna"), 5, .yes, .good, .continue)
        expect(read("Q1: 4\nQ2 - sometimes\nQ3: still deciding\nQ4: need a new match\nQ5: she never answers my mails"),
               4, .sometimes, .deciding, .newMatch, note: "she never answers my mails")
        #expect(read("1. 5\n2. yes").shape == "numbered")
    }

    @Test func oneLineInOrder() {
        expect(read("5, yes, good fit, continue"), 5, .yes, .good, .continue)
        expect(read("5 yes good fit continue"), 5, .yes, .good, .continue)
        expect(read("2; no; not a good fit; need a new match"), 2, .no, .notGood, .newMatch)
    }

    @Test func oneLineWithACommentAfterADash() {
        expect(read("5 yes good fit graduate - Maria got my first docs patch merged!"), 5, .yes, .good, .graduate,
               note: "Maria got my first docs patch merged!")
        expect(read("5 yes good fit continue - Chen is doing great"), 5, .yes, .good, .continue, note: "Chen is doing great")
        expect(read("4, sometimes, still deciding, continue – we only met twice so far"), 4, .sometimes, .deciding, .continue,
               note: "we only met twice so far")
        expect(read("2, no, still deciding, continue -- Farid never replied to me, I think his address is wrong"),
               2, .no, .deciding, .continue, note: "Farid never replied to me, I think his address is wrong")
        expect(read("5 yes good fit continue — Chen has been amazing"), 5, .yes, .good, .continue, note: "Chen has been amazing")
        // A rating alone before the dash: the rest is the note, not read for answers ("not sure").
        expect(read("2 - Farid never answered my emails, not sure he got the intro."), 2, nil, nil, nil,
               note: "Farid never answered my emails, not sure he got the intro.")
        // A dash inside a sentence is not an answer line's end.
        expect(read("It's going great - we meet every week."), 5, .yes, nil, nil)
    }

    /// Short remarks that answer no open question are kept apart, never dropped.
    @Test func remarksThatCannotBePlacedAreKept() {
        #expect(read("5, yes, good fit, continue\n\nmeh").unplaced == ["meh"])
        #expect(read("5, yes, good fit, continue. Not sure.").unplaced == ["Not sure."])
        #expect(read("4 yes good fit continue\nhmm").unplaced == ["hmm"])
        #expect(read("meh").unplaced.isEmpty, "read as the rating")
        #expect(read("5, yes, good fit, continue\n\nThanks!").unplaced.isEmpty)
        #expect(read("5, yes, good fit, continue. Nothing else.").unplaced.isEmpty)
        let whole = "ok I guess\n\n> 1. How is it going? (1 = badly … 5 = very well)\n4\n\n> 2. Are you meeting? (yes / no / sometimes)\nyes\n"
        let inline = read("ok I guess\n\n4\n\nyes", whole: whole)
        expect(inline, 4, .yes, nil, nil)
        #expect(inline.unplaced == ["ok I guess"])
    }

    @Test func wordsInsteadOfNumbers() {
        expect(read("It's going great! We meet every other week and it's a good fit. Let's continue."), 5, .yes, .good, .continue)
        expect(read("Not really."), nil, .no, nil, nil)
        expect(read("OK I guess. We meet every 2 weeks. Too early to say. We're done though."), 3, .yes, .deciding, .graduate)
        expect(read("No problems so far, it's great"), 5, nil, nil, nil)
    }

    /// Finding: "It is going really well (4)" was recorded as 5 of 5. A rating the person gave
    /// as a number wins over the words around it, wherever it stands.
    @Test func aRatingGivenAsANumberWinsOverWords() {
        let sentence = "It is going really well (4), we meet monthly, good fit, and I want to continue."
        // Only answers, framed ("and I want to"): no note (finding G7).
        expect(read(sentence), 4, .yes, .good, .continue)
        expect(read("Great overall, I'd say 3/5. We meet weekly."), 3, .yes, nil, nil)
        expect(read("It's going great! We meet every other week."), 5, .yes, nil, nil)
    }

    @Test func theNoteIsWhatAnswersNothing() {
        expect(read("Great, yes, good fit, continue. Could you tell us about travel support for the Summit?"),
               5, .yes, .good, .continue, note: "Could you tell us about travel support for the Summit?")
        // A sentence that holds much more than its answers is kept whole.
        expect(read("No, we are not meeting because Farid moved to another team in May."), nil, .no, nil, nil,
               note: "No, we are not meeting because Farid moved to another team in May.")
    }

    @Test(arguments: [
        ("Va muy bien, nos reunimos cada semana, encajamos, queremos continuar.", 5, SurveyAnswers.Meeting.yes, SurveyAnswers.Fit.good, SurveyAnswers.Next.continue),
        ("Está ótimo, às vezes, boa combinação, continuar", 5, .sometimes, .good, .continue),
        ("Très bien, on se voit chaque semaine, bonne entente, continuer", 5, .yes, .good, .continue),
        ("Je ne sais pas encore. Parfois. Bien. Nouveau mentor.", 4, .sometimes, .deciding, .newMatch),
        ("Sehr gut. Manchmal. Passt gut. Weitermachen.", 5, .sometimes, .good, .continue),
        ("很好，每周见面，很合适，继续", 5, .yes, .good, .continue),
        ("とても良いです。毎週会っています。相性が良いです。続けたいです。", 5, .yes, .good, .continue),
        ("とても順調です。毎週会っています。相性はいいです。続けたいです。", 5, .yes, .good, .continue),
        ("順調です。隔週で会っています。相性もいいです。続けます。", 4, .yes, .good, .continue),
        ("非常顺利，是的，每两周一次，挺合适，继续", 5, .yes, .good, .continue),
        ("还好，有时见面，不太合适，换导师", 3, .sometimes, .notGood, .newMatch),
    ])
    func inTheCommunitysLanguages(text: String, rating: Int, meeting: SurveyAnswers.Meeting, fit: SurveyAnswers.Fit, next: SurveyAnswers.Next) {
        expect(read(text), rating, meeting, fit, next)
    }

    static let thunderbird = """
        Here you go, answers below.

        On 01/02/2027 09:00, OpenStack Mentoring wrote:
        > Hello Ana,
        >
        > 1. How is it going? (1 = badly … 5 = very well)
        4
        >
        > 2. Are you meeting? (yes / no / sometimes)
        sometimes
        >
        > 3. How is the fit? (good fit / still deciding / not a good fit)
        still deciding
        >
        > 4. What next? (continue / graduate / need a new match)
        continue
        >
        > 5. Anything for the coordinators?
        We would like a room at the Summit.
        >
        > --
        > OpenStack Mentoring
        """

    @Test func answersTypedUnderTheQuotedQuestions() {
        let reading = reader.read(text: Self.thunderbird, newText: "Here you go, answers below.")
        expect(reading, 4, .sometimes, .deciding, .continue, note: "We would like a room at the Summit.")
        #expect(reading.shape == "under the questions")
    }

    /// Finding: a remark of four words or more above answers typed under the quoted questions
    /// was kept with the survey but reached no coordinator. It is the note, as if written under
    /// the last question, and once only when it says what that answer says; a line that only
    /// points to the answers is no note.
    @Test func aRemarkAboveTheAnswersUnderTheQuestionsIsTheNote() {
        func reply(above: String, note: String = "") -> SurveyReading {
            let quoted = "> 1. How is it going? (1 = badly … 5 = very well)\n2\n>\n> 2. Are you meeting? (yes / no / sometimes)\nno\n>\n"
                + "> 5. Anything for the coordinators?\n\(note)\n>\n> --\n> OpenStack Mentoring"
            return reader.read(text: "\(above)\n\nOn 01/02/2027 09:00, OpenStack Mentoring wrote:\n\(quoted)",
                               newText: [above, "2", "no", note].filter { !$0.isEmpty }.joined(separator: "\n\n"))
        }
        let remark = "Farid cancelled our last three calls."
        expect(reply(above: remark), 2, .no, nil, nil, note: remark)
        expect(reply(above: remark, note: "Could we get a new mentor?"), 2, .no, nil, nil, note: "\(remark) Could we get a new mentor?")
        expect(reply(above: remark, note: remark), 2, .no, nil, nil, note: remark)
        #expect(reply(above: remark).unplaced.isEmpty)
        for pointer in ["Here you go, answers below.", "Thanks for checking in, my answers are below.", "See my answers in the text.",
                        "Os dejo mis respuestas debajo de cada pregunta."] {
            expect(reply(above: pointer), 2, .no, nil, nil)
        }
    }

    @Test func answersTypedIntoAnOutlookCopyOfTheSurvey() {
        let text = """
            See my answers in the text.

            ________________________________
            From: OpenStack Mentoring <mentoring@example.org>
            Sent: Monday, February 1, 2027 09:00
            Subject: How is your mentoring going?

            Hello Ana,

            It is about three months since we introduced you to Max.

            1. How is it going? (1 = badly … 5 = very well) 2

            2. Are you meeting? (yes / no / sometimes)
            No, he cancels every time.

            3. How is the fit? (good fit / still deciding / not a good fit)
            Not a good fit

            4. What next? (continue / graduate / need a new match)
            New match please

            5. Anything for the coordinators?

            -- 
            OpenStack Mentoring <mentoring@example.org>
            """
        let sent = ["Hello Ana,", "It is about three months since we introduced you to Max."]
        let reading = reader.read(text: text, newText: "See my answers in the text.", sentLines: sent)
        expect(reading, 2, .no, .notGood, .newMatch)
    }

    /// Finding: Outlook re-wraps the quoted survey (a paragraph on one line, or broken
    /// elsewhere). Our own paragraphs below question 4 and at the end were then read as an
    /// unclear answer to "What next?" and as the note for the coordinators.
    @Test func ourParagraphsReWrappedAreNoAnswers() {
        let sentText = """
            Hello Ana,

            On 2026-12-01 we introduced you to Max, your mentor.
            This is the one check-in we promised: five short questions. Reply to this
            message and write your answers under each question, or all on one line, for
            example "5, yes, good fit, continue". Max gets the same questions
            separately. Only the coordinators read your answers, except what comes next
            (question 4): that one you and Max decide together.

            1. How is it going? (1 = badly … 5 = very well)

            2. Are you meeting? (yes / no / sometimes)

            3. How is the fit? (good fit / still deciding / not a good fit)

            4. What next? (continue / graduate / need a new match)
               This one you decide together: graduating needs you both. If you answer
               differently, we tell you both that the pair goes on, and what the other chose.

            5. Anything for the coordinators?

            "Graduate" means you are done and happy: we thank you both. "Need a new match" ends this pair kindly and we
            match you again in the next round.
            """
        let sent = sentText.split(whereSeparator: \.isNewline).map(String.init)
        let text = """
            Answers below.

            ________________________________
            From: OpenStack Mentoring <mentoring@example.org>
            Sent: Monday, February 1, 2027 09:00
            Subject: How is your mentoring going?

            Hello Ana,

            On 2026-12-01 we introduced you to Max, your mentor. This is the one check-in we promised: five short questions. Reply to this message and write your answers under each question, or all on one line, for example "5, yes, good fit, continue". Max gets the same questions separately. Only the coordinators read your answers, except what comes next (question 4): that one you and Max decide together.

            1. How is it going? (1 = badly … 5 = very well)
            3

            2. Are you meeting? (yes / no / sometimes)
            sometimes

            3. How is the fit? (good fit / still deciding / not a good fit)
            still deciding

            4. What next? (continue / graduate / need a new match)
            This one you decide together: graduating needs you both. If you answer differently, we tell you both that the pair goes on, and what the other chose.

            5. Anything for the coordinators?

            "Graduate" means you are done and happy: we thank you both. "Need a new match" ends this pair kindly and we match you again in the next round.
            """
        let reading = reader.read(text: text, newText: "Answers below.", sentLines: sent)
        expect(reading, 3, .sometimes, .deciding, nil)
        #expect(reading.unclear.isEmpty, "\(reading.unclear)")
        // Broken at another width: each piece is still ours.
        let narrow = text.replacingOccurrences(of: "If you answer differently, ", with: "If you answer\ndifferently, ")
            .replacingOccurrences(of: "and we match you again", with: "and we\nmatch you again")
        let again = reader.read(text: narrow, newText: "Answers below.", sentLines: sent)
        expect(again, 3, .sometimes, .deciding, nil)
        #expect(again.unclear.isEmpty, "\(again.unclear)")
        // A person's own words under a question are still read, even where they echo ours.
        let answered = text.replacingOccurrences(of: "This one you decide together: graduating", with: "need a new match\n\nThis one you decide together: graduating")
        expect(reader.read(text: answered, newText: "Answers below.", sentLines: sent), 3, .sometimes, .deciding, .newMatch)
    }

    /// Finding: Chinese answers typed under each question of an Outlook copy were only partly read.
    @Test func chineseAnswersUnderTheQuestions() {
        let text = """
            答案用蓝色写在下面。

            1. How is it going? (1 = badly … 5 = very well)
            4 还不错
            2. Are you meeting? (yes / no / sometimes)
            是的，每两周一次
            3. How is the fit? (good fit / still deciding / not a good fit)
            很合适
            4. What next? (continue / graduate / need a new match)
            继续
            5. Anything for the coordinators?
            谢谢你们！
            """
        let reading = reader.read(text: text, newText: "答案用蓝色写在下面。")
        #expect(reading.unclear.isEmpty, "\(reading.unclear)")
        expect(reading, 4, .yes, .good, .continue, note: "谢谢你们！")
    }

    @Test func whatCannotBeReadIsNamedAndTheRestKept() {
        let reading = read("1. kind of\n2. yes")
        #expect(reading.answers == SurveyAnswers(meeting: .yes))
        #expect(reading.unclear == [.rating: "kind of"])
    }
}

/// The check-in fixtures, read as the program reads them.
@Suite struct SurveyFixtureTests {
    func reading(_ name: String) throws -> SurveyReading {
        let message = Message(data: try Data(contentsOf: CommandRunner.repository.appendingPathComponent("mailbox-fixtures/\(name)")))
        return SurveyAnswerReader().read(text: message.textBody ?? "", newText: MailReading.reply(of: message))
    }

    @Test func numberedThunderbird() throws {
        #expect(try reading("checkin-reply-numbered-thunderbird.eml").answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue))
    }

    /// A correction a week later in sentences: only what it says again is read.
    @Test func correctionInSentences() throws {
        let answers = try reading("checkin-correction-thunderbird.eml").answers
        #expect(answers.rating == 4)
        #expect(answers.meeting == .sometimes)
        #expect(answers.fit == nil)
        #expect(answers.next == nil)
    }

    @Test func oneLineAppleMail() throws {
        #expect(try reading("checkin-reply-apple-one-line.eml").answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .graduate))
    }

    @Test func oneLineGmail() throws {
        let reading = try reading("checkin-reply-gmail-html.eml")
        #expect(reading.answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .graduate,
                                                 note: "Amara has been wonderful, thank you!"))
    }

    @Test func underTheQuestionsInOutlook() throws {
        let reading = try reading("checkin-reply-outlook-inline.eml")
        #expect(reading.shape == "under the questions")
        #expect(reading.answers == SurveyAnswers(rating: 2, meeting: .no, fit: .notGood, next: .newMatch,
                                                 note: "Me encantaría una mentora que trabaje en documentación, en español si es posible."))
    }

    @Test func aRatingAndACommentAfterADashInOutlook() throws {
        // The survey below the rule is ours, as the program knows from the mail it sent.
        let message = Message(data: try Data(contentsOf: CommandRunner.repository.appendingPathComponent("mailbox-fixtures/checkin-reply-outlook-rating-dash.eml")))
        let text = message.textBody ?? ""
        let sent = try #require(text.components(separatedBy: "Hello Lena Hoffmann,").last)
        let reading = SurveyAnswerReader().read(text: text, newText: MailReading.reply(of: message),
                                                sentLines: sent.split(whereSeparator: \.isNewline).map(String.init))
        #expect(reading.answers == SurveyAnswers(rating: 2, note: "Farid never answered my emails, not sure he got the intro."), "\(reading)")
        #expect(reading.unclear.isEmpty)
    }

    @Test func underTheQuestionsInOutlookWithoutTheRule() throws {
        let reading = try reading("checkin-reply-outlook-no-rule.eml")
        #expect(reading.shape == "under the questions")
        #expect(reading.answers == SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue,
                                                 note: "From: my side, all good. Could Ben and I get a table at the Speed Mentoring in Vancouver?"))
    }
}

/// Japanese answers in their polite forms as well as the plain ones the vocabulary lists.
@Suite struct JapaneseSurveyFormsTests {
    let reader = SurveyAnswerReader()

    @Test func politeAndPlainFormsAreRead() {
        let cases: [(String, SurveyAnswers)] = [
            ("とても良いです、はい、合っています、続けます", SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue)),
            ("良い相性です", SurveyAnswers(rating: nil, meeting: nil, fit: .good, next: nil)),
            ("毎週会っています。合っていません。", SurveyAnswers(rating: nil, meeting: .yes, fit: .notGood, next: nil)),
            ("会っていません。まだわかりません。", SurveyAnswers(rating: nil, meeting: .no, fit: .deciding, next: nil)),
            ("相性が良くありません", SurveyAnswers(rating: nil, meeting: nil, fit: .notGood, next: nil)),
        ]
        for (text, answers) in cases {
            #expect(reader.read(text: text, newText: text).answers == answers, "\(text)")
        }
    }

    @Test func aPoliteAnswerUnderItsQuestionIsNoUnreadableAnswer() {
        let text = "1. How is it going? (1 = badly … 5 = very well)\n4\n\n3. How is the fit? (good fit / still deciding / not a good fit)\n合っています\n"
        let reading = reader.read(text: text, newText: text)
        #expect(reading.unclear.isEmpty, "\(reading)")
        #expect(reading.answers.fit == .good)
    }

    @Test func theFormsAreDerivedInGeneral() {
        #expect(Set(SurveyVocabulary.japaneseForms("合っている")) == ["合っています", "合ってる"])
        #expect(SurveyVocabulary.japaneseForms("合わない") == ["合いません"])
        #expect(SurveyVocabulary.japaneseForms("続ける") == ["続けます"])
        #expect(SurveyVocabulary.japaneseForms("good fit").isEmpty)
    }
}

/// Finding D-13: "4.5 / yes / good fit / continue" was read as the numbered answer "4. 5 / yes …"
/// (only "continue"), "2.5, sometimes, …" as answer 2 (only "sometimes"). A decimal rating is a
/// rating, rounded half up, and the other answers read as beside a "5".
@Suite struct DecimalRatingTests {
    let reader = SurveyAnswerReader()

    @Test func aDecimalRatingIsRoundedAndTheOtherAnswersKept() {
        let first = reader.read(text: "4.5 / yes / good fit / continue", newText: "4.5 / yes / good fit / continue")
        #expect(first.answers == SurveyAnswers(rating: 5, meeting: .yes, fit: .good, next: .continue), "\(first)")
        #expect(first.ratingWritten == "4.5")
        let second = reader.read(text: "2.5, sometimes, still deciding, continue", newText: "2.5, sometimes, still deciding, continue")
        #expect(second.answers == SurveyAnswers(rating: 3, meeting: .sometimes, fit: .deciding, next: .continue), "\(second)")
        let comma = reader.read(text: "3,5 - sí, buena pareja, continuar", newText: "3,5 - sí, buena pareja, continuar")
        #expect(comma.answers.rating == 4, "\(comma)")
    }

    @Test func aDecimalRatingWithACommentKeepsTheNote() {
        let line = "4.5 / yes / good fit / graduate - Yuki is ready, see https://review.opendev.org/c/123 e.g. her first patch. Mail me at kim.park@example.com."
        let reading = reader.read(text: line, newText: line)
        #expect(reading.answers.rating == 5 && reading.answers.meeting == .yes && reading.answers.fit == .good && reading.answers.next == .graduate, "\(reading)")
        #expect(reading.answers.note == "Yuki is ready, see https://review.opendev.org/c/123 e.g. her first patch. Mail me at kim.park@example.com.")
    }

    @Test func numberedAnswersStillRead() {
        let reading = reader.read(text: "1. 4\n2. yes\n3. good fit\n4. continue", newText: "1. 4\n2. yes\n3. good fit\n4. continue")
        #expect(reading.answers == SurveyAnswers(rating: 4, meeting: .yes, fit: .good, next: .continue), "\(reading)")
        #expect(reading.ratingWritten == nil)
    }

    /// Finding D-14: "ok" alone was "How it is going: 3 of 5". A bare acknowledgement answers nothing.
    @Test(arguments: ["ok", "OK", "Ok.", "okay", "ok!", "ok thanks", "Okay, thank you!"])
    func aBareAcknowledgementIsNoRating(_ text: String) {
        let reading = reader.read(text: text, newText: text)
        #expect(reading.answers.answered.isEmpty, "\(text): \(reading)")
    }

    /// "ok" as the answer under "How is it going?", or among other answers, is still a 3.
    @Test func okAmongAnswersIsStillAThree() {
        let reading = reader.read(text: "ok, yes, good fit, continue", newText: "ok, yes, good fit, continue")
        #expect(reading.answers == SurveyAnswers(rating: 3, meeting: .yes, fit: .good, next: .continue), "\(reading)")
    }
}
