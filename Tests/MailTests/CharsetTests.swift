import Testing
@testable import Mail

@Suite struct CharsetTests {
    @Test(arguments: [
        ("iso-8859-1", [0x47, 0x72, 0xFC, 0xDF, 0x65], "Grüße"),
        ("ISO-8859-1", [0x93, 0x51, 0x94], "“Q”"),  // mislabelled windows-1252, read as browsers do
        ("windows-1252", [0x80, 0x20, 0x93, 0x68, 0x69, 0x94, 0x20, 0x96, 0x20, 0x85], "€ “hi” – …"),
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x2C, 0x20, 0xCD, 0xC9, 0xD2], "Привет, мир"),
        ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67], "日本語テキスト"),
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x24, 0x4B, 0x24, 0x41, 0x24, 0x4F, 0x40, 0x24, 0x33, 0x26, 0x1B, 0x28, 0x42],
         "こんにちは世界"),
        ("gb2312", [0xC4, 0xE3, 0xBA, 0xC3, 0xA3, 0xAC, 0xCA, 0xC0, 0xBD, 0xE7], "你好，世界"),
        ("big5", [0xC1, 0x63, 0xC5, 0xE9, 0xA4, 0xA4, 0xA4, 0xE5], "繁體中文"),
        ("iso-8859-2", [0x5A, 0x61, 0xBF, 0xF3, 0xB3, 0xE6], "Zażółć"),
        ("windows-1251", [0xC7, 0xE4, 0xF0, 0xE0, 0xE2, 0xF1, 0xF2, 0xE2, 0xF3, 0xE9, 0xF2, 0xE5], "Здравствуйте"),
        ("ks_c_5601-1987", [0xBE, 0xC8, 0xB3, 0xE7, 0xC7, 0xCF, 0xBC, 0xBC, 0xBF, 0xE4], "안녕하세요"),
        ("iso-8859-7", [0xCA, 0xE1, 0xEB, 0xE7, 0xEC, 0xDD, 0xF1, 0xE1], "Καλημέρα"),
        ("\"UTF-8\"", [0x4A, 0x6F, 0x73, 0xC3, 0xA9], "José"),
    ] as [(String, [UInt8], String)])
    func decodesDeclaredCharsets(charset: String, bytes: [UInt8], expected: String) {
        #expect(Charset.decode(bytes, charset: charset) == expected)
    }

    @Test func unknownCharsetFallsBackToUTF8ThenLatin1() {
        #expect(Charset.decode(Array("José".utf8), charset: "x-made-up") == "José")
        #expect(Charset.decode([0x4A, 0x6F, 0x73, 0xE9], charset: "x-made-up") == "José")
        #expect(Charset.decode([0x4A, 0x6F, 0x73, 0xE9], charset: nil) == "José")
        #expect(Charset.decode(Array("naïve".utf8), charset: "us-ascii") == "naïve")
    }

    @Test func invalidSequencesBecomeReplacementCharacters() {
        #expect(Charset.decode([0x93, 0xFA, 0x41, 0x83], charset: "shift_jis") == "日A\u{FFFD}")
    }

    /// Finding: 8-bit windows-1252 text labelled UTF-8 was stored as "Caf� enthusiast � loves �Neutron�".
    @Test func textLabelledUTF8ThatIsNotFallsBackToWindows1252() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" enthusiast ".utf8) + [0x96] + Array(" loves ".utf8)
            + [0x93] + Array("Neutron".utf8) + [0x94] + Array(" and na".utf8) + [0xEF] + Array("ve questions".utf8)
        #expect(Charset.decode(bytes, charset: "utf-8") == "Café enthusiast – loves “Neutron” and naïve questions")
        #expect(Charset.decode([0x61, 0xFF, 0x62], charset: "UTF-8") == "aÿb")
        // Valid sequences beside a stray byte stay UTF-8; valid UTF-8 is never touched.
        #expect(Charset.decode(Array("José ".utf8) + [0x96] + Array(" 王丽".utf8), charset: "utf-8") == "José – 王丽")
        #expect(Charset.decode(Array("Ã© – “x”".utf8), charset: "utf-8") == "Ã© – “x”")
        // A sequence cut short, or a surrogate, is no sequence.
        #expect(Charset.decode([0xE2, 0x80, 0x41], charset: "utf-8") == "â€A")
        #expect(Charset.decode([0xED, 0xA0, 0x80], charset: "utf-8") == "í\u{A0}€")

        let raw = "From: Karl <karl@example.se>\r\nSubject: Re: Signing up\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\nAbout me: Caf"
        let message = Message(bytes: Array(raw.utf8) + [0xE9] + Array(" \u{2013} fine\r\n".utf8))
        #expect(message.textBody?.hasPrefix("About me: Café – fine") == true, "\(message.textBody ?? "")")
    }

    @Test func charsetInAPartIsHonoured() {
        let raw = """
        From: Иван <ivan@example.ru>
        Subject: =?KOI8-R?B?8NLJ18XU?=
        Content-Type: text/plain; charset="KOI8-R"
        Content-Transfer-Encoding: base64

        8NLJ18XULCDNydI=
        """
        let message = Message(raw)
        #expect(message.subject == "Привет")
        #expect(message.textBody == "Привет, мир")
        #expect(message.from?.name == "Иван")
    }

    @Test func japaneseISO2022Message() {
        let raw = """
        From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <yamada@example.jp>
        Subject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=
        MIME-Version: 1.0
        Content-Type: text/plain; charset=ISO-2022-JP
        Content-Transfer-Encoding: 7bit

        \u{1B}$B$3$s$K$A$O@$3&\u{1B}(B
        """
        let message = Message(raw)
        #expect(message.subject == "こんにちは")
        #expect(message.from?.name == "山田")
        #expect(message.textBody == "こんにちは世界")
    }
}
