import Documents
import Foundation
import Typesetting

// libFuzzer target for certificate templates (`make fuzz`).
//
// Any bytes, read as a template file in the repository's certificate-templates
// folder (so that images/emblem.png exists and paths can be checked against it),
// must give a template or a list of problems.

private let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("certificate-templates", isDirectory: true)
// libFuzzer calls the target from one thread; the library is reused across inputs, as issuing reuses it across pages.
nonisolated(unsafe) private let fonts = FontLibrary()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    _ = CertificateTemplate.parse(data: data, file: "fuzz.yaml", folder: folder, fonts: fonts)
    return 0
}
