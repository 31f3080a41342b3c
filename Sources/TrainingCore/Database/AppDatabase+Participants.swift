import Foundation
import MalakaSupport
import GRDB
import NameMatching

extension AppDatabase {
    /// Registers one person.
    public func addParticipant(_ draft: ParticipantDraft) throws -> Participant {
        try addParticipants([draft])[0]
    }

    /// Registers many people in one transaction: all of them, or none if any is refused.
    ///
    /// Every draft is checked before anything is written; the error names the
    /// first bad entry by its position in the list.
    public func addParticipants(_ drafts: [ParticipantDraft]) throws -> [Participant] {
        var participants = try checkedParticipants(drafts)
        try write(drafts.count == 1 ? .addPerson : .addPeople) { db in try insertParticipants(db, &participants) }
        return participants
    }

    /// Checks every draft and turns it into a record; the error names the first bad entry by its position.
    func checkedParticipants(_ drafts: [ParticipantDraft]) throws -> [Participant] {
        let now = Date.databaseNow
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: now)
        // Folding names is most of the work for a big batch: it is spread over the cores.
        let checked = Parallel.mapChunks(count: drafts.count) { range in
            range.map { index in Result { try self.checked(drafts[index], createdAt: now, thisYear: thisYear) } }
        }
        var participants: [Participant] = []
        participants.reserveCapacity(drafts.count)
        for (index, result) in checked.joined().enumerated() {
            do {
                participants.append(try result.get())
            } catch let error as MalakaError where drafts.count > 1 {
                throw error.prefixed("Entry \(index + 1) (\(drafts[index].fullName)): ")
            }
        }
        return participants
    }

    /// Inserts checked records and sets their ids.
    func insertParticipants(_ db: Database, _ participants: inout [Participant]) throws {
        // One prepared statement and one formatted timestamp for the batch: imports of
        // 100,000 people spend their time here.
        let createdAt = (participants.first?.createdAt ?? Date.databaseNow).databaseValue
        let insert = try db.cachedStatement(sql: """
            INSERT INTO participant (fullName, alternateName, sex, birthYear, category, organisation, phone,
              regionCode, districtCode, locality, language, consentDate, consentRecordedBy, searchKey, crossScriptKey, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for index in participants.indices {
            let person = participants[index]
            try insert.execute(arguments: [
                person.fullName, person.alternateName, person.sex, person.birthYear, person.category,
                person.organisation, person.phone, person.regionCode, person.districtCode, person.locality,
                person.language, person.consentDate, person.consentRecordedBy, person.searchKey, person.crossScriptKey,
                createdAt,
            ])
            participants[index].id = db.lastInsertedRowID
        }
    }

    /// Turns a draft into a record, resolving places and checking every field.
    /// A draft without a language gets one from its name and region (``LanguageInference``) when `inferLanguage`.
    func checked(_ draft: ParticipantDraft, createdAt: Date, thisYear: Int, inferLanguage: Bool = true) throws -> Participant {
        // The stored spelling uses the standard Uzbek letters, however the apostrophes were typed.
        let name = UzbekApostrophes.standard(draft.fullName.trimmingSpaces())
        guard !name.isEmpty else {
            throw MalakaError(.usage, .missingName, "A participant needs a name:", remedy: .giveName)
        }
        try TextRule.check(name, field: "name", limit: TextRule.nameLimit, property: "fullName")
        try TextRule.check(draft.alternateName, field: "other spelling of the name", limit: TextRule.nameLimit, property: "alternateName")
        // An organisation or an address may run over two lines, as in a merged cell; a name may not.
        try TextRule.check(draft.organisation, field: "organisation", allowingLineBreaks: true, property: "organisation")
        try TextRule.check(draft.locality, field: "locality", allowingLineBreaks: true, property: "locality")
        try TextRule.check(draft.consentRecordedBy, field: "name of who recorded consent", limit: TextRule.nameLimit,
                           allowingLineBreaks: true, property: "consentRecordedBy")
        if let year = draft.birthYear {
            guard (1900...thisYear).contains(year) else {
                throw MalakaError(.data, .impossibleBirthYear, "Birth year \(year) is not possible. Give a year from 1900 to \(thisYear), or leave it out.",
                                  location: .init(field: "birthYear"))
            }
        }
        let region = try draft.region.nonEmpty.map { try gazetteer.region(matching: $0) }
        var districtCode: String?
        if let districtName = draft.district.nonEmpty {
            guard let region else {
                throw MalakaError(.usage, .missingRegion, "A district needs its region:", remedy: .giveRegionToo)
            }
            districtCode = try gazetteer.district(matching: districtName, in: region).code
        }
        if draft.consentRecordedBy.nonEmpty != nil && draft.consentDate == nil {
            throw MalakaError(.usage, .missingConsentDate, "Consent is recorded by someone but on no date.",
                              remedy: .giveConsentDate)
        }
        let alternate = draft.alternateName.nonEmpty.map(UzbekApostrophes.standard)
        return Participant(
            id: nil, fullName: name, alternateName: alternate, sex: draft.sex, birthYear: draft.birthYear,
            category: draft.category, organisation: draft.organisation.nonEmpty, phone: draft.phone.nonEmpty,
            regionCode: region?.code, districtCode: districtCode, locality: draft.locality.nonEmpty,
            language: draft.language ?? (inferLanguage ? LanguageInference.language(name: name, regionCode: region?.code) : nil),
            consentDate: draft.consentDate, consentRecordedBy: draft.consentRecordedBy.nonEmpty,
            searchKey: Participant.searchKey(fullName: name, alternateName: alternate), createdAt: createdAt,
            crossScriptKey: Participant.crossScriptKey(fullName: name, alternateName: alternate))
    }

    /// The participant with an id.
    public func participant(id: Int64) throws -> Participant {
        try read { db in try participant(db, id: id) }
    }

    func participant(_ db: Database, id: Int64) throws -> Participant {
        guard let participant = try Participant.fetchOne(db, key: id) else {
            throw MalakaError(.data, .unknownParticipant, "There is no participant \(id).", subject: .participant(id), remedy: .searchParticipants)
        }
        return participant
    }

    /// Participants by id, optionally only those of a region or enrolled in an event, at most `limit`.
    public func participants(region: String? = nil, eventID: Int64? = nil, limit: Int? = nil) throws -> [Participant] {
        let region = try region.map { try gazetteer.region(matching: $0) }
        return try read { db in
            var request = Participant.order(Column("id"))
            if let region { request = request.filter(Participant.Columns.regionCode == region.code) }
            if let eventID {
                _ = try eventDetail(db, id: eventID)
                request = request.filter(sql: "id IN (SELECT participantId FROM enrollment WHERE eventId = ?)", arguments: [eventID])
            }
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// People whose name or other spelling contains every word of the query, ignoring case, apostrophes and script.
    ///
    /// For example, `searchParticipants("o'rinboyev")` and `searchParticipants("ўринбоев")` both find
    /// “Gʻulomjon Oʻrinboyev”, and `searchParticipants("Каримова")` finds “Gulnora Karimova” even when
    /// no Cyrillic spelling was registered.
    public func searchParticipants(_ query: String) throws -> [Participant] {
        let words = query.searchFolded().split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            throw MalakaError.usage("Give part of a name to search for.")
        }
        return try read { db in
            var request = Participant.order(Participant.Columns.fullName, Column("id"))
            for word in words {
                // A word matches as typed (apostrophes and case folded) or folded across scripts.
                var condition = Participant.Columns.searchKey.like("%\(Self.escapeLike(word))%", escape: "\\")
                let folded = NameMatching.searchKey(word)
                if !folded.isEmpty {
                    condition = condition
                        || Participant.Columns.crossScriptKey.like("%\(Self.escapeLike(folded))%", escape: "\\")
                }
                request = request.filter(condition)
            }
            return try request.fetchAll(db)
        }
    }

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// Applies changes to a participant and returns the updated record.
    public func editParticipant(id: Int64, _ changes: ParticipantChanges) throws -> Participant {
        try changes.requireSome()
        let updated = try self.updated(try participant(id: id), with: changes)
        try write(changes.touchesOnlyNames ? .correctName : .editPerson) { db in try updated.update(db) }
        return updated
    }

    /// The record with the changes applied and checked, not yet written.
    func updated(_ current: Participant, with changes: ParticipantChanges) throws -> Participant {
        var draft = ParticipantDraft(
            fullName: changes.fullName ?? current.fullName,
            alternateName: changes.alternateName ?? current.alternateName,
            sex: changes.sex ?? current.sex, birthYear: changes.birthYear ?? current.birthYear,
            category: changes.category ?? current.category, organisation: changes.organisation ?? current.organisation,
            phone: changes.phone ?? current.phone, region: changes.region ?? current.regionCode,
            district: changes.district ?? current.districtCode, locality: changes.locality ?? current.locality,
            language: changes.language ?? current.language, consentDate: changes.consentDate ?? current.consentDate,
            consentRecordedBy: changes.consentRecordedBy ?? current.consentRecordedBy)
        for field in changes.clear {
            switch field {
            case .alternateName: draft.alternateName = nil
            case .sex: draft.sex = nil
            case .birthYear: draft.birthYear = nil
            case .organisation: draft.organisation = nil
            case .phone: draft.phone = nil
            case .region: draft.region = nil; draft.district = nil
            case .district: draft.district = nil
            case .locality: draft.locality = nil
            case .language: draft.language = nil
            case .consent: draft.consentDate = nil; draft.consentRecordedBy = nil
            }
        }
        // A new region without a new district drops a district of the old region.
        if changes.region != nil && changes.district == nil, let old = current.districtCode,
           let region = try? gazetteer.region(matching: changes.region!), gazetteer.district(code: old)?.regionCode != region.code {
            draft.district = nil
        }
        // A language cleared on purpose stays cleared.
        var updated = try checked(draft, createdAt: current.createdAt,
                                  thisYear: Calendar(identifier: .gregorian).component(.year, from: Date()),
                                  inferLanguage: !changes.clear.contains(.language))
        updated.id = current.id
        return updated
    }
}
