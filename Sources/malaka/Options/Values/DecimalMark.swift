import ArgumentParser

/// The decimal mark of numbers in a CSV report: a point, or the comma of Russian-locale Excel.
enum DecimalMark: String, CaseIterable, ExpressibleByArgument {
    case point, comma
}
