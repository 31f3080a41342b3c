/// Picks the CSV separator that splits the first records most consistently.
///
/// For each candidate it counts the fields of up to the first 50 non-blank records
/// (in the first 64 KiB, quotes respected). The winner has the most records
/// sharing one field count above 1; ties go to the larger field count, then to
/// comma, semicolon, tab in that order. With no candidate splitting anything,
/// the comma is chosen (the file has one column, so it doesn't matter).
enum SeparatorDetector {
    static func detect(_ text: UnsafeBufferPointer<UInt8>) -> CSVSeparator {
        let sample = UnsafeBufferPointer(rebasing: text.prefix(64 << 10))
        let reachesEnd = sample.count == text.count
        var best: (separator: CSVSeparator, agreeing: Int, fields: Int)?
        for separator in CSVSeparator.allCases {
            let counts = fieldCounts(sample, separator: separator.byte, reachesEnd: reachesEnd)
            var frequency: [Int: Int] = [:]
            for count in counts where count > 1 {
                frequency[count, default: 0] += 1
            }
            guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if let current = best, (current.agreeing, current.fields) >= (mode.value, mode.key) { continue }
            best = (separator, mode.value, mode.key)
        }
        return best?.separator ?? .comma
    }

    /// The number of fields of each non-blank record in `sample`, at most 50 records.
    private static func fieldCounts(_ sample: UnsafeBufferPointer<UInt8>, separator: UInt8, reachesEnd: Bool) -> [Int] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var counts: [Int] = []
        var fields = 1
        var recordIsEmpty = true
        var inQuotes = false
        var atFieldStart = true
        var index = 0
        while index < sample.count && counts.count < 50 {
            let byte = sample[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < sample.count && sample[index] == quote { index += 1 } else { inQuotes = false }
                }
                continue
            }
            switch byte {
            case quote where atFieldStart:
                inQuotes = true
                atFieldStart = false
                recordIsEmpty = false
            case separator:
                fields += 1
                atFieldStart = true
                recordIsEmpty = false
            case cr, lf:
                if byte == cr && index < sample.count && sample[index] == lf { index += 1 }
                if !recordIsEmpty { counts.append(fields) }
                fields = 1
                recordIsEmpty = true
                atFieldStart = true
            default:
                atFieldStart = false
                recordIsEmpty = false
            }
        }
        if reachesEnd && !recordIsEmpty && !inQuotes && counts.count < 50 { counts.append(fields) }
        return counts
    }
}
