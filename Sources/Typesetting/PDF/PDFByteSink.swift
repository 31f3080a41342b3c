import Foundation

/// Collects the bytes cairo writes for a PDF kept in memory.
final class PDFByteSink {
    var data = Data()
}
