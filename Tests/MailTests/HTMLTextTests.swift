import Testing
@testable import Mail

@Suite struct HTMLTextTests {
    func text(_ html: String) -> String { HTMLText.text(fromHTML: html) }

    @Test func blocksAndBreaks() {
        #expect(text("<p>One</p><p>Two</p>") == "One\n\nTwo")
        #expect(text("<div>a</div><div>b</div><div><br></div><div>c</div>") == "a\nb\n\nc")
        #expect(text("line<br>next<br><br>after blank") == "line\nnext\n\nafter blank")
        #expect(text("<h1>Title</h1>text") == "Title\n\ntext")
        #expect(text("<div>before</div><hr><div>after</div>") == "before\n________________________________\nafter")
    }

    @Test func whitespaceCollapsesLikeABrowser() {
        #expect(text("<p>  lots   of\n\n  space\t here </p>") == "lots of space here")
        #expect(text("<b>bold</b><i>italic</i> <span>next</span>") == "bolditalic next")
        #expect(text("a&nbsp;&nbsp;b") == "a  b")
        #expect(text("<pre>keep   this\n  indented</pre>") == "keep   this\n  indented")
    }

    @Test func entitiesAreDecoded() {
        #expect(text("Fish &amp; Chips &lt;3 &eacute;t&eacute; &#8364;5 &#x1F600;") == "Fish & Chips <3 été €5 😀")
    }

    @Test func lists() {
        #expect(text("<ul><li>one</li><li>two</li></ul>") == "- one\n- two")
        #expect(text("<ol><li>first</li><li>second</li></ol>") == "1. first\n2. second")
        #expect(text("<ol start=\"3\"><li>c</li></ol>") == "3. c")
        #expect(text("<ul><li>outer<ul><li>inner</li></ul></li><li>last</li></ul>") == "- outer\n  - inner\n- last")
        #expect(text("<p>Intro</p><ul><li>x</li></ul><p>Outro</p>") == "Intro\n\n- x\n\nOutro")
    }

    @Test func tables() {
        let html = "<table><tr><th>Name</th><th>Role</th></tr><tr><td>Alice</td><td>Mentor</td></tr><tr><td></td><td>only</td></tr></table>"
        #expect(text(html) == "Name | Role\nAlice | Mentor\nonly")
    }

    /// Word writes each cell as paragraphs: they stay in their cell, on the row's line.
    @Test func paragraphsInsideTableCells() {
        let html = """
            <p class=MsoNormal>Here is my form:</p><table><tr><td><p class=MsoNormal>Role<o:p></o:p></p></td>
            <td><p class=MsoNormal>Mentor<o:p></o:p></p></td></tr><tr><td><div>About me</div></td>
            <td><p>Swift core.</p><p>Happy to help.<br>Really.</p></td></tr></table><p>Sofia</p>
            """
        #expect(text(html) == "Here is my form:\nRole | Mentor\nAbout me | Swift core. Happy to help. Really.\n\nSofia")
        // A table inside a cell still has its rows.
        #expect(text("<table><tr><td>A</td><td><table><tr><td>x</td></tr><tr><td>y</td></tr></table></td></tr></table>") == "A\nx\ny")
    }

    @Test func links() {
        #expect(text("<a href=\"https://example.org/x\">the form</a>") == "the form <https://example.org/x>")
        #expect(text("<a href=\"https://example.org/\">https://example.org</a>") == "https://example.org")
        #expect(text("<a href=\"mailto:a@example.org\">a@example.org</a>") == "a@example.org")
        #expect(text("<a href=\"#top\">top</a> <a href=\"x\"><img src=\"y\"></a>") == "top")
    }

    @Test func blockquotesArePrefixed() {
        let html = "<div>My answer</div><blockquote type=\"cite\"><div>Original line 1</div><div>line 2</div><blockquote>deeper</blockquote></blockquote><div>after</div>"
        #expect(text(html) == "My answer\n> Original line 1\n> line 2\n> > deeper\nafter")
    }

    @Test func skipsInvisibleContent() {
        let html = """
        <html><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head>
        <body><div style="display: none; max-height:0">preheader</div><span hidden>h</span><!-- comment -->Visible</body></html>
        """
        #expect(text(html) == "Visible")
    }

    @Test func malformedHTMLStillGivesText() {
        #expect(text("<p>unclosed <b>bold <i>both</p>after") == "unclosed bold both\n\nafter")
        #expect(text("</div></p>stray closers") == "stray closers")
        #expect(text("") == "")
        _ = text("<<<>>>")
        _ = text("<a href=")
        _ = text("<table><td>cell without row<li>item without list</table>")
        let deep = String(repeating: "<div>", count: 20_000) + "deep" + String(repeating: "</div>", count: 20_000)
        #expect(text(deep) == "deep")
    }

    @Test func charsetsAndMetaSniffing() {
        let latin1: [UInt8] = Array("<meta charset=\"iso-8859-1\"><p>Gr".utf8) + [0xFC, 0xDF] + Array("e</p>".utf8)
        #expect(HTMLText.text(fromHTML: latin1, charset: nil) == "Grüße")
        #expect(HTMLText.text(fromHTML: [0x3C, 0x70, 0x3E, 0xF0, 0xD2, 0xC9], charset: "koi8-r") == "При")
        let sniffed: [UInt8] = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>".utf8) + [0x93, 0x78, 0x94]
        #expect(HTMLText.text(fromHTML: sniffed, charset: nil) == "“x”")
    }
}
