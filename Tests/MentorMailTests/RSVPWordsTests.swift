import Foundation
import Mail
@testable import MentorMail
import Testing

/// Yes, no and maybe as people write them under an invitation.
@Suite struct RSVPWordsTests {
    @Test(arguments: [
        "Yes!", "yes please", "Count me in.", "I'll be there.", "I’ll be there, thanks!", "Happy to host a table.", "Sure, see you there",
        "Absolutely, looking forward to it", "No problem, I'll come.", "Sí, allí estaré", "¡Cuenta conmigo!", "Sim, estarei lá",
        "Oui, je serai là", "Ja, ich bin dabei", "Sì, ci sarò", "Tak, będę", "Да, буду", "好的，我会参加", "はい、参加します",
    ])
    func yes(_ text: String) {
        #expect(RSVPWords.read(text) == .yes, "\(text)")
    }

    @Test(arguments: [
        "No.", "Sorry, no.", "Sorry, I can't make it.", "I cannot come this time", "I won't be able to attend, sorry",
        "Unfortunately I will not be there.", "I'll pass this time", "No, lo siento", "No puedo ir, lo siento", "Não posso, desculpe",
        "Je ne pourrai pas venir", "Ich kann leider nicht", "Non posso venire", "Nie mogę przyjść", "Не смогу прийти",
        "抱歉，我不能参加", "すみません、参加できません", "I don't think I can attend",
    ])
    func no(_ text: String) {
        #expect(RSVPWords.read(text) == .no, "\(text)")
    }

    @Test(arguments: [
        "Maybe", "Not sure yet", "Perhaps, I will know next week", "Quizás", "Tal vez", "Talvez", "Peut-être", "Vielleicht",
        "Forse", "Może", "Может быть", "也许", "たぶん", "Yes, maybe, if my flight lands in time",
    ])
    func maybe(_ text: String) {
        #expect(RSVPWords.read(text) == .maybe, "\(text)")
    }

    /// Finding: a Japanese "maybe" ("まだ行けるかどうか分かりません") was held as neither yes nor no,
    /// while a Japanese yes was read. Maybe and no in Japanese and Chinese, in other wordings too;
    /// a hedge wins over the yes or no beside it, as in English ("maybe I can't").
    @Test(arguments: [
        ("すみません、まだ行けるかどうか分かりません。来週確認します。", RSVPWords.Answer.maybe), ("行けるかどうかわからないです", .maybe),
        ("参加できるかもしれません", .maybe), ("多分行けると思いますが、まだ未定です", .maybe), ("来週確認します", .maybe),
        ("我可能会去，还不确定", .maybe), ("说不定能参加，下周再确认", .maybe), ("还不知道能不能来", .maybe), ("也許吧", .maybe),
        ("すみません、行けません", .no), ("残念ながら参加できません", .no), ("その日は都合が悪いです", .no), ("行けなくなりました", .no),
        ("抱歉，去不了", .no), ("不好意思，我不能参加", .no), ("那天没空，参加不了", .no), ("我不可能参加", .no), ("無法參加，抱歉", .no),
        ("はい、行きます", .yes), ("参加します！", .yes), ("好的，我会去", .yes), ("没问题，我参加", .yes),
    ])
    func maybeAndNoInJapaneseAndChinese(_ text: String, _ answer: RSVPWords.Answer) {
        #expect(RSVPWords.read(text) == answer, "\(text)")
    }

    /// Under other mail of ours, only words about coming count as an answer to an event.
    @Test(arguments: [
        ("yes, count me in", RSVPWords.Answer.yes), ("Yes, count me in!\n\nAna", .yes), ("Hi! I'll be there. Thanks, Ana", .yes),
        ("Sorry, I can't make it.", .no), ("I won't be able to attend, sorry", .no), ("Sí, cuenta conmigo", .yes),
        ("maybe, I will confirm next week", .maybe), ("Not sure yet, I'll let you know", .maybe), ("Ich melde mich nächste Woche", .maybe),
    ])
    func clearAnswersStandWithoutTheEvent(_ text: String, _ answer: RSVPWords.Answer) {
        #expect(RSVPWords.readClearly(OwnText(text)) == answer, "\(text)")
    }

    @Test(arguments: [
        "Yes!", "Maybe.", "Sure", "No.", "Sounds good, see you", "Maybe we can meet on Tuesday?", "I'm busy this week.",
        "Yes, I'll be there. Let's meet at the venue and talk about the docs patch.", "Can I come too? Count me in!",
        "Not sure yet what to work on first", "Perhaps we should start with the Nova docs",
    ])
    func wordsThatAnswerAnythingAreNoEventAnswerElsewhere(_ text: String) {
        #expect(RSVPWords.readClearly(OwnText(text)) == nil, "\(text)")
    }

    @Test func aQuestionBesideTheAnswerIsFoundInTheOwnLinesOnly() {
        let text = "Actually my flight got moved back, so yes, I can come after all! Is there a cloakroom for\nluggage?\n\n> Any questions?"
        #expect(RSVPWords.read(text) == .yes)
        #expect(RSVPWords.question(in: OwnText(text)) == "Is there a cloakroom for luggage?")
        #expect(RSVPWords.question(in: OwnText("Yes! See you there.")) == nil)
        #expect(RSVPWords.question(in: OwnText("¿Hay guardarropa? Sí, allí estaré. ¿Y café?")) == "¿Hay guardarropa? ¿Y café?")
    }

    @Test func cancellingAndWithdrawingAreANoButOtherWordsAroundThemAreNot() {
        for text in ["Unfortunately I need to cancel, something came up at work.", "I'm not coming after all.",
                     "Leider kann ich nicht kommen.", "I have to withdraw from the speed mentoring, sorry.", "I won't be coming.",
                     "Lo siento, tengo que cancelar."] {
            #expect(RSVPWords.read(text) == .no, "\(text)")
        }
        #expect(RSVPWords.read("No problem at all, I'll be there") == .yes)
        #expect(RSVPWords.read("Can't wait, see you there!") == .yes)
        #expect(RSVPWords.read("I'm not sure I'm coming yet") == .maybe)
        #expect(RSVPWords.read("I want to withdraw from the program") == nil, "a request for the program, not an answer")
    }

    @Test func quotedTextAndQuestionsAreNoAnswer() {
        #expect(RSVPWords.read("Is there coffee?\n\n> yes\n> count me in") == nil)
        #expect(RSVPWords.read("What time does it end?") == nil)
        #expect(RSVPWords.read("") == nil)
        #expect(RSVPWords.read("Thanks for organising this.") == nil)
    }

    @Test func disagreeingClausesAreUnclear() {
        #expect(RSVPWords.read("Yes. Sorry, I can't make it.") == nil)
    }

    @Test func aBareCantAfterButIsANoAndAloneANo() {
        #expect(RSVPWords.read("I'd love to come but I can't.") == .no, "what follows \"but\" wins")
        #expect(RSVPWords.read("I would love to, but I cannot.") == .no)
        for text in ["Sorry, I can't.", "I'm afraid I can't.", "I can not, sorry."] {
            #expect(RSVPWords.read(text) == .no, "\(text)")
        }
        for text in ["No problem at all, I'll be there", "Can't wait to be there!", "I can come", "Sí, pero llegaré un poco tarde",
                     "Sí puedo ir"] {
            #expect(RSVPWords.read(text) == .yes, "\(text)")
        }
    }

    /// Unsure answers: never a no, which would give the seat away.
    @Test(arguments: [
        "I can't say for sure yet – my flight isn't booked. I'll confirm next week!", "I can't say yes yet, need to check with my manager.",
        "No idea yet, will let you know", "I don't know yet.", "Not yet sure, I'll let you know on Monday", "I haven't decided yet",
        "I wasn't sure until now and still can't promise anything", "Hopefully! Depends on my visa.", "I'll try to make it",
        "Todavía no lo sé, te aviso", "Ich weiß noch nicht, ich melde mich", "Je ne sais pas encore", "Non ancora, ti faccio sapere",
    ])
    func unsure(_ text: String) {
        #expect(RSVPWords.read(text) == .maybe, "\(text)")
    }

    /// "I don't know (yet)" in the community's languages. Italian "so" is "I know", not "so":
    /// cutting "Non lo so" there left a bare "Non", read as a no.
    @Test(arguments: [
        "Non lo so", "Non lo so ancora.", "Ancora non lo so, vi faccio sapere", "Non so se riesco a venire", "Io non lo so",
        "Boh, non so", "I don't know yet", "I'm not so sure", "No lo sé", "Aún no lo sé", "Ainda não sei", "Não sei ainda",
        "Je ne sais pas", "Ich weiß es noch nicht", "Ich bin mir nicht so sicher", "Jeszcze nie wiem", "Пока не знаю",
    ])
    func notKnowingYetIsAMaybe(_ text: String) {
        #expect(RSVPWords.read(text) == .maybe, "\(text)")
    }

    /// A conjunction splits only where it joins two clauses: after a negation or a pronoun that
    /// waits for its verb, or with nothing after it, the same word is a verb or an adverb.
    @Test func aConjunctionSplitsOnlyBetweenClauses() {
        #expect(CommandSentences.clauses(of: "Non lo so") == ["Non lo so"])
        #expect(CommandSentences.clauses(of: "non so se posso") == ["non so se posso"])
        #expect(CommandSentences.clauses(of: "I'm not so sure") == ["I'm not so sure"])
        #expect(CommandSentences.clauses(of: "I think so") == ["I think so"])
        #expect(CommandSentences.clauses(of: "My flight is late so I can't come") == ["My flight is late", "I can't come"])
        #expect(CommandSentences.clauses(of: "Lo so e vengo") == ["Lo so", "vengo"])
        #expect(RSVPWords.read("My flight was cancelled so I can't make it") == .no)
        #expect(RSVPWords.read("Lo so, ci sarò") == .yes)
    }

    @Test(arguments: [
        "I would love to come but I can't, I'm working that day", "Not this time, sorry", "Afraid not", "Probably not",
        "Sadly I'm busy that day", "I'd love to, however I'm travelling then.", "Maybe next time!", "I'll have to miss this one, sorry.",
        "Definitely not, sorry", "Me temo que no",
    ])
    func refusalsInMoreShapes(_ text: String) {
        #expect(RSVPWords.read(text) == .no, "\(text)")
    }

    @Test(arguments: [
        "Wait, I didn't decline! I only said I wasn't sure yet. Yes, I'm coming – flight booked.", "Sign me up", "Wouldn't miss it",
        "No way I'm missing this!", "My colleague Tom can't make it but I can", "I wouldn't miss it for the world.",
        "I was not sure at first, but count me in!", "Why not!", "Put me down for a seat please",
    ])
    func yesInMoreShapes(_ text: String) {
        #expect(RSVPWords.read(text) == .yes, "\(text)")
    }

    @Test func whatOthersDoOrWhatWasSaidBeforeIsNoAnswer() {
        #expect(RSVPWords.read("My colleague can't make it.") == nil)
        #expect(RSVPWords.read("She won't be able to come.") == nil)
        #expect(RSVPWords.read("I didn't decline.") == nil)
        #expect(RSVPWords.read("I'm not busy that day.") == nil)
        #expect(RSVPWords.read("I can't tell you how glad I am, count me in!") == .yes)
        #expect(RSVPWords.read("I don't know anyone there yet but I'll come") == .yes)
    }

    @Test func thanksAloneIsOnlyThanks() {
        for text in ["Thanks! See you Sunday.", "Danke, passt!", "Great, thank you so much!", "Gracias, nos vemos el domingo"] {
            #expect(Courtesy.isThanks(OwnText(text)), "\(text)")
        }
        for text in ["Thanks, I'll be 20 minutes late.", "Thanks but I can't come", "", "See you"] {
            #expect(!Courtesy.isThanks(OwnText(text)) || text == "See you", "\(text)")
        }
        // Acknowledgements of a survey or a note: "will do", "got it".
        for text in ["Thank you, will do", "Got it, thanks", "Thanks for the reminder, will do!", "Gracias, lo haré", "Danke, mach ich!"] {
            #expect(Courtesy.isThanks(OwnText(text)), "\(text)")
        }
        for text in ["Thanks, we meet every week", "Thank you, will do it after my leave", "Thanks! It's going great."] {
            #expect(!Courtesy.isThanks(OwnText(text)), "\(text)")
        }
    }

    /// Finding: thanks under the introduction, signed with a name or a sign-off, were held for a
    /// coordinator and answered with a promise that one would write back.
    @Test func thanksSignedOrForTheMatchAreOnlyThanks() {
        for text in ["Thanks!\n\nDiego", "Thanks!\nDiego", "¡Muchas gracias!\n\nDiego\n\nEnviado desde mi Galaxy",
                     "Vielen Dank für die Vermittlung!\n\nGruß\nJonas", "Thanks so much for the match!",
                     "Thank you for the introduction!\n\nBest,\nAna Souza", "Merci pour la mise en relation !\n\nBonne journée,\nSophie",
                     "Muito obrigada pela apresentação!\nAbraços\nBeatriz", "Gracias por la presentación.\nSaludos,\nCarlos Ruiz"] {
            #expect(Courtesy.isThanks(OwnText(text), signedBy: "Diego Ana Souza Jonas Sophie Beatriz Carlos Ruiz"), "\(text)")
        }
        // A name is no thanks, what follows thanks is read, and capitals alone make no signature.
        for text in ["Diego", "Thanks!\nWe already met on Tuesday.", "Thanks for the match!\nCan we change the time zone?",
                     "Thanks!\n\nDiego\nP.S. I am moving to Berlin", "Thanks!\nPlease Call Me"] {
            #expect(!Courtesy.isThanks(OwnText(text), signedBy: "Diego Ramírez"), "\(text)")
        }
    }

    @Test func aConditionBesideAYesIsFound() {
        #expect(RSVPWords.read("Yes, but I can only stay for the first rotation.") == .yes)
        #expect(RSVPWords.condition(in: OwnText("Yes, but I can only stay for the first rotation.")) == "Yes, but I can only stay for the first rotation")
        #expect(RSVPWords.condition(in: OwnText("Count me in! I'll arrive a bit late.")) == "I'll arrive a bit late")
        #expect(RSVPWords.condition(in: OwnText("Yes! See you there.")) == nil)
        #expect(RSVPWords.condition(in: OwnText("Sí, pero llegaré un poco tarde")) != nil)
    }

    /// Finding F18: "Sorry for the late answer, yes I'd love to come!" was held for its
    /// "condition". An apology or a thanks beside the yes is courtesy, never a condition; a
    /// condition beside an apology still is one.
    @Test(arguments: [
        "Sorry for the late answer, yes I'd love to come!", "Apologies for the delay - count me in!",
        "Yes, I'll be there. Sorry for replying so late.", "Count me in, but sorry for the late reply!",
        "Perdón por la tardanza, ¡sí, allí estaré!", "Désolée pour le retard, oui je viens !",
        "Entschuldigung für die späte Antwort, ja, ich komme gerne!", "Thanks and sorry for the delay, I'll be there.",
    ])
    func anApologyBesideAYesIsNoCondition(_ text: String) {
        #expect(RSVPWords.read(text) == .yes, "\(text)")
        #expect(RSVPWords.condition(in: OwnText(text)) == nil, "\(text)")
    }

    @Test func aConditionBesideAnApologyStaysOne() {
        #expect(RSVPWords.condition(in: OwnText("Sorry for the late answer, yes, but I can only stay for the first rotation.")) != nil)
        #expect(RSVPWords.condition(in: OwnText("Yes! Sorry, I'll arrive a bit late.")) != nil)
    }

    @Test func aYesOnAConditionIsAMaybe() {
        #expect(RSVPWords.read("Si puedo, voy.") == .maybe)
        #expect(RSVPWords.read("If I can, I'll come.") == .maybe)
        #expect(RSVPWords.read("Yes, if I can get away from work") == .maybe)
    }

    @Test(arguments: [
        "Sadly I have to drop out.", "Please take me off the list for this one.", "Leider muss ich absagen, ich bin krank.",
        "Ich muss leider absagen.", "Ich sage ab.",
    ])
    func refusalsInOtherWords(_ text: String) {
        #expect(RSVPWords.read(text) == .no, "\(text)")
    }

    @Test func onlyTheFirstLinesOfTheOwnTextCount() {
        let late = Array(repeating: "Some news from the team.", count: 10).joined(separator: "\n") + "\nYes"
        #expect(RSVPWords.read(late) == nil, "an answer is in the first lines")
        #expect(RSVPWords.read("Yes\n\n-- \nAna\nSorry, no signature parsing here") == .yes)
    }
}

/// The calendar part of an invitation, in the event's zone.
@Suite struct InvitationCalendarTests {
    func date(_ text: String) -> Date { (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0) }

    @Test func aZoneWithDaylightSavingGetsItsChangesAroundTheEvent() throws {
        let text = ICalendar.request(uid: "e1@example.org", summary: "Speed Mentoring", start: date("2026-10-25T06:30:00Z"),
                                     end: date("2026-10-25T08:00:00Z"), organizer: ("m@example.org", "Mentoring"),
                                     attendees: [("a@example.org", "Ana")], sequence: 3, stamp: date("2026-10-01T00:00:00Z"),
                                     timeZone: TimeZone(identifier: "Europe/Madrid"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("DTSTART;TZID=Europe/Madrid:20261025T073000"), "the day clocks go back: 07:30 CET")
        #expect(lines.contains("DTEND;TZID=Europe/Madrid:20261025T090000"))
        #expect(lines.contains("SEQUENCE:3"))
        // The change on that very morning: 03:00 summer time becomes 02:00.
        let standard = try #require(lines.firstIndex(of: "DTSTART:20261025T030000"))
        #expect(lines[standard - 1] == "BEGIN:STANDARD")
        #expect(lines[standard + 1] == "TZOFFSETFROM:+0200" && lines[standard + 2] == "TZOFFSETTO:+0100")
        let daylight = try #require(lines.firstIndex(of: "DTSTART:20260329T020000"))
        #expect(lines[daylight - 1] == "BEGIN:DAYLIGHT" && lines[daylight + 2] == "TZOFFSETTO:+0200")
        let parsed = ICalendar.parse(text)
        #expect(parsed.events.first?.start?.timeZoneID == "Europe/Madrid")
    }

    @Test func aZoneWithoutChangesGetsOneObservance() {
        let text = ICalendar.request(uid: "e2@example.org", summary: "S", start: date("2027-03-01T01:00:00Z"), end: date("2027-03-01T02:30:00Z"),
                                     organizer: ("m@example.org", nil), attendees: [("a@example.org", nil)], stamp: date("2027-02-01T00:00:00Z"),
                                     timeZone: TimeZone(identifier: "Asia/Kolkata"))
        #expect(text.contains("DTSTART;TZID=Asia/Kolkata:20270301T063000\r\n"))
        #expect(text.contains("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n"))
        #expect(!text.contains("BEGIN:DAYLIGHT"))
    }

    @Test func aCancellationKeepsTheUIDAndSaysCancelled() {
        let text = ICalendar.request(uid: "e3@example.org", summary: "S", start: date("2027-03-01T01:00:00Z"), end: date("2027-03-01T02:00:00Z"),
                                     organizer: ("m@example.org", nil), attendees: [("a@example.org", nil)], sequence: 2,
                                     stamp: date("2027-02-01T00:00:00Z"), method: "CANCEL")
        let parsed = ICalendar.parse(text)
        #expect(parsed.method == "CANCEL")
        #expect(parsed.events.first?.uid == "e3@example.org")
        #expect(parsed.events.first?.status == "CANCELLED")
        #expect(text.contains("DTSTART:20270301T010000Z"), "without a zone, UTC")
    }

    @Test func theMailCarriesTheCalendarAsAnAlternativeAndAsAFile() {
        let message = OutgoingMessage(from: MailAddress(address: "m@example.org"), to: [MailAddress(address: "a@example.org")],
                                      subject: "Invitation", text: "Hello", html: "<p>Hello</p>", messageID: "x@example.org",
                                      date: date("2027-02-01T00:00:00Z"), calendar: CalendarPart(method: "REQUEST", text: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
        let parsed = Message(bytes: message.render())
        #expect(parsed.root.contentType == "multipart/mixed")
        #expect(parsed.root.children.first?.contentType == "multipart/alternative")
        #expect(parsed.root.children.first?.children.map(\.contentType) == ["text/plain", "text/html", "text/calendar"])
        #expect(parsed.leafParts[2].parameters["method"] == "REQUEST")
        #expect(parsed.leafParts[3].filename == "invite.ics")
        #expect(parsed.leafParts[2].decodedText() == parsed.leafParts[3].decodedText())
    }
}
