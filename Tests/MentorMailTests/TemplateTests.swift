import Foundation
@testable import MentorMail
import Testing

@Suite struct TemplateTests {
    func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url.path
    }

    @Test func rendersSubjectTextAndHTMLWithTheRightEscaping() throws {
        let library = try TemplateLibrary(directory: try folder([
            "hello.txt.mustache": "{{! Variables: name }}\nSubject: Hi {{name}}\n\nDear {{name}} & co,\nbye\n",
            "hello.html.mustache": "<p>Dear {{name}}</p>",
        ]), catalog: TemplateCatalog(["hello": [.text("name")]]))
        let rendered = try library.render("hello", ["name": "Ana <ana@example.org>"])
        #expect(rendered.subject == "Hi Ana <ana@example.org>")
        #expect(rendered.text == "Dear Ana <ana@example.org> & co,\nbye\n")
        #expect(rendered.html == "<p>Dear Ana &lt;ana@example.org&gt;</p>")
    }

    @Test func aMaybeThatKeepsASeatSaysSoInSpanishToo() throws {
        let library = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates").path)
        let values: [String: Any] = [
            "program": ["name": "Test Mentoring", "address": "m@example.org", "coordinators": "c@example.org"],
            "person": ["name": "Carla"], "replySubject": "Re: Speed Mentoring",
            "event": ["name": "Speed Mentoring", "day": "domingo", "time": "07:30–09:00", "timeZone": "Europe/Madrid"],
            "asMentee": true, "tentative": true, "seatHeld": true,
        ]
        let spanish = try library.render("event-answer", values, language: "es")
        #expect(spanish.text.contains("Tu plaza sigue siendo tuya por ahora"), "\(spanish.text)")
        #expect(spanish.html?.contains("Tu plaza sigue siendo tuya por ahora") == true)
        #expect(!spanish.text.contains("Las plazas son para quienes dicen que sí primero"))
        let english = try library.render("event-answer", values)
        #expect(english.html?.contains("Your seat stays yours for now") == true)
        #expect(!english.text.contains("Places go to those who say yes first"))
    }

    /// Finding: an update that moved only the place said "If the new time does not suit you".
    @Test func anUpdateOfThePlaceDoesNotSpeakOfANewTime() throws {
        let library = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates").path)
        let values: [String: Any] = [
            "program": ["name": "Test Mentoring", "address": "m@example.org", "coordinators": "c@example.org"],
            "person": ["name": "Ana"],
            "event": ["name": "Speed Mentoring", "day": "Sunday", "time": "07:30–09:00", "timeZone": "Europe/Madrid", "location": "Room 204"],
            "asMentee": true, "update": true, "saidYes": true, "placeOnly": true,
        ]
        for language in [nil, "es"] as [String?] {
            let rendered = try library.render("event-invitation", values, language: language)
            for text in [rendered.text, rendered.html ?? ""] {
                #expect(!text.contains("new time") && !text.contains("nueva hora"), "\(text)")
            }
        }
    }

    /// Finding: "la próxima ronda, que se abre 15 de julio de 2027" lacked its article.
    @Test func theSpanishNextRoundDateHasItsArticle() throws {
        let library = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates").path)
        let program = ["name": "Test Mentoring", "address": "m@example.org", "coordinators": "c@example.org"]
        for values: [String: Any] in [["alreadyActive": true], ["resumed": true, "active": true]] {
            let base: [String: Any] = ["program": program, "person": ["name": "Lucía"], "replySubject": "Re: volver",
                                       "nextRound": "15 de julio de 2027"]
            let rendered = try library.render("participation-changed", base.merging(values) { $1 }, language: "es")
            for text in [rendered.text, rendered.html ?? ""] where text.contains("que se abre") {
                #expect(text.contains("que se abre el 15 de julio de 2027") || text.contains("que se abre\nel 15 de julio de 2027"), "\(text)")
            }
            #expect((rendered.text + (rendered.html ?? "")).contains("15 de julio de 2027"), "\(values): \(rendered.text)")
        }
    }

    /// Finding: the withdraw answer opened with "Your mentoring with Rita Souza has ended with
    /// it" before saying what "it" was.
    @Test func leavingOrPausingIsSaidBeforeThePairItEnds() throws {
        let library = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates").path)
        let program = ["name": "Test Mentoring", "address": "m@example.org", "coordinators": "c@example.org"]
        for change in ["withdrawn", "paused"] {
            let values: [String: Any] = ["program": program, "person": ["name": "Ana"], "replySubject": "Re: x", change: true,
                                         "pairEnded": "Rita Souza"]
            for language in ["en", "es"] {
                let rendered = try library.render("participation-changed", values, language: language == "en" ? nil : language)
                for body in [rendered.text, rendered.html ?? ""] {
                    let pair = try #require(body.range(of: "Rita Souza"), "\(language): \(body)")
                    let said = language == "en" ? (change == "withdrawn" ? "You have left the program" : "Your participation is paused")
                        : (change == "withdrawn" ? "Has dejado el programa" : "Tu participación está en pausa")
                    let first = try #require(body.range(of: said), "\(language): \(body)")
                    #expect(first.lowerBound < pair.lowerBound, "\(language) \(change): \(body)")
                }
            }
        }
    }

    @Test func aTemplateWithoutSubjectOrAMissingTemplateIsAConfigError() throws {
        // Refused when loading (TemplateCatalogTests has the details), so `process` does not start.
        let catalog = TemplateCatalog(["bad": []])
        #expect(throws: MentorMailError.self) { try TemplateLibrary(directory: try folder(["bad.txt.mustache": "Hello\n"]), catalog: catalog) }
        let library = try TemplateLibrary(directory: try folder(["bad.txt.mustache": "Subject: x\n\nHello\n"]), catalog: catalog)
        #expect(throws: MentorMailError.self) { try library.render("absent", [:]) }
    }

    @Test func theShippedSignUpFormRenders() throws {
        let library = try TemplateLibrary(directory: CommandRunner.repository.appendingPathComponent("templates").path)
        #expect(library.names.contains("signup-form"))
        let rendered = try library.render("signup-form", [
            "program": ["name": "Test Mentoring", "address": "m@example.org", "coordinators": "c@example.org"],
            "person": ["name": "Ana"],
            "replySubject": "Re: Joining",
        ])
        #expect(rendered.subject == "Re: Joining")
        #expect(rendered.text.hasPrefix("Hello Ana,"))
        for field in ["Role:", "Name:", "Mentoring type:", "Areas:", "Time zone:", "Languages:", "Interaction:", "Capacity:", "Availability:", "About me:"] {
            #expect(rendered.text.contains(field), "the form asks for \(field)")
        }
        #expect(rendered.text.contains("c@example.org"))
        #expect(rendered.html?.contains("Test Mentoring") == true)
    }

    @Test func replySubjectsDoNotStack() {
        #expect(OutboxWriter.withoutRepeatedCode("Re: pause [MM-PFGJ-RGFM] [MM-PFGJ-RGFM]") == "Re: pause [MM-PFGJ-RGFM]")
        #expect(OutboxWriter.withoutRepeatedCode("Re: x [mm-pfgj-rgfm] [MM-AB23-CD45] [MM-PFGJ-RGFM]") == "Re: x [MM-AB23-CD45] [MM-PFGJ-RGFM]",
                "the code answered stays last")
        #expect(OutboxWriter.withoutRepeatedCode("Re: review [MM-AB23-CD45] [MM-PFGJ-RGFM]") == "Re: review [MM-AB23-CD45] [MM-PFGJ-RGFM]")
        #expect(OutboxWriter.replySubject("Joining") == "Re: Joining")
        #expect(OutboxWriter.replySubject("RE: Joining") == "Re: Joining")
        // Finding: "Re: Re: Re: Kia ora" was answered as it came; our answers carry one "Re: ".
        for stacked in ["Re: Re: Re: Kia ora", "RE: Re: Kia ora", "AW: RE: Kia ora", "SV:Re: Kia ora", "Re[2]: Kia ora",
                        "Re : re: Kia ora", "Antw: Kia ora"] {
            #expect(OutboxWriter.replySubject(stacked) == "Re: Kia ora", "\(stacked)")
        }
        #expect(OutboxWriter.replySubject("Re: Fwd: Re: Kia ora") == "Re: Fwd: Re: Kia ora", "a forward is part of the subject")
        #expect(OutboxWriter.replySubject("Research: Kia ora") == "Re: Research: Kia ora")
        #expect(OutboxWriter.replySubject("Re: RE:") == "Re:")
        #expect(OutboxWriter.replySubject("  ") == "", "no subject: the mail goes out under the program's name")
        #expect(OutboxWriter.replySubject(nil) == "")
    }

    @Test func newlinesAreTrimmedAsFoundationTrimsThem() {
        for text in ["", "\n", "\r\n\nHello\n\u{2028}", "\n\u{85}a\u{301}\n\u{301}", "a\nb", "\u{2029}\n", " x \n"] {
            #expect(TemplateLibrary.trimmingNewlines(text) == text.trimmingCharacters(in: .newlines), "\(text.debugDescription)")
        }
    }

    @Test func nestedStructsReachTheTemplatesAsTheirProperties() throws {
        let person = try #require(MailValues.plain(PersonName("Ana")) as? [String: Any])
        #expect(person["name"] as? String == "Ana")
        let fields = try #require(MailValues.plain([FieldLine(label: "Role", value: "mentee")]) as? [Any])
        #expect((fields.first as? [String: Any])?["value"] as? String == "mentee")
        let noPerson: Any = Optional<PersonName>.none as Any
        #expect(MailValues.plain(noPerson) == nil)
        #expect(MailValues.plain(["a", "b"]) as? [String] == ["a", "b"], "arrays of text stay as they are")
    }

    @Test func blankLinesAroundTheSubjectAreDropped() throws {
        let catalog = TemplateCatalog(["a": [], "b": []])
        let library = try TemplateLibrary(directory: try folder([
            "a.txt.mustache": "\n  \nSubject:  S \nline1\n\nline2\n\n",
            "b.txt.mustache": "Subject: only",
        ]), catalog: catalog)
        #expect(try library.render("a", [:]) == .init(subject: "S", text: "line1\n\nline2\n", html: nil))
        #expect(try library.render("b", [:]) == .init(subject: "only", text: "\n", html: nil))
    }
}
