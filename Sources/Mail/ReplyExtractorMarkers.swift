extension ReplyExtractor {
    /// Line classifiers for reply header blocks, history separators and signatures.
    enum Markers {
        /// The fields of a quoted header block ("From:", "Von:", "De :", "Od:", …).
        enum HeaderField: Sendable { case from, date, to, cc, subject }

        private static let headerFields: [[UInt8]: HeaderField] = {
            let table: [(HeaderField, [String])] = [
                (.from, ["from", "von", "de", "fra", "från", "van", "da", "od", "от", "От",
                         "kimden", "feladó", "lähettäjä", "发件人", "寄件者", "差出人"]),
                (.date, ["sent", "date", "gesendet", "datum", "envoyé", "enviado", "enviada", "fecha",
                         "data", "inviato", "verzonden", "sendt", "skickat", "wysłano", "wysłane",
                         "отправлено", "Отправлено", "дата", "Дата", "gönderildi", "tarih",
                         "lähetetty", "发送时间", "日期", "送信日時", "日付"]),
                (.to, ["to", "an", "à", "À", "a", "para", "til", "till", "aan", "do", "кому", "Кому",
                       "kime", "címzett", "vastaanottaja", "收件人", "宛先"]),
                (.cc, ["cc", "kopie", "copie à", "copia", "kopia", "копия", "Копия", "抄送", "副本"]),
                (.subject, ["subject", "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp",
                            "emne", "ämne", "Ämne", "temat", "тема", "Тема", "konu", "tárgy", "aihe",
                            "主题", "主旨", "件名"]),
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
        private static let separatorWords: Set<[UInt8]> = Set([
            "original message", "ursprüngliche nachricht", "message d'origine", "mensaje original",
            "messaggio originale", "mensagem original", "oorspronkelijk bericht", "oprindelig meddelelse",
            "opprinnelig melding", "ursprungligt meddelande", "originalmeddelande", "alkuperäinen viesti",
            "wiadomość oryginalna", "исходное сообщение", "reply message", "antwort nachricht",
            "forwarded message", "weitergeleitete nachricht", "message transféré", "mensaje reenviado",
            "messaggio inoltrato", "doorgestuurd bericht", "mensagem encaminhada", "original meddelelse",
        ].map(Bytes.utf8))

        /// Openings of forwarded-message introductions (lowercase ASCII).
        private static let forwardIntros: [[UInt8]] = [
            "begin forwarded message", "anfang der weitergeleiteten nachricht",
            "début du message réexpédié", "inicio del mensaje reenviado", "inizio messaggio inoltrato",
            "início da mensagem reencaminhada", "begin doorgestuurd bericht", "vidarebefordrat meddelande",
        ].map(Bytes.utf8)

        /// "-----Original Message-----", "---------- Forwarded message ---------",
        /// "Begin forwarded message:" and their translations (`text` is a trimmed line).
        /// - Complexity: O(*m*) for a line of *m* bytes.
        static func isHistorySeparator(_ text: ArraySlice<UInt8>) -> Bool {
            if text.count > 120 { return false }
            if text.count >= 2, text.first == 0x2D, text[text.startIndex + 1] == 0x2D {
                let inner = Bytes.trimmedTrailing(
                    Bytes.trimmedLeading(text, dropping: Bytes.dash), dropping: Bytes.dash)
                return separatorWords.contains(Bytes.lowercased(inner))
            }
            return forwardIntros.contains { Bytes.hasPrefix(text, $0) }
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
            "sent from my ", "sent from mail", "sent from outlook", "sent from yahoo mail",
            "sent from samsung", "sent from the all new aol app", "get outlook for ",
            "envoyé de mon ", "envoyé depuis mon ", "enviado desde mi ", "enviado do meu ",
            "enviado desde outlook", "inviato da ", "verstuurd vanaf mijn ", "skickat från min ",
            "sendt fra min ", "wysłane z ", "отправлено с ", "Отправлено с ",
        ].map(Bytes.utf8)

        private static let vonMeinem = Bytes.utf8("von meinem ")
        private static let gesendet = Bytes.utf8("gesendet")
        private static let sentFromJapanese = Bytes.utf8("から送信")

        /// "Sent from my iPhone", "Get Outlook for iOS", "Von meinem iPhone gesendet", …
        /// (`text` is a trimmed line).
        /// - Complexity: O(1): lines longer than 120 bytes are rejected at once.
        static func isMobileSignature(_ text: ArraySlice<UInt8>) -> Bool {
            guard !text.isEmpty, text.count <= 120 else { return false }
            if mobilePrefixes.contains(where: { Bytes.hasPrefix(text, $0) }) { return true }
            if Bytes.hasPrefix(text, vonMeinem), Bytes.hasSuffix(text, gesendet) { return true }
            return Bytes.hasSuffix(text, sentFromJapanese)
        }
    }
}
