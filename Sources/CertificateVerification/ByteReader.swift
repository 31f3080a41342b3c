import Foundation

/// Reads a token's bytes front to back; every read past the end is nil, never a crash.
struct ByteReader {
    let data: [UInt8]
    var offset = 0

    init(_ data: Data) { self.data = [UInt8](data) }

    var isAtEnd: Bool { offset == data.count }

    mutating func byte() -> UInt8? {
        guard offset < data.count else { return nil }
        defer { offset += 1 }
        return data[offset]
    }

    mutating func bytes(_ count: Int) -> Data? {
        guard count >= 0, offset + count <= data.count else { return nil }
        defer { offset += count }
        return Data(data[offset..<offset + count])
    }
}
