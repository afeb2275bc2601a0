import NIOConcurrencyHelpers

/// Remembers the results of a pure, costly function of a string (Markdown to HTML), bounded in
/// size: entries live in two generations, and when the newer one fills, the older is dropped, so
/// what is still being asked for survives and the rest goes. Safe from any thread.
final class Memo<Value: Sendable>: Sendable {
    private struct Generations {
        var newer: [String: Value] = [:]
        var older: [String: Value] = [:]
    }

    private let generations = NIOLockedValueBox(Generations())
    /// How many entries each generation holds before the older one is dropped.
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func result(for key: String, _ make: () -> Value) -> Value {
        let known: Value? = generations.withLockedValue { generations in
            if let value = generations.newer[key] { return value }
            guard let value = generations.older[key] else { return nil }
            generations.newer[key] = value
            return value
        }
        if let known { return known }
        let value = make()
        generations.withLockedValue { generations in
            if generations.newer.count >= capacity {
                generations.older = generations.newer
                generations.newer = [:]
            }
            generations.newer[key] = value
        }
        return value
    }
}
