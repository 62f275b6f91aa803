import Foundation

/// The values of one kind of mail. Templates see the stored properties by name, plus
/// `program` (every mail), `replySubject` (answers) and `unreadExport` (answers to someone
/// who is not a coordinator and attached a form export, which was not read).
///
/// Properties are `String`, `Int`, `Bool` (a flag for `{{#x}}`), dates (``MailDate``, a text to
/// the templates, worded in the language of the template used), nested `Codable` structs, and
/// arrays of those; an optional that is `nil` is simply absent. No enums with raw values and no
/// prose: wording belongs in the templates, where coordinators can change it.
public protocol MailContent: Codable, Sendable {
    static var kind: MailKind { get }
}

/// `program` in every template.
public struct ProgramInfo: Codable, Sendable, Equatable {
    public var name: String
    public var address: String
    /// The coordinators' addresses, comma-separated.
    public var coordinators: String

    init(_ program: Config.Program) {
        name = program.name
        address = program.address
        coordinators = program.coordinators.joined(separator: ", ")
    }
}

/// `person` in many templates: how we address the reader.
public struct PersonName: Codable, Sendable, Equatable {
    public var name: String

    public init(_ name: String) { self.name = name }

    /// A person as someone else's mail names them (a partner, a pair): their name, or their
    /// address when they gave none, so no sentence reads "Hello  and ,".
    init(naming person: Participant) { self.init(Self.naming(person.profile.name, email: person.email)) }

    /// `name`, or `email` when the name is blank.
    static func naming(_ name: String, email: String) -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? email : name
    }
}

/// One line of a profile as understood (`{{#fields}}{{label}}: {{value}}{{/fields}}`).
public struct FieldLine: Codable, Sendable, Equatable {
    public var label: String
    public var value: String
}

/// The open round a person is in.
public struct RoundInfo: Codable, Sendable, Equatable {
    public var name: String
    /// The closing day.
    public var closes: MailDate
    /// Its sign-ups are over (closed, or the day passed): it waits to be matched.
    public var closed: Bool?
}

extension MailContent {
    /// The values a template sees: the content's properties, `program`, and for answers `replySubject`.
    func templateValues(program: ProgramInfo, replySubject: String?) -> [String: Any] {
        var values: [String: Any] = [:]
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, let value = MailValues.plain(child.value) else { continue }
            values[label] = value
        }
        values["program"] = MailValues.plain(program)
        if let replySubject { values["replySubject"] = replySubject }
        return values
    }
}

enum MailValues {
    /// The value as the templates read it: what an optional holds (nil for none), and nested
    /// structs as dictionaries of their properties, which Mustache looks up by key instead of
    /// reflecting on the struct at each lookup; an array of structs as an array of those. An
    /// optional property that is nil is left out, as Mustache skips it in a struct.
    static func plain(_ value: Any) -> Any? {
        if value is String || value is Int || value is Bool { return value }
        // Worded by the renderer, in the language of the template it picks.
        if value is any MailWording { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { plain($0.value) }
        case .struct:
            var properties: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let value = plain(child.value) else { continue }
                properties[label] = value
            }
            return properties
        case .collection where mirror.children.contains(where: { Mirror(reflecting: $0.value).displayStyle == .struct }):
            return mirror.children.compactMap { plain($0.value) }
        default:
            return value
        }
    }
}
