import ArgumentParser
import Foundation
import MatchingCore
import MentorMail

extension MentorMailCommand {
    struct MatchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Propose a round's matches for the coordinators to approve, or solve a raw scores file.",
            discussion: """
            With --round: scores every mentee of the round against every mentor with a free slot \
            (hard rules first: roles, mentoring type, a common language, capacity, earlier pairs, \
            time-zone overlap for live meetings; then shared areas, ways to meet and time-zone \
            distance), finds the assignment that matches the most mentees with the highest total \
            score (or a stable one), and mails the proposal to the coordinators. They approve by \
            replying "APPROVE <code>" (or with `mentormail round approve`); only then does each \
            pair get its one introduction.

            With --scores: solves a raw scores file, for benchmarks and independent checks, and \
            prints the pairs, the unmatched mentees and the total score as JSON. The file is one \
            JSON object; each element of "scores" allows one mentee with one \
            mentor at that score (an integer, 0 to 2147483647), and a pair not listed is never \
            matched. Ids are strings or integers; other keys are ignored:

              {"mentors": [{"id": "m1", "capacity": 2}, {"id": "m2", "capacity": 1}],
               "mentees": [{"id": "e1"}, {"id": "e2"}],
               "scores":  [{"mentee": "e1", "mentor": "m1", "score": 40},
                           {"mentee": "e2", "mentor": "m1", "score": 15}]}

            Examples:
              mentormail match --round 2027-Q1 --dry-run
              mentormail match --round 2027-Q1 --report round.html
              mentormail match --round 2027-Q1 --algorithm stable --json
              mentormail match --scores instance.json --json
            """
        )

        @OptionGroup var options: ProgramOptions
        @Option(help: ArgumentHelp("The round to match.", valueName: "name")) var round: String?
        @Option(help: ArgumentHelp("A raw scores file to solve instead (JSON).", valueName: "file")) var scores: String?
        @Option(help: ArgumentHelp("optimal (most pairs, then best total) or stable (no pair would rather swap).", valueName: "name"))
        var algorithm: MatchMethod = .optimal
        @Flag(help: "Compute and show the proposal; store and mail nothing.") var dryRun = false
        @Flag(help: "Print JSON.") var json = false
        @Option(help: ArgumentHelp("Also write a self-contained HTML report of the round.", valueName: "file")) var report: String?

        func validate() throws {
            if (round == nil) == (scores == nil) { throw ValidationError("give either --round NAME or --scores FILE") }
            if scores != nil && !json { throw ValidationError("--scores prints JSON: add --json") }
        }

        func run() throws {
            try runReportingErrors {
                if let scores { return try solveScoresFile(scores) }
                guard let round else { return }
                let config = try Config.load(path: options.config)
                let opened = try OpenProgram(config, dryRun: dryRun)
                defer { withExtendedLifetime(opened) {} }
                let database = opened.database
                let proposal = try opened.program.proposeMatches(round: round, method: algorithm, dryRun: dryRun, now: options.clock)
                let people = try database.participantsByID()
                let view = ProposalView(proposal, people: people, dryRun: dryRun)
                if let report {
                    let html = RoundReport(round: round, proposal: proposal, people: people, config: config, now: options.clock,
                                           earlierLoad: try database.ongoingLoad(notInRound: proposal.roundID)).html()
                    do { try html.write(toFile: report, atomically: true, encoding: .utf8) } catch {
                        throw MentorMailError(.unavailable, "cannot write \(report): \(error.localizedDescription)")
                    }
                }
                if json {
                    try printJSON(view)
                } else {
                    print(view.text)
                    print(dryRun ? "\n(dry run: nothing stored or mailed)"
                          : "\nProposal \(proposal.token): the review goes to the coordinators with the next `mentormail process`. "
                            + "Approve: reply \"APPROVE \(proposal.token)\" to it, or run `mentormail round approve \(round)`.")
                    if let report { print("Report: \(report)") }
                }
            }
        }

        private func solveScoresFile(_ path: String) throws {
            guard let data = FileManager.default.contents(atPath: path) else { throw cannotRead(path) }
            let input: ScoresInput
            do {
                input = try data.withUnsafeBytes { raw throws(ScoresFileError) in try ScoresInput(json: raw.bindMemory(to: UInt8.self)) }
            } catch {
                // The byte reader is strict; a general decoder may still read what it refused (`5.0`).
                guard let decoded = try? JSONDecoder().decode(ScoresInput.self, from: data) else {
                    throw MentorMailError(.data, "\(path) is not a scores file: \(error)")
                }
                input = decoded
            }
            let clock = ContinuousClock()
            let start = clock.now
            var output: ScoresOutput
            do { output = try solveScores(input, method: algorithm) } catch {
                throw MentorMailError(.data, "\(path): \(error)")
            }
            let elapsed = clock.now - start
            output.solveSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        }
    }
}

extension MatchMethod: ExpressibleByArgument {}
