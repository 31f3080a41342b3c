import Hummingbird

extension Router where Context == WebContext {
    /// A page built from its query string alone, on the ``DatabaseThreads``.
    func page(_ path: RouterPath, _ priority: DatabaseThreads.Priority = .interactive,
              _ build: @escaping @Sendable (FormData, WebContext) throws -> Response) {
        get(path) { request, context in
            let query = FormData.query(request)
            return try await DatabaseThreads.run(priority) { try build(query, context) }
        }
    }

    /// A form: its fields are read, then it is handled on the ``DatabaseThreads``.
    func form(_ path: RouterPath, _ priority: DatabaseThreads.Priority = .interactive,
              _ handle: @escaping @Sendable (FormData, Request, WebContext) throws -> Response) {
        post(path) { request, context in
            var request = request
            let form = try await FormData.read(&request)
            return try await DatabaseThreads.run(priority) { [request] in try handle(form, request, context) }
        }
    }

    /// A form with a file (`multipart/form-data`): its parts are read, then it is handled on the ``DatabaseThreads``.
    func upload(_ path: RouterPath, _ handle: @escaping @Sendable (MultipartForm, WebContext) throws -> Response) {
        post(path) { request, context in
            var request = request
            let form = try await MultipartForm.read(&request)
            return try await DatabaseThreads.run { try handle(form, context) }
        }
    }
}
