internal import CDeflateLevel

/// How hard cairo compresses the streams of the PDFs drawn on this thread.
///
/// cairo compresses every stream of a PDF, each document's font subsets and images included, at zlib's
/// default level 6, and offers no setting; this program's own `deflateInit_` (the CDeflateLevel target)
/// gives the streams of a thread inside ``fastest(_:)`` level 1 instead. For a one-page PDF of its own,
/// such as a certificate, that is about a fifth of the CPU time it takes, for files about 4 % larger;
/// what is drawn, and how it reads, is the same.
///
/// Inside ``fastest(_:)`` a stream whose bytes this process compressed lately is not compressed again:
/// the earlier stream's compressed bytes are written, the same bytes zlib gives. Certificates written as
/// files of their own repeat most of their streams from one file to the next (the emblem's pixels, the
/// subsets of the fonts that only the fixed texts use), and compressing those again was most of the
/// files' zlib time.
public enum PDFCompression {
    /// Runs `body`, in which every PDF stream that this thread starts is compressed at zlib's level 1,
    /// once for the same bytes.
    public static func fastest<T>(_ body: () throws -> T) rethrows -> T {
        try fastest(reusing: true, body)
    }

    /// ``fastest(_:)``, with or without reusing the compressed bytes of earlier streams.
    static func fastest<T>(reusing: Bool, _ body: () throws -> T) rethrows -> T {
        let previous = malaka_set_thread_deflate_level(1)
        let reused = malaka_set_thread_deflate_reuse(reusing ? 1 : 0)
        defer {
            malaka_set_thread_deflate_reuse(reused)
            malaka_set_thread_deflate_level(previous)
        }
        return try body()
    }

    /// Whether ``fastest(_:)`` has any effect in this program: false if cairo's calls are bound to
    /// zlib's own `deflateInit_` (a program linked so that the executable does not export it).
    public static var isSettable: Bool {
        malaka_deflate_level_is_effective() != 0
    }

    /// Whether ``fastest(_:)`` reuses compressed streams in this program: false if cairo's calls are
    /// bound to zlib's own `deflate` and `deflateEnd`.
    static var reusesStreams: Bool {
        malaka_deflate_reuse_is_effective() != 0
    }

    /// How many streams started inside ``fastest(_:)`` took an earlier stream's compressed bytes, and
    /// how many were compressed, in this process so far.
    static var streamCounts: (reused: Int, compressed: Int) {
        var reused: UInt = 0
        var compressed: UInt = 0
        malaka_deflate_reuse_counts(&reused, &compressed)
        return (Int(reused), Int(compressed))
    }
}
