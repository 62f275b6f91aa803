extension ICalendar {
    /// One unfolded RFC 5545 content line: `NAME;PARAM=a,b;PARAM="q":value`.
    struct ContentLine: Sendable, Equatable {
        /// Uppercase property name.
        var name: String
        /// Parameter values by uppercase name (quotes removed, RFC 6868 `^` escapes decoded);
        /// the first occurrence of a name wins.
        var parameters: [String: [String]]
        /// The raw value after the first unquoted colon (TEXT escapes still in place).
        var value: String

        /// The first value of parameter `name` (uppercase), if present.
        func parameter(_ name: String) -> String? { parameters[name]?.first }

        /// Unfolds `bytes` (a line end followed by one space or tab continues the line)
        /// and reads each content line; lines that are not content lines are skipped.
        /// - Complexity: O(*n*) in the number of bytes.
        static func parseAll(_ bytes: [UInt8]) -> [ContentLine] {
            var result: [ContentLine] = []
            var current: [UInt8] = []
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, bytes[end] != 0x0D, bytes[end] != 0x0A { end += 1 }
                current.append(contentsOf: bytes[index..<end])
                guard end < bytes.count else { break }
                var next = end + 1
                if bytes[end] == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                if next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 {
                    index = next + 1  // folded: drop the line end and one whitespace
                    continue
                }
                if let line = ContentLine(current[...]) { result.append(line) }
                current.removeAll(keepingCapacity: true)
                index = next
            }
            if let line = ContentLine(current[...]) { result.append(line) }
            return result
        }

        /// Reads one unfolded line; nil when it has no name or no value colon.
        /// An unterminated quoted parameter value is read up to the next `;`, `,` or `:`.
        init?(_ line: ArraySlice<UInt8>) {
            var index = line.startIndex
            while index < line.endIndex, line[index] != 0x3B, line[index] != 0x3A { index += 1 }
            let name = Self.upper(line[line.startIndex..<index])
            guard index < line.endIndex, !name.isEmpty else { return nil }
            var parameters: [String: [String]] = [:]
            while index < line.endIndex, line[index] == 0x3B {
                index += 1
                let nameStart = index
                while index < line.endIndex, line[index] != 0x3D, line[index] != 0x3B, line[index] != 0x3A {
                    index += 1
                }
                let parameterName = Self.upper(line[nameStart..<index])
                var values: [String] = []
                if index < line.endIndex, line[index] == 0x3D {
                    repeat {
                        index += 1
                        let (value, next) = Self.parameterValue(line, from: index)
                        values.append(value)
                        index = next
                    } while index < line.endIndex && line[index] == 0x2C
                }
                if !parameterName.isEmpty, parameters[parameterName] == nil {
                    parameters[parameterName] = values
                }
            }
            guard index < line.endIndex, line[index] == 0x3A else { return nil }
            self.name = name
            self.parameters = parameters
            self.value = String(decoding: line[(index + 1)...], as: UTF8.self)
        }

        /// One parameter value starting at `from`, and the index just after it.
        private static func parameterValue(_ line: ArraySlice<UInt8>, from: Int) -> (String, Int) {
            if from < line.endIndex, line[from] == 0x22 {
                if let close = line[(from + 1)...].firstIndex(of: 0x22) {
                    return (decodeCaret(line[(from + 1)..<close]), close + 1)
                }
                let (value, next) = parameterValue(line, from: from + 1)  // unterminated quote
                return (value, next)
            }
            var end = from
            while end < line.endIndex, line[end] != 0x3B, line[end] != 0x3A, line[end] != 0x2C { end += 1 }
            return (decodeCaret(line[from..<end]), end)
        }

        /// RFC 6868: `^n` is a newline, `^^` a caret and `^'` a double quote.
        private static func decodeCaret(_ bytes: ArraySlice<UInt8>) -> String {
            guard bytes.contains(0x5E) else { return String(decoding: bytes, as: UTF8.self) }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count)
            var index = bytes.startIndex
            while index < bytes.endIndex {
                if bytes[index] == 0x5E, index + 1 < bytes.endIndex {
                    switch bytes[index + 1] {
                    case 0x6E: decoded.append(0x0A); index += 2; continue
                    case 0x5E: decoded.append(0x5E); index += 2; continue
                    case 0x27: decoded.append(0x22); index += 2; continue
                    default: break
                    }
                }
                decoded.append(bytes[index])
                index += 1
            }
            return String(decoding: decoded, as: UTF8.self)
        }

        private static func upper(_ bytes: ArraySlice<UInt8>) -> String {
            var trimmed = bytes
            while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            return String(decoding: trimmed.map { ($0 >= 0x61 && $0 <= 0x7A) ? $0 - 0x20 : $0 }, as: UTF8.self)
        }
    }

    /// Decodes an RFC 5545 TEXT value: `\n` or `\N` is a newline, `\\`, `\;`, `\,` (and
    /// any other escaped character) stand for the character itself.
    /// - Complexity: O(*n*) in the length of `value`.
    static func unescapeText(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
