import Foundation
import TOMLKit
import Mail

/// The tables and keys a config may have. Anything else is a mistake worth stopping for: a
/// misspelt `databse` would otherwise quietly mean the default database.
enum ConfigSchema {
    /// Keys of each table; `nil` for tables whose keys are the user's own (area names, headers).
    static let tables: [String: Set<String>?] = [
        "program": ["name", "address", "coordinators", "database", "templates"],
        "mailbox": ["url", "user", "password_env", "starttls", "ca_file", "move_to", "password"],
        "smtp": ["url", "user", "password_env", "starttls", "ca_file", "password"],
        "enrollment": ["capacity_min", "capacity_max", "round_opens", "trusted_authserv_id", "areas", "import_headers"],
        "enrollment.areas": nil,
        "enrollment.import_headers": nil,
        "matching": ["shared_area", "shared_interaction", "mentoring_type", "time_zone_closeness", "same_region",
                     "minimum_overlap_hours", "waking_from", "waking_until"],
        "checkin": ["after_days", "reminder_after_days"],
        "events": ["groups_before_hours"],
        "safety": ["max_answers_per_sender_per_day"],
    ]

    /// Table and key names outside quotes may only use TOML's bare-key characters, and table
    /// headers must be well formed. Checked before the TOML library sees the text: it aborts the
    /// process on such input (non-ASCII names, `[[[`, `[.a]`) instead of reporting it.
    static func checkBareNames(_ text: String, file: String) throws {
        // NEL and the Unicode line and paragraph separators end lines for Swift but not for
        // TOML (its parser aborts on one inside a list): refused, so both read the same lines.
        var lineNumber = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lineNumber += 1 }
            if [0x85, 0x2028, 0x2029].contains(scalar.value) {
                throw MentorMailError(.config, "\(file): line \(lineNumber): the line separator U+\(String(format: "%04X", scalar.value)) is not allowed in a config file; use a plain line break")
            }
        }
        // TOML allows no control characters but tab and line ends, not even in strings.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let bad = line.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
                throw MentorMailError(.config, "\(file): line \(index + 1): the control character U+\(String(format: "%04X", bad.value)) is not allowed in a config file; remove it")
            }
        }
        // Scalars, not characters: a combining mark after `[` or `"` makes one character of
        // them, but the TOML parser still reads a bracket or a quote.
        var multiline: [UInt8]?
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(raw)
            if let open = multiline {
                if ByteSearch.contains(open, in: Array(line.utf8)) { multiline = nil }
                continue
            }
            let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
            let scalars = Array(line.unicodeScalars)
            let trimmed = scalars.drop(while: blank).reversed().drop(while: blank).reversed()
            let isHeader = trimmed.first == "["
            var name = String.UnicodeScalarView()
            var quote: Unicode.Scalar?
            var ended = false
            var quoted = false
            // `[table]` or `[[array of tables]]`: never a third bracket.
            let body = isHeader ? Array(trimmed.dropFirst(trimmed.starts(with: ["[", "["]) ? 2 : 1)) : scalars
            if isHeader && body.first == "[" {
                throw MentorMailError(.config, "\(file): line \(index + 1): a table header has one bracket on each side, such as [program]")
            }
            // The TOML parser stops the program at a header whose name starts otherwise (`[.a]`).
            if isHeader, body.first(where: { !blank($0) }) == "." {
                throw MentorMailError(.config, "\(file): line \(index + 1): a table name cannot start with a dot; write it such as [program] or [areas]")
            }
            for scalar in body {
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                if scalar == "\"" || scalar == "'" {
                    quote = scalar
                    quoted = true
                    continue
                }
                if scalar == "#" && !isHeader { break }
                if isHeader ? scalar == "]" : scalar == "=" {
                    ended = true
                    break
                }
                name.append(scalar)
            }
            if isHeader && name.allSatisfy(blank) && !quoted {
                throw MentorMailError(.config, "\(file): line \(index + 1): a table header needs a name, such as [program]")
            }
            // A multi-line string opened on this line runs on: its lines are no names. (Not a
            // delimiter in a comment or in a string: that would hide the lines after it.)
            multiline = unclosedMultiline(Array(line.utf8))
            guard isHeader || ended, !name.allSatisfy({ $0.isASCII && bareNameBytes.contains(UInt8($0.value)) }) else { continue }
            let shown = String(String(name).trimmingCharacters(in: .whitespaces)).unicodeScalars
                .map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            throw MentorMailError(.config, "\(file): line \(index + 1): the name `\(shown)` has characters TOML does not allow in a bare name (only ASCII letters, digits, - and _); put it in quotes or correct it")
        }
    }

    /// What a bare name may hold, with the dots, spaces and tabs of a dotted name.
    private static let bareNameBytes = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. \t".utf8)

    /// Refuses a `}` inside a list (`coordinators = [}`), which the TOML parser does not report
    /// but stops the program on. Reads values only: from each `=` to the end of what it opened,
    /// skipping strings and comments.
    static func checkLists(_ text: String, file: String) throws {
        var open: [UInt8] = []  // The brackets and braces open around here.
        var inValue = false
        var line = 1
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                if open.isEmpty { inValue = false }
            case UInt8(ascii: "#"):
                while let next = bytes.first, next != UInt8(ascii: "\n") { bytes.removeFirst() }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let triple = bytes.starts(with: [byte, byte])
                if triple { bytes.removeFirst(2) }
                // To the closing quote (a basic string's escapes skipped); a newline ends a
                // one-line string, which the parser reports.
                while let next = bytes.popFirst() {
                    if next == UInt8(ascii: "\n") {
                        line += 1
                        if !triple { break }
                    } else if next == UInt8(ascii: "\\") && byte == UInt8(ascii: "\"") {
                        _ = bytes.popFirst()
                    } else if next == byte && (!triple || bytes.starts(with: [byte, byte])) {
                        if triple { bytes.removeFirst(2) }
                        break
                    }
                }
            case UInt8(ascii: "="):
                inValue = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if inValue { open.append(byte) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard inValue, let last = open.popLast() else { continue }
                if byte == UInt8(ascii: "}") && last == UInt8(ascii: "[") {
                    throw MentorMailError(.config, "\(file): line \(line): a `}` inside a list; a list ends with ], such as [\"a\", \"b\"]")
                }
            default:
                continue
            }
        }
    }

    /// The delimiter (`"""` or `'''`) of a multi-line string that `line` opens and does not
    /// close; strings that end on the line and comments are passed over.
    private static func unclosedMultiline(_ line: [UInt8]) -> [UInt8]? {
        let backslash = UInt8(ascii: "\\")
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "#") { return nil }
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") else {
                index += 1
                continue
            }
            let delimiter = line[index...].starts(with: [byte, byte, byte]) ? [byte, byte, byte] : [byte]
            index += delimiter.count
            var closed = false
            while index < line.count {
                if byte == UInt8(ascii: "\""), line[index] == backslash {
                    index += 2
                } else if line[index...].starts(with: delimiter) {
                    index += delimiter.count
                    closed = true
                    break
                } else {
                    index += 1
                }
            }
            if !closed { return delimiter.count == 3 ? delimiter : nil }
        }
        return nil
    }

    /// Every unknown table or key, in one error naming each with its line and the nearest
    /// known name (a typo in one place should not hide the next).
    static func check(_ root: TOMLTable, text: String, file: String) throws {
        let lines = KeyLines(text)
        var found: [(line: Int, words: String)] = []
        for key in root.keys.sorted(by: { lines.line(of: $0, in: "") < lines.line(of: $1, in: "") }) {
            guard let value = root[key] else { continue }
            guard let table = value.table else {
                found.append(unknown("key `\(key)` at the top of the file", line: lines.line(of: key, in: ""),
                                     hint: "every setting belongs in a section such as [program]"))
                continue
            }
            check(table, name: key, lines: lines, into: &found)
        }
        guard !found.isEmpty else { return }
        let words = found.sorted { $0.line < $1.line }.map(\.words)
        throw MentorMailError(.config, "\(file): " + words.joined(separator: "; "))
    }

    private static func check(_ table: TOMLTable, name: String, lines: KeyLines, into found: inout [(line: Int, words: String)]) {
        guard let entry = tables[name] else {
            let known = tables.keys.filter { !$0.contains(".") || name.contains(".") }
            found.append(unknown("table [\(name)]", line: lines.tableLine(name), hint: nearest(name, in: Set(known)).map { "did you mean [\($0)]?" }))
            return
        }
        guard let keys = entry else { return }
        for key in table.keys.sorted(by: { lines.line(of: $0, in: name) < lines.line(of: $1, in: name) }) where !keys.contains(key) {
            if table[key]?.table != nil, tables["\(name).\(key)"] != nil { continue }
            found.append(unknown("key `\(key)` in [\(name)]", line: lines.line(of: key, in: name),
                                 hint: nearest(key, in: keys.subtracting(["password"])).map { "did you mean `\($0)`?" }
                                    ?? owner(of: key).map { "`\(key)` belongs in [\($0)]: write (or uncomment) the [\($0)] line above it" }))
        }
        for key in table.keys {
            if let child = table[key]?.table, keys.contains(key) {
                check(child, name: "\(name).\(key)", lines: lines, into: &found)
            }
        }
    }

    /// The one table whose keys include `key`, if any.
    private static func owner(of key: String) -> String? {
        let owners = tables.filter { $0.value?.contains(key) == true }.map(\.key)
        return owners.count == 1 ? owners[0] : nil
    }

    private static func unknown(_ what: String, line: Int, hint: String?) -> (line: Int, words: String) {
        let place = line == Int.max ? "" : ", line \(line)"
        return (line, "unknown \(what)\(place)\(hint.map { ": \($0)" } ?? "")")
    }

    /// The known name closest to `name` (a typo away), if any is close enough.
    static func nearest(_ name: String, in known: Set<String>) -> String? {
        let scored = known.map { ($0, distance(name.lowercased(), $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = scored.first else { return nil }
        let allowed = max(2, min(name.count, best.0.count) / 3)
        return best.1 <= allowed || best.0.hasPrefix(name) || name.hasPrefix(best.0) ? best.0 : nil
    }

    /// Edit distance, two letters swapped counting as one edit ("tpye" is one from "type"), as
    /// a typo is (also `editDistance`, for the command line's suggestions).
    static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b), atMost: .max) ?? .max
    }

    /// The same distance over any elements (the scalars of labels checked by the hundred), nil
    /// as soon as it must exceed `limit`: a row of the table whose every cell is past it.
    static func distance<Element: Equatable>(_ a: [Element], _ b: [Element], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty else { return b.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in a.indices {
            current[0] = i + 1
            var rowBest = current[0]
            for j in b.indices {
                var best = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
                if i > 0, j > 0, a[i] == b[j - 1], a[i - 1] == b[j], a[i] != b[j] { best = min(best, before[j - 1] + 1) }
                current[j + 1] = best
                rowBest = min(rowBest, best)
            }
            if rowBest > limit { return nil }
            swap(&before, &previous)
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// Where each key and table header stands in the file (TOMLKit keeps no positions).
    struct KeyLines {
        var keys: [String: Int] = [:]
        var headers: [String: Int] = [:]

        init(_ text: String) {
            var table = ""
            for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(separator: "#").first
                        .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")) } ?? ""
                    if headers[table] == nil { headers[table] = index + 1 }
                    continue
                }
                guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
                let key = line[..<equals].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                if keys["\(table)\u{0}\(key)"] == nil { keys["\(table)\u{0}\(key)"] = index + 1 }
            }
        }

        func line(of key: String, in table: String) -> Int { keys["\(table)\u{0}\(key)"] ?? Int.max }
        func tableLine(_ table: String) -> Int { headers[table] ?? Int.max }
    }
}

/// Edit distance between two words (a swap of two letters is one edit), for suggestions ("stauts" is one edit from a command).
public func editDistance(_ a: String, _ b: String) -> Int { ConfigSchema.distance(a, b) }

/// The `candidates` a typing slip away from `word` (at most `limit` edits), in their order: the
/// "did you mean" of the command line and of a command line sent by mail.
public func typingSlips(of word: String, among candidates: [String], limit: Int = 2) -> [String] {
    candidates.filter { $0 != word && editDistance($0, word) <= limit }
}
