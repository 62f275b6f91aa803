import Foundation

/// Reads the answer of a "Mail language:" line as the code of the templates asked for: a
/// language ("es"), or a language of one region when the answer names it ("pt-BR", "pt_BR",
/// "português do Brasil", "Brazilian Portuguese" all give "pt-br").
enum MailLanguageChoice {
    /// The lowercased code ("pt-br", "es"); nil when the answer names no language.
    static func code(for answer: String) -> String? {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }),
           LanguageNames.englishName(for: String(parts[0])) != nil, regions.contains(parts[1].uppercased()) {
            return "\(parts[0])-\(parts[1])".lowercased()
        }
        guard let name = LanguageNames.read(answer).languages.first, let code = LanguageNames.code(for: name) else { return nil }
        return region(in: answer, language: code).map { "\(code)-\($0.lowercased())" } ?? code
    }

    /// The two-letter region codes.
    private static let regions: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 })

    /// Words that name a region as an adjective ("Brazilian Portuguese", "español mexicano").
    private static let adjectives: [String: String] = [
        "brazilian": "BR", "brasileiro": "BR", "brasileira": "BR", "brasilero": "BR", "brasilena": "BR",
        "mexican": "MX", "mexicano": "MX", "argentinian": "AR", "argentine": "AR", "argentino": "AR",
        "colombian": "CO", "colombiano": "CO", "chilean": "CL", "chileno": "CL", "peruvian": "PE", "peruano": "PE",
        "british": "GB", "american": "US", "australian": "AU", "canadian": "CA", "canadien": "CA", "quebecois": "CA",
        "swiss": "CH", "suisse": "CH", "schweizer": "CH", "austrian": "AT", "osterreichisch": "AT",
        "belgian": "BE", "belge": "BE", "angolan": "AO", "angolano": "AO", "mozambican": "MZ", "mocambicano": "MZ",
    ]

    /// "European Portuguese", "español de España" name the language's home region.
    private static let european: Set<String> = ["european", "europeu", "europeia", "europeo", "europea", "europeen", "europeenne"]
    private static let homes: [String: String] = ["pt": "PT", "es": "ES", "fr": "FR", "nl": "NL", "de": "DE"]

    /// The region named in `answer`, by name (in English or in the language itself) or adjective.
    private static func region(in answer: String, language: String) -> String? {
        let words = EnrollmentText.words(answer)
        if let found = words.lazy.compactMap({ adjectives[$0] }).first { return found }
        if words.contains(where: european.contains), let home = homes[language] { return home }
        let text = " " + words.joined(separator: " ") + " "
        for locale in [Locale(identifier: "en"), Locale(identifier: language)] {
            for code in regions.sorted() {
                guard let name = locale.localizedString(forRegionCode: code) else { continue }
                let folded = EnrollmentText.words(name).joined(separator: " ")
                if !folded.isEmpty, text.contains(" \(folded) ") { return code }
            }
        }
        return nil
    }
}
