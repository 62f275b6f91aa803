import Foundation
import MatchingCore

/// Streams JSON to a file in large chunks (the dense instance is about a gigabyte).
struct JSONStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw BenchError("cannot create \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 23)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 23 { flush() }
    }

    mutating func write(_ value: Int) {
        var digits: [UInt8] = []
        var v = value.magnitude
        repeat { digits.append(UInt8(ascii: "0") + UInt8(v % 10)); v /= 10 } while v > 0
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        buffer.append(contentsOf: digits.reversed())
    }

    mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        flush()
        try handle.close()
    }
}

/// Writes the `--scores` input format, ids as decimal strings, one score per line.
func writeInstance(_ problem: AssignmentProblem, to path: String) throws {
    var out = try JSONStream(path: path)
    out.write("{\"mentors\":[")
    for (j, capacity) in problem.mentorCapacities.enumerated() {
        out.write(j == 0 ? "\n{\"id\":\"" : ",\n{\"id\":\""); out.write(j); out.write("\",\"capacity\":"); out.write(capacity); out.write("}")
    }
    out.write("],\n\"mentees\":[")
    for i in 0..<problem.menteeCount {
        out.write(i == 0 ? "\n{\"id\":\"" : ",\n{\"id\":\""); out.write(i); out.write("\"}")
    }
    out.write("],\n\"scores\":[")
    for k in 0..<problem.edgeCount {
        let e = problem.edge(at: k)
        out.write(k == 0 ? "\n{\"mentee\":\"" : ",\n{\"mentee\":\""); out.write(e.mentee)
        out.write("\",\"mentor\":\""); out.write(e.mentor); out.write("\",\"score\":"); out.write(e.score); out.write("}")
    }
    out.write("\n]}\n")
    try out.close()
}

/// Writes the `--json` output format.
func writeOutput(_ assignment: Assignment, menteeCount: Int, seconds: Double, to path: String) throws {
    let matched = Set(assignment.pairs.map(\.mentee))
    let output = ScoresOutput(
        pairs: assignment.pairs.map { .init(mentee: String($0.mentee), mentor: String($0.mentor), score: $0.score) },
        unmatched: (0..<menteeCount).filter { !matched.contains($0) }.map(String.init),
        total: assignment.totalScore, solveSeconds: seconds)
    try JSONEncoder().encode(output).write(to: URL(fileURLWithPath: path))
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
