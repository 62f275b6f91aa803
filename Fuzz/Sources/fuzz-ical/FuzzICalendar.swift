import Foundation
import Mail

/// One input: an iCalendar text. Reads it (and its RSVP), and checks that the writer's
/// escaping survives a round trip for the values read from it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICalendar(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let calendar = ICalendar.parse(text)
    if let rsvp = calendar.rsvp {
        if calendar.method != "REPLY" { fatalError("an RSVP from a calendar that is not a REPLY") }
        _ = rsvp.partstat.rawValue
    }
    guard let event = calendar.events.first, let summary = event.summary, let uid = event.uid else { return 0 }
    let written = ICalendar.request(
        uid: uid, summary: summary, description: event.description, location: event.location,
        start: Date(timeIntervalSince1970: 1_794_000_000), end: Date(timeIntervalSince1970: 1_794_005_400),
        organizer: (address: "mentoring@example.org", name: "OpenStack Mentoring"),
        attendees: event.attendees.prefix(3).map { (address: $0.address, name: $0.name) },
        stamp: Date(timeIntervalSince1970: 1_793_900_000))
    let reread = ICalendar.parse(written)
    if reread.method != "REQUEST" || reread.events.count != 1 { fatalError("our own invitation does not read back as one REQUEST event") }
    return 0
}
