import Hummingbird
import TrainingCore

/// A coordinator's queues: people who may be one person (merge one into the other), and identities changed
/// at two sites at once (keep the version made here or the incoming one).
struct QueueRoutes: Sendable {
    let pages: PageRenderer
    let access: @Sendable (WebContext) throws -> Access

    func add(to router: Router<WebContext>) {
        router.page("/duplicates") { _, context in try duplicates(context: context) }
        router.form("/duplicates/merge") { form, _, context in try merge(form: form, context: context) }
        router.page("/conflicts") { _, context in try conflicts(context: context) }
        router.form("/conflicts/:conflict") { form, _, context in try resolve(form: form, context: context) }
    }

    private func duplicates(context: WebContext, notice: String? = nil, error: String? = nil,
                            status: HTTPResponse.Status = .ok) throws -> Response {
        let words = context.words
        let pairs = try access(context).duplicatePairs()
        func person(_ person: Participant) -> [String: Any] {
            [
                "id": person.id!, "name": person.fullName, "other": person.alternateName ?? "",
                "details": [person.birthYear.map(String.init), PlaceNames.place(region: person.regionCode, district: person.districtCode,
                                                                                in: context.language)]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "),
                "keep": words.format(.mergeKeep, person.fullName),
            ]
        }
        return pages.page("duplicates", title: words[.duplicatesTitle], values: [
            "pairs": pairs.prefix(200).map { pair in
                [
                    "score": words.decimal(pair.score * 100) + " %", "likely": pair.isProbable,
                    "first": person(pair.first), "second": person(pair.second), "reasons": pair.reasons.joined(separator: "; "),
                ] as [String: Any]
            },
            "none": pairs.isEmpty, "notice": notice as Any, "error": error as Any,
        ], context: context, status: status)
    }

    private func merge(form: FormData, context: WebContext) throws -> Response {
        guard let keep = form["keep"].flatMap(Int64.init), let other = form["other"].flatMap(Int64.init) else { throw Refusal.notFound }
        let words = context.words
        do {
            let merge = try access(context).merge(keep: keep, other: other)
            return try duplicates(context: context, notice: words.format(.merged, merge.kept.fullName, merge.merged.fullName, String(merge.id)))
        } catch let error as MalakaError where error.code == .cannotMerge {
            let access = try access(context)
            let refusal = ErrorWording(words).mergeRefusal(keep: try access.participant(id: keep).fullName, other: try access.participant(id: other).fullName,
                                                           obstacles: try access.mergeObstacles(keep: keep, other: other))
            return try duplicates(context: context, error: refusal, status: .badRequest)
        } catch let error as MalakaError {
            return try duplicates(context: context, error: ErrorWording(words).word(error).sentence, status: .badRequest)
        }
    }

    private func conflicts(context: WebContext, notice: String? = nil, error: String? = nil,
                           status: HTTPResponse.Status = .ok) throws -> Response {
        let words = context.words
        let conflicts = try access(context).syncConflicts()
        return pages.page("conflicts", title: words[.conflictsTitle], values: [
            "conflicts": conflicts.map { conflict in
                let person = conflict.participantID.flatMap { try? access(context).participant(id: $0).fullName } ?? words[.personGone]
                return [
                    "id": conflict.id, "heading": words.format(.conflictNumber, String(conflict.id), person),
                    "incomingSite": words.format(.incomingVersion, conflict.incomingSite),
                    "keepIncoming": words.format(.keepIncoming, conflict.incomingSite),
                    "shown": words.format(.shownMeanwhile, conflict.shown == .local ? words[.localVersion]
                        : words.format(.incomingVersion, conflict.incomingSite)),
                    "fields": conflict.fields.map { field in
                        ["field": field, "local": (conflict.local[field] ?? nil) ?? "—", "incoming": (conflict.incoming[field] ?? nil) ?? "—"]
                    },
                ] as [String: Any]
            },
            "none": conflicts.isEmpty, "notice": notice as Any, "error": error as Any,
        ], context: context, status: status)
    }

    private func resolve(form: FormData, context: WebContext) throws -> Response {
        let id = try context.parameters.require("conflict", as: Int64.self)
        let words = context.words
        guard let side = form["keep"].flatMap(ConflictRule.Side.init(rawValue:)) else {
            return try conflicts(context: context, error: "\(words[.conflictsTitle]): \(words[.required])", status: .badRequest)
        }
        do {
            let conflict = try access(context).resolveConflict(id: id, keep: side)
            let version = side == .local ? words[.localVersion] : words.format(.incomingVersion, conflict.incomingSite)
            return try conflicts(context: context, notice: words.format(.conflictResolved, String(conflict.id), version))
        } catch let error as MalakaError {
            return try conflicts(context: context, error: ErrorWording(words).word(error).sentence, status: .badRequest)
        }
    }
}
