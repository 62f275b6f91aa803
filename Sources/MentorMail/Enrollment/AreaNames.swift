/// What the known community areas are called in the languages mail goes out in, by canonical
/// name: "documentation" is "documentación" in Spanish mail. A project's own name (Nova) is the
/// same in every language and is not listed.
enum AreaNames {
    static let byLanguage: [String: [String: String]] = [
        "es": [
            "documentation": "documentación", "upstream-training": "formación upstream", "community": "comunidad",
            "release-management": "gestión de versiones", "infrastructure": "infraestructura", "ux": "experiencia de usuario",
            "i18n": "traducción", "security": "seguridad", "qa": "pruebas", "governance": "gobernanza",
        ],
        "fr": [
            "documentation": "documentation", "upstream-training": "formation upstream", "community": "communauté",
            "release-management": "gestion des versions", "infrastructure": "infrastructure", "ux": "expérience utilisateur",
            "i18n": "traduction", "security": "sécurité", "qa": "tests", "governance": "gouvernance",
        ],
    ]
}

extension EnrollmentVocabulary {
    /// How the area stored as `name` is shown to a reader of `language`: its name in that
    /// language when this vocabulary reads that name back as the same area (so a profile line
    /// sent back keeps it), else its `displayName`; an area it does not know, as written.
    public func displayName(ofArea name: String, language: String?) -> String {
        guard let area = area(named: name) else { return name }
        let base = language.map(TemplateLibrary.baseLanguage)
        guard let local = base.flatMap({ AreaNames.byLanguage[$0]?[name] }), areaName(for: local) == name else { return area.displayName }
        return local
    }
}
