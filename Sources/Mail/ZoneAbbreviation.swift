import Foundation

/// A time zone's abbreviation at a moment ("CET", "PDT"), read from the system's zone data (the
/// TZif files under `$TZDIR` or /usr/share/zoneinfo), which Foundation on Linux does not give
/// (it says "GMT+1"). Nil when the data is missing, or names the time only by its offset ("+04").
enum ZoneAbbreviation {
    /// `daylight`: whether daylight-saving time is in force then (for moments past the file's
    /// last transition, named by its closing rule).
    static func name(of identifier: String, at date: Date, daylight: Bool) -> String? {
        let parts = identifier.split(separator: "/", omittingEmptySubsequences: false)
        guard !identifier.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        let folder = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
        guard let data = FileManager.default.contents(atPath: folder + "/" + identifier), let zone = TZif(Array(data)),
              let name = zone.abbreviation(at: Int64(date.timeIntervalSince1970.rounded(.down)), daylight: daylight) else { return nil }
        return name.count >= 2 && name.allSatisfy({ $0.isASCII && $0.isLetter }) ? name : nil
    }
}

/// What a TZif file (RFC 8536) says about the names of local time: its transitions, the type
/// of time each starts, and the rule (its footer) for the times after the last one.
private struct TZif {
    var transitions: [Int64] = []
    var types: [Int] = []
    var names: [String] = []
    var footer = ""

    init?(_ bytes: [UInt8]) {
        func number(_ at: Int, _ size: Int) -> Int64? {
            guard at >= 0, at + size <= bytes.count else { return nil }
            var value: Int64 = bytes[at] >= 0x80 ? -1 : 0
            for byte in bytes[at..<at + size] { value = value << 8 | Int64(byte) }
            return value
        }
        /// isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
        func counts(_ at: Int) -> [Int]? {
            guard at + 44 <= bytes.count, bytes[at..<at + 4].elementsEqual("TZif".utf8) else { return nil }
            let values = (0..<6).compactMap { number(at + 20 + 4 * $0, 4).map(Int.init) }
            return values.count == 6 && values.allSatisfy({ $0 >= 0 }) ? values : nil
        }
        guard var header = counts(0) else { return nil }
        var start = 0, timeSize = 4
        if bytes[4] >= UInt8(ascii: "2") {
            // The 64-bit data follows the 32-bit block.
            start = 44 + header[3] * 5 + header[4] * 6 + header[5] + header[2] * 8 + header[1] + header[0]
            guard let later = counts(start) else { return nil }
            header = later
            timeSize = 8
        }
        let timeCount = header[3], typeCount = header[4], charCount = header[5]
        var at = start + 44
        for index in 0..<timeCount {
            guard let time = number(at + index * timeSize, timeSize) else { return nil }
            transitions.append(time)
        }
        at += timeCount * timeSize
        guard at + timeCount + typeCount * 6 + charCount <= bytes.count else { return nil }
        types = bytes[at..<at + timeCount].map(Int.init)
        at += timeCount
        let infos = at
        at += typeCount * 6
        let chars = Array(bytes[at..<at + charCount])
        at += charCount
        for type in 0..<typeCount {
            let index = Int(bytes[infos + type * 6 + 5])
            guard index < chars.count else { return nil }
            names.append(String(decoding: chars[index...].prefix { $0 != 0 }, as: UTF8.self))
        }
        guard types.allSatisfy({ $0 < names.count }) else { return nil }
        if timeSize == 8 {
            at += header[2] * 12 + header[1] + header[0]
            if at < bytes.count, bytes[at] == UInt8(ascii: "\n") {
                footer = String(decoding: bytes[(at + 1)...].prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            }
        }
    }

    func abbreviation(at time: Int64, daylight: Bool) -> String? {
        if transitions.last.map({ time >= $0 }) ?? true, let rule = rule() {
            return daylight ? rule.daylight ?? rule.standard : rule.standard
        }
        guard let index = transitions.lastIndex(where: { $0 <= time }) else { return names.first }
        return names[types[index]]
    }

    /// The names in the footer's rule: "CET-1CEST,M3.5.0,M10.5.0/3" names CET and CEST;
    /// "<+04>-4" names "+04".
    private func rule() -> (standard: String, daylight: String?)? {
        var rest = Substring(footer)
        func name() -> String? {
            if rest.first == "<" {
                guard let end = rest.firstIndex(of: ">") else { return nil }
                defer { rest = rest[rest.index(after: end)...] }
                return String(rest[rest.index(after: rest.startIndex)..<end])
            }
            let letters = rest.prefix { $0.isLetter }
            guard letters.count >= 3 else { return nil }
            rest = rest.dropFirst(letters.count)
            return String(letters)
        }
        guard let standard = name() else { return nil }
        rest = rest.drop { "+-0123456789:".contains($0) }
        return (standard, rest.isEmpty || rest.first == "," ? nil : name())
    }
}
