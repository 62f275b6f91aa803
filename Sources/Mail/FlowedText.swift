/// RFC 3676 "format=flowed" plain text (Thunderbird, Apple Mail and others send it):
/// lines ending in a space continue on the next line and are joined back into paragraphs.
enum FlowedText {
    /// Joins soft-broken lines of the same quote depth, undoes space-stuffing, and with
    /// `deleteSpace` (delsp=yes) drops the space that marked a soft break. Quote markers
    /// are written back as ">" per level and a space; the signature line "-- " stays hard.
    /// - Complexity: O(n).
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        let quote = UInt8(ascii: ">"), space = UInt8(ascii: " ")
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var paragraph = ""
        var open = false
        var paragraphDepth = 0
        var firstLine = true
        func flush() {
            guard open else { return }
            if !firstLine { output += "\n" }
            firstLine = false
            output += prefix(paragraphDepth)
            output += paragraph
            paragraph.removeAll(keepingCapacity: true)
            open = false
        }
        // Byte-wise on the UTF-8 view: ">" and " " are ASCII, so slicing there is safe.
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = rawLine[...]
            var depth = 0
            while line.first == quote {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == space { line = line.dropFirst() }  // space-stuffing (or the space after ">")
            let isSignature = line.elementsEqual("-- ".utf8)
            let soft = !isSignature && line.last == space
            if soft && deleteSpace { line = line.dropLast() }
            if open && depth != paragraphDepth { flush() }
            paragraph += String(decoding: line, as: UTF8.self)
            open = true
            paragraphDepth = depth
            if !soft { flush() }
        }
        flush()
        return output
    }

    private static func prefix(_ depth: Int) -> String {
        depth == 0 ? "" : String(repeating: ">", count: depth) + " "
    }
}
