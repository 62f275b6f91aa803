@testable import MentorMail
import Testing

/// Finding (H8-1): what makes header-less text an out-of-office reply: words of being away and
/// a responder's phrases only, never an answer, a question or a request beside them.
@Suite struct ResponderTextTests {
    @Test(arguments: [
        "Estoy de vacaciones hasta el 10 de marzo, pero contesto ya: 5, sí, buena, continuar",
        "I'm on vacation until March 20, please pause me until then.",
        "I'm out of the office until January 5, but wanted to say: I'd like to be a mentor for Nova.",
        "Ich bin bis 30. Mai im Urlaub, kann also leider nicht kommen.",
        "Je suis absente jusqu'au 3 mars, mais oui, je viendrai.",
        "Estoy de vacaciones hasta el 20 de marzo. ¿Puedo cambiar mi zona horaria?",
        // Being away said in another script, and something else beside it.
        "我正在休假。我想成为导师",
        "我正在休假，1月3日回来。我想参加导师计划，做Cinder方面的学员。",
        "1月10日まで不在にしております。メンティーとして参加したいです。",
        "Я в отпуске до 10 мая. Хочу стать ментором.",
        "أنا في إجازة حتى 10 مايو. أريد أن أكون مرشدة.",
        "5월 10일까지 부재중입니다. 멘토가 되고 싶어요.",
    ])
    func aPersonsWordsBesideBeingAway(text: String) {
        #expect(!ResponderText.saysNothingElse(OwnText(text), senderName: "Lou Diaz"), "\(text)")
    }

    @Test(arguments: [
        "Thanks for your email. I'll reply on my return.",
        "Ich bin bis zum 10. Januar nicht im Büro und habe nur eingeschränkten Zugriff auf E-Mails.",
        "Je suis absent du bureau jusqu'au 8 janvier. Je répondrai à votre message à mon retour.",
        "Estou fora do escritório até 5 de janeiro, com acesso limitado ao e-mail.",
        "Sono fuori ufficio fino al 7 gennaio. Risponderò al mio rientro.",
        "I am currently out of the office with limited access to email.\n\nBest regards,\nLou Diaz",
        "1月10日まで不在にしております。戻り次第ご連絡いたします。",
        "我正在休假，1月3日回来。如有急事请联系我的同事。\n张伟",
        "Я в отпуске до 10 мая и не проверяю почту. С уважением,\nЛу Диас",
        "أنا خارج المكتب حتى 10 مايو. سأرد على رسالتك عند عودتي.",
        "现在不在办公室。\n2027年1月3日",
    ])
    func aRespondersText(text: String) {
        let name = text.contains("张伟") ? "张伟" : text.contains("Лу") ? "Лу Диас" : "Lou Diaz"
        #expect(ResponderText.saysNothingElse(OwnText(text), senderName: name), "\(text)")
    }
}
