import Foundation
import Mustache

/// The mail templates of `templates/`, editable by coordinators, with their translations in
/// subfolders named by language code (`templates/es/` for Spanish), each checked the same way.
/// A mail a translation lacks goes out in English.
///
/// Each mail has `NAME.txt.mustache` (required) and `NAME.html.mustache` (optional). The text
/// template begins with a `Subject:` line and a blank line; the rest is the body. A comment
/// at the top of each file lists the variables it may use.
public struct TemplateLibrary: Sendable {
    public struct Rendered: Sendable, Equatable {
        public var subject: String
        public var text: String
        public var html: String?
    }

    private let directory: String
    private let templates: [String: (text: LoadedTemplate, html: LoadedTemplate?)]
    /// Language code → its templates.
    private let translations: [String: [String: (text: LoadedTemplate, html: LoadedTemplate?)]]
    /// By `key(language, name)`: the sections a template lacks (``TemplateCatalog/sections``)
    /// and the shipped one that words those cases.
    private let fallbacks: [String: SectionFallback]

    private struct SectionFallback: Sendable {
        var missing: Set<String>
        var shipped: (text: LoadedTemplate, html: LoadedTemplate?)
        /// The language of `shipped`: nil when it is the main (English) one.
        var language: String?
    }

    /// The languages with templates of their own, besides English.
    public var languages: [String] { translations.keys.sorted() }

    /// Loads and parses every template in `directory`, and checks each against `catalog`: a
    /// template that uses a value the workflow does not give it, a missing template, a text
    /// template without a `Subject:` line or one that does not parse is a config error, so
    /// that `mentormail process` refuses to start rather than send a mail with a blank in it.
    /// A file byte for byte as shipped is known to pass: it is parsed only when first rendered,
    /// as a run sends only a few of the mails (parsing them all took most of an idle run).
    public init(directory: String, catalog: TemplateCatalog = .standard) throws {
        let shipped = Self.shippedFiles(for: catalog)
        let loaded = try Self.load(directory: directory, catalog: catalog, shipped: shipped)
        var translations: [String: [String: (text: LoadedTemplate, html: LoadedTemplate?)]] = [:]
        var problems = loaded.problems
        var fallbacks = Self.fallbacks(loaded.missingSections, folder: nil)
        for language in Self.languageFolders(in: directory) {
            let translated = try Self.load(directory: (directory as NSString).appendingPathComponent(language), catalog: catalog,
                                           translation: true, shipped: shipped, shippedPrefix: language + "/")
            problems += translated.problems
            // Of two folders with one code ("pt-BR", "pt_br") the first is used; check-templates says so.
            if translations[Self.code(ofFolder: language)] == nil {
                translations[Self.code(ofFolder: language)] = translated.templates
                fallbacks.merge(Self.fallbacks(translated.missingSections, folder: language)) { first, _ in first }
            }
        }
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw MentorMailError(.config, """
                \(errors.count == 1 ? "a mail template has a problem" : "the mail templates have \(errors.count) problems") \
                (`mentormail check-templates` lists them):
                \(errors.map { "  \($0)" }.joined(separator: "\n"))
                """)
        }
        self.directory = directory
        self.templates = loaded.templates
        self.translations = translations
        self.fallbacks = fallbacks
    }

    /// The shipped templates that word the cases `missing` names, for the templates of `folder`
    /// (nil: the main folder): the shipped ones of the same folder, else the main shipped ones,
    /// whichever has every section missing.
    private static func fallbacks(_ missing: [String: Set<String>], folder: String?) -> [String: SectionFallback] {
        guard !missing.isEmpty else { return [:] }
        let shipped = Dictionary(ShippedTemplates.builtIn.map { ($0.path, $0.contents) }) { first, _ in first }
        func template(_ path: String, text: Bool) -> (MustacheTemplate, Set<String>)? {
            guard let data = shipped[path], let source = String(data: data, encoding: .utf8).map(normalized),
                  let parsed = try? MustacheTemplate(string: (text ? "{{% CONTENT_TYPE: TEXT}}" : "") + source) else { return nil }
            return (parsed, sectionNames(in: source))
        }
        var result: [String: SectionFallback] = [:]
        for (name, sections) in missing {
            for prefix in Set([folder.map { $0 + "/" } ?? "", ""]).sorted(by: >) {
                guard let (text, textSections) = template(prefix + name + ".txt.mustache", text: true), sections.isSubset(of: textSections) else { continue }
                let html = template(prefix + name + ".html.mustache", text: false)
                result[key(folder.map(code(ofFolder:)), name)] = SectionFallback(missing: sections, shipped: (LoadedTemplate(text), html.map { LoadedTemplate($0.0) }),
                                                                                   language: prefix.isEmpty ? nil : folder.map(code(ofFolder:)))
                break
            }
        }
        return result
    }

    private static func key(_ language: String?, _ name: String) -> String { (language ?? "") + "/" + name }

    /// The names of the sections (`{{#x}}`, `{{^x}}`) of a template's source.
    static func sectionNames(in source: String) -> Set<String> {
        var names: Set<String> = []
        MustacheTagScanner.scan(source, text: { _, _ in }, tag: { tag in
            if tag.kind == .section || tag.kind == .invertedSection { names.insert(tag.nameAndTransforms.name) }
        })
        return names
    }

    /// Whether a flag named `name` is on anywhere in `values` (in a list's items, an object's keys).
    private static func isOn(_ name: String, in value: Any) -> Bool {
        if let dictionary = value as? [String: Any] {
            if dictionary[name] as? Bool == true { return true }
            return dictionary.values.contains { isOn(name, in: $0) }
        }
        if let list = value as? [Any] { return list.contains { isOn(name, in: $0) } }
        return false
    }

    /// The templates a reader of `code` ("es", "pt-br", as a "Mail language:" line or their
    /// writing gives it) gets: the folder of that code, else of its language ("pt" for "pt-br"),
    /// else the first folder of another region of its language ("pt-br" for "pt"); nil means the
    /// main (English) templates, which are also the English readers' plain folder.
    public func language(for code: String?) -> String? {
        Self.folder(for: code, among: languages)
    }

    static func folder(for code: String?, among folders: [String]) -> String? {
        guard let code = code.map(Self.code(ofFolder:)), !code.isEmpty else { return nil }
        if folders.contains(code) { return code }
        let base = Self.baseLanguage(code)
        if base == "en" { return nil }
        if folders.contains(base) { return base }
        return folders.sorted().first { Self.baseLanguage($0) == base }
    }

    /// A folder's name as a code: lowercase, "-" between language and region ("pt_BR" → "pt-br").
    static func code(ofFolder name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// The language of a code, without its region ("pt" of "pt-br").
    static func baseLanguage(_ code: String) -> String {
        String(code.split(separator: "-").first ?? "")
    }

    /// Which readers each language folder of `directory` serves, in words, folder by folder:
    /// what `mentormail check-templates` says of them.
    public static func readers(in directory: String) -> [(folder: String, readers: String)] {
        let folders = languageFolders(in: directory)
        var said: [(folder: String, readers: String)] = []
        for (index, folder) in folders.enumerated() {
            let code = Self.code(ofFolder: folder), base = baseLanguage(code)
            if let same = folders[..<index].first(where: { Self.code(ofFolder: $0) == code }) {
                said.append((folder, "never used: \(same)/ has the same language code, and it is the one used"))
                continue
            }
            guard let language = LanguageNames.englishName(for: base) else {
                said.append((folder, "never used: “\(base)” is not a language code (ISO 639-1, e.g. es, pt, or with a region: pt-BR)"))
                continue
            }
            let name = Locale(identifier: "en").localizedString(forIdentifier: code) ?? language
            let choice = "Mail language: \(code.count > 2 ? String(code.prefix(2)) + "-" + code.dropFirst(3).uppercased() : code)"
            if base == "en" {
                said.append((folder, "read only by people who choose it with “\(choice)”; other English readers get the main templates"))
            } else if code == base {
                said.append((folder, "read by everyone whose mail is in \(language) (written in it, or “\(choice)”), whatever their region, unless a folder of their region exists"))
            } else if Self.folder(for: base, among: folders.map(Self.code(ofFolder:))) == code {
                said.append((folder, "read by people who choose \(name) (“\(choice)”), and by every other reader of \(language) without a folder of their own: there is no \(base)/ folder"))
            } else {
                said.append((folder, "read only by people who choose \(name) with “\(choice)”"))
            }
        }
        return said
    }

    /// Subfolders named like a language code ("es", "pt", "pt-br", "pt-BR", "pt_BR": read as
    /// lowercase, with "-") that hold templates.
    static func languageFolders(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            let parts = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
            var isFolder: ObjCBool = false
            return (1...2).contains(parts.count) && parts[0].count == 2
                && name.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" || $0 == "_" }
                && FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    /// Every problem of the templates in `directory` (errors and warnings), without loading them
    /// for use; `mentormail check-templates`. Throws only when the folder cannot be read.
    public static func check(directory: String, catalog: TemplateCatalog = .standard) throws -> [TemplateProblem] {
        var problems = try load(directory: directory, catalog: catalog).problems
        for language in languageFolders(in: directory) {
            problems += try load(directory: (directory as NSString).appendingPathComponent(language), catalog: catalog,
                                 translation: true).problems
        }
        return problems
    }

    public var names: [String] { templates.keys.sorted() }

    /// Renders one mail, in `language` when there is a translation of it. Fails when the
    /// template is missing or has no `Subject:` line.
    /// A case whose section the template lacks (copied before the case was added) is rendered
    /// from the shipped template instead, never worded as another case.
    /// Dates among `values` (``MailDate``) are worded in the language of the template used: a
    /// mail the translation lacks goes out in English, with English dates.
    public func render(_ name: String, _ values: [String: Any], language: String? = nil) throws -> Rendered {
        let translated = language.flatMap { translations[$0]?[name] != nil ? $0 : nil }
        guard var template = translated.flatMap({ translations[$0]?[name] }) ?? templates[name] else {
            throw MentorMailError(.config, "the template \(name).txt.mustache is missing from \(directory)")
        }
        var used = translated
        if let fallback = fallbacks[Self.key(translated, name)], fallback.missing.contains(where: { Self.isOn($0, in: values) }) {
            template = fallback.shipped
            used = fallback.language
        }
        let values = values.mapValues { MailTime.worded($0, language: used) }
        guard let (subject, text) = Self.subjectAndBody(try template.text.parsed().render(values)) else {
            throw MentorMailError(.config, "\(directory)/\(name).txt.mustache must begin with a \"Subject: …\" line")
        }
        return Rendered(subject: subject, text: text, html: try template.html?.parsed().render(values))
    }

    /// A rendered text template's Subject line and body; nil when it does not begin with a Subject line.
    private static func subjectAndBody(_ rendered: String) -> (subject: String, body: String)? {
        // Lines are taken off the front; the body stays one piece of the rendered text.
        var rest: Substring? = rendered[...]
        var line = Self.takeLine(&rest)
        while let blank = line, blank.trimmingCharacters(in: .whitespaces).isEmpty { line = Self.takeLine(&rest) }
        guard let first = line, first.lowercased().hasPrefix("subject:") else { return nil }
        let subject = first.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
        var afterBlank = rest
        if let blank = Self.takeLine(&afterBlank), blank.trimmingCharacters(in: .whitespaces).isEmpty { rest = afterBlank }
        return (subject, Self.trimmingNewlines(String(rest ?? "")) + "\n")
    }

    /// A template file's text as the program reads it: Windows (CRLF) and old Mac (CR) line
    /// endings become "\n", and a byte order mark at the start is dropped, so a file saved by any
    /// editor is the same template.
    static func normalized(_ source: String) -> String {
        var text = source.hasPrefix("\u{FEFF}") ? String(source.dropFirst()) : source
        guard text.unicodeScalars.contains("\r") else { return text }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return text
    }

    /// The first line of `text` (up to a "\n"), leaving what follows it; nil when no line is left
    /// (as `split(separator: "\n", omittingEmptySubsequences: false)` cuts it).
    private static func takeLine(_ text: inout Substring?) -> Substring? {
        guard let whole = text else { return nil }
        guard let end = whole.firstIndex(of: "\n") else {
            text = nil
            return whole
        }
        text = whole[whole.index(after: end)...]
        return whole[..<end]
    }

    /// `text.trimmingCharacters(in: .newlines)` on the scalars, without bridging the whole body.
    static func trimmingNewlines(_ text: String) -> String {
        let isNewline = { (scalar: Unicode.Scalar) in (0x0A...0x0D).contains(scalar.value) || [0x85, 0x2028, 0x2029].contains(scalar.value) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isNewline($0) }), let last = scalars.lastIndex(where: { !isNewline($0) }) else { return "" }
        return String(scalars[first...last])
    }

    private struct Loaded {
        var templates: [String: (text: LoadedTemplate, html: LoadedTemplate?)] = [:]
        var problems: [TemplateProblem] = []
        /// By template name: the sections the catalog requires that its text or HTML lacks.
        var missingSections: [String: Set<String>] = [:]
    }

    /// The shipped templates by path ("help.txt.mustache", "es/help.txt.mustache") when
    /// `catalog` is the one they were built for; none for another catalog.
    private static func shippedFiles(for catalog: TemplateCatalog) -> [String: Data] {
        guard catalog == .standard else { return [:] }
        return Dictionary(ShippedTemplates.builtIn.map { ($0.path, $0.contents) }) { first, _ in first }
    }

    /// Reads each template file once: parses it and checks its tags against the catalog. In a
    /// translation a missing mail is only a warning: it goes out in English. A file the same
    /// as `shipped[shippedPrefix + file]` is only read: its parse waits for its first use.
    private static func load(directory: String, catalog: TemplateCatalog, translation: Bool = false,
                             shipped: [String: Data] = [:], shippedPrefix: String = "") throws -> Loaded {
        let files: Set<String>
        do {
            files = Set(try FileManager.default.contentsOfDirectory(atPath: directory))
        } catch {
            throw MentorMailError(.config, "cannot read the templates folder \(directory): set [program] templates in the config")
        }
        var loaded = Loaded()
        func path(_ file: String) -> String { (directory as NSString).appendingPathComponent(file) }
        for file in files.sorted() where file.hasSuffix(".txt.mustache") {
            let name = String(file.dropLast(".txt.mustache".count))
            let htmlFile = "\(name).html.mustache"
            if let text = asShipped(path(file), shipped[shippedPrefix + file], prefix: "{{% CONTENT_TYPE: TEXT}}") {
                let html = files.contains(htmlFile) ? asShipped(path(htmlFile), shipped[shippedPrefix + htmlFile], prefix: "") : nil
                if !files.contains(htmlFile) || html != nil {
                    loaded.templates[name] = (text, html)
                    continue
                }
            }
            let variables = catalog.entries[name]
            if variables == nil {
                loaded.problems.append(TemplateProblem(.warning, file: path(file),
                    "\(name) is not in the template catalog (TemplateCatalog.standard), so its variables are not checked"))
            }
            // Plain text must not be HTML-escaped: switch the content type for .txt templates.
            let sections = catalog.sections[name] ?? [:]
            let text = parse(path(file), prefix: "{{% CONTENT_TYPE: TEXT}}", variables: variables, template: name,
                             requiresSubject: true, required: catalog.required[name] ?? [:], sections: sections, problems: &loaded.problems)
            var html: MustacheTemplate?
            if files.contains(htmlFile) {
                html = parse(path(htmlFile), prefix: "", variables: variables, template: name, requiresSubject: false,
                             sections: sections, problems: &loaded.problems)
            } else if variables != nil {
                loaded.problems.append(TemplateProblem(.warning, file: path(htmlFile),
                    "missing: the \(name) mail goes out as plain text only; copy \(file) to \(htmlFile) and mark it up"))
            }
            // That case goes out with the shipped wording until the section is added.
            let own = Set([file, htmlFile].map(path))
            let missing = Set(loaded.problems.filter { $0.isMissingSection && own.contains($0.file) }.compactMap(\.variable))
            if !missing.isEmpty { loaded.missingSections[name] = missing }
            if let text {
                loaded.templates[name] = (LoadedTemplate(text), html.map(LoadedTemplate.init))
                // What the run does with it: rendered, it must still begin with its Subject line.
                if variables != nil, !loaded.problems.contains(where: { $0.file == path(file) && $0.severity == .error }),
                   [true, false].contains(where: { subjectAndBody(text.render(catalog.sampleValues(for: name, flags: $0))) == nil }) {
                    loaded.problems.append(TemplateProblem(.error, file: path(file),
                        "once filled in, it does not begin with its \"Subject: …\" line: put nothing but the {{! … }} comment above it"))
                }
            }
        }
        for name in catalog.names where !files.contains("\(name).txt.mustache") {
            if translation {
                loaded.problems.append(TemplateProblem(.warning, file: path("\(name).txt.mustache"),
                    "missing: the \(name) mail goes out in English to people who read this language"))
            } else {
                loaded.problems.append(TemplateProblem(.error, file: path("\(name).txt.mustache"),
                    "missing: the program sends the \(name) mail, with \(TemplateChecker.flatten(catalog.entries[name] ?? []).joined(separator: ", "))"))
            }
        }
        for file in files.sorted() where file.hasSuffix(".html.mustache") {
            let name = String(file.dropLast(".html.mustache".count))
            if !files.contains("\(name).txt.mustache") {
                loaded.problems.append(TemplateProblem(.warning, file: path(file),
                    "never used: there is no \(name).txt.mustache (the text version is required, and holds the Subject)"))
            }
        }
        loaded.problems.sort { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        return loaded
    }

    /// The file at `path`, to be parsed when first used, when it holds `shipped` byte for byte
    /// (it is known to parse and to pass every check); nil for any other file.
    private static func asShipped(_ path: String, _ shipped: Data?, prefix: String) -> LoadedTemplate? {
        guard let shipped, let data = FileManager.default.contents(atPath: path), data == shipped,
              let source = String(data: data, encoding: .utf8) else { return nil }
        return LoadedTemplate(source: prefix + normalized(source))
    }

    /// Parses and checks one file; `nil` (with a problem) when it cannot be read or parsed.
    private static func parse(_ path: String, prefix: String, variables: [TemplateCatalog.Variable]?, template: String,
                              requiresSubject: Bool, required: [String: String] = [:], sections: [String: String] = [:],
                              problems: inout [TemplateProblem]) -> MustacheTemplate? {
        guard let read = try? String(contentsOfFile: path, encoding: .utf8) else {
            problems.append(TemplateProblem(.error, file: path, "cannot be read as UTF-8 text"))
            return nil
        }
        let source = normalized(read)
        let parsed: MustacheTemplate
        do {
            parsed = try MustacheTemplate(string: prefix + source)
        } catch let error as MustacheTemplate.ParserError {
            if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error,
               let opened = MustacheTagScanner.unclosedSections(source).last {
                // Named where it was opened: the end of the file, where the parser notices, says nothing.
                problems.append(TemplateProblem(.error, file: path, line: opened.line,
                    "does not parse: \(opened.written) opened on line \(opened.line) is never closed: add {{/\(opened.content)}} where its part ends"))
                return nil
            }
            let column = error.context.columnNumber - (error.context.lineNumber == 1 ? prefix.count : 0)
            problems.append(TemplateProblem(.error, file: path, line: error.context.lineNumber,
                "does not parse (column \(column)): \(describe(error.error)): \(error.context.line.trimmingWhitespace())"))
            return nil
        } catch {
            problems.append(TemplateProblem(.error, file: path, "does not parse: \(error)"))
            return nil
        }
        var checker = TemplateChecker(file: path, template: template, variables: variables, requiresSubject: requiresSubject)
        if requiresSubject { checker.required = required }
        checker.requiredSections = sections
        problems += checker.check(source)
        return parsed
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "this {{/…}} does not close the section that is open"
        case .unfinishedName?: "a tag is not closed, or its name has characters mustache does not allow"
        case .expectedSectionEnd?: "a section opened with {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter?: "a {{=… …=}} tag is malformed"
        default: "\(error)"
        }
    }
}


/// A template ready to render: parsed when loaded, or (a shipped one) when first rendered.
final class LoadedTemplate: @unchecked Sendable {
    private let lock = NSLock()
    private let source: String?
    private var template: MustacheTemplate?

    init(_ parsed: MustacheTemplate) {
        source = nil
        template = parsed
    }

    init(source: String) {
        self.source = source
    }

    func parsed() throws -> MustacheTemplate {
        lock.lock()
        defer { lock.unlock() }
        if let template { return template }
        let parsed = try MustacheTemplate(string: source ?? "")
        template = parsed
        return parsed
    }
}
