import Foundation
import GRDB
import Mail

/// Speed Mentoring events: creating and changing them, invitations with a calendar part,
/// answers however they come, the waitlist, and the rotations with everyone's schedule.
struct EventService {
    let work: Work

    /// What a coordinator gives to create an event.
    struct Plan {
        var name: String
        var startsAt: Date
        var timeZone: TimeZone
        var durationMinutes: Int
        var capacity: Int
        var tables: Int
        var rotations: Int
        var audience: EventAudience
        var location: String?
        var uid: String?
        /// Create it even when an event still to come has the same name and start.
        var force = false
    }

    // MARK: Creating and changing

    /// Stores the event and schedules its invitations (sent by the next `process`) and its
    /// rotations (`[events] groups_before_hours` before the start). With fewer tables than
    /// rotations a mentee meets each mentor at most once, so it stores no more rotations than tables.
    func create(_ plan: Plan, actor: String) throws -> SpeedEvent {
        if case .round(let name) = plan.audience, try AppDatabase.findRound(work.db, name: name) == nil {
            throw MentorMailError(.data, "no round is named \(name); see `mentormail round list`")
        }
        if !plan.force, let twin = try twin(of: plan) { throw MentorMailError(.data, twinRefusal(twin, plan)) }
        var event = SpeedEvent(name: plan.name, startsAt: plan.startsAt, timeZone: plan.timeZone.identifier,
                               durationMinutes: plan.durationMinutes, capacity: plan.capacity, tables: plan.tables,
                               rotations: min(plan.rotations, plan.tables), audience: plan.audience.description, location: plan.location,
                               uid: plan.uid ?? "event-\(ConfirmationToken.make().lowercased())@\(work.config.program.domain)", createdAt: work.now)
        try event.insert(work.db)
        guard let id = event.id else { throw MentorMailError(.internalError, "the event was stored without an id") }
        try work.jobs.schedule(.eventInvitations, subjectID: id, at: work.now, key: "event-invitations:\(id)")
        try work.jobs.schedule(.eventGroups, subjectID: id, at: groupsDue(event), key: "event-groups:\(id)")
        try work.audit.record(actor, "event-created", "\(id) \(event.name) at \(event.startsAt.formatted(.iso8601)), \(plan.audience)")
        return event
    }

    /// An event still to come, not cancelled, with the name (in other case or punctuation) and
    /// start of `plan`: the same event, made again instead of updated.
    private func twin(of plan: Plan) throws -> SpeedEvent? {
        try SpeedEvent.filter(SpeedEvent.Columns.status != SpeedEvent.Status.cancelled.rawValue && SpeedEvent.Columns.startsAt == plan.startsAt)
            .order(Column("id")).fetchAll(work.db)
            .first { $0.endsAt > work.now && Self.sameName($0.name, plan.name) }
    }

    /// The names' words, ignoring case, accents and punctuation, are the same.
    static func sameName(_ one: String, _ other: String) -> Bool {
        func words(_ name: String) -> [String] {
            name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        return words(one) == words(other)
    }

    /// Why `plan` is not created: `twin` is the same event; the update that makes it what `plan`
    /// says, and `--force` for a second event.
    private func twinRefusal(_ twin: SpeedEvent, _ plan: Plan) -> String {
        let id = twin.id ?? 0
        var changes: [String] = []
        if plan.audience.description != twin.audience { changes.append("--audience \(plan.audience)") }
        if plan.durationMinutes != twin.durationMinutes { changes.append("--duration \(plan.durationMinutes)m") }
        // A place left out of the second create is no wish to clear the first one's.
        if let location = plan.location, !location.isEmpty, location != twin.location { changes.append("--location \"\(location)\"") }
        let invited = (try? EventGuest.filter(EventGuest.Columns.eventID == id && Column("invitedAt") != nil).fetchCount(work.db)) ?? 0
        var text = "event \(id) (\(twin.name)) already starts at \(Self.localStart(twin)) (\(twin.timeZone)), \(invited) invited so far: "
            + "a second event with the same name and start would invite everyone twice, so nothing was created. "
            + (changes.isEmpty ? "To change event \(id), use mentormail event update \(id) (--at, --tz, --duration, --location, --audience)"
                               : "To change event \(id) to what you gave, use mentormail event update \(id) \(changes.joined(separator: " "))")
        let fixed = [(plan.capacity, twin.capacity, "seats"), (plan.tables, twin.tables, "tables"), (min(plan.rotations, plan.tables), twin.rotations, "rotations")]
            .filter { $0.0 != $0.1 }.map { "\($0.1) \($0.2), not \($0.0)" }
        if !fixed.isEmpty {
            text += " (it has \(fixed.joined(separator: ", ")): these are set at creation; to change them, mentormail event cancel \(id) "
                + "and create it again)"
        }
        return text + ". To create a second event with the same name and start anyway, add --force."
    }

    /// "2026-10-25 07:30", the start in the event's zone.
    static func localStart(_ event: SpeedEvent) -> String {
        let zone = MailTime.zone(event.timeZone)
        return localDate(event.startsAt, zone) + " " + MailTime.clock(event.startsAt, zone)
    }

    /// "2026-10-25" in `zone`.
    static func localDate(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
    }

    /// A new time or place: the calendars get an update (SEQUENCE raised) with the next run. A
    /// new audience changes whom `event invite` (and runs, until the tables are due) invite next;
    /// those invited already stay invited.
    func update(_ id: Int64, startsAt: Date?, timeZone: TimeZone?, durationMinutes: Int?, location: String?,
                audience: EventAudience? = nil, actor: String) throws -> SpeedEvent {
        var event = try find(id)
        guard event.status != .cancelled else {
            throw MentorMailError(.data, "event \(id) is cancelled: nothing about it can change; create a new one with `mentormail event create`")
        }
        if let audience {
            guard event.status == .scheduled else {
                throw MentorMailError(.data, "event \(id)'s tables are set and its schedules went out: invitations are closed, so its audience "
                                      + "cannot change; to change the tables: mentormail event groups \(id) --again")
            }
            if case .round(let name) = audience, try AppDatabase.findRound(work.db, name: name) == nil {
                throw MentorMailError(.data, "no round is named \(name); see `mentormail round list`")
            }
            if audience.description != event.audience {
                try work.audit.record(actor, "event-audience", "\(id): \(event.audience) → \(audience)")
                event.audience = audience.description
                event.updatedAt = work.now
                try event.update(work.db)
            }
            // Only whom it invites changed: nothing for calendars.
            if startsAt == nil && timeZone == nil && durationMinutes == nil && location == nil { return event }
        }
        // Once the tables are set, the schedules carry the rotation times: only the place can move.
        if event.status == .grouped && (startsAt != nil || timeZone != nil || durationMinutes != nil) {
            throw MentorMailError(.data, "event \(id)'s tables are set and its schedules went out: only its place can change now "
                                  + "(--location); to move the time, cancel it (`mentormail event cancel \(id)`) and create it again")
        }
        // What guests last saw is kept until the update mail goes out: after several quick
        // changes it tells them what they saw before the first.
        if event.previousSequence == nil {
            event.previousSequence = event.sequence
            event.previousStartsAt = event.startsAt
            event.previousTimeZone = event.timeZone
            event.previousDurationMinutes = event.durationMinutes
            event.previousLocation = event.location
        }
        if let startsAt { event.startsAt = startsAt }
        if let timeZone { event.timeZone = timeZone.identifier }
        if let durationMinutes { event.durationMinutes = durationMinutes }
        if let location { event.location = location.isEmpty ? nil : location }
        event.sequence += 1
        event.updatedAt = work.now
        try event.update(work.db)
        try work.jobs.schedule(.eventUpdate, subjectID: id, at: work.now, key: "event-update:\(id):\(event.sequence)")
        try ScheduledJob.filter(ScheduledJob.Columns.uniqueKey == "event-groups:\(id)" && ScheduledJob.Columns.status == "pending")
            .updateAll(work.db, Column("dueAt").set(to: groupsDue(event)))
        try work.audit.record(actor, "event-updated", "\(id) now at \(event.startsAt.formatted(.iso8601)), sequence \(event.sequence)")
        return event
    }

    /// Cancels the event: everyone invited gets a calendar CANCEL with the next run.
    func cancel(_ id: Int64, actor: String) throws -> SpeedEvent {
        var event = try find(id)
        guard event.status != .cancelled else { throw MentorMailError(.data, "event \(id) is already cancelled") }
        event.status = .cancelled
        event.cancelledAt = work.now
        event.sequence += 1
        event.updatedAt = work.now
        try event.update(work.db)
        try work.jobs.retire([.eventInvitations, .eventUpdate, .eventGroups], subjectID: id)
        try work.jobs.schedule(.eventCancel, subjectID: id, at: work.now, key: "event-cancel:\(id)")
        try work.audit.record(actor, "event-cancelled", "\(id) \(event.name)")
        return event
    }

    func find(_ id: Int64) throws -> SpeedEvent {
        guard let event = try SpeedEvent.fetchOne(work.db, key: id) else {
            throw MentorMailError(.data, "no event has the id \(id); see `mentormail event list`")
        }
        return event
    }

    /// `[events] groups_before_hours` before the start; for an event created closer to its start
    /// than that, halfway there, so that people have time to answer first.
    private func groupsDue(_ event: SpeedEvent) -> Date {
        let due = event.startsAt.addingTimeInterval(-TimeInterval(work.config.events.groupsBeforeHours * 3_600))
        return due > work.now ? due : work.now.addingTimeInterval(event.startsAt.timeIntervalSince(work.now) / 2)
    }

    // MARK: Invitations

    /// The invitations job: everyone in the audience not invited yet gets one, mentees to
    /// attend and mentors to host a table, each with a REQUEST naming only them.
    func sendInvitations(eventID: Int64) throws {
        let event = try find(eventID)
        guard event.status == .scheduled, event.endsAt > work.now else { return }
        let invited = try inviteNewcomers(event)
        try work.audit.record("scheduler", "event-invitations", "event \(eventID): \(invited.count) invitation(s)")
    }

    /// Whether people who join the program now are still invited: the event is upcoming, and its
    /// tables are not set nor about to be (the rotations job is not due yet).
    func stillInviting(_ event: SpeedEvent) throws -> Bool {
        guard event.status == .scheduled, event.startsAt > work.now, let id = event.id else { return false }
        let groups = try ScheduledJob.filter(ScheduledJob.Columns.uniqueKey == "event-groups:\(id)").fetchOne(work.db)
        return groups.map { $0.status == .pending && $0.dueAt > work.now } ?? true
    }

    /// Each run: participants who became active after an event's invitations went out (an
    /// import, a sign-up, a resume) get the same invitation, once, while the event still invites.
    @discardableResult
    func inviteLateJoiners() throws -> [(eventID: Int64, guests: [EventGuest])] {
        var all: [(eventID: Int64, guests: [EventGuest])] = []
        for event in try SpeedEvent.filter(SpeedEvent.Columns.status == SpeedEvent.Status.scheduled.rawValue).fetchAll(work.db)
        where try stillInviting(event) {
            let invited = try inviteNewcomers(event)
            if !invited.isEmpty {
                try work.audit.record("scheduler", "event-invitations", "event \(event.id ?? 0): \(invited.count) late invitation(s): "
                                      + invited.map(\.email).joined(separator: ", "))
                all.append((event.id ?? 0, invited))
            }
        }
        return all
    }

    /// `event invite`: everyone in the audience not invited yet, now, while the tables are not set.
    func inviteNow(eventID: Int64, actor: String) throws -> [EventGuest] {
        let event = try find(eventID)
        switch event.status {
        case .cancelled: throw MentorMailError(.data, "event \(eventID) is cancelled: nobody can be invited to it")
        case .grouped:
            throw MentorMailError(.data, "event \(eventID)'s tables are set and its schedules went out: invitations are closed "
                                  + "(a yes now would find no seat); to change the tables: mentormail event groups \(eventID) --again")
        case .scheduled: break
        }
        guard event.startsAt > work.now else { throw MentorMailError(.data, "event \(eventID) has started: invitations are closed") }
        let invited = try inviteNewcomers(event)
        try work.audit.record(actor, "event-invitations", "event \(eventID): \(invited.count) invitation(s)"
                              + (invited.isEmpty ? "" : ": " + invited.map(\.email).joined(separator: ", ")))
        return invited
    }

    /// Invites everyone in the audience who is not a guest yet, with the event as it is now.
    private func inviteNewcomers(_ event: SpeedEvent) throws -> [EventGuest] {
        guard let eventID = event.id else { return [] }
        let audience = EventAudience(event.audience) ?? .all
        let invited = Set(try EventGuest.filter(EventGuest.Columns.eventID == eventID).fetchAll(work.db).map { $0.email.lowercased() })
        var guests: [EventGuest] = []
        for person in try audience.participants(work.db) where !invited.contains(person.email.lowercased()) {
            guard let role = EventGuest.Role(person.profile) else { continue }
            var guest = EventGuest(eventID: eventID, participantID: person.id, email: person.email, name: person.profile.name,
                                   role: role, language: work.mailLanguage(for: person))
            try guest.insert(work.db)
            try invite(&guest, to: event, update: false)
            guests.append(guest)
        }
        return guests
    }

    /// The update job: everyone still coming (or not answered) gets the new time or place.
    func sendUpdate(eventID: Int64) throws {
        var event = try find(eventID)
        guard event.status != .cancelled else { return }
        // After the tables are set, only those who have a place are coming.
        let grouped = event.status == .grouped
        for var guest in try guests(eventID) where guest.answer != .declined && (!grouped || guest.answer == .accepted)
            && guest.invitedAt != nil && (guest.sequenceSent ?? -1) < event.sequence {
            try invite(&guest, to: event, update: true, placeOnly: grouped)
        }
        // Told: the next change starts from the event as it is now.
        guard event.previousSequence != nil else { return }
        event.previousSequence = nil
        event.previousStartsAt = nil
        event.previousTimeZone = nil
        event.previousDurationMinutes = nil
        event.previousLocation = nil
        try event.update(work.db)
    }

    /// The cancellation job: a CANCEL to everyone who was invited.
    func sendCancellations(eventID: Int64) throws {
        let event = try find(eventID)
        for guest in try guests(eventID) where guest.invitedAt != nil {
            let mail = EventCancelledMail(person: PersonName(guest.name), event: info(event))
            try work.outbox.send(mail, to: [MailAddress(address: guest.email, name: guest.name)], about: .event(eventID),
                                 language: guest.language, calendar: calendar(event, for: guest, method: "CANCEL"))
        }
    }

    private func invite(_ guest: inout EventGuest, to event: SpeedEvent, update: Bool, placeOnly: Bool = false) throws {
        var mail = EventInvitationMail(person: PersonName(guest.name), event: info(event))
        if guest.role == .mentor { mail.asMentor = true } else { mail.asMentee = true }
        var changes: EventChanges?
        if update {
            mail.update = true
            mail.changes = self.changes(event, seenBy: guest)
            changes = mail.changes
            // Once the tables are set only the place can change: the schedules stand.
            if placeOnly { mail.placeOnly = true }
            // Their answer stands: the mail says which, and the calendar keeps it instead of asking again.
            switch guest.answer {
            case .accepted where guest.unsureWithSeat:
                mail.saidMaybe = true
                mail.seatKept = true
            case .accepted: mail.saidYes = true
            case .waitlisted: mail.waiting = true
            case .tentative: mail.saidMaybe = true
            case .declined, .invited: break
            }
        }
        let kept = update ? guest.calendarStatus : nil
        try work.outbox.send(mail, to: [MailAddress(address: guest.email, name: guest.name)], about: .event(event.id),
                             language: guest.language, calendar: calendar(event, for: guest, method: "REQUEST", attendeeStatus: kept,
                                                                          changes: changes))
        guest.invitedAt = work.now
        guest.sequenceSent = event.sequence
        try guest.update(work.db)
    }

    /// The event's REQUEST as it is now, for a guest who has a seat, marked with what they said
    /// (accepted, or tentative for a maybe that keeps the seat): `always`, or when their calendar
    /// is behind (they missed an update while not coming). Records it as sent.
    func currentCalendar(_ event: SpeedEvent, for guest: inout EventGuest, always: Bool = false) throws -> CalendarPart? {
        guard event.status != .cancelled, guest.invitedAt != nil, always || (guest.sequenceSent ?? -1) < event.sequence else { return nil }
        guest.sequenceSent = event.sequence
        try guest.update(work.db)
        return calendar(event, for: guest, method: "REQUEST", attendeeStatus: guest.unsureWithSeat ? "TENTATIVE" : "ACCEPTED")
    }

    /// The event as an iCalendar object for one guest: they are its only attendee. Its
    /// description is in the guest's mail language; an update's says what changed (`changes`,
    /// worded in that language too).
    func calendar(_ event: SpeedEvent, for guest: EventGuest, method: String, attendeeStatus: String? = nil,
                  changes: EventChanges? = nil) -> CalendarPart {
        let description = CalendarDescription(language: guest.language).text(program: work.config.program.name, event: event, changes: changes)
        let text = ICalendar.request(
            uid: event.uid, summary: event.name, description: description,
            location: event.location, start: event.startsAt, end: event.endsAt,
            organizer: (work.config.program.address, work.config.program.name),
            attendees: [(guest.email, guest.name)], sequence: event.sequence, attendeeStatus: attendeeStatus, stamp: work.now,
            timeZone: TimeZone(identifier: event.timeZone), method: method)
        return CalendarPart(method: method, text: text)
    }

    func guests(_ eventID: Int64) throws -> [EventGuest] {
        try EventGuest.filter(EventGuest.Columns.eventID == eventID).order(Column("id")).fetchAll(work.db)
    }

    // MARK: Answers

    /// An RSVP, by calendar or in words: the latest answer wins, a yes beyond the seats goes on
    /// the waitlist, a maybe keeps a seat, and a no that frees one promotes the first one
    /// waiting, all in this transaction. Each answer is confirmed by mail (unless a machine sent it); one with
    /// a question is also held for the coordinators.
    func receive(_ reply: RSVPReply, _ inbound: Inbound) throws -> Outcome {
        let event: SpeedEvent?
        if let uid = reply.eventUID {
            event = try SpeedEvent.filter(SpeedEvent.Columns.uid == uid).fetchOne(work.db)
        } else {
            event = try reply.eventID.flatMap { try SpeedEvent.fetchOne(work.db, key: $0) }
        }
        // The confirmation goes to the guest's invited address; usually that is the sender.
        var recipient: (address: MailAddress, language: String?)?
        /// `keptAs`: a waitlist place, kept so that a later message of the run can word it anew.
        func answer(_ mail: EventAnswerMail, _ summary: String, calendar: CalendarPart? = nil, keptAs key: String? = nil) throws -> Outcome {
            var mail = mail
            // A question beside the answer: the answer is recorded, the message held for a person.
            let question = reply.automatic ? nil : reply.question
            let note = reply.automatic ? nil : reply.note
            if question != nil { mail.question = true } else if note != nil { mail.note = true }
            if !reply.automatic {
                // In the answer's language, which may not be the one the guest was invited in.
                let language = try recipient == nil ? inbound.language(in: work) : recipient?.language
                if let recipient {
                    try work.outbox.answer(mail, to: recipient.address, replyingTo: inbound.message, inboundID: inbound.recordID,
                                           about: .event(event?.id), language: language,
                                           unreadExport: inbound.unreadExport(in: work), calendar: calendar, keptAs: key)
                } else {
                    try inbound.answer(mail, in: work, about: .event(event?.id), language: language, calendar: calendar, keptAs: key)
                }
            }
            if question != nil || note != nil {
                try HeldMailService(work: work).scheduleDigest(for: inbound.recordID)
                return Outcome(.held, summary + (question.map { "; held for its question: \"\($0)\"" } ?? "")
                                   + (note.map { "; held for its condition: \"\($0)\"" } ?? ""))
            }
            return Outcome(reply.automatic ? .ignored : .answered, summary)
        }
        func unknown() throws -> Outcome {
            var mail = EventAnswerMail(person: PersonName(inbound.sender.name ?? ""))
            mail.unknown = true
            return try answer(mail, event == nil ? "no event for \(reply.eventUID ?? reply.eventID.map(String.init) ?? "?")"
                                                 : "\(inbound.sender.normalized) was not invited to event \(event?.id ?? 0)")
        }
        guard let event, let eventID = event.id else { return try unknown() }
        func guest(_ address: String?) throws -> EventGuest? {
            guard let address else { return nil }
            return try EventGuest.filter(EventGuest.Columns.eventID == eventID && EventGuest.Columns.email == address.lowercased()).fetchOne(work.db)
        }
        let sender = inbound.sender.normalized
        let answered = inbound.context.answering.map { MailKind.eventAnswerable.contains($0.kind)
                                                       && $0.topic == .event(eventID) } ?? false
        func answeredTo(_ guest: EventGuest) -> Bool { speaksFor(guest, answered: answered, inbound) }
        var found: EventGuest?
        if let attendee = try guest(reply.attendee) {
            // A calendar answer for a guest: from that guest, or under a mail sent to them.
            guard attendee.email.lowercased() == sender || answeredTo(attendee) else {
                try tellAnsweredElsewhere(attendee, from: sender, event)
                let word = [.accepted: "yes", .declined: "no", .tentative: "maybe"][reply.answer] ?? "yes"
                return try HeldMailService(work: work).hold(
                    inbound, reason: "a calendar answer (\(word)) for \(attendee.email), a guest of \(AppDatabase.eventWords(event)), came from \(sender), "
                        + "not in reply to our mail to \(attendee.email): not recorded; \(attendee.email) was asked to answer from that address. "
                        + "If the answer is theirs: mentormail event answer \(eventID) \(attendee.email) \(word)", acknowledge: false)
            }
            found = attendee
        } else if let own = try guest(sender) {
            found = own
        } else if let answeredGuest = try guests(eventID).first(where: answeredTo) {
            found = answeredGuest
        }
        // Under our mail to a guest, reached through a forward by someone else: theirs to read.
        if found == nil, answered, try guests(eventID).contains(where: { inbound.context.answeredRecipients.contains($0.email.lowercased()) }) {
            return try HeldMailService(work: work).hold(
                inbound, reason: "an answer from \(sender) under our mail of \(AppDatabase.eventWords(event)) to \(inbound.context.answeredRecipients.sorted().joined(separator: ", ")), "
                    + "reached only through a forward: not recorded for them", acknowledge: true, forSomeoneElse: true)
        }
        guard var guest = found else { return try unknown() }
        if guest.email.lowercased() != sender { recipient = (MailAddress(address: guest.email, name: guest.name), guest.language) }
        let recorded = try record(reply.answer, source: reply.source.rawValue, for: &guest, at: event)
        return try answer(recorded.mail, recorded.summary, calendar: recorded.calendar,
                          keptAs: recorded.mail.position != nil ? Self.placeKey(guest) : nil)
    }

    /// The key a waitlist answer is kept under while a later message of the run may move its place.
    static func placeKey(_ guest: EventGuest) -> String { "event-guest:\(guest.id ?? 0)" }

    /// The waitlist of `role` moved (a seat given, someone left it): answers of this run still
    /// queued that told a place in it are worded again with the place each has now, so that no
    /// one hears a place a later message of the same run changed.
    private func retellPlaces(_ eventID: Int64, _ role: EventGuest.Role) throws {
        for (index, guest) in try waiting(eventID, role).fetchAll(work.db).enumerated() {
            for (row, kept) in try work.outbox.rewordable(EventAnswerMail.self, key: Self.placeKey(guest)) where kept.mail.position != index + 1 {
                var mail = kept.mail
                mail.position = index + 1
                try work.outbox.reword(row, kept, as: mail, calendar: nil, why: "\(guest.email) is in place \(index + 1) of the waitlist now")
            }
        }
    }

    /// Tells `guest` that a calendar answer for them came from `sender`, another address, and was
    /// not counted: an invitation is personal, so they answer it from the invited address.
    private func tellAnsweredElsewhere(_ guest: EventGuest, from sender: String, _ event: SpeedEvent) throws {
        var mail = EventAnswerMail(person: PersonName(guest.name), event: info(event))
        if guest.role == .mentor { mail.asMentor = true } else { mail.asMentee = true }
        mail.answeredElsewhere = true
        mail.otherAddress = sender
        try work.outbox.send(mail, to: [MailAddress(address: guest.email, name: guest.name)], about: .event(event.id),
                             language: guest.language, subject: event.name)
    }

    /// Records `answer` for `guest`, as their own answer does: the latest answer wins, a yes
    /// beyond the seats goes on the waitlist, a maybe keeps a seat, a no that frees one promotes
    /// the first one waiting, and the coordinators hear of changes after the tables are set.
    /// Returns the confirmation to send (with the calendar to carry) and a summary; an event
    /// cancelled or over changes nothing.
    func record(_ answer: RSVPReply.Answer, source: String, for guest: inout EventGuest, at event: SpeedEvent) throws
        -> (mail: EventAnswerMail, summary: String, calendar: CalendarPart?) {
        let eventID = guest.eventID
        var mail = EventAnswerMail(person: PersonName(guest.name), event: info(event))
        if guest.role == .mentor { mail.asMentor = true } else { mail.asMentee = true }
        if event.status == .cancelled {
            mail.cancelled = true
            return (mail, "event \(eventID) is cancelled", nil)
        }
        if work.now >= event.endsAt {
            mail.over = true
            return (mail, "event \(eventID) is over", nil)
        }
        let before = guest.answer
        let grouped = event.status == .grouped
        var promoted: EventGuest?
        // After the tables are set, a place in the rotations is kept on a maybe and given back on a yes.
        let seated = grouped ? try hasSeat(guest) : false
        var keptSeat = false
        switch answer {
        case .accepted:
            if before == .accepted || before == .waitlisted && !seated {
                break
            } else if seated {
                guest.answer = .accepted
                guest.waitlistedAt = nil
                guest.waitlistOrder = nil
            } else if !grouped, try seatsTaken(eventID, guest.role) < limit(event, guest.role) {
                guest.answer = .accepted
            } else {
                guest.answer = .waitlisted
                guest.waitlistedAt = work.now
                guest.waitlistOrder = try nextWaitlistOrder(eventID)
            }
        case .tentative where before == .accepted:
            // An unsure answer gives no seat away: only a "no" does.
            guest.answer = .accepted
            keptSeat = true
        case .declined, .tentative:
            guest.answer = answer == .declined ? .declined : .tentative
            guest.waitlistedAt = nil
            guest.waitlistOrder = nil
        }
        guest.lastAnswer = EventGuest.Answer(rawValue: answer.rawValue)
        guest.answeredAt = work.now
        guest.answeredBy = source
        try guest.update(work.db)
        // A seat regained (after a no, a maybe or the waitlist) comes with the event as it is now:
        // updates of its time or place went only to those coming.
        let regained = [.declined, .tentative, .waitlisted].contains(before) && guest.answer == .accepted
        let current = guest.answer == .accepted ? try currentCalendar(event, for: &guest, always: regained) : nil
        if before == .accepted && guest.answer != .accepted && !grouped {
            promoted = try promoteFirstWaiting(event, guest.role)
        }
        if promoted != nil || before == .waitlisted && guest.answer != .waitlisted { try retellPlaces(eventID, guest.role) }
        switch guest.answer {
        case .accepted where keptSeat && !grouped:
            mail.tentative = true
            mail.seatHeld = true
            let waiting = try waiting(eventID, guest.role).fetchCount(work.db)
            try notice(eventID, "\(guest.name) <\(guest.email)> (\(guest.role.rawValue)) said maybe on \(today(event)) and keeps their "
                       + "\(guest.role == .mentee ? "seat" : "table") until they say no"
                       + (waiting > 0 ? "; \(waiting) waiting for one (mentormail event show \(eventID))" : ""))
        case .accepted where keptSeat:
            mail.tentative = true
            mail.keptSeat = true
            mail.grouped = true
            try notice(eventID, "\(guest.name) <\(guest.email)> (\(guest.role.rawValue)) said maybe on \(today(event)), after the tables were set; "
                       + "their \(guest.role == .mentee ? "seat" : "table") is kept")
        case .accepted:
            mail.accepted = true
            if grouped { mail.tablesSet = true }
        case .declined: mail.declined = true
        case .tentative:
            mail.tentative = true
            if before == .waitlisted && !grouped { mail.leftWaitlist = true }
            if grouped && !seated { mail.lateMaybe = true }
        case .waitlisted where grouped:
            // The waitlist closed with the tables: a place in it would promise a seat by mail.
            mail.lateYes = true
        case .waitlisted:
            mail.waitlisted = true
            mail.position = try position(of: guest)
        case .invited: break
        }
        if grouped && before != guest.answer {
            mail.grouped = mail.lateYes == true ? nil : true
            let again = "mentormail event groups \(eventID) --again"
            let change: String = switch guest.answer {
            case .waitlisted: "said yes after the tables were set and has no place in them; to fit them in, form the tables anew before the start: \(again)"
            case .declined: "said no after the tables were set; their place stays empty unless you form the tables anew: \(again)"
            case .tentative: "said maybe after the tables were set" + (seated ? "; their place stays empty unless you form the tables anew: \(again)" : "")
            case .accepted: "said yes again after the tables were set, and has their place back"
            case .invited: "changed their answer from \(before.rawValue) to \(guest.answer.rawValue) after the tables were set"
            }
            try notice(eventID, "\(guest.name) <\(guest.email)> (\(guest.role.rawValue)) \(change)")
        }
        // Their own paragraph already says the tables are set and the coordinators know.
        if mail.keptSeat == true || mail.lateMaybe == true { mail.grouped = nil }
        // A maybe that keeps the seat is said as such: "accepted" alone would hide the maybe.
        let outcome = keptSeat ? "maybe, keeps the \(guest.role == .mentee ? "seat" : "table")" : guest.answer.rawValue
        try work.audit.record(source == "coordinator" ? "coordinator" : guest.email, "event-rsvp",
                              "event \(eventID): \(guest.email) \(before.rawValue) → \(outcome) (\(source))"
                              + (promoted.map { "; promoted \($0.email)" } ?? ""))
        return (mail, "event \(eventID): \(outcome)" + (mail.position.map { " (position \($0))" } ?? "")
                    + (promoted.map { "; \($0.email) promoted from the waitlist" } ?? ""), current)
    }

    /// `event answer`: a coordinator records a guest's answer for them (given in person, or in
    /// mail the program could not place), with the same effects as the guest's own; the guest
    /// gets the same confirmation unless `quiet`.
    func answerFor(eventID: Int64, address: String, answer: RSVPReply.Answer, quiet: Bool, actor: String) throws -> EventGuest {
        let event = try find(eventID)
        let wanted = address.trimmingCharacters(in: .whitespaces).lowercased()
        guard var guest = try guests(eventID).first(where: { $0.email.lowercased() == wanted }) else {
            throw MentorMailError(.data, "\(address) is not invited to event \(eventID); `mentormail event show \(eventID)` lists the guests "
                                  + "(`mentormail event invite \(eventID)` invites the event's audience)")
        }
        switch event.status {
        case .cancelled: throw MentorMailError(.data, "event \(eventID) is cancelled: there is no answer to record")
        case _ where work.now >= event.endsAt: throw MentorMailError(.data, "event \(eventID) is over: there is no answer to record")
        default: break
        }
        var recorded = try record(answer, source: "coordinator", for: &guest, at: event)
        recorded.mail.recordedForYou = true
        try work.audit.record(actor, "event-answer-recorded", "event \(eventID): \(answer.rawValue) for \(guest.email)" + (quiet ? ", not told" : ""))
        if !quiet {
            try work.outbox.send(recorded.mail, to: [MailAddress(address: guest.email, name: guest.name)], about: .event(eventID),
                                 language: guest.language, calendar: recorded.calendar, subject: event.name)
        }
        return guest
    }

    /// Whether a reply under an event mail of ours (`answered`) speaks for `guest`: the mail
    /// went to them, and the reply answers it directly (In-Reply-To, from any of their
    /// addresses) or comes from them (their mailbox, or their participant record). A reply
    /// that reached our mail only through References or a forward may be a colleague's.
    private func speaksFor(_ guest: EventGuest, answered: Bool, _ inbound: Inbound) -> Bool {
        let context = inbound.context
        guard answered, context.answeredRecipients.contains(guest.email.lowercased()) else { return false }
        if !context.answeringOnlyInReferences && !context.answeringForwarded { return true }
        return MailAddress.mailbox(of: guest.email) == inbound.sender.mailbox
            || (guest.participantID != nil && guest.participantID == context.participant?.id)
    }

    /// A reply under an event mail that says neither yes nor no: asks for one, naming the event.
    /// Someone whose yes stands is never asked again: their thanks is not answered, and any other
    /// note goes to the coordinators.
    func askForAnswer(eventID: Int64, _ inbound: Inbound) throws -> Outcome {
        guard let event = try SpeedEvent.fetchOne(work.db, key: eventID) else {
            return try EnrollmentService(work: work).answerWithHelp(inbound)
        }
        let sender = inbound.sender.normalized
        let guest = try guests(eventID).first { $0.email.lowercased() == sender }
            ?? guests(eventID).first { speaksFor($0, answered: true, inbound) }
        if let guest, [.accepted, .waitlisted].contains(guest.answer) {
            if Courtesy.isThanks(OwnText(inbound.newText), signedBy: inbound.sender.name) {
                return Outcome(.ignored, "a thank-you from \(guest.email), whose yes to event \(eventID) stands: not answered")
            }
            return try HeldMailService(work: work).hold(
                inbound, reason: "a note from \(guest.email), whose yes to \(AppDatabase.eventWords(event)) stands, that says neither yes nor no", acknowledge: true)
        }
        let name = inbound.context.participant?.profile.name ?? inbound.sender.name ?? ""
        var mail = EventAnswerMail(person: PersonName(name), event: info(event))
        mail.unclear = true
        try inbound.answer(mail, in: work, about: .event(eventID))
        return Outcome(.answered, "asked for a yes or no for event \(eventID)")
    }

    /// A participant's own mail about the Speed Mentoring, not under our event mail ("count me
    /// in", "can I come to the speed mentoring?"): an answer to the one upcoming event (the one
    /// they are invited to, when several are). Someone not invited yet who asks for a place is
    /// invited with it, while the event still invites: the yes takes a seat (or a place on the
    /// waitlist) and its answer carries the calendar. What cannot be placed goes to the coordinators.
    func request(_ reply: RSVPReply, _ inbound: Inbound) throws -> Outcome {
        let sender = inbound.sender.normalized
        func hold(_ why: String) throws -> Outcome {
            try HeldMailService(work: work).hold(inbound, reason: "\(sender) wrote about the Speed Mentoring (\(reply.answer.rawValue) in words), "
                                                 + "but \(why)", acknowledge: true)
        }
        let upcoming = try SpeedEvent.filter(SpeedEvent.Columns.status != SpeedEvent.Status.cancelled.rawValue)
            .order(SpeedEvent.Columns.startsAt).fetchAll(work.db).filter { $0.endsAt > work.now }
        func guest(_ event: SpeedEvent) throws -> EventGuest? {
            try EventGuest.filter(EventGuest.Columns.eventID == event.id && EventGuest.Columns.email == sender).fetchOne(work.db)
        }
        let invitedTo = try upcoming.filter { try guest($0) != nil }
        let event: SpeedEvent
        if invitedTo.count == 1 {
            event = invitedTo[0]
        } else if invitedTo.isEmpty, upcoming.count == 1 {
            event = upcoming[0]
        } else if upcoming.isEmpty {
            return try hold("no event is upcoming")
        } else {
            let events = (invitedTo.isEmpty ? upcoming : invitedTo).map(AppDatabase.eventWords).joined(separator: ", ")
            return try hold("several events are upcoming (\(events)): which one they mean is unclear")
        }
        guard let eventID = event.id else { return try hold("the event has no id") }
        var answer = reply
        answer.eventID = eventID
        if try guest(event) != nil { return try receive(answer, inbound) }
        guard reply.answer == .accepted else { return try hold("they are not invited to \(AppDatabase.eventWords(event)): their answer was not recorded") }
        let audience = EventAudience(event.audience) ?? .all
        guard let person = inbound.context.participant, person.status == .active,
              let role = EventGuest.Role(person.profile),
              try audience.participants(work.db).contains(where: { $0.id == person.id }) else {
            let status = inbound.context.participant?.status.rawValue ?? "unknown"
            return try hold("they are not among those \(AppDatabase.eventWords(event)) invites (\(event.audience); they are \(status)): not invited; "
                            + "answer them in person")
        }
        // The rule late joiners are invited by: until the tables are due.
        guard try stillInviting(event) else {
            let why = "\(AppDatabase.eventWords(event)) " + (event.status == .cancelled ? "was cancelled" : event.startsAt <= work.now ? "has begun" : "has its tables set")
            return try hold("\(why): invitations are closed, so they were not invited; answer them in person")
        }
        // Invited by their own request: the answer carries the calendar (its SEQUENCE is recorded then).
        var invited = EventGuest(eventID: eventID, participantID: person.id, email: person.email, name: person.profile.name,
                                 role: role, language: work.mailLanguage(for: person))
        invited.invitedAt = work.now
        try invited.insert(work.db)
        try work.audit.record(sender, "event-invited", "event \(eventID): asked for a place in a mail of their own")
        return try receive(answer, inbound)
    }

    /// A place in the rotations formed for the event (its rows stay after a no).
    private func hasSeat(_ guest: EventGuest) throws -> Bool {
        guard let id = guest.id else { return false }
        return try EventSeat.filter(Column("eventID") == guest.eventID && (Column("menteeGuestID") == id || Column("mentorGuestID") == id))
            .fetchCount(work.db) > 0
    }

    /// Mentee seats, or mentors' tables.
    func limit(_ event: SpeedEvent, _ role: EventGuest.Role) -> Int {
        role == .mentee ? event.capacity : event.tables
    }

    func seatsTaken(_ eventID: Int64, _ role: EventGuest.Role) throws -> Int {
        try EventGuest.filter(EventGuest.Columns.eventID == eventID && EventGuest.Columns.role == role.rawValue
                              && EventGuest.Columns.answer == EventGuest.Answer.accepted.rawValue).fetchCount(work.db)
    }

    func waiting(_ eventID: Int64, _ role: EventGuest.Role) -> QueryInterfaceRequest<EventGuest> {
        EventGuest.filter(EventGuest.Columns.eventID == eventID && EventGuest.Columns.role == role.rawValue
                          && EventGuest.Columns.answer == EventGuest.Answer.waitlisted.rawValue)
            .order(EventGuest.Columns.waitlistOrder, EventGuest.Columns.waitlistedAt, Column("id"))
    }

    /// Past every turn given for the event so far.
    private func nextWaitlistOrder(_ eventID: Int64) throws -> Int64 {
        let last = try EventGuest.filter(EventGuest.Columns.eventID == eventID)
            .select(max(EventGuest.Columns.waitlistOrder), as: Int64?.self).fetchOne(work.db) ?? nil
        return (last ?? 0) + 1
    }

    /// 1 for the first one waiting.
    func position(of guest: EventGuest) throws -> Int {
        let queue = try waiting(guest.eventID, guest.role).fetchAll(work.db)
        return (queue.firstIndex { $0.id == guest.id } ?? queue.count) + 1
    }

    /// Gives the freed seat (or table) to the first one waiting, and tells them.
    private func promoteFirstWaiting(_ event: SpeedEvent, _ role: EventGuest.Role) throws -> EventGuest? {
        guard let eventID = event.id, try seatsTaken(eventID, role) < limit(event, role),
              var next = try waiting(eventID, role).fetchOne(work.db) else { return nil }
        next.answer = .accepted
        next.waitlistedAt = nil
        next.waitlistOrder = nil
        try next.update(work.db)
        // Their yes of this run, still queued, said a place on the waitlist: it says the seat instead.
        let queued = try work.outbox.rewordable(EventAnswerMail.self, key: Self.placeKey(next))
        if !queued.isEmpty {
            let calendar = try currentCalendar(event, for: &next, always: true)
            for (row, kept) in queued {
                var mail = kept.mail
                (mail.waitlisted, mail.position, mail.accepted) = (nil, nil, true)
                try work.outbox.reword(row, kept, as: mail, calendar: calendar, why: "\(next.email) got a seat from the waitlist")
            }
            try work.audit.record(next.email, "event-promoted", "event \(eventID): from the waitlist, in the run of their yes")
            return next
        }
        var mail = EventPromotedMail(person: PersonName(next.name), event: info(event))
        if role == .mentor { mail.asMentor = true } else { mail.asMentee = true }
        try work.outbox.send(mail, to: [MailAddress(address: next.email, name: next.name)], about: .event(eventID), language: next.language,
                             calendar: try currentCalendar(event, for: &next, always: true))
        try work.audit.record(next.email, "event-promoted", "event \(eventID): from the waitlist")
        return next
    }

    /// "2026-12-07": today in the event's zone.
    private func today(_ event: SpeedEvent) -> String { Self.localDate(work.now, MailTime.zone(event.timeZone)) }

    private func notice(_ eventID: Int64, _ detail: String) throws {
        var notice = DigestNotice(createdAt: work.now, kind: .eventNews, mentorshipID: nil, detail: "Event \(eventID): \(detail)")
        try notice.insert(work.db)
        try HeldMailService(work: work).scheduleDigest(key: "event:\(eventID):\(notice.id ?? 0)")
    }

    // MARK: Mail values

    /// The event at its local time, its day worded when its mail is rendered.
    func info(_ event: SpeedEvent) -> EventInfo {
        let perRotation = event.durationMinutes / max(event.rotations, 1)
        return EventInfo(name: event.name, day: .weekday(event.startsAt, in: event.timeZone),
                         time: MailTimeSpan(start: event.startsAt, end: event.endsAt, timeZone: event.timeZone),
                         timeZone: event.timeZone, minutes: event.durationMinutes, location: event.location,
                         rotations: event.rotations, minutesPerRotation: perRotation,
                         saysSpeedMentoring: Self.saysSpeedMentoring(event.name) ? true : nil)
    }

    /// Whether `name` already says what the event is: "Speed Mentoring, Summit", "speed-mentoring".
    static func saysSpeedMentoring(_ name: String) -> Bool {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber }.contains("speedmentoring")
    }

    /// What changed since `guest` last saw the event, "was …, now …": the start in the event's
    /// zone, the length, the place. Nil when they last saw another version than the one kept
    /// (they were not coming meanwhile), or nothing they see changed.
    func changes(_ event: SpeedEvent, seenBy guest: EventGuest) -> EventChanges? {
        guard let seen = event.previousSequence, guest.sequenceSent == seen else { return nil }
        var changes = EventChanges()
        let oldZone = event.previousTimeZone ?? event.timeZone
        let oldStart = event.previousStartsAt ?? event.startsAt
        let zoneChanged = oldZone != event.timeZone
        let was = MailDate.moment(oldStart, in: oldZone, showsZone: zoneChanged)
        let now = MailDate.moment(event.startsAt, in: event.timeZone, showsZone: zoneChanged)
        // Compared as said, in any one language: a start that reads the same did not change.
        if was.words(language: nil) != now.words(language: nil) {
            let sameDay = !zoneChanged && MailDate.weekday(oldStart, in: oldZone).words(language: nil)
                == MailDate.weekday(event.startsAt, in: event.timeZone).words(language: nil)
            // The same day is not said twice: "was Monday, October 25, 2027, 07:30, now 09:00".
            changes.start = .init(was: was, now: sameDay ? .moment(event.startsAt, in: event.timeZone, day: false) : now)
        }
        if let minutes = event.previousDurationMinutes, minutes != event.durationMinutes {
            changes.length = .init(was: String(minutes), now: String(event.durationMinutes))
        }
        if event.previousLocation != event.location {
            changes.place = .init(was: event.previousLocation, now: event.location)
        }
        return changes == EventChanges() ? nil : changes
    }
}

extension EventGuest.Role {
    /// Mentees attend; mentors, and people who are both, host a table.
    init?(_ profile: ParticipantProfile) {
        if profile.isMentor { self = .mentor } else if profile.isMentee { self = .mentee } else { return nil }
    }
}

extension EventService {
    /// Why the event's tables can never be set as it stands (its audience brings no mentor to host
    /// one, or no mentee to sit at one), with what a coordinator can do; nil when nothing stands
    /// in the way, or the tables are set or it is cancelled.
    static func tablesProblem(_ event: SpeedEvent, _ db: Database) throws -> String? {
        guard event.status == .scheduled, let id = event.id else { return nil }
        let audience = EventAudience(event.audience) ?? .all
        let guests = try EventGuest.filter(EventGuest.Columns.eventID == id).fetchAll(db)
        guard let missing = try audience.missingRole(db, besides: guests) else { return nil }
        let what = missing.role == .mentor ? "no mentor is invited to host a table, so there can be no tables"
            : "no mentee is invited to sit at the tables"
        return "\(missing.why): \(what); to invite everyone: mentormail event update \(id) --audience all, "
            + "then mentormail event invite \(id); or call it off: mentormail event cancel \(id)"
    }
}

/// Who an event invites.
enum EventAudience: Equatable, CustomStringConvertible {
    case all, mentees, mentors
    case round(String)

    init?(_ text: String) {
        switch text.lowercased() {
        case "all": self = .all
        case "mentees": self = .mentees
        case "mentors": self = .mentors
        default:
            guard text.lowercased().hasPrefix("round:"), text.count > 6 else { return nil }
            self = .round(String(text.dropFirst(6)))
        }
    }

    var description: String {
        switch self {
        case .all: "all"
        case .mentees: "mentees"
        case .mentors: "mentors"
        case .round(let name): "round:\(name)"
        }
    }

    /// The role this audience brings to no table, and why: mentees only invite no mentor, mentors
    /// only no mentee; a round without an active mentor (or mentee) has none to invite. Nil when
    /// both can come, or one of `guests` already has the role. Everyone else may still join.
    func missingRole(_ db: Database, besides guests: [EventGuest]) throws -> (role: EventGuest.Role, why: String)? {
        let roles = Set(guests.map(\.role))
        switch self {
        case .all: return nil
        case .mentees: return roles.contains(.mentor) ? nil : (.mentor, "its audience is mentees only")
        case .mentors: return roles.contains(.mentee) ? nil : (.mentee, "its audience is mentors only")
        case .round(let name):
            let present = roles.union(try participants(db).compactMap { EventGuest.Role($0.profile) })
            if !present.contains(.mentor) { return (.mentor, "its audience is round \(name), which has no active mentor") }
            if !present.contains(.mentee) { return (.mentee, "its audience is round \(name), which has no active mentee") }
            return nil
        }
    }

    /// Active participants in the audience, oldest first.
    func participants(_ db: Database) throws -> [Participant] {
        var request = Participant.filter(Column("status") == Participant.Status.active.rawValue)
        if case .round(let name) = self {
            let id = try AppDatabase.findRound(db, name: name)?.id ?? -1
            request = request.filter(Column("roundID") == id)
        }
        return try request.order(Column("id")).fetchAll(db).filter { person in
            switch self {
            case .all, .round: person.profile.isMentor || person.profile.isMentee
            case .mentees: person.profile.isMentee && !person.profile.isMentor
            case .mentors: person.profile.isMentor
            }
        }
    }
}
