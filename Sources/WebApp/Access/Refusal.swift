/// Why a signed-in person gets no answer: what they asked for is outside their scope (shown as not found,
/// so that nobody learns what exists elsewhere), or their role may not do it.
enum Refusal: Error, Equatable {
    case notFound
    case forbidden
}
