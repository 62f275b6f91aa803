// The scheduled-work phase of `mentormail process` with N ongoing pairs whose check-ins are not
// due yet: how long a run spends finding that there is nothing to do. Prints the median, the
// minimum and the maximum over R runs, then the same with every check-in due at once.
//
// Usage: jobs-bench [pairs (10000)] [runs (25)]
import Foundation
import GRDB
import Logging
import MentorMail

let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let pairs = arguments.first ?? 10_000
let runs = arguments.dropFirst().first ?? 25

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormail-jobs-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")
let configFile = folder.appendingPathComponent("mentormail.toml")
try """
[program]
name = "Bench"
address = "mentoring@example.org"
coordinators = ["coordinator@example.org"]
database = "bench.sqlite"
templates = "\(templates.path)"
[mailbox]
url = "maildir:mailbox"
[smtp]
url = "dir:outbox"
""".write(to: configFile, atomically: true, encoding: .utf8)
let config = try Config.load(path: configFile.path)
let database = try AppDatabase(path: config.program.database)

// Seed the store directly: N mentees, N mentors, N introduced pairs, and their check-in jobs
// 90 days out (as an approval schedules them).
let introduced = Date(timeIntervalSince1970: 1_800_000_000)
let seedStart = Date()
try DatabaseQueue(path: config.program.database).write { db in
    try db.execute(sql: "INSERT INTO round (name, opensAt, closesAt, status, createdAt) VALUES ('R', ?, ?, 'closed', ?)",
                   arguments: [introduced, introduced, introduced])
    try db.execute(sql: """
        INSERT INTO matchProposal (roundID, token, algorithm, fingerprint, status, pairs, unmatched, totalScore, createdAt)
        VALUES (1, 'MM-BNCH-0001', 'optimal', 'x', 'approved', '[]', '[]', 0, ?)
        """, arguments: [introduced])
    let profile = #"{"role":"mentee","name":"P","mentoringTypes":["technical"],"areas":[],"freeTextAreas":[],"timeZone":"Europe/Madrid","languages":["English"],"interactions":["email"],"capacity":0,"availability":"","aboutMe":"","extra":{}}"#
    let participant = try db.makeStatement(sql: """
        INSERT INTO participant (email, profile, status, roundID, source, createdAt, updatedAt) VALUES (?, ?, 'active', 1, 'bench', ?, ?)
        """)
    let mentorship = try db.makeStatement(sql: """
        INSERT INTO mentorship (roundID, proposalID, menteeID, mentorID, score, explanation, status, introducedAt)
        VALUES (1, 1, ?, ?, 10, 'bench', 'introduced', ?)
        """)
    let job = try db.makeStatement(sql: """
        INSERT INTO scheduledJob (kind, subjectID, dueAt, uniqueKey, status, attempts, createdAt) VALUES ('checkin-survey', ?, ?, ?, 'pending', 0, ?)
        """)
    for index in 0..<pairs {
        try participant.execute(arguments: ["mentee\(index)@example.org", profile, introduced, introduced])
        let mentee = db.lastInsertedRowID
        try participant.execute(arguments: ["mentor\(index)@example.org", profile.replacingOccurrences(of: "\"mentee\"", with: "\"mentor\""), introduced, introduced])
        let mentor = db.lastInsertedRowID
        try mentorship.execute(arguments: [mentee, mentor, introduced])
        let id = db.lastInsertedRowID
        try job.execute(arguments: [id, introduced.addingTimeInterval(90 * 86_400), "checkin-survey:\(id)", introduced])
    }
}
print("seeded \(pairs) pairs and their check-in jobs in \(String(format: "%.1f", Date().timeIntervalSince(seedStart))) s")

let program = Program(config: config, database: database, templates: try TemplateLibrary(directory: config.program.templates))
var logger = Logger(label: "bench")
logger.logLevel = .critical

@MainActor
func measure(at now: Date, runs: Int) -> (times: [Double], report: ProcessReport) {
    var times: [Double] = []
    var last = ProcessReport()
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let start = clock.now
        last = program.runScheduledJobs(now: now, logger: logger)
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return (times.sorted(), last)
}

func line(_ label: String, _ times: [Double], _ report: ProcessReport) {
    let median = times[times.count / 2]
    print(String(format: "%@: median %.2f ms, min %.2f ms, max %.2f ms over %d run(s); jobs run %d, failures %d",
                 label, median, times.first ?? 0, times.last ?? 0, times.count, report.jobsRun, report.jobFailures))
}

let idle = measure(at: introduced.addingTimeInterval(30 * 86_400), runs: runs)
line("\(pairs) pairs, nothing due", idle.times, idle.report)
let busy = measure(at: introduced.addingTimeInterval(90 * 86_400), runs: 1)
line("\(pairs) pairs, every check-in due (\(2 * pairs) surveys queued)", busy.times, busy.report)
