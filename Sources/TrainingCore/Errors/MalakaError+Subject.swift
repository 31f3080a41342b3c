extension MalakaError {
    /// What an error is about, so a front end can link to it or show it beside the message.
    public enum Subject: Sendable, Hashable {
        case event(Int64)
        case session(event: Int64, date: DayDate)
        case participant(Int64)
        case certificate(serial: String)
        case course(code: String)
        case template(name: String)
        case region(code: String)
        case organisation(name: String)
        /// A conflict of the exchange between sites waiting for a person, by its number.
        case syncConflict(Int64)
        /// A file or folder, by the path the user gave.
        case file(String)
        case database(path: String)
        /// The people a problem affects, as messages name them.
        case people([String])
    }
}
