/// Reads the marks trainers write on sign-in sheets in the five languages.
///
/// Present: `+ 1 v ✓ ✔ b bor p present keldi был да ha`; absent: `- 0 н n нб н/б yoʻq йўқ жок нет absent a`;
/// late: `kech kechikdi кеч опоздал late l`; excused: `sababli сабабли уваж ув excused e`. An empty cell is no
/// mark. A Cyrillic `б` is refused: it is `бор` (present) to some and `болел` (ill) to others.
enum AttendanceMarkReading {
    /// The status a mark stands for; nil for an empty cell.
    static func status(_ cell: String) throws -> AttendanceStatus? {
        let text = cell.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        let key = text.searchFolded().trimmingCharacters(in: [".", "!"])
        if let status = words[key] { return status }
        for (prefix, status) in prefixes where key.hasPrefix(prefix) {
            return status
        }
        if key == "б" {
            throw MalakaError.data("“\(text)” could mean бор (present) or болел (ill). Write + for present, or уваж/sababli for an excused absence.")
        }
        throw MalakaError(.data, .unrecognisedMark, "“\(text)” is not an attendance mark. Write + or 1 (present), - or н (absent), kech (late), sababli or уваж (excused), or leave the cell empty.")
    }

    private static let words: [String: AttendanceStatus] = {
        var words: [String: AttendanceStatus] = [:]
        for word in ["+", "1", "v", "✓", "✔", "☑", "✅", "b", "bor", "бор", "p", "present", "keldi", "келди", "келди.",
                     "был", "была", "был(а)", "да", "ha", "ҳа", "ооба", "yes", "п", "присутствовал", "присутствовала", "бар"] {
            words[word] = .present
        }
        for word in ["-", "−", "–", "—", "0", "н", "n", "нб", "н/б", "н.б", "yoq", "йўқ", "жок", "нет", "absent", "a", "no",
                     "kelmadi", "келмади", "не был", "не была", "отсутствовал", "отсутствовала", "келген жок", "келбеди"] {
            words[word] = .absent
        }
        for word in ["kech", "кеч", "late", "l", "оп", "опоздал", "опоздала", "кечикди", "kechikdi", "кечикти", "kechikib"] {
            words[word] = .late
        }
        for word in ["sababli", "сабабли", "excused", "e", "ув", "у", "уваж", "уважительная", "себептүү", "болел", "болела",
                     "kasal", "касал", "ооруп"] {
            words[word] = .excused
        }
        return words
    }()

    private static let prefixes: [(String, AttendanceStatus)] = [
        ("опозд", .late), ("kechik", .late), ("кечик", .late), ("уваж", .excused), ("sabab", .excused),
        ("сабаб", .excused), ("себеп", .excused), ("present", .present), ("absent", .absent),
    ]
}
