import Foundation

/// Reads spoken languages written in English ("Spanish"), in the language itself
/// ("Español", "中文"), or as an ISO 639-1 code ("es"), and names them in English.
///
/// Names come from Foundation's locale data for every two-letter code, plus a few
/// everyday words the data lacks ("Mandarin", "Farsi", "Castellano") and the main languages' names
/// in the community's other languages ("espanhol", "tedesco", "allemand").
public enum LanguageNames {
    /// The English name for one language as written, or nil.
    /// A bare code ("es", "eng") is read only when it is the whole answer item.
    public static func englishName(for text: String) -> String? {
        let key = EnrollmentText.fold(text)
        if let name = index[key] { return name }
        let letters = key.filter(\.isLetter)
        guard letters.count == key.count else { return nil }
        return letters.count == 2 ? codes[letters] : threeLetterCodes[letters]
    }

    /// Reads a list ("English, Español and some German"): English names in order without
    /// duplicates, the items that named no language, and the one-word items read as the
    /// language they nearly spell ("Englsh" as English).
    public static func read(_ answer: String) -> (languages: [String], unknown: [String], nearly: [(written: String, name: String)]) {
        var languages: [String] = []
        var unknown: [String] = []
        var nearly: [(written: String, name: String)] = []
        for item in EnrollmentText.listItems(answer) {
            var found = namesIn(item)
            if found.isEmpty, let name = nearest(to: item) {
                found = [name]
                nearly.append((EnrollmentText.trim(item), name))
            }
            if found.isEmpty { unknown.append(item) }
            for name in found where !languages.contains(name) { languages.append(name) }
        }
        return (languages, unknown, nearly)
    }

    /// The languages named inside Chinese or Japanese text, which has no spaces between words, in
    /// order: "中文和英语" → Chinese, English; "日本語と英語を話します" → Japanese, English.
    static func named(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index < characters.count {
            guard let (written, name) = cjkNames.first(where: { characters[index...].starts(with: $0.0) }) else {
                index += 1
                continue
            }
            if !found.contains(name) { found.append(name) }
            index += written.count
        }
        return found
    }

    /// The names written in Chinese characters or kana, longest first.
    private static let cjkNames: [(String, String)] = mainIndex.filter { CJKPhrases.has($0.key) }
        .map { ($0.key, $0.value) }.sorted { ($0.0.count, $0.0) > ($1.0.count, $1.0) }

    /// The language a one-word item nearly spells: the only one within one letter's edit
    /// ("Spansh"), or two for words of eight letters or more ("Portugeese").
    static func nearest(to item: String) -> String? {
        let word = EnrollmentText.fold(item.split(separator: "(").first.map(String.init) ?? item)
        guard word.count >= 4, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let limit = word.count >= 8 ? 2 : 1
        let near = Set(spellings.compactMap { spelling, name in
            abs(spelling.count - word.count) <= limit && ConfigSchema.distance(spelling, word) <= limit ? name : nil
        })
        return near.count == 1 ? near.first : nil
    }

    /// The main names written in Latin letters, folded, that a misspelling is compared with.
    private static let spellings: [(String, String)] = mainIndex.filter { key, _ in
        key.count >= 4 && key.allSatisfy { $0.isASCII && $0.isLetter }
    }.map { ($0.key, $0.value) }

    /// An item is a name or code as a whole, else every word that is a name:
    /// "native Spanish" and "English (fluent)" both work.
    private static func namesIn(_ item: String) -> [String] {
        let bare = item.split(separator: "(").first.map(String.init) ?? item
        if let name = englishName(for: bare) { return [name] }
        let words = EnrollmentText.words(bare)
        var found: [String] = []
        var position = 0
        while position < words.count {
            if position + 1 < words.count, let name = index[words[position] + " " + words[position + 1]] {
                found.append(name)
                position += 2
            } else {
                if let name = index[words[position]] { found.append(name) }
                position += 1
            }
        }
        return found
    }

    /// Everyday names that locale data does not give, folded, to the English name.
    private static let extraNames: [String: String] = [
        "mandarin": "Mandarin", "cantonese": "Cantonese", "putonghua": "Mandarin", "hanyu": "Chinese",
        "zhongwen": "Chinese", "普通话": "Mandarin", "普通話": "Mandarin", "國語": "Mandarin", "国语": "Mandarin",
        "华语": "Mandarin", "華語": "Mandarin", "汉语": "Chinese", "漢語": "Chinese", "中文": "Chinese",
        "粵語": "Cantonese", "粤语": "Cantonese", "广东话": "Cantonese", "廣東話": "Cantonese", "hokkien": "Hokkien",
        "min nan": "Hokkien", "taiwanese": "Hokkien", "闽南语": "Hokkien", "閩南語": "Hokkien", "台語": "Hokkien",
        "shanghainese": "Wu", "wu chinese": "Wu", "上海话": "Wu", "hakka": "Hakka", "客家话": "Hakka", "客家話": "Hakka",
        "mandarin chinese": "Mandarin", "cantonese chinese": "Cantonese",
        "farsi": "Persian", "castellano": "Spanish", "castilian": "Spanish", "brazilian portuguese": "Portuguese",
        "brasileiro": "Portuguese", "bangla": "Bengali", "bokmal": "Norwegian", "nynorsk": "Norwegian",
        "norwegian bokmal": "Norwegian", "tagalog": "Tagalog", "pilipino": "Filipino", "flemish": "Dutch",
        "frisian": "Frisian", "west frisian": "Frisian", "western frisian": "Frisian", "frysk": "Frisian",
        "vlaams": "Dutch", "swiss german": "German", "schweizerdeutsch": "German", "valencian": "Catalan",
        "american english": "English", "british english": "English",
        "ingles": "English", "anglais": "English", "englisch": "English", "inglese": "English",
        "espagnol": "Spanish", "spanisch": "Spanish", "chino": "Chinese", "allemand": "German",
        "aleman": "German", "frances": "French", "franzosisch": "French", "hindustani": "Hindi",
        "japones": "Japanese", "portugues": "Portuguese", "italiano": "Italian", "ruso": "Russian", "coreano": "Korean",
        "chines": "Chinese", "japonais": "Japanese", "chinois": "Chinese", "portugais": "Portuguese", "italien": "Italian",
        "russe": "Russian", "japanisch": "Japanese", "chinesisch": "Chinese", "portugiesisch": "Portuguese",
        "italienisch": "Italian", "russisch": "Russian", "spagnolo": "Spanish", "tedesco": "German", "francese": "French",
        "cinese": "Chinese", "giapponese": "Japanese", "hiszpanski": "Spanish", "angielski": "English", "niemiecki": "German",
        "polski": "Polish", "английский": "English", "испанский": "Spanish", "немецкий": "German", "французский": "French",
        "китайский": "Chinese", "японский": "Japanese", "英语": "English", "英文": "English", "西班牙语": "Spanish",
        "日语": "Japanese", "法语": "French", "德语": "German", "英語": "English", "日本語": "Japanese",
        "スペイン語": "Spanish", "中国語": "Chinese", "ドイツ語": "German", "フランス語": "French",
        "espanhol": "Spanish", "castelhano": "Spanish", "alemao": "German", "russo": "Russian", "holandes": "Dutch",
        "polones": "Polish", "polaco": "Polish", "arabe": "Arabic", "hindi": "Hindi", "portoghese": "Portuguese",
        "coreen": "Korean", "neerlandais": "Dutch", "polonais": "Polish", "koreanisch": "Korean",
        "niederlandisch": "Dutch", "polnisch": "Polish", "arabisch": "Arabic", "olandese": "Dutch", "polacco": "Polish",
        "arabo": "Arabic",
        "الإنجليزية": "English", "الانجليزية": "English", "الإنكليزية": "English", "الانكليزية": "English",
        "الفرنسية": "French", "الإسبانية": "Spanish", "الاسبانية": "Spanish", "الألمانية": "German", "الصينية": "Chinese",
        "اليابانية": "Japanese", "الروسية": "Russian", "الهندية": "Hindi", "التركية": "Turkish", "انگلیسی": "English",
        "अंग्रेज़ी": "English", "अंग्रेजी": "English", "इंग्लिश": "English", "स्पेनिश": "Spanish", "फ़्रेंच": "French",
        "जर्मन": "German", "영어": "English", "한국어": "Korean", "중국어": "Chinese", "일본어": "Japanese", "스페인어": "Spanish",
        "韓国語": "Korean", "韩语": "Korean", "英國語": "English", "ingilizce": "English", "almanca": "German",
        "fransizca": "French", "ispanyolca": "Spanish", "turkce": "Turkish", "arapca": "Arabic", "engels": "English",
        "duits": "German", "frans": "French", "spaans": "Spanish", "nederlands": "Dutch", "англійська": "English",
        "українська": "Ukrainian", "німецька": "German", "французька": "French", "іспанська": "Spanish",
        "русский": "Russian", "арабский": "Arabic", "hiszpański": "Spanish", "francuski": "French", "rosyjski": "Russian",
        "włoski": "Italian", "chiński": "Chinese", "japoński": "Japanese", "portugalski": "Portuguese", "ukraiński": "Ukrainian",
        "arabski": "Arabic", "итальянский": "Italian", "португальский": "Portuguese", "польский": "Polish", "украинский": "Ukrainian",
        "日文": "Japanese", "日本话": "Japanese", "法文": "French", "德文": "German", "西班牙文": "Spanish", "俄语": "Russian",
        "俄語": "Russian", "俄文": "Russian", "韓語": "Korean", "韩文": "Korean", "葡萄牙语": "Portuguese", "葡萄牙語": "Portuguese",
        "意大利语": "Italian", "義大利語": "Italian", "阿拉伯语": "Arabic", "阿拉伯語": "Arabic", "法語": "French", "德語": "German",
        "西班牙語": "Spanish", "ロシア語": "Russian", "ポルトガル語": "Portuguese", "イタリア語": "Italian", "アラビア語": "Arabic",
        "広東語": "Cantonese", "北京語": "Mandarin", "標準語": "Japanese",
    ].merging(declined) { first, _ in first }

    /// Russian and Polish names as a sentence declines them: "говорю по-русски", "на английском",
    /// "владею немецким", "mówię po polsku i angielsku".
    private static let declined: [String: String] = {
        let russian = ["русск": "Russian", "английск": "English", "немецк": "German", "французск": "French", "испанск": "Spanish",
                       "китайск": "Chinese", "японск": "Japanese", "итальянск": "Italian", "португальск": "Portuguese",
                       "польск": "Polish", "украинск": "Ukrainian", "арабск": "Arabic"]
        let polish = ["polsk": "Polish", "angielsk": "English", "niemieck": "German", "francusk": "French", "hiszpańsk": "Spanish",
                      "rosyjsk": "Russian", "włosk": "Italian", "chińsk": "Chinese", "japońsk": "Japanese", "portugalsk": "Portuguese",
                      "ukraińsk": "Ukrainian", "arabsk": "Arabic"]
        var names: [String: String] = [:]
        for (stem, name) in russian {
            for ending in ["и", "ом", "им", "ого"] { names[stem + ending] = name }
            names["по " + stem + "и"] = name
        }
        for (stem, name) in polish {
            for ending in ["u", "im", "iego"] { names[stem + ending] = name }
            names["po " + stem + "u"] = name
        }
        return names
    }()

    /// The two-letter code of an English language name ("Spanish" → "es"); varieties of
    /// Chinese give "zh".
    public static func code(for name: String) -> String? {
        if varieties["Chinese"]?.contains(name) == true { return "zh" }
        return codesByName[name]
    }

    private static let codesByName: [String: String] = {
        var names: [String: String] = [:]
        for (code, name) in codes where names[name] == nil || code < (names[name] ?? "") { names[name] = code }
        return names
    }()

    /// Varieties people tell apart, under the name that covers them all: a "Chinese" speaker
    /// is matched with a Mandarin or a Cantonese speaker, but those two are not matched with
    /// each other.
    public static let varieties: [String: [String]] = [
        "Chinese": ["Mandarin", "Cantonese", "Hokkien", "Wu", "Hakka"],
    ]

    /// The languages a person can be matched in: their own, and the varieties of a language
    /// named as a whole.
    public static func matchable(_ languages: [String]) -> Set<String> {
        Set(languages).union(languages.flatMap { (varieties[$0] ?? []) + (sameLanguage[$0] ?? []) })
    }

    /// Names of one language, each kept as its speaker wrote it and matched with the other.
    static let sameLanguage: [String: [String]] = ["Tagalog": ["Filipino"], "Filipino": ["Tagalog"]]

    /// Three-letter codes people write (ISO 639-2, and "esp"); like two-letter codes,
    /// read only as a whole item.
    private static let threeLetterCodes: [String: String] = [
        "eng": "English", "spa": "Spanish", "esp": "Spanish", "deu": "German", "ger": "German",
        "fra": "French", "fre": "French", "por": "Portuguese", "ita": "Italian", "jpn": "Japanese",
        "zho": "Chinese", "chi": "Chinese", "kor": "Korean", "rus": "Russian", "hin": "Hindi",
    ]

    /// Two-letter ISO 639-1 code → English name.
    private static let codes: [String: String] = {
        let english = Locale(identifier: "en")
        var codes: [String: String] = [:]
        for code in Locale.LanguageCode.isoLanguageCodes.map(\.identifier) where code.count == 2 {
            if let name = english.localizedString(forLanguageCode: code) {
                codes[code] = canonical(name)
            }
        }
        return codes
    }()

    private static let notWiderNames: Set<String> = [
        "Alabama", "Delaware", "Dakota", "Slave", "Mongo", "Gothic", "Scots", "Bini", "Mari", "Meru", "Embu", "Teso", "Sena",
        "Seri", "Shan", "Nama", "Koro", "Maba", "Mafa", "Kako", "Taita", "Bena", "Bulu", "Susu", "Saho", "Tigre", "Zuni", "Hupa",
        "Washo", "Fang", "Mende", "Beja", "Caddo", "Carib", "Seneca", "Cayuga", "Osage",
        "Klingon", "Kotava", "Lojban", "Blissymbols", "Novial", "Afrihili", "Toki Pona", "Lingua Franca Nova",
        "Multiple languages", "Unknown language", "No linguistic content",
    ]

    /// Folded English and native names of the languages with a two-letter code, and everyday names → English name.
    private static let mainIndex: [String: String] = {
        var index: [String: String] = [:]
        for (code, name) in codes {
            index[EnrollmentText.fold(name)] = index[EnrollmentText.fold(name)] ?? name
            if let native = Locale(identifier: code).localizedString(forLanguageCode: code) {
                index[EnrollmentText.fold(native)] = index[EnrollmentText.fold(native)] ?? name
            }
        }
        for (word, name) in extraNames { index[EnrollmentText.fold(word)] = name }
        return index
    }()

    /// `index` with the wider world's languages, named in English only ("Filipino",
    /// "Cebuano", "Bhojpuri"): names of four letters or more, not places or everyday words
    /// ("Alabama", "Slave"), nor invented or placeholder ones ("Klingon", "Unknown language").
    private static let index: [String: String] = {
        var index = mainIndex
        let english = Locale(identifier: "en")
        for code in Locale.LanguageCode.isoLanguageCodes.map(\.identifier) where code.count == 3 {
            guard let name = english.localizedString(forLanguageCode: code), name.count >= 4,
                  !name.contains("("), !notWiderNames.contains(name) else { continue }
            index[EnrollmentText.fold(name)] = index[EnrollmentText.fold(name)] ?? name
        }
        return index
    }()

    /// Shorter everyday names for a few locale-data names.
    private static func canonical(_ name: String) -> String {
        switch name {
        case "Norwegian Bokmål", "Norwegian Nynorsk": "Norwegian"
        case "Bangla": "Bengali"
        default: name
        }
    }
}
