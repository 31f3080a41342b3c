/// Reads the central directory of a ZIP archive, checking every offset and size against the archive.
///
/// ZIPFoundation 0.9.20's `Archive` traps on some damaged archives (an offset
/// past the end of an in-memory archive, a ZIP64 offset above `Int64.max`), so
/// the directory is read here and only the inflating is left to ZIPFoundation.
/// Multi-disk archives are refused; ZIP64 sizes and offsets are understood.
enum ZipDirectory {
    /// Why the directory can't be read.
    enum Failure: Error {
        case damaged(String)
        case tooManyEntries
    }

    /// The file entries of `bytes` (folders left out), first entry of a name winning.
    static func entries(of bytes: UnsafeRawBufferPointer, maxEntries: Int) throws(Failure) -> [String: ZipEntry] {
        let count = bytes.count
        func u16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        func u32(_ offset: Int) -> Int { u16(offset) | u16(offset + 2) << 16 }
        func u64(_ offset: Int) throws(Failure) -> Int {
            let high = u32(offset + 4)
            guard high < 0x8000 else { throw .damaged("a ZIP64 size or offset is impossibly large") }
            return u32(offset) | high << 32
        }

        // End of central directory: the last signature in the final 64 KiB + 22 bytes.
        guard count >= 22 else { throw .damaged("the file is too short to be a ZIP archive") }
        var end = -1
        var candidate = count - 22
        while candidate >= max(0, count - 22 - 0xFFFF) {
            if u32(candidate) == 0x0605_4B50 { end = candidate; break }
            candidate -= 1
        }
        guard end >= 0 else { throw .damaged("its table of contents (the end of central directory record) is missing") }
        guard u16(end + 4) == 0, u16(end + 6) == 0 else { throw .damaged("it is split over several disks") }
        var total = u16(end + 10)
        var directorySize = u32(end + 12)
        var directoryOffset = u32(end + 16)

        if total == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0, u32(locator) == 0x0706_4B50 else { throw .damaged("its ZIP64 locator is missing") }
            let record = try u64(locator + 8)
            guard record >= 0, record + 56 <= locator, u32(record) == 0x0606_4B50 else {
                throw .damaged("its ZIP64 end of central directory record is missing")
            }
            total = try u64(record + 32)
            directorySize = try u64(record + 40)
            directoryOffset = try u64(record + 48)
        }
        guard total <= maxEntries else { throw .tooManyEntries }
        guard directoryOffset + directorySize <= count else { throw .damaged("its table of contents lies outside the file") }

        var entries: [String: ZipEntry] = [:]
        var position = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for _ in 0..<total {
            guard position + 46 <= directoryEnd, u32(position) == 0x0201_4B50 else {
                throw .damaged("its table of contents is cut short or corrupt")
            }
            let flags = u16(position + 8)
            let method = UInt16(u16(position + 10))
            let crc = UInt32(u32(position + 16))
            var compressedSize = u32(position + 20)
            var claimedSize = u32(position + 24)
            let nameLength = u16(position + 28)
            let extraLength = u16(position + 30)
            let commentLength = u16(position + 32)
            var localOffset = u32(position + 42)
            let nameStart = position + 46
            let next = nameStart + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw .damaged("its table of contents is cut short or corrupt") }
            let path = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<(nameStart + nameLength)]), as: UTF8.self)

            // ZIP64 extended information replaces the 32-bit fields that are all ones, in this order.
            var extra = nameStart + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = u16(extra), size = u16(extra + 2)
                var field = extra + 4
                let fieldEnd = field + size
                guard fieldEnd <= extraEnd else { break }
                if id == 0x0001 {
                    if claimedSize == 0xFFFF_FFFF, field + 8 <= fieldEnd { claimedSize = try u64(field); field += 8 }
                    if compressedSize == 0xFFFF_FFFF, field + 8 <= fieldEnd { compressedSize = try u64(field); field += 8 }
                    if localOffset == 0xFFFF_FFFF, field + 8 <= fieldEnd { localOffset = try u64(field) }
                }
                extra = fieldEnd
            }
            position = next

            guard !path.hasSuffix("/") else { continue }
            guard localOffset + 30 <= count, u32(localOffset) == 0x0403_4B50 else {
                throw .damaged("the entry \(path) points outside the file")
            }
            let dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28)
            guard dataOffset + compressedSize <= count else {
                throw .damaged("the entry \(path) runs past the end of the file")
            }
            if entries[path] == nil {
                entries[path] = ZipEntry(
                    path: path, method: method, isEncrypted: flags & 1 != 0, crc32: crc,
                    dataOffset: dataOffset, compressedSize: compressedSize, claimedSize: claimedSize)
            }
        }
        return entries
    }
}
