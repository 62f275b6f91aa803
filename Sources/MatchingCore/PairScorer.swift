/// Mentees and mentors coded as small integers and bit sets, so that a pair's hard rules and score
/// take a few instructions and allocate nothing. It agrees with `hardRuleFailures` and
/// `score(mentee:mentor:weights:history:rules:)` on every pair (the tests compare them); reasons
/// are left to `score`, for the few pairs that are chosen.
///
/// Areas, languages and regions are interned by exact key; a mentee's key that no mentor has can
/// never be shared, so it gets no bit. UTC offsets matter only modulo a day, so a table over the
/// distinct offsets (at most 1 440) gives distance and waking overlap.
struct PairScorer {
    let mentees: [Profile]
    let mentors: [Profile]
    let weights: Weights
    let rules: MatchRules
    /// Free slots of each mentor, never negative.
    let mentorCapacities: [Int]

    // Bit sets, `areaWords` and `languageWords` words per person, side by side.
    private let areaWords: Int
    private var menteeAreas: [UInt64] = []
    private var mentorAreas: [UInt64] = []
    private let languageWords: Int
    private var menteeLanguages: [UInt64] = []
    private var mentorLanguages: [UInt64] = []
    private var menteeHours: [UInt64] = []
    private var mentorHours: [UInt64] = []
    /// Per person: wanted/offered kinds (bit = `MentoringType` order), ways to meet (bit =
    /// `Interaction` order), zone index, region index (nil: −1 for mentees, −2 for mentors).
    private var menteeKinds: [UInt8] = [], mentorKinds: [UInt8] = []
    private var menteeMedia: [UInt8] = [], mentorMedia: [UInt8] = []
    private var menteeZone: [Int32] = [], mentorZone: [Int32] = []
    private var menteeRegion: [Int32] = [], mentorRegion: [Int32] = []
    private var menteeHasHours: [Bool] = [], mentorHasHours: [Bool] = []
    /// False when some availability holds an hour outside 0..<192 (possible only by setting it
    /// after `Profile.init`): shared hours are then counted on the sets themselves.
    private var hoursFit = true
    /// Kinds each mentor offers (`mentorKinds` is 0 for mentors who may take nobody).
    private var mentorOfferedKinds: [UInt8] = []
    /// Per zone pair: rounded hours apart, and whether live-only pairs share enough waking time.
    private var zoneCount = 0
    private var hoursApart: [Int8] = []
    private var overlapOK: [Bool] = []
    /// Per mentee: the mentor index with the same id (or −1), and the mentors met before, sorted.
    private var sameMentor: [Int32] = []
    private var historyStart: [Int] = []
    private var historyMentor: [Int32] = []

    /// Bits of `.email` and `.inPerson` in `Interaction.allCases` order (literals: no lazy global in the loop).
    static let emailBit: UInt8 = 1 << 1
    static let inPersonBit: UInt8 = 1 << 4
    /// Above every `Interaction`: the person's ways to meet were assumed, not stated.
    static let assumedBit: UInt8 = 1 << 7

    /// Codes both sides (each in the order given: indices are positions in these arrays).
    ///
    /// - Complexity: O(n·(a + l) + m·(a + l) + z² + h), for set sizes a and l, z distinct time
    ///   zones and h pairs in the history.
    init(mentees: [Profile], mentors: [Profile], weights: Weights, history: PairHistory, rules: MatchRules) {
        self.mentees = mentees
        self.mentors = mentors
        self.weights = weights
        self.rules = rules
        mentorCapacities = mentors.map { max(0, $0.capacity) }
        var areaCode: [String: Int] = [:], languageCode: [String: Int] = [:]
        for mentor in mentors {
            for area in mentor.areas where areaCode[area] == nil { areaCode[area] = areaCode.count }
            for language in mentor.languages where languageCode[language] == nil { languageCode[language] = languageCode.count }
        }
        areaWords = max(1, (areaCode.count + 63) / 64)
        languageWords = max(1, (languageCode.count + 63) / 64)
        func bits(_ keys: Set<String>, _ codes: [String: Int], words: Int, into array: inout [UInt64]) {
            let base = array.count
            array.append(contentsOf: repeatElement(0, count: words))
            for key in keys { if let code = codes[key] { array[base + code / 64] |= 1 << UInt64(code % 64) } }
        }
        func hours(_ set: Set<Int>?, into array: inout [UInt64]) {
            let base = array.count
            array.append(contentsOf: [0, 0, 0])
            for hour in set ?? [] {
                if (0..<192).contains(hour) { array[base + hour / 64] |= 1 << UInt64(hour % 64) } else { hoursFit = false }
            }
        }
        func kinds(_ set: Set<MentoringType>) -> UInt8 {
            set.reduce(0) { $0 | UInt8(1) << MentoringType.allCases.firstIndex(of: $1)! }
        }
        func media(_ person: Profile) -> UInt8 {
            person.interactions.reduce(person.interactionsAssumed ? Self.assumedBit : 0) {
                $0 | UInt8(1) << Interaction.allCases.firstIndex(of: $1)!
            }
        }
        var zoneCode: [Int: Int] = [:], zones: [Int] = []
        func zone(_ offset: Int) -> Int32 {
            let key = euclideanModulo(offset, minutesPerDay)
            if let code = zoneCode[key] { return Int32(code) }
            zoneCode[key] = zones.count
            zones.append(key)
            return Int32(zones.count - 1)
        }
        var regionCode: [String: Int] = [:]
        for mentor in mentors {
            bits(mentor.areas, areaCode, words: areaWords, into: &mentorAreas)
            bits(mentor.languages, languageCode, words: languageWords, into: &mentorLanguages)
            hours(mentor.availability, into: &mentorHours)
            mentorHasHours.append(mentor.availability != nil)
            // A mentor who may take nobody offers nothing here (`failedRules` tells the rule).
            let open = mentor.role.canBeMentor && !mentor.paused && mentor.capacity > 0
            mentorKinds.append(open ? kinds(mentor.mentoringOffered) : 0)
            mentorOfferedKinds.append(kinds(mentor.mentoringOffered))
            mentorMedia.append(media(mentor))
            mentorZone.append(zone(mentor.utcOffsetMinutes))
            if let region = mentor.region, regionCode[region] == nil { regionCode[region] = regionCode.count }
            mentorRegion.append(mentor.region.flatMap { regionCode[$0] }.map(Int32.init) ?? -2)
        }
        var mentorIndex: [Int: Int] = [:]
        for (j, mentor) in mentors.enumerated() { mentorIndex[mentor.id] = j }
        for mentee in mentees {
            bits(mentee.areas, areaCode, words: areaWords, into: &menteeAreas)
            bits(mentee.languages, languageCode, words: languageWords, into: &menteeLanguages)
            hours(mentee.availability, into: &menteeHours)
            menteeHasHours.append(mentee.availability != nil)
            menteeKinds.append(kinds(mentee.mentoringWanted))
            menteeMedia.append(media(mentee))
            menteeZone.append(zone(mentee.utcOffsetMinutes))
            menteeRegion.append(mentee.region.flatMap { regionCode[$0] }.map(Int32.init) ?? -1)
            sameMentor.append(Int32(mentorIndex[mentee.id] ?? -1))
        }
        zoneCount = zones.count
        for a in zones {
            for b in zones {
                hoursApart.append(Int8((timeZoneDistanceMinutes(a, b) + 30) / 60))
                overlapOK.append(wakingOverlapMinutes(a, b, rules: rules) >= rules.minimumOverlapHours * 60)
            }
        }
        // History pairs are unordered: either id may be the mentee.
        var menteeIndex: [Int: Int] = [:]
        for (i, mentee) in mentees.enumerated() { menteeIndex[mentee.id] = i }
        var met = [[Int32]](repeating: [], count: mentees.count)
        for pair in history.existed.union(history.endedBadly) {
            for (a, b) in [(pair.low, pair.high), (pair.high, pair.low)] {
                if let i = menteeIndex[a], let j = mentorIndex[b] { met[i].append(Int32(j)) }
            }
        }
        historyStart = [0]
        for list in met {
            historyMentor.append(contentsOf: Set(list).sorted())
            historyStart.append(historyMentor.count)
        }
    }

    var menteeCount: Int { mentees.count }
    var mentorCount: Int { mentors.count }

    /// Whether mentee `i` may be matched with anyone at all (role).
    func menteeOpen(_ i: Int) -> Bool { mentees[i].role.canBeMentee }

    /// Whether mentors `j` and mentee `i` met before (`cursor` walks mentee `i`'s sorted list as
    /// `j` increases; start it at `historyStart(i)`).
    @inline(__always)
    private func metBefore(_ i: Int, _ j: Int, cursor: inout Int) -> Bool {
        let end = historyStart[i + 1]
        while cursor < end, Int(historyMentor[cursor]) < j { cursor += 1 }
        return cursor < end && Int(historyMentor[cursor]) == j
    }

    /// Calls `body(j, score)` for every mentor `j` (in index order) that mentee `i` may be
    /// matched with, the score as `score` computes it (clamped to `AssignmentProblem.maxScore`),
    /// except those for which `skip(j)` is true, which are not checked at all.
    ///
    /// - Complexity: O(m · (words of the bit sets)).
    @inline(__always)
    func forEachAllowed(mentee i: Int, skipping skip: (Int) -> Bool = { _ in false }, _ body: (Int, Int) -> Void) {
        guard menteeOpen(i) else { return }
        let wanted = menteeKinds[i], media = menteeMedia[i], zone = Int(menteeZone[i]) * zoneCount
        let region = menteeRegion[i], same = Int(sameMentor[i]), hasHours = menteeHasHours[i]
        let languageWords = languageWords, areaWords = areaWords
        let w = weights
        var cursor = historyStart[i]
        mentorKinds.withUnsafeBufferPointer { mentorKinds in
        mentorLanguages.withUnsafeBufferPointer { mentorLanguages in
        mentorAreas.withUnsafeBufferPointer { mentorAreas in
        mentorMedia.withUnsafeBufferPointer { mentorMedia in
        mentorZone.withUnsafeBufferPointer { mentorZone in
        overlapOK.withUnsafeBufferPointer { overlapOK in
            let languages = menteeLanguages[(i * languageWords)..<((i + 1) * languageWords)]
            let areas = menteeAreas[(i * areaWords)..<((i + 1) * areaWords)]
            for j in 0..<mentorKinds.count {
                // Cheapest and most selective rules first: kinds (0 for a closed mentor), languages.
                let kinds = wanted & mentorKinds[j]
                guard kinds != 0, j != same, !skip(j) else { continue }
                var speaks = false
                for k in 0..<languageWords where languages[languages.startIndex + k] & mentorLanguages[j * languageWords + k] != 0 {
                    speaks = true
                    break
                }
                guard speaks else { continue }
                let either = media | mentorMedia[j]
                let shared = either & Self.assumedBit == 0 ? media & mentorMedia[j] : 0
                let z = zone + Int(mentorZone[j])
                if either & Self.emailBit == 0, !overlapOK[z] { continue }
                if metBefore(i, j, cursor: &cursor) { continue }
                var common = 0
                for k in 0..<areaWords { common += (areas[areas.startIndex + k] & mentorAreas[j * areaWords + k]).nonzeroBitCount }
                var total = w.sharedArea * common
                total += w.timeZoneCloseness * max(0, 12 - Int(hoursApart[z]))
                total += w.sharedInteraction * shared.nonzeroBitCount
                total += w.mentoringType * kinds.nonzeroBitCount
                if shared & Self.inPersonBit != 0, region >= 0, region == mentorRegion[j] { total += w.sameRegion }
                if hasHours, mentorHasHours[j] { total += w.sharedAvailabilityHour * min(sharedHours(i, j), w.maxSharedAvailabilityHours) }
                body(j, min(max(0, total), AssignmentProblem.maxScore))
            }
        }
        }
        }
        }
        }
        }
    }

    /// UTC hours of the week both mentee `i` and mentor `j` are available.
    private func sharedHours(_ i: Int, _ j: Int) -> Int {
        guard hoursFit else { return mentees[i].availability!.intersection(mentors[j].availability!).count }
        return (0..<3).reduce(0) { $0 + (menteeHours[i * 3 + $1] & mentorHours[j * 3 + $1]).nonzeroBitCount }
    }

    /// The hard rules mentee `i` and mentor `j` break, as bits `1 << HardRule.rawValue`, as
    /// `hardRuleFailures` reports them.
    ///
    /// - Complexity: O(words of the language set + log h).
    func failedRules(mentee i: Int, mentor j: Int) -> Int {
        let mentee = mentees[i], mentor = mentors[j]
        var failed = 0
        func fail(_ rule: HardRule) { failed |= 1 << rule.rawValue }
        if mentee.id == mentor.id { fail(.samePerson) }
        if !mentee.role.canBeMentee || !mentor.role.canBeMentor { fail(.role) }
        if menteeKinds[i] & mentorOfferedKinds[j] == 0 { fail(.mentoringType) }
        if !(0..<languageWords).contains(where: { menteeLanguages[i * languageWords + $0] & mentorLanguages[j * languageWords + $0] != 0 }) {
            fail(.language)
        }
        if mentor.paused || mentor.capacity <= 0 { fail(.capacity) }
        var cursor = historyStart[i]
        if metBefore(i, j, cursor: &cursor) { fail(.history) }
        if (menteeMedia[i] | mentorMedia[j]) & Self.emailBit == 0, !overlapOK[Int(menteeZone[i]) * zoneCount + Int(mentorZone[j])] {
            fail(.timeZoneOverlap)
        }
        return failed
    }

    /// Every allowed pair, stored.
    ///
    /// - Complexity: O(n · m) time, O(e) memory.
    func storedProblem() throws(MatchingError) -> AssignmentProblem {
        var problem = try AssignmentProblem(menteeCount: menteeCount, mentorCapacities: mentorCapacities)
        for i in 0..<menteeCount {
            forEachAllowed(mentee: i) { j, score in
                problem.edgeMentee.append(Int32(i))
                problem.edgeMentor.append(Int32(j))
                problem.edgeScore.append(Int32(score))
            }
        }
        return problem
    }

    /// Why mentee `i` is left unmatched: `explainUnmatched(mentee:mentors:history:rules:)`, with
    /// the rules checked here.
    ///
    /// - Complexity: O(m) checks.
    func explainUnmatched(mentee i: Int) -> UnmatchedReason {
        var compatible = 0
        forEachAllowed(mentee: i) { _, _ in compatible += 1 }
        let same = Int(sameMentor[i])
        if compatible > 0 { return .allCompatibleMentorsFull(count: compatible) }
        let failed = mentors.indices.filter { $0 != same }.map { failedRules(mentee: i, mentor: $0) }
        return MatchingCore.explainUnmatched(mentee: mentees[i], failedRules: failed, rules: rules)
    }
}
