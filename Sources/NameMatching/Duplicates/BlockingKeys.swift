/// The blocking keys of one person: records that share a key are compared,
/// records that share none never are.
///
/// - A name of two or more words gives, for every ordered pair of words
///   (x, y), the key `x|y` and, when `y`'s phonetic skeleton has three
///   letters or more, the keys `x|y′` for every `y′` that is that skeleton
///   with one letter deleted, so that word order does not
///   matter and a typo in one word still meets the other record
///   (symmetric-deletion blocking).
/// - A name of one word (or one word and a patronymic, whose father's name
///   then counts as the surname) gives the key of that word alone.
/// - A phone number gives its national number.
/// - Initials: a full name also files `x|letter` for every other word's
///   first letter in a separate *initials* index, which only records with
///   initials (`Karimova G. R.`) look up.
///
/// Keys are 64-bit FNV-1a hashes; a collision only adds a comparison.
///
/// For example, "Gulnora Karimova" (skeletons `hlnr`, `krm`) gets
/// `hlnr|krm`, `hlnr|rm`, `hlnr|km`, `hlnr|kr`, `krm|hlnr`, `krm|lnr`, … .
struct BlockingKeys: Sendable {
    /// Keys filed in and looked up in the main index.
    var keys: [UInt64] = []
    /// Keys filed in the initials index (full names only).
    var initialsKeys: [UInt64] = []
    /// Keys looked up in the initials index (names with initials only).
    var initialsProbes: [UInt64] = []

    init(_ person: PreparedPerson) {
        for name in person.names {
            var words = name.tokens.filter { !$0.isInitial && !$0.skeleton.isEmpty }.map(\.skeleton)
            let initials = name.tokens.filter(\.isInitial).compactMap(\.skeleton.first)
            if words.count < 2, let patronymic = name.patronymic, !patronymic.skeleton.isEmpty {
                words.append(patronymic.skeleton)
            }
            if words.count == 1 {
                keys.append(Self.hash(kind: 1, words[0]))
            }
            for (i, x) in words.enumerated() {
                for (j, y) in words.enumerated() where i != j {
                    keys.append(Self.hash(kind: 2, x, y))
                    if y.count >= 3 {
                        for k in y.indices {
                            var shorter = y
                            shorter.remove(at: k)
                            keys.append(Self.hash(kind: 2, x, shorter))
                        }
                    }
                    if let letter = y.first {
                        initialsKeys.append(Self.hash(kind: 3, x, [letter]))
                    }
                }
                for letter in initials {
                    initialsProbes.append(Self.hash(kind: 3, x, [letter]))
                }
            }
        }
        if let phone = person.phone {
            keys.append(Self.hash(kind: 4, Array(phone.nationalNumber.utf8)))
        }
        keys = Array(Set(keys))
        initialsKeys = Array(Set(initialsKeys))
        initialsProbes = Array(Set(initialsProbes))
    }

    /// FNV-1a over a kind byte and the parts, separated by a byte no part contains.
    static func hash(kind: UInt8, _ parts: [UInt8]...) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        mix(kind)
        for part in parts {
            mix(0xFF)
            for byte in part { mix(byte) }
        }
        return h
    }
}
