/// Pausing, coming back and leaving as people write them in Spanish, French, Portuguese,
/// Italian and German: the writer as the object of the verb, before it or attached to it
/// ("ponme en pausa", "me mettre en pause", "mettimi in pausa", "pausiert mich"), being back
/// ("je suis de retour", "ya estoy de vuelta", "ich bin zurück", "sono tornata") and leaving in
/// the first person ("je me retire", "me retiro del programa"). English has its own
/// `CommandPhrases`; the phrases here are read like the others of `CommandSentences.all`.
enum ParticipationPhrases {
    /// A verb of putting with the writer or their participation, then the pause, in each language.
    private static let putOnPause: [(verbs: [String], pause: String)] = [
        (["ponme", "ponedme", "ponganme", "pongame", "ponerme", "me pongan", "me pongais", "me ponga", "me pongas", "me pones",
          "me poneis", "pon mi participacion", "poned mi participacion", "pongan mi participacion", "poner mi participacion",
          "dejadme", "dejame", "dejarme"], "en pausa"),
        (["mettez moi", "mets moi", "me mettre", "me mettez", "me mettiez", "me mets", "mettez ma participation",
          "mettre ma participation", "mettez", "mets"], "en pause"),
        (["me coloquem", "me coloque", "me colocar", "me coloca", "coloquem me", "coloque me", "me ponham", "me ponha", "me poe",
          "me por", "coloquem minha participacao", "colocar minha participacao", "coloquem a minha participacao",
          "colocar a minha participacao", "me deixem", "me deixe", "deixem me"], "em pausa"),
        (["mettimi", "mettetemi", "mettermi", "mi metta", "mi mettete", "mi mettiate", "mettete", "metti"], "in pausa"),
        (["setzt mich", "setzen sie mich", "setze mich", "stellt mich", "stellen sie mich", "mich"], "auf pause"),
    ]

    /// Pausing the writer with a verb of its own: "pausiert mich", "pausem minha participação".
    private static let pauseVerbs = [
        "pausadme", "pausarme", "pausad mi participacion", "pausen mi participacion",
        "suspendez ma participation", "suspendre ma participation", "me suspendre", "suspendez moi",
        "me pausem", "me pausar", "pausem minha participacao", "pausem a minha participacao",
        "sospendetemi", "sospendermi", "sospendete la mia partecipazione",
        "pausiert mich", "pausieren sie mich", "pausiere mich", "mich pausieren", "pausiert meine teilnahme",
        "meine teilnahme pausieren", "pausieren sie meine teilnahme",
    ]

    static let pause: [String] = putOnPause.flatMap { shape in shape.verbs.map { "\($0) \(shape.pause)" } } + pauseVerbs

    /// Being back, coming back to the program, being made active again.
    static let resume = [
        "ya estoy de vuelta", "estoy de vuelta", "estoy de regreso", "ya he vuelto", "he vuelto", "ya volvi", "ya regrese",
        "volver al programa", "regresar al programa", "reactivarme", "reactivame", "reactivenme", "me reactiven", "me reactivais",
        "vuelve a activarme", "volved a activarme", "volve a activarme", "activadme de nuevo", "activarme de nuevo",
        "je suis de retour", "je suis revenu", "je suis revenue", "me revoila", "me voila de retour", "me voici de retour",
        "je reviens", "revenir", "revenir dans le programme", "revenir au programme", "reintegrer le programme",
        "me reactiver", "reactivez moi", "reactive moi", "reactivez ma participation", "reprendre ma participation",
        "ja estou de volta", "estou de volta", "ja voltei", "voltei", "voltar para o programa", "voltar", "me reativar",
        "me reativem", "reativem me", "reative me", "me reative",
        "ich bin zuruck", "ich bin wieder da", "bin wieder da", "bin zuruck", "zuruck ins programm", "wieder einsteigen",
        "reaktivieren", "reaktiviert mich", "reaktivieren sie mich", "mich reaktivieren", "mich wieder aktivieren",
        "aktiviert mich wieder", "aktivieren sie mich wieder", "nehmt mich wieder auf", "nehmen sie mich wieder auf",
        "mich wieder aufnehmen",
        "sono tornato", "sono tornata", "sono di nuovo qui", "eccomi di nuovo", "sono rientrato", "sono rientrata",
        "tornare al programma", "rientrare nel programma", "riattivatemi", "riattivarmi", "mi riattivate", "riattivami",
        "tornare", "volver", "regresar",
    ]

    /// Leaving in the first person, or with the writer as the object.
    static let withdraw = [
        "me retiro del programa", "me retiro", "me doy de baja", "me salgo del programa", "sacame del programa",
        "saquenme del programa", "borradme del programa", "borrenme del programa",
        "je me retire du programme", "je me retire", "je quitte le programme", "je me desinscris", "arreter le programme",
        "arreter le mentorat", "arreter ma participation",
        "me tirem do programa", "me tirem", "me tirar do programa", "tirem me", "me tire do programa", "tire me do programa",
        "me retiro do programa",
        "ich steige aus dem programm aus", "aus dem programm aussteigen", "ich steige aus", "ich trete aus", "nehmt mich raus",
        "nehmt mich aus dem programm", "meldet mich ab", "ich melde mich ab",
        "mi ritiro dal programma", "mi ritiro", "esco dal programma", "lascio il programma", "mi cancello",
    ]

    /// Phrases that say other things when words follow them in their clause ("je reviens vers
    /// vous", "voltar a falar", "ich steige aus dem Zug aus"): a request only at its end.
    static let onlyAtClauseEnd: Set<String> = ["je reviens", "revenir", "voltar", "tornare", "volver", "regresar", "ich steige aus",
                                               "ich trete aus", "me retiro", "mi ritiro", "je me retire"]

    /// Courtesy inside a clause, taken out before it is compared: "setzt mich bitte auf Pause",
    /// "ponme por favor en pausa".
    static let courtesy: [[String]] = ["bitte", "please", "pls", "svp", "por favor", "per favore", "s'il vous plait",
                                       "s'il te plait", "porfa"].map { EnrollmentText.words($0) }

    /// `words` without the courtesy inside them.
    static func withoutCourtesy(_ words: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        outer: while index < words.count {
            for phrase in courtesy where words[index...].starts(with: phrase) {
                index += phrase.count
                continue outer
            }
            kept.append(words[index])
            index += 1
        }
        return kept
    }
}
