import Documents
import Foundation
import TrainingCore

extension Access {
    /// The ZIP of one PDF per person last issued for an event of the scope. The files are named after their
    /// holders, so only a role that handles certificates, in the event's scope, receives it.
    func certificateZip(eventID: Int64) throws -> Data {
        try checkCertificates()
        _ = try event(id: eventID)
        guard let data = desk.zip(eventID: eventID) else { throw Refusal.notFound }
        return data
    }

    /// Corrects the name of a certificate's holder and issues their certificate again under a new serial,
    /// as `malaka participant edit N --name …` then `malaka certificates reissue SERIAL` do.
    ///
    /// When the new certificate cannot be issued (a letter no font has), the name is put back as it was,
    /// so the page's action changes all or nothing.
    func correctName(serial: String, fullName: String, eventID: Int64) throws -> (person: Participant, issued: IssuedLine) {
        try checkCertificates()
        let certificate = try certificate(serial: serial, eventID: eventID)
        let before = try database.participant(id: certificate.participantId)
        var changes = ParticipantChanges()
        changes.fullName = fullName
        let person = try database.editParticipant(id: certificate.participantId, changes)
        do {
            let report = try desk.reissue(serial: serial, eventID: eventID, database: database)
            return (person, report.certificates[0])
        } catch {
            var back = ParticipantChanges()
            back.fullName = before.fullName
            _ = try? database.editParticipant(id: certificate.participantId, back)
            throw error
        }
    }

    /// A certificate of an event of the scope; a serial of another event, or of none, is not found.
    func certificate(serial: String, eventID: Int64) throws -> Certificate {
        let certificate: Certificate
        do {
            certificate = try database.certificate(serial: serial)
        } catch let error as MalakaError where error.code == .unknownCertificate {
            throw Refusal.notFound
        }
        guard certificate.eventId == eventID else { throw Refusal.notFound }
        _ = try event(id: certificate.eventId)
        return certificate
    }
}
