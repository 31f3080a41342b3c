import Foundation
import GRDB
import NameMatching

/// Two registered people who may be one, with how likely and why.
public struct DuplicatePair: Sendable, Hashable {
    /// The one registered first (the lower number).
    public var first: Participant
    public var second: Participant
    /// How likely they are one person, 0…1.
    public var score: Double
    /// Whether the score reaches the same-person threshold (0.9); below it, a person should look.
    public var isProbable: Bool
    /// Why, strongest first: “same name across scripts (Gulnora Karimova = Гулнора Каримова)”, “same birth year 1987”…
    public var reasons: [String]
}

extension AppDatabase {
    /// The pairs of registered people who may be one person, most likely first.
    ///
    /// Names are compared across scripts, spellings, word order and patronymics, and
    /// weighed with birth year, sex, phone, region and locality (see `NameMatching`).
    /// People are indexed by blocking keys, so 100,000 people take seconds, not the
    /// hours comparing every pair would.
    ///
    /// For example:
    /// ```swift
    /// for pair in try database.duplicateParticipants(minimumScore: 0.9) {
    ///     print(pair.first.fullName, pair.second.fullName, pair.reasons)
    /// }
    /// ```
    public func duplicateParticipants(minimumScore: Double = MatchAssessment.possibleThreshold) throws -> [DuplicatePair] {
        guard (0...1).contains(minimumScore) else {
            throw MalakaError.usage("A minimum score of \(minimumScore) is not between 0 and 1. Give e.g. 0.9 for likely pairs only, 0.4 for every pair worth a look.")
        }
        return try read { db in
            var people: [(id: Int64, facts: PersonFacts)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, fullName, alternateName, sex, birthYear, phone, regionCode, locality FROM participant ORDER BY id
                """)
            while let row = try rows.next() {
                people.append((row[0], PersonFacts(
                    name: row[1], alternateName: row[2], birthYear: row[4],
                    sex: (row[3] as String?).flatMap(NameMatching.Sex.init(rawValue:)), phone: row[5], locality: row[7],
                    regionCode: row[6])))
            }
            let finder = DuplicateFinder(people: people)
            let candidates = finder.candidates(minimumScore: minimumScore)
            let ids = Set(candidates.flatMap { [$0.idA, $0.idB] })
            // One scan, decoding only the people in a pair: tens of thousands of records through Codable take a while.
            var records: [Int64: Participant] = [:]
            records.reserveCapacity(ids.count)
            let all = try Row.fetchCursor(db, sql: """
                SELECT id, fullName, alternateName, sex, birthYear, category, organisation, phone, regionCode, districtCode,
                       locality, language, consentDate, consentRecordedBy, searchKey, createdAt, crossScriptKey
                FROM participant
                """)
            while let row = try all.next() {
                let id: Int64 = row[0]
                guard ids.contains(id) else { continue }
                records[id] = Participant(
                    id: id, fullName: row[1], alternateName: row[2], sex: (row[3] as String?).flatMap(Sex.init(rawValue:)),
                    birthYear: row[4], category: ParticipantCategory(rawValue: row[5]) ?? .other, organisation: row[6],
                    phone: row[7], regionCode: row[8], districtCode: row[9], locality: row[10],
                    language: (row[11] as String?).flatMap(DocumentLanguage.init(rawValue:)), consentDate: row[12],
                    consentRecordedBy: row[13], searchKey: row[14], createdAt: row[15], crossScriptKey: row[16])
            }
            return candidates.compactMap { candidate in
                guard let a = records[candidate.idA], let b = records[candidate.idB] else { return nil }
                let (first, second) = a.id! < b.id! ? (a, b) : (b, a)
                return DuplicatePair(first: first, second: second, score: candidate.assessment.score,
                                     isProbable: candidate.assessment.verdict == .samePerson, reasons: candidate.assessment.reasons)
            }
        }
    }
}
