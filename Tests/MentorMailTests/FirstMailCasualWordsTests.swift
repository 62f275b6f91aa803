import Foundation
import Mail
@testable import MentorMail
import Testing

/// Findings F-7 (ravi2-x6, n5-x6): casual words of a first mail, and Chinese or Japanese words
/// for areas and roles, come back filled in on the form; look-alike words do not.
@Suite struct FirstMailCasualWordsTests {
    let workflow = FirstMailInMoreLanguagesTests()
    let words = FirstMailWordsTests()

    func form(_ body: String) throws -> String {
        try words.form(from: "Sam Lee <sam@example.net>", body).replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test(arguments: [
        ("yo, mentee here. munich. cinder, swift. i speek germn and englsh. chat is best.", ["Areas: Cinder, Swift", "Interaction: chat"]),
        ("Hi, I'd like to be a mentee.\nContact: Slack or phone", ["Interaction: chat, video"]),
        ("Hi, I'd like to be a mentor on Nova. I like IRC.", ["Interaction: IRC"]),
        ("Olá, quero ser mentora.\nEncontros: vídeo", ["Interaction: video"]),
        ("Hello!\nboth.\nNova and Keystone.", ["Role: both"]),
        ("Hi, mentor here. glance, keystone, horizon.", ["Areas: Glance, Keystone, Horizon"]),
        ("I'd like a mentor. Email works best for me.", ["Interaction: email"]),
        // Finding (H8-5): the way liked beside the way that is best was dropped.
        ("hey, mentor here. chat is best for me, I like IRC.", ["Interaction: chat, IRC"]),
    ])
    func casualWordsAreRead(body: String, lines: [String]) throws {
        let form = try form(body)
        for line in lines { #expect(form.contains("\n\(line)\n"), "\(line) for \(body): \(form)") }
    }

    @Test(arguments: [
        "Hi, I'd like to be a mentee. It would be good for both of us.",
        "Hi, I'd like to be a mentee.\nContact: my manager",
        "Hi, I'd like to be a mentee. Let's chat later about it.",
        "Hi, I'd like to be a mentee. munich, berlin.",
    ])
    func lookAlikesAreNotRead(body: String) throws {
        let form = try form(body)
        #expect(form.contains("Interaction: (IRC, email, video, chat, in person)"), "\(body): \(form)")
        #expect(form.contains("Areas: (e.g."), "\(body): \(form)")
        #expect(!form.contains("Role: both"), "\(body): \(form)")
    }

    /// Finding: areas in Chinese or Japanese words ("文档", "翻訳", "网络", "块存储") and
    /// "Ironicのメンティーになりたい" came back with nothing filled in.
    @Test(arguments: [
        ("我想当导师，可以帮忙写文档和翻译。", "mentor", ["Areas: documentation, i18n"]),
        ("我想成为学员，对网络和块存储感兴趣。", "mentee", ["Areas: Neutron, Cinder"]),
        ("メンターになりたいです。ブロックストレージと翻訳に詳しいです。", "mentor", ["Areas: Cinder, i18n"]),
        ("Ironicのメンティーになりたいです。", "mentee", ["Areas: Ironic"]),
        ("Novaのメンターになりたいです。ドキュメントも手伝えます。", "mentor", ["Areas: Nova, documentation"]),
        ("我想当Keystone的导师。", "mentor", ["Areas: Keystone"]),
    ])
    func areasAndRolesInChineseAndJapaneseWords(body: String, role: String, lines: [String]) throws {
        try workflow.theFormComesBackWithWhatTheFirstMailSaid(body: body, role: role, lines: lines)
    }

    /// An area word that only qualifies the program ("the community's mentoring program") is no
    /// area of the writer's, and a bare "storage" names neither storage project.
    @Test(arguments: ["我想参加社区的导师计划，成为学员。", "コミュニティのメンタリングに参加したいです。メンティーになりたいです。",
                      "我想成为学员，对存储感兴趣。"])
    func programWordsAndBareStorageAreNoArea(body: String) throws {
        let form = try form(body)
        #expect(form.contains("Areas: (e.g."), "\(body): \(form)")
    }

    /// Finding (H8-3): a CJK area word outside a sentence about what the writer works on or
    /// wants ("我这里网络不太好": my network is bad; "翻訳ツールを使って": with a translation tool)
    /// is no area.
    @Test(arguments: ["我这里网络不太好，回复可能会慢一点。我想成为一名导师，方向是Nova。",
                      "翻訳ツールを使って書いています。Novaのメンターになりたいです。"])
    func areaWordsOutOfContextAreNoArea(body: String) throws {
        let form = try form(body)
        #expect(form.contains("\nAreas: Nova\n"), "\(body): \(form)")
    }

    /// Someone else's mentor stays no role: "我的导师说", "山田さんのメンターに勧められました".
    @Test(arguments: ["我的导师让我写信。", "山田さんのメンターに勧められました。"])
    func someoneElsesMentorIsNoRole(body: String) throws {
        let form = try form(body)
        #expect(form.contains("Role: (mentor, mentee, or both)"), "\(body): \(form)")
    }
}
