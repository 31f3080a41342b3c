import Foundation
import TrainingCore

/// A region summary as a CSV file for spreadsheets: one row per region or district and a total row.
///
/// UTF-8 with a byte order mark (so that Excel reads Cyrillic and Uzbek letters right), CRLF line
/// ends, and by default commas between fields. Headings and names are in the chosen language;
/// numbers have no digit grouping and a decimal point (a comma with ``CSVStyle/decimalComma``);
/// the attendance rate is a percentage without its sign, empty when no one took part.
public enum RegionSummaryCSV {
    public static func data(_ summary: RegionSummary, language: DocumentLanguage, style: CSVStyle = CSVStyle()) -> Data {
        let text = SummaryText(summary, language: language)
        let columns = SummaryColumn.all
        var lines: [[String]] = []
        lines.append(["Code", text.rowHeading] + columns.map { column in
            column.heading(in: language) + (column.key == SummaryColumn.attendanceRate.key ? ", %" : "")
        })
        for row in summary.rows {
            lines.append([row.code ?? "", text.rowName(row.code)] + columns.map { style.number($0.value(row.figures).plain) })
        }
        lines.append(["", text.label(.total)] + columns.map { style.number($0.value(summary.total).plain) })
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(lines.map { $0.map(style.field).joined(separator: String(style.separator)) + "\r\n" }.joined().utf8))
        return data
    }
}
