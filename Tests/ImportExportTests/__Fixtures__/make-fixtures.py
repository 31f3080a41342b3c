#!/usr/bin/env python3
"""Writes the fixtures of ImportExportTests: participant lists and sign-in sheets
in each encoding, separator and header language, a file with every kind of bad
row, and the source of the workbook a spreadsheet program makes.

Run from this folder:
    python3 make-fixtures.py
    soffice --headless --convert-to xlsx participants-samarkand.fods
"""

def write(name, text, encoding="utf-8", bom=False):
    data = text.encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    with open(name, "wb") as f:
        f.write(data)

# --- Participant lists: one per header language, each in another encoding and separator ---

# Uzbek Latin headers, UTF-8 with BOM, semicolons, CRLF; a row number and a remark column to leave out.
write("uz-latin-bom-semicolon-crlf.csv", (
    "№;F.I.Sh.;Jinsi;Tugʻilgan yili;Toifa;Viloyat;Tuman;Telefon;Izoh\r\n"
    "1;Gʻulomjon Oʻrinboyev;erkak;1984;ota-ona;Xorazm viloyati;Urganch tumani;+998 90 123 45 67;\r\n"
    "2;Gulnora Karimova;ayol;1990;ona;Xorazm;Xiva tumani;90 765 43 21;ikki bola\r\n"
    "3;O'g'iloy Qurbonova;Ayol;1992.0;ota-ona;XORAZM;;-;\r\n"
), bom=True)

# Uzbek Cyrillic headers with the name in three columns, UTF-8 without BOM, commas, LF,
# a quoted field with a newline and doubled quotes.
write("uz-cyrillic-comma-lf.csv", (
    "Т/р,Фамилияси,Исми,Отасининг исми,Жинси,Туғилган санаси,Тоифаси,Вилоят,Туман,Ташкилот\n"
    "1,Ҳамроева,Шоҳида,Баҳодир қизи,аёл,12.05.1987,ота-она,Хоразм вилояти,Хива тумани,\"\"\"Нур\"\" маҳалла\n"
    "фуқаролар йиғини\"\n"
    "2,Раҳимов,Бахтиёр,,эркак,1979-01-30,ота-она,Хоразм,Урганч тумани,\n"
))

# Russian headers, Windows-1251 as Russian-locale Excel writes CSV, semicolons, CRLF.
write("ru-windows1251-semicolon-crlf.csv", (
    "ФИО;Пол;Год рождения;Категория;Область;Район;Телефон\r\n"
    "Ким Елена Викторовна;ж;1982;специалист;Ташкентская область;Кибрай;+998 71 200 00 01\r\n"
    "Юсупов Рустам;м;1978;госслужащий;Ташкентская обл.;Зангиата;\r\n"
), encoding="cp1251")

# Kyrgyz headers, UTF-16LE with BOM (Excel's “Unicode Text”), tabs, CRLF; ages instead of years.
write("ky-utf16le-tab-crlf.txt", (
    "Аты-жөнү\tЖынысы\tЖашы\tКатегориясы\tОблусу\tРайону\tТелефон\r\n"
    "Айгүл Өмүрбекова\tаял\t33\tмамлекеттик кызматкер\tЧүй облусу\tАламүдүн\t0555 123 456\r\n"
    "Нурлан уулу Бакыт\tэркек\t38\tмугалим\tЧүй\tСокулук\t\r\n"
), encoding="utf-16-le", bom=True)

# English headers, UTF-8, tabs, LF; dates of birth and languages.
write("en-utf8-tab.tsv", (
    "Full name\tSex\tDate of birth\tCategory\tRegion\tDistrict\tPhone\tLanguage\n"
    "Sevara Aliyeva\tF\t03.09.1993\tNGO staff\tTashkent city\tChilonzor\t+998 97 111 22 33\ten\n"
    "Natalya Petrenko\tfemale\t1975-11-02\tcivil servant\tChuy\tSokuluk\t+996 555 987 654\tru\n"
    "Meerim Sydykova\tF\t\tngo\tBishkek\t\t\tky\n"
))

# Every kind of bad row, one per line (line 2 is good), all named in the tests.
write("bad-rows.csv", (
    "F.I.Sh.,Jinsi,Tugʻilgan yili,Tugʻilgan sanasi,Yoshi,Toifa,Viloyat,Tuman,Telefon,Til,Rozilikni qayd etgan\n"
    "Good Person,ayol,1990,,,ota-ona,Xorazm,Urganch tumani,+998 90 000 00 01,uz-Latn,\n"   # 2
    ",ayol,1990,,,,,,,,\n"                                                           # 3 empty name
    "Bad Sex,x,,,,,,,,,\n"                                                           # 4
    "Old Year,,1850,,,,,,,,\n"                                                       # 5
    "No Day,,,31.02.1987,,,,,,,\n"                                                   # 6
    "Short Year,,,25.03.87,,,,,,,\n"                                                 # 7
    "Age Text,,,,abc,,,,,,\n"                                                        # 8
    "Age Old,,,,200,,,,,,\n"                                                         # 9
    "Age Disagrees,,1990,,10,,,,,,\n"                                                # 10
    "Boss,,,,,boss,,,,,\n"                                                           # 11
    "Narnia,,,,,,Narnia,,,,\n"                                                       # 12
    "Two Tashkents,,,,,,Tashkent,,,,\n"                                              # 13
    "Wrong District,,,,,,Xorazm,Urgut,,,\n"                                          # 14
    "Lost District,,,,,,,Nowhere,,,\n"                                               # 15
    "Bad Phone,,,,,,,,12-34,,\n"                                                     # 16
    "French,,,,,,,,,fr,\n"                                                           # 17
    "Consent,,,,,,,,,,Coordinator\n"                                                 # 18
    "Two Problems,x,1850,,,,,,,,\n"                                                  # 19
    "Date Disagrees,,1990,25.03.1991,,,,,,,\n"                                       # 20
))

# --- A sign-in sheet for the Urganch training of 25–28 March 2019 ---
write("sign-in-urganch.csv", (
    "№;F.I.Sh.;25.03.2019;26.03.2019;27.03.2019;28.03.2019;Imzo\n"
    "1;Gʻulomjon Oʻrinboyev;+;+;kech;v;\n"
    "2;Гулнора Каримова;1;н;sababli;;\n"
    "3;Qurbonova O'g'iloy;✓;yo'q;-;0;\n"
))

# --- The workbook a spreadsheet program makes: LibreOffice converts this to participants-samarkand.xlsx ---
def cell(value, kind="string", style=None, span=None, rows=None):
    attributes = ""
    if style:
        attributes += f' table:style-name="{style}"'
    if span:
        attributes += f' table:number-columns-spanned="{span}" table:number-rows-spanned="1"'
    if rows:
        attributes += f' table:number-columns-spanned="1" table:number-rows-spanned="{rows}"'
    if kind == "string":
        return f'<table:table-cell{attributes} office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    if kind == "float":
        return f'<table:table-cell{attributes} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    if kind == "date":
        return f'<table:table-cell{attributes} office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>'
    raise ValueError(kind)

def row(*cells):
    return "<table:table-row>" + "".join(cells) + "</table:table-row>\n"

empty = "<table:table-cell/>"
covered = "<table:covered-table-cell/>"

people = (
    row(cell("Ota-onalar uchun trening — Samarqand, 2019", span=8), '<table:covered-table-cell table:number-columns-repeated="7"/>')
    + row(*[cell(h) for h in ["№", "Familiya", "Ism", "Jinsi", "Tugʻilgan sana", "Viloyat", "Tuman", "Telefon"]])
    + row(cell(1, "float"), cell("Toʻxtayeva"), cell("Malika"), cell("ayol"), cell("1989-04-12", "date", "ceDate"),
          cell("Samarqand viloyati", rows=3), cell("Samarqand tumani"), cell(998901112233, "float"))
    + row(cell(2, "float"), cell("Abdullayeva"), cell("Hulkar"), cell("ayol"), cell(31861, "float"),
          covered, cell("Urgut"), empty)
    + row(cell(3, "float"), cell("Gʻaniyev"), cell("Sardor"), cell("erkak"), cell("05.06.1983"),
          covered, cell("Samarqand tumani"), cell("+998 93 444 55 66"))
)
attendance = (
    row(*[cell("F.I.Sh.")] + [cell(f"2019-10-{day:02d}", "date", "ceDate") for day in (7, 8, 9, 10)])
    + row(cell("Malika Toʻxtayeva"), cell("+"), cell("+"), cell("+"), cell("+"))
    + row(cell("Абдуллаева Ҳулкар"), cell("+"), cell("н"), cell("+"), cell("kech"))
    + row(cell("Sardor G'aniyev"), cell(1, "float"), cell(1, "float"), cell(0, "float"), cell("sababli"))
)

with open("participants-samarkand.fods", "w", encoding="utf-8") as f:
    f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="Ndate">
   <number:day number:style="long"/><number:text>.</number:text>
   <number:month number:style="long"/><number:text>.</number:text>
   <number:year number:style="long"/>
  </number:date-style>
  <style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Ndate"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Qatnashchilar">
{people}   </table:table>
   <table:table table:name="Davomat">
{attendance}   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
""")
