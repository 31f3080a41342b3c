import CertificateVerification
import Documents
import Foundation
import PDFTestSupport
import Testing
import TrainingCore
import Typesetting

/// A signed token as printed: in the QR code, scanned back from a 150 dpi raster; in the PDF's
/// keywords; and as the check code beside the QR code.
@Suite struct CertificateTokenPrintingTests {
    static let key = SigningKey.generate()

    static func token(serial: String, name: String, organisation: String = "Oila va xotin-qizlar qo\u{02BB}mitasi",
                      course: String = "PS-PARENTING") throws -> String {
        try CertificateToken(
            serial: serial, printedName: name, courseCode: course, startDate: DayDate(year: 2019, month: 3, day: 25)!,
            endDate: DayDate(year: 2019, month: 3, day: 28)!, organisation: organisation,
            issueDate: DayDate(year: 2019, month: 4, day: 1)!
        ).signed(with: key)
    }

    @Test(.enabled(if: PDFTools.isInstalled("zbarimg") && PDFTools.isInstalled("pdftoppm")))
    func theQRCodeScansBackToExactlyTheTokenOnEveryShippedTemplate() throws {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        for template in ["participation", "participation-uz-en", "parenting"] {
            var content = Samples.content(template: template, serial: "UZ-2019-000042")
            content.token = try Self.token(serial: content.serial, name: content.participantName)
            let pdf = try Samples.write(content, to: folder)

            #expect(try PDFTools.qrCodes(of: pdf) == [content.token!], "\(template)")
            // The keywords carry it too, for `certificates verify FILE.pdf`
            #expect(try PDFTools.info(of: pdf)["Keywords"]?.hasSuffix(content.token!) == true, "\(template)")
            // And the check code is printed, beside the serial
            let lines = try PDFTools.textLines(of: pdf)
            #expect(lines.contains { $0.contains(content.checkCode!) }, "\(template): \(lines)")
            #expect(lines.contains { $0.contains("UZ-2019-000042") }, "\(template): \(lines)")
        }
    }

    /// At 25 mm, modules must stay large enough for a phone camera and an office printer:
    /// 0.4 mm for tokens of ordinary length, and a token with long names must still scan at 150 dpi.
    @Test(.enabled(if: PDFTools.isInstalled("zbarimg") && PDFTools.isInstalled("pdftoppm")))
    func aTokenFitsAQRCodeThatScansAt25Millimetres() throws {
        let ordinary = try Self.token(serial: "UZ-2019-000001", name: "G\u{02BB}ulomjon O\u{02BB}rinboyev")
        let code = try QRCode(ordinary, errorCorrection: .medium)
        // The shipped templates draw 25 mm with one module of quiet zone on each side.
        let moduleMillimetres = 25.0 / Double(code.width + 2)
        // 238 characters, all in the QR alphanumeric set: version 9 at level M, 53 modules a side.
        #expect(code.width == 53, "version \((code.width - 17) / 4), \(ordinary.count) characters")
        #expect(try QRCode("https://example.org/verify/UZ-2024-000001").width == 29)
        #expect(moduleMillimetres >= 0.4, "\(moduleMillimetres) mm per module for \(ordinary.count) characters")

        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        var content = Samples.content(template: "participation", serial: "UZ-2019-000043")
        content.token = try Self.token(serial: content.serial, name: content.participantName,
                                       organisation: "Qoraqalpogʻiston Respublikasi Oila va xotin-qizlar qoʻmitasi",
                                       course: "PS-PARENTING-ADVANCED-2019")
        let pdf = try Samples.write(content, to: folder)
        #expect(try PDFTools.qrCodes(of: pdf) == [content.token!])
    }

    @Test func aPreviewWithoutATokenPrintsNoCheckCode() throws {
        let folder = try PDFTools.temporaryFolder("DocumentsTests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Samples.content(language: .english)
        #expect(content.checkCode == nil)
        let pdf = try Samples.write(content, to: folder)
        let lines = try PDFTools.textLines(of: pdf)
        #expect(!lines.contains { $0.contains("Check code") }, "\(lines)")
        #expect(try PDFTools.info(of: pdf)["Keywords"]?.contains("MLK1:") == false)
    }
}
