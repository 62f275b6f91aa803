/// An event's calendar DESCRIPTION in the guest's mail language: what the event is and, for an
/// update, what changed ("was …, now …"), said as the mail it comes with says it. English, its
/// dates too, for a language it has no words for.
struct CalendarDescription {
    let language: String?

    private struct Words: Sendable {
        var colon, rotation, rotations, of, changed, start, length, place, was, now, minutes, notSet: String
    }

    private static let english = Words(colon: ":", rotation: "rotation(s)", rotations: "rotation(s)", of: "of", changed: "Changed:",
                                       start: "start", length: "length", place: "place", was: "was", now: "now", minutes: "minutes", notSet: "not set")

    private static let byLanguage: [String: Words] = [
        "es": Words(colon: ":", rotation: "ronda", rotations: "rondas", of: "de", changed: "Cambios:", start: "inicio", length: "duración",
                    place: "lugar", was: "antes", now: "ahora", minutes: "minutos", notSet: "sin lugar"),
        "fr": Words(colon: " :", rotation: "rotation", rotations: "rotations", of: "de", changed: "Modifié :", start: "début", length: "durée",
                    place: "lieu", was: "avant", now: "maintenant", minutes: "minutes", notSet: "non fixé"),
    ]

    func text(program: String, event: SpeedEvent, changes: EventChanges?) -> String {
        let own = language.flatMap { Self.byLanguage[TemplateLibrary.baseLanguage($0)] }
        let words = own ?? Self.english
        // Dates in the language of the words around them.
        let dateLanguage = own == nil ? nil : language
        let count = event.rotations, each = event.durationMinutes / max(event.rotations, 1)
        var text = "\(program)\(words.colon) Speed Mentoring, \(count) \(count == 1 ? words.rotation : words.rotations) \(words.of) \(each) \(words.minutes)."
        guard let changes else { return text }
        let minutes = changes.length.map { EventChanges.Change(was: $0.was.map { "\($0) \(words.minutes)" }, now: $0.now.map { "\($0) \(words.minutes)" }) }
        let start = changes.start.map { EventChanges.Change(was: $0.was.words(language: dateLanguage), now: $0.now.words(language: dateLanguage)) }
        let said = [(words.start, start), (words.length, minutes), (words.place, changes.place)].compactMap { name, change in
            change.map { "\(name) \(words.was) \($0.was ?? words.notSet), \(words.now) \($0.now ?? words.notSet)" }
        }
        if !said.isEmpty { text += " \(words.changed) " + said.joined(separator: "; ") + "." }
        return text
    }
}
