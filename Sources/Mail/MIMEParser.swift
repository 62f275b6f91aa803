/// Builds the MIME tree of a message from its bytes, without decoding any body.
enum MIMEParser {
    /// Parses `bytes` as a message: never fails, bounded by the `MIMEPart` limits.
    /// - Complexity: O(n × d) for n bytes and nesting depth d (d ≤ `MIMEPart.maxDepth`).
    static func parse(_ bytes: [UInt8]) -> MIMEPart {
        var budget = MIMEPart.maxPartCount
        return bytes.withUnsafeBufferPointer { buffer in
            parsePart(storage: bytes, buffer: buffer, range: 0..<buffer.count, defaultType: "text/plain", depth: 0, budget: &budget)
        }
    }

    private static func parsePart(storage: [UInt8], buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                                  defaultType: String, depth: Int, budget: inout Int) -> MIMEPart {
        budget -= 1
        let block = HeaderParser.parse(buffer, range: range)
        let body = min(block.bodyStart, range.upperBound)..<range.upperBound
        let declared = block.fields.first(named: "Content-Type").map { ParameterizedValue($0.value) }
        var contentType = declared.map(\.value).flatMap(validType) ?? defaultType
        let parameters = declared?.parameters ?? [:]
        let dispositionValue = block.fields.first(named: "Content-Disposition").map { ParameterizedValue($0.value) }
        let encoding = block.fields.first(named: "Content-Transfer-Encoding")
            .map { $0.value.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "(" }).first.map { $0.lowercased() } ?? "7bit" } ?? "7bit"
        var children: [MIMEPart] = []

        if contentType.hasPrefix("multipart/") {
            let boundary = Array((parameters["boundary"] ?? "").utf8)
            if depth >= MIMEPart.maxDepth {
                // Too deep: keep the body, parse no further.
            } else if let ranges = (boundary.isEmpty ? nil : split(buffer, body: body, boundary: boundary))
                        ?? leadingDelimiter(buffer, body: body).flatMap({ split(buffer, body: body, boundary: $0) }) {
                let childDefault = contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
                for childRange in ranges {
                    guard budget > 0 else { break }
                    children.append(parsePart(storage: storage, buffer: buffer, range: childRange,
                                              defaultType: childDefault, depth: depth + 1, budget: &budget))
                }
            } else {
                contentType = "text/plain"  // no boundary: read it as text, as RFC 2046 readers do
            }
        } else if ["message/rfc822", "message/global", "message/news"].contains(contentType),
                  depth < MIMEPart.maxDepth, budget > 0, !body.isEmpty {
            let encoded = encoding == "base64" || encoding == "quoted-printable"
            if encoded, body.count > MIMEPart.maxEncodedMessageSize {
                // Too big to decode a copy of: kept as a leaf, like a part past the depth limit.
            } else if encoded {
                let decoded = encoding == "base64" ? Base64.decode(buffer[body]) : QuotedPrintable.decode(buffer[body])
                children.append(decoded.withUnsafeBufferPointer {
                    parsePart(storage: decoded, buffer: $0, range: 0..<$0.count, defaultType: "text/plain", depth: depth + 1, budget: &budget)
                })
            } else {
                children.append(parsePart(storage: storage, buffer: buffer, range: body,
                                          defaultType: "text/plain", depth: depth + 1, budget: &budget))
            }
        }
        return MIMEPart(headers: block.fields, contentType: contentType, parameters: parameters,
                        disposition: dispositionValue.flatMap { $0.value.isEmpty ? nil : $0.value },
                        dispositionParameters: dispositionValue?.parameters ?? [:],
                        transferEncoding: encoding, children: children, storage: storage, bodyRange: body)
    }

    /// "type/subtype" when both halves are tokens.
    private static func validType(_ value: String) -> String? {
        var slash = 0
        var halfLength = 0
        for b in value.utf8 {
            if b == UInt8(ascii: "/") {
                guard slash == 0, halfLength > 0 else { return nil }
                slash += 1
                halfLength = 0
                continue
            }
            guard b > 32, b < 127, !tspecials.contains(b) else { return nil }
            halfLength += 1
        }
        return slash == 1 && halfLength > 0 ? value : nil
    }

    private static let tspecials = Set("()<>@,;:\\\"[]?=".utf8)

    /// The boundary of a delimiter line that opens the body ("--b1" as its first line that is not
    /// blank), for a multipart whose declared boundary is missing or occurs nowhere (a gateway that
    /// rewrote the header): its parts are still read, as lenient readers do. Nil when the line is
    /// no delimiter (a "-- " signature, prose).
    static func leadingDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, body: Range<Int>) -> [UInt8]? {
        var lineStart = body.lowerBound
        while lineStart < body.upperBound {
            let lineEnd = Byte.lineFeed(in: buffer, from: lineStart, end: body.upperBound)
            var line = Array(buffer[lineStart..<lineEnd])
            while let last = line.last, last == Byte.cr || Byte.isWSP(last) { line.removeLast() }
            lineStart = lineEnd + 1
            if line.isEmpty { continue }
            guard line.count > 2, line.count <= 72, line[0] == Byte.dash, line[1] == Byte.dash else { return nil }
            let boundary = Array(line.dropFirst(2))
            return boundary.allSatisfy({ $0 > 32 && $0 < 127 }) ? boundary : nil
        }
        return nil
    }

    /// The ranges of the body parts between delimiter lines ("--boundary", the closing one
    /// "--boundary--"; trailing blanks allowed). The line break before a delimiter belongs
    /// to it. Without a closing delimiter the last part runs to the end. Nil when no
    /// delimiter line occurs at all.
    /// - Complexity: O(n), one `memchr` per line.
    static func split(_ buffer: UnsafeBufferPointer<UInt8>, body: Range<Int>, boundary: [UInt8]) -> [Range<Int>]? {
        let delimiter: [UInt8] = [Byte.dash, Byte.dash] + boundary
        let end = body.upperBound
        var parts: [Range<Int>] = []
        var partStart: Int?
        var found = false
        var lineStart = body.lowerBound
        while lineStart < end {
            let hit = lineStart
            let nextLF = Byte.lineFeed(in: buffer, from: lineStart, end: end)
            lineStart = nextLF + 1
            guard end - hit >= delimiter.count, buffer[hit] == Byte.dash, buffer[hit + 1] == Byte.dash,
                  UnsafeBufferPointer(rebasing: buffer[hit..<(hit + delimiter.count)]).elementsEqual(delimiter)
            else { continue }
            var after = hit + delimiter.count
            let isClose = after + 1 < end && buffer[after] == Byte.dash && buffer[after + 1] == Byte.dash
            if isClose { after += 2 }
            let lineEnd = Byte.lineFeed(in: buffer, from: after, end: end)
            if buffer[after..<lineEnd].contains(where: { !Byte.isWSP($0) && $0 != Byte.cr }) { continue }
            found = true
            var contentEnd = hit
            if contentEnd > body.lowerBound, buffer[contentEnd - 1] == Byte.lf {
                contentEnd -= 1
                if contentEnd > body.lowerBound, buffer[contentEnd - 1] == Byte.cr { contentEnd -= 1 }
            }
            if let start = partStart { parts.append(start..<max(start, contentEnd)) }
            let next = lineEnd < end ? lineEnd + 1 : end
            if isClose || parts.count >= MIMEPart.maxPartCount { return parts }
            partStart = next
        }
        if let start = partStart { parts.append(start..<end) }
        return found && !parts.isEmpty ? parts : nil
    }
}
