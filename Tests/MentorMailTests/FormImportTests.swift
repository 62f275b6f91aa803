import Foundation
import Mail
@testable import MentorMail
import Testing

/// Coordinators' form exports: header variants, row validation, the report, and who may import.
@Suite struct FormImportTests {
    static let googleForms = """
        "Timestamp","Email Address","Your name","Are you signing up as a mentor or mentee?","What type of mentoring are you interested in?","Which areas of the community interest you?","Time zone or city","Languages you speak","How would you like to meet?","How many mentees can you take?","About you"
        "2026/11/01 10:00:00 AM GMT+1","ana@example.net","Ana Souza","Mentee","Technical","Nova;Documentation","America/Sao_Paulo","Portuguese, English","IRC;Video","","I fix docs"
        "2026/11/01 11:00:00 AM GMT+1","li.wei@example.com","Li Wei","Mentor","Technical, Career","Neutron","Beijing","Chinese;English","Email","2","Core reviewer"
        "2026/11/01 12:00:00 PM GMT+1","not-an-address","Bob","Mentee","Career","Community","UTC","English","Email","",""
        "2026/11/01 01:00:00 PM GMT+1","eve@example.com","Eve","Wizard","Technical","Nova","Narnia","English","IRC","",""
        "2026/11/01 02:00:00 PM GMT+1","ana@example.net","Ana again","Mentee","Career","Nova","UTC","English","Email","",""
        """

    @Test func googleFormsHeadersAreRecognised() throws {
        let export = try FormExport.csv(Self.googleForms, headerMap: [:])
        #expect(export.rows.count == 5)
        #expect(export.rows[0].number == 2)
        #expect(export.rows[0].email == "ana@example.net")
        #expect(export.rows[0].formText.contains("Role: Mentee"))
        #expect(export.rows[0].formText.contains("Areas: Nova;Documentation"))
        #expect(export.rows[1].formText.contains("Capacity: 2"))
        #expect(export.ignoredColumns.isEmpty, "Timestamp is bookkeeping, not worth reporting")
    }

    @Test(arguments: [
        // Microsoft Forms
        ("ID,Start time,Completion time,Email,Name,Role,Mentoring type,Time zone,Language,Favourite colour\n1,x,y,a@example.org,A,mentor,career,Europe/Paris,French,blue\n", ["Favourite colour"]),
        // Typeform, semicolon separated
        ("#;What's your email?;Mentor or mentee?;Type of mentoring;Where do you live?;Languages;Network ID\nabc;a@example.org;mentee;technical;Berlin;German;n1\n", []),
    ])
    func otherExportToolsAreRecognised(csv: String, ignored: [String]) throws {
        let export = try FormExport.csv(csv, headerMap: [:])
        try #require(export.rows.count == 1)
        #expect(export.rows[0].email == "a@example.org")
        #expect(export.rows[0].formText.contains("Role: "))
        #expect(export.rows[0].formText.contains("Time zone: "))
        #expect(export.ignoredColumns.filter { $0 != "#" } == ignored)
    }

    /// Finding: "I want to join as" and "Are you a mentor or a mentee?" were not the role, so
    /// every row was rejected.
    @Test(arguments: ["I want to join as", "Are you a mentor or a mentee?", "Mentee / Mentor", "Joining as", "\"Apply as (mentor, mentee or both)\""])
    func roleHeadersAsPeopleWriteThem(header: String) throws {
        let csv = "Email,\(header),How many mentees can you mentor?,Mentoring type,Time zone,Languages\n"
            + "a@example.org,Mentor,2,technical,Europe/Paris,French\n"
        let export = try FormExport.csv(csv, headerMap: [:])
        try #require(export.rows.count == 1)
        #expect(export.rows[0].formText.contains("Role: Mentor"), "\(export.rows[0].formText)")
        #expect(export.rows[0].formText.contains("Capacity: 2"), "a capacity question naming mentees stays the capacity")
        #expect(export.ignoredColumns.isEmpty, "\(export.ignoredColumns)")
    }

    @Test func theConfigMapsOddHeaders() throws {
        let csv = "Contact,Q1,Q2,Q3,Q4\nz@example.org,mentee,technical,Asia/Tokyo,Japanese\n"
        let export = try FormExport.csv(csv, headerMap: ["Contact": "email", "Q1": "role", "Q2": "mentoring type", "Q3": "timeZone", "Q4": "languages"])
        #expect(export.rows.first?.formText == "Role: mentee\nMentoring type: technical\nTime zone: Asia/Tokyo\nLanguages: Japanese")
        #expect(throws: MentorMailError.self) { try FormExport.csv("Name,Role\nA,mentee\n", headerMap: [:]) }
    }

    @Test func importIsAnUpsertAndReportsEveryRejectedRow() throws {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "li.wei@example.com", profile: ParticipantProfile(
                role: "mentor", name: "Li Wei", mentoringTypes: ["technical"], areas: ["neutron"], timeZone: "Asia/Shanghai",
                languages: ["Chinese"], interactions: ["email"], capacity: 1), status: .active, source: "earlier", origin: "email",
                roundID: nil, now: program.now.addingTimeInterval(-7 * 86_400))
        }
        let export = try FormExport.csv(Self.googleForms, headerMap: [:])
        let report = try program.app.importFormExport(export, source: "signups.csv", now: program.now, dryRun: false)
        #expect(report.added == ["ana@example.net"])
        #expect(report.updated == ["li.wei@example.com"])
        #expect(report.rejected.map(\.row) == [4, 5])
        #expect(report.rejected[0].reasons == ["no valid email address"])
        #expect(report.rejected[1].reasons.contains { $0.hasPrefix("Role:") })
        #expect(report.rejected[1].reasons.contains { $0.hasPrefix("Time zone:") })
        // The report reads as sentences: no "both.; Time zone".
        #expect(!report.rejected[1].reasonsText.contains(".;"), "\(report.rejected[1].reasonsText)")
        #expect(report.rejected[1].reasonsText.contains(". Time zone:"), "\(report.rejected[1].reasonsText)")
        #expect(ImportReport.Rejected(row: 1, email: nil, reasons: ["no valid email address", "no name"]).reasonsText
                == "no valid email address; no name")
        // Ana sent the form again: her later answer (row 6) is the one read.
        #expect(report.replaced == [.init(row: 2, email: "ana@example.net", keptRow: 6)])
        #expect(try program.database.participant(email: "ana@example.net")?.profile.name == "Ana again")
        #expect(try program.database.participant(email: "eve@example.com") == nil, "a rejected row changes nothing")
        // Li's answer is newer than the profile she sent by mail a week before: it is applied.
        let li = try #require(try program.database.participant(email: "li.wei@example.com"))
        #expect(li.profile.capacity == 2)
        #expect(li.profile.mentoringTypes == ["technical", "career"])
        #expect(li.profile.timeZone == "Asia/Shanghai")

        // Welcome mail for the new person only, sent by the next run.
        let run = try program.run()
        #expect(run.sent == 1)
        let welcome = try #require(try program.sent().first)
        #expect(welcome.to.map(\.address) == ["ana@example.net"])
        #expect(welcome.autoSubmitted == "auto-generated")
        #expect(welcome.textBody?.contains("Role: mentee") == true && welcome.textBody?.contains("Ana again") == true)

        let again = try program.app.importFormExport(export, source: "signups.csv", now: program.now, dryRun: false)
        #expect(again.unchanged == ["li.wei@example.com", "ana@example.net"])
    }

    /// Finding: a blank "How would you like to meet?" became "email" silently, and the proposal
    /// then said the pair "both prefer email". The welcome says it was not given and what was
    /// assumed; the explanation names no preference a side did not state; stating it later
    /// makes it theirs.
    @Test func aBlankWayToMeetIsAssumedAndNeverCalledAPreference() throws {
        let program = try ProcessorTests.Program()
        _ = try program.app.openRound(name: "2027-Q1", closesAt: program.now.addingTimeInterval(86_400 * 20), now: program.now)
        let export = try FormExport.csv("""
            "Email Address","Your name","Are you signing up as a mentor or mentee?","What type of mentoring are you interested in?","Which areas of the community interest you?","Time zone or city","Languages you speak","How would you like to meet?","How many mentees can you take?"
            "ana@example.net","Ana Souza","Mentee","Technical","Nova","Europe/Madrid","English","",""
            "li@example.com","Li Wei","Mentor","Technical","Nova","Europe/Madrid","English","Email","1"
            """, headerMap: [:])
        let report = try program.app.importFormExport(export, source: "signups.csv", now: program.now, dryRun: false)
        #expect(report.added.count == 2)
        _ = try program.run()
        let welcome = try #require(try program.sent().first(to: "ana@example.net")?.textBody)
        let line = try #require(welcome.split(separator: "\n").first { $0.contains("Interaction") }, "\(welcome)")
        #expect(line.contains("email") && line.contains("not given") && line.contains("assumed"), "\(line)")
        let stated = try #require(try program.sent().first(to: "li@example.com")?.textBody)
        #expect(!stated.contains("assumed"), "Li chose email: \(stated)")

        let proposal = try program.app.proposeMatches(round: "2027-Q1", method: .optimal, dryRun: false, now: program.now)
        let explanation = try #require(proposal.pairs.first?.explanation)
        #expect(!explanation.contains("prefer"), "Ana stated no way to meet: \(explanation)")

        // Ana says how she likes to meet: it is hers now.
        let ana = try #require(try program.database.participant(email: "ana@example.net"))
        let builder = ProfileBuilder(vocabulary: program.config.enrollment.vocabulary)
        let form = SignupFormParser(vocabulary: program.config.enrollment.vocabulary).parse("Interaction: email", senderName: nil)
        let updated = builder.build(from: form, over: ana.profile).profile
        #expect(updated.interactions == ["email"] && updated.interactionsAssumed == nil)
        #expect(!builder.summary(of: updated, at: program.now).contains { $0.value.contains("assumed") })
    }

    @Test func aDryRunChangesNothing() throws {
        let program = try ProcessorTests.Program()
        let export = try FormExport.csv(Self.googleForms, headerMap: [:])
        let report = try program.app.importFormExport(export, source: "s.csv", now: program.now, dryRun: true)
        #expect(report.added.count == 2)
        #expect(try program.database.participants().isEmpty)
        #expect(try program.database.outbox().isEmpty)
    }

    @Test func erasedPeopleAreNotBroughtBackByAnImport() throws {
        let program = try ProcessorTests.Program()
        try program.database.write { db in
            _ = try AppDatabase.upsertProfile(db, email: "ana@example.net", profile: .erased, status: .active, source: "x",
                                              origin: "email", roundID: nil, now: program.now)
            _ = try AppDatabase.erase(db, email: "ana@example.net", now: program.now)
        }
        let report = try program.app.importFormExport(try FormExport.csv(Self.googleForms, headerMap: [:]), source: "s.csv",
                                                      now: program.now, dryRun: false)
        let ana = try #require(report.skipped.first { $0.email == "ana@example.net" }, "\(report.skipped)")
        #expect(ana.reason.contains("asked to have their data deleted"))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .erased)
    }

    @Test func anHTMLTableInTheMessageIsReadToo() throws {
        let html = """
            <html><body><p>Here are this week's sign-ups:</p><table>
            <tr><th>Email Address</th><th>Name</th><th>Role</th><th>Mentoring type</th><th>Time zone</th><th>Languages</th></tr>
            <tr><td>ana@example.net</td><td>Ana <b>Souza</b></td><td>mentee</td><td>technical</td><td>Lisbon</td><td>Portuguese</td></tr>
            </table></body></html>
            """
        let export = try FormExport.htmlTable(html, headerMap: [:])
        #expect(export.rows.count == 1)
        #expect(export.rows[0].name == "Ana Souza")
        #expect(export.rows[0].formText.contains("Time zone: Lisbon"))
    }

    // MARK: - Malformed files: every row reported, none swallowed

    static let header = "Email Address,Your name,Role,Mentoring type,Time zone,Languages\n"

    /// Finding: a row with an unclosed quote silently swallowed the next row.
    @Test func anUnclosedQuoteIsReportedAndTheNextRowIsNotSwallowed() throws {
        let csv = Self.header
            + "a@example.org,Ana,mentee,technical,Europe/Madrid,Spanish\n"
            + "b@example.org,\"Bo, the second,mentor,technical,Europe/Madrid,Spanish\n"
            + "c@example.org,Cy,mentee,career,Asia/Tokyo,Japanese\n"
            + "d@example.org,\"Di \"\"D\"\" Dee\",mentor,technical,UTC,English\n"
        let export = try FormExport.csv(csv, headerMap: [:])
        #expect(export.rows.compactMap(\.email) == ["a@example.org", "c@example.org", "d@example.org"])
        #expect(export.rows.last?.name == "Di \"D\" Dee")
        #expect(export.malformed.map(\.line) == [3])
        #expect(export.malformed.first?.reason.contains("never closed") == true, "\(export.malformed)")
        // Rows are numbered by their line, so they agree with the line reported: Cy is on line 4.
        #expect(export.rows.map(\.number) == [2, 4, 5])
    }

    @Test func aMultiLineAnswerIsOneRowAndAWrongFieldCountIsReported() throws {
        let csv = Self.header
            + "a@example.org,\"Ana\nSouza\",mentee,technical,Europe/Madrid,Spanish\n"
            + "b@example.org,Bo,mentor\n"
            + "c@example.org,Cy,mentee,career,Asia/Tokyo,Japanese,extra,cells\n"
            + "d@example.org,Di,mentee,career,UTC,English\n"
        let export = try FormExport.csv(csv, headerMap: [:])
        #expect(export.rows.compactMap(\.email) == ["a@example.org", "b@example.org", "d@example.org"], "a short row is padded")
        #expect(export.malformed.map(\.line) == [5])
        #expect(export.malformed.first?.reason == "8 fields where the header has 6")
        #expect(export.rows.map(\.number) == [2, 4, 6], "Ana's answer runs over lines 2 and 3")
    }

    /// Finding: a file of binary bytes leaked an internal parser error.
    @Test func binaryIsRefusedInPlainWords() throws {
        let binary = String(decoding: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00] + Array(repeating: 0x00, count: 64), as: UTF8.self)
        let error = try #require(throws: MentorMailError.self) { try FormExport.csv(binary, headerMap: [:]) }
        #expect(error.message == "the file is not a CSV export: it holds binary data (send the .csv file the form tool exports)")
        let prose = try #require(throws: MentorMailError.self) { try FormExport.csv("Dear coordinators\nplease find attached\n", headerMap: [:]) }
        #expect(prose.message.contains("not a CSV export"))
    }

    /// Finding: an import whose rows were all rejected exited 0.
    @Test func anImportWithNothingImportedExits1AndListsEveryLine() throws {
        let program = try ProcessorTests.Program()
        let file = program.folder.appendingPathComponent("bad.csv")
        try (Self.header + "not-an-address,A,mentee,technical,UTC,English\nb@example.org,\"B,mentor,technical,UTC,English\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let config = try program.writeConfigFile()
        let result = try CommandRunner.run(["import", file.path, "--config", config.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("row 2 not-an-address: no valid email address"))
        #expect(result.stdout.contains("line 3: a quote that is never closed"))
        #expect(result.stderr.contains("nothing was imported"))
    }

    /// Finding: Excel's plain "CSV (Comma delimited)" is windows-1252; "José María Núñez" was
    /// read as UTF-8 and stored with U+FFFD in place of every accented letter.
    @Test func aWindows1252FileIsImportedWithItsAccents() throws {
        let program = try ProcessorTests.Program()
        let latin = program.folder.appendingPathComponent("excel.csv")
        try #require(Self.header.data(using: .windowsCP1252).map { header in
            header + "jose@example.org,José María Núñez,mentee,technical,Europe/Madrid,Español\r\n".data(using: .windowsCP1252)!
        }).write(to: latin)
        let utf8 = program.folder.appendingPathComponent("utf8.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array((Self.header + "zoe@example.org,Zoë Ångström,mentor,technical,UTC,English\n").utf8)).write(to: utf8)
        let config = try CommandRunner.writeLocalConfig(in: program.folder, database: "state.sqlite")
        for file in [latin, utf8] {
            let result = try CommandRunner.run(["import", file.path, "--config", config.path])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
        #expect(try program.database.participant(email: "jose@example.org")?.profile.name == "José María Núñez")
        #expect(try program.database.participant(email: "zoe@example.org")?.profile.name == "Zoë Ångström")
    }

    /// A coordinator pastes the CSV into the text of a mail, or attaches the spreadsheet file a
    /// form tool offers first: the first is imported, the second answered with how to save CSV.
    @Test func aPastedCSVIsImportedAndASpreadsheetFileGetsHowToSaveCSV() throws {
        let harness = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        let head = "Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\nFrom: Coordinator <coordinator@example.org>\r\n"
            + "To: mentoring@example.org\r\nMIME-Version: 1.0\r\n"
        try harness.arrive(head + "Subject: sign-ups\r\nMessage-ID: <paste-1@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Hi, this week's sign-ups:\r\n\r\nEmail Address,Your name,Role,Mentoring type,Time zone,Languages\r\n"
            + "ivy@example.net,Ivy Chen,mentee,technical,Asia/Taipei,English\r\njon@example.net,Jon Berg,mentor,career,Europe/Oslo,English\r\n\r\nThanks!\r\n")
        _ = try harness.run()
        #expect(try harness.database.participant(email: "ivy@example.net")?.profile.name == "Ivy Chen")
        #expect(try harness.database.participant(email: "jon@example.net")?.profile.role == "mentor")
        let report = try #require(try harness.sent().first { $0.inReplyTo == "paste-1@example.org" })
        #expect(report.textBody?.contains("added      2") == true, "\(report.textBody ?? "")")

        try harness.arrive(head + "Subject: export\r\nMessage-ID: <xlsx-1@example.org>\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nHere it is.\r\n--b\r\n"
            + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\"Mentoring.xlsx\"\r\n"
            + "Content-Disposition: attachment; filename=\"Mentoring.xlsx\"\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBBQAAAAIAA==\r\n--b--\r\n")
        _ = try harness.run()
        let answer = try #require(try harness.sent().first { $0.inReplyTo == "xlsx-1@example.org" })
        #expect(answer.textBody?.contains("Mentoring.xlsx is a spreadsheet file") == true, "\(answer.textBody ?? "")")
        #expect(answer.textBody?.contains("CSV") == true)
        #expect(try harness.database.inboundMessages().last?.disposition == .answered, "answered, not held without a word")
    }

}


/// The program's own address and the coordinators' in a form export.
@Suite struct ImportAddressTests {
    /// A row with the program's own address (a test entry) is rejected with a reason, and gets
    /// no welcome; a coordinator's address is imported with a warning that says how to undo it.
    @Test func theProgramsAddressIsRejectedAndACoordinatorsIsFlagged() throws {
        let program = try ProcessorTests.Program()
        let file = program.folder.appendingPathComponent("signups.csv")
        try (FormImportTests.header + "Mentoring@Example.org,Test Entry,mentee,technical,UTC,English\n"
             + "coordinator@example.org,Cora,mentor,technical,UTC,English\n"
             + "ivy@example.net,Ivy Chen,mentee,technical,Asia/Taipei,English\n").write(to: file, atomically: true, encoding: .utf8)
        let config = try program.writeConfigFile()
        let result = try CommandRunner.run(["import", file.path, "--config", config.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("row 2 mentoring@example.org: this is the program's own address"), "\(result.stdout)")
        #expect(result.stdout.contains("row 3 coordinator@example.org: imported, but this is a coordinator's address"), "\(result.stdout)")
        #expect(try program.database.participant(email: "mentoring@example.org") == nil)
        #expect(try program.database.participant(email: "coordinator@example.org") != nil)
        let json = try CommandRunner.run(["import", file.path, "--config", config.path, "--json", "--dry-run"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        #expect((report["notes"] as? [[String: Any]])?.first?["email"] as? String == "coordinator@example.org", "\(json.stdout)")
        _ = try program.run()
        #expect(try !program.sent().contains { $0.to.map(\.normalized).contains("mentoring@example.org") }, "no welcome to itself")
    }
}

/// A form sent again is a correction: the latest answer from an address is imported.
@Suite struct ImportCorrectionTests {
    static let header = "Timestamp,Email Address,Your name,Role,Mentoring type,Time zone,Languages\n"

    /// By the export's timestamp column, whatever order the rows are in and however the address
    /// is written; the report names the row kept and the one replaced.
    @Test func theLatestAnswerWinsByTimestamp() throws {
        let program = try ProcessorTests.Program()
        let file = program.folder.appendingPathComponent("signups.csv")
        // Sorted newest first, day-first dates (13/11 can only be the 13th of November).
        try (Self.header + "13/11/2026 09:15:00,Bob@Example.net,Bob Martin,mentee,career,Europe/Paris,French\n"
             + "12/11/2026 18:40:00,ivy@example.net,Ivy Nguyen,mentee,technical,Asia/Taipei,English\n"
             + "02/11/2026 10:00:00,bob@example.net,Bob Martin,mentee,technical,UTC,English\n").write(to: file, atomically: true, encoding: .utf8)
        let config = try program.writeConfigFile()
        let result = try CommandRunner.run(["import", file.path, "--config", config.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("2 added") && result.stdout.contains("0 rejected") && result.stdout.contains("1 replaced"), "\(result.stdout)")
        #expect(result.stdout.contains("row 4 bob@example.net: replaced by row 2, a later answer from the same address (by its Timestamp)"),
                "\(result.stdout)")
        let bob = try #require(try program.database.participant(email: "bob@example.net"))
        #expect(bob.profile.timeZone == "Europe/Paris" && bob.profile.mentoringTypes == ["career"], "\(bob.profile)")
    }

    /// Without a timestamp column, the row further down is the later answer; a row for someone
    /// already in the program still updates them.
    @Test func withoutTimesTheLaterRowWins() throws {
        let program = try ProcessorTests.Program()
        let first = try FormExport.csv(FormImportTests.header + "ana@example.net,Ana,mentee,technical,UTC,English\n", headerMap: [:])
        _ = try program.app.importFormExport(first, source: "a.csv", now: program.now, dryRun: false)
        let export = try FormExport.csv(FormImportTests.header + "ana@example.net,Ana,mentee,technical,UTC,English\n"
                                        + "ANA@example.net,Ana,mentee,career,Europe/Madrid,Spanish\n", headerMap: [:])
        let report = try program.app.importFormExport(export, source: "b.csv", now: program.now, dryRun: false)
        #expect(report.rejected.isEmpty && report.updated == ["ana@example.net"], "\(report)")
        #expect(report.replaced == [.init(row: 2, email: "ana@example.net", keptRow: 3)])
        #expect(report.notes.first?.text.contains("further down the sheet") == true, "\(report.notes)")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.timeZone == "Europe/Madrid")
    }

    /// A later answer that cannot be imported alone does not hide the earlier one that can: the
    /// earlier is imported, and the later is read over it as any row for someone known.
    @Test func anInvalidLaterAnswerLeavesTheValidOneImported() throws {
        let program = try ProcessorTests.Program()
        let export = try FormExport.csv(FormImportTests.header + "cleo@example.net,Cleo,mentee,technical,UTC,English\n"
                                        + "cleo@example.net,Cleo,,technical,UTC,English\n", headerMap: [:])
        let report = try program.app.importFormExport(export, source: "c.csv", now: program.now, dryRun: false)
        #expect(report.added == ["cleo@example.net"], "\(report)")
        #expect(report.replaced.isEmpty, "\(report)")
        #expect(try program.database.participant(email: "cleo@example.net")?.profile.role == "mentee")
    }

    @Test func submissionTimesReadTheFormatsFormToolsWrite() {
        #expect(SubmissionTime.keys(["2026/11/01 01:00:00 PM GMT+1", "2026/11/01 12:30:00 PM GMT+1"]) == [2026_11_01_130000, 2026_11_01_123000])
        #expect(SubmissionTime.keys(["11/3/2026 9:05:00", "3/13/2026 9:05:00"]) == [2026_11_03_090500, 2026_03_13_090500], "month first")
        #expect(SubmissionTime.keys(["11/3/2026 9:05:00", "13/3/2026 9:05:00"]) == [2026_03_11_090500, 2026_03_13_090500], "day first")
        // Nothing tells 3 November from 11 March: the export's own order stands.
        #expect(SubmissionTime.keys(["11/3/2026 9:05:00", "3/11/2026 9:05:00"]) == [nil, nil])
        #expect(SubmissionTime.keys(["2026-11-03 09:05:07", "2026-11-03T21:05:07Z"]) == [2026_11_03_090507, 2026_11_03_210507])
        #expect(SubmissionTime.keys(["", "yesterday"]) == [nil, nil])
    }
}
