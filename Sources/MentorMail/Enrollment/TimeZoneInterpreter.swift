import Foundation

/// Reads a time zone as people write it: an IANA name ("europe/madrid"), an offset
/// ("UTC+2", "GMT-05:30", "+0530"), an abbreviation ("CET", "PST"), or a place
/// ("Barcelona", "São Paulo, Brazil", "Tokyo", "Spain").
///
/// Abbreviations map to one IANA zone so daylight saving time is followed whichever of
/// the pair (PST/PDT) was written. The ambiguous ones take the reading most common in
/// an international open-source community: CST is US Central (not China), IST is India
/// (not Ireland or Israel), BST is British Summer Time (not Bangladesh), AST is Atlantic
/// (not Arabia), GST is Gulf (not South Georgia), MST is Denver (Arizona never changes),
/// AEST is Sydney (Brisbane never changes). UTC and GMT mean offset 0 all year, not London.
public enum TimeZoneInterpreter {
    /// The zone for `text`, or nil when nothing in it names one.
    public static func interpret(_ text: String) -> ParticipantTimeZone? {
        for candidate in candidates(text) {
            if let zone = interpretOne(candidate) { return zone }
        }
        return nil
    }

    /// Whether `text` is an IANA zone name as a whole ("Asia/Dubai", "america/sao_paulo"): a
    /// time zone whatever label or sentence it stands in.
    static func isIANAName(_ text: String) -> Bool {
        text.contains("/") && ianaIndex[EnrollmentText.trim(text).lowercased()] != nil
    }

    /// The whole answer first, then its parts: "UTC+2 (Madrid)", "Barcelona, Spain", "CET/CEST".
    static func candidates(_ text: String) -> [String] {
        let whole = EnrollmentText.trim(EnrollmentText.plainSpaces(text))
        let parts = whole.split(whereSeparator: { "(),;[]|".contains($0) }).map(EnrollmentText.trim)
        let slashParts = parts.flatMap { $0.split(separator: "/").map(EnrollmentText.trim) }
        var seen: Set<String> = []
        return ([whole] + parts + slashParts).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static func interpretOne(_ text: String) -> ParticipantTimeZone? {
        if let identifier = ianaIndex[text.lowercased()] ?? ianaIndex[text.lowercased().replacingOccurrences(of: " ", with: "_")] {
            return .named(identifier)
        }
        if let minutes = offsetMinutes(text) {
            return .fixedOffset(minutes: minutes)
        }
        let key = placeKey(text)
        if let identifier = abbreviations[key] ?? fullNames[key] {
            return identifier == "UTC" ? .fixedOffset(minutes: 0) : .named(identifier)
        }
        let withoutTime = key.hasSuffix(" time") ? String(key.dropLast(5)) : key
        if let identifier = placeIndex[key] ?? placeIndex[withoutTime] {
            return .named(identifier)
        }
        if text.contains("/"), let zone = TimeZone(identifier: text) {
            return .named(zone.identifier)
        }
        return nil
    }

    /// Minutes east of UTC for "UTC+2", "GMT-05:30", "+0530", "UTC -3", "UTC"; nil otherwise.
    static func offsetMinutes(_ text: String) -> Int? {
        var rest = Substring(
            EnrollmentText.plainSpaces(text).lowercased()
                .replacingOccurrences(of: " ", with: "")
                .replacingOccurrences(of: "\u{2212}", with: "-")
                .replacingOccurrences(of: "\u{2013}", with: "-")
        )
        var hadPrefix = false
        for prefix in ["utc", "gmt", "z"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            hadPrefix = true
            break
        }
        if rest.isEmpty { return hadPrefix ? 0 : nil }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest = rest.dropFirst()
        let hoursText: Substring
        let minutesText: Substring
        if let colon = rest.firstIndex(where: { $0 == ":" || $0 == "." || $0 == "h" }) {
            hoursText = rest[..<colon]
            minutesText = rest[rest.index(after: colon)...]
        } else if rest.count > 2 {
            hoursText = rest.dropLast(2)
            minutesText = rest.suffix(2)
        } else {
            hoursText = rest
            minutesText = ""
        }
        guard (1...2).contains(hoursText.count), minutesText.count <= 2,
              hoursText.allSatisfy(\.isASCII), minutesText.allSatisfy(\.isASCII),
              let hours = Int(hoursText), let minutes = minutesText.isEmpty ? 0 : Int(minutesText),
              minutes < 60
        else { return nil }
        let total = (hours * 60 + minutes) * (sign == "-" ? -1 : 1)
        return (-12 * 60...14 * 60).contains(total) ? total : nil
    }

    /// The folded form used for abbreviations, full names and places.
    static func placeKey(_ text: String) -> String {
        EnrollmentText.collapse(
            EnrollmentText.fold(text).filter { $0 != "." && $0 != "'" }
        )
    }

    /// Lowercased IANA identifier → identifier: Foundation's list plus the zones our tables use.
    private static let ianaIndex: [String: String] = {
        var index: [String: String] = [:]
        let extra = Array(TimeZonePlaces.cities.keys) + Array(TimeZonePlaces.ownScripts.keys) + Array(TimeZonePlaces.countries.values)
            + Array(abbreviations.values) + Array(fullNames.values)
        for identifier in TimeZone.knownTimeZoneIdentifiers + extra where identifier.contains("/") {
            index[identifier.lowercased()] = index[identifier.lowercased()] ?? identifier
        }
        return index
    }()

    /// Place name → identifier: the last part of each geographic tz identifier, then the
    /// built-in cities and single-zone countries.
    private static let placeIndex: [String: String] = {
        let regions: Set<String> = [
            "Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific",
        ]
        var index: [String: String] = [:]
        for identifier in TimeZone.knownTimeZoneIdentifiers.sorted() {
            let parts = identifier.split(separator: "/")
            guard parts.count >= 2, let region = parts.first, regions.contains(String(region)),
                  let city = parts.last else { continue }
            index[placeKey(String(city))] = index[placeKey(String(city))] ?? identifier
        }
        for (identifier, cities) in TimeZonePlaces.cities {
            for city in cities { index[placeKey(city)] = identifier }
        }
        for (identifier, places) in TimeZonePlaces.ownScripts {
            for place in places where index[placeKey(place)] == nil { index[placeKey(place)] = identifier }
        }
        for (country, identifier) in TimeZonePlaces.countries where index[placeKey(country)] == nil {
            index[placeKey(country)] = identifier
        }
        return index
    }()

    /// Abbreviations, folded; see the type's documentation for the ambiguous ones.
    static let abbreviations: [String: String] = [
        "utc": "UTC", "gmt": "UTC", "z": "UTC", "zulu": "UTC", "ut": "UTC",
        "cet": "Europe/Berlin", "cest": "Europe/Berlin", "met": "Europe/Berlin", "mest": "Europe/Berlin",
        "wet": "Europe/Lisbon", "west": "Europe/Lisbon", "eet": "Europe/Athens", "eest": "Europe/Athens",
        "bst": "Europe/London", "ist": "Asia/Kolkata", "msk": "Europe/Moscow",
        "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
        "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
        "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
        "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
        "akst": "America/Anchorage", "akdt": "America/Anchorage", "hst": "Pacific/Honolulu",
        "ast": "America/Halifax", "adt": "America/Halifax", "nst": "America/St_Johns",
        "ndt": "America/St_Johns", "brt": "America/Sao_Paulo", "art": "America/Argentina/Buenos_Aires",
        "jst": "Asia/Tokyo", "kst": "Asia/Seoul", "hkt": "Asia/Hong_Kong", "sgt": "Asia/Singapore",
        "pht": "Asia/Manila", "wib": "Asia/Jakarta", "ict": "Asia/Bangkok", "pkt": "Asia/Karachi",
        "npt": "Asia/Kathmandu", "gst": "Asia/Dubai", "sast": "Africa/Johannesburg",
        "cat": "Africa/Maputo", "eat": "Africa/Nairobi", "wat": "Africa/Lagos",
        "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "acst": "Australia/Adelaide",
        "acdt": "Australia/Adelaide", "awst": "Australia/Perth", "nzst": "Pacific/Auckland",
        "nzdt": "Pacific/Auckland",
    ]

    /// Spelled-out zone names, folded.
    static let fullNames: [String: String] = [
        "coordinated universal time": "UTC", "greenwich mean time": "UTC", "universal time": "UTC",
        "central european time": "Europe/Berlin", "central european summer time": "Europe/Berlin",
        "western european time": "Europe/Lisbon", "eastern european time": "Europe/Athens",
        "british summer time": "Europe/London", "uk time": "Europe/London", "moscow time": "Europe/Moscow",
        "pacific time": "America/Los_Angeles", "pacific standard time": "America/Los_Angeles",
        "pacific daylight time": "America/Los_Angeles", "mountain time": "America/Denver",
        "central time": "America/Chicago", "central standard time": "America/Chicago",
        "eastern time": "America/New_York", "eastern standard time": "America/New_York",
        "india standard time": "Asia/Kolkata", "indian standard time": "Asia/Kolkata",
        "china standard time": "Asia/Shanghai", "beijing time": "Asia/Shanghai",
        "japan standard time": "Asia/Tokyo", "korea standard time": "Asia/Seoul",
        "singapore time": "Asia/Singapore", "brasilia time": "America/Sao_Paulo",
        "australian eastern time": "Australia/Sydney",
    ]
}
