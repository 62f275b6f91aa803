import ArgumentParser
import Foundation
import MentorMail

extension MentorMailCommand {
    /// Runs the command line; a first word that is no command is answered with what there is,
    /// and where an option or command of that name lives ("report" is `round show --report`),
    /// instead of a complaint about the option after it.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, let message = UnknownCommand.message(for: word) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }
}

enum UnknownCommand {
    /// Every command line that names a command, with its type: "round show", "pairs list"…
    static func paths() -> [(path: [String], type: ParsableCommand.Type)] {
        var found: [(path: [String], type: ParsableCommand.Type)] = []
        func walk(_ type: ParsableCommand.Type, _ path: [String]) {
            for sub in type.configuration.subcommands {
                let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
                found.append((path + [name], sub))
                walk(sub, path + [name])
            }
        }
        walk(MentorMailCommand.self, [])
        return found
    }

    /// What to say about `word` as the first argument; nil when it is a command or an option.
    static func message(for word: String) -> String? {
        let all = paths()
        let top = all.filter { $0.path.count == 1 }.map { $0.path[0] }
        guard !word.hasPrefix("-"), word != "help", !top.contains(word) else { return nil }
        var lines = ["mentormail: there is no command \"\(word)\"."]
        // A command of that name further down ("show" → "round show"), or an option ("--report").
        let nested = all.filter { $0.path.count > 1 && $0.path.last == word }.map { "mentormail " + $0.path.joined(separator: " ") }
        let withOption = all.filter { path in
            path.type.configuration.subcommands.isEmpty
                && MentorMailCommand.helpMessage(for: path.type, columns: 200).contains("--\(word) ")
        }.map { "mentormail " + $0.path.joined(separator: " ") + " --\(word)" }
        // A typing mistake, when nothing else of that name exists.
        let close = nested.isEmpty && withOption.isEmpty ? typingSlips(of: word, among: top).map { "mentormail \($0)" } : []
        let hints = nested + withOption + close
        if !hints.isEmpty { lines.append("Did you mean: " + hints.joined(separator: ", ") + "?") }
        lines.append("The commands are: " + top.joined(separator: ", ") + ". See 'mentormail --help'.")
        return lines.joined(separator: "\n")
    }
}
