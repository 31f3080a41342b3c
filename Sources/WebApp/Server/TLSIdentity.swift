import Foundation
import NIOSSL
import TrainingCore

/// The certificate and private key `malaka serve` speaks HTTPS with, read and checked before it starts,
/// so that a missing, unreadable or wrong file is refused by name instead of failing the first browser.
public struct TLSIdentity: Sendable {
    let configuration: TLSConfiguration

    /// Reads a PEM certificate chain (the server's certificate first) and its PEM private key.
    ///
    /// - Throws: an input/output ``MalakaError`` for a file that is not there or cannot be read, a data one
    ///   for a file that holds no PEM certificate or key, or a key that is not the certificate's.
    public static func load(certificateFile: String, keyFile: String) throws -> TLSIdentity {
        let certificates = try read(certificateFile, what: "TLS certificate") { bytes in
            try NIOSSLCertificate.fromPEMBytes(bytes)
        }
        guard !certificates.isEmpty else {
            throw MalakaError(.data, .unspecified, "\(certificateFile) holds no PEM certificate (“-----BEGIN CERTIFICATE-----”); nothing was served.",
                              subject: .file(certificateFile))
        }
        let key = try read(keyFile, what: "TLS private key") { bytes in
            try NIOSSLPrivateKey(bytes: bytes, format: .pem)
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: certificates.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw MalakaError(.data, .unspecified, "The private key \(keyFile) is not the key of the certificate \(certificateFile) (\(error)); nothing was served.",
                              subject: .file(keyFile))
        }
        return TLSIdentity(configuration: configuration)
    }

    private static func read<Value>(_ path: String, what: String, _ parse: ([UInt8]) throws -> Value) throws -> Value {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw MalakaError(.io, .unspecified, "The \(what) \(path) does not exist; nothing was served.", subject: .file(path))
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw MalakaError(.io, .notAFile, "The \(what) \(path) cannot be read (a folder, or not readable by this user); nothing was served.",
                              subject: .file(path))
        }
        do {
            return try parse(Array(data))
        } catch {
            throw MalakaError(.data, .unspecified, "The \(what) \(path) is not in PEM form or is damaged (\(error)); nothing was served.",
                              subject: .file(path))
        }
    }
}
