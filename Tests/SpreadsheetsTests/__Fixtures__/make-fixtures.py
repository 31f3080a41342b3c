#!/usr/bin/env python3
"""Writes the byte-exact fixtures of SpreadsheetsTests.

The .xlsx, .ods and .xls made by a spreadsheet program come from
participants.fods (see README.md); this script makes the CSV files, whose
encodings and line ends must be exact, and the hand-built or hostile
workbooks, including a truncated copy of the LibreOffice one.

Run from this folder: python3 make-fixtures.py
"""
import struct
import zipfile
import zlib

def write(name, data):
    with open(name, "wb") as f:
        f.write(data)

# --- CSV: encodings, separators, line ends --------------------------------------
write("utf8-comma-lf.csv", (
    "Familiya,Ism,Tugʻilgan sana,Viloyat\n"
    "Oʻrinboyev,Gʻulomjon,25.03.1985,Xorazm\n"
    "Ўринбоев,Ғуломжон,01.12.1990,\"Samarqand, Urgut\"\n"
    "Токтогулов,Бакыт,01.01.2000,KG-GB\n"
).encode("utf-8"))

write("utf8-bom-semicolon-crlf.csv", (
    "\ufeffФамилия;Имя;Дата рождения;Район\r\n"
    "Петрова;Мария;28.02.1978;Юнусабад\r\n"
    "Иванов;Сергей;1,5;\"Мирзо-Улугбек; махалля \"\"Нур\"\"\"\r\n"
    "\r\n"
    ";;;\r\n"
    "Ёлдошев;Ёқуб;;Чиланзар\r\n"
    "\r\n"
    "\r\n"
).encode("utf-8"))

write("utf16le-bom-tab-crlf.txt", (
    "\ufeffFamiliya\tIsm\tTuman\r\n"
    "Gʻulomov\tDilnoza\tXiva\r\n"
    "Ўринбоева\tНодира\t\"Urganch\tshahri\"\r\n"
).encode("utf-16-le"))

write("utf16be-nobom-comma.csv", (
    "Name,Region\n"
    "Айгерим,KG-O\n"
).encode("utf-16-be"))

write("windows1251-semicolon-crlf.csv", (
    "Фамилия;Имя;Отчество;Дата рождения;Категория\r\n"
    "Петрова;Мария;Ивановна;28.02.1978;родитель\r\n"
    "Сидоров;Алексей;Петрович;03.11.1969;специалист\r\n"
    "Ёлкина;Наталья;Сергеевна;15.05.1990;\"учитель; школа №5\"\r\n"
    "Ўринбоев;Ғайрат;;;\r\n".replace("Ғ", "Г")  # 1251 has ў but not ғ
).encode("cp1251"))

write("tab-separated.tsv", (
    "No\tFamiliya\tIzoh\n"
    "1\tKarimova\tota-ona, 2 bola\n"
    "2\tSobirov\tmahalla faoli; o'qituvchi\n"
).encode("utf-8"))

write("quoted-newlines.csv", (
    'Name,Address,Note\r\n'
    '"Oʻrinboyev, Gʻulomjon","Urganch,\r\nAl-Xorazmiy koʻchasi 5",ok\r\n'
    'Petrova,"line one\nline two\nline three","She said ""salom"""\r\n'
    'Karimov,"",\r\n'
    'Last,row,here\r\n'
).encode("utf-8"))

write("lone-cr.csv", b"a,b\rc,d\r\re,f\r")

# --- CSV: one file per error ------------------------------------------------------
write("error-unterminated-quote.csv", (
    "Name,Note\n"
    "Aziz,ok\n"
    "Bobur,\"starts here\n"
    "and never\n"
    "ends\n"
).encode("utf-8"))

write("error-text-after-quote.csv", (
    "Name;Organisation\n"
    "Aziz;\"OOO \"Nur\" Toshkent\"\n"
).encode("utf-8"))

write("error-stray-quote.csv", (
    "Name;Organisation\n"
    "Aziz;OOO \"Nur\"\n"
).encode("utf-8"))

write("error-invalid-utf8.csv",
      "Name,Region\nOʻrinboyev,Xorazm\nGʻulomov,Samarqand\nPetrova,Toshkent\n".encode("utf-8")
      + b"Karimov,Bux\xffara\n")

write("error-windows1251-undefined.csv", "Фамилия;Имя\r\nПетрова;Ма".encode("cp1251") + b"\x98" + "рия\r\n".encode("cp1251"))

write("error-nul-byte.csv", b"Name,Region\nAziz,Xorazm\nBobur,Sam\x00arqand\n")

write("error-binary.csv", bytes(range(256)) * 8)

write("empty.csv", b"")

write("blank-lines-only.csv", b"\r\n\r\n\n")

# --- XLSX: hand-built cases a spreadsheet program doesn't write --------------------
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/>
</Relationships>"""
NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def workbook_rels(sheets):
    items = "".join(
        f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/{name}"/>'
        for i, name in enumerate(sheets))
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + items
            + '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            + '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            + '</Relationships>')

with zipfile.ZipFile("edge-cases.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("_rels/.rels", ROOT_RELS)
    z.writestr("xl/workbook.xml",
        f'<?xml version="1.0" encoding="UTF-8"?><x:workbook {NS}><x:workbookPr date1904="1"/><x:sheets>'
        '<x:sheet name="Yashirin" sheetId="1" state="hidden" r:id="rId1"/>'
        '<x:sheet name="Roʻyxat" sheetId="2" r:id="rId2"/>'
        '</x:sheets></x:workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", workbook_rels(["hidden.xml", "list.xml"]))
    z.writestr("xl/sharedStrings.xml",
        f'<?xml version="1.0" encoding="UTF-8"?><x:sst {NS}>'
        '<x:si><x:t>Ism</x:t></x:si>'
        '<x:si><x:r><x:t>Gʻulom</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">jon </x:t></x:r>'
        '<x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:si>'
        '</x:sst>')
    z.writestr("xl/styles.xml",
        f'<?xml version="1.0" encoding="UTF-8"?><x:styleSheet {NS}>'
        '<x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="[$-419]d\\ mmmm\\ yyyy&quot;г.&quot;;@"/></x:numFmts>'
        '<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>'
        '<x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="170"/><x:xf numFmtId="4"/></x:cellXfs>'
        '</x:styleSheet>')
    z.writestr("xl/worksheets/hidden.xml",
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet {NS}><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hidden</x:t></x:is></x:c></x:row>'
        '</x:sheetData></x:worksheet>')
    z.writestr("xl/worksheets/list.xml",
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet {NS}><x:sheetData>'
        '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Ink</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c></x:row>'
        '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1&amp;"!"</x:f><x:v>Ism!</x:v></x:c></x:row>'
        '<x:row r="4"><x:c r="A4" s="1"><x:v>0</x:v></x:c><x:c r="B4" s="2"><x:v>43549</x:v></x:c><x:c r="C4" s="3"><x:v>1985.0</x:v></x:c><x:c r="E4"><x:v>0.30000000000000004</x:v></x:c><x:c r="F4"><x:v>-12.5</x:v></x:c></x:row>'
        '<x:row r="6"><x:c r="AA6" t="d"><x:v>2019-03-25T00:00:00</x:v></x:c></x:row>'
        '<x:row r="7"/>'
        '</x:sheetData></x:worksheet>')

# --- XLSX: hostile -------------------------------------------------------------------
def minimal_workbook(z, sheet_xml, compress=zipfile.ZIP_DEFLATED):
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("_rels/.rels", ROOT_RELS)
    z.writestr("xl/workbook.xml",
        f'<?xml version="1.0"?><x:workbook {NS}><x:sheets><x:sheet name="Sheet1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>')
    z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml"), sheet_xml, compress_type=compress)

# A sheet that inflates to 70 MiB from ~70 KB, whose headers claim 1,000 bytes.
bomb = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' \
    + b"<row/>" * (70 * 1024 * 1024 // 6) + b"</sheetData></worksheet>"
with zipfile.ZipFile("zip-bomb.xlsx", "w") as z:
    minimal_workbook(z, bomb)
with open("zip-bomb.xlsx", "rb") as f:
    data = bytearray(f.read())
real = struct.pack("<I", len(bomb))
name = b"xl/worksheets/sheet1.xml"
for signature, size_offset, name_offset in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
    start = 0
    while (start := data.find(signature, start)) != -1:
        if data[start + name_offset:start + name_offset + len(name)] == name:
            assert data[start + size_offset:start + size_offset + 4] == real
            data[start + size_offset:start + size_offset + 4] = struct.pack("<I", 1000)
        start += 4
write("zip-bomb.xlsx", bytes(data))

# A DTD with nested entities ("billion laughs").
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>')
with zipfile.ZipFile("entity-expansion.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    minimal_workbook(z, laughs)

# Broken XML in the sheet, and an entry whose name climbs out of the folder.
with zipfile.ZipFile("malformed-sheet.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    minimal_workbook(z, '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>')
    z.writestr("../../evil.txt", "never extracted to disk")

# A genuine sheet on one 11 MB line, as LibreOffice writes big sheets: libxml2 reports
# "huge input lookup" after the last element, which must not count as an error.
with zipfile.ZipFile("long-line.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    minimal_workbook(z, '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                     + " " * (11 * 1024 * 1024)
                     + '<row r="1"><c r="A1" t="inlineStr"><is><t>oxirgi</t></is></c></row></sheetData></worksheet>')

# Workbook whose worksheet part is missing.
with zipfile.ZipFile("missing-sheet-part.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    minimal_workbook(z, "")
with zipfile.ZipFile("missing-sheet-part.xlsx", "r") as z:
    parts = {n: z.read(n) for n in z.namelist() if n != "xl/worksheets/sheet1.xml"}
with zipfile.ZipFile("missing-sheet-part.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        z.writestr(n, b)

with open("participants.xlsx", "rb") as f:
    whole = f.read()

# The LibreOffice workbook with one directory entry's compressed size raised past the
# end of the file: ZIPFoundation 0.9.20's in-memory Archive traps on it.
damaged = bytearray(whole)
entries = [i for i in range(len(damaged)) if damaged[i:i + 4] == b"PK\x01\x02"]
sixth = entries[5]  # xl/worksheets/sheet3.xml
damaged[sixth + 20:sixth + 24] = struct.pack("<I", 469_763_007)
write("damaged-directory.xlsx", bytes(damaged))

# The LibreOffice workbook cut short, as by an interrupted download.
write("truncated.xlsx", whole[: len(whole) * 6 // 10])
