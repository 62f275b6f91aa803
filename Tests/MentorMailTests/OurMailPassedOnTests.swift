import Foundation
import Mail
@testable import MentorMail
import Testing

/// Mail of ours that reaches us again inside someone's mail: forwarded by a friend (Gmail,
/// Outlook, Apple Mail, Thunderbird, attached) or quoted. What it says is ours, never the
/// writer's: a newcomer's form is pre-filled from their own words only, someone whose data was
/// deleted gets none of it back, and a guest's own answer above a friend's forwarded invitation
/// to the same event is her answer.
@Suite struct OurMailPassedOnTests {
    let life = PairLifeTests()
    let events = EventWorkflowTests()

    /// `mail` (its subject, its To line and its text) passed on in `shape`, under `words`, with
    /// `extra` header lines; the whole message from `from`.
    func passedOn(_ mail: Message, to recipients: String, shape: String, from: String, words: String) -> String {
        let subject = mail.subject ?? ""
        let text = (mail.textBody ?? "").replacingOccurrences(of: "\n", with: "\r\n")
        let quoted = (mail.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\r\n")
        var headers = "Subject: Fwd: Fwd: \(subject)\r\nContent-Type: text/plain; charset=utf-8\r\n"
        let body: String
        switch shape {
        case "gmail":
            body = "---------- Forwarded message ---------\r\nFrom: Bob Martin <bob@example.com>\r\nDate: Tue, 12 Jan 2027 at 10:00\r\n"
                + "Subject: Fwd: \(subject)\r\nTo: Fred <fred@example.org>\r\n\r\nHave a look, this is how it works.\r\n\r\n"
                + "---------- Forwarded message ---------\r\nFrom: Test Mentoring <mentoring@example.org>\r\nDate: Mon, 11 Jan 2027 at 09:00\r\n"
                + "Subject: \(subject)\r\nTo: \(recipients)\r\n\r\n\(text)"
        case "apple":
            body = "Begin forwarded message:\r\n\r\n> From: Test Mentoring <mentoring@example.org>\r\n> Subject: \(subject)\r\n"
                + "> Date: 11 January 2027 at 09:00:00 CET\r\n> To: \(recipients)\r\n> \r\n\(quoted)"
        case "outlook-es":
            headers = "Subject: RV: \(subject)\r\nContent-Type: text/plain; charset=utf-8\r\n"
            body = "________________________________\r\nDe: Test Mentoring <mentoring@example.org>\r\nEnviado: lunes, 11 de enero de 2027 9:00\r\n"
                + "Para: \(recipients)\r\nAsunto: \(subject)\r\n\r\n\(text)"
        case "thunderbird":
            body = "-------- Forwarded Message --------\r\nSubject: \(subject)\r\nDate: Mon, 11 Jan 2027 09:00:00 +0100\r\n"
                + "From: Test Mentoring <mentoring@example.org>\r\nTo: \(recipients)\r\n\r\n\(text)"
        case "quoted":
            headers = "Subject: \(subject)\r\nContent-Type: text/plain; charset=utf-8\r\n"
            body = "On Mon, 11 Jan 2027 at 09:00, Test Mentoring <mentoring@example.org> wrote:\r\n\(quoted)"
        default:
            headers = "Subject: Fwd: \(subject)\r\nContent-Type: multipart/mixed; boundary=\"fw\"\r\n"
            return "From: \(from)\r\nTo: mentoring@example.org\r\nMessage-ID: <\(UUID().uuidString)@example.org>\r\n\(headers)\r\n"
                + "--fw\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(words)\r\n--fw\r\nContent-Type: message/rfc822\r\n\r\n"
                + "From: Test Mentoring <mentoring@example.org>\r\nTo: \(recipients)\r\nSubject: \(subject)\r\n"
                + "Message-ID: <\(mail.messageID ?? "")>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(text)\r\n--fw--\r\n"
        }
        return "From: \(from)\r\nTo: mentoring@example.org\r\nMessage-ID: <\(UUID().uuidString)@example.org>\r\n\(headers)\r\n\(words)\r\n\r\n\(body)\r\n"
    }

    /// The values after the colons of `form`'s lines, lower-cased.
    static func filledIn(_ form: String) -> Set<String> {
        Set(form.split(separator: "\n").compactMap { line in
            line.firstIndex(of: ":").map { line[line.index(after: $0)...].trimmingCharacters(in: .whitespaces).lowercased() }
        })
    }

    static let shapes = ["gmail", "apple", "outlook-es", "thunderbird", "quoted", "attached"]

    /// Finding F-b: Fred, a newcomer, forwarded us the introduction Bob had forwarded him, with
    /// "I'd like a mentor too, for Nova": his form came back with Ana's time zone and languages,
    /// read from the profile lines of our introduction.
    @Test(arguments: shapes)
    func aNewcomersFormIsPrefilledFromHisWordsNotFromTheIntroductionHeForwards(_ shape: String) throws {
        let (harness, _) = try life.introduced()
        let introduction = try life.last(to: "ana@example.net", harness)
        let words = shape == "outlook-es" ? "Hola, un amigo me mandó esto. A mí también me gustaría tener una mentora para Nova. ¿Cómo me apunto?"
            : "Hello, my friend Bob sent me this. I'd like a mentor too, for Nova, like Ana got. How do I sign up?"
        try harness.arrive(passedOn(introduction, to: "Ana <ana@example.net>, Maria <maria@example.org>", shape: shape,
                                    from: "Fred Nilsson <fred@example.org>", words: words))
        _ = try harness.run(at: harness.now.addingTimeInterval(86_400))
        let form = try #require(try harness.sent().last(to: "fred@example.org")?.textBody, "\(shape)")
        #expect(form.contains("mentee"), "\(shape): \(form)")
        #expect(Self.filledIn(form).isDisjoint(with: ["europe/madrid", "english", "inglés", "irc, email", "irc"]),
                "\(shape): nothing of Ana's or Maria's profile\n\(form)")
        #expect(!form.contains("Maria"), "\(shape): \(form)")
    }

    /// A newcomer's own lines and sentences beside the forward are still read.
    @Test func aNewcomersOwnWordsAboveTheForwardStillFillTheForm() throws {
        let (harness, _) = try life.introduced()
        let introduction = try life.last(to: "ana@example.net", harness)
        try harness.arrive(passedOn(introduction, to: "Ana <ana@example.net>, Maria <maria@example.org>", shape: "gmail",
                                    from: "Fred Nilsson <fred@example.org>",
                                    words: "Hi, I'd like to be a mentee too.\r\nTime zone: Asia/Tokyo\r\nLanguages: Japanese"))
        _ = try harness.run(at: harness.now.addingTimeInterval(86_400))
        let form = try #require(try harness.sent().last(to: "fred@example.org")?.textBody)
        #expect(form.contains("Time zone: Asia/Tokyo") && form.contains("Languages: Japanese"), "\(form)")
        #expect(!Self.filledIn(form).contains("europe/madrid"), "\(form)")
    }

    /// Finding F-c: Ana, erased, forwarded her old introduction from another address of her
    /// mailbox ("FYI, I left the program but Maria was great. Can you tell her thanks?"): she got
    /// a sign-up form pre-filled with her erased profile. A note about our mail, from someone
    /// not in the program who asks to join nowhere in it, is for the coordinators: held, and she
    /// is told they will read it.
    @Test(arguments: ["apple", "gmail", "quoted", "attached"])
    func anErasedPersonsForwardOfHerIntroductionIsHeldAndNothingOfItComesBack(_ shape: String) throws {
        let (harness, _) = try life.introduced()
        let introduction = try life.last(to: "ana@example.net", harness)
        try ErasureTests.erase(harness, "Ana", "ana@example.net", at: harness.now.addingTimeInterval(86_400))
        try harness.arrive(passedOn(introduction, to: "Ana <ana@example.net>, Maria <maria@example.org>", shape: shape,
                                    from: "Ana <ana+old@example.net>", words: "FYI, I left the program but Maria was great. Can you tell her thanks?"))
        _ = try harness.run(at: harness.now.addingTimeInterval(2 * 86_400))
        let answer = try #require(try harness.sent().last(to: "ana+old@example.net")?.textBody, "\(shape)")
        #expect(!answer.contains("Role:") && Self.filledIn(answer).isDisjoint(with: ["europe/madrid", "english"]), "\(shape): \(answer)")
        #expect(answer.contains("coordinators now"), "\(shape): \(answer)")
        let read = try #require(try harness.database.inboundMessages().last)
        #expect(read.disposition == .held && read.intent != "signup-request", "\(shape): \(read.intent) by \(read.rule ?? "-"): \(read.reason ?? "")")
    }

    /// Finding F-d: Ben, invited himself and not answered yet, forwarded us Ana's forward of her
    /// invitation to the same event with "No, I can't make it that day, sorry.": it was held as
    /// mail for someone else and he was told an invitation is personal. His words are his answer
    /// to his own invitation; Ana's stands.
    @Test(arguments: ["gmail", "outlook", "attached"])
    func aGuestsOwnAnswerAboveAFriendsForwardOfTheSameInvitationIsHers(_ shape: String) throws {
        let (program, event, invite) = try SomeoneElsesMailTests().anaSaidYes()
        let subject = invite.subject ?? ""
        let text = (invite.textBody ?? "").replacingOccurrences(of: "\n", with: "\r\n")
        let forward = shape == "gmail"
            ? "---------- Forwarded message ---------\r\nFrom: Ana Souza <ana@example.net>\r\nDate: Fri, 6 Nov 2026 at 10:00\r\n"
                + "Subject: Fwd: \(subject)\r\nTo: Ben Okafor <ben@example.net>\r\n\r\nBen, are you going? I am!\r\n\r\n"
                + "---------- Forwarded message ---------\r\nFrom: Test Mentoring <mentoring@example.org>\r\nDate: Thu, 5 Nov 2026 at 10:00\r\n"
                + "Subject: \(subject)\r\nTo: Ana Souza <ana@example.net>\r\n\r\n\(text)"
            : "________________________________\r\nFrom: Ana Souza <ana@example.net>\r\nSent: Friday, November 6, 2026 10:00 AM\r\n"
                + "To: Ben Okafor <ben@example.net>\r\nSubject: FW: \(subject)\r\n\r\nBen, are you going? I am!\r\n\r\n"
                + "________________________________\r\nFrom: Test Mentoring <mentoring@example.org>\r\nSent: Thursday, November 5, 2026 10:00 AM\r\n"
                + "To: Ana Souza <ana@example.net>\r\nSubject: \(subject)\r\n\r\n\(text)"
        let head = "From: Ben Okafor <ben@example.net>\r\nTo: mentoring@example.org\r\nSubject: Fwd: Fwd: \(subject)\r\n"
            + "Message-ID: <\(UUID().uuidString)@example.net>\r\n"
        if shape == "attached" {
            // Ana's invitation itself, attached whole: its Message-ID is our mail to her.
            let file = try #require(program.outbox.sentFiles().first { url in
                Message(bytes: Array((try? Data(contentsOf: url)) ?? Data())).messageID == invite.messageID
            })
            try program.arrive(head + "Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n--fw\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                               + "No, I can't make it that day, sorry.\r\n\r\nBen\r\n--fw\r\nContent-Type: message/rfc822\r\n\r\n"
                               + String(decoding: try Data(contentsOf: file), as: UTF8.self) + "\r\n--fw--\r\n")
        } else {
            try program.arrive(head + "Content-Type: text/plain; charset=utf-8\r\n\r\nNo, I can't make it that day, sorry.\r\n\r\nBen\r\n\r\n\(forward)\r\n")
        }
        let sent = try events.run(program)
        let shown = try program.database.event(id: event.id)
        let read = try #require(try program.database.inboundMessages().last)
        #expect(shown.declined?.map(\.email) == ["ben@example.net"], "\(shape): \(read.intent) by \(read.rule ?? "-"): \(read.reason ?? "")")
        #expect(shown.accepted?.map(\.email) == ["ana@example.net"], "Ana's yes stands")
        let told = try #require(sent.first(to: "ben@example.net")?.textBody)
        #expect(!told.contains("An invitation is personal"), "\(told)")
        #expect(try program.database.heldMessages().isEmpty)
        #expect(sent.allSatisfy { $0.to.map(\.address) != ["ana@example.net"] }, "Ana hears nothing")
    }
}
