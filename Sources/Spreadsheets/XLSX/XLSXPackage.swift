import Foundation
internal import ZIPFoundation

/// The parts of an XLSX file, read into memory one at a time within the size limits.
///
/// Entries are only ever looked up by name and decompressed into memory, never
/// written to disk, so names such as `../../etc/passwd` are harmless. The limits
/// are checked against the bytes actually produced while decompressing, not
/// against the sizes the archive claims.
struct XLSXPackage {
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: SpreadsheetLimits
    private var bytesRead = 0

    /// Opens the ZIP archive in `data` and indexes its entries.
    init(data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) {
        self.limits = limits
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError(
                code: .damagedArchive,
                message: "The workbook is not a readable ZIP archive; it may be truncated or damaged.",
                remedy: "Copy the file again from where it came, or open it in Excel or LibreOffice and save it again.")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < limits.maxArchiveEntries else {
                throw SpreadsheetError(
                    code: .archiveTooLarge,
                    message: "The workbook has more than \(limits.maxArchiveEntries) parts, far more than any spreadsheet needs.",
                    remedy: "Open it in Excel or LibreOffice and save it again, or raise the archive entry limit.")
            }
            if entry.type == .file && entries[entry.path] == nil {
                entries[entry.path] = entry
            }
        }
        self.entries = entries
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
        let budget = min(limits.maxPartBytes, limits.maxUncompressedBytes - bytesRead)
        let tooLarge = SpreadsheetError(
            code: .archiveTooLarge,
            message: "The part \(path) decompresses to more than \(SpreadsheetError.byteCount(limits.maxPartBytes)) "
                + "(or the workbook to more than \(SpreadsheetError.byteCount(limits.maxUncompressedBytes))), "
                + "far more than a participant list needs.",
            remedy: "Check where the file came from; if it is genuine, split the list or raise the decompression limits.",
            part: path)
        guard entry.uncompressedSize <= UInt64(max(budget, 0)) else { throw tooLarge }

        var contents = Data()
        contents.reserveCapacity(min(Int(entry.uncompressedSize), budget))
        do {
            let checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                guard contents.count + chunk.count <= budget else { throw LimitExceeded() }
                contents.append(chunk)
            }
            guard checksum == entry.checksum else {
                throw SpreadsheetError(
                    code: .damagedArchive,
                    message: "The part \(path) is damaged: its checksum doesn't match.",
                    remedy: "Copy the file again from where it came, or open it in Excel or LibreOffice and save it again.",
                    part: path)
            }
        } catch is LimitExceeded {
            throw tooLarge
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(
                code: .damagedArchive,
                message: "The part \(path) can't be decompressed; the file may be truncated or damaged.",
                remedy: "Copy the file again from where it came, or open it in Excel or LibreOffice and save it again.",
                part: path)
        }
        bytesRead += contents.count
        return contents
    }

    /// Thrown from inside decompression to stop it at a limit.
    private struct LimitExceeded: Error {}
}
