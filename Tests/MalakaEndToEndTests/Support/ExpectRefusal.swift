import Testing

/// Checks a refused command's exit status and message.
func expectRefusal(
    _ result: MalakaResult, status: Int32, mentioning fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "a refused command prints nothing on stdout: \(result)", sourceLocation: sourceLocation)
    let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(firstLine.lowercased().hasPrefix("error: "), "\(result)", sourceLocation: sourceLocation)
    if status != 64 {
        // Usage errors may come from the argument parser, whose messages need not end with a full stop.
        #expect(firstLine.hasSuffix("."), "the message is a sentence: \(result)", sourceLocation: sourceLocation)
    }
    for fragment in fragments {
        #expect(result.stderr.contains(fragment), "stderr names “\(fragment)”: \(result)", sourceLocation: sourceLocation)
    }
}
