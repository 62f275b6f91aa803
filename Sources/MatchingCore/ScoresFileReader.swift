/// Why a scores file could not be read, and where (1-based line and column, in bytes).
public struct ScoresFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

extension ScoresInput {
    /// Reads the `--scores` format (see `ScoresInput`) from UTF-8 JSON, byte by byte.
    ///
    /// Strict: it takes RFC 8259 JSON only, ids as strings or integers, capacities and scores as
    /// integers (no fraction or exponent), each known key once (other keys are skipped), and
    /// nothing after the document. What it refuses, a general JSON decoder may still take (a
    /// score written `5.0`, a repeated key); the error says what and where.
    ///
    /// - Complexity: O(bytes).
    public init(json bytes: UnsafeBufferPointer<UInt8>) throws(ScoresFileError) {
        let reader = JSONBytes(bytes)
        do {
            self = try Self.read(reader)
        } catch let error as ScoresFileError {
            throw error
        } catch {
            throw reader.error("\(error)")
        }
    }

    private static func read(_ reader: JSONBytes) throws -> ScoresInput {
        var mentors: [Mentor]?, mentees: [Mentee]?, scores: [Score]?
        try reader.object { key in
            if key.equals("mentors") {
                try reader.once(&mentors, "mentors") {
                    try reader.array {
                        var id: ParticipantKey?, capacity: Int?
                        try reader.object { key in
                            if key.equals("id") { try reader.once(&id, "id", reader.participantKey) }
                            else if key.equals("capacity") { try reader.once(&capacity, "capacity", reader.integer) }
                            else { try reader.skipValue() }
                        }
                        guard let id, let capacity else { throw reader.error("a mentor needs \"id\" and \"capacity\"") }
                        return Mentor(id: id, capacity: capacity)
                    }
                }
            } else if key.equals("mentees") {
                try reader.once(&mentees, "mentees") {
                    try reader.array {
                        var id: ParticipantKey?
                        try reader.object { key in
                            if key.equals("id") { try reader.once(&id, "id", reader.participantKey) } else { try reader.skipValue() }
                        }
                        guard let id else { throw reader.error("a mentee needs \"id\"") }
                        return Mentee(id: id)
                    }
                }
            } else if key.equals("scores") {
                try reader.once(&scores, "scores") {
                    try reader.array {
                        var mentee: ParticipantKey?, mentor: ParticipantKey?, score: Int?
                        try reader.object { key in
                            if key.equals("mentee") { try reader.once(&mentee, "mentee", reader.participantKey) }
                            else if key.equals("mentor") { try reader.once(&mentor, "mentor", reader.participantKey) }
                            else if key.equals("score") { try reader.once(&score, "score", reader.integer) }
                            else { try reader.skipValue() }
                        }
                        guard let mentee, let mentor, let score else {
                            throw reader.error("a score needs \"mentee\", \"mentor\" and \"score\"")
                        }
                        return Score(mentee: mentee, mentor: mentor, score: score)
                    }
                }
            } else {
                try reader.skipValue()
            }
        }
        try reader.end()
        guard let mentors, let mentees, let scores else {
            throw reader.error("the document needs \"mentors\", \"mentees\" and \"scores\"")
        }
        return ScoresInput(mentors: mentors, mentees: mentees, scores: scores)
    }

    /// Reads the `--scores` format from UTF-8 JSON bytes (see `init(json:)`).
    ///
    /// - Complexity: O(bytes).
    public init(json bytes: [UInt8]) throws(ScoresFileError) {
        var result: Result<ScoresInput, ScoresFileError>!
        bytes.withUnsafeBufferPointer { buffer in
            do throws(ScoresFileError) { result = .success(try ScoresInput(json: buffer)) } catch { result = .failure(error) }
        }
        self = try result.get()
    }
}
