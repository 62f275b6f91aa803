import Foundation
import Mail
@testable import MentorMail
import Testing

/// The digest's excerpt of a held message names what came attached (tester: a participant's
/// "can you add them?" was quoted without the CSV it meant).
@Suite struct HeldExcerptTests {
    @Test func theExcerptNamesTheAttachments() {
        let raw = """
            From: Ana <ana@example.net>\r
            To: mentoring@example.org\r
            Subject: people\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            These responses came to me by mistake, can you add them?\r
            --b\r
            Content-Type: text/csv; name="responses.csv"\r
            Content-Disposition: attachment; filename="responses.csv"\r
            \r
            Email,Role\r
            bo@example.net,mentee\r
            --b--\r
            """
        let lines = HeldMailService.excerpt(of: Message(bytes: Array(raw.utf8)))
        #expect(lines == ["These responses came to me by mistake, can you add them?", "(attached: responses.csv)"], "\(lines)")
    }
}
