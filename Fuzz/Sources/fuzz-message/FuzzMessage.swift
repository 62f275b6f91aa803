import Mail

/// One input: a message's bytes. Reads every field the program reads, decodes every leaf
/// part, and checks what must always hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let message = Message(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    _ = message.subject
    _ = message.from?.description
    _ = message.to.count + message.cc.count + message.replyTo.count
    _ = message.date
    _ = message.messageID
    _ = message.inReplyTo
    _ = message.references
    _ = message.autoSubmitted
    _ = message.automatic?.description
    // A bounce's report: every id it names is one the message quotes.
    if let report = DeliveryReport(message) {
        check(!report.originalMessageIDs.isEmpty, "a delivery report without an original")
        _ = report.failedAddresses
    }

    // The best text and the reply, exactly as the program reads them.
    let text = message.textBody
    check((text == nil) == (message.bodyPart == nil), "textBody and bodyPart disagree")
    _ = MailReading.body(of: message)
    _ = MailReading.rsvp(of: message)

    var parts = 0
    for part in message.leafParts {
        parts += 1
        let bytes = part.decodedBytes()
        _ = part.decodedText()
        _ = part.filename
        _ = part.isAttachment
        _ = part.header("Content-ID")
        if part.transferEncoding == "base64" { check(bytes.count <= part.rawBody.count, "base64 decoded larger than encoded") }
        if part.contentType == "text/calendar" || part.contentType == "application/ics" {
            let calendar = ICalendar.parse(String(decoding: bytes, as: UTF8.self))
            if calendar.rsvp != nil { check(calendar.method == "REPLY", "an RSVP from a calendar that is not a REPLY") }
        }
    }
    check(parts <= MIMEPart.maxPartCount + 1, "more parts than the limit")
    return 0
}

/// A failed property: crash, so libFuzzer saves the input.
func check(_ condition: Bool, _ what: StaticString) {
    if !condition { fatalError("\(what)") }
}
