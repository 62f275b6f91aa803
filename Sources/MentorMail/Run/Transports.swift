import Foundation
import MailTransport

/// Builds the mailbox and sender named by the config's URLs.
public enum Transports {
    public static func mailbox(for server: Config.Server, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any Mailbox {
        do {
            if server.url.hasPrefix("maildir:") {
                return try MaildirMailbox(path: String(server.url.dropFirst("maildir:".count)))
            }
            return try IMAPMailbox(url: server.url, credentials: try credentials(server, "mailbox", environment), moveTo: server.moveTo)
        } catch let error as TransportError {
            throw MentorMailError(.config, error.message)
        }
    }

    public static func sender(for server: Config.Server, heloDomain: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any MailSender {
        do {
            if server.url.hasPrefix("dir:") {
                return try DirectorySender(path: String(server.url.dropFirst("dir:".count)))
            }
            return try SMTPSender(url: server.url, credentials: try credentials(server, "smtp", environment), heloDomain: heloDomain)
        } catch let error as TransportError {
            throw MentorMailError(.config, error.message)
        }
    }

    /// The password is read from the environment variable the config names, never from argv or the file.
    static func credentials(_ server: Config.Server, _ section: String, _ environment: [String: String]) throws -> ServerCredentials {
        var password: String?
        if let variable = server.passwordEnv {
            guard let value = environment[variable], !value.isEmpty else {
                throw MentorMailError(.config, "[\(section)] password_env names \(variable), but that environment variable is not set",
                                      fix: "export it before running (for cron, in the crontab or the secrets file the README describes), "
                                        + "never in the config or on the command line",
                                      hint: MentorMailError.doctorChecksTheSetup)
            }
            password = value
        }
        return ServerCredentials(user: server.user, password: password, caFile: server.caFile, startTLS: server.startTLS)
    }
}
