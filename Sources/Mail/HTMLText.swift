import CLibXML2

/// Readable plain text from an HTML body, through libxml2's forgiving HTML parser.
///
/// Blocks and `<br>` become line breaks, lists "- item" / "1. item", table rows lines with
/// cells joined by " | ", links "text <url>" (when the URL differs from the text),
/// blockquotes "> " lines; script, style, head and hidden elements are skipped;
/// whitespace collapses as in a browser and entities are decoded.
public enum HTMLText {
    /// Converts an HTML body in `charset` (nil: sniffed from a `<meta>` charset, else UTF-8
    /// with a windows-1252 fallback).
    /// - Complexity: O(n) in the size of the document.
    public static func text(fromHTML bytes: [UInt8], charset: String?) -> String {
        let declared = charset ?? sniffedCharset(bytes)
        return text(fromHTML: Charset.decode(bytes, charset: declared))
    }

    /// Converts HTML already decoded to a String.
    public static func text(fromHTML html: String) -> String {
        let text = HTMLDocument(utf8: Array(html.utf8))?.withRootElement { root in
            var walker = HTMLWalker()
            walker.walk(root)
            return walker.writer.finish()
        }
        return text ?? ""
    }

    /// The charset of a `<meta charset=…>` or `<meta … content="…; charset=…">` near the start.
    static func sniffedCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let name = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return name.isEmpty ? nil : String(name)
    }
}

/// Owns one libxml2 HTML document and frees it.
///
/// Its nodes are reachable only inside `withRootElement`, which keeps the document alive
/// until the walk is over.
final class HTMLDocument {
    private let pointer: htmlDocPtr

    /// libxml2 wants one global initialization before threads parse concurrently.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 HTML leniently, offline, silently; nil when libxml2 gives no document.
    init?(utf8 bytes: [UInt8]) {
        guard Self.initialized, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let parsed else { return nil }
        pointer = parsed
    }

    deinit { xmlFreeDoc(pointer) }

    /// Runs `body` on the root element (nil when there is none). Node pointers die with the
    /// document, so `body` runs inside `withExtendedLifetime(self)` and must not keep them.
    func withRootElement<Result>(_ body: (xmlNodePtr) throws -> Result) rethrows -> Result? {
        try withExtendedLifetime(self) {
            guard let root = xmlDocGetRootElement(pointer) else { return nil }
            return try body(root)
        }
    }
}

/// Walks the DOM without recursion (documents may nest absurdly deep) into a writer.
private struct HTMLWalker {
    var writer = HTMLTextWriter()
    private var lists: [(ordered: Bool, next: Int)] = []
    private var rows: [Int] = []
    /// For each open table, whether a cell of it is open now.
    private var cells: [Bool] = []
    private var links: [(href: String?, start: Int)] = []

    private static let skipped: Set<String> = ["script", "style", "head", "title", "template", "object", "iframe", "svg", "select", "button", "img", "map"]
    private static let lineBlocks: Set<String> = ["div", "tr", "dt", "dd", "section", "article", "header", "footer", "nav", "main", "aside",
                                                  "form", "center", "caption", "body", "details", "summary", "figcaption", "address", "fieldset", "legend"]
    private static let paragraphBlocks: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "dl", "figure"]

    mutating func walk(_ root: xmlNodePtr) {
        var node: xmlNodePtr? = root
        while let current = node {
            if visit(current), let child = current.pointee.children {
                node = child
                continue
            }
            var climbing = current
            node = nil
            while climbing != root {
                if let next = climbing.pointee.next {
                    node = next
                    break
                }
                guard let parent = climbing.pointee.parent else { break }
                leave(parent)
                climbing = parent
            }
        }
    }

    /// Handles a node; true when its children should be visited (then `leave` follows).
    private mutating func visit(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                writer.write(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            return false
        case XML_ELEMENT_NODE:
            guard let name = elementName(node), !Self.skipped.contains(name), !isHidden(node) else { return false }
            enter(node, name)
            if node.pointee.children == nil { leave(node) }
            return true
        default:
            return false
        }
    }

    private mutating func enter(_ node: xmlNodePtr, _ name: String) {
        switch name {
        case "br": if cells.last == true { writer.space() } else { writer.hardBreak() }
        case "hr":
            blockBreak(1)
            writer.writeLiteral("________________________________")
            blockBreak(1)
        case "p": blockBreak((attribute(node, "class") ?? "").contains("MsoNormal") ? 1 : 2)
        case "blockquote":
            blockBreak(1)
            writer.quoteDepth += 1
        case "pre":
            blockBreak(2)
            writer.preformatted += 1
        case "ul", "ol":
            blockBreak(lists.isEmpty ? 2 : 1)
            let start = name == "ol" ? attribute(node, "start").flatMap { Int($0.trimmedWhitespace) } ?? 1 : 1
            lists.append((name == "ol", start))
        case "li":
            blockBreak(1)
            writer.indent = max(lists.count - 1, 0)
            if let last = lists.indices.last, lists[last].ordered {
                writer.pendingMarker = Array("\(lists[last].next). ".utf8)
                lists[last].next += 1
            } else {
                writer.pendingMarker = Array("- ".utf8)
            }
        case "td", "th":
            if let last = cells.indices.last { cells[last] = true }
            if let last = rows.indices.last {
                if rows[last] > 0 { writer.pendingCellSeparator = true }
                rows[last] += 1
            }
        case "tr":
            writer.blockBreak(1)
            rows.append(0)
        case "table":
            blockBreak(1)
            cells.append(false)
        case "a":
            links.append((attribute(node, "href"), writer.out.count))
        default:
            if Self.paragraphBlocks.contains(name) { blockBreak(2) } else if Self.lineBlocks.contains(name) { blockBreak(1) }
        }
    }

    private mutating func leave(_ node: xmlNodePtr) {
        guard let name = elementName(node) else { return }
        switch name {
        case "p", "blockquote", "pre", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "figure":
            if name == "blockquote" { writer.quoteDepth = max(writer.quoteDepth - 1, 0) }
            if name == "pre" { writer.preformatted = max(writer.preformatted - 1, 0) }
            if name == "ul" || name == "ol" {
                _ = lists.popLast()
                writer.indent = max(lists.count - 1, 0)
            }
            if name == "table" { _ = cells.popLast() }
            switch name {
            case "blockquote", "table": blockBreak(1)
            case "ul", "ol": blockBreak(lists.isEmpty ? 2 : 1)
            case "p": blockBreak((attribute(node, "class") ?? "").contains("MsoNormal") ? 1 : 2)
            default: blockBreak(2)
            }
        case "tr":
            _ = rows.popLast()
            writer.pendingCellSeparator = false
            writer.blockBreak(1)
        case "td", "th":
            if let last = cells.indices.last { cells[last] = false }
        case "li":
            writer.pendingMarker = nil
            blockBreak(1)
        case "a":
            guard let link = links.popLast(), let href = link.href?.trimmedWhitespace, !href.isEmpty else { return }
            let text = writer.text(since: link.start).trimmedWhitespace
            if !text.isEmpty, Self.comparable(text) != Self.comparable(href), Self.linkWorthShowing(href) {
                writer.writeLiteral(" <\(href)>")
            }
        default:
            if Self.lineBlocks.contains(name) { blockBreak(1) }
        }
    }

    /// A line or paragraph break, or a space inside a table cell: Word writes each cell's
    /// text as paragraphs (`<td><p class=MsoNormal>Role</p></td>`), and a cell stays on its row.
    private mutating func blockBreak(_ count: Int) {
        if cells.last == true { writer.space() } else { writer.blockBreak(count) }
    }

    private static func linkWorthShowing(_ href: String) -> Bool {
        let lower = href.lowercased()
        return !lower.hasPrefix("#") && !lower.hasPrefix("javascript:") && !lower.hasPrefix("cid:")
    }

    /// A URL or link text reduced for comparison: no scheme, "mailto:", "www." or final "/".
    private static func comparable(_ text: String) -> String {
        var value = Substring(text.lowercased())
        for prefix in ["mailto:", "https://", "http://", "www."] where value.hasPrefix(prefix) { value = value.dropFirst(prefix.count) }
        while value.hasSuffix("/") { value = value.dropLast() }
        return String(value)
    }

    private func elementName(_ node: xmlNodePtr) -> String? {
        node.pointee.name.map { String(cString: $0).lowercased() }
    }

    /// Hidden by `display:none`, `mso-hide:all` or the `hidden` attribute (preheaders, trackers).
    private func isHidden(_ node: xmlNodePtr) -> Bool {
        if xmlHasProp(node, "hidden") != nil { return true }
        guard let style = attribute(node, "style") else { return false }
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("mso-hide:all")
    }

    private func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { mm_xml_free(value) }
        return String(cString: value)
    }
}
