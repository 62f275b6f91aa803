/// Reads CSV text (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks)
/// and reports every malformed record with its line number instead of swallowing what follows.
///
/// A quoted field may run over several lines (forms export multi-line answers that way). When
/// a record read so does not have as many fields as the header, or one of its lines is a whole
/// row by itself, its quote was most likely never closed: the record is reported, and reading
/// starts again on the line after its first, so the rows after it are not lost.
struct CSVReader {
    struct Record {
        /// The 1-based line the record starts on.
        var line: Int
        var fields: [String]
    }

    struct Problem: Equatable {
        var line: Int
        var reason: String
    }

    var header: [String] = []
    var records: [Record] = []
    var problems: [Problem] = []

    /// - Throws: when the text is not CSV at all (binary bytes, no header).
    /// - Complexity: O(n) for n characters, plus O(n) per malformed multi-line record re-read.
    init(_ text: String) throws {
        if text.contains("\u{0}") || text.unicodeScalars.prefix(4096).filter({ $0.value < 0x20 && !"\t\r\n".unicodeScalars.contains($0) }).count > 8 {
            throw MentorMailError(.data, "the file is not a CSV export: it holds binary data (send the .csv file the form tool exports)")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw MentorMailError(.data, "the CSV file is empty")
        }
        let separator = Self.separator(of: lines[first])
        var index = first
        guard let headerRecord = Self.record(lines, from: index, separator: separator) else {
            throw MentorMailError(.data, "the CSV header (line \(first + 1)) has a quote that is never closed")
        }
        header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.count >= 2 else {
            throw MentorMailError(.data, "the file is not a CSV export: its first line has no separators (comma, semicolon or tab); save or download the sheet as CSV (comma-separated values) and import that file")
        }
        index = headerRecord.next
        while index < lines.count {
            if lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                index += 1
                continue
            }
            guard let read = Self.record(lines, from: index, separator: separator) else {
                problems.append(Problem(line: index + 1, reason: "a quote that is never closed"))
                index += 1
                continue
            }
            // A record over several lines, one of which is a whole row by itself: its quote was
            // never closed, and it swallowed that row.
            let swallowed = read.next > index + 1 && ((index + 1)..<read.next).contains { line in
                guard let alone = Self.record(lines, from: line, separator: separator) else { return false }
                return alone.next == line + 1 && alone.fields.count == header.count
            }
            if swallowed {
                problems.append(Problem(line: index + 1, reason: "a quote that is never closed (it would swallow the rows after it)"))
                index += 1
            } else if read.fields.count == header.count || (read.fields.count < header.count && read.next == index + 1) {
                // Trailing empty cells may be left out by some tools; a single line with fewer
                // fields is padded, never merged with the next.
                let fields = read.fields + Array(repeating: "", count: max(0, header.count - read.fields.count))
                records.append(Record(line: index + 1, fields: fields))
                index = read.next
            } else if read.next > index + 1 {
                problems.append(Problem(line: index + 1, reason: "a quote that is never closed (the row ran on to line \(read.next) with \(read.fields.count) fields instead of \(header.count))"))
                index += 1
            } else {
                problems.append(Problem(line: index + 1, reason: "\(read.fields.count) fields where the header has \(header.count)"))
                index = read.next
            }
        }
    }

    /// The separator the header uses most, outside quotes: comma, semicolon or tab.
    static func separator(of line: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        return counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }?.key ?? ","
    }

    /// The record starting at `lines[start]`, and the index of the line after it; nil when a quote
    /// is still open at the end of the text.
    static func record(_ lines: [String], from start: Int, separator: Character) -> (fields: [String], next: Int)? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var index = start
        while index < lines.count {
            var characters = Array(lines[index])[...]
            while let character = characters.popFirst() {
                if quoted {
                    if character == "\"" {
                        if characters.first == "\"" {
                            field.append("\"")
                            characters.removeFirst()
                        } else {
                            quoted = false
                        }
                    } else {
                        field.append(character)
                    }
                } else if character == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                    field = ""
                    quoted = true
                } else if character == separator {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            index += 1
            if !quoted {
                fields.append(field)
                return (fields, index)
            }
            field.append("\n")
        }
        return nil
    }
}
