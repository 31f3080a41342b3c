import Foundation

/// Reads a whole file into memory after checking that it is a readable file within the size limit.
enum FileLoader {
    static func load(_ url: URL, limit: Int) throws(SpreadsheetError) -> Data {
        let name = url.lastPathComponent
        let values: URLResourceValues
        do {
            // Through links: a link to a list is read as the list, a link to /dev/zero refused as a device.
            values = try url.resolvingSymlinksInPath().resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey, .fileSizeKey])
        } catch {
            var failure = SpreadsheetError.unreadableFile("it doesn't exist or can't be opened")
            failure.file = url.path
            throw failure
        }
        if values.isDirectory == true {
            var failure = SpreadsheetError.unreadableFile("it is a folder")
            failure.file = url.path
            throw failure
        }
        // A device such as /dev/zero or a pipe has no end to read to; Foundation's own refusal speaks of permission.
        if values.isRegularFile == false {
            var failure = SpreadsheetError.unreadableFile("it is not a regular file but a device or a pipe")
            failure.file = url.path
            throw failure
        }
        if let size = values.fileSize, size > limit {
            var failure = SpreadsheetError.fileTooLarge(size: size, limit: limit)
            failure.file = name
            throw failure
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            var failure = SpreadsheetError.unreadableFile(error.localizedDescription)
            failure.file = url.path
            throw failure
        }
    }
}
