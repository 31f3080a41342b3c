import Foundation

extension CertificateToken {
    /// Reads a token's text; a malformed token is an error that says what is wrong with it.
    public static func open(_ text: String) throws -> OpenedToken {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(prefix) else {
            throw VerificationError.data("This is not a Malaka certificate token: it does not start with \(prefix).")
        }
        guard let bytes = Base45.decode(String(trimmed.dropFirst(prefix.count))) else {
            throw VerificationError.data("The token is damaged: it holds characters or a length that Base45 does not allow.")
        }
        var reader = ByteReader(bytes)
        let tokenVersion = reader.byte()
        guard tokenVersion == version || tokenVersion == hashedNameVersion else {
            throw VerificationError.data("The token is of a version this program does not know.")
        }
        guard let keyID = reader.bytes(8) else { throw damaged }
        var dates: [TokenDate] = []
        for _ in 0..<3 {
            guard let high = reader.byte(), let low = reader.byte() else { throw damaged }
            dates.append(TokenDate(daysSince2000: Int(high) << 8 + Int(low)))
        }
        let hashedName = tokenVersion == hashedNameVersion
        var storedHash: Data?
        if hashedName {
            guard let hash = reader.bytes(16) else { throw damaged }
            storedHash = hash
        }
        var texts: [String] = []
        for _ in 0..<(hashedName ? 3 : 5) {
            guard let count = reader.byte(), let raw = reader.bytes(Int(count)),
                  let text = String(data: raw, encoding: .utf8) else { throw damaged }
            texts.append(text)
        }
        let body = bytes.prefix(reader.offset)
        guard let signature = reader.bytes(64), reader.isAtEnd else { throw damaged }
        var token = CertificateToken(serial: texts[0], nameHash: storedHash ?? nameHash(texts[3]), courseCode: texts[1],
                                     startDate: dates[1], endDate: dates[2], organisation: texts[2], issueDate: dates[0])
        if !hashedName {
            token.printedName = texts[3]
            token.language = texts[4].isEmpty ? nil : texts[4]
        }
        return OpenedToken(token: token, keyID: keyID, body: Data(body), signature: signature)
    }

    private static var damaged: VerificationError {
        .data("The token is damaged: it is shorter or longer than its contents say.")
    }
}
