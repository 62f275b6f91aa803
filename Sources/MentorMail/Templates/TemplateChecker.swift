import Foundation

/// Something wrong with a template: an error stops `mentormail process` from starting.
public struct TemplateProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public var severity: Severity
    /// The template file's path.
    public var file: String
    /// The 1-based line, when the problem is on one.
    public var line: Int?
    /// The name as written in the tag, when the problem is a variable.
    public var variable: String?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, variable: String? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.variable = variable
        self.message = message
    }

    /// How the warning of a template without a section the program needs begins.
    public static let lacksSection = "lacks the section"

    /// Whether this is such a warning (`variable` names the section).
    public var isMissingSection: Bool { message.hasPrefix(Self.lacksSection) }

    /// `templates/help.txt.mustache:14: error: …`, the way compilers print it.
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)" }
}

/// Checks the tags of one template against the variables the workflow gives it, resolving each
/// name the way mustache does: inside a section first against the section's value (the keys of
/// a list's items, of an object), then against the enclosing sections' and the template's.
struct TemplateChecker {
    typealias Variable = TemplateCatalog.Variable

    /// The template's path, for messages.
    let file: String
    /// The template's name, for messages (`help`).
    let template: String
    /// What the workflow gives it; `nil` checks only the Subject line.
    let variables: [Variable]?
    /// Text templates begin with a `Subject:` line.
    let requiresSubject: Bool
    /// Variables the template must print, each with why (``TemplateCatalog/required``).
    var required: [String: String] = [:]
    /// Sections the template must have, each with the case it words (``TemplateCatalog/sections``):
    /// each one missing is a warning.
    var requiredSections: [String: String] = [:]

    /// What a section makes available.
    private enum Scope {
        /// A list item, an object or a text: `names` resolve against it, and `{{.}}` is its value.
        case value(names: [Variable], label: String, isListItem: Bool)
        /// A flag or an inverted section: the enclosing context, unchanged.
        case transparent
        /// A section on an unknown name (already reported): anything goes inside.
        case unknown
    }

    private enum Resolution {
        case found(Variable)
        case unknown
        case missing(String)
    }

    private static let transforms: [String: Variable.Kind?] = [
        "empty": .flag, "equalzero": .flag, "even": .flag, "odd": .flag,
        "count": .text, "plusone": .text, "minusone": .text, "index": .text,
        "capitalized": .text, "lowercased": .text, "uppercased": .text,
        "first": nil, "last": nil, "reversed": .list, "sorted": .list, "enumerated": .list,
    ]

    /// All the problems of `source`, in one pass over it.
    /// - Complexity: O(*n* · *d*) for *n* characters and sections nested *d* deep.
    func check(_ source: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        var stack: [(name: String, scope: Scope)] = []
        var sawContent = false
        var printed: Set<String> = []
        var sections: Set<String> = []

        func firstContent(isSubject: Bool, line: Int) {
            guard requiresSubject, !sawContent else { return }
            sawContent = true
            if !isSubject {
                problems.append(TemplateProblem(.error, file: file, line: line,
                    "a text template must begin with a \"Subject: …\" line (after its {{! … }} comment), then a blank line, then the body"))
            }
        }

        let unclosed = MustacheTagScanner.scan(source, text: { text, line in
            guard !sawContent, let start = text.firstIndex(where: { !$0.isWhitespace }) else { return }
            let skipped = text[..<start].reduce(0) { $1.isNewline ? $0 + 1 : $0 }
            firstContent(isSubject: text[start...].lowercased().hasPrefix("subject:"), line: line + skipped)
        }, tag: { tag in
            switch tag.kind {
            case .comment, .pragma, .setDelimiters: return
            case .partial:
                firstContent(isSubject: false, line: tag.line)
                problems.append(TemplateProblem(.error, file: file, line: tag.line,
                    "\(tag.written): a mail template cannot include another template (it would print nothing): write the text here instead"))
                return
            case .close:
                if !stack.isEmpty { stack.removeLast() }
                return
            case .parent, .block:
                stack.append((tag.content, .transparent))
                return
            case .variable, .unescaped, .section, .invertedSection:
                firstContent(isSubject: false, line: tag.line)
            }
            if tag.kind == .variable || tag.kind == .unescaped { printed.insert(tag.nameAndTransforms.name) }
            if tag.kind == .section || tag.kind == .invertedSection { sections.insert(tag.nameAndTransforms.name) }
            guard variables != nil else {
                if tag.kind == .section || tag.kind == .invertedSection { stack.append((tag.content, .unknown)) }
                return
            }
            let written = tag.kind == .unescaped ? "{{{\(tag.content)}}}" : "{{\(tag.kind == .section ? "#" : tag.kind == .invertedSection ? "^" : "")\(tag.content)}}"
            let variable: Variable?
            switch resolve(tag, in: stack) {
            case .found(let found): variable = found
            case .unknown: variable = nil
            case .missing(let why):
                problems.append(TemplateProblem(.error, file: file, line: tag.line, variable: tag.nameAndTransforms.name,
                                                "\(written): \(why)"))
                if tag.kind == .section || tag.kind == .invertedSection { stack.append((tag.content, .unknown)) }
                return
            }
            switch tag.kind {
            case .section:
                stack.append((tag.content, variable.map { scope(of: $0, label: tag.content) } ?? .unknown))
            case .invertedSection:
                stack.append((tag.content, .transparent))
            default:
                if let variable, variable.kind == .object || variable.kind == .list {
                    let keys = variable.children.map(\.name).joined(separator: ", ")
                    let what = variable.kind == .object
                        ? "a group of values (\(keys)): print one of them, e.g. {{\(tag.content).\(variable.children.first?.name ?? "name")}}"
                        : "a list: go through it with {{#\(tag.content)}}…{{/\(tag.content)}}\(keys.isEmpty ? "" : " and use \(keys) inside")"
                    problems.append(TemplateProblem(.error, file: file, line: tag.line, variable: tag.content, "\(written): \(tag.content) is \(what)"))
                }
            }
        })
        if let unclosed {
            problems.append(TemplateProblem(.error, file: file, line: unclosed, "a tag opened here is never closed"))
        }
        for (name, why) in required.sorted(by: { $0.key < $1.key }) where !printed.contains(name) {
            problems.append(TemplateProblem(.error, file: file, variable: name,
                "{{\(name)}} must stay in the \(template) mail: it is \(why). Put it back (the shipped template has it in the Subject line)"))
        }
        for (section, use) in requiredSections.sorted(by: { $0.key < $1.key }) where !sections.contains(section) {
            problems.append(TemplateProblem(.warning, file: file, variable: section,
                "\(TemplateProblem.lacksSection) {{#\(section)}}…{{/\(section)}} for \(use) (it was copied before that case existed): "
                    + "until it has it, that case goes out with the shipped wording. Copy the section from the shipped "
                    + "template: `mentormail init --config NEW/mentormail.toml` writes them all into NEW/templates"))
        }
        if requiresSubject, !sawContent {
            problems.append(TemplateProblem(.error, file: file, "the template is empty: it needs a \"Subject: …\" line and a body"))
        }
        return problems
    }

    private func scope(of variable: Variable, label: String) -> Scope {
        switch variable.kind {
        case .flag: .transparent
        case .text: .value(names: [], label: label, isListItem: false)
        case .object: .value(names: variable.children, label: label, isListItem: false)
        case .list: .value(names: variable.children, label: label, isListItem: true)
        }
    }

    /// Resolves a tag's name (and transforms) against the open sections and the template's variables.
    private func resolve(_ tag: MustacheTag, in stack: [(name: String, scope: Scope)]) -> Resolution {
        let (name, transforms) = tag.nameAndTransforms
        for transform in transforms where !Self.transforms.keys.contains(transform) {
            return .missing("\(transform)(…) is not a mustache transform; there are \(Self.transforms.keys.sorted().joined(separator: ", "))")
        }
        let scopes = stack.map(\.scope)
        var resolution: Resolution
        if name.isEmpty {
            // {{index()}}, {{#first()}}: the position in the list being gone through.
            guard let transform = transforms.first, ["first", "last", "index", "even", "odd"].contains(transform) else {
                return .missing("an empty name needs a transform such as index()")
            }
            guard scopes.contains(where: { if case .value(_, _, true) = $0 { true } else { false } }) else {
                return .missing("\(transform)() only means something inside a list section, such as {{#fields}}…{{/fields}}")
            }
            return .found(transform == "index" ? .text(transform) : .flag(transform))
        } else if name == "." || name.first == "." {
            // `.` is the current value; `.name` looks only in it, not in the enclosing ones.
            let innermost = scopes.last { if case .transparent = $0 { false } else { true } }
            switch innermost {
            case .unknown?: return .unknown
            case .value(let names, let label, _)?:
                if name == "." {
                    resolution = names.isEmpty ? .found(.text(".")) : .found(.object(".", names))
                } else {
                    resolution = lookUp(name.dropFirst().split(separator: ".").map(String.init), in: names, label: label)
                }
            default:
                return .missing(name == "."
                    ? "{{.}} is the item being gone through, so it only means something inside a list section"
                    : "\(name) looks only in the current section's value, and there is no section open here")
            }
        } else {
            // The first part is looked up from the innermost section outwards; the rest only in what it found.
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            var found: Resolution?
            for scope in scopes.reversed() {
                if case .unknown = scope { return .unknown }
                if case .value(let names, let label, _) = scope, names.contains(where: { $0.name == parts[0] }) {
                    found = lookUp(parts, in: names, label: label)
                    break
                }
            }
            if found == nil, let root = variables, root.contains(where: { $0.name == parts[0] }) {
                found = lookUp(parts, in: root, label: template)
            }
            resolution = found ?? .missing(notGiven(parts[0], stack: stack))
        }
        guard case .found(var variable) = resolution else { return resolution }
        for transform in transforms.reversed() {
            switch Self.transforms[transform] ?? nil {
            case let kind?: variable = Variable(name: variable.name, kind: kind, children: kind == .list ? variable.children : [])
            case nil: variable = variable.kind == .list
                ? Variable(name: variable.name, kind: variable.children.isEmpty ? .text : .object, children: variable.children)
                : variable
            }
        }
        return .found(variable)
    }

    /// `parts` (`person`, `name`) in `names`: the first part must be there, each next one a key of the previous.
    private func lookUp(_ parts: [String], in names: [Variable], label: String) -> Resolution {
        guard var current = names.first(where: { $0.name == parts[0] }) else { return .missing("no \(parts[0]) in \(label)") }
        var path = parts[0]
        for part in parts.dropFirst() {
            guard let child = current.child(part) else {
                let has = current.kind == .object ? "its keys are \(current.children.map(\.name).joined(separator: ", "))"
                    : current.kind == .list ? "it is a list: use {{#\(path)}}{{\(part)}}{{/\(path)}}"
                    : "it is a \(current.kind == .flag ? "flag" : "text"), with no keys"
                return .missing("\(path) has no \"\(part)\": \(has)")
            }
            current = child
            path += ".\(part)"
        }
        return .found(current)
    }

    /// Why `name` is not available here, and what is.
    private func notGiven(_ name: String, stack: [(name: String, scope: Scope)]) -> String {
        var message = "the \(template) mail is not given \"\(name)\""
        if let list = variables?.first(where: { $0.kind == .list && $0.children.contains { $0.name == name } }) {
            message += "; \(name) is a key of each item of \(list.name): use it inside {{#\(list.name)}}…{{/\(list.name)}}"
        }
        var available: [String] = []
        for entry in stack.reversed() {
            if case .value(let names, let label, _) = entry.scope, !names.isEmpty {
                available.append("inside {{#\(label)}}: \(Self.flatten(names).joined(separator: ", "))")
            }
        }
        let everywhere = Self.flatten(variables ?? []).joined(separator: ", ")
        if available.isEmpty { return message + ". Available: " + everywhere }
        return message + ". Available " + available.joined(separator: "; ") + "; and everywhere: " + everywhere
    }

    /// `person.name`, `program.address`, `fields[label, value]`, sorted.
    static func flatten(_ variables: [Variable], prefix: String = "") -> [String] {
        variables.flatMap { variable -> [String] in
            switch variable.kind {
            case .object: flatten(variable.children, prefix: prefix + variable.name + ".")
            case .list where !variable.children.isEmpty:
                ["\(prefix)\(variable.name)[\(variable.children.map(\.name).joined(separator: ", "))]"]
            default: ["\(prefix)\(variable.name)"]
            }
        }.sorted()
    }
}
