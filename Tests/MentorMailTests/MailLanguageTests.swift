import Foundation
import Mail
@testable import MentorMail
import Testing

/// Answers in the person's language: which language, and every piece of a mail in it.
@Suite struct MailLanguageTests {
    func mail(from: String = "Ana García <ana@example.net>", subject: String = "Hola", body: String) -> String {
        "From: \(from)\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n"
            + "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    func exchange(_ program: ProcessorTests.Program, _ raw: String) throws -> Message {
        let before = program.outbox.sentFiles().count
        try program.arrive(raw)
        let report = try program.run()
        #expect(report.problems.isEmpty, "\(report.problems)")
        let answers = try program.sent().suffix(from: before)
        try #require(answers.count == 1, "one answer, got \(answers.count)")
        return answers[answers.startIndex]
    }

    static let spanishForm = """
        Rol: mentee
        Nombre: Ana García
        Tipo de mentoría: técnica
        Áreas: Nova, documentación
        Zona horaria: Madrid
        Idiomas: español, inglés
        Forma de contacto: email, vídeo
        Sobre mí: Acabo de empezar a contribuir a la documentación.
        """

    @Test func theLanguageAMessageIsWrittenIn() {
        #expect(LanguageGuess.code(of: "Hola, quiero participar en el programa de mentoría, gracias") == "es")
        #expect(LanguageGuess.code(of: "Hola, os dejo mis respuestas debajo de cada pregunta.") == "es")
        #expect(LanguageGuess.code(of: "Olá, gostaria de participar do programa, obrigada") == "pt")
        #expect(LanguageGuess.code(of: "Bonjour, je voudrais participer au programme, merci") == "fr")
        #expect(LanguageGuess.code(of: "Hallo, ich möchte bitte am Programm teilnehmen, danke") == "de")
        #expect(LanguageGuess.code(of: "Ciao, vorrei partecipare al programma, grazie") == "it")
        #expect(LanguageGuess.code(of: "Hello, I would like to join the program, thanks") == "en")
        #expect(LanguageGuess.code(of: "Здравствуйте, хочу участвовать в программе") == "ru")
        #expect(LanguageGuess.code(of: "你好，我想参加导师计划") == "zh")
        #expect(LanguageGuess.code(of: "こんにちは、メンタリングに参加したいです") == "ja")
        #expect(LanguageGuess.code(of: "ok") == nil, "too short to tell")
        #expect(LanguageGuess.code(of: "Nova, Ironic, Cinder") == nil, "names are no language")
    }

    /// Finding: an English note above a forwarded Spanish check-in was answered in Spanish. The
    /// writer's language is that of their own words above what they pass on, however it is
    /// forwarded (a forward line, an Outlook header block, a forward below the signature).
    @Test func theLanguageOfAForwardIsTheWritersNotTheForwardedMails() {
        let intake = Intake(config: IntakeRuleTests.config)
        let spanish = """
            Hola Ana, han pasado unos tres meses desde que os presentamos a ti y a Pablo. \
            Nos gustaría saber cómo va la mentoría: responde debajo de cada pregunta. ¿Os estáis reuniendo? \
            ¿Qué tal la combinación? ¿Qué queréis hacer ahora: continuar, graduaros o pedir una nueva pareja?
            """
        let english = """
            Hello Tom, it has been about three months since we introduced you to Maria. We would like to \
            know how your mentoring is going: write your answer under each question. Are you meeting? \
            How is the fit? What next: continue, graduate or need a new match?
            """
        let note = "Hi, forwarding this for my manager Ana, she asked me to send it to you."
        let cases: [(subject: String, body: String, expected: String)] = [
            ("Fwd: ¿Cómo va tu mentoría?", "\(note)\n\nBest,\nTom\n\n---------- Forwarded message ---------\nFrom: Mentoring <mentoring@example.org>\n"
                + "Date: Mon, 12 Apr 2027 at 09:00\nSubject: ¿Cómo va tu mentoría?\nTo: Ana <ana@example.net>\n\n\(spanish)", "en"),
            ("FW: ¿Cómo va tu mentoría?", "\(note)\n\nFrom: Mentoring <mentoring@example.org>\nSent: Monday, April 12, 2027 9:00 AM\n"
                + "To: Ana <ana@example.net>\nSubject: ¿Cómo va tu mentoría?\n\n\(spanish)", "en"),
            ("Fwd: how is your mentoring going?", "Hola, os reenvío esto de parte de mi jefe Tom, que me pidió que os lo mandara. Gracias y saludos.\n\n"
                + "Begin forwarded message:\n\nFrom: Mentoring <mentoring@example.org>\nTo: Tom <tom@example.net>\n\n\(english)", "es"),
        ]
        for (subject, body, expected) in cases {
            let message = Message(bytes: Array(mail(from: "Sam <sam@example.com>", subject: subject, body: body).utf8))
            #expect(intake.prepare(message).writtenLanguage == expected, "\(subject)")
        }
        // A forward with no words of the writer's says nothing of their language.
        let bare = Message(bytes: Array(mail(from: "Sam <sam@example.com>", subject: "Fwd: hola", body: "---------- Forwarded message ---------\n"
            + "From: Mentoring <mentoring@example.org>\nTo: Ana <ana@example.net>\n\n\(spanish)").utf8))
        #expect(intake.prepare(bare).writtenLanguage == nil)
        // Mail that forwards nothing is read whole, as before.
        let plain = Message(bytes: Array(mail(body: "Hola, quiero participar en el programa de mentoría, gracias").utf8))
        #expect(intake.prepare(plain).writtenLanguage == "es")
    }

    @Test func aSpanishRequestGetsTheSpanishFormWithTheRoleFilledIn() throws {
        let program = try ProcessorTests.Program()
        let answer = try exchange(program, mail(body: "Hola, me gustaría unirme al programa como mentee. ¡Gracias!"))
        let text = try #require(answer.textBody)
        #expect(text.contains("Nos pediste unirte como mentee: ya lo hemos rellenado abajo."))
        #expect(text.contains("\nRol: mentee\n"))
        #expect(text.contains("Zona horaria: (p. ej. Europe/Madrid"))
        #expect(!text.contains("Time zone:"))
    }

    @Test func anEnglishRequestWithARoleGetsItFilledInAndSaid() throws {
        let program = try ProcessorTests.Program()
        let answer = try exchange(program, mail(from: "Sam <sam@example.net>", subject: "Mentoring",
                                                body: "Hi! I'd like to join as a mentee, please."))
        let text = try #require(answer.textBody)
        #expect(text.contains("You asked to join as a mentee"), "\(text)")
        #expect(text.contains("\nRole: mentee\n"))
        let plain = try exchange(program, mail(from: "Kim <kim@example.net>", subject: "Mentoring", body: "Hi! How do I join?"))
        #expect(plain.textBody?.contains("Role: (mentor, mentee, or both)") == true, "no role named, the hint stays")
    }

    @Test func theRoleIsReadFromSentencesAboutJoining() {
        #expect(JoinWords.role(in: "I'd like to join as a mentee") == .mentee)
        #expect(JoinWords.role(in: "Please sign me up as a mentor.") == .mentor)
        #expect(JoinWords.role(in: "I want to join as a mentor and a mentee") == .both)
        #expect(JoinWords.role(in: "Can I join as both mentor and mentee?") == .both)
        #expect(JoinWords.role(in: "Quisiera participar como mentora") == .mentor)
        #expect(JoinWords.role(in: "I would love to volunteer as a mentor this round. I can take 1 mentee.") == .mentor)
        #expect(JoinWords.role(in: "Me gustaría colaborar como mentora") == .mentor)
        #expect(JoinWords.role(in: "Je voudrais participer comme mentee") == .mentee)
        #expect(JoinWords.role(in: "Ich möchte als Mentorin teilnehmen") == .mentor)
        #expect(JoinWords.role(in: "I don't want to be a mentor yet, I'd like to join as a mentee") == .mentee)
        #expect(JoinWords.role(in: "I don't want to join as a mentor") == nil)
        #expect(JoinWords.role(in: "My colleague joined as a mentor last year") == nil)
        #expect(JoinWords.role(in: "My mentor said I should write to you") == nil, "a role without joining")
    }

    @Test func aSpanishFormIsConfirmedInSpanishWordForWord() throws {
        let program = try ProcessorTests.Program()
        let answer = try exchange(program, mail(subject: "Re: Hola", body: Self.spanishForm))
        let person = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(person.status == .active)
        #expect(person.profile.timeZone == "Europe/Madrid")
        #expect(person.profile.languages == ["Spanish", "English"])
        let text = try #require(answer.textBody)
        #expect(text.contains("¡Ya formas parte del programa!"))
        #expect(text.contains("  Rol: mentee\n"))
        #expect(text.contains("  Tipo de mentoría: técnica\n"))
        #expect(text.contains("  Zona horaria: Europe/Madrid (ahora UTC+01:00)\n"))
        #expect(text.contains("  Idiomas: español, inglés\n"))
        #expect(text.contains("  Forma de contacto: email, vídeo\n"))
        #expect(text.contains("(apertura: 15 de enero de 2027)"), "the date in Spanish")
        #expect(!text.contains("Time zone"))
        #expect(!text.contains("January"))
    }

    @Test func problemsAndNotesAreWordedInSpanish() throws {
        let program = try ProcessorTests.Program()
        let broken = Self.spanishForm.replacingOccurrences(of: "Zona horaria: Madrid", with: "Zona horaria: Marte")
            .replacingOccurrences(of: "Forma de contacto: email, vídeo\n", with: "")
        let answer = try exchange(program, mail(subject: "Re: Hola", body: broken))
        let text = try #require(answer.textBody)
        #expect(text.contains("- Zona horaria: No encontramos la zona horaria «Marte»"), "\(text)")
        #expect(text.contains("Por ejemplo:  Zona horaria: Europe/Madrid"))
        #expect(text.contains("No indicaste forma de contacto: suponemos email."))
        #expect(!text.contains("We could not"))

        let fixed = try exchange(program, mail(subject: "Re: Hola", body: "Zona horaria: UTC+1"))
        #expect(fixed.textBody?.contains("Tu perfil está actualizado.") == true)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active)
    }

    /// Finding: a fix that quoted our Spanish answer stored its "Por ejemplo: Zona horaria:
    /// Europe/Madrid" hint as an unknown field "Por ejemplo".
    @Test func aFixQuotingTheSpanishAnswerKeepsNoneOfItsHints() throws {
        let program = try ProcessorTests.Program()
        let broken = Self.spanishForm.replacingOccurrences(of: "Zona horaria: Madrid", with: "Zona horaria: Marte")
        let answer = try exchange(program, mail(subject: "Re: Hola", body: broken))
        let quoted = try #require(answer.textBody).split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
        let fixed = try exchange(program, mail(subject: "Re: Hola", body: "Zona horaria: UTC+1\n\nEl 3 nov 2026, Mentoría escribió:\n"
            + quoted.joined(separator: "\n")))
        let person = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(person.profile.extra.isEmpty, "\(person.profile.extra)")
        #expect(person.profile.timeZone == "UTC+01:00")
        let text = try #require(fixed.textBody)
        #expect(!text.contains("No hemos reconocido estas líneas"), "\(text)")
    }

    /// Our Spanish problem messages, quoted alone, are no answers either.
    @Test func quotedSpanishProblemMessagesAreNotAnswers() {
        let parser = SignupFormParser(vocabulary: .openStackDefault)
        let form = parser.parse("""
            > Para corregir (responde solo con estas líneas, ya corregidas):
            >   - Zona horaria: No encontramos la zona horaria «Marte»: escribe una zona como Europe/Madrid, una diferencia como UTC+2 o una ciudad grande cerca de ti.
            >     Por ejemplo:  Zona horaria: Europe/Madrid
            >   - Rol: No conocemos el rol «profesora»: escribe mentor/a, mentee o ambos.
            >     Por ejemplo:  Rol: mentee
            """)
        #expect(form.timeZone == nil)
        #expect(form.answeredFields.isEmpty, "\(form.answeredFields)")
        #expect(form.unknownFields.isEmpty, "\(form.unknownFields)")
    }

    @Test func whatWasAssumedIsSaidInEnglishToo() throws {
        let program = try ProcessorTests.Program()
        let answer = try exchange(program, mail(from: "Sam <sam@example.net>", subject: "Re: Sign up", body: """
            Role: mentor
            Name: Sam Lee
            Mentoring type: career
            Time zone: Europe/Berlin
            Languages: English, Klingon
            """))
        let text = try #require(answer.textBody)
        #expect(text.contains("Good to know:\n  - No interaction style given: we assume email.\n"), "\(text)")
        #expect(text.contains("To fix") && text.contains("“Klingon” as a language"), "\(text)")
        #expect(text.contains("  - No capacity given: we assume 1 mentee at a time.\n"))
    }

    /// Each line of a summary, as a mail shows it in Spanish, reads back to the same profile: a
    /// person can copy a line, change it, and send it.
    @Test func aSpanishSummaryReadsBackToTheSameProfile() throws {
        let builder = ProfileBuilder(vocabulary: .openStackDefault)
        let parser = SignupFormParser(vocabulary: .openStackDefault)
        let forms = [
            "Role: both\nName: Li Wei\nMentoring type: technical and career\nAreas: Nova, my own thing\nTime zone: Asia/Shanghai\n"
                + "Languages: Mandarin, English, Portuguese\nInteraction: IRC, in person, chat\nCapacity: 3",
            "Role: mentor\nName: Jo\nMentoring type: career\nAreas: documentation\nTime zone: UTC-03:00\nLanguages: German\n"
                + "Interaction: video\nCapacity: 1",
        ]
        for form in forms {
            let original = builder.build(from: parser.parse(form), over: nil)
            #expect(original.isComplete, "\(original.problems)")
            let lines = builder.summary(of: original.profile, at: Date(timeIntervalSince1970: 1_793_700_000),
                                        wording: ProfileWording(language: "es"))
            #expect(lines.first?.label == "Rol")
            let again = builder.build(from: parser.parse(lines.map { "\($0.label): \($0.value)" }.joined(separator: "\n")), over: nil)
            #expect(again.problems.isEmpty, "\(again.problems)")
            #expect(again.profile == original.profile, "\(lines)")
        }
    }

    @Test func aMailLanguageLineChoosesTheLanguageOfEveryAnswer() throws {
        let program = try ProcessorTests.Program()
        _ = try exchange(program, mail(subject: "Re: Hola", body: Self.spanishForm))
        let english = try exchange(program, mail(subject: "Re: Hola", body: "Mail language: English\nZona horaria: Lisboa"))
        #expect(english.textBody?.contains("Time zone: Europe/Lisbon") == true, "\(english.textBody ?? "")")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.mailLanguage == "en")
        // Written in Spanish again, answered in English: the setting wins over the guess.
        let still = try exchange(program, mail(subject: "Re: Hola", body: "Hola, quiero hacer una pausa por favor, gracias"))
        #expect(still.textBody?.contains("Hello") == true, "\(still.textBody ?? "")")
    }

    @Test func aShortReplyFromASpanishSpeakerIsAnsweredInSpanish() throws {
        let program = try ProcessorTests.Program()
        _ = try exchange(program, mail(subject: "Re: Hola", body: Self.spanishForm))
        // "ok" tells nothing of a language: the first language of the profile decides.
        let answer = try exchange(program, mail(subject: "Re: Hola", body: "Zona horaria: Lisboa"))
        #expect(answer.textBody?.contains("Zona horaria: Europe/Lisbon") == true, "\(answer.textBody ?? "")")
    }

    /// Finding: Gus (Languages "Spanish, English") wrote in English and was answered in Spanish:
    /// English, the language of the templates themselves, fell through to his first language.
    @Test func aMessageClearlyInEnglishIsAnsweredInEnglishWhateverTheProfileSays() throws {
        let program = try ProcessorTests.Program()
        _ = try exchange(program, mail(subject: "Re: Hola", body: Self.spanishForm))
        #expect(try program.database.participant(email: "ana@example.net")?.profile.preferredMailLanguage == "es")
        let english = try exchange(program, mail(subject: "Question", body: "Hello, I would like to pause my participation please, thanks"))
        #expect(english.textBody?.contains("pause") == true, "\(english.textBody ?? "")")
        #expect(english.textBody?.contains("pausa") == false, "\(english.textBody ?? "")")
    }

    @Test func shortRepliesTellTheirLanguage() {
        #expect(LanguageGuess.code(of: "Sí, allí estaré") == "es")
        #expect(LanguageGuess.code(of: "Lo siento, al final no puedo ir.") == "es")
        #expect(LanguageGuess.code(of: "Yes, I'll be there") == "en")
        #expect(LanguageGuess.code(of: "Sorry, I can't make it after all") == "en")
        #expect(LanguageGuess.code(of: "Oui, je serai là") == "fr")
        #expect(LanguageGuess.code(of: "Ja, ich bin dabei") == "de")
    }

    /// Finding: María asked in English, got the English form and answered "Perfect" with
    /// "Languages: Spanish, English": her mail turned Spanish from then on. The language she
    /// writes in stays; the first of her languages does not choose it.
    @Test func theLanguageOfTheExchangeStaysWhateverTheLanguagesLineSaysFirst() throws {
        let program = try ProcessorTests.Program()
        let maria = "María López <maria@example.net>"
        let form = try exchange(program, mail(from: maria, subject: "Volunteering as a mentor",
                                              body: "Hi, Volunteering as a mentor! I'd like to help newcomers with Nova."))
        #expect(form.textBody?.contains("Languages") == true, "\(form.textBody ?? "")")
        let filled = "Role: mentor\nName: María López\nMentoring type: technical\nAreas: Nova\nTime zone: Madrid\n"
            + "Languages: Spanish, English\nInteraction: email\nCapacity: 1\n"
        let quote = (form.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        // Above the quoted form, and without it: the form she filled in is in English.
        for (address, body) in [(maria, "Perfect\n\n" + filled + "\n" + quote), ("Ana López <ana@example.net>", "Perfect\n\n" + filled)] {
            let confirmation = try exchange(program, mail(from: address, subject: "Re: " + (form.subject ?? ""), body: body))
            #expect(confirmation.textBody?.contains("Languages: Spanish, English") == true, "\(confirmation.textBody ?? "")")
            let email = try #require(MailAddress.parseList(address).first?.normalized)
            let profile = try #require(try program.database.participant(email: email)?.profile)
            #expect(profile.preferredMailLanguage == "en", "\(address): \(profile.mailLanguage ?? "nil")")
        }
        // A Spanish form stays Spanish, with English first among the languages.
        _ = try exchange(program, mail(from: "Eva Ruiz <eva@example.net>", subject: "Hola",
                                       body: Self.spanishForm.replacingOccurrences(of: "Idiomas: español, inglés", with: "Idiomas: inglés, español")))
        #expect(try program.database.participant(email: "eva@example.net")?.profile.preferredMailLanguage == "es")
        #expect(SignupFormLine.labelLanguage(of: filled) == "en")
        #expect(SignupFormLine.labelLanguage(of: "Rol: mentor\nNombre: Eva\nZona horaria: Madrid\nIdiomas: inglés\nSobre mí: hola") == "es")
        #expect(SignupFormLine.labelLanguage(of: "Perfect, thanks") == nil)
    }

    @Test func spanishLanguageNamesRoundTripAndVarietiesStayInEnglish() {
        let wording = ProfileWording(language: "es")
        #expect(wording.languageName("Spanish") == "español")
        #expect(wording.languageName("English") == "inglés")
        #expect(wording.languageName("Mandarin") == "Mandarin", "no Spanish name reads back as Mandarin")
        #expect(ProfileWording.english.languageName("Spanish") == "Spanish")
    }
}
