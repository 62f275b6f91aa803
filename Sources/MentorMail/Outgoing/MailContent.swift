import Foundation

/// The values of one kind of mail. Templates see the stored properties by name, plus
/// `program` (every mail) and `replySubject` (answers).
///
/// Properties are `String`, `Int`, `Bool` (a flag for `{{#x}}`), nested `Codable` structs, and
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
}

/// One line of a profile as understood (`{{#fields}}{{label}}: {{value}}{{/fields}}`).
public struct FieldLine: Codable, Sendable, Equatable {
    public var label: String
    public var value: String
}

/// The open round a person is in.
public struct RoundInfo: Codable, Sendable, Equatable {
    public var name: String
    /// The closing day, in words.
    public var closes: String
}

extension MailContent {
    /// The values a template sees: the content's properties, `program`, and for answers `replySubject`.
    func templateValues(program: ProgramInfo, replySubject: String?) -> [String: Any] {
        var values: [String: Any] = [:]
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, let value = MailValues.unwrap(child.value) else { continue }
            values[label] = value
        }
        values["program"] = program
        if let replySubject { values["replySubject"] = replySubject }
        return values
    }
}

enum MailValues {
    /// The value an optional holds, or nil; any other value as it is.
    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}
