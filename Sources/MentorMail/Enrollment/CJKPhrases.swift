import Foundation

/// Chinese and Japanese sentences, which put no spaces between words, read by phrases: the role
/// asked for ("我想成为一名导师", "メンティーとして参加したいです"), the city the writer lives in
/// ("我住在北京", "大阪在住"), the languages they speak ("说中文和英语", "日本語と英語を話します")
/// and the kind of mentoring ("技术方面的指导", "キャリアの相談").
enum CJKPhrases {
    /// Whether `text` has kana or Chinese characters.
    static func has(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
    }

    // MARK: - Role

    /// The roles' names, longer before shorter ("メンティー" before "メンティ").
    static let roleNouns: [(String, ParticipantRole)] = [
        ("メンティー", .mentee), ("メンティ", .mentee), ("メンター", .mentor), ("导师", .mentor), ("導師", .mentor),
        ("学员", .mentee), ("學員", .mentee),
    ]
    /// Becoming or being, just before the role (Chinese): "成为", "当", "做", "作为", "担任", "我是".
    static let becomingBefore = ["成为", "成為", "当", "當", "做", "作为", "作為", "担任", "擔任", "我是"]
    /// Becoming or "as", just after the role: "になりたい", "として", "希望", "以…身份".
    static let becomingAfter = ["になり", "になる", "になれ", "として", "で参加", "希望", "をやり", "をしたい", "身份", "の立場で", "役で"]
    /// Looking for or needing one, just before it (Chinese): "找", "需要", "希望有".
    static let seekingBefore = ["找", "寻找", "尋找", "需要", "想要", "希望有", "想有"]
    /// The same after it (Japanese): "を探しています", "が欲しい", "が必要".
    static let seekingAfter = ["を探し", "をさがし", "が欲しい", "がほしい", "が必要", "を紹介", "を見つけ", "をつけて", "を付けて"]
    /// Words between such a verb and the role: "一名", "一位", "你们的".
    static let fillers = ["一名", "一个", "一個", "一位", "你们的", "你們的", "您的", "名", "个", "個", "位"]
    /// Negations before the role (Chinese: "我不想当导师") and after it (Japanese: "なりたくない").
    static let negationsBefore: Set<Character> = ["不", "别", "別", "没", "沒"]
    static let negationsAfter = ["ない", "ません", "なく"]
    /// Someone else at the start of a clause: "他", "我的同事", "彼女は", "同僚が".
    static let otherPeople = ["他", "她", "我的同事", "我的朋友", "我同事", "我朋友", "我的导师", "我的導師", "彼", "同僚", "友人", "友達",
                              "私の同僚", "私の友人", "私の友達", "私のメンター"]
    /// A role's name as part of the program's: "导师计划", "メンタープログラム".
    static let programNouns = ["计划", "計劃", "計画", "项目", "項目", "制度", "プログラム", "活动", "活動"]
    /// Words that join two roles: "导师和学员".
    static let joiners = ["和", "与", "與", "及", "跟", "兼", "と", "や"]

    /// The role a Chinese or Japanese clause asks for: being or becoming it ("我想当导师",
    /// "メンターになりたい", "メンティーとして参加"), or looking for a mentor ("我想找一位导师",
    /// "メンターを探しています"). Not when negated ("我不想当导师"), said of someone else
    /// ("我的同事想当导师"), or only naming one ("我的导师说", "导师计划").
    static func role(in clause: String) -> ParticipantRole? {
        guard has(clause), !otherPeople.contains(where: clause.hasPrefix) else { return nil }
        let characters = Array(clause)
        var index = 0
        while index < characters.count {
            guard let (noun, role) = roleNouns.first(where: { characters[index...].starts(with: $0.0) }) else {
                index += 1
                continue
            }
            let before = String(characters[..<index]), after = String(characters[(index + noun.count)...])
            index += noun.count
            if programNouns.contains(where: after.hasPrefix) || before.contains(where: negationsBefore.contains) { continue }
            // "我的导师", "私のメンター": someone's mentor.
            var bare = withoutFillers(before)
            if bare.hasSuffix("的") || bare.hasSuffix("の") {
                // A project's: "Ironicのメンティーになりたい", "我想当Keystone的导师" still ask for the role.
                guard let owner = projectOwner(bare) else { continue }
                bare = withoutFillers(String(bare.dropLast(owner.count + 1)))
            }
            let asked = asks(before: bare, after: after, role: role)
            if let asked, !negationsAfter.contains(where: { aboutThis(after).contains($0) }) {
                return named(otherThan: role, before: before, after: after) ? .both : asked
            }
        }
        return nil
    }

    /// The name in Latin letters right before a possessive particle ("Ironic" in "Ironicの"),
    /// a project's; nil for a person's in Chinese or Japanese ("我的", "山田さんの").
    private static func projectOwner(_ text: String) -> String? {
        let owner = String(text.dropLast().reversed().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }.reversed())
        return owner.first?.isLetter == true ? owner : nil
    }

    private static func asks(before: String, after: String, role: ParticipantRole) -> ParticipantRole? {
        if becomingBefore.contains(where: before.hasSuffix) || becomingAfter.contains(where: after.hasPrefix) { return role }
        if role == .mentor, seekingBefore.contains(where: before.hasSuffix) || seekingAfter.contains(where: after.hasPrefix) { return .mentee }
        return nil
    }

    /// `text` without the fillers at its end: "我想成为一名" → "我想成为".
    private static func withoutFillers(_ text: String) -> String {
        var text = text
        while let filler = fillers.first(where: text.hasSuffix) { text.removeLast(filler.count) }
        return text
    }

    /// What is said of this role: the text after it, up to the next role's name.
    private static func aboutThis(_ after: String) -> String {
        let next = roleNouns.compactMap { after.range(of: $0.0)?.lowerBound }.min() ?? after.endIndex
        return String(after[..<next])
    }

    /// Whether the other role stands next to this one, joined to it: "导师和学员".
    private static func named(otherThan role: ParticipantRole, before: String, after: String) -> Bool {
        let others = roleNouns.filter { $0.1 != role }.map(\.0)
        return joiners.contains { joiner in
            others.contains { after.hasPrefix(joiner + $0) || before.hasSuffix($0 + joiner) }
        }
    }

    /// Verbs of joining: "参加", "加入", "报名", "応募".
    static let joinVerbs = ["参加", "參加", "加入", "报名", "報名", "参与", "參與", "申请加入", "申請加入", "応募", "申し込"]

    /// Whether a Chinese or Japanese clause asks to join: "我想参加", "参加したいです" (not "我不想参加").
    static func asksToJoin(_ clause: String) -> Bool {
        guard has(clause), !otherPeople.contains(where: clause.hasPrefix) else { return false }
        return joinVerbs.contains { verb in
            guard let range = clause.range(of: verb) else { return false }
            return !clause[..<range.lowerBound].contains(where: negationsBefore.contains)
                && !negationsAfter.contains { clause[range.upperBound...].contains($0) }
        }
    }

    /// Japanese negations after a verb: "したくない", "しません", "できません" (not a polite question,
    /// "していただけませんか", which asks).
    static let verbNegations = ["たくない", "たくありません", "しない", "しません", "できない", "できません", "ないで"]

    /// Whether the words after a Japanese request say it is not wanted: "退会したくない", "再開しません".
    static func negatedAfter(_ after: Substring) -> Bool {
        let near = after.prefix(12)
        return verbNegations.contains { negation in
            guard let range = near.range(of: negation) else { return false }
            return near[range.upperBound...].first != "か"
        }
    }

    // MARK: - Areas

    /// The areas named in Chinese or Japanese words in `sentence` ("对网络和存储感兴趣",
    /// "ストレージと翻訳"), by the vocabulary's names in those scripts, longest first, in the
    /// order written, as the vocabulary shows them. Not words that qualify a name in Latin
    /// letters right before them ("Swift存储" is Swift's storage, "Nova のドキュメント翻訳" Nova's).
    static func areas(in sentence: String, vocabulary: EnrollmentVocabulary) -> [String] {
        guard !vocabulary.cjkNames.isEmpty, has(sentence), saysWhatTheWriterWorksOn(sentence) else { return [] }
        var found: [(range: Range<String.Index>, area: String)] = []
        for (name, area) in vocabulary.cjkNames {
            var start = sentence.startIndex
            while let range = sentence.range(of: name, range: start..<sentence.endIndex) {
                start = range.upperBound
                if !found.contains(where: { $0.range.overlaps(range) }) { found.append((range, area)) }
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        return found.compactMap { match in
            // Back over a particle and the area words before it, to the word they qualify.
            var head = sentence[..<match.range.lowerBound]
            while true {
                while let last = head.last, last.isWhitespace || last == "の" || last == "的" { head = head.dropLast() }
                guard let before = found.first(where: { $0.range.upperBound == head.endIndex }) else { break }
                head = sentence[..<before.range.lowerBound]
            }
            if let last = head.last, last.isASCII, last.isLetter { return nil }
            // "社区的导师计划", "コミュニティのメンター": the program's, not what the writer works on.
            let after = sentence[match.range.upperBound...].drop(while: \.isWhitespace)
            if let particle = after.first, particle == "的" || particle == "の",
               programWords.contains(where: after.dropFirst().drop(while: \.isWhitespace).hasPrefix) { return nil }
            return vocabulary.area(named: match.area)?.displayName ?? match.area
        }
    }

    /// Whether the sentence says what its writer works on or wants: an interest, a skill or a
    /// wish ("对…感兴趣", "方向是", "に詳しい", "手伝えます"), a role ("导师", "メンター"), or a list
    /// after a label ("领域：…"). "我这里网络不太好" (my network is bad) and "翻訳ツールを使って"
    /// (with a translation tool) name no area of the writer's.
    static func saysWhatTheWriterWorksOn(_ sentence: String) -> Bool {
        sentence.contains(where: { $0 == ":" || $0 == "：" })
            || (interestWords + programWords).contains(where: sentence.contains)
            || ["mentor", "mentee"].contains(where: sentence.lowercased().contains)
    }

    /// Words of interest, skill, help or wish in Chinese and Japanese.
    static let interestWords = ["兴趣", "興趣", "興味", "方向", "领域", "領域", "分野", "擅长", "擅長", "詳しい", "得意", "帮忙", "幫忙",
                                "手伝", "贡献", "貢献", "貢獻", "关注", "關注", "関心", "担当", "做", "やりたい", "想学", "想學", "学习",
                                "學習", "勉強", "喜欢", "喜歡", "参与", "參與", "携わ", "経験", "经验", "經驗"]

    /// Words of the mentoring program itself, after an area word and a particle.
    static let programWords = ["导师", "導師", "指导", "指導", "计划", "計劃", "项目", "項目", "学员", "學員",
                               "メンター", "メンティー", "メンタリング", "プログラム"]

    // MARK: - Place

    /// Cities and countries written in Chinese characters or kana, longest first.
    static let places: [String] = {
        let names = Array(TimeZonePlaces.cities.values.joined()) + Array(TimeZonePlaces.ownScripts.values.joined())
        return Set(names.filter(has)).sorted { $0.count > $1.count }
    }()
    /// Words before a place the writer is in: "住在", "在", "来自".
    static let placeBefore = ["住在", "在", "来自", "來自", "位于", "位於"]
    /// Words after it: "に住んでいます", "在住", "から", "出身".
    static let placeAfter = ["に住", "在住", "から", "出身", "に在住"]
    /// What makes a country's name a language's: "日本語", "中国语".
    static let languageEndings: [Character] = ["語", "语", "話", "话", "文"]

    /// The place the writer says they live in or come from: "我住在北京", "我在台北", "大阪在住",
    /// "東京に住んでいます"; nil when none, or not there ("我不在北京").
    static func place(in sentence: String) -> String? {
        guard has(sentence) else { return nil }
        for place in places {
            var from = sentence.startIndex
            while let range = sentence.range(of: place, range: from..<sentence.endIndex) {
                from = range.upperBound
                let before = sentence[..<range.lowerBound], after = sentence[range.upperBound...]
                if let next = after.first, languageEndings.contains(next) { continue }
                guard placeBefore.contains(where: before.hasSuffix) || placeAfter.contains(where: after.hasPrefix),
                      !before.suffix(3).contains(where: negationsBefore.contains) else { continue }
                return place
            }
        }
        return nil
    }

    // MARK: - Languages

    /// Verbs of speaking: "说", "講", "話します", "交流".
    static let speakingVerbs = ["说", "說", "讲", "講", "話", "交流", "沟通", "溝通"]
    /// Words that make a clause's languages the writer's without a verb: the topic ("言語は日本語と
    /// 英語です", "语言：中文、英文") or either being fine ("中文或英文均可", "日本語でも英語でも大丈夫").
    static let languageTopics = ["言語", "语言", "語言", "均可", "都可以", "都行", "皆可", "大丈夫", "どちらでも"]

    /// Whether a clause speaks of speaking: true when it does, false when it says the writer
    /// does not ("不会说日语", "話せません"), nil when no verb of speaking is in it.
    private static func speaks(_ clause: String) -> Bool? {
        var found: Bool?
        for verb in speakingVerbs + languageTopics {
            var from = clause.startIndex
            while let range = clause.range(of: verb, range: from..<clause.endIndex) {
                from = range.upperBound
                let negated = clause[..<range.lowerBound].suffix(2).contains(where: negationsBefore.contains)
                    || negationsAfter.contains { clause[range.upperBound...].prefix(5).contains($0) }
                if negated { return false }
                found = true
            }
        }
        return found
    }

    /// The languages a sentence's clauses say are spoken, in English ("说中文和英语" → Chinese,
    /// English; "日本語、英語を話します"): the names in clauses with a verb of speaking, or none, in a
    /// sentence with one; not those of a clause that says they are not spoken ("不会说日语").
    static func languages(in clauses: [String]) -> [String] {
        guard clauses.contains(where: has) else { return [] }
        let speaking = clauses.map(speaks)
        guard speaking.contains(true) else { return [] }
        var found: [String] = []
        for (clause, speaks) in zip(clauses, speaking) where speaks != false {
            for name in LanguageNames.named(in: clause) where !found.contains(name) { found.append(name) }
        }
        return found
    }

    // MARK: - Ways to meet

    /// The ways to meet as Chinese and Japanese write them, longer first: "视频聊天" is a video
    /// call, not a chat, and "视频见面" meets by video.
    static let styleWords: [(String, InteractionStyle)] = [
        ("视频通话", .video), ("視頻通話", .video), ("视频会议", .video), ("視頻會議", .video), ("视频聊天", .video), ("視頻聊天", .video),
        ("视频见面", .video), ("視頻見面", .video), ("视频", .video), ("視頻", .video), ("視訊", .video), ("ビデオ通話", .video),
        ("ビデオ会議", .video), ("テレビ電話", .video), ("ウェブ会議", .video), ("オンライン会議", .video), ("ビデオ", .video),
        ("电子邮件", .email), ("電子郵件", .email), ("电子邮箱", .email), ("邮件", .email), ("郵件", .email), ("电邮", .email), ("電郵", .email),
        ("電子メール", .email), ("メール", .email), ("聊天", .chat), ("即时通讯", .chat), ("即時通訊", .chat), ("チャット", .chat),
        ("面对面", .inPerson), ("面對面", .inPerson), ("线下见面", .inPerson), ("線下見面", .inPerson), ("当面", .inPerson),
        ("當面", .inPerson), ("见面", .inPerson), ("見面", .inPerson), ("対面", .inPerson), ("直接会", .inPerson), ("直接お会い", .inPerson),
    ]
    /// Words in a clause that make a way named in it the one wished: preferring, using, being in
    /// touch by it ("希望", "通过", "用", "交流", "联系", "可以"; "希望", "がいい", "やり取り", "お願い").
    static let meansWords = [
        "希望", "喜欢", "喜歡", "偏好", "倾向", "傾向", "最好", "通过", "通過", "用", "交流", "沟通", "溝通", "联系", "聯繫", "联络",
        "聯絡", "方便", "比较好", "比較好", "可以", "方式", "聊", "がいい", "が良い", "好き", "話", "やり取り", "やりとり", "連絡",
        "お願い", "可能", "できます", "会", "使", "便利", "助か", "嬉しい", "うれしい", "したい", "方法", "形式",
    ]
    /// What says a way is not wanted after it (Japanese): "ビデオ通話は苦手です", "メールではなく".
    static let refusedAfter = ["ない", "ません", "なく", "苦手", "無理", "嫌"]
    /// Polite words that end like a refusal and are none: "メールでも構いません" (email is fine).
    static let notRefusals = ["構いません", "かまいません", "問題ありません", "差し支えありません"]

    /// The ways to meet named in a Chinese or Japanese text, in order, each with the text before
    /// and after it: the phrases above, and ways written in Latin letters ("用IRC", "Zoomで").
    static func styles(in text: String) -> [(style: InteractionStyle, before: Substring, after: Substring)] {
        var named: [(style: InteractionStyle, before: Substring, after: Substring)] = []
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if let (word, style) = styleWords.first(where: { rest.hasPrefix($0.0) }) {
                let end = text.index(index, offsetBy: word.count)
                named.append((style, text[..<index], text[end...]))
                index = end
            } else if let first = rest.first, first.isASCII, first.isLetter {
                let end = rest.firstIndex { !($0.isASCII && ($0.isLetter || $0 == "-")) } ?? text.endIndex
                for style in InteractionStyle.read(String(text[index..<end])).styles { named.append((style, text[..<index], text[end...])) }
                index = end
            } else {
                index = text.index(after: index)
            }
        }
        return named
    }

    /// The ways to meet a Chinese or Japanese sentence wishes, in a clause that says so
    /// ("希望通过视频通话交流", "ビデオ通話が希望です", "チャットかメールでやり取りしたい"); not one
    /// refused ("我不喜欢视频", "ビデオ通話は苦手です") nor only mentioned ("我在视频里看到").
    static func interaction(in sentence: String) -> [InteractionStyle] {
        guard has(sentence) else { return [] }
        var found: [InteractionStyle] = []
        for clause in sentence.split(whereSeparator: { "，,；;。！？!?".contains($0) }).map(String.init) {
            let named = styles(in: clause)
            guard !named.isEmpty, meansWords.contains(where: clause.contains) || named.contains(where: { $0.after.hasPrefix("で") }) else { continue }
            for (style, before, after) in named where !refused(before: before, after: after) && !found.contains(style) { found.append(style) }
        }
        return found
    }

    /// Whether the words around a way to meet refuse it: a Chinese negation just before it
    /// ("不喜欢视频", not "不过"), a Japanese one just after ("ビデオは無理").
    private static func refused(before: Substring, after: Substring) -> Bool {
        let near = before.suffix(4).replacingOccurrences(of: "不过", with: "").replacingOccurrences(of: "不過", with: "")
        if near.contains(where: negationsBefore.contains) { return true }
        var next = String(after.prefix(10))
        if let other = styleWords.compactMap({ next.range(of: $0.0)?.lowerBound }).min() { next = String(next[..<other]) }
        for polite in notRefusals { next = next.replacingOccurrences(of: polite, with: "") }
        return refusedAfter.contains(where: next.contains)
    }

    // MARK: - Kinds

    /// The kinds of mentoring as Chinese and Japanese name them.
    static let kindWords: [(String, [String])] = [
        ("technical", ["技术", "技術", "テクニカル", "编程", "編程", "プログラミング"]),
        ("career", ["职业", "職業", "キャリア", "职场", "職場", "职涯", "職涯"]),
    ]

    /// The kinds a sentence names: "希望技术方面的指导" (technical), "キャリアの相談" (career).
    static func kinds(in sentence: String) -> [String] {
        guard has(sentence) else { return [] }
        return kindWords.filter { _, names in names.contains { sentence.contains($0) } }.map(\.0)
    }
}
