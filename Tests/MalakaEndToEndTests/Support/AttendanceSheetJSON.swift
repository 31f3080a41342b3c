/// The `--json` output of `attendance show`.
struct AttendanceSheetJSON: Decodable {
    struct Row: Decodable {
        var participant: Int64
        var name: String
        var marks: [String?]
        var attended: Int
        var rate: Double
        var completed: Bool
    }

    var event: Int64
    var title: String
    var sessions: [String]
    var minimumShare: Double
    var completed: Int
    var rows: [Row]

    func row(_ participant: Int64) -> Row? {
        rows.first { $0.participant == participant }
    }
}
