import Documents
import Foundation
import TrainingCore

/// Says which valid certificates no longer match what they would print, after an event or a name is
/// corrected, and how to issue them again; and which stand for an event cancelled or a person taken off it.
enum CertificateDrift {
    /// The event's valid certificates whose content would now print differently.
    static func afterEventEdit(_ database: AppDatabase, eventID: Int64) -> [String] {
        guard let valid = try? database.certificates(eventID: eventID, status: .valid), !valid.isEmpty else { return [] }
        let renderer = CertificateOutputOptions.defaultRenderer()
        let request = CertificateRequest(eventID: eventID, participantIDs: valid.map(\.participantId))
        var differing = valid
        if var plan = try? database.planCertificates(request, templateLanguages: renderer.languages(ofTemplate:)) {
            plan.items = plan.items.filter { item in
                guard let existing = item.existing, let stored = existing.contentSHA256,
                      let now = try? renderer.contentDigest(of: plan.content(of: item)) else { return true }
                return now != stored
            }
            let changed = Set(plan.items.compactMap { $0.existing?.serial })
            differing = valid.filter { changed.contains($0.serial) }
        }
        return reissueLines(differing, why: "the event's details print on them")
    }

    static func afterNameCorrection(_ database: AppDatabase, participantID: Int64) -> [String] {
        let outdated = (try? database.certificatesWithOutdatedName(participantID: participantID)) ?? []
        return reissueLines(outdated, why: "they print the name as it was")
    }

    static func reissueLines(_ certificates: [Certificate], why: String) -> [String] {
        guard !certificates.isEmpty else { return [] }
        return ["\(certificates.count) valid \(certificates.count == 1 ? "certificate" : "certificates") no longer \(certificates.count == 1 ? "matches" : "match") (\(why)); issue \(certificates.count == 1 ? "it" : "them") again:"]
            + certificates.map { "  malaka certificates reissue \($0.serial) --out certificates   (\($0.printedName))" }
    }

    /// Valid certificates of an event cancelled, or of people taken off it.
    static func standing(_ certificates: [Certificate], because reason: String) -> [String] {
        guard !certificates.isEmpty else { return [] }
        return ["Warning: \(certificates.count) valid \(certificates.count == 1 ? "certificate stands" : "certificates stand") although \(reason); revoke \(certificates.count == 1 ? "it" : "each") if it should not:"]
            + certificates.map { "  malaka certificates revoke \($0.serial) --reason \"…\"   (\($0.printedName))" }
    }
}

extension CertificateOutputOptions {
    /// The renderer of the templates folder from MALAKA_TEMPLATES, else ./certificate-templates.
    static func defaultRenderer() -> CertificateRenderer {
        let folder = ProcessInfo.processInfo.environment["MALAKA_TEMPLATES"].flatMap { $0.isEmpty ? nil : $0 } ?? "certificate-templates"
        return CertificateRenderer(templates: CertificateTemplateLibrary(folder: folder))
    }
}
