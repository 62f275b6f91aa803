import Foundation
@testable import MentorMail
import Testing

/// Reading a mail type's shape from the type alone.
@Suite struct MailShapeTests {
    struct Inner: Codable { var label: String; var on: Bool }
    struct Sample: Codable {
        var title: String
        var count: Int
        var flag: Bool
        var maybe: String?
        var items: [Inner]
        var words: [String]
        var nested: Inner?
    }

    @Test func everyPropertyBecomesAVariableOfItsKind() throws {
        let (shape, sample) = try MailShape.read(Sample.self, options: .init(text: { "<\($0)>" }, flags: true))
        #expect(shape.variables == [
            .text("title"), .text("count"), .flag("flag"), .text("maybe"),
            .list("items", [.text("label"), .flag("on")]), .list("words"),
            .object("nested", [.text("label"), .flag("on")]),
        ])
        #expect(sample.title == "<title>")
        #expect(sample.maybe == "<maybe>", "optionals are present in the sample")
        #expect(sample.items.count == 1 && sample.items[0].label == "<items.label>")
        #expect(sample.words == ["<words>"])
        #expect(sample.nested?.on == true)
    }

    @Test func valuesReachTheTemplateByPropertyNameAndNilIsAbsent() {
        var mail = ParticipationChangedMail(person: PersonName("Ana"))
        mail.paused = true
        let values = mail.templateValues(program: ProgramInfo(IntakeRuleTests.config.program), replySubject: "Re: x")
        #expect(values["paused"] as? Bool == true)
        #expect(values["resumed"] == nil, "a nil optional is simply absent")
        #expect(values["replySubject"] as? String == "Re: x")
        #expect((values["program"] as? [String: Any])?["address"] as? String == "mentoring@example.org",
                "nested structs by their properties")
    }

    enum Color: String, Codable { case red }
    struct Unsupported: Codable { var color: Color }

    @Test func aRawValueEnumIsRefusedWithAReason() {
        #expect(throws: (any Error).self) { try MailShape.read(Unsupported.self) }
    }
}
