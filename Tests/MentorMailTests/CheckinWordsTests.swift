import Foundation
import GRDB
import Mail
@testable import MentorMail
import Testing

/// Check-in replies as people write them, through `process` on a Maildir: our own survey text
/// sent back is no answer, notes that only point or promise answers are none, and each person
/// gets one answer per run that tells the pair's final state.
@Suite struct CheckinWordsTests {
    static let day: TimeInterval = 86_400

    /// A program with one pair (Ana García, mentee; Bob Martin, mentor), introduced, and its
    /// check-in surveys sent on day 90. `spanish` names those whose mail is in Spanish.
    func surveyed(spanish: Set<String> = [], days: Int = 90) throws -> ProcessorTests.Program {
        let program = try ProcessorTests.Program()
        _ = try program.app.openRound(name: "R", closesAt: program.now.addingTimeInterval(30 * Self.day), now: program.now)
        try program.database.write { db in
            let round = try AppDatabase.openRound(db)?.id
            for (email, role, name) in [("bob@example.org", "mentor", "Bob Martin"), ("ana@example.net", "mentee", "Ana García")] {
                var profile = MatchingWorkflowTests.profile(role, name, capacity: role == "mentor" ? 1 : 0)
                if spanish.contains(name) { profile.mailLanguage = "es" }
                _ = try AppDatabase.upsertProfile(db, email: email, profile: profile, status: .active, source: "t", origin: "email", roundID: round, now: program.now)
            }
        }
        _ = try program.app.proposeMatches(round: "R", method: .optimal, dryRun: false, now: program.now)
        _ = try program.app.decideProposal(round: "R", approve: true, now: program.now)
        _ = try program.run()
        _ = try program.run(at: program.now.addingTimeInterval(Double(days) * Self.day))
        return program
    }

    func mail(to address: String, _ program: ProcessorTests.Program) throws -> [Message] {
        try program.sent().filter { $0.to.map(\.normalized) == [address] }
    }

    func survey(to address: String, _ program: ProcessorTests.Program) throws -> Message {
        try #require(try mail(to: address, program).last { $0.inReplyTo == nil && ($0.textBody?.contains("4. ") == true) && $0.subject?.contains("Reminder") != true
            && $0.textBody?.contains("1 = ") == true })
    }

    /// Delivers a plain-text reply from `name <address>` to `original`.
    func reply(_ program: ProcessorTests.Program, from name: String, _ address: String, to original: Message, _ body: String,
               file: String = UUID().uuidString) throws {
        try program.arrive("From: \(name) <\(address)>\r\nTo: mentoring@example.org\r\nSubject: Re: \(original.subject ?? "")\r\n"
                           + "Message-ID: <\(UUID().uuidString)@example.org>\r\nIn-Reply-To: <\(original.messageID ?? "")>\r\n"
                           + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                           + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n", name: file)
    }

    /// A program whose two sides answer their surveys in one run, Ana's reply read first or not;
    /// returns it and the mail it sent in that run.
    func bothAnswer(ana: String, bob: String, anaFirst: Bool, spanish: Set<String> = []) throws -> (ProcessorTests.Program, [Message]) {
        let program = try surveyed(spanish: spanish)
        let anas = try survey(to: "ana@example.net", program)
        let bobs = try survey(to: "bob@example.org", program)
        let before = try program.sent().count
        try reply(program, from: "Ana García", "ana@example.net", to: anas, ana, file: anaFirst ? "1" : "2")
        try reply(program, from: "Bob Martin", "bob@example.org", to: bobs, bob, file: anaFirst ? "2" : "1")
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        return (program, Array(try program.sent().dropFirst(before)))
    }

    func surveys(_ program: ProcessorTests.Program) throws -> [Survey] {
        try program.database.read { try Survey.fetchAll($0) }
    }

    /// The text of the survey from its greeting to its signature, as a reply that copies it unquoted carries it.
    func body(of survey: Message) -> String {
        let text = survey.textBody ?? ""
        return String(text[..<(text.range(of: "\n-- ")?.lowerBound ?? text.endIndex)])
    }

    /// Finding F-n: Ana's reply was our Spanish survey itself, unquoted, with no answer typed:
    /// the hints became a rating of 1, "no" and a fit, and question 5 the note.
    @Test func ourSurveySentBackUnquotedAnswersNothing() throws {
        let program = try surveyed(spanish: ["Ana García"])
        let survey = try survey(to: "ana@example.net", program)
        #expect(survey.textBody?.contains("(sí / no / a veces)") == true)
        // The whole survey, and the question lines alone, their hints cut onto the next line.
        let cut = (survey.textBody ?? "").split(separator: "\n").filter { $0.first?.isNumber == true }
            .flatMap { line -> [String] in
                guard let open = line.firstIndex(of: "(") else { return [String(line)] }
                return [String(line[..<open]), String(line[open...])]
            }.joined(separator: "\n")
        try reply(program, from: "Ana García", "ana@example.net", to: survey, body(of: survey))
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        try reply(program, from: "Ana García", "ana@example.net", to: survey, cut)
        _ = try program.run(at: program.now.addingTimeInterval(92 * Self.day))

        let ana = try #require(try surveys(program).first { $0.side == .mentee })
        #expect(ana.answers.answered.isEmpty, "\(ana.answers)")
        #expect(ana.answeredAt == nil)
        let answers = try mail(to: "ana@example.net", program).filter { $0.inReplyTo != nil }
        try #require(answers.count == 2)
        for answer in answers {
            let text = answer.textBody ?? ""
            #expect(text.contains("No hemos podido leer ninguna respuesta") && !text.contains("1 de 5"), "\(text)")
        }
    }

    /// Finding F-o: "Respuestas abajo." above Lucía's answers was passed on as a remark, and
    /// Kim's "I will answer this next week" became a note instead of leaving the survey open.
    @Test func aPointerAboveTheAnswersAndAPromiseToAnswerLaterAreNoNotes() throws {
        let program = try surveyed(spanish: ["Ana García"])
        let anas = try survey(to: "ana@example.net", program)
        let answers = ["1.": "4", "2.": "sí", "3.": "buena combinación", "4.": "continuar", "5.": "nada"]
        let interleaved = body(of: anas).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let answer = answers.first { line.hasPrefix($0.key) }.map { "\n" + $0.value } ?? ""
            return "> " + line + answer
        }.joined(separator: "\n")
        try reply(program, from: "Ana García", "ana@example.net", to: anas, "Respuestas abajo.\n\n" + interleaved)
        let bobs = try survey(to: "bob@example.org", program)
        try reply(program, from: "Bob Martin", "bob@example.org", to: bobs, "Sorry, I will answer this next week when I have more time.\n\nBob")
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))

        let ana = try #require(try surveys(program).first { $0.side == .mentee })
        #expect(ana.answers.isComplete && ana.answers.note == nil, "\(ana.answers)")
        let anaText = try #require(try mail(to: "ana@example.net", program).last?.textBody)
        #expect(!anaText.contains("No hemos podido colocar"), "\(anaText)")
        let bob = try #require(try surveys(program).first { $0.side == .mentor })
        #expect(bob.answers.answered.isEmpty && bob.answeredAt == nil, "\(bob.answers)")
        let bobText = try #require(try mail(to: "bob@example.org", program).last?.textBody)
        #expect(bobText.contains("wait for your answers") && !bobText.contains("For the coordinators"), "\(bobText)")
        let notices = try program.database.read { try DigestNotice.fetchAll($0) }.map(\.detail)
        #expect(!notices.contains { $0.contains("could not read") || $0.contains("left a note") }, "\(notices)")
    }

    /// Finding (X5, minor): "Sorry for the delay!" above a late answer became a note for the
    /// coordinators ("read the note and answer it"). An apology, beside thanks or a greeting, is
    /// no note, in any of the languages read, above numbered answers or in a sentence.
    @Test(arguments: [
        "Sorry for the delay!\n\n1. 4\n2. yes\n3. good fit\n4. continue",
        "Hi, so sorry for the late reply, thanks for waiting.\n\n4, yes, good fit, continue",
        "Perdón por la demora.\n\n1. 4\n2. sí\n3. buena combinación\n4. continuar",
        "Désolée pour le retard !\n\n4, oui, bonne entente, continuer",
    ])
    func anApologyForTheDelayIsNoNote(text: String) throws {
        let program = try surveyed()
        try reply(program, from: "Ana García", "ana@example.net", to: try survey(to: "ana@example.net", program), text)
        _ = try program.run(at: program.now.addingTimeInterval(98 * Self.day))
        let ana = try #require(try surveys(program).first { $0.side == .mentee })
        #expect(ana.answers.isComplete && ana.answers.note == nil, "\(text): \(ana.answers)")
        let notices = try program.database.read { try DigestNotice.fetchAll($0) }.map(\.detail)
        #expect(!notices.contains { $0.contains("could not read") || $0.contains("left a note") }, "\(notices)")
    }

    /// Finding F-p (a): João changed his answer under his open check-in with "And actually we
    /// would like to graduate": the new wish was dropped and his earlier "continue" stood.
    @Test func aWishToGraduateBesideNumberedAnswersChangesWhatNext() throws {
        let program = try surveyed()
        let bobs = try survey(to: "bob@example.org", program)
        try reply(program, from: "Bob Martin", "bob@example.org", to: bobs, "4, yes, still deciding, continue")
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        try reply(program, from: "Bob Martin", "bob@example.org", to: bobs, "3. good fit\nAnd actually we would like to graduate, I learned a lot!")
        _ = try program.run(at: program.now.addingTimeInterval(92 * Self.day))
        let bob = try #require(try surveys(program).first { $0.side == .mentor })
        #expect(bob.answers.next == .graduate && bob.answers.fit == .good, "\(bob.answers)")
        let text = try #require(try mail(to: "bob@example.org", program).last { $0.inReplyTo != nil }?.textBody)
        #expect(text.contains("4. What next: graduate"), "\(text)")
    }

    /// Finding F-p (b): Lucía's "ya terminamos" under the introduction was held, although
    /// "we're done" there graduates.
    @Test func doneInOtherLanguagesUnderTheIntroductionGraduates() throws {
        for words in ["Hola, ya terminamos: Bob está listo. ¡Gracias por todo!", "Bonjour, on a terminé, merci pour tout !"] {
            let program = try surveyed(spanish: ["Ana García"], days: 30)
            let introduction = try #require(try program.sent().first { $0.to.map(\.normalized).contains("ana@example.net") })
            try reply(program, from: "Ana García", "ana@example.net", to: introduction, words)
            _ = try program.run(at: program.now.addingTimeInterval(31 * Self.day))
            #expect(try program.database.pairs().map(\.status) == ["graduated"], "\(words)")
        }
    }

    /// Finding F-p (c): told the pair goes on because she preferred to continue, Lucía answered
    /// "Yo también quiero graduarnos. graduate": held as a remark. The mail says a reply
    /// "graduate" graduates the pair, and such a reply does.
    @Test func graduateUnderTheGoesOnMailGraduatesThePair() throws {
        let program = try surveyed(spanish: ["Ana García"])
        let anas = try survey(to: "ana@example.net", program)
        try reply(program, from: "Ana García", "ana@example.net", to: anas, "4, sí, buena combinación, continuar")
        _ = try program.run(at: program.now.addingTimeInterval(91 * Self.day))
        try program.arrive("From: Bob Martin <bob@example.org>\r\nTo: mentoring@example.org\r\nSubject: Graduation\r\n"
                           + "Message-ID: <g1@example.org>\r\n\r\nHi, we would like to graduate, Ana and I agreed.\r\n")
        _ = try program.run(at: program.now.addingTimeInterval(92 * Self.day))
        #expect(try program.database.pairs().map(\.status) != ["graduated"])
        let goesOn = try #require(try mail(to: "ana@example.net", program).last)
        #expect(goesOn.textBody?.contains("responde \"graduarnos\"") == true, "\(goesOn.textBody ?? "")")
        try reply(program, from: "Ana García", "ana@example.net", to: goesOn, "¡No! Yo también quiero graduarnos. graduate")
        _ = try program.run(at: program.now.addingTimeInterval(93 * Self.day))
        #expect(try program.database.pairs().map(\.status) == ["graduated"])
        #expect(try program.database.inboundMessages().allSatisfy { $0.disposition != .held })
    }

    /// Finding F-u: both sides answered "graduate" in one run; Zoe, read first, got both "yours
    /// graduates once Omar agrees" and "congratulations on graduating". Each answer tells the final state.
    @Test func bothGraduatingInOneRunAreEachToldOnlyThatThePairGraduated() throws {
        for anaFirst in [true, false] {
            let (program, sent) = try bothAnswer(ana: "4, sí, buena combinación, graduarnos", bob: "5, yes, good fit, graduate",
                                                 anaFirst: anaFirst, spanish: ["Ana García"])
            #expect(try program.database.pairs().map(\.status) == ["graduated"])
            for address in ["ana@example.net", "bob@example.org"] {
                let answers = sent.filter { $0.to.map(\.normalized) == [address] && $0.inReplyTo != nil }.compactMap(\.textBody)
                #expect(answers.count == 1, "\(address): \(answers)")
                #expect(answers.allSatisfy { !$0.contains("once") && !$0.contains("en cuanto") }, "\(anaFirst): \(answers)")
            }
        }
    }

    /// Finding F-n (its second half): Ana was asked for question 4 in the run in which she was
    /// told the pair had ended.
    @Test func anAnswerInTheRunThatEndsThePairAsksNothingMore() throws {
        for anaFirst in [true, false] {
            let (program, sent) = try bothAnswer(ana: "4, yes", bob: "2, no, not a good fit, need a new match", anaFirst: anaFirst)
            #expect(try program.database.pairs().map(\.status) == ["ended"])
            let answers = sent.filter { $0.to.map(\.normalized) == ["ana@example.net"] && $0.inReplyTo != nil }
            #expect(answers.count == 1)
            #expect(answers.allSatisfy { $0.textBody?.contains("Please reply with just these") == false }, "\(anaFirst): \(answers.compactMap(\.textBody))")
        }
    }
}

