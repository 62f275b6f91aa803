import Foundation

/// One tag of a mustache template, as written.
struct MustacheTag: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `{{x}}`
        case variable
        /// `{{{x}}}` or `{{&x}}`
        case unescaped
        /// `{{#x}}`
        case section
        /// `{{^x}}`
        case invertedSection
        /// `{{/x}}`
        case close
        /// `{{!…}}`
        case comment
        /// `{{%…}}`
        case pragma
        /// `{{>x}}`
        case partial
        /// `{{<x}}` (a parent partial, closed by `{{/x}}`)
        case parent
        /// `{{$x}}` (a block, closed by `{{/x}}`)
        case block
        /// `{{=<% %>=}}`
        case setDelimiters
    }

    var kind: Kind
    /// The tag's text after its sigil, trimmed: `person.name`, `empty(person.name)`.
    var content: String
    /// The 1-based line the tag starts on.
    var line: Int

    /// `content` split into the name and the transforms around it, outermost first:
    /// `empty(person.name)` → (`person.name`, [`empty`]); `index()` → (``, [`index`]).
    var nameAndTransforms: (name: String, transforms: [String]) {
        var transforms: [String] = []
        var rest = Substring(content)
        while let open = rest.firstIndex(of: "("), rest.last == ")" {
            transforms.append(String(rest[..<open]).trimmingWhitespace())
            rest = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
        }
        return (String(rest).trimmingWhitespace(), transforms)
    }
}

/// Splits a mustache template into literal text and tags, in one pass and without a regex.
///
/// It follows swift-mustache's reading of tags (sigils, `{{{x}}}`, set-delimiter tags) but
/// not its whitespace rules: it is for checking names, and `MustacheTemplate` does the parsing.
enum MustacheTagScanner {
    /// Calls `text` for each run of literal text and `tag` for each tag, in order, each with
    /// the line it starts on. Returns the line of a tag that is never closed, if any.
    /// - Complexity: O(*n*) in the length of `source`.
    @discardableResult
    static func scan(_ source: String, text: (Substring, Int) -> Void, tag: (MustacheTag) -> Void) -> Int? {
        var open = "{{", close = "}}"
        var rest = Substring(source)
        var line = 1
        while let start = rest.utf8Range(of: open) {
            let literal = rest[..<start.lowerBound]
            text(literal, line)
            line += literal.newlineCount
            let tagLine = line
            var inside = rest[start.upperBound...]
            let kind: MustacheTag.Kind
            var triple = false
            switch inside.first {
            case "{": kind = .unescaped; triple = true
            case "&": kind = .unescaped
            case "#": kind = .section
            case "^": kind = .invertedSection
            case "/": kind = .close
            case "!": kind = .comment
            case "%": kind = .pragma
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "=": kind = .setDelimiters
            default: kind = .variable
            }
            if kind != .variable { inside = inside.dropFirst() }
            guard let end = inside.utf8Range(of: close) else { return tagLine }
            let content = inside[..<end.lowerBound]
            line += content.newlineCount
            rest = inside[end.upperBound...]
            if triple, rest.first == "}" { rest = rest.dropFirst() }
            if kind == .setDelimiters {
                let parts = content.dropLast(content.last == "=" ? 1 : 0).split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { (open, close) = (String(parts[0]), String(parts[1])) }
            }
            var trimmed = String(content).trimmingWhitespace()
            if triple, trimmed.hasSuffix("}") { trimmed = String(trimmed.dropLast()).trimmingWhitespace() }
            tag(MustacheTag(kind: kind, content: trimmed, line: tagLine))
        }
        text(rest, line)
        return nil
    }
}

extension MustacheTagScanner {
    /// The sections (`{{#x}}`, `{{^x}}`, `{{<x}}`, `{{$x}}`) still open at the end of `source`,
    /// outermost first, each with the line of its opening tag. A close tag closes the innermost
    /// open section of its name.
    static func unclosedSections(_ source: String) -> [MustacheTag] {
        var open: [MustacheTag] = []
        scan(source, text: { _, _ in }, tag: { tag in
            switch tag.kind {
            case .section, .invertedSection, .parent, .block: open.append(tag)
            case .close:
                if let index = open.lastIndex(where: { $0.content == tag.content }) { open.removeSubrange(index...) }
            default: break
            }
        })
        return open
    }
}

extension MustacheTag {
    /// The tag as written, `{{#question}}`.
    var written: String {
        let sigil = switch kind {
        case .section: "#"
        case .invertedSection: "^"
        case .close: "/"
        case .parent: "<"
        case .block: "$"
        case .partial: ">"
        case .unescaped: "&"
        default: ""
        }
        return "{{\(sigil)\(content)}}"
    }
}

extension Substring {
    /// Where `delimiter` first occurs, compared as UTF-8 bytes. UTF-8 is self-synchronising, so
    /// a byte match starts and ends on scalar boundaries. (Foundation's `range(of:)` bridged the
    /// rest of the template on every call: quadratic, and most of a run's start-up.)
    fileprivate func utf8Range(of delimiter: String) -> Range<String.Index>? {
        let needle = Array(delimiter.utf8)
        guard let first = needle.first else { return nil }
        let bytes = utf8
        var index = bytes.startIndex
        while let candidate = bytes[index...].firstIndex(of: first) {
            var end = candidate, matched = 0
            while matched < needle.count, end < bytes.endIndex, bytes[end] == needle[matched] {
                bytes.formIndex(after: &end)
                matched += 1
            }
            if matched == needle.count { return candidate..<end }
            index = bytes.index(after: candidate)
        }
        return nil
    }

    /// The line breaks, as `Character.isNewline` counts them ("\r\n" is one), read from the bytes.
    fileprivate var newlineCount: Int {
        var count = 0
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x0A: if previous != 0x0D { count += 1 }     // LF, unless it ends a CRLF
            case 0x0B, 0x0C, 0x0D: count += 1                  // VT, FF, CR
            case 0x85 where previous == 0xC2: count += 1       // NEL
            case 0xA8 where previous == 0x80 && beforePrevious == 0xE2: count += 1  // LS
            case 0xA9 where previous == 0x80 && beforePrevious == 0xE2: count += 1  // PS
            default: break
            }
            (beforePrevious, previous) = (previous, byte)
        }
        return count
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
