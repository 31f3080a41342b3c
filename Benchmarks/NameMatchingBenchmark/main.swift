import BenchmarkSupport
import Foundation
import NameMatching
import TrainingFixtures

// Times DuplicateFinder on a reproducible synthetic population.
// Usage: MALAKA_BENCHMARKS=1 swift run -c release NameMatchingBenchmark [people] [seed] [--misses]
// --misses lists planted duplicates not found as samePerson, with their reasons.

let arguments = CommandLine.arguments.dropFirst()
let count = arguments.first.flatMap { Int($0) } ?? 100_000
let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 2024
guard count > 1 else { stopBenchmark("Usage: NameMatchingBenchmark [people] [seed] [--misses]; people is at least 2.", status: 64) }
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> String {
    let c = duration.components
    return String(format: "%.2f s", Double(c.seconds) + Double(c.attoseconds) / 1e18)
}

/// CPU time used by this process so far, in seconds: unlike the wall
/// clock, it does not grow when other processes share the cores.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var start = clock.now
let population = SyntheticPopulation(count: count, duplicateShare: 0.05, seed: seed)
print("NameMatchingBenchmark: \(population.records.count) people, \(population.plantedPairs.count) planted duplicates, seed \(seed) (generated in \(seconds(clock.now - start)))")

start = clock.now
var cpu = cpuSeconds()
let finder = DuplicateFinder(people: population.records)
let indexTime = clock.now - start, indexCPU = cpuSeconds() - cpu
start = clock.now
cpu = cpuSeconds()
let candidates = finder.candidates(minimumScore: MatchAssessment.possibleThreshold)
let candidateTime = clock.now - start, candidateCPU = cpuSeconds() - cpu
print("index built in \(seconds(indexTime)) (CPU \(String(format: "%.2f", indexCPU)) s); candidates found in \(seconds(candidateTime)) (CPU \(String(format: "%.2f", candidateCPU)) s); total \(seconds(indexTime + candidateTime)) (CPU \(String(format: "%.2f", indexCPU + candidateCPU)) s)")

let same = candidates.filter { $0.assessment.verdict == .samePerson }
let possible = candidates.filter { $0.assessment.verdict == .possible }
let sameIDs = Set(same.map { [$0.idA, $0.idB] })
let possibleIDs = Set(possible.map { [$0.idA, $0.idB] })
let plantedSame = population.plantedPairs.filter { sameIDs.contains($0) }.count
let plantedPossible = population.plantedPairs.filter { possibleIDs.contains($0) }.count
print("candidates: \(candidates.count) pairs (\(same.count) samePerson, \(possible.count) possible)")
print(String(format: "planted duplicates found: %d as samePerson, %d more as possible, of %d (%.1f %% / %.1f %%)",
             plantedSame, plantedPossible, population.plantedPairs.count,
             100 * Double(plantedSame) / Double(population.plantedPairs.count),
             100 * Double(plantedSame + plantedPossible) / Double(population.plantedPairs.count)))
print("samePerson pairs that were not planted (namesakes who agree on every fact given): \(same.count - plantedSame)")

// One new person against everyone.
var rng = SplitMix64(seed: seed &+ 1)
var lookups: [Duration] = []
var found = 0
for _ in 0..<1000 {
    let record = population.records[Int.random(in: 0..<population.records.count, using: &rng)]
    var facts = record.facts
    facts.name = String(facts.name.split(separator: " ").reversed().joined(separator: " "))
    let t = clock.now
    let matches = finder.matches(for: facts)
    lookups.append(clock.now - t)
    if matches.contains(where: { $0.id == record.id }) { found += 1 }
}
lookups.sort()
func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.3f ms", (Double(c.seconds) + Double(c.attoseconds) / 1e18) * 1000)
}
print("matches(for:) against \(finder.count): median \(ms(lookups[lookups.count / 2])), p99 \(ms(lookups[lookups.count * 99 / 100])), found the person \(found)/1000")

if CommandLine.arguments.contains("--misses") {
    let missed = population.plantedPairs.filter { !sameIDs.contains($0) }.prefix(30)
    for pair in missed {
        let a = population.records[Int(pair[0])].facts, b = population.records[Int(pair[1])].facts
        let m = compare(a, b)
        print("missed: \(a.name) | \(b.name) → \(String(format: "%.2f", m.score)) \(m.reasons)")
    }
}

