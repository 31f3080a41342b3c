import Foundation
import MalakaSupport

/// Collects cairo's many small writes into blocks of 64 KB for an ``AtomicFile``, and keeps the
/// first failure, which cairo would otherwise turn into a bare "error while writing to output stream".
final class PDFFileSink {
    let file: AtomicFile
    private var buffer: [UInt8] = []
    private(set) var failure: FileWriteError?
    private static let blockSize = 65_536

    init(file: AtomicFile) {
        self.file = file
        buffer.reserveCapacity(Self.blockSize)
    }

    /// Takes bytes from cairo; false once writing has failed, which cairo records as its own status.
    func append(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard failure == nil else { return false }
        if buffer.count + count > Self.blockSize { flush() }
        if count >= Self.blockSize {
            write(UnsafeRawBufferPointer(start: bytes, count: count))
        } else {
            buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
        return failure == nil
    }

    /// Writes what is buffered; called once cairo has finished the document.
    func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        buffer.withUnsafeBytes { write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        do throws(FileWriteError) {
            try file.write(bytes)
        } catch {
            failure = error
        }
    }
}
