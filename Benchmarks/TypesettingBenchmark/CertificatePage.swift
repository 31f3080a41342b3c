import Typesetting

/// A certificate-like page: border, heading, name, course title, paragraph, date, QR code, signature line.
struct CertificatePage: Sendable {
    let heading: String
    let awardedTo: String
    let name: String
    let course: String
    let paragraph: String
    let date: String
    let verificationURL: String

    static let size = PageSize.a4.landscape
    static let serif = FontDescriptor(family: "Noto Serif")
    static let serifBold = FontDescriptor(family: "Noto Serif", weight: .bold)
    static let sans = FontDescriptor(family: "Noto Sans")
    static let accent = Color(hex: "#1F4E79")!

    func draw(on page: Canvas) throws {
        let width = Self.size.width
        try page.drawRectangle(Rect(x: 24, y: 24, width: width - 48, height: Self.size.height - 48),
                               stroke: Self.accent, lineWidth: 2, cornerRadius: 12)
        try page.drawText(heading, style: TextStyle(font: Self.serifBold, size: 34, color: Self.accent, alignment: .center),
                          in: Rect(x: 60, y: 70, width: width - 120, height: 50))
        try page.drawText(awardedTo, style: TextStyle(font: Self.sans, size: 13, alignment: .center),
                          in: Rect(x: 60, y: 140, width: width - 120, height: 24))
        try page.drawText(name, style: TextStyle(font: Self.serifBold, size: 30, alignment: .center, maximumLines: 1, minimumSize: 14),
                          in: Rect(x: 100, y: 175, width: width - 200, height: 44))
        try page.drawText(course, style: TextStyle(font: Self.serif, size: 18, alignment: .center, maximumLines: 2, minimumSize: 11),
                          in: Rect(x: 100, y: 240, width: width - 200, height: 56))
        try page.drawText(paragraph, style: TextStyle(font: Self.sans, size: 11, alignment: .center, lineSpacing: 1.1),
                          in: Rect(x: 120, y: 315, width: width - 240, height: 100))
        try page.drawText(date, style: TextStyle(font: Self.sans, size: 12),
                          in: Rect(x: 80, y: 470, width: 200, height: 20))
        try page.drawLine(from: Point(x: 520, y: 500), to: Point(x: 740, y: 500), width: 0.75)
        try page.drawQRCode(verificationURL, in: Rect(x: 370, y: 440, width: 100, height: 100))
    }
}
