import Foundation
@testable import MentorMail
import Testing

/// Finding (H8-2): one line of a first mail that looks like a mail header ("From: Berlin",
/// "Subject: my availability", "De: Bogotá") cut every sentence below it. A passed-on header
/// block takes two header lines in a row, with an address or a date; a lone one is the writer's.
@Suite struct FirstMailHeaderLookingLinesTests {
    let words = FirstMailWordsTests()

    /// The form sent back to a first mail (Subject "joining", lines ending in CRLF as mail carries them).
    func form(_ body: String) throws -> String {
        try words.form(from: "Sa Four <sa4@example.org>", subject: "joining", body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
    }

    @Test(arguments: [
        "Hi, I want to be a mentor.\nFrom: Berlin\nSubject: my availability\nI am interested in documentation.",
        "Hi, I want to be a mentor.\nFrom: Berlin\nI am interested in documentation.",
        "Hi, I want to be a mentor.\nSubject: my availability\nI am interested in documentation.",
        "Hi, I want to be a mentor.\nTo: whoever reads this\nI am interested in documentation.",
        "Hola, quiero ser mentora.\nDe: Bogotá\nMe interesa la documentación.",
        "Hola, quiero ser mentora.\nAsunto: disponibilidad por las tardes\nMe interesa la documentación.",
    ])
    func aLoneHeaderLookingLineCutsNothing(body: String) throws {
        let form = try form(body)
        let areas = form.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Areas:") || $0.hasPrefix("Áreas:") }
        // Not the empty line's hint, which names documentation as an example; in the form's language.
        let documentation = areas?.hasPrefix("Áreas:") == true ? "documentación" : "documentation"
        #expect(areas?.contains(documentation) == true && areas?.contains("(") == false, "\(body): \(form)")
    }

    /// A real header block still ends the writer's own lines: what it passes on is not theirs.
    @Test(arguments: [
        "From: Ana Lee <ana@example.org>\nSent: Monday, 3 March 2027 10:00\nTo: Mentoring\nSubject: hello",
        "De: Ana Lee\nEnviado: lunes, 3 de marzo de 2027 10:00\nAsunto: hola",
    ])
    func aHeaderBlockStillEndsTheWritersLines(block: String) {
        let lines = CommandWords.ownLines(of: "Hi, I want to be a mentor.\n\(block)\nI am interested in documentation.")
        #expect(lines == ["Hi, I want to be a mentor."])
    }
}
