import Foundation
import Hummingbird
import ReportDocuments
import TrainingCore

/// A participant list or a sign-in sheet uploaded for an event: checked first (the command line's dry run,
/// with the same row-by-row problems), then applied on confirmation in one transaction; and the event's
/// sign-in sheet printed as the command line's `attendance sheet` prints it.
struct ImportRoutes: Sendable {
    let pages: PageRenderer
    let access: @Sendable (WebContext) throws -> Access
    let shelf: UploadShelf

    func add(to router: Router<WebContext>) {
        router.page("/events/:event/import") { _, context in try page(context: context) }
        router.upload("/events/:event/import") { form, context in try upload(form: form, context: context) }
        router.form("/events/:event/import/:upload") { form, _, context in try decide(form: form, context: context) }
        router.page("/events/:event/sign-in.pdf", .report) { query, context in try signInSheet(query: query, asWorkbook: false, context: context) }
        router.page("/events/:event/sign-in.xlsx", .report) { query, context in try signInSheet(query: query, asWorkbook: true, context: context) }
    }

    private func page(context: WebContext, values extra: [String: Any] = [:], status: HTTPResponse.Status = .ok) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let access = try access(context)
        try access.checkWrites()
        let detail = try access.event(id: eventID)
        var values = extra
        values["eventID"] = eventID
        values["eventTitle"] = detail.title(in: context.language)
        values["place"] = PlaceNames.place(region: detail.event.regionCode, district: detail.event.districtCode, in: context.language)
        return pages.page("import", title: context.words[.importTitle], values: values, context: context, status: status)
    }

    private func upload(form: MultipartForm, context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let words = context.words
        let kind = UploadShelf.Kind(rawValue: form["kind"] ?? "") ?? .participants
        let sheet = form["sheet"]
        let formValues: [String: Any] = ["attendanceChosen": kind == .attendance, "sheet": sheet ?? ""]
        guard let file = form.file("file") else {
            // The page goes through the door first: a person outside the scope learns nothing from the field error.
            return try page(context: context, values: formValues.merging(["errors": ["file": words[.importChooseFile]]]) { $1 },
                            status: .badRequest)
        }
        let account = try context.signedIn().account.name
        let fileName = URL(fileURLWithPath: file.fileName ?? "upload").lastPathComponent
        let choices = ImportChoices(sheet: sheet)
        // Checked before it is kept: a file outside the scope, or one that cannot be read, is never kept.
        let values: [String: Any]
        do {
            values = try preview(kind: kind, eventID: eventID, fileName: fileName, data: file.data, choices: choices,
                                 account: account, context: context)
        } catch let error as MalakaError {
            let worded = ErrorWording(words).word(error)
            return try page(context: context, values: formValues.merging(["errors": ["file": worded.sentence]]) { $1 }, status: .badRequest)
        }
        return try page(context: context, values: formValues.merging(values) { $1 })
    }

    /// Checks the kept upload again with new choices, or applies it.
    private func decide(form: FormData, context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let uploadID = try context.parameters.require("upload")
        let account = try context.signedIn().account.name
        _ = try access(context).event(id: eventID)
        guard let upload = shelf.upload(id: uploadID, account: account, eventID: eventID) else {
            return try page(context: context, values: ["errors": ["form": context.words[.importExpired]]], status: .notFound)
        }
        var choices = ImportChoices(sheet: upload.sheet)
        choices.onDuplicate = form["onDuplicate"].flatMap(ParticipantImportOptions.DuplicatePolicy.init(rawValue:)) ?? .ask
        choices.skipInvalid = form["skipInvalid"] == "on"
        choices.emptyIsAbsent = form["emptyIsAbsent"] == "on"
        for (name, value) in form.fields(prefixed: "line-") {
            guard let line = Int(name.dropFirst("line-".count)) else { continue }
            if value == "new" { choices.newLines.insert(line) }
            if value.hasPrefix("link-"), let id = Int64(value.dropFirst("link-".count)) { choices.linkLines[line] = id }
        }
        let apply = form["action"] == "apply"
        do {
            let (values, written) = try run(upload, uploadID: uploadID, choices: choices, dryRun: !apply, context: context)
            let refused = apply && !written
            if written { shelf.remove(id: uploadID) }
            return try page(context: context, values: values.merging(["attendanceChosen": upload.kind == .attendance]) { $1 },
                            status: refused ? .badRequest : .ok)
        } catch let error as MalakaError {
            let worded = ErrorWording(context.words).word(error)
            return try page(context: context, values: ["errors": ["form": worded.sentence]], status: .badRequest)
        }
    }

    /// Previews a new upload and keeps it for the decision; a file that cannot be read is not kept.
    private func preview(kind: UploadShelf.Kind, eventID: Int64, fileName: String, data: Data, choices: ImportChoices,
                         account: String, context: WebContext) throws -> [String: Any] {
        let upload = UploadShelf.Upload(account: account, eventID: eventID, kind: kind, fileName: fileName, sheet: choices.sheet,
                                        data: data, storedAt: Date())
        let id = shelf.put(upload)
        do {
            return try run(upload, uploadID: id, choices: choices, dryRun: true, context: context).values
        } catch {
            shelf.remove(id: id)
            throw error
        }
    }

    /// The import run through the door, as the values of the page; `written` says whether anything was.
    private func run(_ upload: UploadShelf.Upload, uploadID: String, choices: ImportChoices, dryRun: Bool, context: WebContext) throws
        -> (values: [String: Any], written: Bool) {
        let access = try access(context)
        let preview = ImportPreview(words: context.words) { (try? access.sees(participantID: $0)) ?? false }
        let values: [String: Any]
        let written: Bool
        switch upload.kind {
        case .participants:
            let report = try access.importParticipants(eventID: upload.eventID, fileName: upload.fileName, data: upload.data,
                                                       choices: choices, dryRun: dryRun)
            values = preview.values(report, uploadID: uploadID, choices: choices)
            written = report.written
        case .attendance:
            let report = try access.importAttendance(eventID: upload.eventID, fileName: upload.fileName, data: upload.data,
                                                     choices: choices, dryRun: dryRun)
            values = preview.values(report, uploadID: uploadID, choices: choices)
            written = report.written
        }
        var page: [String: Any] = ["preview": values]
        if written { page["notice"] = values["summary"] }
        return (page, written)
    }

    /// The event's sign-in sheet as `malaka attendance sheet` writes it, PDF to print or the same grid as a workbook
    /// (which, marked, uploads back here), in the event's language unless `lang` names another.
    private func signInSheet(query: FormData, asWorkbook: Bool, context: WebContext) throws -> Response {
        let eventID = try context.parameters.require("event", as: Int64.self)
        let attendance = try access(context).attendanceSheet(eventID: eventID)
        let language = query["lang"].flatMap(DocumentLanguage.init(rawValue:))
            ?? SignInSheet.defaultLanguage(regionCode: attendance.event.event.regionCode)
        let sheet = SignInSheet(attendance, language: language, gazetteer: .bundled)
        let data = asWorkbook ? try sheet.workbook() : try SignInSheetPDF(sheet: sheet).data()
        let type = asWorkbook ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf"
        return Response(status: .ok, headers: [
            .contentType: type, .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"sign-in-\(eventID).\(asWorkbook ? "xlsx" : "pdf")\"",
        ], body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
