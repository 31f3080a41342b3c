extension MalakaError {
    /// What kind of problem this is; extensible without breaking callers.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable { case usage, data, io }
        private let code: Code

        /// The command was called the wrong way (a missing or contradictory option).
        public static let usage = Kind(code: .usage)
        /// The input was well formed but wrong: an unknown code, a date that does not exist, a rule broken.
        public static let data = Kind(code: .data)
        /// A file could not be read or written.
        public static let io = Kind(code: .io)

        /// The `sysexits.h` status a command-line tool exits with.
        public var exitCode: Int32 {
            switch code {
            case .usage: 64
            case .data: 65
            case .io: 74
            }
        }

        public var description: String {
            switch code {
            case .usage: "usage"
            case .data: "data"
            case .io: "io"
            }
        }
    }
}
