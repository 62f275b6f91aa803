import Testing
@testable import MentorMail

/// Names written all in capitals or all in small letters are tidied; any other is left as written.
@Suite struct NameCaseTests {
    @Test(arguments: [
        ("BOB MARTIN", "Bob Martin"),
        ("ivy nguyen", "Ivy Nguyen"),
        ("jean-luc o'brien", "Jean-Luc O'Brien"),
        ("JEAN-LUC O’BRIEN", "Jean-Luc O’Brien"),
        ("mcdonald", "Mcdonald"),
        ("MACKENZIE SMITH", "Mackenzie Smith"),
        ("maria de la cruz", "Maria de la Cruz"),
        ("LUDWIG VAN BEETHOVEN", "Ludwig Van Beethoven"),
        ("NGUYEN VAN AN", "Nguyen Van An"),
        ("tran le minh", "Tran Le Minh"),
        ("ana da silva", "Ana da Silva"),
        ("AHMAD BIN ISMAIL", "Ahmad bin Ismail"),
        ("ahmed al-hassan", "Ahmed Al-Hassan"),
        ("DE LA HOYA", "De la Hoya"),
        ("NGUYEN LE", "Nguyen Le"),
        ("J. R. R. TOLKIEN", "J. R. R. Tolkien"),
        ("j.r.r. tolkien", "J.R.R. Tolkien"),
        ("MARTIN LUTHER KING III", "Martin Luther King III"),
        ("KA'AHUMANU", "Ka'ahumanu"),
        ("ZOË ÇELIK", "Zoë Çelik"),
        ("søren østergaard", "Søren Østergaard"),
        ("ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "Νικος Παπαδοπουλος"),
        ("АННА ИВАНОВА", "Анна Иванова"),
        ("陈静 CHEN JING", "陈静 Chen Jing"),
        ("BO", "Bo"),
    ])
    func aNameInOneCaseIsCapitalisedWordByWord(written: String, tidied: String) {
        #expect(NameCase.tidied(written) == tidied)
        #expect(NameCase.tidied(tidied) == tidied, "a tidied name stays as it is")
    }

    @Test(arguments: [
        "Mia van Dijk", "DeShawn Jones", "McKenzie Ross", "da Silva", "Ana García", "Jean-Luc O'Brien", "bob MARTIN",
        "李小龙", "محمد علي", "陈静", "J", "j", "", "J.", "Li",
    ])
    func anyOtherNameIsLeftAsWritten(written: String) {
        #expect(NameCase.tidied(written) == written)
    }
}
