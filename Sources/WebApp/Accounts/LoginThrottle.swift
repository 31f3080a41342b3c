import Foundation

/// Limits failed sign-ins: after five failures for one account name, or twenty from one address, within
/// fifteen minutes, further attempts are refused until the oldest failure is fifteen minutes old.
actor LoginThrottle {
    static let window: TimeInterval = 15 * 60
    let perName: Int
    let perAddress: Int
    private var failures: [String: [Date]] = [:]

    init(perName: Int = 5, perAddress: Int = 20) {
        self.perName = perName
        self.perAddress = perAddress
    }

    /// The minutes to wait before trying again, or nil when an attempt may be made now.
    func wait(name: String, address: String, now: Date = Date()) -> Int? {
        let byName = recent("name:" + name.lowercased(), now: now)
        let byAddress = recent("address:" + address, now: now)
        var blockedUntil: [Date] = []
        if byName.count >= perName { blockedUntil.append(byName[byName.count - perName] + Self.window) }
        if byAddress.count >= perAddress { blockedUntil.append(byAddress[byAddress.count - perAddress] + Self.window) }
        guard let until = blockedUntil.max() else { return nil }
        return max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
    }

    func recordFailure(name: String, address: String, now: Date = Date()) {
        failures["name:" + name.lowercased(), default: []].append(now)
        failures["address:" + address, default: []].append(now)
    }

    func recordSuccess(name: String) {
        failures["name:" + name.lowercased()] = nil
    }

    private func recent(_ key: String, now: Date) -> [Date] {
        let kept = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept
    }
}
