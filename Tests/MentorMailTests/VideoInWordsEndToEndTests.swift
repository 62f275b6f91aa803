import Foundation
import Mail
@testable import MentorMail
import Testing

/// Finding (N-2): "prefiero videollamadas", "Ich bevorzuge Videoanrufe", "Posso fazer chamadas
/// de vídeo à noite" above the quoted pre-filled form were not read: each was told "email (not
/// given: assumed)", and João's sentence vanished. Each is the video way to meet, in a first
/// mail and under the form, and no sentence is dropped unread and unlisted.
@Suite struct VideoInWordsEndToEndTests {
    let workflow = EnrollmentWorkflowTests()

    static let people: [(from: String, first: String, above: String)] = [
        ("Ana García <ana@example.es>", "Hola, quiero ser mentee. Vivo en Madrid y hablo español.",
         "Todo correcto. Soy mentorada, técnica, prefiero videollamadas."),
        ("Hana Berg <hana@example.de>", "Hallo, ich möchte Mentee sein. Ich wohne in Berlin und spreche Deutsch.",
         "Passt so. Art der Mentoring: technisch. Ich bevorzuge Videoanrufe."),
        ("João Silva <joao@example.pt>", "Olá, quero ser mentorado. Moro em Lisboa e falo português.",
         "Está tudo certo. Tipo: técnica. Posso fazer chamadas de vídeo à noite."),
        ("Chloé Martin <chloe@example.fr>", "Bonjour, je voudrais être mentorée. J'habite à Paris et je parle français.",
         "Tout est bon. Type : technique. Je préfère la vidéo."),
    ]

    @Test(arguments: people.indices)
    func aVideoSentenceAboveTheQuotedFormIsRead(_ index: Int) throws {
        let (from, first, above) = Self.people[index]
        let program = try ProcessorTests.Program()
        let form = try #require(try workflow.exchange(program, workflow.mail(from: from, subject: "Mentoring", body: first)).first)
        let quoted = (form.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let answer = try #require(try workflow.exchange(program, workflow.mail(from: from, subject: "Re: \(form.subject ?? "")",
                                                                              body: above + "\n\nOn Mon, 2 Nov 2026 at 10:00, Mentoring <mentoring@example.org> wrote:\n" + quoted))
            .first?.textBody)
        let address = MailAddress.parseList(from).first?.normalized ?? ""
        let profile = try #require(try program.database.participant(email: address)?.profile, "\(answer)")
        #expect(profile.interactions == ["video"] && profile.mentoringTypes == ["technical"], "\(answer)")
        #expect(!answer.contains("(not given: assumed)") && !answer.contains("(no indicada: supuesta)"), "\(answer)")
        // What is not read is listed, never dropped: the video sentence is read, so not listed.
        #expect(!answer.contains("vídeo à noite\"") && !answer.contains("Videoanrufe\"") && !answer.contains("videollamadas\""), "\(answer)")
    }

    @Test(arguments: people.indices)
    func aVideoSentenceInTheFirstMailFillsInTheForm(_ index: Int) throws {
        let (from, first, above) = Self.people[index]
        let program = try ProcessorTests.Program()
        let sentence = above.split(separator: ".").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let form = try #require(try workflow.exchange(program, workflow.mail(from: from, subject: "Mentoring", body: first + " " + sentence + ".")).first?.textBody)
        #expect(["Interaction: video", "Forma de contacto: vídeo"].contains { form.contains("\n\($0)\n") }, "\(sentence): \(form)")
    }
}
