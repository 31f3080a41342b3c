import Foundation

/// How `malaka serve` runs: where it listens, which database and templates it uses, and where it keeps
/// issued bundles until they are downloaded.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var databasePath: String
    public var templatesFolder: String
    /// Whether cookies carry the Secure attribute: set when the browser reaches the server over HTTPS
    /// (a reverse proxy that terminates TLS).
    public var secureCookies: Bool
    /// The certificate and key to speak HTTPS with; plain HTTP when nil.
    public var tls: TLSIdentity?

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String, templatesFolder: String = "certificate-templates",
                secureCookies: Bool = false, tls: TLSIdentity? = nil) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.templatesFolder = templatesFolder
        self.secureCookies = secureCookies
        self.tls = tls
    }

    /// Where browsers reach the server.
    var address: String {
        "\(tls == nil ? "http" : "https")://\(host):\(port)/"
    }

    /// Issued bundles, beside the database in a folder of their own (`malaka.sqlite-web/bundles`).
    var bundleFolder: URL {
        URL(fileURLWithPath: databasePath + "-web", isDirectory: true).appendingPathComponent("bundles", isDirectory: true)
    }
}
