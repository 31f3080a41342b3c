import Foundation
import NameMatching
import Testing

/// Precision and recall of `compare` on the labelled pairs in
/// `__Fixtures__/name-pairs.tsv`, with `.samePerson` as the positive prediction.
@Suite("Labelled evaluation set")
struct EvaluationSetTests {
    struct LabelledPair {
        var line: Int
        var isSame: Bool
        var a: PersonFacts
        var b: PersonFacts
        var note: String
    }

    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("__Fixtures__/name-pairs.tsv")

    static func loadPairs() throws -> [LabelledPair] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        var pairs: [LabelledPair] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let label = fields.first, label == "same" || label == "different" else { continue }
            guard fields.count >= 5 else {
                Issue.record("name-pairs.tsv line \(index + 1) has \(fields.count) fields; it needs label, nameA, factsA, nameB, factsB.")
                continue
            }
            pairs.append(LabelledPair(
                line: index + 1, isSame: label == "same",
                a: try facts(name: fields[1], fields[2], line: index + 1),
                b: try facts(name: fields[3], fields[4], line: index + 1),
                note: fields.count > 5 ? fields[5] : ""))
        }
        return pairs
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    static func facts(name: String, _ text: String, line: Int) throws -> PersonFacts {
        var facts = PersonFacts(name: name)
        for item in text.split(separator: ";") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw FixtureError(description: "line \(line): “\(item)” is not key=value") }
            switch parts[0] {
            case "born": facts.birthYear = Int(parts[1])
            case "sex": facts.sex = parts[1] == "F" ? .female : parts[1] == "M" ? .male : nil
            case "phone": facts.phone = parts[1]
            case "region": facts.regionCode = parts[1]
            case "locality": facts.locality = parts[1]
            case "alt": facts.alternateName = parts[1]
            default: throw FixtureError(description: "line \(line): unknown fact “\(parts[0])”")
            }
        }
        return facts
    }

    @Test("The set is large and covers both labels")
    func size() throws {
        let pairs = try Self.loadPairs()
        #expect(pairs.count >= 200)
        #expect(pairs.filter(\.isSame).count >= 100)
        #expect(pairs.filter { !$0.isSame }.count >= 80)
    }

    @Test("Precision ≥ 0.95 and recall ≥ 0.90 with samePerson as the positive prediction")
    func precisionAndRecall() throws {
        let pairs = try Self.loadPairs()
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        for pair in pairs {
            let assessment = compare(pair.a, pair.b)
            let predicted = assessment.verdict == .samePerson
            switch (predicted, pair.isSame) {
            case (true, true): truePositives += 1
            case (true, false):
                falsePositives += 1
                print("false positive, line \(pair.line): \(pair.a.name) / \(pair.b.name) \(String(format: "%.3f", assessment.score)) \(assessment.reasons)")
            case (false, true):
                falseNegatives += 1
                print("false negative, line \(pair.line): \(pair.a.name) / \(pair.b.name) \(String(format: "%.3f", assessment.score)) \(assessment.reasons)")
            case (false, false): break
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        print(String(format: "NameMatching evaluation: %d pairs, precision %.3f (%d/%d), recall %.3f (%d/%d)",
                     pairs.count, precision, truePositives, truePositives + falsePositives,
                     recall, truePositives, truePositives + falseNegatives))
        #expect(precision >= 0.95)
        #expect(recall >= 0.90)
    }

    @Test("Every pair scores the same whichever record comes first")
    func symmetric() throws {
        for pair in try Self.loadPairs() {
            let forward = compare(pair.a, pair.b), backward = compare(pair.b, pair.a)
            #expect(abs(forward.score - backward.score) < 1e-9, "line \(pair.line): \(forward.score) vs \(backward.score)")
        }
    }
}
