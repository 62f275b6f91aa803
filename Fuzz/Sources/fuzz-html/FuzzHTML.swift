import Mail

/// One input: an HTML body's bytes. The first byte picks the declared charset, the rest is
/// the body, so the charset decoders (in Swift and through iconv) are fuzzed with it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let charsets: [String?] = [nil, "utf-8", "windows-1252", "iso-8859-1", "iso-2022-jp", "koi8-r", "gb2312",
                               "shift_jis", "utf-16", "big5", "x-unknown"]
    let charset = charsets[Int(data[0]) % charsets.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    _ = HTMLText.text(fromHTML: bytes, charset: charset)

    let html = Charset.decode(bytes, charset: charset)
    let stripped = ReplyExtractor.stripQuotedHTML(html)
    if stripped.utf8.count > html.utf8.count { fatalError("stripQuotedHTML grew its input") }
    _ = ReplyExtractor.newText(HTMLText.text(fromHTML: stripped))
    return 0
}
