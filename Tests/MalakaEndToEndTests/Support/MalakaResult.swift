import Foundation

/// What one run of the `malaka` binary printed and how it ended.
struct MalakaResult: Sendable, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String {
        "malaka \(arguments.joined(separator: " ")) → exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)"
    }
}
