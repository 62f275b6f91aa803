import Testing
#if canImport(Enrollment)
@testable import Enrollment
#else
@testable import MentorMail
#endif

@Suite struct CommandWordsTests {
    @Test(arguments: [
        ("pause", ParticipantCommand.pause),
        ("PAUSE", .pause),
        ("Pause.", .pause),
        ("Hi,\n\npause\n\nThanks,\nAna", .pause),
        ("Please pause my participation.", .pause),
        ("Hi, please pause my participation until March. Thanks!", .pause),
        ("I'd like to take a break for a few months", .pause),
        ("resume", .resume),
        ("I'm back! Please resume my participation.", .resume),
        ("withdraw", .withdraw),
        ("Stop", .withdraw),
        ("unsubscribe", .withdraw),
        ("I want to leave the program", .withdraw),
        ("Unfortunately I need to pause my participation.", .pause),
        ("I'm afraid I have to leave the program", .withdraw),
        ("Please remove me from the mentoring program.", .withdraw),
        ("Please, stop sending me emails", .withdraw),
        ("opt-out", .withdraw),
        ("delete my data", .deleteData),
        ("Please erase my data.", .deleteData),
        ("Forget me", .deleteData),
        ("GDPR delete", .deleteData),
        ("Could you please delete my account?", .deleteData),
        ("withdraw\ndelete my data", .deleteData),
    ])
    func commandsThatCount(text: String, command: ParticipantCommand) {
        #expect(CommandWords.detect(in: text) == command)
    }

    @Test(arguments: [
        "I will stop by the booth on Tuesday.",
        "Here is my resume.",
        "Resume attached",
        "Don't stop!",
        "Please don't withdraw me, I love it",
        "Can you pause the video at minute three?",
        "I want to stop smoking",
        "We had to leave early yesterday",
        "I paused my work on Nova last year and want to resume contributing",
        "Please remove me from the CC of this thread",
        "The data about my time zone is wrong, I'm in Madrid now",
        "> pause",
        "Thanks!\n-- \nStop the war. Ana",
        "You can write \"pause\", \"withdraw\" or \"delete my data\" at any time.",
        "",
    ])
    func wordsInsideOtherSentencesDoNotCount(text: String) {
        #expect(CommandWords.detect(in: text) == nil)
    }

    @Test(arguments: [
        ("pause", ParticipantCommand.pause), ("Re: pause", .pause), ("RE: Fwd: Unsubscribe", .withdraw),
        ("[OpenStack Mentoring] Re: delete my data", .deleteData),
    ])
    func commandsInTheSubject(subject: String, command: ParticipantCommand) {
        #expect(CommandWords.detect(in: "Hello,\nsee subject.", subject: subject) == command)
    }

    @Test func anOrdinarySubjectIsNoCommand() {
        #expect(CommandWords.detect(in: "Role: mentee", subject: "Re: Welcome to OpenStack Mentoring") == nil)
        #expect(CommandWords.detect(in: "", subject: "Re: stop by our booth") == nil)
    }

    @Test(arguments: [
        ("My new address is ana@newmail.example.", "ana@newmail.example"),
        ("Hi, my new email address is <Ana.G@work.example>, thanks", "ana.g@work.example"),
        ("Please use ana@home.example from now on.", "ana@home.example"),
        ("please use mailto:ana@home.example instead", "ana@home.example"),
        ("Could you change my email to ana@x.example?", "ana@x.example"),
    ])
    func changeOfAddress(text: String, address: String) {
        #expect(CommandWords.detect(in: text) == .changeAddress(address))
    }

    @Test(arguments: [
        "Please use coordinator@example.org for questions.",
        "my new address is not ready yet",
        "Please use the wiki from now on",
        "My new address is Calle Mayor 1, Madrid",
    ])
    func addressMentionsThatAreNoChange(text: String) {
        #expect(CommandWords.detect(in: text) == nil)
    }

    @Test func allCommandsAreExposedInOrder() {
        let text = "pause\nMy new address is ana@new.example"
        #expect(CommandWords.detectAll(in: text) == [.pause, .changeAddress("ana@new.example")])
        #expect(CommandWords.detect(in: text) == .changeAddress("ana@new.example"))
    }

    @Test func aFormAndACommandInOneMessageAreBothVisible() {
        let text = "Role: mentee\nTime zone: UTC\n\npause"
        #expect(CommandWords.detect(in: text) == .pause)
        #expect(SignupFormParser(vocabulary: .openStackDefault).parse(text).fieldsFound == 2)
    }

    /// Regret before a request still asks it.
    @Test(arguments: [
        ("Hi, I'm afraid I have to withdraw from the program, new job. Thanks for everything.", ParticipantCommand.withdraw),
        ("Sadly, I have to leave the program", .withdraw),
        ("I am sorry but I need to take a break", .pause),
        ("Lamentablemente quiero darme de baja", .withdraw),
        ("Infelizmente preciso sair do programa", .withdraw),
    ])
    func hedgedRequestsAreRequests(text: String, command: ParticipantCommand) {
        let reading = CommandWords.read(in: text)
        #expect(reading?.command == command && reading?.sure == true, "\(String(describing: reading))")
    }

    /// Findings: saying one cannot go on, or asking to step back, was read as nothing and
    /// answered with the help. Such indirect wishes are read and confirmed first; a plain
    /// request behind "tengo que" or a pause "de un mes" is a request.
    @Test(arguments: [
        ("Sadly I can't continue.", ParticipantCommand.withdraw, false),
        ("I won't be able to continue, sorry.", .withdraw, false),
        ("I'd like to stop participating.", .withdraw, false),
        ("I need to step back from mentoring for a while.", .pause, false),
        ("Lamentablemente tengo que dejar el programa.", .withdraw, true),
        ("Me temo que tengo que retirarme del programa.", .withdraw, true),
        ("Necesito una pausa de un mes, por favor.", .pause, true),
        ("Leider kann ich nicht weitermachen.", .withdraw, false),
        ("Infelizmente não posso continuar.", .withdraw, false),
        ("Por desgracia no puedo seguir con la mentoría, me cambio de trabajo.", .withdraw, false),
        ("sadly I can\u{2019}t continue, I got a new job\u{2026} Sorry Eva!", .withdraw, false),
        ("Je ne peux plus continuer, désolée.", .withdraw, false),
    ])
    func indirectWishesToLeaveOrPauseAreRead(text: String, command: ParticipantCommand, sure: Bool) {
        let reading = CommandWords.read(in: text)
        #expect(reading?.command == command && reading?.sure == sure, "\(String(describing: reading))")
    }

    /// What speaks of leaving without a request we can carry out is still seen as such; plain
    /// news is not.
    @Test func wordsOfLeavingWithoutARequest() {
        #expect(CommandSentences.soundsLikeLeaving(OwnText("I may have to stop soon, work is crazy.")))
        #expect(CommandSentences.soundsLikeLeaving(OwnText("No sé si voy a poder seguir el mes que viene.")))
        #expect(!CommandSentences.soundsLikeLeaving(OwnText("We met twice this month and it went well.")))
        #expect(!CommandSentences.soundsLikeLeaving(OwnText("Just saying hello")))
    }

    /// Finding: "I'll be on leave next week" and "I'm on parental leave until March, back
    /// after" were held as wishes to leave the program. Being away for a while is news; a wish
    /// to leave beside it, or said with the same words, is still one.
    @Test(arguments: [
        "I'll be on leave next week.", "I'm on parental leave until March, back after.", "Out on leave, back on the 12th.",
        "Heads up: I'm taking a leave of absence from work in May.", "I'm leaving for a conference on Monday, back Friday.",
        "Back from sick leave now!", "I'll be on winter break until January 8.", "Estoy de baja por maternidad hasta marzo.",
        "Salgo de vacaciones la semana que viene.", "Vou sair de férias em julho.", "Estaré de baja hasta el lunes.",
        "I can't meet next week, I'm on holiday.", "Ich bin bis Montag im Urlaub und kann nicht teilnehmen diese Woche.",
    ])
    func beingAwayIsNoWishToLeave(text: String) {
        #expect(!CommandSentences.soundsLikeLeaving(OwnText(text)), "\(text)")
        #expect(AbsenceWords.speaksOfAbsence(OwnText(text)) == !text.hasPrefix("Back from"), "\(text)")
        #expect(CommandWords.read(in: text) == nil, "\(text)")
    }

    @Test(arguments: [
        "I'm on leave next week, and I may have to leave the mentoring for good after that.",
        "I'm thinking of leaving, work is too much.", "I may have to quit soon.", "Quizás tenga que dejar la mentoría.",
        "I'll have to leave for good, sorry.", "I won't be able to carry on with this, honestly.",
    ])
    func wishesToLeaveBesideOrLikeAbsenceAreStillSeen(text: String) {
        #expect(CommandSentences.soundsLikeLeaving(OwnText(text)) || CommandWords.read(in: text) != nil, "\(text)")
    }

    @Test func plainNewsIsNoAbsence() {
        for text in ["Please remove me right away.", "We met twice this month and it went well.", "darme de baja, por favor"] {
            #expect(!AbsenceWords.speaksOfAbsence(OwnText(text)), "\(text)")
        }
    }

    /// Finding: "I can't continue our sessions until March, I'm on parental leave" was asked to
    /// confirm leaving the program. Not going on for a stated time is a wish to pause, asked first.
    @Test(arguments: [
        "I can't continue our sessions until March, I'm on parental leave.",
        "I won't be able to continue for two months, I'm moving house.", "No puedo seguir hasta marzo, estoy de baja.",
        "I'll have to stop participating for a few months, I'm travelling.", "Sadly I can't continue for now, exams are crazy.",
        "I can't go on with the mentoring till after the summer.", "No podré continuar durante unas semanas.",
        "Ich kann nicht weitermachen bis April.",
    ])
    func notGoingOnForATimeIsAPauseAskedFirst(text: String) throws {
        let reading = try #require(CommandWords.read(in: text), "\(text)")
        #expect(reading.command == .pause && !reading.sure, "\(text): \(reading)")
    }

    @Test(arguments: [
        "I can't continue, I've been doing this for the last two months and it's too much.",
        "Please withdraw me from the program.", "No puedo seguir con la mentoría, me cambio de trabajo.",
        "I can't continue, sorry, and thanks for these months.",
    ])
    func leavingWithoutATimeIsStillLeaving(text: String) throws {
        let reading = try #require(CommandWords.read(in: text), "\(text)")
        #expect(reading.command == .withdraw, "\(text): \(reading)")
    }

    @Test func timeBoundsAhead() {
        for text in ["until March", "for two months", "hasta marzo", "for the next few weeks", "for now", "durante unas semanas", "bis April"] {
            #expect(AbsenceWords.boundsTime(EnrollmentText.words(text)), "\(text)")
        }
        for text in ["for the last two months", "thanks for these months", "por favor", "until now", "for the program"] {
            #expect(!AbsenceWords.boundsTime(EnrollmentText.words(text)), "\(text)")
        }
    }

    /// Finding: "não quero pausar" under "Re: pausa", and "I don't want to pause!", were read as
    /// a pause from the Subject. A request the text says it does not want is no request, and the
    /// text's words come before the Subject's.
    @Test(arguments: [
        "I don't want to pause!", "Please don't withdraw me", "Do not pause my participation.", "no quiero pausar",
        "Desculpa, esqueçam a mensagem anterior, não quero pausar!", "não quero sair", "je ne veux pas arrêter",
        "ich möchte nicht pausieren", "I really don't want to leave the program", "ignore my previous mail",
        "Please forget the last message", "Olvidad mi mensaje anterior, por favor",
    ])
    func aRefusedRequestIsNoneAndOutweighsTheSubject(text: String) {
        for subject in ["Re: pausa", "Re: pause", "Re: withdraw"] {
            #expect(CommandWords.read(in: text, subject: subject) == nil, "\(text) under \(subject)")
        }
        #expect(CommandWords.read(in: "Hello", subject: "Re: pausa")?.command == .pause, "a Subject alone still asks")
    }

    /// What a refusal or "ignore my last mail" takes back: the request it names, or (nil) the one
    /// waiting; none for news that only mentions a request.
    @Test(arguments: [
        ("I don't want to pause!", ParticipantCommand?.some(.pause)),
        ("Desculpa, esqueçam a mensagem anterior, não quero pausar!", .pause),
        ("Please don't withdraw me", .withdraw),
        ("non voglio ritirarmi", .withdraw),
        ("ich möchte nicht pausieren", .pause),
        ("Please ignore my previous email.", nil),
        ("Forget the last message, sorry", nil),
        ("Oubliez mon message précédent", nil),
        ("Vergesst bitte meine letzte Nachricht", nil),
    ])
    func takingBackNamesTheRequest(text: String, command: ParticipantCommand?) {
        let taken = CommandSentences.takenBack(OwnText(text))
        #expect(taken != nil && taken?.command == command, "\(text): \(String(describing: taken))")
    }

    /// Finding: "I don't want to resume yet" and "Not yet, I'll write when I'm back" under our
    /// answer to a pause were read as the Subject's request. Putting off resuming is no request,
    /// and the Subject's, whichever it is, is not read either.
    @Test(arguments: [
        "I don't want to resume yet", "Not yet, I'll write when I'm back.", "I'm not ready to resume just yet.",
        "No quiero reanudar todavía.", "Todavía no, os escribo cuando vuelva.", "Pas encore, merci !", "Noch nicht, danke.",
    ])
    func puttingOffResumingIsNoRequestAndOutweighsTheSubject(text: String) {
        for subject in ["Re: pause", "Re: Re: pause", "Re: resume"] {
            #expect(CommandWords.read(in: text, subject: subject) == nil, "\(text) under \(subject)")
        }
        #expect(CommandSentences.putsOffResuming(OwnText(text)) != nil, "\(text)")
    }

    @Test(arguments: ["resume please", "I'm back!", "Exams are over so please resume", "I don't want to pause", "no quiero continuar",
                      "Not sure yet about the fit", "When is the next round?", "I'll be back next week", "Still, I'd like to resume"])
    func otherWordsPutNoResumingOff(text: String) {
        #expect(CommandSentences.putsOffResuming(OwnText(text)) == nil, "\(text)")
    }

    @Test(arguments: ["I don't want to resume yet", "I'm not sure whether to pause", "Thanks, see you next week",
                      "I can't continue", "no quiero continuar", "Pause please"])
    func otherWordsTakeNothingBack(text: String) {
        #expect(CommandSentences.takenBack(OwnText(text)) == nil, "\(text)")
    }
}

