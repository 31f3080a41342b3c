/// The `--json` output of `participant add`, `show`, `edit`, `list` and `search`.
struct ParticipantJSON: Decodable, Equatable {
    var id: Int64
    var fullName: String
    var alternateName: String?
    var sex: String?
    var birthYear: Int?
    var category: String
    var organisation: String?
    var phone: String?
    var region: String?
    var district: String?
    var locality: String?
    var language: String?
    var consentDate: String?
    var consentRecordedBy: String?
}
