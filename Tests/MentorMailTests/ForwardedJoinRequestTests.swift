import Foundation
import Mail
@testable import MentorMail
import Testing

/// A coordinator forwards one person's own request to join (attached whole, or inline under
/// "Fwd: join"): that person gets the sign-up form, saying the coordinators passed it on, and
/// the coordinator is told. Only for a coordinator our mail server vouched for; anyone else's
/// forward is held as before.
@Suite struct ForwardedJoinRequestTests {
    static let vouched = "Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\n"

    func coordinatorMail(_ id: String, authenticated: Bool = true, from: String = "Coordinator <coordinator@example.org>",
                         subject: String = "Fwd: join", body: String) -> String {
        (authenticated ? Self.vouched : "") + "From: \(from)\r\nTo: mentoring@example.org\r\nSubject: \(subject)\r\n"
            + "Message-ID: <\(id)@example.org>\r\nMIME-Version: 1.0\r\n" + body
    }

    static let inline = "Content-Type: text/plain; charset=utf-8\r\n\r\nCan you take this one?\r\n\r\n"
        + "---------- Forwarded message ---------\r\nFrom: Kim Park <kim@example.net>\r\nDate: Mon, 30 Nov 2026 at 09:12\r\n"
        + "Subject: join\r\nTo: <coordinator@example.org>\r\n\r\nHi, I want a mentor for my first OpenStack patches. How do I join?\r\n"

    static let attached = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nFor you.\r\n--b\r\n"
        + "Content-Type: message/rfc822\r\n\r\nFrom: Lena Bauer <lena@example.de>\r\nTo: coordinator@example.org\r\nSubject: Mentoring\r\n"
        + "Message-ID: <lena-1@example.de>\r\n\r\nHallo, I would like to join the mentoring program as a mentee.\r\n--b--\r\n"

    @Test(arguments: [("inline", Self.inline, "kim@example.net"), ("attached", Self.attached, "lena@example.de")])
    func theForwardedPersonGetsTheFormAndTheCoordinatorIsTold(_ id: String, _ body: String, _ person: String) throws {
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try program.arrive(coordinatorMail(id, body: body))
        _ = try program.run()
        let sent = try program.sent()
        let form = try #require(sent.first(to: person)?.textBody, "\(sent.map(\.to))")
        #expect(form.contains("The coordinators passed on your request to join"), "\(form)")
        #expect(form.contains("Role:"), "\(form)")
        let told = try #require(sent.first { $0.inReplyTo == "\(id)@example.org" }?.textBody)
        #expect(told.contains("we sent the sign-up form to \(person)"), "\(told)")
        #expect(try program.database.inboundMessages().last?.disposition == .answered)
        if id == "attached" { #expect(form.contains("You asked to join as a mentee"), "\(form)") }
    }

    @Test func withoutTheServersWordTheForwardIsHeldSayingWhatItIs() throws {
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try program.arrive(coordinatorMail("plain", authenticated: false, body: Self.inline))
        _ = try program.run()
        #expect(try !program.sent().contains { $0.to.map(\.address) == ["kim@example.net"] })
        let held = try #require(try program.database.inboundMessages().last)
        #expect(held.disposition == .held)
        // The coordinators read what it was and why nothing was sent.
        #expect(held.reason?.contains("request to join") == true && held.reason?.contains("kim@example.net") == true, "\(held.reason ?? "")")
        #expect(held.reason?.contains("not vouched for") == true, "\(held.reason ?? "")")
    }

    /// Findings D-4, D-5: a forward opened only with the word "join", and only in some clients'
    /// shapes; the form pre-filled nothing of the person's words. The person's words are read as
    /// a first mail is ("I want a mentor", "me encantaría tener una mentora", "je voudrais devenir
    /// mentorée"), in Gmail's, Outlook's, Thunderbird's and Apple Mail's forwards, and the form is
    /// pre-filled from them and from their From line.
    static let shapes: [(String, String, String, String)] = [
        ("gmail", "Fwd: join", "kai@example.net", "Please send him the form.\r\n\r\n---------- Forwarded message ---------\r\n"
            + "From: Kai Xu <kai@example.net>\r\nDate: Mon, 30 Nov 2026 at 09:12\r\nSubject: join\r\nTo: <coordinator@example.org>\r\n\r\n"
            + "Hi, I want a mentor.\r\n"),
        ("outlook-es", "RV: mentoría", "lucia@example.es", "¿Le podéis mandar el formulario?\r\n\r\n________________________________\r\n"
            + "De: Lucía Gómez <lucia@example.es>\r\nEnviado: lunes, 30 de noviembre de 2026 9:12\r\nPara: coordinator@example.org\r\n"
            + "Asunto: mentoría\r\n\r\nHola, me encantaría tener una mentora.\r\n"),
        ("outlook-en", "FW: mentoring", "lucy@example.net", "FYI\r\n\r\n-----Original Message-----\r\nFrom: Lucy Hart <lucy@example.net>\r\n"
            + "Sent: Monday, November 30, 2026 9:12 AM\r\nTo: coordinator@example.org\r\nSubject: mentoring\r\n\r\n"
            + "Hi, I would love to have a mentor.\r\n"),
        ("thunderbird-fr", "TR: mentorat", "amelie@example.fr", "Pour vous.\r\n\r\n-------- Message transféré --------\r\n"
            + "Sujet : mentorat\r\nDate : Mon, 30 Nov 2026 09:12:00 +0100\r\nDe : Amélie Roux <amelie@example.fr>\r\n"
            + "Pour : coordinator@example.org\r\n\r\nBonjour, je voudrais devenir mentorée.\r\n"),
        ("apple", "Fwd: mentoring", "pia@example.net", "Another one.\r\n\r\nBegin forwarded message:\r\n\r\n"
            + "> From: Pia Novak <pia@example.net>\r\n> Subject: mentoring\r\n> Date: 30 November 2026 at 09:12:00 CET\r\n"
            + "> To: coordinator@example.org\r\n> \r\n> Hi, I'd like to join the mentoring program as a mentee.\r\n"),
    ]

    @Test(arguments: shapes)
    func aRequestInTheUsualForwardShapesAndWordsSendsTheForm(_ shape: (String, String, String, String)) throws {
        let (id, subject, person, text) = shape
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        try program.arrive(coordinatorMail(id, subject: subject, body: "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text))
        _ = try program.run()
        let sent = try program.sent()
        let form = try #require(sent.first(to: person)?.textBody, "\(id): \(sent.map(\.to))")
        #expect(form.contains("mentee") || form.contains("mentorada") || form.contains("mentoré"), "\(id): \(form)")
        let told = try #require(sent.first { $0.inReplyTo == "\(id)@example.org" }?.textBody, "\(id)")
        #expect(told.contains(person), "\(id): \(told)")
    }

    /// Outlook often puts only the header lines above the mail it passes on, with no "Original
    /// Message" line or rule, and the coordinator may write a Subject of their own: the person
    /// below is still the one who asked (English, Spanish, German and French headers).
    static let bareShapes: [(String, String, String, String)] = [
        ("bare-en", "FW: mentoring", "lucy@example.net", "FYI\r\n\r\nFrom: Lucy Hart <lucy@example.net>\r\n"
            + "Sent: Monday, November 30, 2026 9:12 AM\r\nTo: coordinator@example.org\r\nSubject: mentoring\r\n\r\n"
            + "Hi, I would love to have a mentor.\r\n"),
        ("bare-es", "Nueva persona para la mentoría", "lucia@example.es", "¿Le podéis mandar el formulario?\r\n\r\n"
            + "De: Lucía Gómez <lucia@example.es>\r\nEnviado: lunes, 30 de noviembre de 2026 9:12\r\nPara: coordinator@example.org\r\n"
            + "Asunto: mentoría\r\n\r\nHola, me encantaría tener una mentora.\r\n"),
        ("bare-de", "Anfrage Mentoring", "jonas@example.de", "Bitte Formular schicken.\r\n\r\n"
            + "Von: Jonas Weber <jonas@example.de>\r\nGesendet: Montag, 30. November 2026 09:12\r\nAn: coordinator@example.org\r\n"
            + "Betreff: Mentoring\r\n\r\nHallo, I would like to join the mentoring program as a mentee.\r\n"),
        ("bare-fr", "demande de mentorat", "amelie@example.fr", "Pour vous.\r\n\r\n"
            + "De : Amélie Roux <amelie@example.fr>\r\nEnvoyé : lundi 30 novembre 2026 09:12\r\nÀ : coordinator@example.org\r\n"
            + "Objet : mentorat\r\n\r\nBonjour, je voudrais devenir mentorée.\r\n"),
    ]

    @Test(arguments: bareShapes)
    func aRequestBelowABareOutlookHeaderBlockSendsTheForm(_ shape: (String, String, String, String)) throws {
        try aRequestInTheUsualForwardShapesAndWordsSendsTheForm(shape)
    }

    /// D-5: Jonas's attached request ("WG: Mentoring?") pre-fills his form as his first mail would.
    @Test func theFormIsPrefilledFromThePersonsOwnWords() throws {
        let program = try ProcessorTests.Program().with(trustedServer: "mx.example.org")
        let body = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nBitte Formular.\r\n--b\r\n"
            + "Content-Type: message/rfc822\r\n\r\nFrom: Jonas Weber <jonas@example.de>\r\nTo: coordinator@example.org\r\nSubject: Mentoring?\r\n"
            + "Message-ID: <jonas-1@example.de>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Hallo, ich würde gerne als Mentor mitmachen (Nova, Placement). Zeitzone Europe/Berlin, Deutsch und Englisch.\r\n--b--\r\n"
        try program.arrive(coordinatorMail("jonas", subject: "WG: Mentoring?", body: body))
        _ = try program.run()
        let form = try #require(try program.sent().first(to: "jonas@example.de")?.textBody)
        for line in ["Name: Jonas Weber", "Europe/Berlin", "German", "English", "Nova"] {
            #expect(form.contains(line), "\(line) in\n\(form)")
        }
    }
}

/// Finding X5-3: Zoé, who is not in the program, got Chloé's introduction forwarded and wrote
/// to us under it "Moi aussi je voudrais une mentore pour la documentation !": it was held as a
/// reply to the introduction and she was told to write "I'd like to join as a mentee". A
/// newcomer's own request to join under any mail of ours is read as a first mail: the form,
/// pre-filled, and no coordinator bothered. Her other mail under it is held as before.
@Suite struct JoinUnderOurMailTests {
    let life = PairLifeTests()

    /// Zoé's mail under Ana's introduction: in reply to it, quoting it, or forwarding it with only References.
    func underTheIntroduction(_ harness: ProcessorTests.Program, shape: String, _ words: String) throws {
        let introduction = try life.last(to: "ana@example.net", harness)
        let quoted = (introduction.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\r\n")
        let (headers, below) = shape == "reply"
            ? ("Subject: Re: \(introduction.subject ?? "")\r\nIn-Reply-To: <\(introduction.messageID ?? "")>\r\n",
               "Le lun. 11 janv. 2027, Ana a écrit :\r\n\(quoted)")
            : ("Subject: Fwd: \(introduction.subject ?? "")\r\nReferences: <\(introduction.messageID ?? "")>\r\n",
               "---------- Forwarded message ---------\r\nFrom: Test Mentoring <mentoring@example.org>\r\nDate: Mon, 11 Jan 2027 at 09:00\r\n"
                + "Subject: \(introduction.subject ?? "")\r\nTo: Ana <ana@example.net>, Maria <maria@example.org>\r\n\r\n\(introduction.textBody ?? "")")
        try harness.arrive("From: Zoé Petit <zoe@example.fr>\r\nTo: mentoring@example.org\r\n\(headers)"
                           + "Message-ID: <\(UUID().uuidString)@example.fr>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(words)\r\n\r\n\(below)\r\n")
        _ = try harness.run(at: harness.now.addingTimeInterval(86_400))
    }

    @Test(arguments: ["reply", "forward"])
    func aNewcomersOwnRequestToJoinUnderAnIntroductionGetsTheForm(_ shape: String) throws {
        let (harness, _) = try life.introduced()
        try underTheIntroduction(harness, shape: shape,
                                 "Bonjour, Ana m'a transféré ce message. Moi aussi je voudrais une mentore pour la documentation !")
        let form = try #require(try life.last(to: "zoe@example.fr", harness).textBody)
        #expect(form.contains("Role: mentee"), "\(form)")
        #expect(form.contains("Areas: documentation"), "\(form)")
        let read = try #require(try harness.database.inboundMessages().last)
        #expect(read.disposition == .answered, "\(read.intent): \(read.reason ?? "")")
        #expect(try harness.database.heldMessages(all: false).isEmpty, "no coordinator is bothered")
    }

    @Test func aNewcomersOtherMailUnderAnIntroductionIsStillHeld() throws {
        let (harness, _) = try life.introduced()
        try underTheIntroduction(harness, shape: "reply", "Bonjour, pourquoi est-ce que je reçois ce message ?")
        #expect(try harness.database.inboundMessages().last?.disposition == .held)
    }
}
