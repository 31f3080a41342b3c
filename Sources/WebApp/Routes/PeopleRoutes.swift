import Hummingbird
import TrainingCore

/// Searching people in either script and registering a person, with the duplicate warning the command
/// line gives.
struct PeopleRoutes: Sendable {
    let pages: PageRenderer
    let access: @Sendable (WebContext) throws -> Access
    /// The register form's fields that show an error beside them; any other problem is shown above the form.
    static let formFields: Set<String> = ["fullName", "alternateName", "birthYear"]

    func add(to router: Router<WebContext>) {
        router.page("/people") { query, context in try people(query: query, context: context) }
        router.form("/people") { form, _, context in try register(form: form, context: context) }
    }

    private func people(query: FormData, context: WebContext, form: FormData? = nil, values extra: [String: Any] = [:],
                        status: HTTPResponse.Status = .ok) throws -> Response {
        let access = try access(context)
        let words = context.words
        var values = extra
        if let text = query["q"] {
            let found = try access.searchParticipants(text)
            values["searched"] = text
            values["results"] = found.prefix(100).map { person in
                [
                    "id": person.id!, "name": person.fullName, "other": person.alternateName ?? "",
                    "place": PlaceNames.place(region: person.regionCode, district: person.districtCode, in: context.language),
                    "birthYear": person.birthYear.map(String.init) ?? "",
                ] as [String: Any]
            }
            values["none"] = found.isEmpty
        }
        values["events"] = try access.events().filter { $0.event.status != .cancelled }.prefix(200).map { detail in
            ["id": detail.id, "title": "\(detail.title(in: context.language)) (\(words.date(detail.event.startDate)))",
             "selected": form?["event"] == String(detail.id)] as [String: Any]
        }
        values["form"] = [
            "fullName": form?["fullName"] ?? "", "alternateName": form?["alternateName"] ?? "",
            "birthYear": form?["birthYear"] ?? "", "phone": form?["phone"] ?? "",
        ]
        values["sexes"] = [("", words[.unknown]), ("female", words[.female]), ("male", words[.male])].map { value, label in
            ["value": value, "label": label, "selected": (form?["sex"] ?? "") == value] as [String: Any]
        }
        values["categories"] = ParticipantCategory.allCases.map { category in
            ["value": category.rawValue, "label": words.category(category), "selected": form?["category"] == category.rawValue] as [String: Any]
        }
        return pages.page("people", title: words[.peopleNav], values: values, context: context, status: status)
    }

    private func register(form: FormData, context: WebContext) throws -> Response {
        let words = context.words
        let access = try access(context)
        var fieldErrors: [String: String] = [:]
        let name = form["fullName"]
        if name == nil { fieldErrors["fullName"] = words[.required] }
        let birthYear = form["birthYear"].map { Int($0) }
        if birthYear == .some(nil) { fieldErrors["birthYear"] = words[.notANumber] }
        let eventID = form["event"].flatMap(Int64.init)
        guard fieldErrors.isEmpty, let name else {
            return try people(query: FormData(encoded: ""), context: context, form: form, values: ["errors": fieldErrors], status: .badRequest)
        }
        if let existingID = form["existing"].flatMap(Int64.init) {
            let person = try access.participant(id: existingID)
            if let eventID { try access.enroll(eventID: eventID, participantID: existingID) }
            return try people(query: FormData(encoded: ""), context: context,
                              values: ["notice": words.format(.alreadyRegistered, person.fullName)])
        }
        let draft = ParticipantDraft(
            fullName: name, alternateName: form["alternateName"], sex: form["sex"].flatMap(Sex.init(rawValue:)),
            birthYear: birthYear ?? nil, category: form["category"].flatMap(ParticipantCategory.init(rawValue:)) ?? .other,
            phone: form["phone"])
        do {
            let registration = try access.register(draft, choice: form["choice"] == "new" ? .new : .refuse, enrollIn: eventID)
            return try people(query: FormData(encoded: ""), context: context,
                              values: ["notice": words.format(.registered, registration.participant.fullName)])
        } catch let duplicate as LikelyDuplicate {
            let visible = duplicate.candidates.compactMap { candidate -> [String: Any]? in
                guard (try? access.participant(id: candidate.participantID)) != nil else { return nil }
                return ["id": candidate.participantID, "name": candidate.fullName, "other": candidate.alternateName ?? "",
                        "reasons": candidate.reasons.joined(separator: "; ")]
            }
            return try people(query: FormData(encoded: ""), context: context, form: form, values: [
                "duplicates": visible, "hasDuplicates": true,
            ], status: .conflict)
        } catch let error as MalakaError {
            let worded = ErrorWording(words).word(error)
            return try people(query: FormData(encoded: ""), context: context, form: form, values: [
                "errors": [worded.field.flatMap { Self.formFields.contains($0) ? $0 : nil } ?? "form": worded.sentence],
            ], status: .badRequest)
        }
    }
}
