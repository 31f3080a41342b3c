import Foundation
internal import ZIPFoundation

/// The parts of an XLSX file, read into memory one at a time within the size limits.
///
/// The ZIP directory is read by ``ZipDirectory``, with every offset checked;
/// ZIPFoundation inflates the parts. Entries are only looked up by name and
/// decompressed into memory, never written to disk, so names such as
/// `../../etc/passwd` are harmless. The limits are checked against the bytes
/// actually produced while decompressing, not against the sizes the archive claims.
struct XLSXPackage {
    private let data: Data
    private let entries: [String: ZipEntry]
    private let limits: SpreadsheetLimits
    private var bytesRead = 0

    private static let reopen = "Copy the file again from where it came, or open it in Excel or LibreOffice and save it again."

    /// Indexes the entries of the ZIP archive in `data`.
    init(data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) {
        self.data = data
        self.limits = limits
        let directory = data.withUnsafeBytes { bytes in
            Result { () throws(ZipDirectory.Failure) in
                try ZipDirectory.entries(of: bytes, maxEntries: limits.maxArchiveEntries)
            }
        }
        switch directory {
        case let .success(entries):
            self.entries = entries
        case let .failure(.damaged(reason)):
            throw SpreadsheetError(
                code: .damagedArchive,
                message: "The workbook is not a readable ZIP archive (\(reason)); it may be truncated or damaged.",
                remedy: Self.reopen)
        case .failure(.tooManyEntries):
            throw SpreadsheetError(
                code: .archiveTooLarge,
                message: "The workbook has more than \(limits.maxArchiveEntries) parts, far more than any spreadsheet needs.",
                remedy: "Open it in Excel or LibreOffice and save it again, or raise the archive entry limit.")
        }
    }

    /// Whether the package has a part at `path`.
    func contains(_ path: String) -> Bool {
        entries[path] != nil
    }

    /// Decompresses the part at `path`, stopping as soon as it exceeds the part or total limit.
    mutating func read(_ path: String) throws(SpreadsheetError) -> Data {
        guard let entry = entries[path] else {
            throw SpreadsheetError(
                code: .missingPart,
                message: "The workbook lacks its part \(path).",
                remedy: "The file is incomplete or was not made by a spreadsheet program; open it in Excel or LibreOffice and save it again.",
                part: path)
        }
        guard !entry.isEncrypted else {
            throw SpreadsheetError(
                code: .unsupportedFormat,
                message: "The part \(path) is encrypted.",
                remedy: "Open the workbook in Excel or LibreOffice, remove the password and save it again.",
                part: path)
        }
        let budget = max(0, min(limits.maxPartBytes, limits.maxUncompressedBytes - bytesRead))
        let tooLarge = SpreadsheetError(
            code: .archiveTooLarge,
            message: "The part \(path) decompresses to more than \(SpreadsheetError.byteCount(limits.maxPartBytes)) "
                + "(or the workbook to more than \(SpreadsheetError.byteCount(limits.maxUncompressedBytes))), "
                + "far more than a participant list needs.",
            remedy: "Check where the file came from; if it is genuine, split the list or raise the decompression limits.",
            part: path)
        let damaged = SpreadsheetError(
            code: .damagedArchive,
            message: "The part \(path) can't be decompressed; the file may be truncated or damaged.",
            remedy: Self.reopen,
            part: path)

        let start = data.startIndex + entry.dataOffset
        let compressed = data.subdata(in: start..<(start + entry.compressedSize))
        var contents = Data()
        let checksum: UInt32
        switch entry.method {
        case 0:
            guard compressed.count <= budget else { throw tooLarge }
            contents = compressed
            checksum = contents.crc32(checksum: 0)
        case 8:
            contents.reserveCapacity(min(entry.claimedSize, budget))
            do {
                checksum = try Data.decompress(
                    size: Int64(compressed.count), bufferSize: Self.chunkSize, skipCRC32: false,
                    provider: { position, size in try Self.chunk(of: compressed, at: Int(position), size: size) },
                    consumer: { output in
                        guard contents.count + output.count <= budget else { throw LimitExceeded() }
                        contents.append(output)
                    })
            } catch is LimitExceeded {
                throw tooLarge
            } catch {
                throw damaged
            }
        default:
            throw SpreadsheetError(
                code: .unsupportedFormat,
                message: "The part \(path) is compressed with method \(entry.method), which spreadsheet programs don't use.",
                remedy: "Open the workbook in Excel or LibreOffice and save it again.",
                part: path)
        }
        guard checksum == entry.crc32 else {
            throw SpreadsheetError(
                code: .damagedArchive,
                message: "The part \(path) is damaged: its checksum doesn't match.",
                remedy: Self.reopen,
                part: path)
        }
        bytesRead += contents.count
        return contents
    }

    private static let chunkSize = 64 << 10

    /// The compressed bytes from `position`, for ZIPFoundation's inflater.
    ///
    /// On Linux its inflater tells zlib every chunk is `size` bytes long, so the
    /// last chunk is padded with zeros (which zlib rejects as a stored-block header
    /// if the stream isn't over); and asking past the end means the stream never
    /// ended, which is an error here rather than an endless loop there.
    private static func chunk(of compressed: Data, at position: Int, size: Int) throws -> Data {
        guard position < compressed.count else { throw Truncated() }
        let end = min(position + size, compressed.count)
        var chunk = compressed.subdata(in: (compressed.startIndex + position)..<(compressed.startIndex + end))
        #if !(os(macOS) || os(iOS) || os(tvOS) || os(visionOS) || os(watchOS))
        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
        #endif
        return chunk
    }

    /// Thrown from inside decompression to stop it at a limit.
    private struct LimitExceeded: Error {}

    /// Thrown when the deflate stream asks for more bytes than the entry has.
    private struct Truncated: Error {}
}
