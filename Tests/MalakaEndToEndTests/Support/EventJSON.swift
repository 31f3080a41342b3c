/// The `--json` output of `event create`, `event show` and `event list`.
struct EventJSON: Decodable, Equatable {
    struct Session: Decodable, Equatable {
        var date: String
        var start: String
        var end: String
        var hours: Double
    }

    var id: Int64
    var course: String
    var title: String
    var kind: String
    var region: String
    var district: String?
    var locality: String?
    var venue: String?
    var organiser: String?
    var trainers: [String]
    var capacity: Int?
    var enrolled: Int
    var status: String
    var cancelReason: String?
    var startDate: String
    var endDate: String
    var hours: Double
    var sessions: [Session]
}
