/// RFC 3676 "format=flowed" plain text (Thunderbird, Apple Mail and others send it):
/// lines ending in a space continue on the next line and are joined back into paragraphs.
enum FlowedText {
    /// Joins soft-broken lines of the same quote depth, undoes space-stuffing, and with
    /// `deleteSpace` (delsp=yes) drops the space that marked a soft break. Quote markers
    /// are written back as ">" per level and a space; the signature line "-- " stays hard.
    /// - Complexity: O(n).
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph: String?
        var paragraphDepth = 0
        func flush() {
            if let paragraph { output.append(prefix(paragraphDepth) + paragraph) }
            paragraph = nil
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }  // space-stuffing (or the space after ">")
            let soft = line != "-- " && line.hasSuffix(" ")
            var content = String(line)
            if soft && deleteSpace { content.removeLast() }
            if paragraph != nil && depth != paragraphDepth { flush() }
            paragraph = (paragraph ?? "") + content
            paragraphDepth = depth
            if !soft { flush() }
        }
        flush()
        return output.joined(separator: "\n")
    }

    private static func prefix(_ depth: Int) -> String {
        depth == 0 ? "" : String(repeating: ">", count: depth) + " "
    }
}
