#!/usr/bin/env python3
"""Makes the real spreadsheet files of the hostile-input corpus.

The .xlsx files come from openpyxl, the .xls, .ods and the LibreOffice .xlsx and
UTF-16 text from LibreOffice itself (headless), as trainers' files do:

    pip install openpyxl
    apt-get install libreoffice-calc-nogui
    python3 make-fixtures.py

Only making them needs these tools; the tests read the committed files.
"""
import os
import shutil
import subprocess
import tempfile

from openpyxl import Workbook

HEADER = ["F.I.Sh.", "Jinsi", "Tugʻilgan sana", "Tashkilot"]
PEOPLE = [
    ["Gʻulomjon Oʻrinboyev", "erkak", "12.05.1984", "Urganch mahallasi"],
    ["Gulnora Karimova", "ayol", "03.11.1990", "Urganch mahallasi"],
    ["Aytbay Qıdırbaev", "erkak", "21.02.1979", "Nukus"],
    ["Шоҳида Ҳамроева", "ayol", "30.07.1988", "Xiva"],
]
here = os.path.dirname(os.path.abspath(__file__))


def sheet(rows):
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = "Roʻyxat"
    for row in rows:
        worksheet.append(row)
    return workbook, worksheet


def save(workbook, name):
    workbook.save(os.path.join(here, name))


# Hidden rows: a row a trainer hid is still in the file; it is read like any other.
workbook, worksheet = sheet([HEADER] + PEOPLE)
worksheet.row_dimensions[3].hidden = True
save(workbook, "openpyxl-hidden-rows.xlsx")

# Merged cells: the organisation written once for three people, as on paper lists.
workbook, worksheet = sheet([HEADER] + [p[:3] + [""] for p in PEOPLE])
worksheet["D2"] = "Urganch mahallasi"
worksheet.merge_cells("D2:D4")
save(workbook, "openpyxl-merged-cells.xlsx")

# Formulas that no spreadsheet program has calculated: openpyxl stores no value for them.
workbook, worksheet = sheet([HEADER + ["Familiya", "Ism"]])
for index, person in enumerate(PEOPLE, start=2):
    surname, given = person[0].split(" ", 1)[1], person[0].split(" ", 1)[0]
    worksheet.append([f'=F{index}&" "&E{index}', person[1], person[2], person[3], given, surname])
save(workbook, "openpyxl-formulas-without-values.xlsx")

# LibreOffice's own files, converted from a plain list.
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice:
    with tempfile.TemporaryDirectory() as work:
        workbook, _ = sheet([HEADER] + PEOPLE)
        source = os.path.join(work, "libreoffice-list.xlsx")
        workbook.save(source)
        profile = "file://" + os.path.join(work, "profile")
        for target, name in [("xls", "libreoffice-list.xls"), ("ods", "libreoffice-list.ods"),
                             ("csv:Text - txt - csv (StarCalc):9,34,65535,1", "libreoffice-utf16-tabs.txt")]:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                            "--outdir", work, source], check=True, capture_output=True)
            made = os.path.join(work, "libreoffice-list." + target.split(":")[0])
            shutil.copy(made, os.path.join(here, name))
else:
    print("LibreOffice is not installed: the .xls, .ods and UTF-16 files were not remade.")
