import Foundation
import MalakaSupport
internal import CCairo

/// Owns a cairo PDF surface, written to a file or collected in memory.
final class CairoPDFSurface {
    let pointer: OpaquePointer
    /// Where in-memory output goes; kept alive as long as the surface that writes into it.
    let sink: PDFByteSink?
    /// Where output to an ``AtomicFile`` goes, likewise.
    let fileSink: PDFFileSink?
    /// The file written, or nil in memory.
    let path: String?

    /// cairo needs a size to start; every page sets its own before anything is drawn.
    private static let initialSize = PageSize.a4

    init(path: String) throws {
        let surface = cairo_pdf_surface_create(path, Self.initialSize.width, Self.initialSize.height)!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw TypesettingError.pdfNotWritable(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
        pointer = surface
        sink = nil
        fileSink = nil
        self.path = path
    }

    /// A surface whose every byte goes to `file` through checked writes.
    init(file: AtomicFile) throws {
        let fileSink = PDFFileSink(file: file)
        let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            guard let bytes, length > 0 else { return CAIRO_STATUS_SUCCESS }
            let sink = Unmanaged<PDFFileSink>.fromOpaque(closure).takeUnretainedValue()
            return sink.append(bytes, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
        }, Unmanaged.passUnretained(fileSink).toOpaque(), Self.initialSize.width, Self.initialSize.height)!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw file.recordFailure("cairo could not start the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        pointer = surface
        sink = nil
        self.fileSink = fileSink
        path = file.destination.path
    }

    init() throws {
        let sink = PDFByteSink()
        let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
            if let bytes, length > 0 {
                Unmanaged<PDFByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            }
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), Self.initialSize.width, Self.initialSize.height)!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw TypesettingError.cairo(operation: "start a PDF in memory", message: String(cString: cairo_status_to_string(status)))
        }
        pointer = surface
        self.sink = sink
        fileSink = nil
        path = nil
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    /// Sets the size of the page about to be drawn.
    func setPageSize(_ size: PageSize) {
        cairo_pdf_surface_set_size(pointer, size.width, size.height)
    }

    func setMetadata(_ metadata: PDFMetadata) {
        let entries: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title),
            (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.isEmpty ? nil : metadata.keywords.joined(separator: ", ")),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            // cairo wants ISO 8601 with a time zone, such as 2025-03-25T09:30:00Z.
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate.map { $0.formatted(.iso8601) }),
        ]
        for case let (key, value?) in entries {
            cairo_pdf_surface_set_metadata(pointer, key, value)
        }
    }

    /// Writes out everything left, and throws if writing failed at any point: cairo writes the
    /// fonts, the cross-reference table and the trailer only now, so a full disk often shows here first.
    func finish() throws {
        cairo_surface_finish(pointer)
        fileSink?.flush()
        if let failure = fileSink?.failure { throw failure }
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: cairo_status_to_string(status))
            if let fileSink { throw fileSink.file.recordFailure("cairo could not finish the PDF: \(reason)") }
            if let path { throw TypesettingError.pdfNotWritable(path: path, reason: reason) }
            throw TypesettingError.cairo(operation: "finish the PDF", message: reason)
        }
    }
}
