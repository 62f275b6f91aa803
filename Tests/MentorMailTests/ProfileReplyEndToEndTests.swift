import Foundation
import Mail
import MentorMail
import TestSupport
import Testing

/// Replies under a sign-up confirmation that change nothing in the profile, through the real servers.
@Suite struct ProfileReplyEndToEndTests {
    let helpers = CheckinEndToEndTests()

    /// Finding: a remark typed above the quoted confirmation ("About the survey: 4, sometimes.
    /// Not sure yet about the fit.") was answered "Your profile is updated" although nothing
    /// had changed; it is a remark for the coordinators.
    @Test func aRemarkAboveTheQuotedConfirmationIsPassedOnNotAProfileChange() throws {
        let people = try helpers.introduced(mentees: ["Omar", "Lin"], mentors: ["Ana", "Sam"])
        let scenario = people.scenario
        let confirmation = try #require(try people.inbox("Omar").first { $0.textBody?.contains("This is what we understood") == true })
        try helpers.reply(people, from: "Omar", to: confirmation,
                          raw: "About the survey: 4, sometimes. Not sure yet about the fit.\n\nOmar\n\nOn Mon, 11 Jan 2027, MentorMail wrote:\n"
                              + helpers.quoted(confirmation))
        // Without the quote, the same remark is passed on too.
        let linConfirmation = try #require(try people.inbox("Lin").first { $0.textBody?.contains("This is what we understood") == true })
        try helpers.reply(people, from: "Lin", to: linConfirmation, raw: "Update on the mentoring: it's going great, we meet every week.\n\nLin")
        try helpers.process(scenario, day: 20)

        for who in ["Omar", "Lin"] {
            let text = try #require(try people.inbox(who).last?.textBody)
            #expect(!text.contains("Your profile is updated") && !text.contains("could not tell"), "\(who):\n\(text)")
            #expect(text.contains("with the\ncoordinators now") || text.contains("with the coordinators now"), "\(who):\n\(text)")
        }
        let held = try helpers.run(scenario, ["held", "list"], day: 20).stdout
        #expect(held.contains(people.address("Omar")) && held.contains(people.address("Lin")), "\(held)")
        let versions = try scenario.database().profileHistory(email: people.address("Omar"))
        #expect(versions.count == 1, "no new version of the profile")
    }

    /// A form reply that repeats the stored profile says that nothing changed, shows what was
    /// read and how to change a line.
    @Test func aFormThatChangesNothingSaysSo() throws {
        let people = try helpers.introduced(mentees: ["Omar"], mentors: ["Ana"])
        let scenario = people.scenario
        let confirmation = try #require(try people.inbox("Omar").first { $0.textBody?.contains("This is what we understood") == true })
        try helpers.reply(people, from: "Omar", to: confirmation,
                          raw: "Looks right, thanks.\n\nOn Mon, 11 Jan 2027, MentorMail wrote:\n" + helpers.quoted(confirmation))
        try helpers.reply(people, from: "Omar", to: confirmation, raw: "Time zone: Europe/Madrid\nLanguages: English")
        try helpers.process(scenario, day: 20)
        let answers = try people.inbox("Omar").suffix(2).compactMap(\.textBody)
        #expect(answers.count == 2)
        for text in answers {
            #expect(!text.contains("Your profile is updated") && text.contains("Nothing changed in your profile"), "\(text)")
            #expect(text.contains("Time zone: Europe/Madrid") && text.contains("Languages: English"), "\(text)")
            #expect(text.contains("To change a line, reply with just that line"), "\(text)")
        }
        let versions = try scenario.database().profileHistory(email: people.address("Omar"))
        #expect(versions.count == 1, "no new version of the profile")
    }
}
