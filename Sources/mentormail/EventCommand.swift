import ArgumentParser
import Foundation
import MatchingCore
import MentorMail

extension MentorMailCommand {
    struct EventCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "event",
            abstract: "Speed Mentoring events: create, invite, follow the answers, form the table rotations.",
            discussion: """
            An event puts mentees at mentors' tables for a few short rotations. After `event \
            create`, the next `process` run mails every invitation (with a calendar part, so \
            calendars show Accept / Decline / Maybe); answers come back by calendar or in words \
            and each is confirmed. Beyond --capacity mentee seats (or --tables mentors), people \
            go on a waitlist; a decline gives the place to the first one waiting. About a day \
            before the start ([events] groups_before_hours), or with `event groups`, the \
            rotations are formed and everyone gets their schedule. People who join the program \
            while an event still invites (before its tables are set) are invited by the next \
            run; `event invite` invites them at once.

            Examples:
              mentormail event create "Speed Mentoring, Summit" \\
                  --at 2026-10-25T07:30 --tz Europe/Madrid --duration 90m \\
                  --capacity 60 --tables 8 --rotations 4 --location "Room 2.1"
              mentormail event list
              mentormail event show 1 --json
              mentormail event invite 1 --dry-run
              mentormail event answer 1 ana@example.net yes
              mentormail event update 1 --at 2026-10-25T08:00 --location "Hall B"
              mentormail event groups 1 --dry-run
              mentormail event sheet 1 --output tables.html
              mentormail event cancel 1
              mentormail event rotations --scores problem.json --json
            """,
            subcommands: [Create.self, List.self, Show.self, Invite.self, Answer.self, Update.self, Cancel.self, Groups.self, Sheet.self, Rotations.self]
        )

        /// "2026-10-25T07:30" read as local time in `zone`.
        static func localTime(_ text: String, in zone: TimeZone) -> Date? {
            let parts = text.split(whereSeparator: { "-T: ".contains($0) }).map { Int($0) }
            guard parts.count >= 5, parts.count <= 6, parts.allSatisfy({ $0 != nil }) else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4],
                                            second: parts.count == 6 ? parts[5] : 0)
            guard let date = calendar.date(from: components),
                  calendar.component(.month, from: date) == parts[1], calendar.component(.hour, from: date) == parts[3] else { return nil }
            return date
        }

        /// Why `text` is not a local time in `zone`: the clock change skips it (with the time
        /// that follows it, which exists), or it is not a time such as 2026-10-25T07:30.
        static func localTimeProblem(_ option: String, _ text: String, in zone: TimeZone) -> String {
            let parts = text.split(whereSeparator: { "-T: ".contains($0) }).map { Int($0) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            if parts.count >= 5, parts.count <= 6, let year = parts[0], let month = parts[1], let day = parts[2], let hour = parts[3],
               let minute = parts[4], (0..<24).contains(hour), (0..<60).contains(minute),
               let midnight = calendar.date(from: DateComponents(year: year, month: month, day: day)),
               calendar.component(.month, from: midnight) == month, calendar.component(.day, from: midnight) == day,
               let moved = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) {
                // A real day and a real clock time that the day does not have: the clocks jump over it.
                let local = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moved)
                let suggestion = String(format: "%04d-%02d-%02dT%02d:%02d", local.year ?? 0, local.month ?? 0, local.day ?? 0,
                                        local.hour ?? 0, local.minute ?? 0)
                return "\(option) \(text) does not exist in \(zone.identifier): the clock change that night skips it "
                    + "(the clocks go forward); use \(suggestion)"
            }
            return "\(option) \(text) is not a local time such as 2026-10-25T07:30"
        }

        /// "90m", "1h30m", "2h", "90" (minutes).
        static func minutes(_ text: String) -> Int? {
            let lowered = text.lowercased().replacingOccurrences(of: " ", with: "")
            if let plain = Int(lowered) { return plain > 0 ? plain : nil }
            var total = 0, number = "", sawUnit = false
            for character in lowered {
                if character.isNumber { number.append(character); continue }
                guard let value = Int(number) else { return nil }
                switch character {
                case "h": total += value * 60
                case "m": total += value
                default: return nil
                }
                number = ""
                sawUnit = true
            }
            guard number.isEmpty, sawUnit, total > 0 else { return nil }
            return total
        }

        static func zone(_ name: String) throws -> TimeZone {
            guard let zone = TimeZone(identifier: name) else {
                throw ValidationError("--tz \(name) is not a time zone such as Europe/Madrid or America/Sao_Paulo")
            }
            return zone
        }

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create an event; the next `process` run sends its invitations.",
                discussion: """
                --capacity counts mentee seats; --tables is how many mentors can host. The default \
                audience is every active participant: mentees are invited to attend, mentors (and \
                people who are both) to host a table. --audience mentees, mentors, or round:NAME \
                narrows it.

                An event still to come with the same name (in any case or punctuation) and the \
                same start is the same event: the create is refused (exit 65), naming it and the \
                `event update` that changes it; --force creates a second one anyway.

                Example:
                  mentormail event create "Speed Mentoring, Summit" \\
                      --at 2026-10-25T07:30 --tz Europe/Madrid --duration 90m \\
                      --capacity 60 --tables 8 --rotations 4
                """)

            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's name, as invitations show it.") var name: String
            @Option(help: ArgumentHelp("The start, local time in --tz (2026-10-25T07:30).", valueName: "time")) var at: String
            @Option(help: ArgumentHelp("The time zone of --at (Europe/Madrid).", valueName: "zone")) var tz: String
            @Option(help: ArgumentHelp("How long it lasts: 90m, 1h30m, 2h.", valueName: "length")) var duration: String
            @Option(help: ArgumentHelp("Mentee seats.", valueName: "n")) var capacity: Int
            @Option(help: ArgumentHelp("Mentors' tables: how many mentors can host.", valueName: "n")) var tables: Int
            @Option(help: ArgumentHelp("Rotations: how many mentors each mentee meets.", valueName: "n")) var rotations: Int
            @Option(help: ArgumentHelp("all, mentees, mentors, or round:NAME.", valueName: "who")) var audience = "all"
            @Option(help: ArgumentHelp("Where it takes place.", valueName: "place")) var location: String?
            @Flag(help: "Create it even when an event still to come has the same name and start.") var force = false
            @Flag(help: "Print JSON ({\"id\": …} and the event).") var json = false

            func validate() throws {
                let zone = try EventCommand.zone(tz)
                if EventCommand.localTime(at, in: zone) == nil {
                    throw ValidationError(EventCommand.localTimeProblem("--at", at, in: zone))
                }
                if EventCommand.minutes(duration) == nil { throw ValidationError("--duration \(duration) is not a length such as 90m or 1h30m") }
                if capacity < 1 { throw ValidationError("--capacity must be at least 1 (mentee seats)") }
                if tables < 1 { throw ValidationError("--tables must be at least 1 (mentors' tables)") }
                if rotations < 1 { throw ValidationError("--rotations must be at least 1") }
                if !EventPlan.isAudience(audience) { throw ValidationError("--audience must be all, mentees, mentors or round:NAME") }
                if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the event needs a name") }
            }

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let zone = try EventCommand.zone(tz)
                    let plan = EventPlan(name: name, startsAt: EventCommand.localTime(at, in: zone) ?? options.clock, timeZone: zone,
                                         durationMinutes: EventCommand.minutes(duration) ?? 60, capacity: capacity, tables: tables,
                                         rotations: rotations, audience: audience, location: location, force: force)
                    if plan.startsAt <= options.clock {
                        throw MentorMailError(.data, "--at \(at) (\(tz)) is in the past")
                    }
                    let event = try opened.program.createEvent(plan, now: options.clock)
                    if rotations > tables {
                        FileHandle.standardError.write(Data(("mentormail: warning: with \(tables) table(s) a mentee can meet at most \(tables) "
                            + "different mentor(s), so at most \(tables) of the \(rotations) rotations can be formed; the event has \(event.rotations) "
                            + "rotation(s)\n").utf8))
                    }
                    if let warning = event.warning {
                        FileHandle.standardError.write(Data((terminalSafe("mentormail: warning: event \(event.id) cannot have tables: \(warning)",
                                                                          keepLines: false) + "\n").utf8))
                    }
                    if json { return try printJSON(event) }
                    print("Event \(event.id) created: \(event.name), \(event.localStart) (\(event.timeZone)), \(event.durationMinutes) minutes, "
                          + "\(event.capacity) seats, \(event.tables) tables, \(event.rotations) rotations, audience \(event.audience).")
                    print("The next `mentormail process` sends the invitations; `mentormail event show \(event.id)` follows the answers.")
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "One line per event, latest first.",
                                                            discussion: "Examples:\n  mentormail event list\n  mentormail event list --json")
            @OptionGroup var options: ProgramOptions
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let events = try options.openDatabase().events()
                    if json { return try printJSON(events) }
                    if events.isEmpty { return print("No events yet; `mentormail event create --help` shows how to make one.") }
                    print(TextTable.render(
                        header: ["id", "name", "starts", "status", "invited", "mentees", "mentors", "waitlist"],
                        rows: events.map { event in
                            [String(event.id), event.name, "\(event.localStart) \(event.timeZone)", event.status, String(event.invited),
                             "\(event.acceptedMentees)/\(event.capacity)", "\(event.acceptedMentors)/\(event.tables)", String(event.waitlisted)]
                        }))
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One event: its details and everyone invited, by answer (accepted, declined, tentative, waitlisted, no answer).",
                discussion: "Examples:\n  mentormail event show 1\n  mentormail event show 1 --json")
            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's id (from `event list`).") var id: Int64
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let event = try options.openDatabase().event(id: id)
                    if json { return try printJSON(event) }
                    print("Event \(event.id): \(event.name) (\(event.status))")
                    print("  when      \(event.localStart) \(event.timeZone), \(event.durationMinutes) minutes, \(event.rotations) rotation(s)")
                    if let location = event.location { print("  where     \(location)") }
                    print("  audience  \(event.audience); \(event.invited) invited")
                    print("  seats     \(event.acceptedMentees) of \(event.capacity) mentee seats, \(event.acceptedMentors) of \(event.tables) tables; \(event.waitlisted) waitlisted")
                    print("  calendar  UID \(event.uid), sequence \(event.sequence)")
                    if let warning = event.warning { print(terminalSafe("  warning   no tables can be set: \(warning)", keepLines: false)) }
                    // Each waitlist is numbered in its own order: mentees wait for seats, mentors for tables.
                    let waitlists = ["mentee", "mentor"].map { role in
                        ("Waitlisted \(role)s", event.waitlist?.filter { $0.role == role }, ", in order")
                    }
                    for (title, guests, order) in [("Accepted", event.accepted, "")] + waitlists
                        + [("Tentative", event.tentative, ""), ("Declined", event.declined, ""), ("No answer yet", event.noAnswer, "")] {
                        guard let guests, !guests.isEmpty else { continue }
                        print("\n\(title) (\(guests.count))\(order):")
                        for guest in guests {
                            let position = guest.position.map { "#\($0) " } ?? ""
                            // A maybe since they got their place: it is kept until they say no.
                            let unsure = guest.answer == "accepted" && guest.lastAnswer == "tentative"
                                ? "  (said maybe on \(guest.answeredOn ?? "?"), keeps the \(guest.role == "mentor" ? "table" : "seat"))" : ""
                            print("  \(position)\(guest.email)  \(guest.name)  \(guest.role)" + (guest.answeredBy.map { "  (by \($0))" } ?? "")
                                  + unsure + (guest.bounce == nil ? "" : "  BOUNCED"))
                            if let bounce = guest.bounce {
                                print(terminalSafe("      address \(clipped(bounce.summary, to: 160))", keepLines: false))
                            }
                        }
                    }
                    let bounced = [event.accepted, event.waitlist, event.tentative, event.declined, event.noAnswer]
                        .compactMap { $0 }.joined().filter { $0.bounce != nil }.count
                    if bounced > 0 {
                        print("\n\(bounced) guest address(es) bounced for good: their mail about this event is kept, not sent, "
                              + "until mentormail participants change-address OLD NEW (or clear-bounce ADDRESS)")
                    }
                }
            }
        }

        struct Invite: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Invite everyone in the event's audience who is not invited yet; the next `process` sends the invitations.",
                discussion: """
                For people who joined the program after the invitations went out (an import, a \
                sign-up, someone back from a pause). Each gets the same invitation as the others, \
                with the event as it is now. Runs also do this by themselves while the event \
                still invites; invitations close when the tables are set. With --dry-run nothing \
                is stored or sent.

                Examples:
                  mentormail event invite 1 --dry-run
                  mentormail event invite 1 --json
                """)
            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's id.") var id: Int64
            @Flag(help: "Show whom it would invite; store and send nothing.") var dryRun = false
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config), dryRun: dryRun)
                    defer { withExtendedLifetime(opened) {} }
                    let result = try opened.program.inviteToEvent(id: id, now: options.clock, dryRun: dryRun)
                    if json { return try printJSON(result) }
                    if result.invited.isEmpty {
                        return print("Everyone in event \(id)'s audience is invited already (\(result.invitedInAll) invited); nobody to invite.")
                    }
                    print("\(dryRun ? "Would invite" : "Invited") \(result.invited.count) to event \(id):")
                    for guest in result.invited {
                        print(terminalSafe("  \(guest.email)  \(guest.name)  \(guest.role)", keepLines: false))
                    }
                    print(dryRun ? "Nothing was stored or sent (--dry-run)."
                                 : "\(result.invitedInAll) invited in all; the next `mentormail process` sends the new invitations.")
                }
            }
        }

        struct Answer: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a guest's answer for them (told in person, or in mail that was held); they get its confirmation.",
                discussion: """
                It does what the guest's own answer does: a yes takes a seat (or table), or a place \
                on the waitlist when all are taken; a no gives the place to the first one waiting; a \
                maybe keeps a seat already held. The guest gets the usual confirmation with the next \
                `process`, unless --no-mail.

                Examples:
                  mentormail event answer 1 ana@example.net yes
                  mentormail event answer 1 tom@example.org no --no-mail
                """)
            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's id.") var id: Int64
            @Argument(help: "The guest's address, as `event show` lists it.") var address: String
            @Argument(help: "yes, no or maybe.") var answer: String
            @Flag(help: "Record it without mailing the guest.") var noMail = false
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                if !["yes", "no", "maybe"].contains(answer.lowercased()) { throw ValidationError("the answer must be yes, no or maybe") }
            }

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let guest = try opened.program.answerForGuest(eventID: id, address: address, answer: answer, quiet: noMail, now: options.clock)
                    if json { return try printJSON(guest) }
                    let now = guest.answer == "waitlisted" ? "waitlisted, in place \(guest.position ?? 0)" : guest.answer
                    print(terminalSafe("\(guest.name) <\(guest.email)> (\(guest.role)) is now \(now) for event \(id); ", keepLines: false)
                          + (noMail ? "they were not told (--no-mail)." : "the next `mentormail process` sends them the confirmation."))
                }
            }
        }

        struct Update: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change an event's time, length, place or audience; the next `process` sends everyone still coming an update.",
                discussion: """
                A new --audience changes whom the event invites from now on (those invited stay \
                invited); `event invite` then invites the newcomers at once.

                Examples:
                  mentormail event update 1 --at 2026-10-25T08:00
                  mentormail event update 1 --location "Hall B"
                  mentormail event update 1 --audience all && mentormail event invite 1
                """)
            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's id.") var id: Int64
            @Option(help: ArgumentHelp("The new start, local time in --tz (or the event's zone).", valueName: "time")) var at: String?
            @Option(help: ArgumentHelp("The time zone of --at.", valueName: "zone")) var tz: String?
            @Option(help: ArgumentHelp("The new length: 90m, 1h30m.", valueName: "length")) var duration: String?
            @Option(help: ArgumentHelp("The new place (\"\" for none).", valueName: "place")) var location: String?
            @Option(help: ArgumentHelp("Whom it invites from now on: all, mentees, mentors, or round:NAME.", valueName: "who")) var audience: String?
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                if at == nil && tz == nil && duration == nil && location == nil && audience == nil {
                    throw ValidationError("say what changes: --at, --tz, --duration, --location or --audience")
                }
                if let audience, !EventPlan.isAudience(audience) {
                    throw ValidationError("--audience must be all, mentees, mentors or round:NAME")
                }
                if let tz { _ = try EventCommand.zone(tz) }
                if let duration, EventCommand.minutes(duration) == nil { throw ValidationError("--duration \(duration) is not a length such as 90m") }
            }

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let current = try opened.database.event(id: id)
                    let zone = try tz.map(EventCommand.zone) ?? TimeZone(identifier: current.timeZone) ?? .current
                    var start: Date?
                    if let at {
                        guard let date = EventCommand.localTime(at, in: zone) else {
                            throw MentorMailError(.data, EventCommand.localTimeProblem("--at", at, in: zone))
                        }
                        start = date
                    } else if tz != nil {
                        // The same wall-clock time, now in the new zone.
                        start = EventCommand.localTime(current.localStart, in: zone)
                    }
                    let event = try opened.program.updateEvent(id: id, startsAt: start, timeZone: tz == nil ? nil : zone,
                                                               durationMinutes: duration.flatMap(EventCommand.minutes), location: location,
                                                               audience: audience, now: options.clock)
                    if json { return try printJSON(event) }
                    if audience != nil {
                        print("Event \(event.id) now invites \(event.audience); `mentormail event invite \(event.id)` invites those not invited yet now.")
                        if let warning = event.warning {
                            FileHandle.standardError.write(Data((terminalSafe("mentormail: warning: event \(event.id) cannot have tables: \(warning)",
                                                                              keepLines: false) + "\n").utf8))
                        }
                        if at == nil && tz == nil && duration == nil && location == nil { return }
                    }
                    print("Event \(event.id) now: \(event.localStart) (\(event.timeZone)), \(event.durationMinutes) minutes\(event.location.map { ", \($0)" } ?? ""); "
                          + "the next `mentormail process` sends the update (sequence \(event.sequence)).")
                }
            }
        }

        struct Cancel: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Cancel an event; the next `process` sends everyone invited a calendar cancellation.",
                discussion: "Example:\n  mentormail event cancel 1")
            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's id.") var id: Int64
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let event = try opened.program.cancelEvent(id: id, now: options.clock)
                    if json { return try printJSON(event) }
                    print("Event \(event.id) (\(event.name)) is cancelled; the next `mentormail process` tells the \(event.invited) people invited.")
                }
            }
        }

        struct Groups: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Form the table rotations now and queue everyone's schedule (otherwise done [events] groups_before_hours before the start).",
                discussion: """
                Every accepted mentee sits at a different mentor's table in each rotation; tables \
                in a rotation differ by at most one person; the total interest (shared areas and \
                kinds of mentoring) is as high as it goes. With --dry-run nothing is stored or sent.

                With --again, before the event starts, the tables are formed anew with those coming \
                now: people who said no since lose their places, and the places freed go to the \
                waitlist in its order (late yeses included). Everyone seated gets the new schedule; \
                those still waiting who were not told before hear that there was no seat.

                Examples:
                  mentormail event groups 1 --dry-run
                  mentormail event groups 1 --json
                  mentormail event groups 1 --again --dry-run
                """)
            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's id.") var id: Int64
            @Flag(help: "Show what would be formed; store and send nothing.") var dryRun = false
            @Flag(help: "Form the tables of an event that has them anew, with those coming now.") var again = false
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config), dryRun: dryRun)
                    defer { withExtendedLifetime(opened) {} }
                    let grouping = try opened.program.formEventGroups(id: id, now: options.clock, dryRun: dryRun, again: again)
                    if json { return try printJSON(grouping) }
                    let percent = grouping.upperBound > 0 ? Double(grouping.totalInterest) * 100 / Double(grouping.upperBound) : 100
                    let verb = again ? (dryRun ? "Would form anew" : "Formed anew") : (dryRun ? "Would form" : "Formed")
                    print("\(verb) \(grouping.rotations) rotation(s): \(grouping.mentees) mentee(s) at \(grouping.mentors) table(s); "
                          + "interest \(grouping.totalInterest) of at most \(grouping.upperBound) (\(String(format: "%.1f", percent)) %), "
                          + "\(grouping.repeatedMenteePairs) repeated meeting(s) between mentees.")
                    for rotation in Set(grouping.tables.map(\.rotation)).sorted() {
                        print("  Rotation \(rotation):")
                        for table in grouping.tables where table.rotation == rotation {
                            let names = table.mentees.map { table.noSharedLanguage.contains($0) ? "\($0) (no shared language)" : $0 }
                            print(terminalSafe("    table \(table.table), \(table.mentor): \(names.isEmpty ? "-" : names.joined(separator: ", "))", keepLines: false))
                        }
                    }
                    let apart = grouping.tables.map(\.noSharedLanguage.count).reduce(0, +)
                    if apart > 0 {
                        print("\(apart) seat(s) put a mentee with a mentor who shares no language with them (marked above): "
                              + "find someone to translate, or change the tables.")
                    }
                    let would = dryRun ? "would " : ""
                    if !grouping.promoted.isEmpty {
                        print(terminalSafe("From the waitlist: \(grouping.promoted.joined(separator: ", ")).", keepLines: false))
                    }
                    if !grouping.leaving.isEmpty {
                        print(terminalSafe("No longer at the tables (they said no or maybe): \(grouping.leaving.joined(separator: ", ")).", keepLines: false))
                    }
                    if !grouping.noSeat.isEmpty {
                        print(terminalSafe("\(dryRun ? "Would be told" : "Told") there is no seat: \(grouping.noSeat.joined(separator: ", ")).", keepLines: false))
                    }
                    if !grouping.maybeTold.isEmpty {
                        print(terminalSafe("\(dryRun ? "Would be told" : "Told") the tables are set without them (they said maybe): "
                                           + "\(grouping.maybeTold.joined(separator: ", ")).", keepLines: false))
                    }
                    if grouping.formedAgain && grouping.schedulesUnchanged > 0 {
                        print("\(grouping.schedulesUnchanged) schedule(s) stay the same; those people \(would)get no new mail.")
                    }
                    if grouping.rotations < grouping.plannedRotations {
                        print("Planned \(grouping.plannedRotations) rotations; formed \(grouping.rotations) because only \(grouping.mentors) mentor(s) accepted.")
                    }
                    print(dryRun ? "Nothing was stored or sent (--dry-run)."
                                 : "\(grouping.schedulesQueued) schedule(s), the coordinators' sheet"
                                   + (grouping.waitlistTold > 0 ? " and a no-seat note to each of the \(grouping.waitlistTold) still waiting" : "")
                                   + " go out with the next `mentormail process`.")
                }
            }
        }

        struct Sheet: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the coordinators' printable sheet (one page per rotation) of an event whose rotations are formed.",
                discussion: "Example:\n  mentormail event sheet 1 --output tables.html")
            @OptionGroup var options: ProgramOptions
            @Argument(help: "The event's id.") var id: Int64
            @Option(help: ArgumentHelp("Where to write the HTML (default: stdout).", valueName: "file")) var output: String?

            func run() throws {
                try runReportingErrors {
                    let opened = try OpenProgram(try Config.load(path: options.config))
                    defer { withExtendedLifetime(opened) {} }
                    let html = try opened.program.eventSheet(id: id, now: options.clock)
                    if let output {
                        do { try Data(html.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                            throw MentorMailError(.unavailable, "cannot write \(output): \(error.localizedDescription)")
                        }
                        FileHandle.standardError.write(Data("mentormail: wrote \(output)\n".utf8))
                    } else {
                        print(html)
                    }
                }
            }
        }

        struct Rotations: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Solve a raw table-rotations problem (for benchmarks and checks).",
                discussion: """
                Reads {"mentees": N, "mentors": M, "rotations": R, "scores": [[mentee, mentor, score], …]} \
                (0-based; pairs not listed score 0) and prints {"assignment": [[mentor of each \
                mentee] for each rotation], "solveSeconds": s}, with the plan's interest and its \
                upper bound.

                Example:
                  mentormail event rotations --scores problem.json --json
                """)
            @Option(help: ArgumentHelp("The problem (JSON).", valueName: "file")) var scores: String
            @Flag(help: "Print JSON (the default output is a summary).") var json = false

            func run() throws {
                try runReportingErrors {
                    let data: Data
                    do { data = try Data(contentsOf: URL(fileURLWithPath: scores)) } catch {
                        throw MentorMailError(.unavailable, "cannot read \(scores): \(error.localizedDescription)")
                    }
                    let problem: RotationProblem
                    do { problem = try JSONDecoder().decode(RotationProblem.self, from: data) } catch {
                        throw MentorMailError(.data, "\(scores) is not a rotations problem {\"mentees\", \"mentors\", \"rotations\", \"scores\"}: \(error)")
                    }
                    let clock = ContinuousClock()
                    var plan: RotationPlan?
                    var failure: (any Error)?
                    let elapsed = clock.measure {
                        do { plan = try TableRotations.solve(problem) } catch { failure = error }
                    }
                    if let failure { throw MentorMailError(.data, "\(failure)") }
                    guard let plan else { return }
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    if json {
                        struct Output: Encodable {
                            var assignment: [[Int]]
                            var solveSeconds: Double
                            var totalInterest: Int
                            var upperBound: Int
                            var repeatedMenteePairs: Int
                        }
                        return try printJSON(Output(assignment: plan.assignment, solveSeconds: seconds, totalInterest: plan.totalInterest,
                                                    upperBound: plan.upperBound, repeatedMenteePairs: plan.repeatedMenteePairs))
                    }
                    print("\(problem.mentees) mentee(s), \(problem.mentors) mentor(s), \(problem.rotations) rotation(s): interest \(plan.totalInterest) "
                          + "of at most \(plan.upperBound), \(plan.repeatedMenteePairs) repeated meeting(s) between mentees, solved in \(String(format: "%.3f", seconds)) s.")
                }
            }
        }
    }
}
