/// The byte value of an ASCII character, for the byte strings of
/// ``CanonicalSpelling``.
///
/// For example `ascii("a") == 97`.
@inline(__always)
func ascii(_ s: Unicode.Scalar) -> UInt8 { UInt8(ascii: s) }

extension Array where Element == UInt8 {
    /// Whether the byte string ends with `suffix`, e.g. `Array("karimova".utf8).ends(with: Array("ova".utf8))`.
    func ends(with suffix: [UInt8]) -> Bool {
        guard count >= suffix.count else { return false }
        return self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
