import Foundation

/// A hybrid logical clock: the time a change was made, such that a laptop with a wrong clock cannot
/// put it before a change it has already seen.
///
/// Each stamp is the greater of the wall clock and the last stamp seen (made here, or received from
/// another site), with a counter that breaks ties within one millisecond; the site code breaks the
/// last ties. Stamps are written `<48-bit Unix milliseconds, 12 hex>-<counter, 4 hex>-<site>`, so
/// comparing their text orders them as the clock does.
///
/// For example:
/// ```swift
/// var clock = HybridClock(site: "XO-URG1", last: "016a1b2c3d4e-0000-SA-SAM1")
/// clock.tick(wall: laptopWithClockInThePast)   // "016a1b2c3d4e-0001-XO-URG1", after what it saw
/// ```
///
/// Related: Kulkarni et al., *Logical Physical Clocks* (2014).
public struct HybridClock: Sendable, Hashable {
    /// One reading of the clock.
    public struct Stamp: Comparable, Hashable, Sendable, CustomStringConvertible {
        public var milliseconds: Int64
        public var counter: Int
        public var site: String

        public init(milliseconds: Int64, counter: Int, site: String) {
            self.milliseconds = milliseconds
            self.counter = counter
            self.site = site
        }

        /// Reads `016a1b2c3d4e-0001-XO-URG1`; nil for anything else.
        public init?(_ text: String) {
            let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 12, parts[1].count == 4, !parts[2].isEmpty,
                  let milliseconds = Int64(parts[0], radix: 16), let counter = Int(parts[1], radix: 16),
                  parts[0].allSatisfy(\.isHexDigit), parts[0] == parts[0].lowercased(), parts[1] == parts[1].lowercased()
            else { return nil }
            self.init(milliseconds: milliseconds, counter: counter, site: String(parts[2]))
        }

        public var description: String {
            Self.hex(milliseconds, 12) + "-" + Self.hex(Int64(counter), 4) + "-" + site
        }

        /// When the stamp was made, by the clock of the site that made it (or later, never earlier).
        public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

        public static func < (lhs: Stamp, rhs: Stamp) -> Bool {
            (lhs.milliseconds, lhs.counter, lhs.site) < (rhs.milliseconds, rhs.counter, rhs.site)
        }

        private static func hex(_ value: Int64, _ width: Int) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }

    /// The site whose changes this clock stamps.
    public let site: String
    /// The latest stamp seen: made here or received.
    public private(set) var last: Stamp?

    /// The counter's last value; past it the clock moves on one millisecond.
    static let maximumCounter = 0xFFFF

    public init(site: String, last: Stamp? = nil) {
        self.site = site
        self.last = last
    }

    /// The stamp for a change made now, by a wall clock reading `wall`: after every stamp seen.
    public mutating func tick(wall: Date) -> Stamp {
        let wallMilliseconds = Int64((wall.timeIntervalSince1970 * 1000).rounded(.down))
        var stamp = Stamp(milliseconds: wallMilliseconds, counter: 0, site: site)
        if let last, last.milliseconds >= wallMilliseconds {
            stamp.milliseconds = last.milliseconds
            stamp.counter = last.counter + 1
            if stamp.counter > Self.maximumCounter {
                stamp.milliseconds += 1
                stamp.counter = 0
            }
        }
        last = stamp
        return stamp
    }

    /// Notes a stamp received from another site, so that the next tick comes after it.
    public mutating func receive(_ stamp: Stamp) {
        if last.map({ stamp > $0 }) ?? true {
            last = stamp
        }
    }
}
