import CertificateVerification
import Foundation
import GRDB

extension AppDatabase {
    /// Signs a request of the exchange over HTTP as this database's site, with the key the programme
    /// certified for it.
    public func signSyncRequest(method: String, path: String, body: Data, now: Date = Date()) throws -> SyncRequestSignature {
        try read { db in
            let local = try Self.joinedLocalSite(db)
            guard let siteKey = try Self.issuingSiteKey(db), siteKey.siteCode == local.code else {
                throw MalakaError(.data, .uncertifiedSiteKey, "This database has no key of site \(local.code) to sign exchange requests with. Nothing was sent.",
                                  remedy: .generateSiteKey)
            }
            let key = try TokenSigner.siteKey(siteKey, db)
            var request = SyncRequestSignature(site: local.code, keyID: key.publicKey.idHex, time: Int64(now.timeIntervalSince1970),
                                               nonce: SyncRequestSignature.newNonce(), signature: Data())
            request.signature = try key.detachedSignature(of: request.message(method: method, path: path, body: body))
            return request
        }
    }

    /// Checks a request of the exchange over HTTP and returns the site that signed it.
    ///
    /// Refused, with nothing recorded: an unsigned request, one signed more than
    /// ``SyncRequestSignature/window`` seconds from now, one signed by a key the programme has not
    /// certified for its site here (or revoked), one whose signature does not match the method, path,
    /// time, nonce and body. A request whose nonce the site used already is refused as a replay.
    public func authenticateSyncRequest(_ signature: SyncRequestSignature?, method: String, path: String, body: Data,
                                        now: Date = Date()) throws -> String {
        guard let signature else {
            throw MalakaError(.usage, .refusedSyncRequest, "The request is not signed by a site: it lacks the header fields \(SyncRequestSignature.siteField), \(SyncRequestSignature.keyField), \(SyncRequestSignature.timeField), \(SyncRequestSignature.nonceField) and \(SyncRequestSignature.signatureField).")
        }
        let seconds = Int64(now.timeIntervalSince1970)
        guard abs(seconds - signature.time) <= SyncRequestSignature.window else {
            throw MalakaError(.data, .refusedSyncRequest, "The request was signed \(abs(seconds - signature.time)) seconds away from this server's time; more than \(SyncRequestSignature.window) is refused. The clocks of the site and the server must agree to within \(SyncRequestSignature.window / 60) minutes.")
        }
        let trusted = try publicKeysFile().trustedKeys(source: "this database")
        guard let key = trusted.first(where: { $0.idHex == signature.keyID && $0.siteCode == signature.site }) else {
            throw MalakaError(.data, .unknownSite, "Site \(signature.site.prefix(20)) with key \(signature.keyID.prefix(16)) is not a site the programme has certified here. Nothing was changed.",
                              remedy: .addOrTrustSite(site: String(signature.site.prefix(20))))
        }
        guard key.isValidSignature(signature.signature, of: signature.message(method: method, path: path, body: body)) else {
            throw MalakaError(.data, .refusedSyncRequest, "The request does not match the signature of site \(signature.site): it was altered after the site signed it. Nothing was changed.")
        }
        if let retired = key.retiredOn, DayDate.today.tokenDate > retired {
            throw MalakaError(.data, .unknownSite, "The programme revoked site \(signature.site)'s key \(signature.keyID.prefix(16)). Nothing was changed.")
        }
        try write(.acceptSyncRequest) { db in
            try db.execute(sql: "DELETE FROM syncRequestNonce WHERE signedAt < ?", arguments: [seconds - 2 * SyncRequestSignature.window])
            try db.execute(sql: "INSERT INTO syncRequestNonce (site, nonce, signedAt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [signature.site, signature.nonce, signature.time])
            guard db.changesCount == 1 else {
                throw MalakaError(.data, .replayedSyncRequest, "Site \(signature.site) sent this request before (the same nonce, signed at the same time): it is refused as a replay. Nothing was changed.")
            }
        }
        return signature.site
    }
}

extension SyncRequestSignature {
    static func newNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension ChangeOperation {
    /// A site's signed request over HTTP, let in (its nonce kept against replays; no entry is recorded).
    public static let acceptSyncRequest = ChangeOperation("acceptSyncRequest")
}
