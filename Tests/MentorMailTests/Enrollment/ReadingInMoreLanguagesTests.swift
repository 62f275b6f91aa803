@testable import MentorMail
import Testing

/// First mails and requests in Italian, Polish, Russian, Chinese and Japanese: the role asked
/// for, the place, the languages and the kind of mentoring, read word by word or (Chinese and
/// Japanese, written without spaces) by phrases; and pause, resume, withdraw and delete-my-data.
@Suite struct ReadingInMoreLanguagesTests {
    let vocabulary = EnrollmentVocabulary.openStackDefault

    @Test(arguments: [
        ("我想申请成为导师。", ParticipantRole.mentor), ("我想成為導師，我住在台北。", .mentor), ("我希望以学员身份参加。", .mentee),
        ("我想作为学员参加这个项目", .mentee), ("我想找一位导师", .mentee), ("我想同时当导师和学员", .both),
        ("我不想当导师，想当学员", .mentee), ("メンターとして参加したいです。", .mentor), ("メンターを探しています。", .mentee),
        ("Я хотел бы стать ментором.", .mentor), ("Хочу записаться в программу в качестве подопечного.", .mentee),
        ("Я из Казани, ищу наставника.", .mentee), ("Chciałbym dołączyć jako mentor.", .mentor),
        ("Nie chcę być mentorką, wolę być podopieczną.", .mentee), ("Vorrei diventare mentore.", .mentor),
        ("Mi piacerebbe essere mentee.", .mentee), ("Sono uno studente e cerco un mentore", .mentee),
    ])
    func theRoleAskedFor(text: String, role: ParticipantRole) {
        #expect(JoinWords.role(in: text) == role, "\(text)")
    }

    @Test(arguments: [
        "我不想当导师", "我的同事想当导师", "我的导师说我应该写信。", "我有两个学员。", "私のメンターに勧められました。",
        "メンティーとして参加したくないです", "не хочу быть наставником", "Мой наставник посоветовал мне написать вам.",
        "Моя коллега хочет стать наставником.", "nie chcę być mentorem", "Mój mentor powiedział, żebym napisał.",
        "Non voglio essere mentore.", "Il mio mentore mi ha detto di scrivervi.",
    ])
    func noRoleIsAskedFor(text: String) {
        #expect(JoinWords.role(in: text) == nil, "\(text)")
    }

    @Test(arguments: [
        ("我想找一位导师，我住在深圳，会说粤语和普通话", "深圳", "Cantonese, Mandarin"),
        ("我来自杭州，可以用中文和英文交流", "杭州", "Chinese, English"),
        ("京都在住で、日本語、英語が話せます。", "京都", "Japanese, English"),
        ("Я живу в Санкт-Петербурге, говорю на русском и английском.", "Санкт-Петербург", "Russian, English"),
        ("Szukam mentora, jestem z Gdańska, mówię po polsku, angielsku i niemiecku.", "Gdańsk", "Polish, English, German"),
        ("Mieszkam we Wrocławiu i mówię po angielsku.", "Wrocław", "English"),
        ("Abito a Torino e parlo italiano, inglese e spagnolo.", "Torino", "Italian, English, Spanish"),
    ])
    func thePlaceAndTheLanguages(text: String, place: String, languages: String) {
        let read = ProseSignup.read(text: text, vocabulary: vocabulary)
        #expect(read.timeZone == place, "\(text)")
        #expect(read.languages == languages, "\(text)")
    }

    /// A language the writer says they do not speak, a place they are not in, and a country's
    /// name inside a language's ("日本語") are none of theirs.
    @Test func whatIsNotTheWritersIsNotRead() {
        #expect(ProseSignup.read(text: "我会说英语，但不会说日语。", vocabulary: vocabulary).languages == "English")
        #expect(ProseSignup.read(text: "日本語と英語を話します。", vocabulary: vocabulary).timeZone == nil)
        #expect(ProseSignup.read(text: "我不在北京。", vocabulary: vocabulary).timeZone == nil)
        #expect(ProseSignup.read(text: "Живу в Провинции.", vocabulary: vocabulary).timeZone == nil)
    }

    @Test(arguments: [
        ("京都在住です。技術的なメンタリングを希望します。", "technical"), ("キャリアの相談をしたいです。", "career"),
        ("希望得到职业发展方面的指导。", "career"), ("Ищу наставника по карьере.", "career"),
        ("Interesuje mnie mentoring techniczny.", "technical"), ("Cerco un mentore per la carriera.", "career"),
    ])
    func theKindOfMentoring(text: String, kind: String) {
        #expect(ProseSignup.read(text: text, vocabulary: vocabulary).mentoringType == kind, "\(text)")
    }

    @Test(arguments: [
        ("Vorrei uscire dal programma.", ParticipantCommand.withdraw), ("Ho bisogno di una pausa.", .pause),
        ("Chcę zrezygnować z programu.", .withdraw), ("Proszę o usunięcie moich danych.", .deleteData),
        ("Я хочу приостановить участие.", .pause), ("Прошу удалить все мои данные.", .deleteData),
        ("Хочу вернуться в программу.", .resume), ("请删除我的个人信息。", .deleteData), ("退会したいです。", .withdraw),
        ("私の個人情報を削除してください。", .deleteData), ("しばらく休会したいです。", .pause), ("我想暂停一下。", .pause),
        ("一時停止していただけませんか。", .pause),
    ])
    func requests(text: String, command: ParticipantCommand) {
        #expect(CommandWords.read(in: text)?.command == command, "\(text)")
    }

    @Test(arguments: ["退会したくないです。", "まだ再開しません。", "我的同事想退出", "Мой коллега хочет выйти из программы.",
                      "Non voglio uscire dal programma."])
    func refusalsAndOthersAreNoRequests(text: String) {
        #expect(CommandWords.read(in: text) == nil, "\(text)")
    }

    /// Chinese and Japanese sentences end at "。", "！" and "？" as others do at ".", "!" and "?".
    @Test func chineseAndJapaneseSentencesAreCutAtTheirMarks() {
        #expect(CommandWords.sentences(in: "我想当导师。我在台北！你好吗？") == ["我想当导师", "我在台北", "你好吗"])
    }

    /// Polish "ł" compares as "l", as the other letters do without their marks.
    @Test func polishLIsFoldedLikeAnAccent() {
        #expect(EnrollmentText.fold("Dołączyć, Łódź") == "dolaczyc, lodz")
    }
}
