/// The `--format json` output of `report regions`, as far as the tests read it.
struct RegionSummaryJSON: Decodable {
    struct Breakdown: Decodable {
        var total: Int
        var sex: [String: Int]
        var age: [String: Int]
        var category: [String: Int]
    }

    struct Figures: Decodable {
        var code: String?
        var name: String?
        var events: [String: Int]
        var sessions: Int
        var hours: Double
        var participations: Breakdown
        var participants: Breakdown
        var completed: Int
        var certificates: Int
        var attendanceRate: Double?
    }

    struct Period: Decodable {
        var from: String
        var to: String
        var label: String
    }

    var report: String
    var language: String
    var title: String
    var period: Period
    var by: String
    var rows: [Figures]
    var total: Figures

    func row(_ code: String?) -> Figures? {
        rows.first { $0.code == code }
    }
}
