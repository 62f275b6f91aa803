@testable import MentorMail
import Testing

/// A newcomer's role asked for in a sentence in Arabic, German, Portuguese and French: verb
/// forms, gender forms, with and without accents; and sentences that only speak of a mentor.
@Suite struct JoinInMoreLanguagesTests {
    @Test(arguments: [
        "أود الانضمام كمتدربة", "أود الانضمام كمتدرب.", "أريد أن أكون متدربا", "أرغب في الانضمام إلى البرنامج كمتدربة",
        "Ich möchte als Mentee teilnehmen", "Ich würde gerne als Mentee mitmachen.", "Ich moechte mich als Mentee anmelden",
        "Hallo, ich würde gern als Mentee am Programm teilnehmen.", "Ich möchte gerne Mentee werden.",
        "Gostaria de participar como mentorada", "Quero participar como mentorado.", "gostaria de ser mentorada",
        "Eu queria me inscrever como mentorado", "Je voudrais être mentorée", "je voudrais etre mentoree",
        "Je souhaite participer en tant que mentorée.", "J'aimerais être mentoré", "Je veux devenir mentee",
        "je voudrais m'inscrire comme mentoré",
    ])
    func asksToJoinAsAMentee(text: String) {
        #expect(JoinWords.role(in: text) == .mentee, "\(text)")
    }

    @Test(arguments: [
        "أرغب في أن أكون مرشدة", "أود أن أكون مرشدا", "أريد أن أصبح مرشدة.", "أود الانضمام كمرشد",
        "Ich würde gerne Mentorin sein", "Ich wuerde gerne Mentor sein.", "Ich möchte Mentor werden", "Ich wäre gerne Mentorin.",
        "Ich möchte als Mentor mitmachen", "quero ser mentora", "Quero ser mentor.", "Gostaria de me tornar mentora",
        "gostaria de participar como mentor", "je souhaite devenir mentor", "Je souhaiterais devenir mentore.",
        "Je voudrais être mentor", "J'aimerais participer en tant que mentor", "je veux etre mentor",
    ])
    func asksToJoinAsAMentor(text: String) {
        #expect(JoinWords.role(in: text) == .mentor, "\(text)")
    }

    @Test(arguments: [
        "My mentor said I should write to you.", "Mein Mentor hat mir gesagt, ich soll schreiben.",
        "Meine Mentorin wird morgen nicht da sein.", "Ich möchte meinem Mentor danken.", "Mon mentor m'a dit de vous écrire.",
        "Je voudrais remercier ma mentore.", "Minha mentora disse para escrever.", "Quero agradecer ao meu mentor.",
        "مرشدي قال لي أن أكتب إليكم", "Ich will kein Mentor sein.", "Je ne veux pas être mentor.", "Não quero ser mentora.",
        "Meine Kollegin möchte Mentorin werden.", "Il voudrait devenir mentor.", "Ele quer ser mentor.",
        "Mein Mentor möchte teilnehmen.", "Mon mentor voudrait participer.",
        "لا أريد أن أكون مرشدة", "Je voudrais être avec mon mentor.", "Ich möchte mit meiner Mentorin teilnehmen.",
    ])
    func onlySpeaksOfAMentor(text: String) {
        #expect(JoinWords.role(in: text) == nil, "\(text)")
    }
}
