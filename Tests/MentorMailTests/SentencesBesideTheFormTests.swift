import Foundation
import Mail
@testable import MentorMail
import Testing

/// What a person writes in sentences beside the form, or in a later message, is read or said
/// to be unplaced: never dropped without a word.
@Suite struct SentencesBesideTheFormTests {
    let workflow = EnrollmentWorkflowTests()

    func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    }

    /// Finding: "I'd like to be a mentee, technical mentoring in Cinder. I'm in Munich." above
    /// the quoted empty form was answered "Role: (missing)"; "Oh and I prefer IRC or chat." next
    /// changed nothing.
    @Test func aWishAndAPlaceAboveTheEmptyFormAndALaterPreference() throws {
        let program = try ProcessorTests.Program()
        let lena = "Lena Bauer <lena@example.de>"
        let form = try #require(try workflow.exchange(program, workflow.mail(from: lena, subject: "Mentoring", body: "Hello, how do I join?")).first)
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: lena, subject: "Re: \(form.subject ?? "")", body: """
            Sorry, forgot to say: I'd like to be a mentee, technical mentoring in Cinder. I'm in Munich. Languages: German, English.

            \(quoted(form.textBody ?? ""))
            """)).first?.textBody)
        let person = try #require(try program.database.participant(email: "lena@example.de"))
        #expect(person.profile.role == "mentee", "\(answer)")
        #expect(person.profile.mentoringTypes == ["technical"] && person.profile.areas == ["cinder"], "\(answer)")
        #expect(person.profile.timeZone == "Europe/Berlin" && person.profile.languages == ["German", "English"], "\(answer)")
        #expect(!answer.contains("Role: (missing)"), "\(answer)")
        let next = try #require(try workflow.exchange(program, workflow.mail(from: lena, subject: "Re: \(form.subject ?? "")",
                                                                            body: "Oh and I prefer IRC or chat.")).first?.textBody)
        #expect(try program.database.participant(email: "lena@example.de")?.profile.interactions == ["irc", "chat"], "\(next)")
        #expect(next.contains("Interaction: IRC, chat"), "\(next)")
    }

    /// Finding: "I'm free weekday evenings, and I'd say career too" above the form was lost
    /// without a word (the quoted form had a line for the kind of mentoring: career is added to it); "Prefiro chamada de vídeo" above it was answered "we assume email".
    @Test func sentencesAboveAFilledFormAddWhatItLeftOutOrSayWhatWasNotPlaced() throws {
        let program = try ProcessorTests.Program()
        let form = EnrollmentWorkflowTests.form.replacingOccurrences(of: "Availability: weekday evenings\n", with: "")
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: """
            Looks right! I'm free weekday evenings, and I'd say career too if possible.

            \(quoted(form))
            """)).first?.textBody)
        let ana = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(ana.profile.availability == "weekday evenings", "\(answer)")
        // The form says technical; "career too" adds to it.
        #expect(ana.profile.mentoringTypes == ["technical", "career"], "\(answer)")
        #expect(!answer.contains("could not place"), "\(answer)")
        #expect(!answer.contains("Looks right"), "\(answer)")

        let bia = "Beatriz Lima <bia@example.com.br>"
        let plain = form.replacingOccurrences(of: "Interaction: IRC, video\n", with: "").replacingOccurrences(of: "Ana Souza", with: "Beatriz Lima")
        let reply = try #require(try workflow.exchange(program, workflow.mail(from: bia, body: "Tudo certo! Prefiro chamada de vídeo.\n\n" + quoted(plain))).first?.textBody)
        #expect(try program.database.participant(email: "bia@example.com.br")?.profile.interactions == ["video"], "\(reply)")
        #expect(!reply.contains("assume"), "\(reply)")

        // What is not understood is said.
        let odd = try #require(try workflow.exchange(program, workflow.mail(from: bia, subject: "Re: Sign up", body: """
            Also, my cat says hello and the moon is bright tonight.

            \(quoted(plain))
            """)).first?.textBody)
        #expect(odd.contains("could not place") && odd.contains("my cat says hello"), "\(odd)")
    }

    /// Finding: "Hola, me gustaría apuntarme al programa. Aquí van mis datos:" above a filled
    /// form was answered "we could not place" both sentences, though they only ask to join and
    /// hand the form over.
    @Test(arguments: [
        "Hola, me gustaría apuntarme al programa. Aquí van mis datos:",
        "Hi! I'd like to sign up for the mentoring program. Here are my details:",
        "Bonjour, je voudrais participer au programme. Voici mes données :",
    ])
    func askingToJoinAndHandingTheFormOverIsNothingToPlace(text: String) throws {
        let program = try ProcessorTests.Program()
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: text + "\n\n" + EnrollmentWorkflowTests.form)).first?.textBody)
        #expect(try program.database.participant(email: "ana@example.net")?.status == .active, "\(answer)")
        #expect(!answer.contains("could not place") && !answer.contains("situar"), "\(text): \(answer)")
        // Anything else in such a sentence is still said back.
        let more = try #require(try workflow.exchange(program, workflow.mail(body: "Hola, me gustaría apuntarme al programa aunque mi gato prefiere dormir.\n\n"
                                                                            + EnrollmentWorkflowTests.form)).first?.textBody)
        #expect(more.contains("gato"), "\(more)")
    }

    /// Finding: an About me that goes on over more lines had its later lines said back as
    /// words "we could not place", though they are stored as About me.
    @Test func aboutMeOverSeveralLinesIsNotSaidBackAsUnplaced() throws {
        let program = try ProcessorTests.Program()
        let form = EnrollmentWorkflowTests.form + "\nI also run the local meetup in Campinas every month.\nAnd I review translations on weekends."
        let answer = try #require(try workflow.exchange(program, workflow.mail(body: form)).first?.textBody)
        let ana = try #require(try program.database.participant(email: "ana@example.net"))
        #expect(ana.profile.aboutMe.contains("run the local meetup") && ana.profile.aboutMe.contains("review translations"), "\(ana.profile.aboutMe)")
        #expect(!answer.contains("could not place"), "\(answer)")
    }

    /// Finding: "Ah, e esqueci: Interaction: video" was answered "could not tell".
    @Test func aFormLineAfterAPhraseAndAColonIsAChange() throws {
        let program = try ProcessorTests.Program()
        _ = try workflow.exchange(program, workflow.mail(body: EnrollmentWorkflowTests.form))
        let answer = try #require(try workflow.exchange(program, workflow.mail(subject: "Oi", body: "Ah, e esqueci: Interaction: video")).first?.textBody)
        #expect(!answer.contains("could not tell"), "\(answer)")
        #expect(try program.database.participant(email: "ana@example.net")?.profile.interactions == ["video"], "\(answer)")
    }
}
