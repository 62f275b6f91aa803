import Foundation
import Mail
@testable import MentorMail
import Testing

/// Classic Outlook's reply to the check-in survey, as people answer it: "Answers below in blue"
/// on top, the header block with no rule above it, and each answer typed under its question in
/// both the text and the HTML part (the first with a comment after a dash).
@Suite struct OutlookInlineAnswerTests {
    @Test func answersTypedUnderEachQuestionBelowOutlooksHeaderBlockAreRead() throws {
        let pairs = PairLifeTests()
        let (harness, _) = try pairs.introduced()
        let day: TimeInterval = 86_400
        _ = try harness.run(at: harness.now.addingTimeInterval(90 * day))
        let survey = try pairs.last(to: "maria@example.org", harness)
        let ob = (survey.textBody ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        var ins = ob
        for (q, a) in [("(1 = badly … 5 = very well)\n", "4 - going well\n"), ("(yes / no / sometimes)\n", "Yes\n"),
                       ("(good fit / still deciding / not a good fit)\n", "Good fit\n"), ("(continue / graduate / need a new match)\n", "Continue\n"),
                       ("Anything for the coordinators?\n", "No, all fine.\n")] {
            ins = ins.replacingOccurrences(of: q, with: q + a)
        }
        let text = "Answers below in blue.\n\nMaria\n\nFrom: Test Mentoring <mentoring@example.org>\nSent: Sunday, March 21, 2027 11:15 AM\nTo: Maria <maria@example.org>\nSubject: \(survey.subject ?? "")\n\n" + ins
        var hb = ob.split(separator: "\n", omittingEmptySubsequences: false).map { "<p class=MsoNormal>\($0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))</p>" }.joined()
        for (q, a) in [("(1 = badly … 5 = very well)</p>", "4 - going well"), ("(yes / no / sometimes)</p>", "Yes"),
                       ("(good fit / still deciding / not a good fit)</p>", "Good fit"), ("(continue / graduate / need a new match)</p>", "Continue"),
                       ("Anything for the coordinators?</p>", "No, all fine.")] {
            hb = hb.replacingOccurrences(of: q, with: q + "<p class=MsoNormal><span style='color:#0070C0'>\(a)</span></p>")
        }
        let html = "<html><head><meta name=Generator content=\"Microsoft Word 15 (filtered medium)\"></head><body lang=EN-US><div class=WordSection1><p class=MsoNormal>Answers below in blue.<o:p></o:p></p><p class=MsoNormal>Maria<o:p></o:p></p><div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in'><p class=MsoNormal><b>From:</b> Test Mentoring &lt;mentoring@example.org&gt;<br><b>Sent:</b> Sunday, March 21, 2027 11:15 AM<br><b>To:</b> Maria &lt;maria@example.org&gt;<br><b>Subject:</b> x</p></div></div>" + hb + "</div></body></html>"
        try harness.arrive("From: Maria <maria@example.org>\r\nTo: mentoring@example.org\r\nSubject: RE: \(survey.subject ?? "")\r\nMessage-ID: <o1@example.org>\r\nIn-Reply-To: <\(survey.messageID ?? "")>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(text.replacingOccurrences(of: "\n", with: "\r\n"))\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\(html)\r\n--b--\r\n")
        _ = try harness.run(at: harness.now.addingTimeInterval(91 * day))
        let answer = try #require(try pairs.last(to: "maria@example.org", harness).textBody)
        for line in ["1. How it is going: 4 of 5", "2. Meeting: yes", "3. The fit: good fit", "4. What next: continue",
                     "5. For the coordinators: No, all fine."] {
            #expect(answer.contains(line), "\(line) in \(answer)")
        }
        #expect(!answer.contains("Answers below in blue"), "the opening line is no answer")
    }
}
