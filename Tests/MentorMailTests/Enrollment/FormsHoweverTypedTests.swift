import Foundation
import Mail
@testable import MentorMail
import Testing

/// Forms however typed: hints beside labels and answers, the community's languages, quotes.
@Suite struct FormsHoweverTypedTests {
    let parser = SignupFormParser(vocabulary: Config.Enrollment.default.vocabulary)

    /// Finding: a reply above an Outlook header block in Portuguese kept "Enviada em: …" and
    /// "Assunto: …" with the profile as lines we did not recognise.
    @Test func aQuotedHeaderBlockIsNotPartOfTheProfile() {
        let form = parser.parse("""
            Role: mentor
            Capacity: 2
            De: OpenStack Mentoring <mentoring@example.org>
            Enviada em: terça-feira, 1 de setembro de 2026 12:00
            Para: Rita Souza <rita@example.net>
            Assunto: Re: voluntária
            Name: Rita Souza
            Areas: Neutron
            Favourite food: pão de queijo
            """)
        #expect(form.unknownFields.map(\.key) == ["Favourite food"], "\(form.unknownFields)")
        #expect(form.role == .mentor && form.capacity == 2)
    }

    /// Finding: a reply above our quoted welcome had "If anything is wrong, reply with just the
    /// lines to change, e.g." (the welcome's next paragraph) appended to the mentor's About me,
    /// and it went out in an introduction. Our own words after a profile are never an answer,
    /// quoted or as Outlook quotes (no ">"), in English or Spanish.
    @Test func ourWordsAfterAQuotedProfileAreNotPartOfAboutMe() {
        for quote in ["> ", ""] {
            for (lead, after) in [("About me", "If anything is wrong, reply with just the lines to change, e.g."),
                                  ("About me", "We did not recognise these lines; we kept them with your profile as written:"),
                                  ("About me", "We can match you only once the lines above are fixed: reply with them."),
                                  ("Sobre mí", "Si algo no está bien, responde solo con las líneas que quieras cambiar, p. ej."),
                                  ("Sobre mí", "No hemos reconocido estas líneas; las hemos guardado en tu perfil tal como")] {
                let form = parser.parse("""
                    I can take one more person now.

                    Capacity: 2

                    \(quote)Hello Kai Lee,
                    \(quote)
                    \(quote)  Role: mentor
                    \(quote)  Capacity: 1 mentee at a time
                    \(quote)  \(lead): Long-time contributor
                    \(quote)
                    \(quote)\(after)
                    \(quote)  Time zone: Europe/Madrid
                    """)
                #expect(form.aboutMe == "Long-time contributor", "\(quote.isEmpty ? "unquoted" : "quoted"): \(after)")
                #expect(form.capacity == 2)
            }
        }
        // A person's own second paragraph still counts.
        let own = parser.parse("Role: mentee\nAbout me: I write docs.\n\nI also run a local meetup in Porto.\n")
        #expect(own.aboutMe == "I write docs.\n\nI also run a local meetup in Porto.")
    }

    /// Finding: hints in the label lost the role and stored "email", a value from the hint.
    @Test func hintsBesideTheLabelAreNotPartOfIt() {
        let form = parser.parse("""
            Role (mentor / mentee / both): mentee
            Mentoring type [technical, career or both]: career
            Interaction (IRC / email / video / chat / in person): in person, IRC
            Time zone (city or UTC offset): Lisbon
            Languages: Portuguese
            """)
        #expect(form.role == .mentee)
        #expect(form.mentoringType == .career)
        #expect(form.interaction == [.inPerson, .irc], "never a value from the hint")
        #expect(form.timeZone?.label == "Europe/Lisbon")
    }

    /// A separator inside a hint does not end the label, in ASCII and in other text.
    @Test func separatorsInsideHintsAreNotTheLabelsEnd() {
        let form = parser.parse("""
            Role (choose: mentor / mentee / both): mentee
            Interaction [IRC = chat, video]: video
            Time zone (ej.: Madrid): Bogotá
            """)
        #expect(form.role == .mentee)
        #expect(form.interaction == [.video])
        #expect(form.timeZone?.label == "America/Bogota")
    }

    /// Table rows made text join their cells with " | ", with or without a colon in the label cell.
    @Test func tableRowsGiveTheCellsValue() {
        let form = parser.parse("""
            Name: | Henrik Berg
            Role | mentee
            Areas: | Ironic |
            Time zone | Oslo
            Languages: | Norwegian
            """)
        #expect(form.name == "Henrik Berg")
        #expect(form.role == .mentee)
        #expect(form.areas == ["ironic"])
        #expect(form.freeTextAreas.isEmpty)
        #expect(form.timeZone?.label == "Europe/Oslo")
        #expect(form.languages == ["Norwegian"])
        #expect(parser.parse("Name: Henrik Berg | Oslo\nRole: mentee").name == "Henrik Berg", "a name holds no cell separator")
        #expect(parser.parse("Role: mentee", senderName: "| Henrik Berg |").name == "Henrik Berg")
    }

    /// Finding: an Outlook (Word) table, every cell a paragraph, gave one cell per line and the
    /// person got the blank form back.
    @Test func anOutlookWordTableIsRead() throws {
        let url = CommandRunner.repository.appendingPathComponent("mailbox-fixtures/form-outlook-word-table.eml")
        let reply = MailReading.reply(of: Message(data: try Data(contentsOf: url)))
        let form = parser.parse(reply, senderName: "Sofia Lindqvist")
        #expect(form.role == .mentor, "\(reply)")
        #expect(form.name == "Sofia Lindqvist")
        #expect(form.mentoringType == .technical)
        #expect(form.timeZone?.label == "Europe/Stockholm")
        #expect(form.languages == ["English", "Swedish"])
        #expect(form.capacity == 2)
        #expect(form.aboutMe == "Swift core reviewer since 2021. Happy to help with first patches.")
    }

    /// Finding: Outlook's text/plain part of a Word table puts a tab between the cells, or each
    /// cell on a line of its own, and the fields were lost.
    @Test func tableCellsInPlainTextAreRead() {
        let tabs = parser.parse("Hi,\n\nRole\tMentee\nName\tAlice Martin\t\nTime zone\tEurope/Paris\nLanguages\tFrench, English\n"
                                + "Mentoring type\t\tcareer\n\nThanks,\nAlice")
        #expect(tabs.role == .mentee)
        #expect(tabs.name == "Alice Martin")
        #expect(tabs.timeZone?.label == "Europe/Paris")
        #expect(tabs.languages == ["French", "English"])
        #expect(tabs.mentoringType == .career)
        for gap in ["\r\n", "\r\n\r\n"] {
            let cells = ["Role", "Mentor", "Name", "Bob Okafor", "Time zone", "Africa/Lagos", "Languages", "English", "Capacity", "2"]
            let form = parser.parse("Hello,\n\n" + cells.joined(separator: gap) + "\n\nBest regards,\nBob")
            #expect(form.role == .mentor, "\(gap.debugDescription)")
            #expect(form.name == "Bob Okafor")
            #expect(form.timeZone?.label == "Africa/Lagos")
            #expect(form.languages == ["English"])
            #expect(form.capacity == 2)
        }
        // One lone label in prose is not a form.
        let prose = parser.parse("Availability\n\nI am mostly free in the evenings.")
        #expect(prose.availability == nil)
        #expect(prose.fieldsFound == 0)
    }

    /// Finding: an Outlook form sent as multipart/alternative was read from its text/plain part
    /// only, where the Word table's cells are lines of their own.
    @Test func anOutlookWordTableWithAPlainPartIsRead() throws {
        let url = CommandRunner.repository.appendingPathComponent("mailbox-fixtures/form-outlook-word-table-alternative.eml")
        let message = Message(data: try Data(contentsOf: url))
        let form = IntakeMessage(message, programAddress: "mentoring@example.org", formParser: parser).form
        #expect(form.role == .mentee)
        #expect(form.name == "Tomás Ferreira")
        #expect(form.mentoringType == .career)
        #expect(form.timeZone?.label == "America/Sao_Paulo")
        #expect(form.languages == ["Portuguese", "English"])
        #expect(form.interaction == [.video, .chat])
        #expect(form.availability == "Tuesday evenings")
        #expect(form.aboutMe?.hasPrefix("I started contributing to the docs last spring.") == true)
        #expect(form.isComplete, "\(form.problems)")
    }

    /// When the plain part has lost the table altogether, the HTML alternative's table is read.
    @Test func theHTMLTableIsReadWhenThePlainPartLostIt() {
        let raw = """
            From: Alice Martin <alice@example.net>\r
            To: mentoring@example.org\r
            Subject: My form\r
            Message-ID: <table-lost@example.net>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Hi, here is my form.\r
            \r
            --b1\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <p>Hi, here is my form.</p><table><tr><td><p>Role</p></td><td><p>Mentee</p></td></tr>\r
            <tr><td>Name</td><td>Alice Martin</td></tr><tr><td>Time zone</td><td>Europe/Paris</td></tr>\r
            <tr><td>Languages</td><td>French</td></tr></table>\r
            --b1--\r

            """
        let message = Message(data: Data(raw.utf8))
        let form = IntakeMessage(message, programAddress: "mentoring@example.org", formParser: parser).form
        #expect(form.role == .mentee)
        #expect(form.name == "Alice Martin")
        #expect(form.timeZone?.label == "Europe/Paris")
        #expect(form.languages == ["French"])
    }

    /// Finding: phone signatures other than "Sent from my …" ended up in About me.
    @Test(arguments: ["Get Outlook for iOS", "Enviado desde Outlook para Android", "Obtener Outlook para Android",
                      "Von meinem iPhone gesendet", "Sent from Mail for Windows"])
    func aPhoneSignatureEndsTheForm(signature: String) {
        for gap in ["\n", "\n\n"] {
            let form = parser.parse("Role: mentee\nName: Lucía Pérez\nTime zone: Madrid\nLanguages: Spanish\n"
                                    + "About me: I translate the docs.\nI would like to review code." + gap + signature)
            #expect(form.aboutMe == "I translate the docs. I would like to review code.", "\(signature)")
        }
    }

    /// Finding: common spellings were not read: two area words in one item, "Ciudad de México",
    /// "Preferred interaction", and typos in the mentoring type.
    @Test func commonSpellingsAreRead() {
        let form = parser.parse("""
            Role: mentee
            Mentoring type: techincal
            Areas: Nova compute, bare metal provisioning, Nova Neutron
            Zona horaria: Ciudad de México
            Languages: Spanish
            Preferred interaction: irc + video
            """)
        #expect(form.mentoringType == .technical)
        #expect(form.areas == ["nova", "neutron"])
        #expect(form.freeTextAreas == ["bare metal provisioning"])
        #expect(form.timeZone?.label == "America/Mexico_City")
        #expect(form.interaction == [.irc, .video])
        #expect(!form.notes.contains(.assumedEmail))
        for typo in ["carrer", "Carreer", "carier"] {
            #expect(MentoringKind(answer: typo) == .career, "\(typo)")
        }
        for typo in ["techincal", "tecnhical", "technicl"] {
            #expect(MentoringKind(answer: typo) == .technical, "\(typo)")
        }
        for other in ["cooking", "caterer", "cheer"] {
            #expect(MentoringKind(answer: other) == nil, "\(other)")
        }
        // Too far to accept, but the example names the nearest kind.
        let far = parser.parse("Role: mentee\nMentoring type: carreeer")
        #expect(far.mentoringType == nil)
        #expect(far.problems.first { $0.field == .mentoringType }?.example == "Mentoring type: career")
    }

    @Test func theSameLinesTypedInsideAQuote() {
        let form = parser.parse("""
            Answers below.

            > Role (mentor / mentee / both): mentee
            > Interaction (IRC / email / video / chat / in person): video
            > Languages: English
            """)
        #expect(form.role == .mentee)
        #expect(form.interaction == [.video])
    }

    @Test func hintsLeftBesideTheAnswer() {
        let form = parser.parse("""
            Role: (mentor, mentee, or both) mentee
            Mentoring type: [technical / career] technical
            Interaction: (IRC / email / video) in person
            Languages: (e.g. English, Spanish) Polish
            """)
        #expect(form.role == .mentee)
        #expect(form.mentoringType == .technical)
        #expect(form.interaction == [.inPerson])
        #expect(form.languages == ["Polish"])
    }

    @Test func anUntouchedHintIsNoAnswerAndAnAnswerInParenthesesIsOne() {
        let untouched = parser.parse("Role: (mentor, mentee, or both)\nLanguages: (mentee)\nName: Ana\n")
        #expect(untouched.role == nil)
        let inParentheses = parser.parse("Role: (mentee)\nName: Ana\nLanguages: English\n")
        #expect(inParentheses.role == .mentee)
        // Free text keeps its own parentheses.
        let about = parser.parse("Role: mentee\nAbout me: I write Python (mostly Django) at a small company.\n")
        #expect(about.aboutMe == "I write Python (mostly Django) at a small company.")
    }

    @Test(arguments: [
        ("Rol: mentora\nTipo de mentoría: técnica\nZona horaria: Madrid\nIdiomas: español, inglés\nForma de contacto: vídeo, en persona\nCapacidad: 2",
         ParticipantRole.mentor, MentoringKind.technical, "Europe/Madrid", ["Spanish", "English"], [InteractionStyle.video, .inPerson]),
        ("Papel: mentorado\nTipo de mentoria: carreira\nFuso horário: São Paulo\nIdiomas: português\nForma de contato: email",
         .mentee, .career, "America/Sao_Paulo", ["Portuguese"], [.email]),
        ("Rôle : les deux\nType de mentorat : technique\nFuseau horaire : Paris\nLangues : français, anglais\nInteraction : IRC",
         .both, .technical, "Europe/Paris", ["French", "English"], [.irc]),
        ("Rolle: Mentorin\nArt des Mentorings: beides\nZeitzone: Berlin\nSprachen: Deutsch, Englisch\nKontaktweg: persönlich",
         .mentor, .both, "Europe/Berlin", ["German", "English"], [.inPerson]),
        ("Ruolo: mentee\nTipo di mentoring: carriera\nFuso orario: Roma\nLingue: italiano\nInterazione: video",
         .mentee, .career, "Europe/Rome", ["Italian"], [.video]),
        ("Rola: mentor\nRodzaj mentoringu: techniczny\nStrefa czasowa: Warszawa\nJęzyki: polski, angielski\nForma kontaktu: email",
         .mentor, .technical, "Europe/Warsaw", ["Polish", "English"], [.email]),
        ("Роль: подопечный\nТип наставничества: техническое\nЧасовой пояс: Europe/Moscow\nЯзыки: русский, английский\nСпособ общения: видео",
         .mentee, .technical, "Europe/Moscow", ["Russian", "English"], [.video]),
        ("角色：学员\n指导类型：技术\n时区：Asia/Shanghai\n语言：普通话，英语\n交流方式：视频",
         .mentee, .technical, "Asia/Shanghai", ["Mandarin", "English"], [.video]),
        ("役割：メンター\nメンタリングの種類：キャリア\nタイムゾーン：Asia/Tokyo\n言語：日本語、英語\n連絡方法：メール",
         .mentor, .career, "Asia/Tokyo", ["Japanese", "English"], [.email]),
    ])
    func formsInTheCommunitysLanguages(text: String, role: ParticipantRole, type: MentoringKind, zone: String,
                                       languages: [String], interaction: [InteractionStyle]) {
        let form = parser.parse(text)
        #expect(form.role == role, "\(text)")
        #expect(form.mentoringType == type, "\(text)")
        #expect(form.timeZone?.label == zone, "\(text)")
        #expect(form.languages == languages, "\(text)")
        #expect(form.interaction == interaction, "\(text)")
    }

    /// Finding: "Mandarin" was stored as "Chinese". Varieties stay apart; "Chinese" matches either.
    @Test func languagesAsSpoken() {
        #expect(LanguageNames.read("Mandarin, Cantonese, Chinese, 普通话, 粵語").languages == ["Mandarin", "Cantonese", "Chinese"])
        let chinese = LanguageNames.matchable(["Chinese"]), mandarin = LanguageNames.matchable(["Mandarin"])
        let cantonese = LanguageNames.matchable(["Cantonese"])
        #expect(!chinese.isDisjoint(with: mandarin) && !chinese.isDisjoint(with: cantonese))
        #expect(mandarin.isDisjoint(with: cantonese), "Mandarin and Cantonese speakers do not share a language")
    }
}
