extension MalakaError {
    /// Where the fault is: a place in a file, or the input a value was given in.
    public struct Location: Sendable, Hashable {
        public var file: String?
        /// The 1-based line (CSV, YAML) or row (worksheet).
        public var line: Int?
        /// The 1-based column.
        public var column: Int?
        /// The field of a structured file, such as `blocks[5].text`, or of a record a front end shows as a form
        /// (`birthYear`, `fullName`: a participant's property names).
        public var field: String?
        /// The input the wrong value was given in; a front end names it as its option or form field.
        public var input: Input?

        public init(file: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil, input: Input? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.field = field
            self.input = input
        }

        /// A value given in one input.
        public static func input(_ input: Input) -> Location { Location(input: input) }
    }
}
