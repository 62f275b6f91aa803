import Foundation

/// A round's proposal as one self-contained HTML page: figures, pairs with reasons, the
/// unmatched with reasons, and small inline SVG charts. No scripts, fonts or images from
/// the network, so it opens anywhere and can be mailed or archived as is.
public struct RoundReport {
    public var round: String
    public var proposal: MatchProposal
    public var people: [Int64: Participant]
    public var config: Config
    public var now: Date
    /// The round's pairs after their introduction; once check-ins come back, the report shows
    /// how they are doing.
    public var pairs: [PairView]
    /// Mentees each mentor already has from other rounds: the load chart counts them too, so
    /// "the only compatible mentor is full" adds up.
    public var earlierLoad: [Int64: Int]

    public init(round: String, proposal: MatchProposal, people: [Int64: Participant], config: Config, now: Date, pairs: [PairView] = [],
                earlierLoad: [Int64: Int] = [:]) {
        self.earlierLoad = earlierLoad
        self.round = round
        self.proposal = proposal
        self.people = people
        self.config = config
        self.now = now
        self.pairs = pairs
    }

    /// "How the pairs are doing": each pair's state and both sides' check-in answers, with the
    /// counts; only once at least one check-in has come back.
    func pairsSection() -> String {
        let answered = pairs.filter { Self.hasAnswers($0.menteeCheckin) || Self.hasAnswers($0.mentorCheckin) }
        guard !answered.isEmpty else { return "" }
        let counts = Dictionary(grouping: pairs, by: \.status).mapValues(\.count)
        let figures = ["introduced", "active", "graduated", "ended"].map { ($0, counts[$0] ?? 0) }
        var html = """
            <h2>How the pairs are doing</h2>
            <p class="meta">\(answered.count) of \(pairs.count) pairs answered their check-in; as of \(escape(now.formatted(.iso8601)))</p>
            <div class="figures">\(figures.map { "<div><b>\($0.1)</b><span>\($0.0)</span></div>" }.joined())</div>
            <table><tr><th>Pair</th><th>Status</th><th>Mentee's check-in</th><th>Mentor's check-in</th></tr>

            """
        for pair in pairs {
            html += "<tr><td>\(escape(pair.mentee.name)) with \(escape(pair.mentor.name))<br><small>pair \(pair.id)</small></td>"
                + "<td>\(escape(pair.shownStatus))\(pair.endedReason.map { "<br><small>\(escape($0))</small>" } ?? "")</td>"
                + "<td>\(escape(pair.menteeCheckin ?? "-"))</td><td>\(escape(pair.mentorCheckin ?? "-"))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    static func hasAnswers(_ checkin: String?) -> Bool {
        guard let checkin else { return false }
        return !checkin.contains("no answer yet") && checkin != "cancelled, not sent"
    }

    public func html() -> String {
        let view = ProposalView(proposal, people: people)
        let mentees = Set(proposal.pairs.map(\.menteeID) + proposal.unmatched.map(\.menteeID))
        let mentors = Set(proposal.pairs.map(\.mentorID))
        let average = proposal.pairs.isEmpty ? 0 : proposal.totalScore / proposal.pairs.count
        let figures = [
            ("mentees", "\(mentees.count)"), ("matched", "\(proposal.pairs.count)"), ("unmatched", "\(proposal.unmatched.count)"),
            ("mentors used", "\(mentors.count)"), ("total score", "\(proposal.totalScore)"), ("average score", "\(average)"),
        ]
        var body = """
            <h1>\(escape(config.program.name)): round \(escape(round))</h1>
            <p class="meta">Proposal \(escape(proposal.token)), \(escape(proposal.algorithm)) matching, \(escape(proposal.status.rawValue)); \
            computed \(escape(proposal.createdAt.formatted(.iso8601)))</p>
            <div class="figures">\(figures.map { "<div><b>\($0.1)</b><span>\($0.0)</span></div>" }.joined())</div>
            <div class="charts">
            \(chart("Scores of the proposed pairs", bars: scoreHistogram()))
            \(chart("Time zones (UTC offset, hours)", bars: timeZoneSpread()))
            \(chart("Mentor load (mentees, with those from earlier rounds / capacity)", bars: mentorLoad()))
            </div>
            <h2>Pairs</h2>
            <table><tr><th>Mentee</th><th>Mentor</th><th>Score</th><th>Why</th></tr>
            """
        for pair in view.pairs {
            body += "<tr><td>\(escape(pair.mentee))<br><small>\(escape(pair.menteeEmail))</small></td>"
                + "<td>\(escape(pair.mentor))<br><small>\(escape(pair.mentorEmail))</small></td>"
                + "<td class=\"num\">\(pair.score)</td><td>\(escape(pair.why))</td></tr>\n"
        }
        body += "</table>\n<h2>Not matched</h2>\n"
        if view.unmatched.isEmpty {
            body += "<p>Everyone in the round has a mentor.</p>\n"
        } else {
            body += "<table><tr><th>Mentee</th><th>Why not</th></tr>\n"
            for entry in view.unmatched {
                body += "<tr><td>\(escape(entry.name))<br><small>\(escape(entry.email))</small></td><td>\(escape(entry.reason))</td></tr>\n"
            }
            body += "</table>\n"
        }
        body += pairsSection()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(config.program.name)): round \(escape(round))</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; } .meta { color: #666; margin-top: 0; }
            .figures { display: flex; flex-wrap: wrap; gap: 1em; margin: 1em 0; }
            .figures div { border: 1px solid #ddd; border-radius: 6px; padding: 0.6em 1em; min-width: 7em; }
            .figures b { display: block; font-size: 1.5em; } .figures span { color: #666; font-size: 0.9em; }
            .charts { display: flex; flex-wrap: wrap; gap: 1.5em; } figure { margin: 0; } figcaption { font-size: 0.9em; color: #444; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
            th, td { text-align: left; vertical-align: top; padding: 0.4em 0.6em; border-bottom: 1px solid #eee; }
            th { background: #f6f6f6; } td.num { text-align: right; } small { color: #777; }
            </style></head><body>
            \(body)</body></html>

            """
    }

    /// A bar chart as inline SVG: labels under the bars, values above.
    func chart(_ title: String, bars: [(label: String, value: Int)]) -> String {
        let width = 300, height = 150, bottom = 20, top = 16
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let step = bars.isEmpty ? 0 : Double(width - 10) / Double(bars.count)
        var shapes = ""
        for (index, bar) in bars.enumerated() {
            let barHeight = Double(height - bottom - top) * Double(bar.value) / Double(maximum)
            let x = 5 + Double(index) * step
            let y = Double(height - bottom) - barHeight
            shapes += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7fb5\"/>", x + 1, y, max(1, step - 2), barHeight)
            shapes += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%d</text>", x + step / 2, y - 3, bar.value)
            shapes += String(format: "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">%@</text>",
                             x + step / 2, height - 6, escape(bar.label))
        }
        if bars.isEmpty { shapes = "<text x=\"150\" y=\"75\" text-anchor=\"middle\" fill=\"#777\">no data</text>" }
        return """
            <figure><svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(escape(title))">\
            <line x1="0" y1="\(height - bottom)" x2="\(width)" y2="\(height - bottom)" stroke="#999"/>\(shapes)</svg>\
            <figcaption>\(escape(title))</figcaption></figure>
            """
    }

    func scoreHistogram() -> [(label: String, value: Int)] {
        let scores = proposal.pairs.map(\.score)
        guard let low = scores.min(), let high = scores.max() else { return [] }
        let buckets = 8
        let width = max(1, (high - low + buckets) / buckets)
        var counts = [Int](repeating: 0, count: buckets)
        for score in scores { counts[min(buckets - 1, (score - low) / width)] += 1 }
        return counts.enumerated().map { ("\(low + $0.offset * width)", $0.element) }
    }

    func timeZoneSpread() -> [(label: String, value: Int)] {
        var counts: [Int: Int] = [:]
        let ids = Set(proposal.pairs.flatMap { [$0.menteeID, $0.mentorID] } + proposal.unmatched.map(\.menteeID))
        for id in ids {
            guard let zone = people[id].flatMap({ TimeZoneInterpreter.interpret($0.profile.timeZone) }) else { continue }
            counts[Int((Double(zone.utcOffsetMinutes(at: now)) / 60).rounded(.down)), default: 0] += 1
        }
        return counts.keys.sorted().map { (($0 >= 0 ? "+" : "") + "\($0)", counts[$0] ?? 0) }
    }

    func mentorLoad() -> [(label: String, value: Int)] {
        var load: [Int64: Int] = [:]
        for pair in proposal.pairs { load[pair.mentorID, default: 0] += 1 }
        for (mentor, count) in earlierLoad where load[mentor] != nil { load[mentor, default: 0] += count }
        var histogram: [String: Int] = [:]
        for (mentor, count) in load {
            let capacity = people[mentor]?.profile.capacity ?? count
            histogram["\(count)/\(capacity)", default: 0] += 1
        }
        return histogram.keys.sorted().map { ($0, histogram[$0] ?? 0) }
    }

    func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
