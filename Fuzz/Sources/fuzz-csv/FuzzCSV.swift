import MentorMail

/// One input: a form export read as CSV. Every line after the header is either a row or a
/// reported problem: none may vanish.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let export = try? FormExport.csv(text, headerMap: [:]) else { return 0 }
    for line in export.malformed where line.line < 1 { fatalError("a problem without a line: \(line)") }
    for row in export.rows where row.number < 2 { fatalError("a row numbered before the header: \(row.number)") }
    return 0
}
