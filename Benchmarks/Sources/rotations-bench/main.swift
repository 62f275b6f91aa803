// rotations-bench: seeded Speed Mentoring instances (500 × 60 × 4 and 2 000 × 200 × 5, in two
// score shapes), each solved 5 times by TableRotations.solve. Prints one line per instance and
// exits 1 when any misses a target: every hard rule, interest ≥ 99 % of the upper bound, and a
// median solve under 1 s. Run it through scripts/bench-rotations.sh (release build).
import Foundation
import MatchingCore

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// `--mentees N --mentors M --rotations R --shape S --runs K` run one instance instead of the four.
func argument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let at = args.firstIndex(of: name), at + 1 < args.count else { return nil }
    return args[at + 1]
}

let runs = argument("--runs").flatMap { Int($0) } ?? 5
var sizes = [(500, 60, 4), (2_000, 200, 5)]
if let n = argument("--mentees").flatMap({ Int($0) }), let m = argument("--mentors").flatMap({ Int($0) }),
   let r = argument("--rotations").flatMap({ Int($0) }) {
    sizes = [(n, m, r)]
}
let shapes = argument("--shape").flatMap { ScoreShape(rawValue: $0) }.map { [$0] } ?? ScoreShape.allCases
let clock = ContinuousClock()
var missed = false
print("mentees mentors rotations shape    median_s  interest     bound  ratio_%  repeats  rules")
for (mentees, mentors, rotations) in sizes {
    for shape in shapes {
        let problem = rotationInstance(mentees: mentees, mentors: mentors, rotations: rotations, shape: shape, seed: 20_240_917)
        var times: [Double] = []
        var plan: RotationPlan?
        do {
            for _ in 0..<runs {
                let start = clock.now
                let solved = try TableRotations.solve(problem)
                times.append(seconds(clock.now - start))
                if let plan, plan != solved { throw BenchError("two runs gave different plans") }
                plan = solved
            }
        } catch {
            print("\(mentees) \(mentors) \(rotations) \(shape.rawValue): \(error)")
            missed = true
            continue
        }
        guard let plan else { continue }
        let median = times.sorted()[times.count / 2]
        let problems = TableRotations.violations(of: plan, for: problem)
        let ratio = 100 * plan.ratioToBound
        let ok = problems.isEmpty && ratio >= 99 && median < 1
        if !ok { missed = true }
        print(String(format: "%7ld %7ld %9ld %-8@ %8.3f %9ld %9ld %8.3f %8ld  %@", mentees, mentors, rotations, shape.rawValue,
                     median, plan.totalInterest, plan.upperBound, ratio, plan.repeatedMenteePairs,
                     problems.isEmpty ? (ok ? "all hold" : "all hold, MISSED a target") : "BROKEN"))
        for problem in problems.prefix(5) { print("    \(problem)") }
    }
}
exit(missed ? 1 : 0)

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
