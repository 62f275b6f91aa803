import Foundation
import Mail
@testable import MentorMail
import Testing

/// A form we sent long ago, quoted under a late reply, is not the person's answer: their
/// profile has moved on since.
@Suite struct StaleQuotedFormTests {
    let workflow = EnrollmentWorkflowTests()

    func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    }

    func mail(_ body: String, subject: String, inReplyTo: String? = nil) -> String {
        "From: Chloé Martin <chloe@example.fr>\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.fr>\r\n"
            + (inReplyTo.map { "In-Reply-To: <\($0)>\r\nReferences: <\($0)>\r\n" } ?? "")
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// Finding: six months on, Chloé (a mentor by then) asked "Est-ce que le programme existe
    /// toujours ?" under our first, pre-filled form: the quoted form made her a mentee again,
    /// without her capacity, and her question reached no one.
    @Test func aLateQuestionUnderTheFirstFormLeavesTheProfileAsItIsNow() throws {
        let program = try ProcessorTests.Program()
        let day: TimeInterval = 86_400
        /// Runs one message at `days` after the start; returns the answers it caused.
        func exchange(_ raw: String, days: Double) throws -> [Message] {
            let before = program.outbox.sentFiles().count
            try program.arrive(raw)
            _ = try program.run(at: program.now.addingTimeInterval(days * day))
            return try program.sent().suffix(from: before).map { $0 }
        }
        let first = try #require(try exchange(mail("Bonjour, je voudrais être mentorée en documentation. J'habite à Paris et je parle français et anglais.",
                                                   subject: "Mentorat"), days: 0).first)
        #expect(first.textBody?.contains("Role: mentee") == true, "\(first.textBody ?? "")")
        _ = try exchange(mail("""
            Role: mentee
            Name: Chloé Martin
            Mentoring type: technical
            Areas: documentation
            Time zone: Europe/Paris
            Languages: French, English
            Interaction: email
            """, subject: "Re: \(first.subject ?? "")", inReplyTo: first.messageID), days: 1)
        #expect(try program.database.participant(email: "chloe@example.fr")?.profile.role == "mentee")
        _ = try exchange(mail("Role: mentor\nCapacity: 1", subject: "Changement"), days: 30)
        let before = try #require(try program.database.participant(email: "chloe@example.fr")?.profile)
        #expect(before.role == "mentor" && before.capacity == 1)

        try program.arrive(mail("Désolée pour la réponse tardive ! Est-ce que le programme existe toujours ?\n\nLe 2 nov. 2026, OpenStack Mentoring a écrit :\n"
                                + quoted(first.textBody ?? ""), subject: "Re: \(first.subject ?? "")", inReplyTo: first.messageID))
        let report = try program.run(at: program.now.addingTimeInterval(180 * day))
        let after = try #require(try program.database.participant(email: "chloe@example.fr")?.profile)
        let last = try program.database.inboundMessages().last
        #expect(after.role == "mentor" && after.capacity == 1, "the quoted old form changed nothing: \(last?.intent ?? "") \(last?.rule ?? "")")
        #expect(report.held == 1, "her question goes to the coordinators")
        let record = try #require(try program.database.inboundMessages().last)
        #expect(record.disposition == .held, "\(record.intent) \(record.note ?? "")")
    }
}

/// What we pre-filled in the form from a first message stands when the reply gives only the
/// lines to add or change: the form asked them to "change what is wrong and fill in the rest".
@Suite struct PrefilledFormStandsTests {
    /// Finding: Dieter's first mail (in German) pre-filled role, areas, city, languages and
    /// capacity; he replied with only "Mentoring type: both" and "Interaction: video, IRC",
    /// without quoting the form: everything pre-filled was dropped and asked for again.
    @Test func aReplyWithOnlyNewLinesKeepsWhatThePrefilledFormSaid() throws {
        let program = try ProcessorTests.Program()
        let workflow = EnrollmentWorkflowTests()
        let dieter = "Dieter Vogel <dieter@example.de>"
        let form = try #require(try workflow.exchange(program, workflow.mail(from: dieter, subject: "Mentoring", body: """
            Hallo, ich würde gerne Mentor sein. Ich wohne in München und arbeite an Keystone. Ich spreche Deutsch und Englisch.
            Ich kann zwei Mentees betreuen.
            """)).first)
        let sent = form.textBody ?? ""
        #expect(sent.contains("Role: mentor") && sent.contains("Capacity: 2"), "\(sent)")
        let reply = "From: \(dieter)\r\nTo: mentoring@example.org\r\nSubject: Re: \(form.subject ?? "")\r\nMessage-ID: <d2@example.de>\r\n"
            + "In-Reply-To: <\(form.messageID ?? "")>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMentoring type: both\r\nInteraction: video, IRC\r\n"
        let answer = try #require(try workflow.exchange(program, reply).first?.textBody)
        let profile = try #require(try program.database.participant(email: "dieter@example.de")?.profile)
        #expect(profile.role == "mentor" && profile.capacity == 2, "\(answer)")
        #expect(profile.areas == ["keystone"] && profile.timeZone == "Europe/Berlin", "\(answer)")
        #expect(profile.languages == ["German", "English"], "\(answer)")
        #expect(profile.mentoringTypes.sorted() == ["career", "technical"] && profile.interactions == ["video", "irc"], "\(answer)")
        #expect(!answer.contains("(missing)"), "\(answer)")
    }

    /// Finding (N-3): "Mentorng tpye: both" and "Intraction: Video, IRC" under the pre-filled
    /// form were "kept with your profile as written", and the type was asked for again.
    @Test func misspeltLabelsInAPartialReplyAreReadAsTheFormsLines() throws {
        let program = try ProcessorTests.Program()
        let workflow = EnrollmentWorkflowTests()
        let dieter = "Dieter Vogel <dieter@example.de>"
        let form = try #require(try workflow.exchange(program, workflow.mail(from: dieter, subject: "Mentoring", body: """
            Hallo, ich würde gerne Mentor sein. Ich wohne in München und arbeite an Keystone. Ich spreche Deutsch.
            """)).first)
        let reply = "From: \(dieter)\r\nTo: mentoring@example.org\r\nSubject: Re: \(form.subject ?? "")\r\nMessage-ID: <d3@example.de>\r\n"
            + "In-Reply-To: <\(form.messageID ?? "")>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Mentorng tpye: both\r\nIntraction: Video, IRC\r\nLanguges: German, English\r\n"
        let answer = try #require(try workflow.exchange(program, reply).first?.textBody)
        let profile = try #require(try program.database.participant(email: "dieter@example.de")?.profile)
        #expect(profile.mentoringTypes.sorted() == ["career", "technical"] && profile.interactions == ["video", "irc"], "\(answer)")
        #expect(profile.languages == ["German", "English"], "\(answer)")
        #expect(answer.contains("We read “Mentorng tpye” as “Mentoring type”"), "\(answer)")
        #expect(answer.contains("We read “Intraction” as “Interaction”"), "\(answer)")
        #expect(!answer.contains("as written") && !answer.contains("(missing)"), "\(answer)")
    }

    /// The same in Spanish: "Tipo de mentroía" and "Idomas" are the form's lines.
    @Test func misspeltSpanishLabelsAreReadToo() throws {
        let program = try ProcessorTests.Program()
        let workflow = EnrollmentWorkflowTests()
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: "Lucía Pérez <lucia@example.es>", subject: "Mentoría", body: """
            Rol: mentee
            Tipo de mentroía: profesional
            Áreas: documentación
            Zona horaria: Europe/Madrid
            Idomas: español, inglés
            """)).first?.textBody)
        let profile = try #require(try program.database.participant(email: "lucia@example.es")?.profile)
        #expect(profile.mentoringTypes == ["career"] && profile.languages == ["Spanish", "English"], "\(answer)")
        #expect(answer.contains("«Idomas»") && answer.contains("«Idiomas»"), "\(answer)")
    }

    /// A short label is never read as a near one, nor a word of its own as a line it spells
    /// nearly: "Note:" is not "Name:", "Mentee:" not "Mentees:" (the capacity).
    @Test func shortOrRealWordLabelsAreNotReadAsNearLines() {
        for label in ["Note", "Mentee", "Mentor", "Mentors", "Update", "Status", "Question", "Hour", "Day", "Topic", "Rule", "Same", "Nom de famille",
                      "Timeline", "Language note", "Lang", "Mentoring goal", "Idea", "Answer", "Time", "Zone", "Meetings"] {
            #expect(SignupKey(label: label) == .unknown, "\(label): \(SignupKey(label: label))")
        }
        #expect(SignupKey(label: "Languges") == .field(.languages))
        #expect(SignupKey(label: "Time zome") == .field(.timeZone))
        #expect(SignupKey(label: "Zona horara") == .field(.timeZone))
        #expect(SignupKey(label: "Fuseau horair") == .field(.timeZone) && SignupKey(label: "Zeitzon") == .field(.timeZone))
        #expect(SignupKey(label: "Disponibilidda") == .field(.availability) && SignupKey(label: "Capacty") == .field(.capacity))
    }

    /// Finding (F-a): an answer with lines to fix said both "We can match you only once the
    /// lines above are fixed" and "you will be matched in it".
    @Test func anAnswerWithLinesToFixDoesNotPromiseAMatch() throws {
        let program = try ProcessorTests.Program()
        let workflow = EnrollmentWorkflowTests()
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: "Role: mentee\nMentoring type: technical\nLanguages: English")).first?.textBody)
        #expect(answer.contains("only once the lines above are fixed"), "\(answer)")
        #expect(!answer.contains("you will be matched") && !answer.contains("you get ONE introduction"), "\(answer)")
    }
}
