import Foundation
import Mail
@testable import MentorMail
import Testing

/// A first mail in sentences in Italian, Polish, Russian, Chinese or Japanese comes back as the
/// sign-up form with what it said filled in, as one in English, Spanish or German does.
@Suite struct FirstMailInMoreLanguagesTests {
    let workflow = EnrollmentWorkflowTests()

    /// Finding: these first mails came back with nothing filled in (or the city alone, or the
    /// capacity alone): the role asked for, the city (declined in Russian and Polish: "Москве",
    /// "Krakowa"), the languages ("по-русски", "po polsku", "中文", "日本語") and the kind of
    /// mentoring were all missed.
    @Test(arguments: [
        ("我想成为一名导师。我住在北京，说中文和英语。", "mentor", ["Time zone: 北京", "Languages: Chinese, English"]),
        ("你好，我想参加导师计划，做学员。我在上海，会说普通话和英语，希望技术方面的指导。", "mentee",
         ["Time zone: 上海", "Languages: Mandarin, English", "Mentoring type: technical"]),
        ("我想当导师，可以带两个学员。我在台北。", "mentor", ["Time zone: 台北", "Capacity: 2"]),
        ("メンターになりたいです。東京に住んでいます。日本語と英語を話します。", "mentor", ["Time zone: 東京", "Languages: Japanese, English"]),
        ("メンティーとして参加したいです。大阪在住です。キャリアの相談をしたいです。", "mentee", ["Time zone: 大阪", "Mentoring type: career"]),
        ("Здравствуйте! Я хочу стать наставником. Живу в Москве, говорю по-русски и по-английски.", "mentor",
         ["Time zone: Москва", "Languages: Russian, English"]),
        ("Хочу участвовать в программе как подопечная. Я из Новосибирска.", "mentee", ["Time zone: Новосибирск"]),
        ("Buongiorno, mi piacerebbe essere mentee, per la carriera. Sono a Milano.", "mentee", ["Time zone: Milano", "Mentoring type: career"]),
        ("Dzień dobry, chciałabym zostać mentorką. Mieszkam w Warszawie, mówię po polsku i angielsku.", "mentor",
         ["Time zone: Warszawa", "Languages: Polish, English"]),
        ("Chcę dołączyć do programu jako podopieczny. Jestem z Krakowa.", "mentee", ["Time zone: Krakow"]),
    ])
    func theFormComesBackWithWhatTheFirstMailSaid(body: String, role: String, lines: [String]) throws {
        let program = try ProcessorTests.Program()
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "Sam Lee <sam@example.net>", subject: "Mentoring", body: body))
            .first?.textBody).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(form.contains("You asked to join as a \(role): we have filled that in below."), "\(body): \(form)")
        #expect(form.contains("\nRole: \(role)\n"), "\(body): \(form)")
        for line in lines {
            #expect(form.contains("\n\(line)\n"), "\(line) for \(body): \(form)")
        }
        #expect(try program.database.inboundMessages().last?.rule == "first-contact")
    }

    /// Finding: an area written right against Chinese or Japanese text ("方向是Swift存储",
    /// "Horizonに興味があります") was not read, nor a way to meet in those languages ("ビデオ通話が希望です").
    @Test(arguments: [
        ("你好，我想成为导师。我在上海，会说中文和英语。可以带一个学员，方向是Swift存储。", "mentor",
         ["Areas: Swift", "Time zone: 上海", "Languages: Chinese, English", "Capacity: 1"]),
        ("こんにちは。メンティーとして参加したいです。東京在住で、日本語と英語が話せます。Horizonに興味があります。ビデオ通話が希望です。", "mentee",
         ["Areas: Horizon", "Interaction: video", "Time zone: 東京", "Languages: Japanese, English"]),
        ("我想当导师，主要是Nova和Cinder方面。希望通过视频通话交流。", "mentor", ["Areas: Nova, Cinder", "Interaction: video"]),
        ("我想找一位导师，Keystone方向。最好用邮件联系，也可以面对面。", "mentee", ["Areas: Keystone", "Interaction: email, in person"]),
        ("メンターになりたいです。Neutronが専門です。チャットかメールでやり取りしたいです。", "mentor", ["Areas: Neutron", "Interaction: chat, email"]),
        ("メンティーになりたいです。Ironicの勉強をしています。対面で会えると嬉しいです。", "mentee", ["Areas: Ironic", "Interaction: in person"]),
        ("我想成为学员。我们可以用IRC聊。", "mentee", ["Interaction: IRC"]),
        // A project's name that is also a city, where the writer lives, is their place, not an area.
        ("我想当导师。我住在Manila，方向是Nova。", "mentor", ["Time zone: Manila", "Areas: Nova"]),
    ])
    func areasAndWaysToMeetInChineseAndJapanese(body: String, role: String, lines: [String]) throws {
        try theFormComesBackWithWhatTheFirstMailSaid(body: body, role: role, lines: lines)
    }

    /// Finding (the demo's own first mails): "时区：Asia/Shanghai" lost to the city of "在上海工作", and
    /// languages given as a topic ("言語は日本語と英語です", "语言：中文、英文") or as either being fine
    /// ("中文或英文均可") were not read.
    @Test(arguments: [
        ("我在上海工作，参与 Horizon 项目。希望以导师身份参加，可以带一名学员，技术方向，中文或英文均可。\n时区：Asia/Shanghai。", "mentor",
         ["Areas: Horizon", "Time zone: Asia/Shanghai", "Languages: Chinese, English", "Capacity: 1", "Mentoring type: technical"]),
        ("Nova のドキュメント翻訳に参加しています。メンティーとして参加したいです。タイムゾーンは Asia/Tokyo、言語は日本語と英語です。", "mentee",
         ["Areas: Nova", "Time zone: Asia/Tokyo", "Languages: Japanese, English"]),
        ("我想当导师。我住在北京。语言：中文、英文。", "mentor", ["Time zone: 北京", "Languages: Chinese, English"]),
        ("メンターになりたいです。大阪在住です。日本語でも英語でも大丈夫です。", "mentor", ["Time zone: 大阪", "Languages: Japanese, English"]),
    ])
    func anExplicitTimeZoneAndLanguagesAsATopicAreRead(body: String, role: String, lines: [String]) throws {
        try theFormComesBackWithWhatTheFirstMailSaid(body: body, role: role, lines: lines)
    }

    /// A way to meet refused or only mentioned is none: the form's interaction line stays open.
    @Test(arguments: ["我想当导师。我不喜欢视频通话。", "メンターになりたいです。ビデオ通話は苦手です。", "我想成为学员。我在视频里看到了你们的项目。"])
    func aRefusedOrMentionedWayToMeetIsNotFilledIn(body: String) throws {
        let program = try ProcessorTests.Program()
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "Sam Lee <sam@example.net>", subject: "Mentoring", body: body))
            .first?.textBody)
        #expect(form.contains("You asked to join as"), "\(body): \(form)")
        #expect(form.contains("Interaction: (IRC, email, video, chat, in person)"), "\(body): \(form)")
    }

    /// Finding: "Mi piacerebbe fare da mentore" was not read as the role, nor "Preferisco le
    /// videochiamate", "Удобнее общаться в чате" or "по видео" as ways to meet.
    @Test(arguments: [
        ("Buongiorno! Mi piacerebbe fare da mentore, soprattutto su Nova e Cinder. Parlo italiano e inglese. Vivo a Milano. "
            + "Preferisco le videochiamate. Posso seguire due persone.", "mentor", ["Interaction: video", "Areas: Nova, Cinder", "Capacity: 2"]),
        ("Vorrei fare il mentore. Meglio sentirci in chat o per email.", "mentor", ["Interaction: email, chat"]),
        ("Mi piacerebbe essere mentee. Preferirei una videochiamata ogni tanto.", "mentee", ["Interaction: video"]),
        ("Здравствуйте! Хочу стать менти. Удобнее общаться в чате.", "mentee", ["Interaction: chat"]),
        ("Хочу стать наставником. Предпочитаю видеозвонки.", "mentor", ["Interaction: video"]),
        ("Я хочу быть наставницей. Можем созваниваться по видео или общаться по почте.", "mentor", ["Interaction: email, video"]),
        ("Chciałbym zostać mentorem. Wolę wideorozmowy.", "mentor", ["Interaction: video"]),
        ("Chcę zostać mentee. Najlepiej przez czat.", "mentee", ["Interaction: chat"]),
    ])
    func theRoleAndWaysToMeetInItalianRussianAndPolish(body: String, role: String, lines: [String]) throws {
        try theFormComesBackWithWhatTheFirstMailSaid(body: body, role: role, lines: lines)
    }

    /// Finding: Giulia's "Modalità: videochiamata" and Olga's "Формат: чат, email" were kept as
    /// lines we did not recognise (email "assumed"), and Olga's "Тип: технический" was both read
    /// as her kind of mentoring and listed as not recognised.
    @Test(arguments: [
        ("Ruolo: mentore\nTipo di mentoring: entrambi\nFuso orario: Europe/Rome\nModalità: videochiamata\nDisponibilità: sera",
         "Interaction: video", "Mentoring type: technical and career"),
        ("Роль: менти\nТип: технический\nЧасовой пояс: Asia/Novosibirsk\nФормат: чат, email", "Interaction: chat, email",
         "Mentoring type: technical"),
        // A label we do not know, whose words were read: not also listed as not recognised.
        ("Роль: менти\nНаправление: карьера\nЧасовой пояс: Europe/Moscow\nСпособ общения: видео", "Interaction: video",
         "Mentoring type: career"),
    ])
    func formLinesInItalianAndRussianAreReadOnce(body: String, interaction: String, kind: String) throws {
        let program = try ProcessorTests.Program()
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: "Sam Lee <sam@example.net>", body: body)).first?.textBody)
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(answer.contains(interaction), "\(answer)")
        #expect(answer.contains(kind), "\(answer)")
        #expect(!answer.contains("We did not recognise these lines"), "\(answer)")
        #expect(!answer.contains("assumed"), "\(answer)")
    }

    /// Refusing a role, or only speaking of one's mentor, asks for none: the form's role line stays open.
    @Test(arguments: ["我不想当导师。我住在北京。", "Я не хочу быть наставником. Живу в Москве.", "Nie chcę być mentorem.",
                      "私のメンターに勧められました。", "Il mio mentore mi ha detto di scrivervi.", "Non vorrei fare da mentore.",
                      "Mi piacerebbe fare domande a un mentore.", "Мой наставник посоветовал написать вам."])
    func aRefusedOrMentionedRoleIsNotFilledIn(body: String) throws {
        let program = try ProcessorTests.Program()
        let form = try #require(try workflow.exchange(program, workflow.mail(from: "Sam Lee <sam@example.net>", subject: "Mentoring", body: body))
            .first?.textBody)
        #expect(!form.contains("You asked to join as"), "\(body): \(form)")
        #expect(form.contains("Role: (mentor, mentee, or both)"), "\(body): \(form)")
    }

    /// A participant's request in Italian is carried out, and a refusal in Japanese changes nothing.
    @Test func requestsInTheseLanguagesAreReadFromAParticipant() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        _ = try workflow.exchange(program, workflow.mail(body: "退会したくないです。"))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active)
        _ = try workflow.exchange(program, workflow.mail(body: "Buongiorno, vorrei uscire dal programma."))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .withdrawn)
    }
}
