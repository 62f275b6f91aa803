import Foundation

/// What the program gives each mail template: the contract between the mail types and `templates/`.
///
/// A template may use only the variables its entry lists; `TemplateLibrary` checks every
/// template against the catalog when it loads, so a typo is an error at start-up, not a blank
/// in a participant's mail. The standard catalog is read from the mail types (``MailKind``).
public struct TemplateCatalog: Sendable, Equatable {
    /// One value the workflow puts in a template's values.
    public struct Variable: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// A string or a number, printed as is.
            case text
            /// A Bool, for `{{#x}}…{{/x}}` and `{{^x}}…{{/x}}`.
            case flag
            /// A dictionary: its keys are `children` (`person.name`, or `{{#round}}{{name}}{{/round}}`).
            case object
            /// An array: each item has the keys `children`, or is a text (`{{.}}`) when there are none.
            case list
        }

        public var name: String
        public var kind: Kind
        public var children: [Variable]

        public static func text(_ name: String) -> Variable { Variable(name: name, kind: .text, children: []) }
        public static func flag(_ name: String) -> Variable { Variable(name: name, kind: .flag, children: []) }
        public static func object(_ name: String, _ keys: [Variable]) -> Variable { Variable(name: name, kind: .object, children: keys) }
        /// A list of dictionaries with `keys`, or of texts when `keys` is empty.
        public static func list(_ name: String, _ keys: [Variable] = []) -> Variable { Variable(name: name, kind: .list, children: keys) }

        /// The child named `name`, if this is an object.
        public func child(_ name: String) -> Variable? { kind == .object ? children.first { $0.name == name } : nil }
    }

    /// The variables of each template, by template name (`help` for `help.txt.mustache`).
    public var entries: [String: [Variable]]
    /// By template name: the variables its text template must print, each with why.
    public var required: [String: [String: String]]
    /// By template name: the sections its templates must have, each with the case it words
    /// (``MailKind/requiredSections``).
    public var sections: [String: [String: String]]

    public init(_ entries: [String: [Variable]], required: [String: [String: String]] = [:], sections: [String: [String: String]] = [:]) {
        self.entries = entries
        self.required = required
        self.sections = sections
    }

    /// The template names, sorted: each needs a `NAME.txt.mustache`.
    public var names: [String] { entries.keys.sorted() }

    /// The names of the templates the program sends.
    public static let names: [String] = standard.names

    /// The catalog of the mail the program sends, read from the mail types themselves
    /// (``MailKind``): each template gets its type's properties, `program`, and for answers
    /// `replySubject` and `unreadExport`.
    public static let standard = TemplateCatalog(
        Dictionary(uniqueKeysWithValues: MailKind.allCases.map { kind in (kind.template, (try? kind.variables()) ?? []) }),
        required: Dictionary(uniqueKeysWithValues: MailKind.allCases.map { ($0.template, $0.requiredVariables) }.filter { !$0.1.isEmpty }),
        sections: Dictionary(uniqueKeysWithValues: MailKind.allCases.map { ($0.template, $0.requiredSections) }.filter { !$0.1.isEmpty }))

    // MARK: - Sample values

    /// Values of the right shape for every variable of `name`, for previews and tests: each
    /// text is `text(path)` (e.g. `person.name`, `fields.label`), each flag is `flags`, each
    /// list has one item.
    public func sampleValues(for name: String, flags: Bool = true, text: (String) -> String = { "«\($0)»" }) -> [String: Any] {
        func value(_ variable: Variable, path: String) -> Any {
            switch variable.kind {
            case .text: text(path)
            case .flag: flags
            case .object: values(variable.children, prefix: path + ".")
            case .list: variable.children.isEmpty ? [text(path)] : [values(variable.children, prefix: path + ".")]
            }
        }
        func values(_ variables: [Variable], prefix: String) -> [String: Any] {
            Dictionary(uniqueKeysWithValues: variables.map { ($0.name, value($0, path: prefix + $0.name)) })
        }
        return values(entries[name] ?? [], prefix: "")
    }
}

extension MailKind {
    /// The variables this kind's templates may use.
    func variables() throws -> [TemplateCatalog.Variable] {
        var variables = try MailShape.read(contentType).shape.variables
        variables.append(.object("program", try MailShape.read(ProgramInfo.self).shape.variables))
        if isAnswer { variables += [.text("replySubject"), .text("unreadExport")] }
        return variables
    }
}
