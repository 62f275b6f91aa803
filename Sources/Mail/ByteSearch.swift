#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-needle search on contiguous memory (`memchr` for the first byte, `memcmp` for the
/// rest). `[UInt8].firstRange(of:)` resolves to Foundation's generic `DataProtocol` search
/// when Foundation is imported, which costs a tenth of a run in the MIME boundary check that
/// runs for every answer.
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`; an empty needle occurs everywhere.
    public static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let base = hay.baseAddress!, last = hay.count - pin.count
                var start = 0
                while start <= last,
                      let hit = memchr(base + start, Int32(pin[0]), last - start + 1) {
                    let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + at, pin.baseAddress!, pin.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
}
