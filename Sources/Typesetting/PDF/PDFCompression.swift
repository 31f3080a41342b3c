internal import CDeflateLevel

/// How hard cairo compresses the streams of the PDFs drawn on this thread.
///
/// cairo compresses every stream of a PDF, each document's font subsets and images included, at zlib's
/// default level 6, and offers no setting; this program's own `deflateInit_` (the CDeflateLevel target)
/// gives the streams of a thread inside ``fastest(_:)`` level 1 instead. For a one-page PDF of its own,
/// such as a certificate, that is about a fifth of the CPU time it takes, for files about 4 % larger;
/// what is drawn, and how it reads, is the same.
public enum PDFCompression {
    /// Runs `body`, in which every PDF stream that this thread starts is compressed at zlib's level 1.
    public static func fastest<T>(_ body: () throws -> T) rethrows -> T {
        let previous = malaka_set_thread_deflate_level(1)
        defer { malaka_set_thread_deflate_level(previous) }
        return try body()
    }

    /// Whether ``fastest(_:)`` has any effect in this program: false if cairo's calls are bound to
    /// zlib's own `deflateInit_` (a program linked so that the executable does not export it).
    public static var isSettable: Bool {
        malaka_deflate_level_is_effective() != 0
    }
}
