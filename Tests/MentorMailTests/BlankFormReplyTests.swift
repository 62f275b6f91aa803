import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding D-6: "ok", "👍" or "yes" above the blank sign-up form we sent was answered "We
/// understood most of your form" with "Role: (missing)" and an assumed interaction, and made
/// the writer an incomplete participant, though nothing of the form was filled in.
@Suite struct BlankFormReplyTests {
    func reply(_ harness: ProcessorTests.Program, to form: Message, _ text: String, id: String) throws {
        let quoted = (form.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        let body = "\(text)\n\nOn Mon, 11 Jan 2027 at 09:00, Mentoring wrote:\n\(quoted)"
        try harness.arrive("From: Pete Brown <pete@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(form.subject ?? "")\r\n"
                           + "Message-ID: <\(id)@example.net>\r\nIn-Reply-To: <\(form.messageID ?? "")>\r\n"
                           + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    /// `first` (Pete's first mail) arrives and is answered with a form, and `text` is replied
    /// under that form: the form, and our answer to the reply.
    func answer(_ harness: ProcessorTests.Program, toFirst first: String, thenReply text: String) throws -> (form: Message, answer: String) {
        try harness.arrive(first)
        _ = try harness.run()
        let form = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["pete@example.net"] })
        try reply(harness, to: form, text, id: "p2")
        _ = try harness.run(at: harness.now.addingTimeInterval(600))
        return (form, try #require(try harness.sent().last { $0.to.map(\.normalized) == ["pete@example.net"] }?.textBody))
    }

    @Test(arguments: ["ok", "👍", "yes", "thanks!"])
    func aReplyWithNothingFilledInIsToldSoAndMakesNoRecord(text: String) throws {
        let harness = try ProcessorTests.Program()
        // An empty first mail gets the help and the blank form, with the From name on it.
        let (form, answer) = try answer(harness, toFirst: "From: Pete Brown <pete@example.net>\r\nTo: mentoring@example.org\r\nSubject: \r\n"
                                        + "Message-ID: <p1@example.net>\r\n\r\n", thenReply: text)
        #expect(form.textBody?.contains("Name: Pete Brown") == true, "\(form.textBody ?? "")")
        #expect(answer.contains("We found no filled-in lines in your reply"), "\(answer)")
        #expect(answer.contains("Role: (mentor, mentee, or both)"), "the form again: \(answer)")
        #expect(!answer.contains("understood most") && !answer.contains("assume"), "\(answer)")
        #expect(try harness.database.participant(email: "pete@example.net") == nil)
    }

    /// A form we pre-filled from their first mail, confirmed with "Looks good", is still read.
    @Test func aPrefilledFormConfirmedIsStillRead() throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive("From: Pete Brown <pete@example.net>\r\nTo: mentoring@example.org\r\nSubject: join\r\nMessage-ID: <p1@example.net>\r\n\r\n"
                           + "Hi, I'd like to be a mentee. I speak English. Based in Lisbon.\r\n")
        _ = try harness.run()
        let form = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["pete@example.net"] })
        try reply(harness, to: form, "Looks good", id: "p2")
        _ = try harness.run(at: harness.now.addingTimeInterval(600))
        let pete = try #require(try harness.database.participant(email: "pete@example.net"))
        #expect(pete.profile.languages == ["English"] && pete.profile.role == "mentee")
    }

    /// Finding F-4: the form we pre-filled from "I'm new here, not sure whether to be mentor or
    /// mentee. I speak English." had only "Languages: English"; "ok" above it was answered "We
    /// understood most of your form" and made an incomplete participant. A reply that adds
    /// nothing to our pre-fill says which lines we still need, keeps the pre-filled ones, and
    /// makes no record.
    @Test(arguments: ["ok", "yes 👍", "Thanks!\n\nPete"])
    func aReplyAddingNothingToAnIncompletePrefillSaysWhatIsStillNeeded(text: String) throws {
        let harness = try ProcessorTests.Program()
        let (form, answer) = try answer(harness, toFirst: "From: Pete Brown <pete@example.net>\r\nTo: mentoring@example.org\r\nSubject: hello\r\n"
            + "Message-ID: <p1@example.net>\r\n\r\nI'm new here, I'm not sure whether to be mentor or mentee. I speak English.\r\n", thenReply: text)
        #expect(form.textBody?.contains("Languages: English") == true, "\(form.textBody ?? "")")
        #expect(!answer.contains("understood most") && !answer.contains("assume"), "\(answer)")
        #expect(answer.contains("nothing has been stored yet"), "\(answer)")
        #expect(answer.contains("We still need: Role, Mentoring type, Areas and Time zone."), "\(answer)")
        #expect(answer.contains("Languages: English"), "the pre-filled line is kept: \(answer)")
        #expect(try harness.database.participant(email: "pete@example.net") == nil)
    }

    /// Finding (H8-4): "vale, perfecto" under the Spanish form we pre-filled was answered in
    /// English. A reply too short to tell its language is answered in the language of ours.
    @Test(arguments: ["vale, perfecto", "ok"])
    func aShortReplyUnderOurSpanishFormIsAnsweredInSpanish(text: String) throws {
        let harness = try ProcessorTests.Program()
        let (_, answer) = try answer(harness, toFirst: "From: Pepa Luna <pete@example.net>\r\nTo: mentoring@example.org\r\nSubject: hola\r\n"
            + "Message-ID: <p1@example.net>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHola, vivo en Sevilla y me interesa la documentación.\r\n",
                                     thenReply: text)
        #expect(answer.contains("no añadió nada"), "\(answer)")
    }
}

/// Finding G1: words of the person's own above a form we pre-filled without a role ("Ich möchte
/// Mentee sein. Technical mentoring please, video calls preferred.") were answered "Your reply
/// added nothing … nothing has been stored yet. We still need: Role, …" beside "You asked to join
/// as a mentee: we have filled that in". Sentences the sign-up reading understands are used as in
/// a first mail: with the pre-filled lines they make the record.
@Suite struct SentencesAbovePrefillTests {
    @Test(arguments: ["Ich möchte Mentee sein. Technical mentoring please, video calls preferred.",
                      "I'd like to be a mentee. Technical mentoring please, video calls preferred."])
    func sentencesAboveAPrefillWithoutRoleAreRead(text: String) throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive("From: Greta Vogel <greta@example.net>\r\nTo: mentoring@example.org\r\nSubject: hello\r\nMessage-ID: <g1@example.net>\r\n\r\n"
                           + "I live in Berlin, I speak German and English and I care about documentation.\r\n")
        _ = try harness.run()
        let form = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["greta@example.net"] })
        #expect(form.textBody?.contains("Role: (mentor, mentee, or both)") == true, "\(form.textBody ?? "")")
        let quoted = (form.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        let body = "\(text)\n\nOn Mon, 11 Jan 2027 at 09:00, Mentoring wrote:\n\(quoted)"
        try harness.arrive("From: Greta Vogel <greta@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(form.subject ?? "")\r\n"
                           + "Message-ID: <g2@example.net>\r\nIn-Reply-To: <\(form.messageID ?? "")>\r\n"
                           + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n"))
        _ = try harness.run(at: harness.now.addingTimeInterval(600))
        let answer = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["greta@example.net"] }?.textBody)
        #expect(!answer.contains("added nothing") && !answer.contains("nothing has been stored"), "\(answer)")
        let greta = try #require(try harness.database.participant(email: "greta@example.net"), "\(answer)")
        #expect(greta.profile.role == "mentee", "\(answer)")
        #expect(greta.profile.mentoringTypes == ["technical"], "\(answer)")
        #expect(greta.profile.interactions.contains("video"), "\(answer)")
    }

    /// Under the blank form, "I'd like to be a mentee" is no reply that "filled in nothing": the
    /// form comes back with the role filled in, without saying no lines were found.
    @Test func aRoleInWordsUnderTheBlankFormIsFilledInNotCalledNothing() throws {
        let harness = try ProcessorTests.Program()
        let (_, answer) = try BlankFormReplyTests().answer(harness, toFirst: "From: Pete Brown <pete@example.net>\r\nTo: mentoring@example.org\r\n"
            + "Subject: \r\nMessage-ID: <p1@example.net>\r\n\r\n", thenReply: "I'd like to be a mentee.")
        #expect(!answer.contains("We found no filled-in lines") && !answer.contains("added nothing"), "\(answer)")
        #expect(answer.contains("Role: mentee"), "\(answer)")
    }

    /// Finding G3: "Perfecto, forma de contacto: email" above our Spanish pre-filled form came
    /// back "Forma de contacto: email (no indicada: supuesta)" and as words not placed. Our own
    /// form's labels, in each language we ship it in, are read inside a sentence, colon and all.
    @Test(arguments: [("Hola, soy mentora, vivo en Madrid, hablo español e inglés y me interesa la documentación.", "Perfecto, forma de contacto: video"),
                      ("Hi, I'd like to mentor. I live in Berlin, I speak German and I care about documentation.", "Perfect, interaction: video")])
    func ourOwnLabelInASentenceIsRead(first: String, reply: String) throws {
        let harness = try ProcessorTests.Program()
        try harness.arrive("From: Greta Vogel <greta@example.net>\r\nTo: mentoring@example.org\r\nSubject: hello\r\nMessage-ID: <g1@example.net>\r\n"
                           + "Content-Type: text/plain; charset=utf-8\r\n\r\n\(first)\r\n")
        _ = try harness.run()
        let form = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["greta@example.net"] })
        let quoted = (form.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        let body = "\(reply)\n\nOn Mon, 11 Jan 2027 at 09:00, Mentoring wrote:\n\(quoted)"
        try harness.arrive("From: Greta Vogel <greta@example.net>\r\nTo: mentoring@example.org\r\nSubject: Re: \(form.subject ?? "")\r\n"
                           + "Message-ID: <g2@example.net>\r\nIn-Reply-To: <\(form.messageID ?? "")>\r\n"
                           + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n"))
        _ = try harness.run(at: harness.now.addingTimeInterval(600))
        let answer = try #require(try harness.sent().last { $0.to.map(\.normalized) == ["greta@example.net"] }?.textBody)
        #expect(!answer.contains("No hemos podido situar") && !answer.contains("could not place"), "\(answer)")
        let greta = try #require(try harness.database.participant(email: "greta@example.net"), "\(answer)")
        #expect(greta.profile.interactions == ["video"], "\(answer)")
    }
}
