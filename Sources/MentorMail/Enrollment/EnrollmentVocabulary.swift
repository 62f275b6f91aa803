import Foundation

/// The program's words for the sign-up form: the community areas people can choose
/// (each with synonyms) and how many mentees a mentor may take.
public struct EnrollmentVocabulary: Sendable, Equatable {
    /// One community area: its canonical name (what matching compares) and other ways to say it.
    public struct Area: Sendable, Equatable {
        public let name: String
        public let synonyms: [String]

        /// How the area is shown to people: the synonym spelled like the name
        /// ("Nova" for `nova`), otherwise the name itself.
        public let displayName: String

        public init(name: String, synonyms: [String]) {
            self.name = name
            self.synonyms = synonyms
            let folded = EnrollmentText.fold(name)
            displayName = synonyms.first { EnrollmentText.fold($0) == folded } ?? name
        }
    }

    /// Sorted by name, so lookups and output do not depend on dictionary order.
    public let areas: [Area]
    /// How many mentees one mentor may take at once.
    public let capacityRange: ClosedRange<Int>
    private let index: [String: String]
    /// The first word of every name and synonym, folded: where an area can start in a sentence.
    let firstWords: Set<String>
    /// The names and synonyms in Chinese or Japanese script, longest first, with their areas:
    /// found inside a sentence, which puts no space around them.
    let cjkNames: [(name: String, area: String)]

    /// Builds the vocabulary from `name → synonyms` (as read from the configuration).
    /// A synonym claimed by two areas belongs to the first by name.
    public init(areas: [String: [String]], capacityRange: ClosedRange<Int> = 1...5) {
        let sorted = areas
            .map { Area(name: EnrollmentText.collapse($0.key), synonyms: $0.value) }
            .filter { !$0.name.isEmpty }
            .sorted { $0.name < $1.name }
        var index: [String: String] = [:]
        for area in sorted {
            index[Self.key(area.name)] = index[Self.key(area.name)] ?? area.name
        }
        for area in sorted {
            for synonym in area.synonyms where !Self.key(synonym).isEmpty {
                index[Self.key(synonym)] = index[Self.key(synonym)] ?? area.name
            }
        }
        self.areas = sorted
        self.capacityRange = capacityRange
        self.index = index
        firstWords = Set(index.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        cjkNames = index.filter { CJKPhrases.has($0.key) }.map { (name: $0.key, area: $0.value) }
            .sorted { ($0.name.count, $0.name) > ($1.name.count, $1.name) }
    }

    /// The canonical area name for what someone wrote, ignoring case, accents, and
    /// the difference between spaces, hyphens and underscores; nil when unknown.
    public func areaName(for text: String) -> String? {
        index[Self.key(text)]
    }

    /// The same for text already `EnrollmentText.fold`ed.
    func areaName(forFolded key: String) -> String? {
        index[key]
    }

    /// The area with this canonical name.
    public func area(named name: String) -> Area? {
        areas.first { $0.name == name }
    }

    private static func key(_ text: String) -> String {
        EnrollmentText.fold(text)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.areas == rhs.areas && lhs.capacityRange == rhs.capacityRange
    }

    /// An OpenStack-flavoured default, used when the configuration names no areas.
    public static let openStackDefault = EnrollmentVocabulary(areas: openStackAreas)

    /// OpenStack's community areas with the words people use for them, in English and in the
    /// community's main languages for the general ones.
    public static let openStackAreas: [String: [String]] = [
        "nova": ["Nova", "compute"],
        "neutron": ["Neutron", "networking", "network", "网络", "網絡", "ネットワーク"],
        "cinder": ["Cinder", "block storage", "块存储", "塊存儲", "ブロックストレージ"],
        "swift": ["Swift", "object storage", "对象存储", "對象存儲", "オブジェクトストレージ"],
        "keystone": ["Keystone", "identity", "auth", "authentication"],
        "glance": ["Glance", "images", "image service"],
        "horizon": ["Horizon", "dashboard", "web ui"],
        "ironic": ["Ironic", "bare metal", "baremetal"],
        "heat": ["Heat", "orchestration"],
        "manila": ["Manila", "shared file systems", "file shares"],
        "octavia": ["Octavia", "load balancing", "load balancer"],
        "kolla": ["Kolla", "containers", "container deployment"],
        "openstack-ansible": ["OpenStack-Ansible", "OSA", "ansible"],
        "documentation": ["docs", "documentation", "doc", "technical writing", "documentación", "documentação", "dokumentation",
                          "documentazione", "dokumentacja", "документация", "文档", "文檔", "ドキュメント"],
        "upstream-training": ["upstream training", "OUI", "onboarding", "first contribution", "formación upstream",
                              "treinamento upstream", "formation upstream"],
        "community": ["community", "community management", "outreach", "events", "comunidad", "comunidade", "communauté",
                      "gemeinschaft", "community-management", "comunità", "społeczność", "сообщество", "社区", "コミュニティ"],
        "release-management": ["release management", "releases", "release", "gestión de versiones", "gestion des versions"],
        "infrastructure": ["infra", "infrastructure", "CI", "zuul", "opendev", "infraestructura", "infraestrutura", "infrastruktur"],
        "ux": ["UX", "user experience", "design", "UI", "diseño", "experiencia de usuario", "expérience utilisateur"],
        "i18n": ["i18n", "translation", "translations", "internationalization", "localization", "l10n", "traducción",
                 "traducciones", "tradução", "traduction", "übersetzung", "traduzione", "tłumaczenie", "перевод", "翻译", "翻譯", "翻訳",
                 "本地化", "国际化", "國際化"],
        "security": ["security", "vulnerability management", "OSSN", "seguridad", "segurança", "sécurité", "sicherheit",
                     "sicurezza", "bezpieczeństwo", "безопасность", "安全", "セキュリティ"],
        "qa": ["QA", "quality assurance", "testing", "tempest", "pruebas", "testes", "tests", "calidad"],
        "oslo": ["Oslo", "libraries"],
        "governance": ["governance", "TC", "technical committee", "gobernanza", "gouvernance"],
    ]
}
