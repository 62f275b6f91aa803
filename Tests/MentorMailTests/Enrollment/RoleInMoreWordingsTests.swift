import Foundation
@testable import MentorMail
import Testing

/// Finding F-2: the role in other languages was read only in the Italian "fare da mentore";
/// Spanish, Portuguese, French, German and Dutch ways of saying it were missed.
@Suite struct RoleInMoreWordingsTests {
    @Test(arguments: [
        ("Hola, me gustaría hacer de mentora en Nova.", ParticipantRole.mentor),
        ("Quiero hacer de mentor este año.", .mentor),
        ("Olá, gostaria de ser mentora no projeto.", .mentor),
        ("Eu queria atuar como mentor em Nova.", .mentor),
        ("Bonjour, je voudrais faire du mentorat sur Nova.", .mentor),
        ("Je voudrais être mentor.", .mentor),
        ("Hallo, ich würde gerne als Mentorin mitmachen.", .mentor),
        ("Hoi, ik wil graag mentor zijn voor Keystone.", .mentor),
        ("Ik wil graag mentee worden.", .mentee),
        ("Me gustaría hacer de mentee.", .mentee),
    ])
    func aRoleAskedForInWordsIsRead(text: String, role: ParticipantRole) {
        #expect(JoinWords.role(in: text) == role, "\(text)")
    }

    @Test(arguments: ["Mi amiga quiere hacer de mentora.", "Ik ken zijn mentor.", "Mein Mentor hat mitgemacht."])
    func someoneElsesRoleIsNot(text: String) {
        #expect(JoinWords.role(in: text) == nil, "\(text)")
    }
}

/// F-2 through the mail path: the role and the languages of a Spanish and a Dutch first mail
/// come back filled in on the form.
@Suite struct FirstMailRoleInMoreLanguagesTests {
    let workflow = EnrollmentWorkflowTests()

    @Test func aSpanishAndADutchFirstMailHaveTheirRoleAndLanguagesRead() throws {
        let program = try ProcessorTests.Program()
        let spanish = try #require(try workflow.exchange(program, workflow.mail(from: "Mariana Ruiz <mar@example.mx>", subject: "mentoría",
            body: "Hola, me gustaría hacer de mentora en Nova. Hablo español. Ciudad de México. Prefiero videollamada.")).first?.textBody)
        #expect(spanish.contains("Rol: mentor"), "\(spanish)")
        let dutch = try #require(try workflow.exchange(program, workflow.mail(from: "Femke de Vries <fem@example.nl>", subject: "mentor",
            body: "Hoi, ik wil graag mentor zijn voor Keystone. Amsterdam. Ik spreek Nederlands en Engels. Liefst via chat.")).first?.textBody)
        #expect(dutch.contains("Role: mentor"), "\(dutch)")
        #expect(dutch.contains("Dutch, English"), "\(dutch)")
    }
}
