import Foundation

/// One malformed input and what `malaka` must answer when given it.
///
/// The input is made by code, not committed, so that a 2 GiB zip bomb or a
/// million-row list costs a few lines here and a few megabytes in a temporary
/// folder. Fixtures that already exist elsewhere in the tests are read from there.
struct HostileCase: Sendable, CustomStringConvertible {
    /// Which command reads the file, and so what the programme must hold first.
    enum Reader: String, Sendable {
        /// `participant import FILE`.
        case participantList = "participant import"
        /// `attendance import EVENT FILE` on a four-day training with Gʻulomjon Oʻrinboyev enrolled.
        case signInSheet = "attendance import"
        /// `course sync --dir DIR` with the file alone in DIR.
        case courseFile = "course sync"
        /// `certificates issue EVENT --templates DIR --template hostile`, DIR holding the file as hostile.yaml and images/emblem.png.
        case template = "certificates issue"
        /// `certificates verify TOKEN --keys FILE` with the programme's public keys; the file is the token's text.
        case token = "certificates verify"
        /// `certificates verify FILE --keys FILE`: a certificate's PDF, whose metadata carries the token.
        case certificateFile = "verify PDF"
        /// `certificates verify` of a made-up token with the file as `--keys`.
        case keysFile = "verify --keys"
        /// `certificates verify` of a made-up token with the file as `--revocations`.
        case revocationList = "verify --revocations"
    }

    /// What the file is made of.
    enum Contents: Sendable {
        case text(String)
        case bytes([UInt8])
        /// A file of the repository, relative to its root.
        case fixture(String)
        case generated(@Sendable () -> Data)
        /// An empty file this many bytes long with no blocks behind it (a sparse file).
        case sparse(Int)
        /// A folder where the file should be.
        case folder
        /// A symbolic link to this path.
        case link(String)
        /// Nothing at all at the path.
        case missing
    }

    let name: String
    let reader: Reader
    /// The file's name, which the message should name.
    let file: String
    let contents: Contents
    let status: Int32
    /// What the message must contain: where (line, column, field) and what.
    let mentioning: [String]

    init(_ name: String, _ reader: Reader, _ file: String, _ contents: Contents, _ status: Int32, _ mentioning: [String]) {
        (self.name, self.reader, self.file, self.contents, self.status, self.mentioning) = (name, reader, file, contents, status, mentioning)
    }

    var description: String { "\(reader.rawValue): \(name)" }
}

/// Every hostile input, one line each: reader, file, contents, exit status, what the message names.
///
/// 64 is a usage error, 65 bad data, 74 a file that cannot be read. `{file}` in a
/// fragment stands for the file's full path.
enum HostileInputCorpus {
    static let header = "F.I.Sh.;Jinsi;Tugʻilgan sana;Tashkilot\n"
    static let sheetHeader = "№;F.I.Sh.;25.03.2019;26.03.2019;27.03.2019;28.03.2019\n"
    static let course = (try? String(contentsOf: TemporaryProgramme.coursesDirectory.appendingPathComponent("ps-parenting.yaml"), encoding: .utf8)) ?? ""
    static let template = (try? String(contentsOf: TemporaryProgramme.repositoryRoot.appendingPathComponent("certificate-templates/participation.yaml"), encoding: .utf8)) ?? ""
    static let spreadsheets = "Tests/SpreadsheetsTests/__Fixtures__/"
    static let realFiles = "Tests/MalakaEndToEndTests/__Fixtures__/real-files/"

    static let cases: [HostileCase] = [
        // Participant lists as CSV
        .init("truncated inside a quoted field", .participantList, "truncated.csv", .text(header + "\"Ali Vali"), 65, ["truncated.csv, line 2, column 1", "closing quote"]),
        .init("NUL byte in a name", .participantList, "nul.csv", .bytes(Array(header.utf8) + Array("Ali".utf8) + [0] + Array("Vali;erkak;;\n".utf8)), 65, ["nul.csv, line 2, column 1", "NUL"]),
        .init("invalid UTF-8 that is no Windows-1251 either", .participantList, "bad-bytes.csv", .bytes(Array(header.utf8) + Array("Ali".utf8) + [0x98, 0xC3] + Array(";erkak;;\n".utf8)), 65, ["bad-bytes.csv, line 2", "0x98"]),
        .init("a PNG renamed .csv", .participantList, "photo.csv", .fixture("certificate-templates/images/emblem.png"), 65, ["photo.csv", "not"]),
        .init("empty file", .participantList, "empty.csv", .text(""), 65, ["empty.csv", "empty"]),
        .init("a 200 KB name", .participantList, "long-field.csv", .text(header + String(repeating: "A", count: 200_000) + ";erkak;;\n"), 65, ["long-field.csv, line 2, column 1", "64 KiB"]),
        .init("a quote left open over a 70 MB file", .participantList, "open-quote.csv", .generated { Data((header + "\"" + String(repeating: "Ali Valiyev;erkak;;\n", count: 3_500_000)).utf8) }, 65, ["open-quote.csv, line 2, column 1", "closing quote is never found"]),
        .init("1,100,000 rows, more than a worksheet holds", .participantList, "rows.csv", .generated { Data((header + String(repeating: "A\n", count: 1_100_000)).utf8) }, 65, ["rows.csv", "1048576"]),
        .init("20,000 columns, more than a worksheet holds", .participantList, "columns.csv", .text(header + String(repeating: ";", count: 20_000) + "\n"), 65, ["columns.csv, line 2", "16384"]),
        .init("a 101 MiB file", .participantList, "huge.csv", .sparse(101 << 20), 65, ["huge.csv", "100 MiB"]),
        .init("a folder named .csv", .participantList, "folder.csv", .folder, 74, ["folder.csv", "folder"]),
        .init("a link to /dev/zero", .participantList, "zero.csv", .link("/dev/zero"), 74, ["zero.csv", "not a regular file"]),
        .init("a link to /dev/urandom named .xlsx", .participantList, "random.xlsx", .link("/dev/urandom"), 74, ["random.xlsx", "not a regular file"]),
        .init("a file that is not there", .participantList, "absent.csv", .missing, 74, ["absent.csv"]),
        .init("birth date 31.02.2019", .participantList, "feb31.csv", .text(header + "Ali Valiyev;erkak;31.02.2019;\n"), 65, ["feb31.csv", "line 2, column 3 (Tugʻilgan sana)", "“31.02.2019” is not a day that exists"]),
        .init("birth date 0000-00-00", .participantList, "zero-date.csv", .text(header + "Ali Valiyev;erkak;0000-00-00;\n"), 65, ["line 2, column 3 (Tugʻilgan sana)", "“0000-00-00”"]),
        .init("birth date 99.99.9999", .participantList, "nines.csv", .text(header + "Ali Valiyev;erkak;99.99.9999;\n"), 65, ["line 2, column 3", "“99.99.9999”"]),
        .init("birth date as Excel serial 1e308", .participantList, "serial.csv", .text(header + "Ali Valiyev;erkak;1e308;\n"), 65, ["line 2, column 3", "“1e308”"]),
        .init("terminal escape sequence in a name", .participantList, "escape.csv", .text(header + "Ali\u{1B}[2J\u{1B}[31mValiyev;erkak;;\n"), 65, ["line 2, column 1 (F.I.Sh.)", "U+001B"]),
        .init("right-to-left override in a name", .participantList, "bidi.csv", .text(header + "Ali \u{202E}veyilaV;erkak;;\n"), 65, ["line 2, column 1 (F.I.Sh.)", "U+202E"]),
        .init("bell character in an organisation", .participantList, "bell.csv", .text(header + "Ali Valiyev;erkak;;Nur\u{07} MFY\n"), 65, ["line 2, column 4 (Tashkilot)", "U+0007"]),
        .init("formula that is no phone number", .participantList, "formula-phone.csv", .text("F.I.Sh.;Telefon\nAli Valiyev;=HYPERLINK(\"http://x\")\n"), 65, ["line 2, column 2 (Telefon)", "is not a phone number"]),

        // Participant lists as XLSX
        .init("zip bomb: 2 GiB sheet claiming 1,000 bytes", .participantList, "bomb.xlsx", .generated { HostileWorkbook.zipBomb(gibibytes: 2) }, 65, ["bomb.xlsx", "xl/worksheets/sheet1.xml", "decompresses to more than 64 MiB"]),
        .init("zip bomb: 70 MiB sheet", .participantList, "zip-bomb.xlsx", .fixture(spreadsheets + "zip-bomb.xlsx"), 65, ["zip-bomb.xlsx", "decompresses to more than"]),
        .init("truncated workbook", .participantList, "truncated.xlsx", .fixture(spreadsheets + "truncated.xlsx"), 65, ["truncated.xlsx", "truncated or damaged"]),
        // Real files made by LibreOffice and openpyxl (see __Fixtures__/real-files/make-fixtures.py)
        .init("LibreOffice .xls (Excel 97–2003)", .participantList, "libreoffice-list.xls", .fixture(realFiles + "libreoffice-list.xls"), 65, ["libreoffice-list.xls", ".xls", ".xlsx"]),
        .init("LibreOffice .ods", .participantList, "libreoffice-list.ods", .fixture(realFiles + "libreoffice-list.ods"), 65, ["libreoffice-list.ods", ".ods", ".xlsx"]),
        .init("openpyxl formulas that were never calculated", .participantList, "openpyxl-formulas-without-values.xlsx", .fixture(realFiles + "openpyxl-formulas-without-values.xlsx"), 65, ["openpyxl-formulas-without-values.xlsx", "row 2, column A", "formula saved without its value"]),
        .init("directory entry pointing past the end", .participantList, "damaged.xlsx", .fixture(spreadsheets + "damaged-directory.xlsx"), 65, ["damaged.xlsx", "damaged"]),
        .init("nested XML entities", .participantList, "entities.xlsx", .fixture(spreadsheets + "entity-expansion.xlsx"), 65, ["entities.xlsx", "xl/worksheets/sheet1.xml"]),
        .init("mismatched tags and an entry named ../../evil.txt", .participantList, "malformed.xlsx", .fixture(spreadsheets + "malformed-sheet.xlsx"), 65, ["malformed.xlsx", "xl/worksheets/sheet1.xml"]),
        .init("worksheet part missing", .participantList, "missing-part.xlsx", .fixture(spreadsheets + "missing-sheet-part.xlsx"), 65, ["missing-part.xlsx", "lacks its part"]),
        .init("CSV text named .xlsx", .participantList, "text.xlsx", .text(header), 65, ["text.xlsx", "not a ZIP archive"]),
        .init("password-protected (OLE) workbook", .participantList, "locked.xlsx", .bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)), 65, ["locked.xlsx", "password-protected"]),
        .init("cell reference beyond column XFD", .participantList, "far-cell.xlsx", .generated { HostileWorkbook.withSheet(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="ZZZZ1" t="inlineStr"><is><t>F.I.Sh.</t></is></c></row></sheetData></worksheet>"#) }, 65, ["far-cell.xlsx", "ZZZZ1"]),
        .init("row number beyond 1,048,576", .participantList, "far-row.xlsx", .generated { HostileWorkbook.withSheet(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="99999999"><c r="A99999999" t="inlineStr"><is><t>F.I.Sh.</t></is></c></row></sheetData></worksheet>"#) }, 65, ["far-row.xlsx", "99999999"]),
        .init("shared string index out of range", .participantList, "bad-index.xlsx", .generated { HostileWorkbook.withSheet(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>999999</v></c></row></sheetData></worksheet>"#) }, 65, ["bad-index.xlsx", "999999"]),
        .init("NUL escape in a cell", .participantList, "nul-cell.xlsx", .generated { HostileWorkbook.withSheet(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>F.I.Sh.</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ali&#0;Vali</t></is></c></row></sheetData></worksheet>"#) }, 65, ["nul-cell.xlsx", "xl/worksheets/sheet1.xml"]),
        .init("escape character in a cell", .participantList, "escape-cell.xlsx", .generated { HostileWorkbook.withSheet(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>F.I.Sh.</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ali_x001B_[2JVali</t></is></c></row></sheetData></worksheet>"#) }, 65, ["escape-cell.xlsx", "U+001B"]),

        // Attendance sign-in sheets
        .init("session date 31.02.2019 in the header", .signInSheet, "feb31.csv", .text("№;F.I.Sh.;25.03.2019;31.02.2019\n1;Gʻulomjon Oʻrinboyev;+;+\n"), 65, ["feb31.csv: Column 4 (“31.02.2019”)", "no such day"]),
        .init("session date 0000-00-00 in the header", .signInSheet, "zero.csv", .text("№;F.I.Sh.;0000-00-00\n1;Gʻulomjon Oʻrinboyev;+\n"), 65, ["zero.csv: Column 3 (“0000-00-00”)", "no such day"]),
        .init("NUL byte in a mark", .signInSheet, "nul.csv", .bytes(Array((sheetHeader + "1;Gʻulomjon Oʻrinboyev;+;").utf8) + [0] + Array(";+;+\n".utf8)), 65, ["nul.csv, line 2", "NUL"]),
        .init("truncated in a quoted name", .signInSheet, "cut.csv", .text(sheetHeader + "1;\"Gʻulomjon Oʻri"), 65, ["cut.csv, line 2, column 2", "closing quote"]),
        .init("a mark no one writes", .signInSheet, "mark.csv", .text(sheetHeader + "1;Gʻulomjon Oʻrinboyev;=1+1;+;+;+\n"), 65, ["mark.csv", "line 2, column 3", "=1+1"]),
        .init("zip bomb", .signInSheet, "bomb.xlsx", .generated { HostileWorkbook.zipBomb(gibibytes: 1) }, 65, ["bomb.xlsx", "decompresses to more than"]),

        // Course files
        .init("truncated mid-mapping", .courseFile, "cut.yaml", .text(String(course.prefix(300))), 65, ["cut.yaml, line 4", "field titles"]),
        .init("NUL byte", .courseFile, "nul.yaml", .text("code: PS\u{0}X\n"), 65, ["nul.yaml, line 1, column 9", "U+0000"]),
        .init("invalid UTF-8", .courseFile, "latin1.yaml", .bytes(Array("code: PS-X\ntitles: {en: Caf".utf8) + [0xE9] + Array("}\n".utf8)), 65, ["latin1.yaml", "not UTF-8"]),
        .init("billion laughs", .courseFile, "laughs.yaml", .text(billionLaughs(in: course)), 65, ["laughs.yaml, line", "field audience"]),
        .init("template name with ../", .courseFile, "traversal.yaml", .text(course.replacingOccurrences(of: "certificate-template: parenting", with: "certificate-template: ../../etc/passwd")), 65, ["traversal.yaml, line 17", "field certificate-template", "“../../etc/passwd”"]),
        .init("course code with ../", .courseFile, "code.yaml", .text(course.replacingOccurrences(of: "code: PS-PARENTING", with: "code: ../PS")), 65, ["code.yaml, line 2", "field code"]),
        .init("hours 1e308", .courseFile, "hours.yaml", .text(course.replacingOccurrences(of: "hours: 12 ", with: "hours: 1e308 ")), 65, ["hours.yaml, line 10", "field hours"]),
        .init("sessions 2^63", .courseFile, "sessions.yaml", .text(course.replacingOccurrences(of: "sessions: 4 ", with: "sessions: 9223372036854775808 ")), 65, ["sessions.yaml, line 11", "field sessions"]),
        .init("a 20,000-byte title", .courseFile, "title.yaml", .text(course.replacingOccurrences(of: "en: \"Positive parenting skills\"", with: "en: \"" + String(repeating: "x", count: 20_000) + "\"")), 65, ["title.yaml, line 9", "field titles.en", "20000 bytes long"]),
        .init("escape sequence in a title", .courseFile, "escape.yaml", .text(course.replacingOccurrences(of: "Positive parenting skills", with: "Positive \\e[2J parenting")), 65, ["escape.yaml, line 9", "field titles.en", "U+001B"]),
        .init("empty file", .courseFile, "empty.yaml", .text(""), 65, ["empty.yaml"]),
        .init("a link to /dev/zero", .courseFile, "zero.yaml", .link("/dev/zero"), 65, ["zero.yaml: it is not a regular file"]),
        .init("a folder named .yaml", .courseFile, "folder.yaml", .folder, 65, ["folder.yaml: it is not a regular file"]),
        .init("a 200 MB file", .courseFile, "huge.yaml", .sparse(200 << 20), 65, ["huge.yaml is 204800 KiB", "far larger than a course file can be"]),

        // Certificate templates
        .init("truncated mid-block", .template, "hostile.yaml", .text(String(template.prefix(1500))), 65, ["hostile.yaml, line"]),
        .init("NUL byte", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "size: A4", with: "size: A\u{0}4")), 65, ["hostile.yaml, line 6", "U+0000"]),
        .init("invalid UTF-8", .template, "hostile.yaml", .bytes(Array(template.utf8.prefix(200)) + [0xFF, 0xFE] + Array(template.utf8.dropFirst(200))), 65, ["hostile.yaml", "not UTF-8"]),
        .init("image path ../../etc/passwd", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "file: images/emblem.png", with: "file: ../../etc/passwd")), 65, ["hostile.yaml, line 41, column 12, field images[1].file", "“../../etc/passwd”"]),
        .init("absolute image path", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "file: images/emblem.png", with: "file: /etc/passwd")), 65, ["hostile.yaml, line 41, column 12, field images[1].file", "“/etc/passwd”"]),
        .init("image link leading out", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "file: images/emblem.png", with: "file: images/outside.png")), 65, ["hostile.yaml, line 41, column 12, field images[1].file", "leads outside the templates folder"]),
        .init("image that is no PNG", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "file: images/emblem.png", with: "file: images/fake.png")), 65, ["hostile.yaml, line 41, column 12, field images[1].file", "not a PNG file"]),
        .init("PNG of 65,535 × 65,535 pixels", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "file: images/emblem.png", with: "file: images/huge.png")), 65, ["hostile.yaml, line 41, column 12, field images[1].file", "65535 × 65535 pixels"]),
        .init("billion laughs", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "languages: [uz-Latn, uz-Cyrl, ky, ru, en]", with: laughs(anchorAt: "languages"))), 65, ["hostile.yaml, line", "languages"]),
        .init("a 2 MiB template", .template, "hostile.yaml", .generated { Data((template + "# " + String(repeating: "x", count: 2 << 20) + "\n").utf8) }, 65, ["hostile.yaml", "far larger than a template can be"]),
        .init("a folder named hostile.yaml", .template, "hostile.yaml", .folder, 74, ["hostile.yaml", "not a regular file"]),
        .init("a link to /dev/zero", .template, "hostile.yaml", .link("/dev/zero"), 74, ["hostile.yaml", "not a regular file"]),
        .init("font size 1e308", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "size: 9.5", with: "size: 1e308")), 65, ["hostile.yaml, line 48", "field blocks[1].size", "1e+308 is out of range"]),
        .init("escape sequence in fixed text", .template, "hostile.yaml", .text(template.replacingOccurrences(of: "en: CERTIFICATE", with: "en: \"CERT\\e[2JIFICATE\"")), 65, ["hostile.yaml, line 59", "field blocks[2].text.en", "U+001B"]),

        // Verification tokens, keys files and revocation lists
        .init("prefix only", .token, "token", .text("MLK1:"), 65, ["FORGED", "version"]),
        .init("not Base45", .token, "token", .text("MLK1:%%%"), 65, ["FORGED", "Base45"]),
        .init("Base45 of the wrong length", .token, "token", .text("MLK1:0000"), 65, ["FORGED", "Base45"]),
        .init("lower-case letters", .token, "token", .text("MLK1:abc"), 65, ["FORGED", "Base45"]),
        .init("version 3, which does not exist yet", .token, "token", .text("MLK1:" + base45([3] + Array(repeating: 0, count: 100))), 65, ["FORGED", "version"]),
        .init("lengths that run past the end", .token, "token", .text("MLK1:" + base45([1] + Array(repeating: 0, count: 30) + [255, 1, 2])), 65, ["FORGED", "shorter or longer"]),
        .init("trailing bytes after the signature", .token, "token", .text("MLK1:" + base45([1] + Array(repeating: 0, count: 30) + [0, 0, 0] + Array(repeating: 7, count: 70))), 65, ["FORGED", "shorter or longer"]),
        .init("invalid UTF-8 in the serial", .token, "token", .text("MLK1:" + base45([1] + Array(repeating: 0, count: 30) + [2, 0xFF, 0xFE, 0, 0] + Array(repeating: 7, count: 64))), 65, ["FORGED", "damaged"]),
        .init("100,000 characters", .token, "token", .text("MLK1:" + String(repeating: "0", count: 99_999)), 65, ["FORGED"]),
        .init("a serial that is not there", .token, "token", .text("UZ-1999-000001"), 65, ["UZ-1999-000001"]),
        .init("a PNG renamed .pdf", .certificateFile, "certificate.pdf", .fixture("certificate-templates/images/emblem.png"), 65, ["certificate.pdf is not a PDF file"]),
        .init("an empty .pdf", .certificateFile, "empty.pdf", .text(""), 65, ["empty.pdf is not a PDF file"]),
        .init("a PDF with no token", .certificateFile, "plain.pdf", .text("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"), 65, ["plain.pdf carries no Malaka certificate token"]),
        .init("a PDF with a damaged token, cut short", .certificateFile, "cut.pdf", .text("%PDF-1.4\n1 0 obj << /Keywords (MLK1:0A0B0C0"), 65, ["FORGED", "Base45"]),
        .init("a PDF of 300 MB", .certificateFile, "huge.pdf", .sparse(300 << 20), 65, ["huge.pdf is larger than 256 MB"]),
        .init("keys file that is not JSON", .keysFile, "keys.json", .text("MLK1 keys\n"), 65, ["keys.json", "not valid JSON"]),
        .init("keys file truncated", .keysFile, "keys.json", .text(#"{"format": "malaka-public-keys-1", "keys": [{"keyID": "ab"#), 65, ["keys.json", "not a Malaka public keys file"]),
        .init("keys file with a key that is not Base64", .keysFile, "keys.json", .text(#"{"format": "malaka-public-keys-1", "keys": [{"keyID": "ab", "organisation": "x", "publicKey": "%%%", "createdAt": "2019-01-01T00:00:00Z"}]}"#), 65, ["keys.json, field keys[1].publicKey", "not an Ed25519 public key"]),
        .init("keys file of another format", .keysFile, "keys.json", .text(#"{"format": "pgp", "keys": []}"#), 65, ["keys.json, field format", "“pgp”"]),
        .init("keys file missing a field", .keysFile, "keys.json", .text(#"{"format": "malaka-public-keys-1", "keys": [{"keyID": "ab"}]}"#), 65, ["keys.json", "field keys[1].organisation is missing"]),
        .init("keys file that is /dev/zero", .keysFile, "keys.json", .link("/dev/zero"), 74, ["keys.json", "not a regular file"]),
        .init("keys file that is a folder", .keysFile, "keys.json", .folder, 74, ["keys.json"]),
        .init("revocation list that is not JSON", .revocationList, "revoked.json", .bytes([0xFF, 0xFE, 0, 0x7B]), 65, ["revoked.json", "not a Malaka revocation list"]),
        .init("revocation list with entries of the wrong kind", .revocationList, "revoked.json", .text(#"{"format": "malaka-revocations-1", "generated": "2019-01-01", "keyID": "ab", "signature": "", "entries": "all"}"#), 65, ["revoked.json", "field entries"]),
        .init("revocation list of 17 MB", .revocationList, "revoked.json", .sparse(17 << 20), 65, ["revoked.json", "larger than 16 MB"]),
    ]

    /// Nine levels of nine aliases each: 387 million items if a reader expanded them.
    static func laughs(anchorAt key: String) -> String {
        var nested = "&l0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"
        for level in 1..<10 {
            nested = "&l\(level) [" + ([nested] + Array(repeating: "*l\(level - 1)", count: 8)).joined(separator: ", ") + "]"
        }
        return "\(key): \(nested)"
    }

    static func billionLaughs(in course: String) -> String {
        course.replacingOccurrences(of: "audience: [parent]", with: laughs(anchorAt: "audience"))
    }

    /// Base45 (RFC 9285), to make tokens whose bytes are wrong in one chosen way.
    static func base45(_ bytes: [UInt8]) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        var output = ""
        var index = 0
        while index + 1 < bytes.count {
            var value = Int(bytes[index]) * 256 + Int(bytes[index + 1])
            for _ in 0..<3 { output.append(alphabet[value % 45]); value /= 45 }
            index += 2
        }
        if index < bytes.count {
            output.append(alphabet[Int(bytes[index]) % 45]); output.append(alphabet[Int(bytes[index]) / 45])
        }
        return output
    }
}
