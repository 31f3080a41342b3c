import Foundation
import TrainingCore

// libFuzzer target for course files (`make fuzz`).
//
// Any bytes, read as a course file, must end in a course definition or a MalakaError
// that names the file: a trap, a crash, a hang or an AddressSanitizer report is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCourseYAML(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? CourseCatalogue.parse(text, file: "courses/fuzz.yaml")
    return 0
}
