import Foundation
import MailTransport

/// `mentormail doctor`: every check a first run depends on, each saying what is wrong and how
/// to fix it. Nothing is changed: the database is opened read-only, no mail is sent, nothing
/// is flagged.
public struct Doctor {
    public struct Check: Codable, Sendable, Equatable {
        public enum Outcome: String, Codable, Sendable { case ok, warning, failed }
        public var name: String
        public var outcome: Outcome
        public var detail: String
        /// What to do, when something is wrong.
        public var fix: String?
        /// A failure of the settings, not of a server (a password variable not set): the
        /// configuration's exit code. Not in the JSON, whose `name` says the same.
        var isConfiguration = false

        private enum CodingKeys: String, CodingKey { case name, outcome, detail, fix }

        init(name: String, outcome: Outcome, detail: String, fix: String? = nil, isConfiguration: Bool = false) {
            (self.name, self.outcome, self.detail, self.fix, self.isConfiguration) = (name, outcome, detail, fix, isConfiguration)
        }

        /// A failed server check, from the error it met: a configuration error (78) when the
        /// settings are at fault, else a server unavailable (69).
        static func failed(_ name: String, _ error: any Error, fix: (String) -> String) -> Check {
            let error = MentorMailError.from(error)
            // The detail without its hint: doctor's own words need not send the reader to doctor.
            return Check(name: name, outcome: .failed, detail: error.detail, fix: error.fix ?? fix(error.detail), isConfiguration: error.kind == .config)
        }
    }

    /// The exit code of checks: nil when none failed, 78 when the config or templates (or
    /// settings a server check read) are wrong, else 69 (a server or the database unavailable).
    public static func exitCode(of checks: [Check]) -> Int32? {
        let failed = checks.filter { $0.outcome == .failed }
        guard !failed.isEmpty else { return nil }
        return failed.contains { ["config", "templates"].contains($0.name) || $0.isConfiguration } ? 78 : 69
    }

    public var configPath: String
    public var environment: [String: String]

    public init(configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configPath = configPath
        self.environment = environment
    }

    /// Runs every check; a failed config stops the rest, since they all read it.
    /// - Complexity: one login to each server.
    public func run() -> [Check] {
        var checks: [Check] = []
        let config: Config
        do {
            config = try Config.load(path: configPath)
            checks.append(Check(name: "config", outcome: .ok, detail: "\(configPath) reads cleanly (every key known)"))
        } catch {
            checks.append(Check(name: "config", outcome: .failed, detail: MentorMailError.from(error).message,
                                fix: "edit \(configPath); `mentormail init --config NEW.toml` writes a commented example"))
            return checks
        }
        checks.append(templates(config))
        checks.append(database(config))
        let (mailboxCheck, handled) = mailbox(config)
        checks.append(mailboxCheck)
        checks.append(sender(config))
        // A program that has run on this mailbox lost its database: a run refuses to start anew.
        if handled, !FileManager.default.fileExists(atPath: config.program.database), let index = checks.firstIndex(where: { $0.name == "database" }) {
            checks[index] = Check(name: "database", outcome: .failed,
                                  detail: "\(config.program.database) does not exist, but the mailbox holds mail an earlier run handled: "
                                    + "a new database would treat every participant as a newcomer, so a run refuses to start",
                                  fix: "check [program] database (a moved file, a disk not mounted) or restore it from a backup; to start "
                                    + "a new program on this mailbox anyway: mentormail process --new-database")
        }
        return checks
    }

    private func templates(_ config: Config) -> Check {
        do {
            let problems = try TemplateLibrary.check(directory: config.program.templates)
            let errors = problems.filter { $0.severity == .error }
            if let first = errors.first {
                let missing = errors.contains { $0.message.hasPrefix("missing:") }
                return Check(name: "templates", outcome: .failed, detail: "\(errors.count) error(s), first: \(first)",
                             fix: "run `mentormail check-templates` for all of them"
                                + (missing ? "; `mentormail init --config \(configPath) --missing-templates` adds the missing shipped "
                                    + "template(s) and changes nothing else" : ""))
            }
            let warnings = problems.count
            let sections = problems.filter(\.isMissingSection)
            if !sections.isEmpty {
                let folder = (config.program.templates as NSString).standardizingPath + "/"
                let named = sections.map { problem in
                    let file = problem.file.hasPrefix(folder) ? String(problem.file.dropFirst(folder.count)) : problem.file
                    return "\(file) has no {{#\(problem.variable ?? "")}} section"
                }
                return Check(name: "templates", outcome: .warning,
                             detail: "\(sections.count) template file(s) lack a section the program needs for one case, so that case goes out "
                                + "with the shipped wording: " + named.joined(separator: "; "),
                             fix: "copy each section from the shipped template of the same name into yours: `mentormail init --config "
                                + "NEW/mentormail.toml` writes the shipped templates into NEW/templates; `mentormail check-templates` "
                                + "says what each section is for")
            }
            return Check(name: "templates", outcome: warnings > 0 ? .warning : .ok,
                         detail: "\(config.program.templates): every mail's templates use only the values they are given"
                            + (warnings > 0 ? "; \(warnings) warning(s) (`mentormail check-templates`)" : ""))
        } catch {
            return Check(name: "templates", outcome: .failed, detail: MentorMailError.from(error).message,
                         fix: "point [program] templates at the folder `mentormail init` wrote, or write the shipped templates "
                            + "into the folder it names: `mentormail init --config \(configPath) --missing-templates`")
        }
    }

    private func database(_ config: Config) -> Check {
        let path = config.program.database
        do {
            try config.checkPaths()
            let health = try AppDatabase.inspect(path: path)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let lock = path + ".lock"
            let files = FileManager.default
            if let denied = !files.isWritableFile(atPath: folder) ? "the folder \(folder)"
                : files.fileExists(atPath: lock) && !files.isWritableFile(atPath: lock) ? "the lock file \(lock)" : nil {
                return Check(name: "database", outcome: .failed,
                             detail: "\(denied) is not writable by this user: "
                                + (health.exists ? "a run cannot start" : "the first run cannot create \(path)"),
                             fix: "run mentormail as the user that owns \(folder) (cron's user), or let that user write there (chown or chmod)")
            }
            guard health.exists else {
                return Check(name: "database", outcome: .ok, detail: "\(path) does not exist yet: the first run creates it")
            }
            guard health.check == "ok" else {
                return Check(name: "database", outcome: .failed, detail: "\(path) is damaged: \(health.check)",
                             fix: "restore it from a backup; the program refuses to write to a damaged database")
            }
            guard FileManager.default.isWritableFile(atPath: path) else {
                return Check(name: "database", outcome: .failed, detail: "\(path) is not writable by this user",
                             fix: "run mentormail as the user that owns \(path) (cron's user), or fix the permissions")
            }
            let pending = health.pendingMigrations.isEmpty ? "up to date" : "the next run upgrades it (\(health.pendingMigrations.joined(separator: ", ")))"
            return Check(name: "database", outcome: .ok, detail: "\(path): \(health.bytes / 1024) KiB, intact, \(pending)")
        } catch {
            return Check(name: "database", outcome: .failed, detail: MentorMailError.from(error).message,
                         fix: "create the folder of [program] database, or point it somewhere writable")
        }
    }

    /// The mailbox's check, and whether a run has flagged mail there (false when unknown).
    private func mailbox(_ config: Config) -> (Check, handled: Bool) {
        if config.mailbox.url.hasPrefix("maildir:") {
            let path = String(config.mailbox.url.dropFirst("maildir:".count))
            return (maildir(path), ((try? MaildirMailbox.inspect(path: path))?.handled ?? 0) > 0)
        }
        var handled = false
        do {
            let mailbox = try Transports.mailbox(for: config.mailbox, environment: environment)
            let validity = try mailbox.uidValidity()
            let waiting = try mailbox.unprocessedUIDs().count
            handled = !FileManager.default.fileExists(atPath: config.program.database) && (try? mailbox.holdsProcessedMail()) == true
            let opened = mailbox is IMAPMailbox ? "logged in, folder open" : "folder readable"
            if let imap = mailbox as? IMAPMailbox, let target = imap.moveFolder, !(try imap.folderExists(target)) {
                return (Check(name: "mailbox", outcome: .failed,
                              detail: "\(mailbox.displayName): \(opened), but the folder \(target) that [mailbox] move_to names does not exist on the server",
                              fix: "create the folder \(target) on the server or fix [mailbox] move_to"), handled)
            }
            let detail = "\(mailbox.displayName): \(opened) (UIDVALIDITY \(validity)), \(waiting) new message(s) waiting"
            if let imap = mailbox as? IMAPMailbox, !imap.isEncrypted, let warning = Self.clearText(config.mailbox, section: "mailbox", detail: detail) {
                return (warning, handled)
            }
            return (Check(name: "mailbox", outcome: .ok, detail: detail), handled)
        } catch let error as TransportError where error.isLoginRefused {
            // Said as the run says it: the generic "check the server settings" would send the reader elsewhere.
            return (Check(name: "mailbox", outcome: .failed,
                          detail: "IMAP \(config.mailbox.url): the server refused our login" + (error.serverWords.map { " (it said: \($0))" } ?? ""),
                          fix: Self.fix(for: "login denied", section: "mailbox")), handled)
        } catch {
            return (Check.failed("mailbox", error) { Self.fix(for: $0, section: "mailbox") }, handled)
        }
    }

    /// A local Maildir, looked at without creating it (a run creates what is missing).
    private func maildir(_ path: String) -> Check {
        do {
            let found = try MaildirMailbox.inspect(path: path)
            guard found.missing.isEmpty else {
                let folders = found.missing.map { "\(path)/\($0)" }
                if let obstacle = folders.lazy.compactMap(FolderCreation.obstacle).first {
                    return Check(name: "mailbox", outcome: .failed, detail: "Maildir \(path) cannot be created: \(obstacle)",
                                 fix: "point [mailbox] url (maildir:FOLDER) at your Maildir, or move what is in the way")
                }
                return Check(name: "mailbox", outcome: .warning,
                             detail: "Maildir \(path): \(folders.joined(separator: ", ")) missing, so no mail can arrive there yet",
                             fix: "if your mail server delivers elsewhere, point [mailbox] url at that Maildir; else create them "
                                + "(mkdir -p \(folders.joined(separator: " "))) or let the first `mentormail process` do it")
            }
            return Check(name: "mailbox", outcome: .ok, detail: "Maildir \(path): folder readable, \(found.waiting) new message(s) waiting")
        } catch {
            let message = MentorMailError.from(error).message
            return Check(name: "mailbox", outcome: .failed, detail: message, fix: "let this user read \(path) and its new/ and cur/ folders")
        }
    }

    private func sender(_ config: Config) -> Check {
        if config.smtp.url.hasPrefix("dir:") {
            // A folder of .eml files, looked at without creating it.
            let path = String(config.smtp.url.dropFirst("dir:".count))
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                if let obstacle = FolderCreation.obstacle(path) {
                    return Check(name: "smtp", outcome: .failed, detail: "directory \(path) cannot be created: \(obstacle)",
                                 fix: "point [smtp] url (dir:FOLDER) at a folder this user can create, or move what is in the way")
                }
                return Check(name: "smtp", outcome: .warning, detail: "directory \(path) is missing: mail is written to files there, not sent",
                             fix: "create it (mkdir -p \(path)) or let the first `mentormail process` do it; or point [smtp] url at your server")
            }
            return Check(name: "smtp", outcome: FileManager.default.isWritableFile(atPath: path) ? .ok : .failed,
                         detail: "directory \(path): mail is written to files, not sent"
                            + (FileManager.default.isWritableFile(atPath: path) ? "" : "; but this user cannot write there"),
                         fix: "run mentormail as the user that owns \(path), or let that user write there")
        }
        do {
            let sender = try Transports.sender(for: config.smtp, heloDomain: config.program.domain, environment: environment)
            if let smtp = sender as? SMTPSender {
                if !(try smtp.verify()) {
                    let login = config.smtp.user == nil ? "no login configured" : "logged in"
                    if let warning = Self.clearText(config.smtp, section: "smtp", detail: "\(smtp.displayName): connected, \(login) (nothing sent)") {
                        return warning
                    }
                    return Check(name: "smtp", outcome: .ok, detail: "\(smtp.displayName): connected without TLS as configured, \(login) (nothing sent)")
                }
                return Check(name: "smtp", outcome: .ok, detail: "\(smtp.displayName): connected, TLS as configured, logged in (nothing sent)")
            }
            return Check(name: "smtp", outcome: .ok, detail: sender.displayName)
        } catch {
            return Check.failed("smtp", error) { Self.fix(for: $0, section: "smtp") }
        }
    }

    /// A warning for a connection that stayed in clear text because the server offers no
    /// STARTTLS; nil when that was asked for (starttls = "never").
    static func clearText(_ server: Config.Server, section: String, detail: String) -> Check? {
        guard server.startTLS != .never else { return nil }
        let secure = section == "smtp" ? "smtps://" : "imaps://"
        return Check(name: section, outcome: .warning,
                     detail: detail + "; but the server offers no TLS: "
                        + (server.user == nil ? "mail goes over the network unencrypted" : "the password is sent unencrypted"),
                     fix: "use \(secure) or a server with STARTTLS (then starttls = \"required\" in [\(section)] refuses clear text); "
                        + "on a link you trust (127.0.0.1), starttls = \"never\" says so and ends this warning")
    }

    /// The likely fix for a server error, from its words.
    static func fix(for message: String, section: String) -> String {
        let lowered = message.lowercased()
        if lowered.contains("check the folder in") { return "check the folder at the end of [\(section)] url (INBOX by default); the login worked" }
        if lowered.contains("starttls not supported") || lowered.contains("requested ssl level failed") {
            return "the server offers no STARTTLS, and [\(section)] starttls = \"required\": use \(section == "smtp" ? "smtps://" : "imaps://") "
                + "if the server has it, or a server that offers STARTTLS"
        }
        if lowered.contains("login denied") || lowered.contains("authentication") || lowered.contains("auth") && lowered.contains("fail")
            || lowered.contains(" 535") || lowered.contains("invalid credentials") {
            return "check [\(section)] user and the password in the variable password_env names"
        }
        if lowered.contains("couldn't connect") || lowered.contains("connection refused") || lowered.contains("could not connect")
            || lowered.contains("timeout") || lowered.contains("timed out") {
            return "check [\(section)] url (host and port) and that the server is up and reachable from here"
        }
        if lowered.contains("resolve") { return "check the host name in [\(section)] url" }
        if lowered.contains("ssl") || lowered.contains("tls") || lowered.contains("certificate") {
            return "check [\(section)] starttls and ca_file: the server's certificate must be trusted"
        }
        if lowered.contains("select") || lowered.contains("folder") || lowered.contains("mailbox") {
            return "check the folder at the end of [\(section)] url (INBOX by default)"
        }
        return "check [\(section)] in the config; `mentormail doctor` again once fixed"
    }
}
