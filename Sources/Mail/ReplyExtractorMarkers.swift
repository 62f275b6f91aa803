extension ReplyExtractor {
    /// Line classifiers for reply header blocks, history separators and signatures.
    enum Markers {
        /// The fields of a quoted header block ("From:", "Von:", "De :", "Od:", …).
        enum HeaderField: Sendable { case from, date, to, cc, subject }

        private static let headerFields: [[UInt8]: HeaderField] = {
            let table: [(HeaderField, [String])] = [
                (.from, ["from", "von", "de", "fra", "från", "van", "da", "od", "от", "От",
                         "kimden", "feladó", "lähettäjä", "发件人", "寄件者", "差出人", "보낸 사람"]),
                (.date, ["sent", "date", "gesendet", "datum", "envoyé", "enviado", "enviada", "fecha",
                         "data", "inviato", "verzonden", "sendt", "skickat", "wysłano", "wysłane",
                         "отправлено", "Отправлено", "дата", "Дата", "gönderildi", "tarih",
                         "lähetetty", "发送时间", "日期", "送信日時", "日付", "enviada em", "enviado em",
                         "odesláno", "寄件日期", "보낸 날짜"]),
                (.to, ["to", "an", "à", "À", "a", "para", "til", "till", "aan", "do", "кому", "Кому",
                       "kime", "címzett", "vastaanottaja", "收件人", "宛先", "komu", "收件者", "받는 사람"]),
                (.cc, ["cc", "kopie", "copie à", "copia", "kopia", "копия", "Копия", "抄送", "副本"]),
                (.subject, ["subject", "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp",
                            "emne", "ämne", "Ämne", "temat", "тема", "Тема", "konu", "tárgy", "aihe",
                            "主题", "主旨", "件名", "předmět", "제목"]),
            ]
            var fields: [[UInt8]: HeaderField] = [:]
            for (field, names) in table {
                for name in names { fields[Bytes.utf8(name)] = field }
            }
            return fields
        }()

        /// The header field a line starts with ("From: …", "*Sent:* …", "De : …"), if any.
        /// - Complexity: O(1): looks at most at the first 40 bytes.
        static func headerField(_ line: ArraySlice<UInt8>) -> HeaderField? {
            let start = Bytes.trimmedLeading(line, dropping: Bytes.asterisk)
            let window = start.prefix(40)
            guard let colon = window.firstIndex(where: { $0 == 0x3A || $0 == 0xEF }) else { return nil }
            if start[colon] == 0xEF {  // only the full-width colon U+FF1A may start with 0xEF here
                guard start[colon...].starts(with: [0xEF, 0xBC, 0x9A]) else { return nil }
            }
            let key = Bytes.trimmedTrailing(start[start.startIndex..<colon], dropping: Bytes.asterisk)
            guard !key.isEmpty else { return nil }
            return headerFields[Bytes.lowercased(key)]
        }

        /// Inner words of "-----Original Message-----"-style separator lines (lowercase).
        private static let historyWords: Set<[UInt8]> = Set([
            "original message", "ursprüngliche nachricht", "message d'origine", "mensaje original",
            "messaggio originale", "mensagem original", "oorspronkelijk bericht", "oprindelig meddelelse",
            "opprinnelig melding", "ursprungligt meddelande", "originalmeddelande", "alkuperäinen viesti",
            "wiadomość oryginalna", "исходное сообщение", "reply message", "antwort nachricht",
            "original meddelelse", "原始邮件", "原始郵件",
        ].map(Bytes.utf8))

        /// Inner words of "---------- Forwarded message ---------"-style lines (lowercase).
        private static let forwardWords: Set<[UInt8]> = Set([
            "forwarded message", "weitergeleitete nachricht", "message transféré", "mensaje reenviado",
            "messaggio inoltrato", "doorgestuurd bericht", "mensagem encaminhada", "mensagem reencaminhada",
            "пересылаемое сообщение", "пересланное сообщение", "wiadomość przekazana dalej",
            "przekazana wiadomość", "転送されたメッセージ", "転送メッセージ", "转发的邮件", "轉寄的郵件",
            "videresendt meddelelse", "vidarebefordrat meddelande", "välitetty viesti",
        ].map(Bytes.utf8))

        /// Openings of forwarded-message introductions (lowercase ASCII).
        private static let forwardIntros: [[UInt8]] = [
            "begin forwarded message", "anfang der weitergeleiteten nachricht",
            "début du message réexpédié", "inicio del mensaje reenviado", "inizio messaggio inoltrato",
            "início da mensagem reencaminhada", "begin doorgestuurd bericht", "vidarebefordrat meddelande",
            "mensagem encaminhada:", "転送されたメッセージ:",
        ].map(Bytes.utf8)

        /// The inner words of a line framed by dashes ("-----Original Message-----"), lowercased.
        private static func dashFramedWords(_ text: ArraySlice<UInt8>) -> [UInt8]? {
            guard text.count <= 120, text.count >= 2, text.first == 0x2D, text[text.startIndex + 1] == 0x2D else {
                return nil
            }
            return Bytes.lowercased(Bytes.trimmedTrailing(
                Bytes.trimmedLeading(text, dropping: Bytes.dash), dropping: Bytes.dash))
        }

        /// "-----Original Message-----" and its translations: the history of a reply
        /// (`text` is a trimmed line).
        /// - Complexity: O(*m*) for a line of *m* bytes.
        static func isHistorySeparator(_ text: ArraySlice<UInt8>) -> Bool {
            dashFramedWords(text).map(historyWords.contains) ?? false
        }

        /// "---------- Forwarded message ---------", "Begin forwarded message:" and their
        /// translations: a message the person passes on for us to read (`text` is a trimmed line).
        /// - Complexity: O(*m*) for a line of *m* bytes.
        static func isForwardSeparator(_ text: ArraySlice<UInt8>) -> Bool {
            if text.count > 120 { return false }
            if let words = dashFramedWords(text) { return forwardWords.contains(words) }
            return forwardIntros.contains { Bytes.hasPrefix(text, $0) }
        }

        /// Whether `text` opens with a forwarded-message line, with whatever follows it on the
        /// same line ("---------- Forwarded message --------- From: …", as HTML gives it).
        /// - Complexity: O(*m*) for *m* bytes of `text`.
        static func opensWithForward(_ text: ArraySlice<UInt8>) -> Bool {
            let start = Bytes.trimmedLeading(text)
            if Bytes.hasPrefix(start, [0x2D, 0x2D]) {
                let inner = Bytes.trimmedLeading(start, dropping: Bytes.dash)
                return forwardWords.contains { words in
                    Bytes.hasPrefix(inner, words) && Bytes.trimmedLeading(inner.dropFirst(words.count)).first == 0x2D
                }
            }
            return forwardIntros.contains { Bytes.hasPrefix(start, $0) }
        }

        private static let listWords: [[UInt8]] = ["mailing list", "listinfo", "mailman", "unsubscribe"].map(Bytes.utf8)
        private static let googleGroupsFooter = Bytes.utf8("you received this message because you are subscribed to")

        /// A line of a mailing list's footer ("Mentoring mailing list", ".../listinfo/...",
        /// "To unsubscribe ...") (`text` is a trimmed line).
        /// - Complexity: O(1): looks at most at the first 200 bytes.
        static func isListFooterLine(_ text: ArraySlice<UInt8>) -> Bool {
            let head = text.prefix(200)
            return listWords.contains { Bytes.contains(head, $0) }
        }

        /// The first line of Google Groups' footer, which may come without a "-- " line.
        static func isGroupsFooterStart(_ text: ArraySlice<UInt8>) -> Bool {
            Bytes.hasPrefix(text, googleGroupsFooter)
        }

        /// A line that opens with '>' but is not a quote: ">>> http://… <<<", as many '<' closing
        /// it as '>' open it (`text` is a trimmed line).
        static func isArrowed(_ text: ArraySlice<UInt8>) -> Bool {
            guard text.last == 0x3C else { return false }
            let opening = text.prefix { $0 == 0x3E }.count
            let closing = text.reversed().prefix { $0 == 0x3C }.count
            guard opening > 0, opening == closing, text.count > opening + closing + 2 else { return false }
            return Bytes.isASCIISpace(text[text.startIndex + opening]) && Bytes.isASCIISpace(text[text.endIndex - closing - 1])
        }

        /// A rule of 20 or more underscores, which Outlook puts above its header block
        /// (`text` is a trimmed line).
        static func isUnderscoreRule(_ text: ArraySlice<UInt8>) -> Bool {
            text.first == 0x5F && text.count >= 20 && text.allSatisfy { $0 == 0x5F }
        }

        /// The RFC 3676 signature separator: a line that is exactly "-- " (or "--").
        static func isSignatureSeparator(_ line: ArraySlice<UInt8>) -> Bool {
            (line.count == 2 || (line.count == 3 && line.last == 0x20))
                && line.first == 0x2D && line[line.startIndex + 1] == 0x2D
        }

        /// Openings of the lines mobile and webmail clients append (lowercase ASCII).
        private static let mobilePrefixes: [[UInt8]] = [
            "sent from mail", "sent from outlook", "sent from yahoo mail",
            "sent from samsung", "sent from the all new aol app", "get outlook for ",
            "envoyé de mon ", "envoyé depuis mon ", "enviado desde mi ", "enviado do meu ",
            "enviado desde outlook", "inviato da ", "verstuurd vanaf mijn ", "skickat från min ",
            "sendt fra min ", "wysłane z ", "отправлено с ", "Отправлено с ", "obter o outlook para ",
            "obtenha o outlook para ", "descargar outlook para ", "obtener outlook para ", "télécharger outlook pour ",
            "holen sie sich outlook für ", "scarica outlook per ", "pobierz aplikację outlook ",
            "sent with proton mail", "sent from proton mail", "发自我的", "從我的 iphone 傳送", "sent via the samsung",
        ].map(Bytes.utf8)

        private static let sentFromMy = Bytes.utf8("sent from my ")
        /// What follows "Sent from my " in device lines, even with more words or punctuation after it.
        private static let devices: [[UInt8]] = [
            "iphone", "ipad", "ipod", "apple", "android", "galaxy", "samsung", "blackberry", "mobile", "phone",
            "smartphone", "cell", "huawei", "honor", "xiaomi", "redmi", "pixel", "google", "sony", "xperia",
            "nokia", "lg", "htc", "motorola", "moto", "oneplus", "oppo", "vivo", "fairphone", "windows",
            "tablet", "kindle", "verizon", "t-mobile", "sprint", "at&t", "watch",
        ].map(Bytes.utf8)
        private static let sentencePunctuation: [UInt8] = Array(",;:!?".utf8)
        private static let vonMeinem = Bytes.utf8("von meinem ")
        private static let gesendet = Bytes.utf8("gesendet")
        private static let sentFromJapanese = Bytes.utf8("から送信")

        /// "Sent from my iPhone", "Get Outlook for iOS", "Von meinem iPhone gesendet", …
        /// (`text` is a trimmed line).
        /// - Complexity: O(1): lines longer than 120 bytes are rejected at once.
        static func isMobileSignature(_ text: ArraySlice<UInt8>) -> Bool {
            guard !text.isEmpty, text.count <= 120 else { return false }
            if mobilePrefixes.contains(where: { Bytes.hasPrefix(text, $0) }) { return true }
            if Bytes.hasPrefix(text, sentFromMy) {
                // "Sent from my Galaxy", not "Sent from my desk, between two meetings".
                let rest = text.dropFirst(sentFromMy.count)
                if devices.contains(where: { Bytes.hasPrefix(rest, $0) }) { return true }
                let words = rest.split(whereSeparator: Bytes.isASCIISpace).count
                return words <= 4 && !rest.contains(where: sentencePunctuation.contains)
            }
            if Bytes.hasPrefix(text, vonMeinem), Bytes.hasSuffix(text, gesendet) { return true }
            return Bytes.hasSuffix(text, sentFromJapanese)
        }
    }
}
