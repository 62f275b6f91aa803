import Foundation

/// A small iCalendar (RFC 5545) reader for invitations and RSVPs, and a writer for the
/// invitations we send (see `request(…)`).
///
/// Reading never fails: malformed lines are skipped, unterminated components are closed
/// at the end, and anything not understood is ignored.
public struct ICalendar: Sendable, Equatable {
    /// The calendar's METHOD (uppercase), e.g. `REQUEST`, `REPLY`, `CANCEL`.
    public var method: String?
    /// The calendar's PRODID: which program wrote it.
    public var productID: String?
    /// The VEVENT components, in order.
    public var events: [Event]

    public init(method: String? = nil, productID: String? = nil, events: [Event] = []) {
        self.method = method
        self.productID = productID
        self.events = events
    }

    /// An attendee's participation status (PARTSTAT).
    public enum PartStat: Sendable, Hashable {
        case needsAction, accepted, declined, tentative, delegated
        /// Any other value (uppercase), e.g. `COMPLETED` or an `X-` name.
        case other(String)

        /// Reads a PARTSTAT value, ignoring case and surrounding blanks.
        /// - Complexity: O(*n*) in the length of `value`.
        public init(_ value: String) {
            switch value.trimmingCharacters(in: .whitespaces).uppercased() {
            case "NEEDS-ACTION": self = .needsAction
            case "ACCEPTED": self = .accepted
            case "DECLINED": self = .declined
            case "TENTATIVE": self = .tentative
            case "DELEGATED": self = .delegated
            case let other: self = .other(other)
            }
        }

        /// The value as written in iCalendar.
        public var rawValue: String {
            switch self {
            case .needsAction: "NEEDS-ACTION"
            case .accepted: "ACCEPTED"
            case .declined: "DECLINED"
            case .tentative: "TENTATIVE"
            case .delegated: "DELEGATED"
            case .other(let value): value
            }
        }
    }

    /// The ORGANIZER of an event.
    public struct Organizer: Sendable, Hashable {
        /// The address without `mailto:` (or the EMAIL parameter when the value is not a mailto URI).
        public var address: String
        /// The CN parameter.
        public var name: String?

        public init(address: String, name: String? = nil) {
            self.address = address
            self.name = name
        }
    }

    /// An ATTENDEE of an event.
    public struct Attendee: Sendable, Hashable {
        /// The address without `mailto:` (or the EMAIL parameter when the value is not a mailto URI).
        public var address: String
        /// The CN parameter.
        public var name: String?
        /// PARTSTAT; `needsAction` when absent, as RFC 5545 says.
        public var partstat: PartStat
        /// ROLE as written (uppercase), e.g. `REQ-PARTICIPANT`, `CHAIR`; nil when absent.
        public var role: String?
        /// The RSVP parameter: whether a reply is expected.
        public var rsvp: Bool

        public init(address: String, name: String? = nil, partstat: PartStat = .needsAction,
                    role: String? = nil, rsvp: Bool = false) {
            self.address = address
            self.name = name
            self.partstat = partstat
            self.role = role
            self.rsvp = rsvp
        }
    }

    /// One VEVENT. Single-valued properties keep their first occurrence.
    public struct Event: Sendable, Equatable {
        public var uid: String?
        /// SUMMARY, DESCRIPTION and LOCATION are TEXT values with escapes decoded.
        public var summary: String?
        public var description: String?
        public var location: String?
        public var start: DateTime?
        public var end: DateTime?
        public var stamp: DateTime?
        /// Set when the component is about one occurrence of a recurring event.
        public var recurrenceID: DateTime?
        public var sequence: Int?
        /// STATUS (uppercase), e.g. `CONFIRMED`, `CANCELLED`.
        public var status: String?
        /// COMMENT: what the person typed into their calendar's answer (Outlook, Apple).
        public var comment: String?
        public var organizer: Organizer?
        public var attendees: [Attendee] = []

        public init() {}
    }

    /// An answer to one of our invitations, read from a METHOD:REPLY calendar.
    public struct RSVP: Sendable, Hashable {
        public var uid: String
        /// The replying attendee's address, as written (compare case-insensitively).
        public var address: String
        public var name: String?
        public var partstat: PartStat
        public var sequence: Int?
        public var recurrenceID: DateTime?
        /// What the person typed into the answer (the event's COMMENT), if anything.
        public var comment: String? = nil
    }

    /// The RSVP this calendar carries: only for METHOD:REPLY, from the first event with a
    /// UID and an attendee (the first attendee who answered, else the first one).
    /// - Complexity: O(*e* + *a*) for *e* events and *a* attendees.
    public var rsvp: RSVP? {
        guard method == "REPLY" else { return nil }
        for event in events {
            guard let uid = event.uid, !uid.isEmpty,
                  let attendee = event.attendees.first(where: { $0.partstat != .needsAction }) ?? event.attendees.first
            else { continue }
            return RSVP(uid: uid, address: attendee.address, name: attendee.name, partstat: attendee.partstat,
                        sequence: event.sequence, recurrenceID: event.recurrenceID, comment: event.comment)
        }
        return nil
    }

    /// Reads an iCalendar text (CRLF or LF line ends, folded or not).
    /// - Complexity: O(*n*), where *n* is the length of `text` in UTF-8 bytes.
    public static func parse(_ text: String) -> ICalendar {
        var calendar = ICalendar()
        var components: [String] = []
        var openCount: [String: Int] = [:]
        var openEvents: [Event] = []

        func close() {
            guard let component = components.popLast() else { return }
            openCount[component, default: 1] -= 1
            if component == "VEVENT", let event = openEvents.popLast() { calendar.events.append(event) }
        }

        for line in ContentLine.parseAll(Array(text.utf8)) {
            switch line.name {
            case "BEGIN":
                let component = line.value.trimmingCharacters(in: .whitespaces).uppercased()
                components.append(component)
                openCount[component, default: 0] += 1
                if component == "VEVENT" { openEvents.append(Event()) }
            case "END":
                let component = line.value.trimmingCharacters(in: .whitespaces).uppercased()
                guard openCount[component, default: 0] > 0 else { continue }
                while let last = components.last {
                    close()
                    if last == component { break }
                }
            default:
                if components.last == "VEVENT", !openEvents.isEmpty {
                    openEvents[openEvents.count - 1].read(line)
                } else if components.last == nil || components.last == "VCALENDAR" {
                    calendar.read(line)
                }
            }
        }
        while !components.isEmpty { close() }
        return calendar
    }

    private mutating func read(_ line: ContentLine) {
        let value = line.value.trimmingCharacters(in: .whitespaces)
        switch line.name {
        case "METHOD" where method == nil: method = value.uppercased()
        case "PRODID" where productID == nil: productID = ICalendar.unescapeText(value)
        default: break
        }
    }
}

extension ICalendar.Event {
    /// Applies one property line of this VEVENT.
    fileprivate mutating func read(_ line: ICalendar.ContentLine) {
        func dateTime() -> ICalendar.DateTime {
            ICalendar.DateTime(raw: line.value, timeZoneID: line.parameter("TZID"), valueType: line.parameter("VALUE"))
        }
        switch line.name {
        case "UID" where uid == nil: uid = ICalendar.unescapeText(line.value)
        case "SUMMARY" where summary == nil: summary = ICalendar.unescapeText(line.value)
        case "DESCRIPTION" where description == nil: description = ICalendar.unescapeText(line.value)
        case "LOCATION" where location == nil: location = ICalendar.unescapeText(line.value)
        case "DTSTART" where start == nil: start = dateTime()
        case "DTEND" where end == nil: end = dateTime()
        case "DTSTAMP" where stamp == nil: stamp = dateTime()
        case "RECURRENCE-ID" where recurrenceID == nil: recurrenceID = dateTime()
        case "SEQUENCE" where sequence == nil: sequence = Int(line.value.trimmingCharacters(in: .whitespaces))
        case "STATUS" where status == nil: status = line.value.trimmingCharacters(in: .whitespaces).uppercased()
        case "COMMENT" where comment == nil: comment = ICalendar.unescapeText(line.value)
        case "ORGANIZER" where organizer == nil:
            organizer = ICalendar.Organizer(address: Self.address(line), name: line.parameter("CN"))
        case "ATTENDEE":
            attendees.append(ICalendar.Attendee(
                address: Self.address(line),
                name: line.parameter("CN"),
                partstat: line.parameter("PARTSTAT").map(ICalendar.PartStat.init) ?? .needsAction,
                role: line.parameter("ROLE").map { $0.uppercased() },
                rsvp: line.parameter("RSVP")?.uppercased() == "TRUE"))
        default: break
        }
    }

    /// A calendar user address without its `mailto:` scheme (any case); for other URIs
    /// (CalDAV `urn:uuid:`, principal URLs) the EMAIL parameter when there is one.
    private static func address(_ line: ICalendar.ContentLine) -> String {
        let value = line.value.trimmingCharacters(in: .whitespaces)
        if value.utf8.count >= 7, value.prefix(7).lowercased() == "mailto:" {
            return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        if let email = line.parameter("EMAIL"), !email.isEmpty { return email }
        return value
    }
}
