/// The `--json` output of `course list` and `course show`.
struct CourseJSON: Decodable {
    struct Completion: Decodable {
        var minimumShare: Double
        var lateCountsAsPresent: Bool
        var excusedCounts: Bool
    }

    var code: String
    var kind: String
    var titles: [String: String]
    var hours: Double
    var sessions: Int
    var completion: Completion
}
