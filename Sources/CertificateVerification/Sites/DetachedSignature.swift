import Crypto
import Foundation

extension SigningKey {
    /// An Ed25519 signature of exactly these bytes, kept apart from them (an exchange bundle's first line).
    public func detachedSignature(of data: Data) throws -> Data {
        try privateKey.signature(for: data)
    }
}

extension PublicSigningKey {
    /// Whether `signature` is this key's signature of exactly these bytes.
    public func isValidSignature(_ signature: Data, of data: Data) -> Bool {
        publicKey.isValidSignature(signature, for: data)
    }
}
