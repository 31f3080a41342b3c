import Foundation

/// XLSX files built byte by byte, for the hostile-input corpus: too large to commit, cheap to make.
enum HostileWorkbook {
    /// Raw deflate of 1 MiB of zero bytes, ending in a full flush, so copies of it can follow one another
    /// in one stream: each copy adds 1 MiB to what the stream inflates to, for 1,037 bytes.
    private static let megabyteOfZeros = Data(base64Encoded: "7MExAQAAAMKg9U9tCF+gAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+AwAA//8=")!

    /// A workbook whose worksheet part inflates to `gibibytes` GiB of zeros while its headers claim 1,000 bytes.
    ///
    /// The file is about 1 MB per GiB. The other parts are genuine, so a reader gets as far as the sheet.
    static func zipBomb(gibibytes: Int) -> Data {
        var sheet = Data()
        sheet.reserveCapacity(megabyteOfZeros.count * 1024 * gibibytes + 2)
        for _ in 0..<(1024 * gibibytes) { sheet.append(megabyteOfZeros) }
        sheet.append(contentsOf: [0x03, 0x00]) // an empty final fixed-Huffman block
        var parts = minimalParts()
        parts.append(Part(name: "xl/worksheets/sheet1.xml", stored: sheet, method: 8, crc: 0, claimedSize: 1000))
        return archive(parts)
    }

    /// A workbook that is well-formed but whose sheet is `xml`, stored uncompressed.
    static func withSheet(_ xml: String) -> Data {
        var parts = minimalParts()
        let data = Data(xml.utf8)
        parts.append(Part(name: "xl/worksheets/sheet1.xml", stored: data, method: 0, crc: crc32(data), claimedSize: data.count))
        return archive(parts)
    }

    private struct Part {
        var name: String
        var stored: Data
        var method: UInt16
        var crc: UInt32
        var claimedSize: Int
    }

    private static func minimalParts() -> [Part] {
        let texts = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>                <Default Extension="xml" ContentType="application/xml"/>                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>                </Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"                 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ro'yxat" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>                </Relationships>
                """),
        ]
        return texts.map { name, text in
            let data = Data(text.utf8)
            return Part(name: name, stored: data, method: 0, crc: crc32(data), claimedSize: data.count)
        }
    }

    /// A ZIP archive of `parts`: local headers and data, then the central directory.
    private static func archive(_ parts: [Part]) -> Data {
        var body = Data()
        var directory = Data()
        for part in parts {
            let name = Data(part.name.utf8)
            let offset = body.count
            body.append(le32(0x0403_4B50))
            body.append(le16(20)); body.append(le16(0)); body.append(le16(part.method))
            body.append(le16(0)); body.append(le16(0x21))
            body.append(le32(part.crc)); body.append(le32(UInt32(part.stored.count))); body.append(le32(UInt32(part.claimedSize)))
            body.append(le16(UInt16(name.count))); body.append(le16(0))
            body.append(name); body.append(part.stored)
            directory.append(le32(0x0201_4B50))
            directory.append(le16(20)); directory.append(le16(20)); directory.append(le16(0)); directory.append(le16(part.method))
            directory.append(le16(0)); directory.append(le16(0x21))
            directory.append(le32(part.crc)); directory.append(le32(UInt32(part.stored.count))); directory.append(le32(UInt32(part.claimedSize)))
            directory.append(le16(UInt16(name.count))); directory.append(le16(0)); directory.append(le16(0))
            directory.append(le16(0)); directory.append(le16(0)); directory.append(le32(0)); directory.append(le32(UInt32(offset)))
            directory.append(name)
        }
        var end = Data()
        end.append(le32(0x0605_4B50)); end.append(le16(0)); end.append(le16(0))
        end.append(le16(UInt16(parts.count))); end.append(le16(UInt16(parts.count)))
        end.append(le32(UInt32(directory.count))); end.append(le32(UInt32(body.count))); end.append(le16(0))
        return body + directory + end
    }

    private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }) }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
