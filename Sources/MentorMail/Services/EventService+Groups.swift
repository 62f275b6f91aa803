import Foundation
import GRDB
import Mail
import MatchingCore

/// What forming an event's rotations did.
public struct EventGrouping: Codable, Sendable, Equatable {
    public var eventID: Int64
    public var mentees: Int
    public var mentors: Int
    public var rotations: Int
    /// The rotations asked for at creation: more than `rotations` when too few mentors came.
    public var plannedRotations: Int
    public var totalInterest: Int
    public var upperBound: Int
    public var repeatedMenteePairs: Int
    public var schedulesQueued: Int
    /// People still on the waitlist, told there was no seat for them.
    public var waitlistTold: Int
    /// Formed anew (`again`): the earlier tables were dropped.
    public var formedAgain: Bool = false
    /// Forming anew, people from the waitlist who got the places freed since the first forming.
    public var promoted: [String] = []
    /// Forming anew, people who had a place and have none now (they said no or maybe since).
    public var leaving: [String] = []
    /// Those told now that there was no seat for them.
    public var noSeat: [String] = []
    /// Those who said maybe, told now that the tables are set without them and how to ask for a seat.
    public var maybeTold: [String] = []
    /// Forming anew, those whose schedule stayed the same: they get no new one.
    public var schedulesUnchanged: Int = 0
    /// Nothing was stored or sent: the figures say what would be.
    public var dryRun: Bool = false
    /// Who sits where: one entry per rotation and table, so a coordinator can check a dry run.
    public var tables: [Table] = []

    public struct Table: Codable, Sendable, Equatable {
        public var rotation: Int
        public var table: Int
        public var mentor: String
        public var mentees: [String]
        /// Mentees at this table who share no language with the mentor (both profiles name theirs).
        public var noSharedLanguage: [String] = []
    }
}

extension EventService {
    /// Forms the rotations from the accepted mentees and mentors (MatchingCore's table
    /// rotations: every mentee meets a different mentor each rotation, tables within one of
    /// each other in size, interest as high as it goes), stores the seats, and queues each
    /// person's schedule, the coordinators' printable sheet, and a word to everyone still waiting.
    ///
    /// `again` forms the tables of a grouped event anew, before it starts: with those coming now
    /// (people who said no since lose their places, and places freed go to the waitlist in its
    /// order, late yeses included). Everyone seated gets the new schedule; those still waiting
    /// who were not told before hear that there was no seat.
    func formGroups(eventID: Int64, actor: String, again: Bool = false) throws -> EventGrouping {
        var event = try find(eventID)
        var earlier: [EventSeat]?
        switch event.status {
        case .cancelled: throw MentorMailError(.data, "event \(eventID) is cancelled")
        case .grouped where again:
            guard work.now < event.startsAt else {
                throw MentorMailError(.data, "event \(eventID) has started; its tables stay as they are")
            }
            earlier = try EventSeat.filter(Column("eventID") == eventID).fetchAll(work.db)
            try EventSeat.filter(Column("eventID") == eventID).deleteAll(work.db)
            if let planned = event.plannedRotations {
                event.rotations = planned
                event.plannedRotations = nil
            }
        case .grouped:
            throw MentorMailError(.data, "event \(eventID) already has its rotations (formed \(event.groupedAt?.formatted(.iso8601) ?? "before")); "
                                  + "`mentormail event groups \(eventID) --again` forms them anew with those coming now")
        case .scheduled where again:
            throw MentorMailError(.data, "event \(eventID) has no rotations yet; form them without --again")
        case .scheduled: break
        }
        var promoted: [EventGuest] = []
        if earlier != nil {
            // Places freed since the first forming go to the waitlist, in its order.
            for role in [EventGuest.Role.mentee, .mentor] {
                let free = limit(event, role) - (try seatsTaken(eventID, role))
                guard free > 0 else { continue }
                for var next in try waiting(eventID, role).limit(free).fetchAll(work.db) {
                    next.answer = .accepted
                    next.waitlistedAt = nil
                    next.waitlistOrder = nil
                    try next.update(work.db)
                    try work.audit.record(next.email, "event-promoted", "event \(eventID): from the waitlist, the tables formed anew")
                    promoted.append(next)
                }
            }
        }
        let all = try guests(eventID)
        let mentees = all.filter { $0.role == .mentee && $0.answer == .accepted }
        let mentors = all.filter { $0.role == .mentor && $0.answer == .accepted }
        // The true reason first: an audience that invites no mentor (or mentee) will never have one accept.
        if mentors.isEmpty || mentees.isEmpty, let problem = try Self.tablesProblem(event, work.db) {
            throw MentorMailError(.data, "event \(eventID) cannot have tables: \(problem)")
        }
        guard !mentors.isEmpty else { throw MentorMailError(.data, "event \(eventID): no mentor has accepted, so there are no tables yet") }
        guard !mentees.isEmpty else { throw MentorMailError(.data, "event \(eventID): no mentee has accepted yet") }
        // Fewer mentors than rotations: as many rotations as there are different mentors to meet.
        let rotations = min(event.rotations, mentors.count)
        let profiles = try AppDatabase.participantsByID(work.db)
        let scores = interest(mentees: mentees, mentors: mentors, profiles: profiles, rotations: rotations)
        let plan = try TableRotations.solve(RotationProblem(mentees: mentees.count, mentors: mentors.count, rotations: rotations, scores: scores))
        var tables: [EventGrouping.Table] = []
        var newSeats: [EventSeat] = []
        for (rotation, seats) in plan.assignment.enumerated() {
            for (mentorIndex, mentor) in mentors.enumerated() {
                let seated = seats.enumerated().filter { $0.element == mentorIndex }.map { mentees[$0.offset] }
                tables.append(.init(rotation: rotation + 1, table: mentorIndex + 1, mentor: mentor.name, mentees: seated.map(\.name),
                                    noSharedLanguage: seated.filter { !speakTogether($0, mentor, profiles) }.map(\.name)))
            }
            for (menteeIndex, mentorIndex) in seats.enumerated() {
                guard let mentorID = mentors[mentorIndex].id, let menteeID = mentees[menteeIndex].id else { continue }
                var seat = EventSeat(eventID: eventID, rotation: rotation + 1, table: mentorIndex + 1, mentorGuestID: mentorID, menteeGuestID: menteeID)
                try seat.insert(work.db)
                newSeats.append(seat)
            }
        }
        event.status = .grouped
        event.groupedAt = work.now
        event.updatedAt = work.now
        let planned = event.rotations
        if rotations != planned {
            event.plannedRotations = planned
            event.rotations = rotations
        }
        event.interest = plan.totalInterest
        event.interestBound = plan.upperBound
        event.repeatedMenteePairs = plan.repeatedMenteePairs
        try event.update(work.db)
        // Forming anew: whose schedule says something new (the others hear nothing).
        var unchanged: Set<Int64> = []
        if let earlier {
            let before = Self.schedules(earlier, rotations: earlier.map(\.rotation).max() ?? 0)
            let now = Self.schedules(newSeats, rotations: rotations)
            unchanged = Set(now.keys.filter { before[$0] == now[$0] })
        }
        let seatedBefore = earlier.map(Self.guests(seatedAt:))
        let queued = try sendSchedules(event, plan: plan, mentees: mentees, mentors: mentors, profiles: profiles,
                                       earlier: seatedBefore, promoted: Set(promoted.compactMap(\.id)), unchanged: unchanged)
        let gone = seatedBefore?.subtracting(Self.guests(seatedAt: newSeats)) ?? []
        let leaving = all.filter { gone.contains($0.id ?? -1) }.map(\.name)
        // Whoever still waits hears now, once: nobody told since their latest answer (the tables
        // formed before, or none could be formed when they were due) is told again. A yes after
        // that word (a maybe told how to ask for a seat) was answered with a promise: it hears how it ended.
        let told = try toldNoSeat(eventID)
        let waiting = all.filter { $0.answer == .waitlisted && !Self.toldSinceAnswer($0, told) }
        // Those who said maybe have no seat either: they hear that the tables are set, and how to ask for one.
        let unsure = all.filter { $0.answer == .tentative && told[$0.email.lowercased()] == nil }
        for guest in waiting + unsure { try tellNoSeat(guest, event) }
        try work.audit.record(actor, earlier == nil ? "event-grouped" : "event-regrouped",
                              "event \(eventID): \(mentees.count) mentee(s), \(mentors.count) table(s), \(rotations) rotation(s), interest \(plan.totalInterest) of at most \(plan.upperBound)")
        return EventGrouping(eventID: eventID, mentees: mentees.count, mentors: mentors.count, rotations: rotations, plannedRotations: planned,
                             totalInterest: plan.totalInterest, upperBound: plan.upperBound,
                             repeatedMenteePairs: plan.repeatedMenteePairs, schedulesQueued: queued, waitlistTold: waiting.count,
                             formedAgain: earlier != nil, promoted: promoted.map(\.name), leaving: leaving, noSeat: waiting.map(\.name),
                             maybeTold: unsure.map(\.name),
                             schedulesUnchanged: unchanged.count, tables: tables)
    }

    /// The rotations job: forms them unless a coordinator already did. When there is nobody to
    /// seat, everyone who said yes (the waitlist too) is told, once, that no table could be
    /// formed, and the coordinators hear of it in their digest, with what they can do.
    func formGroupsWhenDue(eventID: Int64) throws {
        let event = try find(eventID)
        guard event.status == .scheduled else { return }
        // A run that comes only after the event (cron was off) tells no guest of tables now.
        guard work.now < event.endsAt else {
            var notice = DigestNotice(createdAt: work.now, kind: .eventNews, mentorshipID: nil,
                                      detail: "Event \(eventID) (\(event.name)) was over before a run could form its rotations: "
                                        + "no schedule and no word of a seat went to its guests")
            try notice.insert(work.db)
            try HeldMailService(work: work).scheduleDigest(key: "event-groups:\(eventID)")
            return
        }
        do {
            _ = try formGroups(eventID: eventID, actor: "scheduler")
        } catch let error as MentorMailError where error.kind == .data {
            let coming = try guests(eventID).filter { $0.answer == .accepted || $0.answer == .waitlisted }
            let told = try toldNoSeat(eventID)
            for guest in coming where !Self.toldSinceAnswer(guest, told) { try tellNoSeat(guest, event, noTables: true) }
            var detail = "Event \(eventID) (\(event.name)): the rotations were not formed: \(error.message)"
            if try Self.tablesProblem(event, work.db) == nil {
                detail += "; or call it off: mentormail event cancel \(eventID)"
            }
            detail += ". They are not formed by themselves now: once mentors and mentees have accepted, run mentormail event groups \(eventID)"
            if !coming.isEmpty {
                detail += ". \(coming.count) who said yes were told that no table could be formed, that there is nothing they need to do, "
                    + "and that their schedule comes by mail should you still form the tables with a place for them (cancelling tells them it is off): "
                    + coming.map { "\($0.name) <\($0.email)>" }.joined(separator: ", ")
            }
            var notice = DigestNotice(createdAt: work.now, kind: .eventNews, mentorshipID: nil, detail: detail)
            try notice.insert(work.db)
            try HeldMailService(work: work).scheduleDigest(key: "event-groups:\(eventID)")
        }
    }

    /// When each address (lowercased) was last told that there is no seat for them at this event.
    private func toldNoSeat(_ eventID: Int64) throws -> [String: Date] {
        let rows = try Row.fetchAll(work.db, sql: """
            SELECT recipients, createdAt FROM outboxMessage WHERE purpose = ? AND topicKind = ? AND topicID = ?
            """, arguments: [MailKind.eventNoSeat.rawValue, Topic.Kind.event.rawValue, eventID])
        var told: [String: Date] = [:]
        for row in rows {
            let address = (row["recipients"] as String).lowercased(), at: Date = row["createdAt"]
            told[address] = max(told[address] ?? at, at)
        }
        return told
    }

    /// Whether `guest` was told there is no seat for them since their latest answer.
    static func toldSinceAnswer(_ guest: EventGuest, _ told: [String: Date]) -> Bool {
        guard let at = told[guest.email.lowercased()] else { return false }
        return guest.answeredAt.map { at >= $0 } ?? true
    }

    /// Tells `guest` there is no seat (or table) for them: the tables are set without them, or
    /// (`noTables`) none could be formed.
    private func tellNoSeat(_ guest: EventGuest, _ event: SpeedEvent, noTables: Bool = false) throws {
        var mail = EventNoSeatMail(person: PersonName(guest.name), event: info(event))
        if guest.role == .mentor { mail.asMentor = true } else { mail.asMentee = true }
        if noTables { mail.noTables = true } else if guest.answer == .tentative { mail.saidMaybe = true }
        try work.outbox.send(mail, to: [MailAddress(address: guest.email, name: guest.name)], about: .event(event.id), language: guest.language)
    }

    /// 10 points per area both care about, 5 when the kinds of mentoring meet: what a short
    /// conversation at a table can build on. A pair who share a language (as the round matcher
    /// reads languages) gets a bonus above all the area and kind points a plan can hold, so the
    /// greatest interest seats as many mentees as possible with someone they can talk to.
    func interest(mentees: [EventGuest], mentors: [EventGuest], profiles: [Int64: Participant], rotations: Int) -> [[Int]] {
        let mentorProfiles = mentors.map { $0.participantID.flatMap { profiles[$0] }?.profile }
        let mentorLanguages = mentorProfiles.map { LanguageNames.matchable($0?.languages ?? []) }
        var pairs: [(mentee: Int, mentor: Int, points: Int, talk: Bool)] = []
        var best = 0
        for (i, mentee) in mentees.enumerated() {
            guard let menteeProfile = mentee.participantID.flatMap({ profiles[$0] })?.profile else { continue }
            let areas = Set(menteeProfile.areas)
            let kinds = Set(menteeProfile.mentoringTypes)
            let languages = LanguageNames.matchable(menteeProfile.languages)
            var top = 0
            for (j, mentorProfile) in mentorProfiles.enumerated() {
                guard let mentorProfile else { continue }
                let points = 10 * areas.intersection(mentorProfile.areas).count + (kinds.isDisjoint(with: mentorProfile.mentoringTypes) ? 0 : 5)
                pairs.append((i, j, points, !languages.isDisjoint(with: mentorLanguages[j])))
                top = max(top, points)
            }
            best += rotations * top
        }
        // More than any plan's area and kind points; kept within the solver's score range.
        let maxPoints = pairs.map(\.points).max() ?? 0
        let bonus = min(best + 1, Int(Int32.max) - maxPoints)
        return pairs.compactMap { pair in
            let score = pair.points + (pair.talk ? bonus : 0)
            return score > 0 ? [pair.mentee, pair.mentor, score] : nil
        }
    }

    /// Whether two guests can talk: they share a language (as the round matcher reads languages),
    /// or a profile names none, so nothing says they cannot.
    func speakTogether(_ mentee: EventGuest, _ mentor: EventGuest, _ profiles: [Int64: Participant]) -> Bool {
        let languages = [mentee, mentor].map { LanguageNames.matchable($0.participantID.flatMap { profiles[$0] }?.profile.languages ?? []) }
        return languages.contains(where: \.isEmpty) || !languages[0].isDisjoint(with: languages[1])
    }

    /// The guests (mentors and mentees) who have a place in `seats`.
    static func guests(seatedAt seats: [EventSeat]) -> Set<Int64> {
        Set(seats.flatMap { [$0.mentorGuestID, $0.menteeGuestID] })
    }

    /// Each guest's schedule as seats say it (rotation, table, who is across), to tell which
    /// changed when the tables are formed anew.
    static func schedules(_ seats: [EventSeat], rotations: Int) -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        for seat in seats {
            result[seat.menteeGuestID, default: ["\(rotations)"]].append("\(seat.rotation) \(seat.table) \(seat.mentorGuestID)")
            result[seat.mentorGuestID, default: ["\(rotations)"]].append("\(seat.rotation) \(seat.table) \(seat.menteeGuestID)")
        }
        return result.mapValues { $0.sorted() }
    }

    /// `earlier`: the guests seated before, when the tables are formed anew (their schedule is
    /// new); `promoted`: those who got a place from the waitlist just now; `unchanged`: those
    /// whose schedule stays as sent (no mail). A schedule carries the event's calendar as it is
    /// now to those who got a place just now, and to anyone whose calendar missed an update.
    private func sendSchedules(_ event: SpeedEvent, plan: RotationPlan, mentees: [EventGuest], mentors: [EventGuest],
                               profiles: [Int64: Participant], earlier: Set<Int64>?, promoted: Set<Int64>,
                               unchanged: Set<Int64> = []) throws -> Int {
        func mark(_ mail: inout EventScheduleMail, _ guest: EventGuest) {
            if guest.unsureWithSeat { mail.saidMaybe = true }
            // The invitation promised more rotations: say why there are fewer, longer ones.
            if let planned = event.plannedRotations, planned > plan.assignment.count {
                mail.fewerRotations = true
                mail.plannedRotations = planned
            }
            guard let earlier, let id = guest.id else { return }
            if promoted.contains(id) { mail.placeOpened = true } else if earlier.contains(id) { mail.updated = true }
        }
        let time = rotationTimes(event, count: plan.assignment.count)
        /// The mentor's areas, worded for the mentee reading them.
        func areas(_ guest: EventGuest, for reader: EventGuest) -> String {
            let profile = guest.participantID.flatMap { profiles[$0] }?.profile
            let vocabulary = work.config.enrollment.vocabulary
            return ProfileWording(language: reader.language).list((profile?.areas ?? []).map { vocabulary.displayName(ofArea: $0, language: reader.language) })
        }
        var queued = 0
        for (index, mentee) in mentees.enumerated() where !unchanged.contains(mentee.id ?? -1) {
            let slots = plan.assignment.enumerated().map { rotation, seats in
                let mentor = mentors[seats[index]]
                return EventScheduleMail.Slot(rotation: rotation + 1, time: time[rotation], table: seats[index] + 1,
                                              mentor: mentor.firstName, mentorAreas: areas(mentor, for: mentee))
            }
            var mail = EventScheduleMail(person: PersonName(mentee.name), event: info(event), slots: slots)
            mail.asMentee = true
            mark(&mail, mentee)
            var guest = mentee
            try work.outbox.send(mail, to: [MailAddress(address: mentee.email, name: mentee.name)], about: .event(event.id), language: mentee.language,
                                 calendar: try currentCalendar(event, for: &guest, always: promoted.contains(mentee.id ?? -1)))
            queued += 1
        }
        let sheet = sheetRotations(event, assignment: plan.assignment, mentees: mentees, mentors: mentors, profiles: profiles)
        for (index, mentor) in mentors.enumerated() where !unchanged.contains(mentor.id ?? -1) {
            let slots = sheet.map { rotation in
                let names = rotation.tables[index].menteeNames.compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
                return EventScheduleMail.Slot(rotation: rotation.rotation, time: rotation.time, table: index + 1,
                                              mentees: ProfileWording(language: mentor.language).list(names), hasMentees: !names.isEmpty)
            }
            var mail = EventScheduleMail(person: PersonName(mentor.name), event: info(event), slots: slots)
            mail.asMentor = true
            mail.table = index + 1
            mark(&mail, mentor)
            var guest = mentor
            try work.outbox.send(mail, to: [MailAddress(address: mentor.email, name: mentor.name)], about: .event(event.id), language: mentor.language,
                                 calendar: try currentCalendar(event, for: &guest, always: promoted.contains(mentor.id ?? -1)))
            queued += 1
        }
        let coordinators = work.config.program.coordinators.map { MailAddress(address: $0) }
        if !coordinators.isEmpty {
            var mail = try sheetMail(event, rotations: sheet, mentees: mentees.count, mentors: mentors.count)
            if earlier != nil { mail.updated = true }
            try work.outbox.send(mail, to: coordinators, about: .event(event.id))
        }
        return queued
    }

    /// "07:30–07:52" for each rotation: the event's length shared out evenly.
    func rotationTimes(_ event: SpeedEvent, count: Int) -> [String] {
        let zone = MailTime.zone(event.timeZone)
        let length = TimeInterval(event.durationMinutes * 60) / TimeInterval(max(count, 1))
        return (0..<count).map { rotation in
            let start = event.startsAt.addingTimeInterval(length * TimeInterval(rotation))
            return MailTime.clock(start, zone) + "–" + MailTime.clock(start.addingTimeInterval(length), zone)
        }
    }

    /// Every table of every rotation, mentors numbered in their order; a mentee who shares no
    /// language with the table's mentor is marked.
    func sheetRotations(_ event: SpeedEvent, assignment: [[Int]], mentees: [EventGuest], mentors: [EventGuest],
                        profiles: [Int64: Participant]) -> [EventSheetMail.Rotation] {
        let times = rotationTimes(event, count: assignment.count)
        return assignment.enumerated().map { rotation, seats in
            var tables = mentors.enumerated().map { index, mentor in
                EventSheetMail.Table(table: index + 1, mentor: mentor.shownName, mentorNoLongerComing: Self.noLongerComing(mentor) ? true : nil,
                                     mentorSaidMaybe: mentor.unsureWithSeat ? true : nil, mentees: [], menteeList: "")
            }
            for (menteeIndex, mentorIndex) in seats.enumerated() {
                let mentee = mentees[menteeIndex]
                tables[mentorIndex].menteeNames.append(mentee.shownName)
                let apart = !speakTogether(mentee, mentors[mentorIndex], profiles)
                tables[mentorIndex].seats.append(.init(name: mentee.shownName, noSharedLanguage: apart, noLongerComing: Self.noLongerComing(mentee),
                                                       saidMaybe: mentee.unsureWithSeat))
                tables[mentorIndex].mentees.append(mentee.shownName + (Self.noLongerComing(mentee) ? " (no longer coming)" : "")
                                                   + (mentee.unsureWithSeat ? " (said maybe)" : "")
                                                   + (apart ? " (no shared language)" : ""))
                if apart { tables[mentorIndex].noSharedLanguage = true }
            }
            for index in tables.indices { tables[index].menteeList = tables[index].mentees.joined(separator: ", ") }
            return EventSheetMail.Rotation(rotation: rotation + 1, time: times[rotation], tables: tables)
        }
    }

    func sheetMail(_ event: SpeedEvent, rotations: [EventSheetMail.Rotation], mentees: Int, mentors: Int) throws -> EventSheetMail {
        let eventID = event.id ?? 0
        let waitingByRole = try [EventGuest.Role.mentee, .mentor].map { role in
            try waiting(eventID, role).fetchAll(work.db).enumerated().map {
                EventSheetMail.Waiting(position: $0.offset + 1, name: $0.element.name, asMentor: role == .mentor ? true : nil)
            }
        }
        let waitingList = waitingByRole.flatMap { $0 }
        let unsure = Set(rotations.flatMap(\.tables).flatMap { table in
            table.seats.filter(\.saidMaybe).map(\.name) + (table.mentorSaidMaybe == true ? [table.mentor] : [])
        }).count
        let interest = event.interest ?? 0, bound = event.interestBound ?? 0
        let percent = bound > 0 ? Double(interest) * 100 / Double(bound) : 100
        let apart = rotations.flatMap(\.tables).flatMap(\.seats).filter(\.noSharedLanguage).count
        let repeated = event.repeatedMenteePairs ?? 0, shown = String(format: "%.1f", percent)
        return EventSheetMail(event: info(event), mentees: mentees, mentors: mentors, waitlisted: waitingList.count,
                              waitingList: waitingList, hasWaiting: waitingList.isEmpty ? nil : true,
                              waitingMentees: waitingByRole[0], waitingMentors: waitingByRole[1],
                              menteesWaiting: waitingByRole[0].isEmpty ? nil : true, mentorsWaiting: waitingByRole[1].isEmpty ? nil : true,
                              unsureSeated: unsure > 0 ? unsure : nil,
                              withoutSharedLanguage: apart > 0 ? apart : nil,
                              fewerRotations: event.plannedRotations != nil ? true : nil, plannedRotations: event.plannedRotations,
                              rotationsList: rotations,
                              quality: "interest \(interest) of at most \(bound) (\(shown) %), \(repeated) repeated meeting(s) between mentees",
                              interest: interest, interestBound: bound, interestPercent: shown, repeatedMeetings: repeated)
    }

    /// A guest seated in the stored rotations who said no (or maybe) since: kept on the sheet, marked.
    static func noLongerComing(_ guest: EventGuest) -> Bool { guest.answer != .accepted }

    /// The sheet of an event whose rotations are stored, rebuilt from its seats.
    func sheet(of event: SpeedEvent) throws -> EventSheetMail {
        let seats = try EventSeat.filter(Column("eventID") == event.id).fetchAll(work.db)
        let all = try guests(event.id ?? 0)
        let mentorIDs = Set(seats.map(\.mentorGuestID)), menteeIDs = Set(seats.map(\.menteeGuestID))
        // Someone who said no after the tables were set keeps their place on the sheet, marked
        // (`noLongerComing`).
        let mentors = all.filter { mentorIDs.contains($0.id ?? -1) }
        let mentees = all.filter { menteeIDs.contains($0.id ?? -1) }
        let mentorIndex = Dictionary(uniqueKeysWithValues: mentors.enumerated().map { ($0.element.id ?? -1, $0.offset) })
        let menteeIndex = Dictionary(uniqueKeysWithValues: mentees.enumerated().map { ($0.element.id ?? -1, $0.offset) })
        let rotations = (seats.map(\.rotation).max() ?? 0)
        var assignment = Array(repeating: Array(repeating: 0, count: mentees.count), count: rotations)
        for seat in seats {
            guard let mentee = menteeIndex[seat.menteeGuestID], let mentor = mentorIndex[seat.mentorGuestID] else { continue }
            assignment[seat.rotation - 1][mentee] = mentor
        }
        let profiles = try AppDatabase.participantsByID(work.db)
        return try sheetMail(event, rotations: sheetRotations(event, assignment: assignment, mentees: mentees, mentors: mentors, profiles: profiles),
                             mentees: mentees.filter { $0.answer == .accepted }.count, mentors: mentors.filter { $0.answer == .accepted }.count)
    }
}
