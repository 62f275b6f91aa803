import Foundation
import MentorMail

extension ProgramOptions {
    /// Loads the config and opens (migrating) the program's database, for commands that only
    /// read. A database that does not exist yet is not created: a mistyped path would otherwise
    /// leave a new empty program behind and show it as if it were the real one. The command
    /// then reads an empty program, and stderr says why.
    func openDatabase() throws -> AppDatabase {
        try openDatabaseAndConfig().database
    }

    /// `openDatabase`, with the config it was opened by.
    func openDatabaseAndConfig() throws -> (database: AppDatabase, config: Config) {
        let config = try Config.load(path: self.config)
        try config.checkPaths()
        guard FileManager.default.fileExists(atPath: config.program.database) else {
            FileHandle.standardError.write(Data("""
                mentormail: no database at \(config.program.database) yet, so the program is empty; \
                the first `mentormail process` creates it (check [program] database in \(self.config) if one should be there)

                """.utf8))
            return (try AppDatabase.inMemory(), config)
        }
        return (try AppDatabase(path: config.program.database), config)
    }
}

/// What a command that changes the program holds while it works: the run lock (held for the
/// value's lifetime) and the program (database and checked templates).
struct OpenProgram {
    let lock: RunLock?
    let program: Program
    var database: AppDatabase { program.database }

    /// Checks the paths and the templates, then runs `checks` (the servers' settings), all before
    /// anything is created on disk; then takes the lock, so a cron run and a coordinator's
    /// command never interleave, and opens the database.
    /// `dryRun`: a database that does not exist yet is not created (nor its lock file): the dry
    /// run reads an empty program, as the reading commands do, and stderr says why.
    init(_ config: Config, dryRun: Bool = false, checks: () throws -> Void = {}) throws {
        try config.checkPaths()
        let templates = try loadTemplates(config)
        try checks()
        if dryRun && !FileManager.default.fileExists(atPath: config.program.database) {
            FileHandle.standardError.write(Data("""
                mentormail: no database at \(config.program.database) yet, so the dry run reads an empty program; \
                nothing is created

                """.utf8))
            lock = nil
            program = Program(config: config, database: try AppDatabase.inMemory(), templates: templates)
            return
        }
        lock = try RunLock(path: config.program.database + ".lock")
        program = Program(config: config, database: try AppDatabase(path: config.program.database), templates: templates)
    }
}

/// The program's templates. A newer mentormail may send a mail its folder has no template for
/// yet: the shipped templates it lacks are added (never replacing one a coordinator edited) and
/// named on stderr, so an upgrade does not stop the program.
func loadTemplates(_ config: Config) throws -> TemplateLibrary {
    do {
        return try TemplateLibrary(directory: config.program.templates)
    } catch let error as MentorMailError where error.kind == .config {
        let target = URL(fileURLWithPath: config.program.templates).standardizedFileURL
        guard FileManager.default.fileExists(atPath: target.path),
              let added = try? ShippedTemplates.install(to: target, overwrite: false), !added.isEmpty else {
            guard error.message.contains("missing: the program sends") else { throw error }
            // They could not be written here (a read-only folder): say how to add only the missing ones.
            throw MentorMailError(.config, error.message + "\nAdd the missing template(s), and nothing else, with: mentormail init --config "
                                  + "\(config.fileURL.path) --missing-templates (the files already in \(target.path) stay as they are).")
        }
        FileHandle.standardError.write(Data("mentormail: added \(added.count) mail template(s) this version sends and \(target.path) lacked: \(added.joined(separator: ", "))\n".utf8))
        return try TemplateLibrary(directory: config.program.templates)
    }
}

/// Prints a value as pretty JSON on stdout, for scripts.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Text from mail made safe to print on a terminal: control characters (an escape sequence can
/// clear the screen, hide text or retitle the window) are shown as "^[" and the like, or as
/// U+FFFD; line breaks and tabs stay when `keepLines`.
/// `text` cut to at most `limit` characters at a word boundary, ending in "…" when cut.
func clipped(_ text: some StringProtocol, to limit: Int) -> String {
    guard text.count > limit else { return String(text) }
    let head = text.prefix(limit - 1)
    let cut = head.lastIndex(where: { $0 == " " }).map { head[..<$0] } ?? head
    return cut.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",;:"))) + "…"
}

func terminalSafe(_ text: String, keepLines: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0, keepLines: keepLines) }) else { return text }
    var safe = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if !isControl(scalar, keepLines: keepLines) {
            safe.append(scalar)
        } else if scalar.value < 0x20 {
            safe.append(contentsOf: "^\(Character(Unicode.Scalar(scalar.value + 0x40)!))".unicodeScalars)
        } else {
            safe.append("\u{FFFD}")
        }
    }
    return String(safe)
}

private func isControl(_ scalar: Unicode.Scalar, keepLines: Bool) -> Bool {
    if keepLines && (scalar == "\n" || scalar == "\t") { return false }
    return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

/// A plain-text table with aligned columns; cells are made safe to print (`terminalSafe`).
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let rows = rows.map { $0.map { terminalSafe($0, keepLines: false) } }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(header), line(rule)] + rows.map(line)).joined(separator: "\n")
    }
}

/// A file named on the command line that cannot be read, with the reason (no such file,
/// permission denied): exit 69, a file is unavailable.
func cannotRead(_ path: String) -> MentorMailError {
    var isFolder: ObjCBool = false
    var reason = "it could not be read"
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        reason = "it is a folder"
    } else {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { reason = String(cString: strerror(errno)) } else { close(descriptor) }
    }
    return MentorMailError(.unavailable, "cannot read \(path): \(reason); check the path and that this user may read the file")
}

/// Tells standard error that a list stopped at its `--limit` ("50 of 120 shown"), so neither an
/// operator nor a script reading the JSON on standard output takes it for the whole list.
func sayWhenCutShort(shown: Int, of total: Int) {
    guard shown < total else { return }
    FileHandle.standardError.write(Data("\(shown) of \(total) shown; --limit N (or --limit 0 for all) for more\n".utf8))
}
