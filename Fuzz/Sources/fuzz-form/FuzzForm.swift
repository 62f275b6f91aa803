import MentorMail

/// One input: the text of a reply read as a sign-up form, a profile built from it, and the
/// same text read as check-in answers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let vocabulary = Config.Enrollment.default.vocabulary
    let form = SignupFormParser(vocabulary: vocabulary).parse(text, senderName: "Fuzz")
    let built = ProfileBuilder(vocabulary: vocabulary).build(from: form, over: nil)
    let profile = built.profile
    if built.isComplete && (profile.role.isEmpty || profile.mentoringTypes.isEmpty || profile.timeZone.isEmpty || profile.languages.isEmpty) {
        fatalError("a complete profile lacks a required field")
    }
    // What a first message in sentences fills in must read back as an answer of that line.
    let prose = ProseSignup.read(text: text, vocabulary: vocabulary)
    if let zone = prose.timeZone, SignupFormParser(vocabulary: vocabulary).parse("Time zone: \(zone)").timeZone == nil {
        fatalError("a filled-in time zone the form does not read: \(zone)")
    }
    let reading = SurveyAnswerReader().read(text: text, newText: text)
    if let rating = reading.answers.rating, !(1...5).contains(rating) { fatalError("a rating outside 1–5: \(rating)") }
    return 0
}
