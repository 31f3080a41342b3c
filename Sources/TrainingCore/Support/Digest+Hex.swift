import Crypto

extension Digest {
    /// The digest in lowercase hexadecimal, as the ledger records it and templates are fingerprinted.
    public var hexString: String {
        // Written in place: an import makes one for every entry it receives.
        withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: digest.count * 2) { out in
                for (index, byte) in digest.enumerated() {
                    out[2 * index] = hexDigits[Int(byte >> 4)]
                    out[2 * index + 1] = hexDigits[Int(byte & 0x0F)]
                }
                return digest.count * 2
            }
        }
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
