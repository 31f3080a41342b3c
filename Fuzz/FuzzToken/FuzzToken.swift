import Foundation
import TrainingCore

// libFuzzer target for certificate tokens (`make fuzz`): `CertificateToken.open` and its Base45 decoding.
//
// The first byte chooses how the rest is used. Even: as the token's text, as a
// phone would read it off a QR code. Odd: as the token's bytes, Base45-encoded
// here behind `MLK1:`, so that the fuzzer reaches the binary layout (lengths,
// dates, UTF-8 texts, signature) without first having to learn Base45. An opened
// token is also checked against a public key, as `verify` does.

private let key = try! PublicSigningKey(base64: "4+p5ABZ8MwevbpvsBI3L3LoTe6ugIjW06A6vv3YUjw4=")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzToken(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let rest = Data(bytes: start + 1, count: count - 1)
    let text = start[0] % 2 == 0 ? String(decoding: rest, as: UTF8.self) : "MLK1:" + base45(rest)
    if let opened = try? CertificateToken.open(text) {
        _ = opened.isSigned(by: [key])
        _ = opened.token.matches(name: "Gʻulomjon Oʻrinboyev")
    }
    return 0
}

/// RFC 9285 Base45, written out here because the library's encoder is internal.
private func base45(_ data: Data) -> String {
    let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    let bytes = [UInt8](data)
    var output = ""
    var index = 0
    while index + 1 < bytes.count {
        var value = Int(bytes[index]) * 256 + Int(bytes[index + 1])
        for _ in 0..<3 { output.append(alphabet[value % 45]); value /= 45 }
        index += 2
    }
    if index < bytes.count {
        output.append(alphabet[Int(bytes[index]) % 45])
        output.append(alphabet[Int(bytes[index]) / 45])
    }
    return output
}
