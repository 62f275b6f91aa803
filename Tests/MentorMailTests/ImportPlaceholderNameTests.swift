import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding X3-6: a Microsoft Forms export writes "anonymous" in its Name column when the form
/// records no names; everyone imported was called "Anonymous", and a stored name was replaced
/// without a word in the report.
@Suite struct ImportPlaceholderNameTests {
    /// Microsoft Forms' layout as Excel saves it in a European locale: its own columns, then the
    /// form's questions, one of them the name.
    static let microsoftForms = "\u{FEFF}ID;Start time;Completion time;Email;Name;Full name;Role;Mentoring type;Time zone;Languages\r\n"
        + "1;10/30/26 9:00:00;10/30/26 9:05:00;jules@example.net;anonymous;Jules Martin;mentee;technical;Europe/Paris;French\r\n"
        + "2;10/30/26 9:10:00;10/30/26 9:15:00;ana@example.net;anonymous;Ana Maria Souza;mentor;technical;America/Sao_Paulo;Portuguese\r\n"
        + "3;10/30/26 9:20:00;10/30/26 9:25:00;ben@example.net;Anonymous;;mentee;career;Europe/Berlin;German\r\n"

    static func storeAnaAndBen(_ program: ProcessorTests.Program) throws {
        try program.database.write { db in
            for (email, name) in [("ana@example.net", "Ana Souza"), ("ben@example.net", "Ben Weber")] {
                _ = try AppDatabase.upsertProfile(db, email: email, profile: ParticipantProfile(
                    role: "mentee", name: name, mentoringTypes: ["technical"], areas: [], timeZone: "UTC",
                    languages: ["English"], interactions: ["email"], capacity: 0), status: .active, source: "earlier", origin: "email",
                    roundID: nil, now: program.now.addingTimeInterval(-30 * 86_400))
            }
        }
    }

    /// Forwarded by a coordinator: the form's own name question is read, the placeholder never
    /// becomes a name, and the report names the stored name and role a row replaced.
    @Test func aForwardedMicrosoftFormsExportReadsTheFormsNameAndNamesWhatItReplaced() throws {
        let harness = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try Self.storeAnaAndBen(harness)
        try harness.arrive("Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\n"
            + "From: Coordinator <coordinator@example.org>\r\nTo: mentoring@example.org\r\nMIME-Version: 1.0\r\n"
            + "Subject: MS Forms export\r\nMessage-ID: <msforms-1@example.org>\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nThe latest answers.\r\n--b\r\n"
            + "Content-Type: text/csv; name=\"forms.csv\"\r\nContent-Disposition: attachment; filename=\"forms.csv\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Data(Self.microsoftForms.utf8).base64EncodedString(options: .lineLength76Characters)
            + "\r\n--b--\r\n")
        _ = try harness.run()
        #expect(try harness.database.participant(email: "jules@example.net")?.profile.name == "Jules Martin")
        #expect(try harness.database.participant(email: "ana@example.net")?.profile.name == "Ana Maria Souza")
        #expect(try harness.database.participant(email: "ben@example.net")?.profile.name == "Ben Weber",
                "a placeholder never replaces a stored name")
        let sent = try harness.sent()
        #expect(!sent.contains { $0.textBody?.contains("Anonymous") == true }, "\(sent.compactMap(\.textBody))")
        let welcome = try #require(sent.first(to: "jules@example.net"))
        #expect(welcome.textBody?.contains("Jules Martin") == true)
        let report = try #require(sent.first { $0.inReplyTo == "msforms-1@example.org" }?.textBody)
        #expect(report.contains("row 3, ana@example.net: name \"Ana Souza\" -> \"Ana Maria Souza\""), "\(report)")
        #expect(report.contains("row 3, ana@example.net: role \"mentee\" -> \"mentor\""), "\(report)")
        #expect(!report.contains("ben@example.net: name"), "\(report)")
    }

    /// The same from the command line: named on its output and in its JSON.
    @Test func theCommandLineNamesAReplacedNameInItsOutputAndJSON() throws {
        let program = try ProcessorTests.Program()
        try Self.storeAnaAndBen(program)
        let file = program.folder.appendingPathComponent("forms.csv")
        try Self.microsoftForms.write(to: file, atomically: true, encoding: .utf8)
        let config = try program.writeConfigFile()
        let json = try CommandRunner.run(["import", file.path, "--config", config.path, "--json", "--dry-run"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        let notes = (report["notes"] as? [[String: Any]]) ?? []
        #expect(notes.contains { $0["email"] as? String == "ana@example.net" && ($0["text"] as? String)?.hasPrefix("name \"Ana Souza\" -> ") == true },
                "\(json.stdout)")
        let result = try CommandRunner.run(["import", file.path, "--config", config.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("row 3 ana@example.net: name \"Ana Souza\" -> \"Ana Maria Souza\""), "\(result.stdout)")
        #expect(try program.database.participant(email: "ben@example.net")?.profile.name == "Ben Weber")
    }

    /// Placeholders read as no value wherever a name is read, also in a sign-up by mail; the
    /// name question in other languages is read as the name.
    @Test(arguments: ["anonymous", "Anonymous", "ANONYMOUS", "n/a", "N/A", "", "Anonymous User", "None", "TBD", "Prefer not to say",
                      "N.A.", "not applicable", "ninguno", "keine Angabe", "anonyme", "none."])
    func aPlaceholderIsNoName(placeholder: String) throws {
        let csv = "Email,Name,Nombre completo,Role,Mentoring type,Time zone,Languages\n"
            + "a@example.org,\(placeholder),Lucía Pérez,mentee,technical,Europe/Madrid,Spanish\n"
            + "b@example.org,\(placeholder),,mentee,technical,Europe/Madrid,Spanish\n"
        let export = try FormExport.csv(csv, headerMap: [:])
        #expect(export.rows.map(\.name) == ["Lucía Pérez", nil])
        #expect(!export.rows[1].formText.contains("Name:"), "\(export.rows[1].formText)")
        let form = SignupFormParser(vocabulary: .openStackDefault).parse("Name: \(placeholder)\nRole: mentee", senderName: "Li Wei")
        #expect(form.name == "Li Wei")
        let kept = ProfileBuilder(vocabulary: .openStackDefault).build(from: form, over: ParticipantProfile(
            role: "mentee", name: "Li Wei Chen", mentoringTypes: ["technical"], areas: [], timeZone: "UTC",
            languages: ["English"], interactions: ["email"], capacity: 0))
        #expect(kept.profile.name == "Li Wei Chen")
    }

    /// Finding D-11: "Anonymous User", "None", "TBD", "Prefer not to say" in a forwarded export
    /// became names ("Hello None,") or replaced a stored one; a name that merely contains such a
    /// word is still a name.
    @Test func wordedPlaceholdersInAForwardedExportAreNoName() throws {
        let harness = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try Self.storeAnaAndBen(harness)
        let csv = "Timestamp,Email address,Your name,Role,Mentoring type,Time zone,Languages\r\n"
            + "2026/10/30 9:00:00 AM GMT,ben@example.net,Anonymous User,mentee,technical,Europe/Berlin,German\r\n"
            + "2026/10/30 9:01:00 AM GMT,gus@example.net,None,mentee,technical,Europe/Berlin,German\r\n"
            + "2026/10/30 9:02:00 AM GMT,ivo@example.net,TBD,mentee,technical,Europe/Berlin,German\r\n"
            + "2026/10/30 9:03:00 AM GMT,dee@example.net,Prefer not to say,mentee,technical,Europe/Berlin,German\r\n"
            + "2026/10/30 9:04:00 AM GMT,noneh@example.net,Noneh Tbdova,mentee,technical,Europe/Berlin,German\r\n"
        try harness.arrive("Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\n"
            + "From: Coordinator <coordinator@example.org>\r\nTo: mentoring@example.org\r\nMIME-Version: 1.0\r\n"
            + "Subject: Forms export\r\nMessage-ID: <gforms-1@example.org>\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nThe latest answers.\r\n--b\r\n"
            + "Content-Type: text/csv; name=\"forms.csv\"\r\nContent-Disposition: attachment; filename=\"forms.csv\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Data(csv.utf8).base64EncodedString(options: .lineLength76Characters)
            + "\r\n--b--\r\n")
        _ = try harness.run()
        #expect(try harness.database.participant(email: "ben@example.net")?.profile.name == "Ben Weber")
        for email in ["gus@example.net", "ivo@example.net", "dee@example.net"] {
            #expect(try harness.database.participant(email: email)?.profile.name == "", "\(email)")
            let welcome = try #require(try harness.sent().first(to: email), "\(email)")
            #expect(welcome.to.first?.name == nil, "\(email)")
            #expect(welcome.textBody?.contains("Hello,") == true, "\(welcome.textBody ?? "")")
        }
        #expect(try harness.database.participant(email: "noneh@example.net")?.profile.name == "Noneh Tbdova")
        let report = try #require(try harness.sent().first { $0.inReplyTo == "gforms-1@example.org" }?.textBody)
        #expect(!report.contains("ben@example.net: name"), "\(report)")
    }
}
