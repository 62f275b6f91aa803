#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Mail

// mail-bench CORPUS COUNT   parse CORPUS/00000.eml … CORPUS/(COUNT-1).eml, one at a time
//                           (read, parse, best text, reply, drop), and print one JSON line.
// mail-bench --show FILE…   print what is computed for each file, for checking by eye.
let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "--show" {
    for path in arguments.dropFirst() {
        guard let bytes = MailReading.readFile(atPath: path) else {
            FileHandle.standardError("cannot read \(path)")
            exit(65)
        }
        let message = Message(bytes: bytes)
        let body = MailReading.body(of: message)
        print("== \(path)")
        print("-- text (\(body?.fromHTML == true ? "from HTML" : "from text")):")
        print(body?.text ?? "(none)")
        print("-- reply:")
        print(body?.reply ?? "(none)")
    }
    exit(0)
}

guard arguments.count == 2, let count = Int(arguments[1]), count >= 0 else {
    FileHandle.standardError("usage: mail-bench CORPUS COUNT | mail-bench --show FILE…")
    exit(64)
}
let corpus = arguments[0]
var totalBytes = 0
var textBytes = 0
var replyBytes = 0
var withText = 0
let start = Clock.now()
for index in 0..<count {
    let path = corpus + "/" + Corpus.name(index)
    guard let bytes = MailReading.readFile(atPath: path) else {
        FileHandle.standardError("cannot read \(path)")
        exit(65)
    }
    totalBytes += bytes.count
    let message = Message(bytes: bytes)
    if let body = MailReading.body(of: message) {
        withText += 1
        textBytes += body.text.utf8.count
        replyBytes += body.reply.utf8.count
    }
}
let seconds = Clock.now() - start
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)  // Glibc imports the `who` as an enum
let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
print("{\"side\":\"swift\",\"messages\":\(count),\"bytes\":\(totalBytes),\"seconds\":\(seconds),\"cpu_seconds\":\(cpu),"
    + "\"maxrss_kb\":\(usage.ru_maxrss),\"with_text\":\(withText),\"text_bytes\":\(textBytes),\"reply_bytes\":\(replyBytes)}")
