import Foundation
import MentorMail

/// One input: a config file. It loads, or fails with a config error (exit 78); nothing else.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let config = try Config.parse(text, fileURL: URL(fileURLWithPath: "/srv/fuzz/mentormail.toml"))
        if config.enrollment.capacityMin > config.enrollment.capacityMax { fatalError("capacity bounds out of order") }
    } catch let error as MentorMailError {
        if error.exitCode != 78 { fatalError("a config problem that is not a config error: \(error)") }
    } catch {
        fatalError("an error that is not a MentorMailError: \(error)")
    }
    return 0
}
