import Foundation
import Mail
@testable import MentorMail
import Testing

/// Template folders of a language's region (`templates/pt-BR/`): who reads them, and the
/// "Mail language:" answers that choose them.
@Suite struct RegionalTemplatesTests {
    let mails = MailLanguageTests()

    @Test func aMailLanguageAnswerNamingARegionGivesItsCode() {
        for answer in ["pt-BR", "pt_BR", "PT-br", "pt BR", "português do Brasil", "Portuguese (Brazil)", "Brazilian Portuguese",
                       "portugués de Brasil", "brasileiro"] {
            #expect(MailLanguageChoice.code(for: answer) == "pt-br", "\(answer)")
        }
        #expect(MailLanguageChoice.code(for: "European Portuguese") == "pt-pt")
        #expect(MailLanguageChoice.code(for: "español de México") == "es-mx")
        #expect(MailLanguageChoice.code(for: "português") == "pt")
        #expect(MailLanguageChoice.code(for: "Español") == "es")
        #expect(MailLanguageChoice.code(for: "English") == "en")
        #expect(MailLanguageChoice.code(for: "Deutsch") == "de")
        #expect(MailLanguageChoice.code(for: "Klingon") == nil)
        #expect(MailLanguageChoice.code(for: "xx-BR") == nil)
    }

    @Test func aRegionalFolderServesItsLanguageWhenThereIsNoPlainOne() {
        #expect(TemplateLibrary.folder(for: "pt", among: ["es", "pt-br"]) == "pt-br")
        #expect(TemplateLibrary.folder(for: "pt-BR", among: ["es", "pt-br"]) == "pt-br")
        #expect(TemplateLibrary.folder(for: "pt-pt", among: ["pt-br"]) == "pt-br", "Portuguese of another region beats English")
        #expect(TemplateLibrary.folder(for: "pt-br", among: ["pt"]) == "pt")
        #expect(TemplateLibrary.folder(for: "pt", among: ["pt", "pt-br"]) == "pt")
        #expect(TemplateLibrary.folder(for: "es-mx", among: ["es", "pt-br"]) == "es")
        #expect(TemplateLibrary.folder(for: "fr", among: ["es", "pt-br"]) == nil)
        #expect(TemplateLibrary.folder(for: "en", among: ["en-gb"]) == nil, "the main templates are the plain English ones")
        #expect(TemplateLibrary.folder(for: "en-GB", among: ["en-gb"]) == "en-gb")
        #expect(TemplateLibrary.folder(for: nil, among: ["es"]) == nil)
    }

    @Test func checkTemplatesSaysWhoReadsEachFolder() throws {
        let folder = try CommandRunner.temporaryFolder("mentormail-regional", subfolders: ["es", "pt-BR", "pt_br", "en-GB", "xx"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let readers = Dictionary(uniqueKeysWithValues: TemplateLibrary.readers(in: folder.path).map { ($0.folder, $0.readers) })
        #expect(readers["es"]?.contains("read by everyone whose mail is in Spanish") == true, "\(readers)")
        #expect(readers["pt-BR"]?.contains("Portuguese (Brazil)") == true, "\(readers)")
        #expect(readers["pt-BR"]?.contains("every other reader of Portuguese") == true, "\(readers)")
        #expect(readers["pt_br"]?.hasPrefix("never used: pt-BR/ has the same language code") == true, "\(readers)")
        #expect(readers["en-GB"]?.contains("read only by people who choose it with “Mail language: en-GB”") == true, "\(readers)")
        #expect(readers["xx"]?.hasPrefix("never used: “xx” is not a language code") == true, "\(readers)")
    }

    /// The repository's templates, with a `pt-BR/` folder holding three mails whose subjects say so.
    static func programWithBrazilianTemplates() throws -> ProcessorTests.Program {
        var program = try ProcessorTests.Program()
        let templates = program.folder.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("templates"), to: templates)
        let brazilian = templates.appendingPathComponent("pt-BR")
        try FileManager.default.createDirectory(at: brazilian, withIntermediateDirectories: true)
        for name in ["signup-form", "profile-received", "help"] {
            for kind in ["txt", "html"] {
                let file = "\(name).\(kind).mustache"
                let text = try String(contentsOf: templates.appendingPathComponent("es/\(file)"), encoding: .utf8)
                try text.replacingOccurrences(of: "\nSubject: ", with: "\nSubject: [PT-BR] ")
                    .write(to: brazilian.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
        }
        program.config.program.templates = templates.path
        program.templates = try TemplateLibrary(directory: templates.path)
        return program
    }

    @Test func aPortugueseRequestGetsTheBrazilianForm() throws {
        let program = try Self.programWithBrazilianTemplates()
        let answer = try mails.exchange(program, mails.mail(from: "Beatriz Souza <bia@example.net>", subject: "Mentoria",
            body: "Olá! Eu gostaria de participar do programa como mentorada. Obrigada!"))
        #expect(answer.subject?.contains("[PT-BR]") == true, "\(answer.subject ?? "")")
    }

    @Test func aMailLanguageLineNamingTheRegionChoosesItsFolder() throws {
        let program = try Self.programWithBrazilianTemplates()
        let form = "Role: mentee\nName: Ana Lima\nMentoring type: technical\nAreas: Nova\nTime zone: Lisbon\n"
            + "Languages: English, Portuguese\nInteraction: email\nAbout me: I am new to Nova."
        for (index, answer) in ["pt-BR", "pt_BR", "português do Brasil", "Brazilian Portuguese"].enumerated() {
            let sender = "Ana Lima <ana\(index)@example.net>"
            let english = try mails.exchange(program, mails.mail(from: sender, subject: "Joining", body: form))
            #expect(english.subject?.contains("[PT-BR]") == false, "\(english.subject ?? "")")
            let reply = try mails.exchange(program, mails.mail(from: sender, subject: "Re: Joining",
                                                               body: "Mail language: \(answer)\nTime zone: Lisbon"))
            #expect(reply.subject?.contains("[PT-BR]") == true, "\(answer): \(reply.subject ?? "")")
            #expect(reply.textBody?.contains("did not recognise") == false, "\(answer): \(reply.textBody ?? "")")
            #expect(try program.database.participant(email: "ana\(index)@example.net")?.profile.mailLanguage == "pt-br")
        }
    }

    /// A reply holding nothing but a "Mail language:" line changes the profile, as any one line does.
    @Test func aLoneMailLanguageLineIsAProfileChange() throws {
        let program = try ProcessorTests.Program()
        _ = try mails.exchange(program, mails.mail(subject: "Re: Hola", body: MailLanguageTests.spanishForm))
        let english = try mails.exchange(program, mails.mail(subject: "Re: Hola", body: "Mail language: English"))
        #expect(english.textBody?.contains("could not tell what you would like") == false, "\(english.textBody ?? "")")
        #expect(english.textBody?.contains("Time zone: Europe/Madrid") == true, "\(english.textBody ?? "")")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.mailLanguage == "en")
        let portuguese = try mails.exchange(program, mails.mail(subject: "Re: Hola", body: "Mail language: português"))
        #expect(portuguese.textBody?.contains("could not tell what you would like") == false, "\(portuguese.textBody ?? "")")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.mailLanguage == "pt")
        let unknown = try mails.exchange(program, mails.mail(subject: "Re: Hola", body: "Mail language: Klingon"))
        #expect(unknown.textBody?.contains("we did not recognise “Klingon”") == true, "\(unknown.textBody ?? "")")
    }
}
