import Foundation

/// What a participant can ask for by email, outside the sign-up form.
public enum ParticipantCommand: Sendable, Hashable {
    case pause
    case resume
    /// Leave the program (also "stop", "unsubscribe", "remove me").
    case withdraw
    /// Leave and have personal data erased ("delete my data", "forget me", "GDPR delete").
    case deleteData
    /// Write to a new address from now on.
    case changeAddress(String)

    /// Stronger commands win when one message holds several: deleting data implies
    /// withdrawing, withdrawing makes a pause moot.
    var priority: Int {
        switch self {
        case .deleteData: 0
        case .withdraw: 1
        case .changeAddress: 2
        case .pause: 3
        case .resume: 4
        }
    }
}

/// The phrases of each command, as folded words. A sentence is a command when, after
/// polite words, it starts with one of `starts` and every further word is in `allowed`
/// or `CommandPhrases.filler`.
struct CommandPhrases {
    let command: ParticipantCommand
    let starts: [[String]]
    let allowed: Set<String>

    init(_ command: ParticipantCommand, starts: [String], allowed: [String]) {
        self.command = command
        self.starts = starts.map { $0.split(separator: " ").map(String.init) }
        self.allowed = Set(allowed)
    }

    /// Checked in this order; the longest start of a command is tried first.
    static let all: [CommandPhrases] = [
        CommandPhrases(.deleteData, starts: [
            "delete my data", "delete all my data", "delete my personal data", "erase my data",
            "erase all my data", "remove my data", "remove all my data", "forget me", "gdpr delete",
            "gdpr deletion", "gdpr erasure", "gdpr request", "delete my account", "delete my profile",
            "delete my information", "delete my details", "delete me", "erase me", "right to be forgotten",
            "delete all my personal data", "delete my personal information", "delete all my personal information",
            "delete all my information", "erase my personal data", "erase all my personal data", "erase my personal information",
            "remove my personal data", "remove all my personal data", "remove my personal information",
            "remove all my personal information", "remove my information", "remove all my information",
        ], allowed: ["and", "from", "your", "records", "systems", "database", "all", "everything", "data",
                     "information", "details", "permanently", "completely"]),
        CommandPhrases(.withdraw, starts: [
            "withdraw", "withdraw me", "stop", "unsubscribe", "unsubscribe me", "leave", "quit", "opt out",
            "remove me", "take me off", "sign me off", "sign me out", "drop out", "cancel my participation",
            "cancel my registration", "cancel my membership", "cancel my application", "cancel my sign up",
            "end my participation", "leave the program", "leave the programme",
        ], allowed: ["from", "of", "off", "out", "my", "me", "participation", "application", "registration",
                     "membership", "subscription", "list", "mailing", "emails", "mails", "messages", "sending",
                     "all", "everything", "it", "entirely", "completely", "permanently", "altogether"]),
        CommandPhrases(.pause, starts: [
            "pause", "pause me", "put me on hold", "put my participation on hold", "hold my participation",
            "take a break", "suspend my participation", "pause my participation",
        ], allowed: ["my", "me", "participation", "membership", "matching", "it", "everything", "for", "a",
                     "while", "bit", "few", "couple", "of", "some", "time", "until", "till", "next", "weeks",
                     "week", "months", "month", "year", "summer", "winter", "holidays", "holiday", "being",
                     "break", "on", "hold", "january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december", "one", "two", "three",
                     "1", "2", "3", "4", "5", "6"]),
        CommandPhrases(.resume, starts: [
            "resume", "unpause", "unpause me", "resume my participation", "restart my participation",
            "reactivate", "reactivate me", "i'm back", "i am back", "im back", "continue my participation",
            "continue", "start again",
        ], allowed: ["my", "me", "participation", "membership", "matching", "it", "everything", "again",
                     "from", "here", "please"]),
    ]

    /// Words any command may carry: the program, politeness, time.
    static let filler: Set<String> = [
        "the", "this", "program", "programme", "mentoring", "mentorship", "round", "please", "pls", "now",
        "thanks", "thank", "you", "asap", "immediately", "right", "away", "today", "in",
    ]

    /// Polite openings removed before matching, longest first.
    static let politePrefixes: [[String]] = [
        "i would like you to", "i'd like you to", "id like you to", "i want you to",
        "i would like to", "i'd like to", "id like to", "i want to", "i wanna", "i wish to", "i need to",
        "i have to", "i must", "i'd like", "i would like", "can you", "could you", "would you", "will you",
        "please", "pls", "plz", "kindly", "let me", "just",
    ].map { $0.split(separator: " ").map(String.init) } + hedges

    /// Regret before a request, which still asks it: "I'm afraid I have to withdraw",
    /// "unfortunately I need to pause", "lamentablemente tengo que darme de baja".
    static let hedges: [[String]] = [
        "i'm afraid that", "i am afraid that", "im afraid that", "i'm afraid", "i am afraid", "im afraid", "i fear",
        "i'm sorry but", "i am sorry but", "im sorry but", "sorry but", "i'm sorry", "i am sorry", "sorry", "i regret that",
        "i regret to say that", "i regret to say", "regrettably", "unfortunately", "sadly", "alas", "with regret",
        "with a heavy heart", "me temo que", "lo siento pero", "lo siento", "lamentablemente", "desafortunadamente",
        "por desgracia", "infelizmente", "receio que", "lamento mas", "lamento", "malheureusement", "je crains de devoir",
        "désolé mais", "désolée mais", "leider", "ich fürchte", "purtroppo", "temo di",
        // A change of mind before the request: "mudei de ideia: quero voltar ao programa".
        "i changed my mind", "i've changed my mind", "i have changed my mind", "changed my mind", "cambié de opinión",
        "he cambiado de opinión", "cambié de idea", "mudei de ideia", "mudei de opinião", "j'ai changé d'avis",
        "ich habe es mir anders überlegt", "ich hab es mir anders überlegt", "ho cambiato idea",
    ].map { EnrollmentText.words($0) }

    /// Greetings that may open a sentence before a comma: "Hi, pause please".
    static let greetings: Set<String> = [
        "hi", "hello", "hey", "dear", "hola", "ok", "okay", "yes", "please", "thanks", "sorry", "hi there",
    ]

    /// Whether `words` (politeness already removed) is this command.
    func matches(_ words: [String]) -> Bool {
        starts.contains { start in
            words.starts(with: start) && words.dropFirst(start.count).allSatisfy {
                allowed.contains($0) || Self.filler.contains($0)
            }
        }
    }
}
