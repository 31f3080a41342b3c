import Foundation

/// How many indexed people carry each name word, so that agreeing on a very
/// common word (Gulnora, Karimova) counts for less than agreeing on a rare
/// one.
///
/// Record linkage weighs an agreement by how rare the agreeing value is. A
/// word carried by at most ``commonFrom`` people keeps the full weight of 5;
/// each doubling beyond that takes off half a point, down to
/// ``minimumWeight``. Only ``DuplicateFinder`` knows the population, so only
/// its assessments are discounted; ``compare(_:_:)`` weighs every word fully.
///
/// For example, among 100,000 people with 3,800 called Gulnora, agreeing on
/// Gulnora is worth 5 − 0.5 × log2(3,800 / 100) ≈ 2.4, raised to 3.
struct WordFrequencies: Sendable {
    static let commonFrom = 100.0
    static let minimumWeight = 3.0

    private var counts: [UInt64: Int32] = [:]

    /// Counts each person's distinct name words by phonetic skeleton.
    init(_ people: [PreparedPerson]) {
        for person in people {
            var words = Set<UInt64>()
            for name in person.names {
                for token in name.items where !token.isInitial { words.insert(token.skeletonKey) }
            }
            for word in words { counts[word, default: 0] += 1 }
        }
    }

    /// The most an agreement on these two words can weigh.
    func agreementWeight(_ a: NameToken, _ b: NameToken) -> Double {
        let count = Double(max(counts[a.skeletonKey] ?? 0, counts[b.skeletonKey] ?? 0))
        guard count > Self.commonFrom else { return 5 }
        return max(Self.minimumWeight, 5 - 0.5 * log2(count / Self.commonFrom))
    }
}
