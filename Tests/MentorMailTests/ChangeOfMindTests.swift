import Foundation
import Mail
@testable import MentorMail
import Testing

/// A change of mind in words ("career, not technical", "IRC instead of email") changes that
/// field, fresh or under our confirmation; an answer never says nothing changed when the words
/// asked for a change.
@Suite struct ChangeOfMindTests {
    let workflow = EnrollmentWorkflowTests()
    let vocabulary = EnrollmentVocabulary.openStackDefault

    func raw(subject: String, body: String, inReplyTo: Message? = nil) -> String {
        "From: Ana Souza <ana@example.net>\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n"
            + (inReplyTo.map { "In-Reply-To: <\($0.messageID ?? "")>\r\n" } ?? "")
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// Ana signs up with the form, then answers `text` above her quoted confirmation; the answer's text.
    func replyUnderConfirmation(_ program: ProcessorTests.Program, _ text: String) throws -> String {
        let confirmation = try #require(try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form)).first)
        let quoted = (confirmation.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let body = text + "\n\nOn Mon, 2 Nov 2026, Test Mentoring <mentoring@example.org> wrote:\n" + quoted
        return try #require(try workflow.exchange(program, raw(subject: "Re: \(confirmation.subject ?? "")", body: body, inReplyTo: confirmation))
            .first?.textBody)
    }

    @Test func theReaderFindsWhatIsWantedAndWhatIsSetAside() {
        func read(_ text: String) -> [String] {
            ChangeOfMind.read(OwnText(text), vocabulary: vocabulary).map { "\($0.field.label): +\($0.wanted.joined(separator: "+")) -\($0.setAside.joined(separator: "-"))" }
        }
        #expect(read("Hi again, actually make it career, not technical. Sorry for the back and forth!") == ["Mentoring type: +career -technical"])
        #expect(read("Actually I'd rather have career mentoring instead of technical.") == ["Mentoring type: +career -technical"])
        #expect(read("career instead of technical please") == ["Mentoring type: +career -technical"])
        #expect(read("I'd rather do career than technical mentoring") == ["Mentoring type: +career -technical"])
        #expect(read("IRC, not email.") == ["Interaction: +irc -email"])
        #expect(read("Cinder rather than Nova, please") == ["Areas: +cinder -nova"])
        #expect(read("Lieber Karriere statt technisch.") == ["Mentoring type: +career -technical"])
        // Nothing set aside, or nothing wanted: no change of mind.
        #expect(read("I'd like technical and career mentoring").isEmpty)
        #expect(read("I'm not technical at all").isEmpty)
        #expect(read("I'll email you, not now").isEmpty)
    }

    /// A sign-up that sets a kind aside does not ask for both.
    @Test func aFirstMailThatSetsAKindAsideAsksForTheOther() {
        let prose = ProseSignup.read(text: "Hi! I'm looking for career mentoring, not technical. I prefer IRC, not email.", vocabulary: vocabulary)
        #expect(prose.mentoringType == "career")
        #expect(prose.interaction == "irc")
        #expect(MentoringKind(answer: "career, not technical") == .career)
        #expect(MentoringKind(answer: "technical rather than career") == .technical)
        #expect(InteractionStyle.read("IRC, not email").styles == [.irc])
    }

    /// Finding (F6): "actually make it career, not technical" in a fresh mail was answered
    /// "could not tell what you would like us to do", and the profile kept "technical".
    @Test func aFreshMailChangesTheKind() throws {
        for body in ["Hi again, actually make it career, not technical. Sorry for the back and forth!",
                     "career instead of technical please"] {
            let program = try ProcessorTests.Program()
            _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
            let answer = try #require(try workflow.exchange(program, raw(subject: "mentoring type", body: body)).first?.textBody)
            #expect(!answer.contains("could not tell"), "\(body): \(answer)")
            #expect(answer.contains("Your profile is updated") && answer.contains("Mentoring type: career\n"), "\(body): \(answer)")
            // The value set aside is part of the change made, not words to place nor a line to send back.
            #expect(!answer.contains("could not place") && !answer.contains("Mentoring type: technical"), "\(body): \(answer)")
            #expect(try program.database.participant(email: "ana@example.net")?.profile.mentoringTypes == ["career"])
        }
    }

    /// Finding (F6): the same under the confirmation was told "Nothing changed in your profile:
    /// what we read in your message is what we already had".
    @Test func aReplyUnderTheConfirmationChangesTheKindAndTheWays() throws {
        let program = try ProcessorTests.Program()
        let answer = try replyUnderConfirmation(program, "Actually I'd rather have career mentoring instead of technical. And IRC, not video.")
        #expect(!answer.contains("Nothing changed") && answer.contains("Your profile is updated"), "\(answer)")
        #expect(!answer.contains("could not place"), "\(answer)")
        let profile = try #require(try program.database.participant(email: "ana@example.net")?.profile)
        #expect(profile.mentoringTypes == ["career"])
        #expect(profile.interactions == ["irc"])
        #expect(profile.areas == ["nova", "documentation"], "the rest stays")
    }

    /// Words that ask for a change we cannot make never read "what we read is what we already
    /// had": the answer names them and gives the line to send.
    @Test func wordsOfAChangeNotMadeAreNotSaidToMatchTheProfile() throws {
        let answer = try replyUnderConfirmation(try ProcessorTests.Program(), "I think career mentoring would suit me better now.")
        #expect(!answer.contains("what we already had"), "\(answer)")
        #expect(answer.contains("If you meant a change, reply with just this line:\n  Mentoring type: career\n"), "\(answer)")
    }

    /// A change asked for without naming what it sets aside: "switch me over to career
    /// mentoring" replaces the kind, "I can also do email" adds a way to meet, "please drop
    /// IRC" removes one, in a fresh mail, in the program's main languages. Before, each was
    /// answered with a line to send, or (the added way) replaced every other way to meet.
    @Test func aFreshMailSwitchesAddsOrDrops() throws {
        let cases: [(String, (ParticipantProfile) -> Bool, String)] = [
            ("Please switch me over to career mentoring.", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("Hi, could you change my mentoring type to career please. Thanks!", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("Switch me from technical to career mentoring, please.", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("Actually, career mentoring instead please.", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("Cámbiame a mentoría de carrera, por favor.", { $0.mentoringTypes == ["career"] }, "career"),
            ("Bitte auf Karriere umstellen, danke.", { $0.mentoringTypes == ["career"] }, "career"),
            ("I can also do email now.", { $0.interactions == ["irc", "video", "email"] }, "Interaction: IRC, video, email\n"),
            ("Please drop IRC.", { $0.interactions == ["video"] }, "Interaction: video\n"),
            ("Please add Cinder to my areas.", { $0.areas == ["nova", "documentation", "cinder"] && $0.freeTextAreas == ["bare metal provisioning"] },
             "Areas: Nova, documentation, Cinder; kept as free text: bare metal provisioning\n"),
            ("Hallo, ich kann jetzt auch Videocalls machen. Bitte IRC streichen.", { $0.interactions == ["video"] }, "Interaction: video\n"),
            ("Bitte IRC aus meinen Kontaktwegen streichen.", { $0.interactions == ["video"] }, "video\n"),
            ("Wait, I meant IRC AND email, please keep IRC too.", { $0.interactions == ["irc", "video", "email"] }, "Interaction: IRC, video, email\n"),
            // Asked as a question, a change we can make is made, not held for the coordinators.
            ("Could you switch me to career mentoring?", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("Bonjour, pourriez-vous me passer au mentorat de carrière plutôt que technique ?", { $0.mentoringTypes == ["career"] }, "career"),
            // In Japanese and Chinese (finding: "could not tell what you would like us to do").
            ("技術ではなくキャリアのメンタリングだけにしてください。", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("キャリアに変更してください。", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("请把我改成职业指导，谢谢。", { $0.mentoringTypes == ["career"] }, "Mentoring type: career\n"),
            ("Remove Nova from my areas please, I moved on to docs.", { $0.areas == ["documentation"] }, "Areas: documentation; kept as free text: bare metal provisioning\n"),
        ]
        for (body, holds, shown) in cases {
            let program = try ProcessorTests.Program()
            _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
            let answer = try #require(try workflow.exchange(program, raw(subject: "my profile", body: body)).first?.textBody)
            let profile = try #require(try program.database.participant(email: "ana@example.net")?.profile)
            #expect(holds(profile), "\(body): \(profile)")
            #expect(answer.contains("Your profile is updated") && answer.contains(shown), "\(body): \(answer)")
            #expect(!answer.contains("could not place") && !answer.contains("If you meant a change"), "\(body): \(answer)")
        }
    }

    /// Finding: "I moved to Tokyo last month, so please update my details" was answered "could
    /// not tell what you would like us to do". A move (not a place said in passing) gives the time
    /// zone; a question beside it still goes to the coordinators.
    @Test func aMoveGivesTheTimeZone() throws {
        let cases: [(String, String?)] = [
            ("I moved to Tokyo last month, so please update my details.", "Asia/Tokyo"),
            ("Hi! I have relocated to Berlin.", "Europe/Berlin"),
            ("Me mudé a Madrid el mes pasado.", "Europe/Madrid"),
            ("Ich wohne jetzt in Berlin.", "Europe/Berlin"),
            ("I'll be in Berlin next week for a conference, nothing to change.", nil),
        ]
        for (body, zone) in cases {
            let program = try ProcessorTests.Program()
            _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
            let answer = try #require(try workflow.exchange(program, raw(subject: "news", body: body)).first?.textBody)
            let profile = try #require(try program.database.participant(email: "ana@example.net")?.profile)
            #expect(profile.timeZone == zone ?? "America/Sao_Paulo", "\(body): \(answer)")
            // (The Spanish one is answered in Spanish.)
            if let zone { #expect(answer.contains(": \(zone) ("), "\(body): \(answer)") }
        }
    }

    /// Words that only look like a switch change nothing: a change of career in passing, a
    /// place moved to, a way to meet named without asking for it.
    @Test func wordsThatOnlyLookLikeASwitchChangeNothing() {
        func read(_ text: String) -> [ChangeOfMind] { ChangeOfMind.read(OwnText(text), vocabulary: vocabulary) }
        #expect(read("I'd like to change careers eventually, technical mentoring has been great so far.").isEmpty)
        #expect(read("I moved to Berlin last month.").isEmpty)
        #expect(read("We talked on IRC yesterday, it went well.").isEmpty)
        #expect(read("I'm not technical at all").isEmpty)
    }

    /// Finding: a mentor in a pair who raised his capacity ("ich kann jetzt zwei Mentees
    /// betreuen") was told only "no round is open right now, so you wait in the pool", as if
    /// he had no mentee. The answer says his mentoring goes on, and that the rest is about a
    /// further mentee.
    @Test func aMentorWithAFreePlaceIsToldHisMentoringGoesOn() throws {
        let program = try ProcessorTests.Program()
        try CoordinatorParticipationTests.approvePair(in: program)
        _ = try program.run()
        let before = try program.sent().count
        try program.arrive("From: Maria <maria@example.org>\r\nTo: mentoring@example.org\r\nSubject: capacity\r\n"
                            + "Message-ID: <\(UUID().uuidString)@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                            + "Hi, I can take two mentees now.\r\n")
        _ = try program.run(at: program.now.addingTimeInterval(3_600))
        let answer = try #require(try program.sent().dropFirst(before).first { $0.to.map(\.normalized) == ["maria@example.org"] }?.textBody)
        #expect(try program.database.participant(email: "maria@example.org")?.profile.capacity == 2, "\(answer)")
        #expect(answer.contains("Your mentoring with Ana Ruiz goes on; what follows is about a further mentee."), "\(answer)")
    }

    /// Found by real mail: "Bitte IRC streichen" from someone whose only way to meet is IRC
    /// changed nothing, and the answer did not say so (it read "IRC" as a way the profile
    /// holds). A removal that would leave the field empty is said back as words not placed.
    @Test func aRemovalThatWouldLeaveNothingIsSaidBack() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let answer = try #require(try workflow.exchange(program, raw(subject: "ways", body: "Please drop IRC and video.")).first?.textBody)
        #expect(try program.database.participant(email: "ana@example.net")?.profile.interactions == ["irc", "video"], "\(answer)")
        #expect(answer.contains("Nothing changed") && answer.contains("could not place") && answer.contains("\"Please drop IRC"), "\(answer)")
    }

    /// Found by real mail: a reply quoting our answer, whose "We could not place these words"
    /// paragraph follows the About me line, stored that paragraph as the About me; each later
    /// reply added another. Quoted, About me is the one line our mail shows.
    @Test func ourParagraphAfterAQuotedAboutMeIsNotTheirs() throws {
        let program = try ProcessorTests.Program()
        func quoted(_ answer: Message) -> String {
            "\n\nOn Mon, 2 Nov 2026, Test Mentoring <mentoring@example.org> wrote:\n"
                + (answer.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        }
        let confirmation = try #require(try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form)).first)
        let first = try #require(try workflow.exchange(program, raw(subject: "Re: \(confirmation.subject ?? "")",
                                                                   body: "Thanks. We talked on IRC yesterday, in the Nova channel." + quoted(confirmation),
                                                                   inReplyTo: confirmation)).first)
        #expect(first.textBody?.contains("We could not place these words") == true, "\(first.textBody ?? "")")
        for text in ["Thanks!", "I'd like to change careers eventually."] {
            _ = try workflow.exchange(program, raw(subject: "Re: \(first.subject ?? "")", body: text + quoted(first), inReplyTo: first))
            let aboutMe = try program.database.participant(email: "ana@example.net")?.profile.aboutMe
            #expect(aboutMe == "I fixed a few doc bugs and want to learn Nova.", "\(text): \(aboutMe ?? "")")
        }
    }

    /// Found by real mail: "I also speak French" under the confirmation was offered the line
    /// "Languages: French", which, sent, replaced German and English. The line offered keeps
    /// what the profile holds.
    @Test func aLineOfferedForAnAdditionKeepsTheRest() throws {
        let answer = try replyUnderConfirmation(try ProcessorTests.Program(), "Thanks. I also speak French.")
        #expect(answer.contains("If you meant a change, reply with just this line:\n  Languages: Portuguese, English, French\n"), "\(answer)")
    }

    /// Found by real mail: a paused participant who changed her areas was told "you wait in the
    /// pool … you will be matched in it" and invited to "pause".
    @Test func aPausedParticipantsChangeSaysSheIsPaused() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        _ = try workflow.exchange(program, raw(subject: "break", body: "pause"))
        #expect(try program.database.participant(email: "ana@example.net")?.status == .paused)
        let answer = try #require(try workflow.exchange(program, raw(subject: "areas", body: "Please add Cinder to my areas.")).first?.textBody)
        #expect(try program.database.participant(email: "ana@example.net")?.profile.areas.contains("cinder") == true, "\(answer)")
        #expect(answer.contains("your participation is paused, so you are not matched until") && answer.contains("To come back write"), "\(answer)")
        #expect(!answer.contains("you will be matched") && !answer.contains("To take a break"), "\(answer)")
    }

    /// Found by real mail: "Thanks!" above our quoted confirmation got the whole profile back,
    /// "what we read in your message is what we already had". Thanks alone is not answered.
    @Test func thanksAboveOurQuotedConfirmationIsNotAnswered() throws {
        let program = try ProcessorTests.Program()
        let confirmation = try #require(try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form)).first)
        let quoted = (confirmation.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        for thanks in ["Thanks!", "Great, thank you."] {
            let answers = try workflow.exchange(program, raw(subject: "Re: \(confirmation.subject ?? "")",
                                                             body: thanks + "\n\nOn Mon, 2 Nov 2026, Test Mentoring <mentoring@example.org> wrote:\n" + quoted,
                                                             inReplyTo: confirmation))
            #expect(answers.isEmpty, "\(thanks): \(answers.map { $0.textBody ?? "" })")
            #expect(try program.database.inboundMessages().last?.disposition == .ignored)
        }
    }
}
