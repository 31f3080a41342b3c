import Foundation

/// A value set on one thread and read on another after a hand-over (such as ``BatchQueue/finish()``).
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ value: Value) {
        lock.withLock { self.value = value }
    }

    func get() -> Value {
        lock.withLock { value! }
    }
}
