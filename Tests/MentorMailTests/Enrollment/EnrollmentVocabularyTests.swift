import Testing
#if canImport(Enrollment)
@testable import Enrollment
#else
@testable import MentorMail
#endif

@Suite struct EnrollmentVocabularyTests {
    let vocabulary = EnrollmentVocabulary.openStackDefault

    @Test(arguments: [
        ("Nova", "nova"), ("nova", "nova"), ("compute", "nova"), ("docs", "documentation"),
        ("Documentation", "documentation"), ("upstream training", "upstream-training"),
        ("Upstream-Training", "upstream-training"), ("release management", "release-management"),
        ("UX", "ux"), ("translations", "i18n"), ("Neutron", "neutron"),
    ])
    func areasMatchNamesAndSynonyms(text: String, name: String) {
        #expect(vocabulary.areaName(for: text) == name)
    }

    @Test func theDefaultCoversTheOpenStackAreas() {
        for name in ["nova", "neutron", "cinder", "swift", "keystone", "glance", "horizon", "ironic", "heat",
                     "documentation", "upstream-training", "community", "release-management",
                     "infrastructure", "ux", "i18n", "security", "qa"] {
            #expect(vocabulary.area(named: name) != nil, "\(name)")
        }
        #expect(vocabulary.capacityRange == 1...5)
        #expect(vocabulary.area(named: "nova")?.displayName == "Nova")
        #expect(vocabulary.area(named: "documentation")?.displayName == "documentation")
    }

    @Test func builtFromADictionary() {
        let custom = EnrollmentVocabulary(areas: ["kubernetes": ["k8s"], "docs": ["writing"]], capacityRange: 1...3)
        #expect(custom.areas.map(\.name) == ["docs", "kubernetes"])
        #expect(custom.areaName(for: "K8S") == "kubernetes")
        #expect(custom.areaName(for: "Nova") == nil)
        #expect(custom.capacityRange == 1...3)
    }

    @Test func areasSplitOnCommasSlashesAndAnd() {
        let parser = SignupFormParser(vocabulary: vocabulary)
        let form = parser.parse("Areas: Nova/Neutron; docs and upstream training, mainframes, nova")
        #expect(form.areas == ["nova", "neutron", "documentation", "upstream-training"])
        #expect(form.freeTextAreas == ["mainframes"])
    }
}
