extension MalakaError {
    /// An input a caller gave a wrong value in; a command line names it as an option, a web page as a form field.
    ///
    /// An error located at an input has a message that continues the input's name: a front end writes
    /// the name first (an option `count` and “must be from 1 to 500, not 0.”).
    public enum Input: Sendable, Hashable {
        /// How many sessions a recurrence makes.
        case count
        /// A column mapping, as given (`B=name`), when one is at fault.
        case map(String?)
        /// A decision that a line of a participant list is a registered person.
        case link(line: Int, participant: Int64)
    }
}
