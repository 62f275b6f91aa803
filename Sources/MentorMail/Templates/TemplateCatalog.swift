import Foundation

/// What the workflow gives each mail template: the contract between `Workflow` and `templates/`.
///
/// A template may use only the variables its entry lists; `TemplateLibrary` checks every
/// template against the catalog when it loads, so a typo is an error at start-up, not a blank
/// in a participant's mail. When the workflow sends a new template or gives one a new value,
/// add it here in the same change (a test reads the workflow's `send("…")` and
/// `queue(template: "…")` calls and fails for a name missing from ``names``).
public struct TemplateCatalog: Sendable {
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

    public init(_ entries: [String: [Variable]]) {
        self.entries = entries
    }

    /// The template names, sorted: each needs a `NAME.txt.mustache`.
    public var names: [String] { entries.keys.sorted() }

    /// The names of the templates the workflow sends.
    public static let names: [String] = standard.names

    // MARK: - The workflow's templates

    /// `program` {name, address, coordinators}: every template gets it (`Workflow.programValues`).
    static let program = Variable.object("program", [.text("name"), .text("address"), .text("coordinators")])
    /// "Re: " and the subject of the message answered: every template sent by `Answer.send`.
    static let replySubject = Variable.text("replySubject")
    static let person = Variable.object("person", [.text("name")])
    /// The open round, or `nextRound` when none is open (`receiveProfile`, `queueWelcome`).
    static let round = Variable.object("round", [.text("name"), .text("closes")])
    static let fields = Variable.list("fields", [.text("label"), .text("value")])

    /// The templates `Sources/MentorMail/Workflow/` sends and the values it gives each one.
    /// Where a template has several cases (an import that failed or worked), it lists the union.
    public static let standard = TemplateCatalog([
        // Workflow.apply, .signUpRequest
        "signup-form": [program, replySubject, person],
        // Workflow.apply, .help
        "help": [program, replySubject, person, .text("status")],
        // Workflow.receiveProfile
        "profile-received": [
            program, replySubject, person,
            .flag("complete"), .flag("updated"), .flag("unchanged"),
            fields,
            .list("problems", [.text("field"), .text("message"), .text("example")]), .flag("hasProblems"),
            .list("unknownFields", [.text("key"), .text("value")]), .flag("hasUnknownFields"),
            .list("notes"),
            round, .text("nextRound"),
        ],
        // Workflow.applyCommand and requestAddressChange
        "participation-changed": [
            program, replySubject, person,
            .flag("paused"), .flag("resumed"), .flag("withdrawn"), .flag("erased"), .flag("unknown"),
            .flag("addressChangeRequested"), .flag("addressRefused"), .text("newAddress"),
        ],
        // Workflow.requestAddressChange: queued to the new address, not an answer (no replySubject)
        "confirm-address": [program, person, .text("oldAddress"), .text("token"), .text("expires")],
        // Workflow.confirm: the address changed, or the code was refused
        "address-changed": [program, replySubject, .flag("done"), .text("oldAddress"), person, .flag("invalid"), .text("token")],
        // Workflow.performImport (importReportValues, or only `failure`)
        "import-report": [
            program, replySubject, .text("failure"), .text("source"),
            .list("added"), .text("addedCount"), .list("updated"), .text("updatedCount"), .text("unchangedCount"),
            .list("rejected", [.text("row"), .text("email"), .text("reasons")]), .text("rejectedCount"), .flag("hasRejected"),
            .text("ignoredColumns"), .flag("hasIgnoredColumns"),
        ],
        // Workflow.holdForConfirmation (`what`: "to import a form export", "to approve a round's matches", …)
        "coordinator-confirm": [program, replySubject, .text("subject"), .text("what"), .text("reason"), .text("token"), .text("expires")],
        // Workflow.queueWelcome: scheduled mail, not an answer (no replySubject)
        "welcome": [program, person, fields, round, .text("nextRound")],
        // Workflow.propose: to the coordinators, not an answer
        "match-review": [
            program, .text("round"), .text("algorithm"), .text("token"),
            .text("pairCount"), .text("unmatchedCount"), .text("totalScore"),
            .list("pairs", [.text("mentee"), .text("menteeEmail"), .text("mentor"), .text("mentorEmail"), .text("score"), .text("why")]),
            .list("unmatched", [.text("name"), .text("email"), .text("reason")]), .flag("hasUnmatched"),
        ],
        // Workflow.decide (introductionValues): to the mentee and the mentor together
        "introduction": [program, side("mentee"), side("mentor"), .text("why"), .text("firstStep")],
        // Workflow.decide: to each unmatched mentee
        "unmatched-note": [program, person, .text("round"), .text("reason"), .text("nextRound")],
        // Workflow.performDecision: the answer to APPROVE / REJECT
        "match-decision": [program, replySubject, .text("result")],
    ])

    /// One side of an introduction (`Workflow.introductionValues`).
    static func side(_ name: String) -> Variable {
        .object(name, [.text("name"), .text("email"), .text("timeZone"), .text("interactions"), .text("languages"),
                       .text("about"), .text("availability")])
    }

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
