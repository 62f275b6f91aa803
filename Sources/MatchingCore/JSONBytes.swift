/// A strict RFC 8259 JSON reader over UTF-8 bytes, for the few shapes `ScoresInput(json:)` reads:
/// objects and arrays walked with closures, strings, integers, and any other value skipped (but
/// checked). Errors are `ScoresFileError`s at the current byte.
final class JSONBytes {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    /// Nesting of values being skipped, bounded so that hostile input cannot exhaust the stack.
    private var depth = 0
    private static let maxDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// An error at the current position.
    func error(_ message: String) -> ScoresFileError {
        var line = 1, column = 1
        for byte in bytes[..<min(at, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return ScoresFileError(line: line, column: column, message: message)
    }

    private func describeHere() -> String {
        guard at < bytes.count else { return "the end of the file" }
        let byte = bytes[at]
        return (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    @inline(__always)
    private func skipSpace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace) or fails, naming what was expected.
    @inline(__always)
    private func expect(_ byte: UInt8, _ what: String) throws {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { throw error("expected \(what), found \(describeHere())") }
        at += 1
    }

    /// Whether the next byte (after whitespace) is `byte`; consumes it if so.
    @inline(__always)
    private func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// Walks an object, calling `member` with each key (valid until the next read), positioned at its value.
    func object(_ member: (JSONText) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "an object ('{')")
        if take(UInt8(ascii: "}")) { return }
        repeat {
            skipSpace()
            let key = try rawString()
            try expect(UInt8(ascii: ":"), "':' after a key")
            try member(key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"), "',' or '}' in an object")
    }

    /// Reads an array, each element with `element`.
    func array<T>(_ element: () throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["), "an array ('[')")
        var result: [T] = []
        if take(UInt8(ascii: "]")) { return result }
        repeat { result.append(try element()) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"), "',' or ']' in an array")
        return result
    }

    /// Sets `slot` with `read` unless a value was already read for `name`.
    func once<T>(_ slot: inout T?, _ name: String, _ read: () throws -> T) throws {
        guard slot == nil else { throw error("\"\(name)\" is given twice") }
        slot = try read()
    }

    /// A string as its UTF-8 bytes (escapes decoded), checked.
    private func rawString() throws -> JSONText {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw error("expected a string, found \(describeHere())") }
        at += 1
        let start = at
        var ascii = true
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                at += 1
                let text = UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)])
                guard ascii || String(validating: text, as: UTF8.self) != nil else { at = start; throw error("the string is not valid UTF-8") }
                return .bytes(text)
            }
            if byte == UInt8(ascii: "\\") { at = start; return .decoded(try escapedString()) }
            if byte < 0x20 { throw error("a control character inside a string (write it as an escape)") }
            if byte >= 0x80 { ascii = false }
            at += 1
        }
        throw error("a string is not closed")
    }

    /// The rest of a string that holds escapes, decoded.
    private func escapedString() throws -> [UInt8] {
        var scratch: [UInt8] = []
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard String(validating: scratch, as: UTF8.self) != nil else { at = start; throw error("the string is not valid UTF-8") }
                return scratch
            case UInt8(ascii: "\\"):
                guard at < bytes.count else { break }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                            throw error("a \\u escape holds half of a surrogate pair")
                        }
                        at += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("a \\u escape holds half of a surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(code) {
                        throw error("a \\u escape holds half of a surrogate pair")
                    }
                    scratch.append(contentsOf: String(Character(Unicode.Scalar(code)!)).utf8)
                default:
                    at -= 1
                    throw error("unknown escape \\\(describeHere())")
                }
            default:
                if byte < 0x20 { at -= 1; throw error("a control character inside a string (write it as an escape)") }
                scratch.append(byte)
            }
        }
        throw error("a string is not closed")
    }

    private func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    /// An integer literal: `-`? digits without leading zeros, no fraction or exponent.
    func integer() throws -> Int {
        skipSpace()
        let start = at
        let negative = at < bytes.count && bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        guard at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) else {
            at = start
            throw error("expected an integer, found \(describeHere())")
        }
        if bytes[at] == UInt8(ascii: "0"), at + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at + 1]) {
            throw error("a number has a leading zero")
        }
        var magnitude: UInt64 = 0
        while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[at] - UInt8(ascii: "0")))
            guard !o1, !o2, sum <= UInt64(Int.max) + (negative ? 1 : 0) else { at = start; throw error("the integer is too large") }
            magnitude = sum
            at += 1
        }
        if at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) {
            at = start
            throw error("expected an integer, found a number with a fraction or exponent")
        }
        return negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude)
    }

    /// A participant id: a string, or an integer read as its decimal string.
    func participantKey() throws -> ParticipantKey {
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return ParticipantKey(String(try integer())) }
        return ParticipantKey(try rawString().string)
    }

    /// Skips any value, checking it.
    func skipValue() throws {
        skipSpace()
        guard at < bytes.count else { throw error("expected a value, found the end of the file") }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("values are nested more than \(Self.maxDepth) deep") }
        switch bytes[at] {
        case UInt8(ascii: "{"): try object { _ in try skipValue() }
        case UInt8(ascii: "["): _ = try array { try skipValue() }
        case UInt8(ascii: "\""): _ = try rawString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    private func literal(_ word: StaticString) throws {
        let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard at + text.count <= bytes.count, UnsafeBufferPointer(rebasing: bytes[at..<(at + text.count)]).elementsEqual(text) else {
            throw error("expected a value, found \(describeHere())")
        }
        at += text.count
    }

    /// Any JSON number.
    private func number() throws {
        func digits() -> Int {
            let start = at
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
            return at - start
        }
        let start = at
        if bytes[at] == UInt8(ascii: "-") { at += 1 }
        let whole = at
        guard digits() > 0 else { at = start; throw error("expected a value, found \(describeHere())") }
        if bytes[whole] == UInt8(ascii: "0"), at - whole > 1 { throw error("a number has a leading zero") }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw error("a number needs digits after '.'") }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw error("a number needs digits in its exponent") }
        }
    }

    /// Only whitespace may follow the document.
    func end() throws {
        skipSpace()
        guard at == bytes.count else { throw error("unexpected \(describeHere()) after the document") }
    }
}

/// A string read by `JSONBytes`: its bytes in the input, or decoded when it held escapes.
enum JSONText {
    case bytes(UnsafeBufferPointer<UInt8>)
    case decoded([UInt8])

    /// Whether the text is `word`.
    func equals(_ word: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return switch self {
        case let .bytes(bytes): bytes.elementsEqual(expected)
        case let .decoded(bytes): bytes.elementsEqual(expected)
        }
    }

    var string: String {
        switch self {
        case let .bytes(bytes): String(decoding: bytes, as: UTF8.self)
        case let .decoded(bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}
