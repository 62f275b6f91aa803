import Foundation
import Mail
@testable import MentorMail
import Testing

/// The intake's ordered rules, pure: a message and its context in, an intent and its reason out.
@Suite struct IntakeRuleTests {
    static let config: Config = {
        // A throwing initializer in a static: the test suite fails loudly if the text is wrong.
        (try? Config.parse("""
            [program]
            name = "P"
            address = "mentoring@example.org"
            coordinators = ["coord@example.org"]
            [mailbox]
            url = "maildir:m"
            [smtp]
            url = "dir:o"
            """, fileURL: URL(fileURLWithPath: "/tmp/p.toml")))!
    }()
    let intake = Intake(config: Self.config)

    func message(from: String = "Ana <ana@example.net>", to: String = "mentoring@example.org", cc: String? = nil,
                 subject: String = "Hello", extra: String = "", body: String) -> Message {
        Message("From: \(from)\r\nTo: \(to)\r\n\(cc.map { "Cc: \($0)\r\n" } ?? "")Subject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@example.net>\r\n\(extra)\r\n\(body)\r\n")
    }

    var participant: Participant {
        var person = Participant(email: "ana@example.net", profile: MatchingWorkflowTests.profile("mentee", "Ana"), source: "email",
                                 at: Date(timeIntervalSince1970: 0))
        person.id = 1
        return person
    }

    func introduction(_ id: Int64 = 3) -> MailReference { MailReference(kind: .introduction, topic: .mentorship(id)) }

    @Test func theRulesRunInOneFixedOrder() {
        #expect(intake.rules.map(\.name) == [
            "calendar-reply", "automatic-mail", "no-sender", "own-mail", "coordinator-decision", "coordinator-import", "shared-mailbox", "graduation",
            "pair-conversation", "reply-to-address-notice", "confirmation-code", "join-under-our-mail", "someone-elses-mail", "survey-answer", "event-auto-reply", "event-words", "event-request", "mentee-again", "stranger-data", "participant-command", "become-mentor",
            "open-survey-answer", "thanks", "away-news", "event-answer-elsewhere", "reply-to-introduction", "profile-form", "coordinator-forwarded-join", "coordinator-other", "data-request", "privacy-words", "question", "take-back", "leaving-wish", "event-unclear", "profile-in-sentences", "mentoring-remark", "unclear", "note-on-our-mail", "first-contact",
        ])
    }

    /// Above a quoted confirmation that changes nothing: a remark on the mentoring is the
    /// coordinators', a question too; a thank-you is not answered.
    @Test func wordsAboveAQuotedConfirmationAreNotAFormThatChangesNothing() {
        let person = participant
        let quoted = ["Role: mentee", "Name: Ana", "Mentoring type: technical", "Areas: Nova", "Time zone: Europe/Madrid",
                      "Languages: English", "Interaction: IRC, email"].map { "> \($0)" }.joined(separator: "\n")
        func classify(_ text: String) -> Classification {
            var context = IntakeContext(participant: person, answering: MailReference(kind: .profileReceived, topic: .participant(1)))
            context.ongoingPairs = [3]
            return intake.classify(message(subject: "Re: mentee", body: text + "\n\nOn Mon, 11 Jan 2027 at 09:00, P <mentoring@example.org> wrote:\n" + quoted), context: context)
        }
        for remark in ["About the survey: 4, sometimes. Not sure yet about the fit.", "It's going great, we meet every week.",
                       "Ana is doing great"] {
            let result = classify(remark)
            #expect(result.rule == "mentoring-remark", "\(remark): \(result.rule)")
            #expect(result.intent == .hold(reason: result.reason, acknowledge: true))
        }
        #expect(classify("Can we change the meeting day?").rule == "question")
        // Thanks alone above our confirmation, quoted unchanged, is not answered; "looks right" confirms the form.
        for thanks in ["Thanks!", "Thank you so much!"] {
            #expect(classify(thanks).rule == "thanks", "\(thanks)")
        }
        #expect(classify("Looks right, thanks.").rule == "profile-form")
        // Nothing above it at all is a mail with no text (finding F-h): answered with help.
        #expect(classify("").intent == .help)
        // A line changed in the quoted form is a change.
        let edited = intake.classify(message(subject: "Re: mentee", body: "Updated below.\n\n" + quoted.replacingOccurrences(of: "Europe/Madrid", with: "Europe/Berlin")),
                                     context: IntakeContext(participant: person))
        #expect(edited.rule == "profile-form")
    }

    @Test func aReplyAllUnderAnIntroductionIsHeldUnanswered() {
        let reply = message(to: "Max <max@example.org>", cc: "mentoring@example.org", subject: "Re: meet your match",
                            body: "Great, Tuesday works. Please withdraw me from the Friday slot.")
        let context = IntakeContext(participant: participant, answering: introduction(), partners: ["max@example.org"])
        let result = intake.classify(reply, context: context)
        #expect(result.rule == "pair-conversation")
        #expect(result.intent == .hold(reason: result.reason, acknowledge: false, namesContext: true), "never answered, even with command-like words")
        #expect(result.reason.contains("mentorship 3"))
    }

    /// Finding: a reply-all that asks the coordinators something ("Coordinators: is there a
    /// budget for meeting in person at the summit?") was listed in the digest only as "the
    /// pair's conversation", easy to skip among a pair's chatter. Its reason quotes the question.
    @Test func aPairsConversationThatAsksSomethingSaysWhat() {
        let reply = message(to: "mentoring@example.org", cc: "max@example.org",
                            body: "Great to meet you Max! Coordinators: is there a budget for meeting in person at the summit?")
        let result = intake.classify(reply, context: IntakeContext(participant: participant, answering: introduction(), partners: ["max@example.org"]))
        #expect(result.rule == "pair-conversation")
        #expect(result.reason.hasSuffix("; it asks: \"Coordinators: is there a budget for meeting in person at the summit?\""), "\(result.reason)")
        let chatter = intake.classify(message(to: "mentoring@example.org", cc: "max@example.org", body: "Great to meet you Max, see you Tuesday."),
                                      context: IntakeContext(participant: participant, answering: introduction(), partners: ["max@example.org"]))
        #expect(!chatter.reason.contains("asks"), "\(chatter.reason)")
    }

    @Test func mailToOnesPartnerCopyingTheProgramIsHeldWithoutAReplyContext() {
        let mail = message(to: "max@example.org", cc: "mentoring@example.org", body: "Hi Max, see you Tuesday!")
        let result = intake.classify(mail, context: IntakeContext(participant: participant, partners: ["max@example.org"]))
        #expect(result.rule == "pair-conversation")
        // Copying someone who is not a partner is not a pair's conversation.
        let other = intake.classify(message(to: "mentoring@example.org", cc: "friend@example.org", body: "pause"),
                                    context: IntakeContext(participant: participant, partners: ["max@example.org"]))
        #expect(other.rule == "participant-command")
    }

    @Test func aReplyToTheIntroductionToTheProgramAloneIsHeldAndAcknowledged() {
        let result = intake.classify(message(body: "Thanks! We met already."), context: IntakeContext(participant: participant, answering: introduction()))
        #expect(result.rule == "reply-to-introduction")
        #expect(result.intent == .hold(reason: result.reason, acknowledge: true, namesContext: true))
        // A command under the introduction is still a command.
        let pause = intake.classify(message(body: "pause"), context: IntakeContext(participant: participant, answering: introduction()))
        #expect(pause.intent == .participantCommand(.pause))
    }

    /// Finding: news of being away written under the introduction was held for a coordinator,
    /// while the same words in a fresh message got the "being away" answer. Under the
    /// introduction it is answered too; a question, words to the partner, a wish to leave, a
    /// request or check-in answers beside it are read as before.
    @Test func beingAwayUnderTheIntroductionIsAnswered() {
        var context = IntakeContext(participant: participant, answering: introduction(), partners: ["max@example.org"])
        context.partnerNames = ["Max Mustermann"]
        let quoted = "\n\nOn Mon, Jan 11, 2027, Mentoring wrote:\n> Hello Ana and Max,\n> Ana (mentee) <ana@example.net>\n>   Time zone:   Europe/Berlin\n>   Languages:   English\n"
        for away in ["I'm on parental leave until March.", "Estoy de baja hasta marzo.", "I'll be away for two months.",
                     "Hi, out on medical leave for a few weeks, back in May.\n\nAna", "Sigo de baja médica un mes más."] {
            let result = intake.classify(message(body: away + quoted), context: context)
            #expect(result.rule == "away-news" && result.intent == .help, "\(away): \(result.rule)")
        }
        let others: [(String, String)] = [
            ("I'm on leave next week, could you tell me where the onboarding notes are?", "reply-to-introduction"),
            ("Hi Max, I'll be away next week, let's meet after that.", "reply-to-introduction"),
            ("Nice to meet you, we had our first call already.", "reply-to-introduction"),
            ("I'm on leave until March, please pause me.", "participant-command"),
            ("I'm on leave until March, so I think I need to quit for good", "reply-to-introduction"),
        ]
        for (body, rule) in others {
            #expect(intake.classify(message(body: body + quoted), context: context).rule == rule, "\(body)")
        }
    }

    /// Under our notice that a profile moved away from the sender's address, whatever they write
    /// (a stranger now, with words that read as a command or a sign-up) goes to a person.
    @Test func aReplyToTheNoticeOfAMoveIsHeldAndAcknowledged() {
        let notice = MailReference(kind: .addressMoved, topic: .participant(1))
        for body in ["That was not me!", "withdraw", "I'd like to join as a mentee", "Role: mentee\nName: Ana"] {
            let result = intake.classify(message(body: body), context: IntakeContext(answering: notice))
            #expect(result.rule == "reply-to-address-notice", "\(body)")
            #expect(result.intent == .hold(reason: result.reason, acknowledge: true, namesContext: true), "\(body)")
        }
    }

    /// Finding: a plain "Thanks!" under the introduction was held for the coordinators, and a
    /// fresh one got the help. Only thanks is not answered; thanks with a request or question is read.
    @Test func onlyThanksIsNotAnsweredUnderTheIntroductionNorFresh() {
        for answering in [introduction(), nil] {
            let context = IntakeContext(participant: participant, answering: answering)
            for thanks in ["Thanks!", "Thank you so much, see you Tuesday!", "Got it, thanks", "Muchas gracias!", "Danke, passt!"] {
                let result = intake.classify(message(body: thanks), context: context)
                #expect(result.rule == "thanks", "\(thanks): \(result.rule)")
                guard case .ignore = result.intent else { Issue.record("\(thanks): \(result.intent)"); continue }
            }
            #expect(intake.classify(message(body: "Thanks! Please pause me."), context: context).intent == .participantCommand(.pause))
            #expect(intake.classify(message(body: "Thanks! When is the next round?"), context: context).rule != "thanks")
            #expect(intake.classify(message(body: "Thanks, we met already and it went well."), context: context).rule != "thanks")
        }
        // Someone we do not know still gets the form.
        #expect(intake.classify(message(body: "Thanks!"), context: IntakeContext()).rule == "first-contact")
    }

    @Test func approveUnderAReviewNeedsNoCode() {
        let review = MailReference(kind: .matchReview, topic: .proposal(7))
        let result = intake.classify(message(from: "coord@example.org", body: "Approved!"), context: IntakeContext(answering: review))
        guard case .coordinatorDecision(true, .id(7), .unverified) = result.intent else {
            Issue.record("\(result.intent)")
            return
        }
        // Without the review and without a code, a coordinator's "approve" is for a person.
        let bare = intake.classify(message(from: "coord@example.org", body: "Approve"))
        #expect(bare.rule == "coordinator-other")
        #expect(bare.intent == .hold(reason: bare.reason, acknowledge: false))
    }

    /// Approving sends every introduction, so only a decision a person plainly wrote counts;
    /// anything less, under the review, is answered with how to decide.
    @Test func aCoordinatorsDecisionIsReadOnlyWhereItIsPlain() {
        let decisions: [(String, Bool?)] = [
            ("APPROVE MM-ABCD-EFGH", true),
            ("Looks good, approve mm-abcd-efgh\n\nThanks!", true),
            ("Hi all,\nYes, approved.\nJane", true),
            ("Approved!", true),
            ("Approve, but next time please check the time zones by hand first.", true),
            ("Reject", false),
            ("Sorry, reject MM-ABCD-EFGH: Caio needs a Portuguese speaker.", false),
            ("Don't approve yet, I need to check Caio.", nil),
            ("Before I approve: why is Caio not matched?", nil),
            ("Approve? Not sure about Caio.", nil),
            ("Can we approve this on Monday?", nil),
            ("Rejected Ben's pair, approve the rest.", nil),
            ("I had a look at the pairs and I think Maria is a good mentor to approve for Ana later.", nil),
            ("Thanks, I'll look at it tomorrow.", nil),
            ("Not approved.", nil),
        ]
        for (text, expected) in decisions {
            #expect(Intake.decision(in: text) == expected, "\(text)")
        }
        let review = MailReference(kind: .matchReview, topic: .proposal(7))
        let unclear = intake.classify(message(from: "coord@example.org", body: "Before I approve: why is Caio not matched?"),
                                      context: IntakeContext(answering: review))
        #expect(unclear.intent == .coordinatorUnclear(proposal: .id(7)), "\(unclear.intent)")
        // The last code of a Subject is the one a reply answers.
        #expect(ConfirmationToken.inSubject("Re: RE: 2 proposed pairs [MM-AAAA-BBBB] [MM-CCCC-DDDD]") == "MM-CCCC-DDDD")
        let confirming = MailReference(kind: .coordinatorConfirm, topic: .token(3))
        let yes = intake.classify(message(from: "coord@example.org", subject: "Re: RE: pairs [MM-AAAA-BBBB] [MM-CCCC-DDDD]", body: "Yes, that was me."),
                                  context: IntakeContext(answering: confirming))
        #expect(yes.intent == .confirmation(token: "MM-CCCC-DDDD"), "\(yes.intent)")
    }

    @Test func questionsAreHeldAndShortUnclearMailGetsHelp() {
        let known = IntakeContext(participant: participant)
        #expect(intake.classify(message(body: "When does the next round start?"), context: known).rule == "question")
        // Only thanks needs no answer; a short word that says nothing clear gets the help.
        #expect(intake.classify(message(body: "ok thanks"), context: known).rule == "thanks")
        #expect(intake.classify(message(body: "hmm, not sure"), context: known).intent == .help)
        #expect(intake.classify(message(body: String(repeating: "word ", count: 45)), context: known).rule == "question")
        // A stranger's question gets the sign-up form, which answers most of them.
        #expect(intake.classify(message(body: "How does this work?")).intent == .signUpRequest(role: nil))
    }

    /// The Subject is read for a request only when the new text has none of its own: a reply
    /// keeps the subject its thread began with.
    @Test func aRequestInTheSubjectGivesWayToTheNewTexts() {
        let join = message(subject: "Re: pause", body: "I'd like to join as a mentee.\n\n> We do not have a profile for this address")
        #expect(intake.classify(join).intent == .signUpRequest(role: .mentee))
        let form = message(subject: "Re: withdraw", body: """
            Role: mentee
            Name: Ana
            Mentoring type: technical
            Time zone: Europe/Madrid
            Languages: English
            """)
        #expect(intake.classify(form, context: IntakeContext(participant: participant)).rule == "profile-form")
        // "resume" under the answer to a withdrawal is a resume, though withdrawing is stronger.
        var withdrawn = participant
        withdrawn.status = .withdrawn
        #expect(intake.classify(message(subject: "Re: withdraw", body: "resume"), context: IntakeContext(participant: withdrawn)).intent
                == .participantCommand(.resume))
        // A stranger who asks to join, even without a role, gets the form; one who only signs
        // their name under "unsubscribe" is told there is nothing to change.
        #expect(intake.classify(message(subject: "Re: pause", body: "I'd like to join.")).intent == .signUpRequest(role: nil))
        #expect(intake.classify(message(subject: "Re: pause", body: "Yes, please send me the sign-up form.")).intent
                == .signUpRequest(role: nil))
        #expect(intake.classify(message(subject: "unsubscribe", body: "John")).intent == .participantCommand(.withdraw))
        // With nothing else in the new text, the subject still decides.
        let bare = message(subject: "AW: RE: [OpenStack Mentoring] pause", body: "\n\nAna\n")
        #expect(intake.classify(bare, context: IntakeContext(participant: participant)).intent == .participantCommand(.pause))
        // And a request in the new text is read as before, whatever the subject.
        let body = message(subject: "Re: I'd like to join", body: "Please pause my participation until March.")
        #expect(intake.classify(body, context: IntakeContext(participant: participant)).intent == .participantCommand(.pause))
    }

    /// A paused or withdrawn participant who asks to join again is resumed: the profile was kept.
    /// A request after a dash or "so" in a sentence is still the request: "Exams are over so
    /// please resume" under "Re: pause" resumes; it is not the Subject's pause again.
    @Test func aRequestAfterADashOrSoIsRead() {
        var person = participant
        person.status = .paused
        let context = IntakeContext(participant: person)
        for body in ["Exams are over so please resume", "Exams done - please resume", "Exams went faster than I thought - resume please!"] {
            let read = intake.classify(message(subject: "Re: pause", body: body), context: context)
            #expect(read.intent == .participantCommand(.resume), "\(body): \(read.intent) \(read.reason)")
        }
        #expect(CommandWords.read(in: "I don't want to stop - I just wonder when the next round is")?.command == nil)
    }

    @Test func askingToJoinAgainWhilePausedOrWithdrawnResumes() {
        for status in [Participant.Status.paused, .withdrawn] {
            var person = participant
            person.status = status
            let context = IntakeContext(participant: person)
            for body in ["I'd like to join again as a mentee.", "I'd like to join again.", "Can I rejoin the program?",
                         "I'd like to take part again.", "Quiero volver a participar.", "Hola, me gustaría participar otra vez."] {
                let again = intake.classify(message(subject: "Re: withdraw", body: body), context: context)
                #expect(again.intent == .participantCommand(.resume), "\(status), \(body): \(again.reason)")
            }
            for body in ["I'll be back from holidays next week.", "I can't join again this year.", "My colleague wants to join again.",
                         "I'll come back to you in March.", "Thanks for getting back to me about joining.",
                         "Tengo que volver a mirar mi agenda.", "I'd like to join as a mentor."] {
                let other = intake.classify(message(subject: "Re: pause", body: body), context: context)
                #expect(other.intent != .participantCommand(.resume), "\(status), \(body): \(other.reason)")
            }
        }
        // An active participant asking to join is not resumed, and an erased one is not brought back.
        #expect(intake.classify(message(body: "I'd like to join as a mentee."), context: IntakeContext(participant: participant)).rule
                != "participant-command")
        var erased = participant
        erased.status = .erased
        #expect(intake.classify(message(body: "I'd like to join as a mentee."), context: IntakeContext(participant: erased)).intent
                != .participantCommand(.resume))
        // A request of its own in the new text still decides.
        var withdrawn = participant
        withdrawn.status = .withdrawn
        #expect(intake.classify(message(body: "I'd like to join as a mentee.\n\nPlease delete my data."),
                                context: IntakeContext(participant: withdrawn)).intent != .participantCommand(.resume))
    }

    @Test func oneFormLineCountsUnderOurSignupFormOrFromAParticipant() {
        let line = message(body: "Time zone: Europe/Madrid")
        #expect(intake.classify(line).intent == .signUpRequest(role: nil), "a stranger's lone line is prose")
        let underForm = intake.classify(line, context: IntakeContext(answering: MailReference(kind: .signupForm, topic: .none)))
        #expect(underForm.rule == "profile-form")
        #expect(intake.classify(line, context: IntakeContext(participant: participant)).rule == "profile-form")
    }

    /// Finding: "can you change my languages? Languages: …" from a participant was held as a
    /// question and the profile not changed.
    @Test func aChangeAskedAsAQuestionIsApplied() {
        let known = IntakeContext(participant: participant)
        for body in ["Hey - can you change my languages? Languages: English, Arabic, French",
                     "Hey - can you change my languages?\nLanguages: English, Arabic, French",
                     "Hi, could you update my profile? Time zone: Europe/Oslo. Thanks!"] {
            let result = intake.classify(message(body: body), context: known)
            #expect(result.rule == "profile-form", "\(body): \(result.reason)")
        }
    }

    @Test func automaticMailAndOurOwnAreNeverAnswered() {
        let auto = message(extra: "Auto-Submitted: auto-replied\r\n", body: "I am away")
        #expect(intake.classify(auto, context: IntakeContext(participant: participant, answering: introduction())).rule == "automatic-mail")
        #expect(intake.classify(message(from: "MENTORING@example.org", body: "x")).rule == "own-mail")
        let anonymous = Message("Subject: hi\r\n\r\nwho?\r\n")
        #expect(intake.classify(anonymous).intent == .hold(reason: "no usable From address", acknowledge: false))
    }

    /// Under the mail of a used or expired code, a request in the reply's own words is that
    /// request; a bare yes, or the code written out, is still an attempt at the code.
    @Test func aRequestUnderASpentCodeIsTheRequest() {
        var context = IntakeContext(participant: participant, answering: MailReference(kind: .commandConfirm, topic: .token(5)))
        context.spentCode = "MM-SYDG-SDNW"
        func classify(_ text: String, subject: String = "Re: Re: break [MM-SYDG-SDNW]") -> Classification {
            intake.classify(message(subject: subject, body: text), context: context)
        }
        #expect(classify("Exams are over! resume please :)").intent == .participantCommand(.resume))
        #expect(classify("Ya terminé, quiero retomar").intent == .participantCommand(.resume))
        #expect(classify("yes").intent == .confirmation(token: "MM-SYDG-SDNW"))
        #expect(classify("yes", subject: "Re: Re: pause [MM-SYDG-SDNW]").intent == .confirmation(token: "MM-SYDG-SDNW"))
        #expect(classify("resume MM-SYDG-SDNW").intent == .confirmation(token: "MM-SYDG-SDNW"))
        context.spentCode = nil
        #expect(classify("Exams are over! resume please :)").intent == .confirmation(token: "MM-SYDG-SDNW"), "an open code is answered")
    }

    /// Finding: "I don't want to resume yet" under our answer to a pause was read from its
    /// Subject. A paused person who puts off resuming stays paused and is told so; someone
    /// active who writes "not yet" there is not paused again either.
    @Test func puttingOffResumingKeepsAPausedPersonPaused() {
        var person = participant
        person.status = .paused
        for body in ["I don't want to resume yet", "Not yet, I'll write when I'm back.", "No quiero reanudar todavía."] {
            for subject in ["Re: pause", "Re: Re: resume"] {
                let read = intake.classify(message(subject: subject, body: body), context: IntakeContext(participant: person))
                #expect(read.intent == .takeBack(.resume), "\(body) under \(subject): \(read.intent) \(read.reason)")
            }
        }
        let active = intake.classify(message(subject: "Re: pause", body: "Not yet, I'll write when I'm back."),
                                     context: IntakeContext(participant: participant))
        #expect(active.intent == .help, "\(active.intent) \(active.reason)")
    }

    /// "Ignore my previous mail" and a refused request take back what waits for a confirmation.
    @Test func takingARequestBackIsItsOwnIntent() {
        let context = IntakeContext(participant: participant)
        #expect(intake.classify(message(subject: "Re: pausa", body: "Desculpa, esqueçam a mensagem anterior, não quero pausar!"),
                                context: context).intent == .takeBack(.pause))
        #expect(intake.classify(message(subject: "Re: pausa", body: "I don't want to pause!"), context: context).intent == .takeBack(.pause))
        #expect(intake.classify(message(subject: "Re: withdraw", body: "Please ignore my previous mail."), context: context).intent == .takeBack(nil))
        #expect(intake.classify(message(subject: "Re: pausa", body: "pausa"), context: context).intent == .participantCommand(.pause))
    }
}

