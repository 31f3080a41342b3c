import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TrainingCore

/// The programme's server as a site sees it: `malaka serve` reached over HTTP, pushed to and pulled
/// from with requests signed by this site's key (see `SyncRoutes` on the server).
///
/// The bundles are the very bytes `sync export` writes and `sync import` reads; the server applies and
/// writes them with the same core calls.
struct SyncServer {
    /// What the server says it is.
    struct Identity: Decodable {
        var site: String
        var programme: String
    }

    private struct Refusal: Decodable {
        var error: String
        var message: String
    }

    let base: URL

    /// Checks the address: http or https, and plain http only to this computer unless allowed, since a
    /// bundle carries names and the signature keeps it unaltered but not unread.
    init(address: String, allowPlainHTTP: Bool) throws {
        let trimmed = address.hasSuffix("/") ? String(address.dropLast()) : address
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw MalakaError.usage("“\(address)” is not the address of a Malaka server: give it as http://HOST:PORT or https://HOST, such as https://malaka.example.org.")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || loopback || allowPlainHTTP else {
            throw MalakaError.usage("\(address) is plain HTTP to another computer: the bundle's names would cross the network unencrypted. Use the server's https:// address, or add --allow-http on a network you trust.")
        }
        base = url
    }

    func identity() throws -> Identity {
        let (status, body) = try send("GET", "/sync/site", body: Data(), signedBy: nil)
        guard status == 200, let identity = try? JSONDecoder().decode(Identity.self, from: body) else {
            throw refusal(status: status, body: body)
        }
        return identity
    }

    /// Sends the server what it has not acknowledged and returns what it did with each change.
    func push(_ database: AppDatabase, to server: Identity) throws -> (bundle: AppDatabase.WrittenBundle, report: SyncReport) {
        let bundle = try database.exportBundle(for: server.site)
        let (status, body) = try send("POST", "/sync/push", body: bundle.data, signedBy: database)
        guard status == 200, let report = try? JSONDecoder().decode(SyncReport.self, from: body) else {
            throw refusal(status: status, body: body)
        }
        return (bundle, report)
    }

    /// Fetches the bundle the server writes for this site, checks it and applies it here.
    func pull(_ database: AppDatabase, from server: Identity) throws -> (size: Int, report: SyncReport) {
        let (status, body) = try send("POST", "/sync/pull", body: Data(), signedBy: database)
        guard status == 200 else { throw refusal(status: status, body: body) }
        return (body.count, try database.importBundle(body, source: "the bundle pulled from \(base.absoluteString)", sender: server.site))
    }

    // MARK: HTTP

    private func send(_ method: String, _ path: String, body: Data, signedBy database: AppDatabase?) throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!, timeoutInterval: 600)
        request.httpMethod = method
        if let database {
            for field in try database.signSyncRequest(method: method, path: base.path + path, body: body).fields {
                request.addValue(field.value, forHTTPHeaderField: field.name)
            }
        }
        if method == "POST" {
            request.addValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
            request.httpBody = body
        }
        // Foundation's client (libcurl on Linux), waited for: a command does one exchange at a time.
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let response = response as? HTTPURLResponse {
                answer.outcome = .success((response.statusCode, data ?? Data()))
            } else {
                answer.outcome = .failure(error ?? URLError(.badServerResponse))
            }
            done.signal()
        }.resume()
        done.wait()
        do {
            return try answer.outcome!.get()
        } catch {
            throw MalakaError.io("Cannot reach the Malaka server at \(base.absoluteString) (\(error.localizedDescription)). Nothing was changed here. Check the address, that `malaka serve` runs there, and the network.")
        }
    }

    private final class Answer: @unchecked Sendable {
        var outcome: Result<(Int, Data), any Error>?
    }

    /// The server's refusal as an error of this side: its message, with the exit status of its kind.
    private func refusal(status: Int, body: Data) -> MalakaError {
        let answer = base.absoluteString
        guard let refusal = try? JSONDecoder().decode(Refusal.self, from: body) else {
            return MalakaError.io("The server at \(answer) answered \(status) without saying why; it may not be a Malaka server, or a proxy in between refused. Nothing was changed here.")
        }
        var message = "The server at \(answer) refused the request (\(status)): \(refusal.message)"
        if refusal.error == MalakaError.Code.unknownSite.description {
            message += " The server must know this site: the programme's desk certifies its key (`malaka keys certify-site`) and the server loads the programme's keys file again (`malaka keys trust FILE`)."
        }
        return status >= 500 ? MalakaError.io(message) : MalakaError.data(message)
    }
}
