extension ReplyExtractor {
    /// Byte-level helpers on UTF-8 text. Every function here runs in time linear in the
    /// bytes it is given (needles are short constants), which keeps the extractor linear.
    enum Bytes {
        typealias Slice = ArraySlice<UInt8>

        /// Whitespace that clients put around text: ASCII blanks, NBSP, narrow NBSP,
        /// zero-width space, the byte-order mark (iOS quotes start with it) and the
        /// ideographic space.
        private static let wideSpaces: [[UInt8]] = [
            [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [0xE2, 0x80, 0x8B],
            [0xEF, 0xBB, 0xBF], [0xE3, 0x80, 0x80],
        ]

        /// Decoration bytes that clients put around header words: "*", and "-*_" before attributions.
        static let asterisk: [UInt8] = [0x2A]
        static let dash: [UInt8] = [0x2D]
        static let decorations: [UInt8] = [0x2D, 0x2A, 0x5F]

        static func isASCIISpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D || byte == 0x0A
        }

        /// The length of the whitespace sequence starting at `index`, or 0.
        private static func spaceLength(_ s: Slice, at index: Int) -> Int {
            if isASCIISpace(s[index]) { return 1 }
            if s[index] < 0xC2 { return 0 }
            for space in wideSpaces where index + space.count <= s.endIndex {
                if s[index..<index + space.count].elementsEqual(space) { return space.count }
            }
            return 0
        }

        /// The length of the whitespace sequence ending just before `end`, or 0.
        private static func spaceLength(_ s: Slice, endingAt end: Int) -> Int {
            let last = s[end - 1]
            if isASCIISpace(last) { return 1 }
            if last < 0x80 { return 0 }
            for space in wideSpaces where end - space.count >= s.startIndex {
                if s[end - space.count..<end].elementsEqual(space) { return space.count }
            }
            return 0
        }

        /// `s` without leading whitespace.
        static func trimmedLeading(_ s: Slice) -> Slice {
            var start = s.startIndex
            while start < s.endIndex {
                let length = spaceLength(s, at: start)
                if length == 0 { break }
                start += length
            }
            return s[start...]
        }

        /// `s` without leading or trailing whitespace.
        static func trimmed(_ s: Slice) -> Slice {
            let head = trimmedLeading(s)
            var end = head.endIndex
            while end > head.startIndex {
                let length = spaceLength(head, endingAt: end)
                if length == 0 { break }
                end -= length
            }
            return head[head.startIndex..<end]
        }

        /// `s` without leading bytes from `set` or whitespace.
        static func trimmedLeading(_ s: Slice, dropping set: [UInt8]) -> Slice {
            var current = trimmedLeading(s)
            while let first = current.first, set.contains(first) {
                current = trimmedLeading(current.dropFirst())
            }
            return current
        }

        /// `s` without trailing bytes from `set` or whitespace.
        static func trimmedTrailing(_ s: Slice, dropping set: [UInt8]) -> Slice {
            var current = trimmed(s)
            while let last = current.last, set.contains(last) {
                current = trimmed(current.dropLast())
            }
            return current
        }

        static func isBlank(_ s: Slice) -> Bool { trimmed(s).isEmpty }

        static func lowered(_ byte: UInt8) -> UInt8 {
            (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
        }

        /// ASCII-lowercased copy (other bytes unchanged).
        static func lowercased(_ s: Slice) -> [UInt8] { s.map(lowered) }

        /// Whether `s` starts with `prefix`, ignoring ASCII case (`prefix` is lowercase).
        static func hasPrefix(_ s: Slice, _ prefix: [UInt8]) -> Bool {
            guard s.count >= prefix.count else { return false }
            var index = s.startIndex
            for byte in prefix {
                if lowered(s[index]) != byte { return false }
                index += 1
            }
            return true
        }

        /// Whether `s` ends with `suffix`, ignoring ASCII case (`suffix` is lowercase).
        static func hasSuffix(_ s: Slice, _ suffix: [UInt8]) -> Bool {
            guard s.count >= suffix.count else { return false }
            return hasPrefix(s[(s.endIndex - suffix.count)...], suffix)
        }

        /// Whether `s` contains `needle`, ignoring ASCII case. O(|s|·|needle|): call it
        /// only on bounded `s` or with short constant needles.
        static func contains(_ s: Slice, _ needle: [UInt8]) -> Bool {
            guard !needle.isEmpty, s.count >= needle.count else { return needle.isEmpty }
            var start = s.startIndex
            while start + needle.count <= s.endIndex {
                if hasPrefix(s[start...], needle) { return true }
                start += 1
            }
            return false
        }

        static func containsDigit(_ s: Slice) -> Bool { s.contains { $0 >= 0x30 && $0 <= 0x39 } }

        static func utf8(_ string: String) -> [UInt8] { Array(string.utf8) }
    }

    /// A text split into lines (CRLF, LF or CR), kept as UTF-8 byte ranges.
    struct Lines {
        let bytes: [UInt8]
        /// Each line without its line end.
        let ranges: [Range<Int>]
        /// Each line without its line end and without surrounding whitespace.
        let contents: [Range<Int>]

        init(_ text: String) {
            let bytes = Array(text.utf8)
            var ranges: [Range<Int>] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    ranges.append(start..<index)
                    index += 1
                    start = index
                case 0x0D:
                    ranges.append(start..<index)
                    index += (index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                    start = index
                default:
                    index += 1
                }
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            self.bytes = bytes
            self.ranges = ranges
            self.contents = ranges.map { range in
                let content = Bytes.trimmed(bytes[range])
                return content.startIndex..<content.endIndex
            }
        }

        var count: Int { ranges.count }

        /// Line `index` as written, without its line end.
        subscript(index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

        /// Line `index` without surrounding whitespace.
        func content(_ index: Int) -> ArraySlice<UInt8> { bytes[contents[index]] }
    }
}
