@testable import MentorMail
import Testing

@Suite struct MustacheTagScannerTests {
    func tags(_ source: String) -> (tags: [MustacheTag], unclosedAt: Int?) {
        var found: [MustacheTag] = []
        let unclosed = MustacheTagScanner.scan(source, text: { _, _ in }, tag: { found.append($0) })
        return (found, unclosed)
    }

    @Test func tagsAreFoundWithTheLineTheyStartOnWhateverTheLineBreaks() {
        // CRLF counts once, LS (U+2028) and NEL (U+0085) count as breaks, like Character.isNewline.
        let source = "Señora {{name}},\r\nañadido {{#kinds}}\u{2028}{{.}}\u{85}{{/kinds}}\n{{{raw}}} {{&other}} {{! note }}"
        let (found, unclosed) = tags(source)
        #expect(unclosed == nil)
        #expect(found.map(\.kind) == [.variable, .section, .variable, .close, .unescaped, .unescaped, .comment])
        #expect(found.map(\.content) == ["name", "kinds", ".", "kinds", "raw", "other", "note"])
        #expect(found.map(\.line) == [1, 2, 3, 4, 5, 5, 5])
    }

    @Test func setDelimitersChangeWhatIsSearchedFor() {
        let (found, _) = tags("{{=<% %>=}}\n<% name %> {{not a tag}}\n<%={{ }}=%>{{after}}")
        #expect(found.map(\.content) == ["<% %>=", "name", "{{ }}=", "after"])
        #expect(found.map(\.line) == [1, 2, 3, 3])
    }

    @Test func aTagNeverClosedIsReportedAtTheLineItOpens() {
        #expect(tags("one\ntwo {{name}}\nthree {{#open\n").unclosedAt == 3)
        #expect(tags("{").unclosedAt == nil)
        #expect(MustacheTagScanner.unclosedSections("{{#a}}\n{{^b}}{{/b}}").map(\.content) == ["a"])
    }
}
