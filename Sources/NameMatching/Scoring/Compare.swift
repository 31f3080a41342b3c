/// Assesses whether two records describe the same person.
///
/// Names are compared across scripts, spelling variants, word order and
/// patronymic forms; birth year, sex, phone, region and locality are weighed
/// when both records have them. Conflicting strong facts (different sex,
/// birth years more than two apart, different phones) pull the score down
/// sharply. See ``MatchAssessment`` for the thresholds.
///
/// For example:
/// ```swift
/// let a = PersonFacts(name: "Karimova Gulnora Rustamovna", birthYear: 1987, phone: "+998 90 123 45 67")
/// let b = PersonFacts(name: "Гулнора Каримова", birthYear: 1987, phone: "90 123 45 67")
/// compare(a, b).verdict  // .samePerson
/// ```
public func compare(_ a: PersonFacts, _ b: PersonFacts) -> MatchAssessment {
    let evidence = Evidence(PreparedPerson(a), PreparedPerson(b), explain: true)
    return MatchAssessment(score: evidence.score, reasons: evidence.reasons)
}
