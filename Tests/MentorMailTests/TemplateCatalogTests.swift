import Foundation
@testable import MentorMail
import Testing

/// The templates against the values the workflow gives them: a typo is an error at start-up.
@Suite struct TemplateCatalogTests {
    static let shipped = CommandRunner.repository.appendingPathComponent("templates")

    /// A copy of the shipped templates with `changes` (a `nil` text deletes the file).
    func folder(_ changes: [String: String?] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-catalog-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.shipped, to: url)
        for (file, text) in changes {
            let target = url.appendingPathComponent(file)
            if let text {
                try text.write(to: target, atomically: true, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(at: target)
            }
        }
        return url
    }

    func shipped(_ file: String) throws -> String {
        try String(contentsOf: Self.shipped.appendingPathComponent(file), encoding: .utf8)
    }

    func errors(_ folder: URL) throws -> [TemplateProblem] {
        try TemplateLibrary.check(directory: folder.path).filter { $0.severity == .error }
    }

    /// Checks one template source against `variables`, as the library does.
    func check(_ source: String, _ variables: [TemplateCatalog.Variable], text: Bool = false) -> [TemplateProblem] {
        TemplateChecker(file: "t.mustache", template: "t", variables: variables, requiresSubject: text).check(source)
    }

    @Test func theShippedTemplatesPassWithoutErrorsOrWarnings() throws {
        // Templates not yet in the catalog are only a warning (the next test asks for their entries).
        let problems = try TemplateLibrary.check(directory: Self.shipped.path).filter {
            TemplateCatalog.names.contains(($0.file as NSString).lastPathComponent.components(separatedBy: ".")[0])
        }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        let library = try TemplateLibrary(directory: Self.shipped.path)
        #expect(Set(library.names).isSuperset(of: TemplateCatalog.names))
    }

    /// The shipped greeting line, which leaves out an empty name.
    static let greeting = "Hello{{^empty(person.name)}} {{person.name}}{{/empty(person.name)}},"

    @Test func aTypoIsAnErrorNamingTheFileTheLineAndTheVariable() throws {
        let help = try shipped("help.txt.mustache").replacingOccurrences(of: Self.greeting, with: "Hello {{persn.name}},")
        let line = try #require(help.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("persn") }) + 1
        let broken = try folder(["help.txt.mustache": help])
        let problems = try errors(broken)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file.hasSuffix("/help.txt.mustache"))
        #expect(problem.line == line)
        #expect(problem.variable == "persn.name")
        #expect(problem.description.contains("help.txt.mustache:\(line): error: {{persn.name}}"))
        #expect(problem.message.contains("person.name"), "it says what is available")
        #expect(problem.message.contains("status"))

        let error = try #require(throws: MentorMailError.self) { try TemplateLibrary(directory: broken.path) }
        #expect(error.kind == .config)
        #expect(error.message.contains("help.txt.mustache:\(line)"))
        #expect(error.message.contains("persn.name"))
    }

    @Test func aKeyOfAListItemOutsideItsSectionIsAnError() throws {
        let welcome = try shipped("welcome.txt.mustache").replacingOccurrences(of: Self.greeting, with: "Hello {{label}},")
        let problems = try errors(try folder(["welcome.txt.mustache": welcome]))
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.variable == "label")
        #expect(problem.message.contains("inside {{#fields}}"), "\(problem.message)")

        // Inside, the item's keys come first, then the enclosing names, as mustache resolves them.
        let fields = TemplateCatalog.Variable.list("fields", [.text("label"), .text("value")])
        #expect(check("{{#fields}}{{label}} {{value}} {{nextRound}}{{/fields}}", [fields, .text("nextRound")]).isEmpty)
        let inside = check("{{#fields}}\n{{labl}}{{/fields}}", [fields])
        #expect(inside.map(\.line) == [2])
        #expect(inside.first?.message.contains("inside {{#fields}}: label, value") == true)
    }

    @Test func aTextTemplateWithoutSubjectIsAnError() throws {
        let source = try shipped("coordinator-confirm.txt.mustache").replacingOccurrences(of: "Subject: ", with: "")
        let problems = try errors(try folder(["coordinator-confirm.txt.mustache": source]))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("Subject") == true)
        #expect(problems.first?.file.hasSuffix("coordinator-confirm.txt.mustache") == true)
        // After the comment, the Subject line is the first thing.
        #expect(check("{{! Variables: x }}\n\nSubject: {{x}}\n\nBody", [.text("x")], text: true).isEmpty)
        #expect(check("Hello\nSubject: {{x}}\n", [.text("x")], text: true).map(\.line) == [1])
        #expect(check("{{! c }}\n{{x}}\nSubject: a", [.text("x")], text: true).map(\.line) == [2])
    }

    @Test func theLibraryRefusesABrokenFolderAndListsEveryProblem() throws {
        let broken = try folder([
            "welcome.txt.mustache": nil,
            "help.txt.mustache": try shipped("help.txt.mustache") + "{{#fields}}{{/fields}}\n",
            "confirm-address.txt.mustache": "Subject: x\n\n{{#token}}unclosed\n",
            "confirm-address.html.mustache": nil,
        ])
        let error = try #require(throws: MentorMailError.self) { try TemplateLibrary(directory: broken.path) }
        #expect(error.kind == .config)
        #expect(error.exitCode == 78)
        #expect(error.message.contains("3 problems"))
        #expect(error.message.contains("welcome.txt.mustache: error: missing"))
        #expect(error.message.contains("{{#fields}}"))
        #expect(error.message.contains("confirm-address.txt.mustache:"), "\(error.message)")
        #expect(error.message.contains("does not parse"), "\(error.message)")
        // A missing HTML twin, or one without its text template, is only a warning.
        let warnings = try TemplateLibrary.check(directory: broken.path).filter { $0.severity == .warning && !$0.message.contains("catalog") }
        #expect(warnings.map { ($0.file as NSString).lastPathComponent } == ["confirm-address.html.mustache", "welcome.html.mustache"])
    }

    @Test func aTemplateSavedWithWindowsLineEndingsOrABOMIsTheSameText() throws {
        // Every shipped template, as a Windows editor saves it: the same text for the check and the run.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.shipped.path).filter { $0.hasSuffix(".mustache") }
        var changes: [String: String?] = [:]
        for file in files { changes[file] = try shipped(file).replacingOccurrences(of: "\n", with: "\r\n") }
        changes["help.txt.mustache"] = "\u{FEFF}" + (try shipped("help.txt.mustache")).replacingOccurrences(of: "\n", with: "\r\n")
        changes["welcome.txt.mustache"] = try shipped("welcome.txt.mustache").replacingOccurrences(of: "\n", with: "\r")
        let windows = try folder(changes)
        #expect(try errors(windows).isEmpty)
        let library = try TemplateLibrary(directory: windows.path)
        let original = try TemplateLibrary(directory: Self.shipped.path)
        for name in ["help", "welcome", "confirm-address"] {
            let values = TemplateCatalog.standard.sampleValues(for: name)
            let rendered = try library.render(name, values)
            #expect(rendered == (try original.render(name, values)), "\(name)")
            #expect(!rendered.text.contains("\r") && !rendered.subject.contains("\r"))
        }
    }

    @Test func aTemplateThatDropsTheCodeTheReplyNeedsIsAnError() throws {
        let withoutCode = try shipped("confirm-address.txt.mustache")
            .replacingOccurrences(of: " [{{token}}]", with: "")
            .replacingOccurrences(of: "(keep the code\n{{token}} in the subject or the text)", with: "")
        #expect(!withoutCode.contains("{{token}}"))
        let spanish = try shipped("es/match-review.txt.mustache").replacingOccurrences(of: "{{token}}", with: "")
        let broken = try folder(["confirm-address.txt.mustache": withoutCode, "es/match-review.txt.mustache": spanish])
        let problems = try errors(broken)
        #expect(problems.count == 2, "\(problems)")
        let english = try #require(problems.first { $0.file.hasSuffix("/confirm-address.txt.mustache") })
        #expect(english.variable == "token")
        #expect(english.description.contains("{{token}} must stay in the confirm-address mail"), "\(english)")
        #expect(problems.contains { $0.file.hasSuffix("es/match-review.txt.mustache") && $0.variable == "token" })
        // The run refuses to start with it, naming the same.
        let error = try #require(throws: MentorMailError.self) { try TemplateLibrary(directory: broken.path) }
        #expect(error.message.contains("confirm-address.txt.mustache: error: {{token}} must stay"))
        // Kept only in the body is enough; named only in the comment is not.
        let inBody = try shipped("confirm-address.txt.mustache").replacingOccurrences(of: " [{{token}}]", with: "")
        #expect(try errors(try folder(["confirm-address.txt.mustache": inBody])).isEmpty)
        var checker = TemplateChecker(file: "t", template: "t", variables: [.text("token")], requiresSubject: true)
        checker.required = ["token": "the code"]
        #expect(checker.check("{{! token: the code }}\nSubject: a [{{token}}]\n\nb").isEmpty)
        #expect(checker.check("{{! token: the code }}\nSubject: a\n\nb").map(\.variable) == ["token"])
    }

    @Test func anUnclosedSectionIsNamedWhereItOpensAndAPartialIsAnError() throws {
        let form = try shipped("signup-form.txt.mustache")
        let lines = form.split(separator: "\n", omittingEmptySubsequences: false)
        let closing = try #require(lines.lastIndex { $0.contains("{{/") })
        let tag = String(lines[closing].drop { $0 != "{" }.prefix { $0 != "}" }.dropFirst(3))
        let opening = try #require(lines.lastIndex { $0.contains("{{#\(tag)}}") || $0.contains("{{^\(tag)}}") }) + 1
        var broken = lines.map(String.init)
        broken[closing] = broken[closing].replacingOccurrences(of: "{{/\(tag)}}", with: "")
        let problems = try errors(try folder(["signup-form.txt.mustache": broken.joined(separator: "\n")]))
        let problem = try #require(problems.first { $0.file.hasSuffix("/signup-form.txt.mustache") })
        #expect(problem.line == opening, "\(problem)")
        #expect(problem.message.contains("opened on line \(opening) is never closed: add {{/\(tag)}}"), "\(problem)")

        let partial = try shipped("help.txt.mustache").replacingOccurrences(of: Self.greeting, with: "{{> greeting}}")
        let partials = try errors(try folder(["help.txt.mustache": partial]))
        #expect(partials.count == 1 && partials[0].message.hasPrefix("{{>greeting}}: a mail template cannot include another template"), "\(partials)")
    }

    @Test func aLanguageFolderNamedInCapitalsIsRead() throws {
        let templates = try folder()
        try FileManager.default.moveItem(at: templates.appendingPathComponent("es"), to: templates.appendingPathComponent("ES"))
        #expect(try TemplateLibrary(directory: templates.path).languages == ["es"])
        let edited = try shipped("es/help.txt.mustache").replacingOccurrences(of: "{{status}}", with: "{{estado}}")
        try edited.write(to: templates.appendingPathComponent("ES/help.txt.mustache"), atomically: true, encoding: .utf8)
        #expect(try errors(templates).contains { $0.file.hasSuffix("ES/help.txt.mustache") && $0.variable == "estado" })
    }

    @Test func tagsAreReadLikeMustacheReadsThem() {
        let variables: [TemplateCatalog.Variable] = [
            .object("person", [.text("name")]), .list("added"), .flag("done"), .text("token"),
        ]
        // Triple, ampersand, comments, pragmas, transforms and changed delimiters.
        #expect(check("""
            {{! {{nothing}} }}{{% CONTENT_TYPE: TEXT}}{{{person.name}}} {{& token }}
            {{#added}}{{.}}{{#first()}}*{{/first()}}{{/added}} {{^empty(person.name)}}{{person.name}}{{/empty(person.name)}}
            {{#person}}{{name}}{{.name}}{{/person}}{{#done}}{{token}}{{/done}}{{#person.name}}{{.}}{{person.name}}{{/person.name}}
            {{=<% %>=}}<% token %><%={{ }}=%>{{token}}
            """, variables).isEmpty)

        let problems = check("""
            {{.}} {{person}} {{added}}
            {{#done}}{{.}}{{/done}} {{emtpy(token)}} {{index()}}
            {{person.nam}} {{#person}}{{.token}}{{/person}}
            {{=<% %>=}}<% tokn %> {{tokn}}
            """, variables)
        #expect(problems.map(\.line) == [1, 1, 1, 2, 2, 2, 3, 3, 4], "\(problems.map(\.description))")
        #expect(problems.map(\.variable) == [".", "person", "added", ".", "token", "", "person.nam", ".token", "tokn"])
        #expect(problems[6].message.contains("its keys are name"))
        #expect(check("{{#token}}", [.text("token")]).isEmpty, "unclosed sections are the parser's to report")
        #expect(check("a\n{{token", [.text("token")]).map(\.line) == [2])
    }

    @Test func everyTemplateRendersWithSampleValues() throws {
        let library = try TemplateLibrary(directory: Self.shipped.path)
        for name in TemplateCatalog.names {
            for flags in [true, false] {
                let values = TemplateCatalog.standard.sampleValues(for: name, flags: flags)
                let rendered = try library.render(name, values)
                #expect(!rendered.subject.isEmpty && !rendered.subject.contains("{{"), "\(name)")
                #expect(!rendered.text.contains("{{") && !rendered.text.contains("}}"), "\(name): \(rendered.text)")
                let html = try #require(rendered.html, "\(name) has an HTML twin")
                #expect(!html.contains("{{") && !html.contains("}}"), "\(name): \(html)")
                #expect(rendered.text.contains("«program.name»") && html.contains("«program.name»"), "\(name)")
                #expect(!flags || !rendered.text.contains("\n\n\n"), "\(name) has no runs of blank lines:\n\(rendered.text)")
            }
        }
    }

    @Test func theHTMLTwinsEscapeWhatTheTextKeeps() throws {
        let library = try TemplateLibrary(directory: Self.shipped.path)
        for name in TemplateCatalog.names {
            let values = TemplateCatalog.standard.sampleValues(for: name) { "<\($0)>" }
            let rendered = try library.render(name, values)
            let html = try #require(rendered.html)
            #expect(rendered.text.contains("<program.address>"), "\(name): text is not escaped")
            #expect(html.contains("&lt;program.address&gt;"), "\(name)")
            #expect(!html.contains("<program.") && !html.contains("<person.") && !html.contains("<token>"), "\(name): \(html)")
        }
    }

    @Test func theEmptyNameOfASenderLeavesNoGap() throws {
        let library = try TemplateLibrary(directory: Self.shipped.path)
        for name in ["signup-form", "participation-changed"] {
            var values = TemplateCatalog.standard.sampleValues(for: name, flags: false)
            values["person"] = ["name": ""]
            let rendered = try library.render(name, values)
            #expect(rendered.text.hasPrefix("Hello,\n"), "\(name): \(rendered.text)")
            #expect(rendered.html?.contains("<p>Hello,</p>") == true, "\(name)")
        }
    }

    /// Finding: "Hello ," when the From had no name and the form no Name line. Every mail that
    /// greets a person, in every language, text and HTML.
    @Test func noGreetingLeavesAGapForAnEmptyName() throws {
        let library = try TemplateLibrary(directory: Self.shipped.path)
        for name in TemplateCatalog.names {
            for language in [nil, "es"] as [String?] {
                for flags in [true, false] {
                    var values = TemplateCatalog.standard.sampleValues(for: name, flags: flags)
                    guard values["person"] != nil else { continue }
                    values["person"] = ["name": ""]
                    let rendered = try library.render(name, values, language: language)
                    for body in [rendered.text, rendered.html ?? ""] {
                        for gap in ["Hello ,", "Hello  ", "Hola, :", "Hola :", "Hola, ,"] {
                            #expect(!body.contains(gap), "\(name) \(language ?? "en"): \(gap)")
                        }
                    }
                }
            }
        }
    }

    /// Mails with one case out of several (exactly one flag is true) keep one blank line between parts.
    @Test func eachCaseOfAMailIsLaidOutWithoutExtraBlankLines() throws {
        let library = try TemplateLibrary(directory: Self.shipped.path)
        let cases = [
            "participation-changed": ["paused", "resumed", "withdrawn", "erased", "unknown", "addressChangeRequested", "addressRefused"],
            "address-changed": ["done", "invalid"],
        ]
        for (name, flags) in cases {
            for flag in flags {
                var values = TemplateCatalog.standard.sampleValues(for: name, flags: false)
                values[flag] = true
                let text = try library.render(name, values).text
                #expect(!text.contains("\n\n\n") && text.contains(".\n\n-- \n"), "\(name), \(flag):\n\(text)")
            }
        }
    }

    /// The catalog is read from the mail types, not from source text: each kind's entry is its
    /// type's properties, with `program`, and `replySubject` for answers.
    @Test func theCatalogIsReadFromTheMailTypes() throws {
        #expect(Set(TemplateCatalog.names) == Set(MailKind.allCases.map(\.template)))
        let review = try #require(TemplateCatalog.standard.entries["match-review"])
        #expect(review.map(\.name) == ["round", "algorithm", "token", "pairCount", "unmatchedCount", "totalScore", "pairs",
                                         "unmatched", "hasUnmatched", "program"])
        let pairs = try #require(review.first { $0.name == "pairs" })
        #expect(pairs.kind == .list)
        #expect(pairs.children.map(\.name) == ["mentee", "menteeEmail", "mentor", "mentorEmail", "score", "why", "caution"])
        #expect(review.first { $0.name == "hasUnmatched" }?.kind == .flag)
        let received = try #require(TemplateCatalog.standard.entries["profile-received"])
        #expect(received.contains(.text("replySubject")), "answers get the reply subject")
        #expect(received.first { $0.name == "round" }?.kind == .object, "an optional struct is an object")
        #expect(received.first { $0.name == "notes" } == .list("notes"), "a list of texts")
        #expect(!review.contains(.text("replySubject")), "mail that starts a thread has no reply subject")
        for kind in MailKind.allCases {
            #expect(kind.contentType.kind == kind, "\(kind.contentType) says it is \(kind.contentType.kind)")
            #expect(try kind.variables().isEmpty == false)
        }
    }

    /// A sample of each type renders through its templates with every value filled in.
    @Test func everyMailTypeRendersThroughItsTemplates() throws {
        let library = try TemplateLibrary(directory: Self.shipped.path)
        let program = ProgramInfo(Config.Program(name: "P", address: "p@example.org", coordinators: ["c@example.org"],
                                                 database: "db", templates: "t"))
        for kind in MailKind.allCases {
            let sample = try MailShape.read(kind.contentType, options: .init(text: { "<\($0)>" }, flags: true)).sample
            let rendered = try library.render(kind.template, sample.templateValues(program: program, replySubject: "Re: x"))
            #expect(!rendered.subject.isEmpty, "\(kind)")
            #expect(rendered.html != nil, "\(kind) has an HTML twin")
            #expect(rendered.text.contains("<") || kind == .signupForm, "\(kind) shows its values:\n\(rendered.text)")
        }
    }

    // MARK: - The command

    func config(templates: URL) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("mentormail.toml")
        try """
            [program]
            name = "Test Mentoring"
            address = "mentoring@example.org"
            coordinators = ["coordinator@example.org"]
            templates = "\(templates.path)"
            [mailbox]
            url = "maildir:mailbox"
            [smtp]
            url = "dir:outbox"
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func checkTemplatesExitsWith78AndListsTheProblems() throws {
        let fine = try CommandRunner.run(["check-templates", "--config", try config(templates: Self.shipped).path])
        #expect(fine.status == 0, "\(fine.stdout)\(fine.stderr)")
        #expect(fine.stdout.contains("OK: the \(TemplateCatalog.names.count) mails") || fine.stdout.contains(": 0 errors,"), "\(fine.stdout)")

        let help = try shipped("help.txt.mustache").replacingOccurrences(of: "{{status}}", with: "{{stat}}")
        let line = try #require(help.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{{stat}}") }) + 1
        let broken = try config(templates: try folder(["help.txt.mustache": help, "welcome.html.mustache": nil]))
        let result = try CommandRunner.run(["check-templates", "--config", broken.path])
        #expect(result.status == 78)
        #expect(result.stdout.contains("help.txt.mustache:\(line): error: {{stat}}: the help mail is not given \"stat\""), "\(result.stdout)")
        #expect(result.stdout.contains("welcome.html.mustache: warning: missing"))
        #expect(result.stdout.contains(": 1 error, "), "\(result.stdout)")

        let json = try CommandRunner.run(["check-templates", "--config", broken.path, "--json"])
        #expect(json.status == 78)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.first { $0["severity"] as? String == "error" }?["variable"] as? String == "stat")
        #expect(problems.first { $0["severity"] as? String == "error" }?["line"] as? Int == line)
    }
}
