/// One problem with a template, already worded with its file, line and field.
struct TemplateError: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
