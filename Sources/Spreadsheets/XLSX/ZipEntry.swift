/// One file in a ZIP archive's central directory, with its data located and bounds-checked.
struct ZipEntry {
    /// The path inside the archive, such as `xl/workbook.xml`.
    var path: String
    /// 0 for stored, 8 for deflated.
    var method: UInt16
    var isEncrypted: Bool
    var crc32: UInt32
    /// Where the entry's (compressed) bytes start in the archive.
    var dataOffset: Int
    var compressedSize: Int
    /// The size the archive claims; decompression is capped by the limits, never by this.
    var claimedSize: Int
}
