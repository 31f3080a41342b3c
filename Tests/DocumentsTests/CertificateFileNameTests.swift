import Documents
import Testing

/// File names that are safe on every system and still say whose certificate it is.
@Suite struct CertificateFileNameTests {
    @Test(arguments: [
        ("G\u{02BB}ulomjon O\u{02BB}rinboyev", "UZ-2019-000001_Gulomjon_Orinboyev.pdf"),
        ("Шоҳида Ҳамроева", "UZ-2019-000001_Shohida_Hamroeva.pdf"),
        ("Ғуломжон Ўринбоев", "UZ-2019-000001_Gulomjon_Orinboev.pdf"),
        ("Айгүл Өмүрбекова", "UZ-2019-000001_Aygul_Omurbekova.pdf"),
        ("Нурлан уулу Бакыт", "UZ-2019-000001_Nurlan_uulu_Bakyt.pdf"),
        ("Елена Ким", "UZ-2019-000001_Yelena_Kim.pdf"),
        ("Jennifer O’Connor", "UZ-2019-000001_Jennifer_OConnor.pdf"),
        ("José Müller-Lüdenscheidt", "UZ-2019-000001_Jose_Muller-Ludenscheidt.pdf"),
        ("王芳", "UZ-2019-000001.pdf"),
    ])
    func namesAreTransliterated(_ name: String, _ expected: String) {
        #expect(CertificateFileName.make(serial: "UZ-2019-000001", name: name) == expected)
    }

    @Test(arguments: [
        "../../etc/passwd", "a/b", "..", "/", "C:\\Windows\\system32", "name\u{0}with\u{7}controls\n\r\t", "\u{202E}fdp.exe",
        String(repeating: "Abdurahmonov", count: 25), String(repeating: "ў", count: 300), " . ", "CON", "-rf --no-preserve-root",
    ])
    func unsafeNamesGiveSafeFileNames(_ name: String) {
        let file = CertificateFileName.make(serial: "UZ-2019-000001", name: name)
        #expect(file.hasPrefix("UZ-2019-000001"))
        #expect(file.hasSuffix(".pdf"))
        #expect(!file.contains("/") && !file.contains("\\") && !file.contains(".."), "\(file)")
        #expect(file.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }, "\(file)")
        #expect(file.utf8.count <= 120, "\(file.utf8.count) bytes")
        #expect(file.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) })
        #expect(!file.hasPrefix("-") && !file.hasPrefix("."))
    }

    @Test func anUnsafeSerialIsMadeSafeToo() {
        #expect(CertificateFileName.make(serial: "../x", name: "Ali") == "x_Ali.pdf")
        #expect(CertificateFileName.make(serial: "", name: "") == "certificate.pdf")
    }

    @Test func distinctSerialsGiveDistinctNamesForTheSamePerson() {
        let names = (1...5).map { CertificateFileName.make(serial: "UZ-2019-00000\($0)", name: "Lola Ismoilova") }
        #expect(Set(names).count == 5)
    }
}
