// matching-bench: generates a seeded instance, solves it with MatchingCore (optimal and stable),
// verifies both, writes the instance and results as the `--scores` JSON formats, and prints one
// JSON line of figures. Benchmarks/compare.py runs it and compares with scipy and `matching`.
//
// Usage: matching-bench --mentees N --mentors M --density D --seed S --repeat R --out DIR
//                       [--shape profile|uniform] [--no-stable] [--raw] [--no-files]
// --raw also times the `--scores` path: reading instance.json with the byte reader (and with
// JSONDecoder, for comparison) and solving from decoded values.
import Foundation
import MatchingCore

func argument(_ name: String, default value: String) -> String {
    let args = CommandLine.arguments
    guard let at = args.firstIndex(of: name), at + 1 < args.count else { return value }
    return args[at + 1]
}
func flag(_ name: String) -> Bool { CommandLine.arguments.contains(name) }

/// Resident set size now and its peak since the last `resetPeak()`, in MiB (Linux; else -1).
func memory() -> (current: Double, peak: Double) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (-1, -1) }
    func field(_ name: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kib / 1024
    }
    return (field("VmRSS"), field("VmHWM"))
}

/// Starts a new peak measurement (Linux: writing 5 to clear_refs resets VmHWM).
func resetPeak() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// CPU time of this process so far, in seconds.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func run() throws {
    let mentees = Int(argument("--mentees", default: "10000")) ?? 10000
    let mentors = Int(argument("--mentors", default: "2500")) ?? 2500
    let density = Double(argument("--density", default: "0.01")) ?? 0.01
    let seed = UInt64(argument("--seed", default: "1")) ?? 1
    let repeats = max(1, Int(argument("--repeat", default: "5")) ?? 5)
    let out = argument("--out", default: ".")
    guard let shape = ScoreShape(rawValue: argument("--shape", default: "profile")) else { throw BenchError("--shape is profile or uniform") }
    let clock = ContinuousClock()
    var stats: [String: Any] = ["mentees": mentees, "mentors": mentors, "density": density, "seed": seed, "shape": shape.rawValue]

    let start = clock.now
    let problem = try Instance(mentees: mentees, mentors: mentors, density: density, seed: seed, shape: shape).problem
    stats["generateSeconds"] = seconds(clock.now - start)
    stats["edges"] = problem.edgeCount
    stats["slots"] = problem.mentorCapacities.reduce(0, +)
    var processPeak = memory().peak
    let baseline = memory().current
    resetPeak()

    var times: [Double] = []
    var cpuTimes: [Double] = []
    var solution: OptimalSolution?
    for _ in 0..<repeats {
        let t = clock.now, c = cpuSeconds()
        solution = try problem.optimalAssignment()
        times.append(seconds(clock.now - t))
        cpuTimes.append(cpuSeconds() - c)
    }
    guard let optimal = solution else { throw BenchError("no solution") }
    stats["optimalExtraMiB"] = memory().peak - baseline
    processPeak = max(processPeak, memory().peak)
    stats["optimalProcessPeakMiB"] = processPeak
    stats["optimalSeconds"] = times
    stats["optimalMedian"] = median(times)
    stats["optimalCPUSeconds"] = cpuTimes
    stats["rounds"] = optimal.rounds
    stats["candidateEdges"] = optimal.candidateEdgeCount
    stats["matched"] = optimal.assignment.matchedCount
    stats["total"] = optimal.assignment.totalScore
    let checkStart = clock.now
    let violations = problem.optimalityViolations(of: optimal.assignment, certificate: optimal.certificate)
    stats["checkSeconds"] = seconds(clock.now - checkStart)
    guard violations.isEmpty else { throw BenchError("certificate rejected: \(violations)") }

    if !flag("--no-stable") {
        let before = memory().current
        resetPeak()
        var stableTimes: [Double] = []
        var stable = Assignment(pairs: [])
        for _ in 0..<repeats {
            let t = clock.now
            stable = problem.stableMatching()
            stableTimes.append(seconds(clock.now - t))
        }
        stats["stableSeconds"] = stableTimes
        stats["stableMedian"] = median(stableTimes)
        stats["stableExtraMiB"] = memory().peak - before
        stats["stableProcessPeakMiB"] = memory().peak
        processPeak = max(processPeak, memory().peak)
        stats["stableMatched"] = stable.matchedCount
        stats["stableTotal"] = stable.totalScore
        stats["blockingPairs"] = problem.blockingPairs(in: stable).count
        if !flag("--no-files") {
            try writeOutput(stable, menteeCount: mentees, seconds: median(stableTimes), to: out + "/stable.json")
        }
    }

    if flag("--raw") {
        // The `--scores` path end to end from decoded values: ids → indices, checks, solve.
        let input = ScoresInput(
            mentors: problem.mentorCapacities.enumerated().map { .init(id: ParticipantKey(String($0.offset)), capacity: $0.element) },
            mentees: (0..<mentees).map { .init(id: ParticipantKey(String($0))) },
            scores: (0..<problem.edgeCount).map {
                let e = problem.edge(at: $0)
                return .init(mentee: ParticipantKey(String(e.mentee)), mentor: ParticipantKey(String(e.mentor)), score: e.score)
            })
        let t = clock.now
        let output = try solveScores(input)
        stats["rawSeconds"] = seconds(clock.now - t)
        guard output.total == optimal.assignment.totalScore, output.pairs.count == optimal.assignment.matchedCount else {
            throw BenchError("solveScores disagrees with optimalAssignment")
        }
    }

    if !flag("--no-files") {
        try writeInstance(problem, to: out + "/instance.json")
        try writeOutput(optimal.assignment, menteeCount: mentees, seconds: median(times), to: out + "/optimal.json")
        if flag("--raw") {
            // What `match --scores` does before solving: read the file into a ScoresInput.
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/instance.json")))
            var readTimes: [Double] = []
            for _ in 0..<repeats {
                let t = clock.now
                let input = try ScoresInput(json: bytes)
                readTimes.append(seconds(clock.now - t))
                guard input.scores.count == problem.edgeCount else { throw BenchError("the byte reader lost scores") }
            }
            stats["readJSONSeconds"] = median(readTimes)
            let t = clock.now
            _ = try JSONDecoder().decode(ScoresInput.self, from: Data(bytes))
            stats["decodeJSONSeconds"] = seconds(clock.now - t)
        }
    }
    stats["processPeakMiB"] = max(processPeak, memory().peak)
    let line = try JSONSerialization.data(withJSONObject: stats, options: [.sortedKeys])
    print(String(decoding: line, as: UTF8.self))
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("matching-bench: \(error)\n".utf8))
    exit(1)
}
