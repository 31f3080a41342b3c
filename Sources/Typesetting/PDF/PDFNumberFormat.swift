internal import CNumberFormat

/// How the numbers of a PDF are written.
///
/// cairo writes each number of a PDF (positions, widths, object numbers and offsets) with its own call of
/// snprintf, and glibc takes about a thousand instructions a call for them. The CNumberFormat target defines
/// the function those calls reach (`__snprintf_chk`) and writes the formats cairo uses itself, character for
/// character as glibc does, passing every other format to glibc: the same bytes, in a third of the time.
enum PDFNumberFormat {
    /// Whether cairo's calls come to CNumberFormat's function in this program: false if the executable was
    /// linked without exporting it, so that glibc writes the numbers.
    static var isFast: Bool {
        malaka_number_format_is_effective() != 0
    }

    /// How many of `count` pseudo-random numbers, each written in every format CNumberFormat writes itself,
    /// come out differently from glibc's: none, unless the function is wrong.
    static func differences(count: Int, seed: UInt64) -> Int {
        malaka_number_format_differences(count, seed)
    }
}
