import Foundation
import Mustache

/// The mail templates of `templates/`, editable by coordinators.
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
    private let templates: [String: (text: MustacheTemplate, html: MustacheTemplate?)]

    /// Loads and parses every template in `directory`.
    public init(directory: String) throws {
        self.directory = directory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MentorMailError(.config, "cannot read the templates folder \(directory): set [program] templates in the config")
        }
        var templates: [String: (text: MustacheTemplate, html: MustacheTemplate?)] = [:]
        for file in names where file.hasSuffix(".txt.mustache") {
            let name = String(file.dropLast(".txt.mustache".count))
            // Plain text must not be HTML-escaped: switch the content type for .txt templates.
            let text = try Self.parse(directory, file, prefix: "{{% CONTENT_TYPE: TEXT}}")
            let htmlFile = "\(name).html.mustache"
            let html = names.contains(htmlFile) ? try Self.parse(directory, htmlFile, prefix: "") : nil
            templates[name] = (text, html)
        }
        self.templates = templates
    }

    public var names: [String] { templates.keys.sorted() }

    /// Renders one mail. Fails when the template is missing or has no `Subject:` line.
    public func render(_ name: String, _ values: [String: Any]) throws -> Rendered {
        guard let template = templates[name] else {
            throw MentorMailError(.config, "the template \(name).txt.mustache is missing from \(directory)")
        }
        let rendered = template.text.render(values)
        var lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        guard let first = lines.first, first.lowercased().hasPrefix("subject:") else {
            throw MentorMailError(.config, "\(directory)/\(name).txt.mustache must begin with a \"Subject: …\" line")
        }
        let subject = first.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
        lines.removeFirst()
        if let blank = lines.first, blank.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
        let text = lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
        return Rendered(subject: subject, text: text, html: template.html?.render(values))
    }

    private static func parse(_ directory: String, _ file: String, prefix: String) throws -> MustacheTemplate {
        let path = (directory as NSString).appendingPathComponent(file)
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MentorMailError(.config, "cannot read the template \(path)")
        }
        do {
            return try MustacheTemplate(string: prefix + source)
        } catch {
            throw MentorMailError(.config, "the template \(path) does not parse: \(error)")
        }
    }
}
