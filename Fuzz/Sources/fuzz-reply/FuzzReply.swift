import Mail

/// One input: the text of a reply (as UTF-8, invalid bytes replaced).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReply(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let reply = ReplyExtractor.newText(text)
    if reply.utf8.count > text.utf8.count { fatalError("newText grew its input") }
    // Reading it again finds nothing more to remove only in simple cases, so no check here;
    // running it twice still must not crash.
    _ = ReplyExtractor.newText(reply)
    // The same text as a format=flowed message body, through the public reader.
    let message = Message(bytes: Array("Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\n".utf8)
                          + Array(UnsafeBufferPointer(start: data, count: size)))
    if let body = message.textBody { _ = ReplyExtractor.newText(body) }
    return 0
}
