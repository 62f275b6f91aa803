import CLibXML2

/// The rows of the largest table in an HTML body, for form exports pasted into a message.
public enum HTMLTable {
    /// HTML larger than this (1 MiB) is not read for a table: libxml2's tree of it would take
    /// some 40 times that, and a table read only in part would lose rows without a word.
    public static let maxHTMLBytes = 1 << 20

    /// Each row's cells as trimmed text (`th` and `td` alike), from the table with the most rows;
    /// none for HTML larger than `maxHTMLBytes`.
    /// - Complexity: O(n) in the size of the document.
    public static func rows(fromHTML html: String) -> [[String]] {
        guard html.utf8.count <= maxHTMLBytes else { return [] }
        return HTMLDocument(utf8: Array(html.utf8))?.withRootElement(largestTable(under:)) ?? []
    }

    /// The rows of the table with the most rows below `root`.
    private static func largestTable(under root: xmlNodePtr) -> [[String]] {
        var best: [[String]] = []
        for table in elements(named: "table", under: root) {
            var rows: [[String]] = []
            for row in elements(named: "tr", under: table) where nearestTable(of: row) == table {
                var cells: [String] = []
                var cell = row.pointee.children
                while let current = cell {
                    if current.pointee.type == XML_ELEMENT_NODE, let name = name(of: current), name == "td" || name == "th" {
                        cells.append(text(of: current))
                    }
                    cell = current.pointee.next
                }
                if !cells.isEmpty { rows.append(cells) }
            }
            if rows.count > best.count { best = rows }
        }
        return best
    }

    /// Elements with `name` below `root`, in document order, without recursion.
    private static func elements(named target: String, under root: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if node.pointee.type == XML_ELEMENT_NODE, name(of: node) == target, node != root { found.append(node) }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
        return found
    }

    private static func nearestTable(of node: xmlNodePtr) -> xmlNodePtr? {
        var parent = node.pointee.parent
        while let current = parent {
            if current.pointee.type == XML_ELEMENT_NODE, name(of: current) == "table" { return current }
            parent = current.pointee.parent
        }
        return nil
    }

    private static func name(of node: xmlNodePtr) -> String? {
        node.pointee.name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)).lowercased() }
    }

    private static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { mm_xml_free(content) }
        let text = String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
