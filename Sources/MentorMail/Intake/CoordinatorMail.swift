import Foundation
import Mail

/// What a coordinator's message carries: a form export to import.
public enum CoordinatorMail {
    /// The form export attached (CSV) or pasted (an HTML table) in `message`, if any.
    public static func formExport(in message: Message, headerMap: [String: String]) throws -> (FormExport, source: String)? {
        for part in message.leafParts where isCSV(part) {
            let text = part.decodedText()
            let name = part.filename ?? "export.csv"
            return (try FormExport.csv(text, headerMap: headerMap), "attachment \(name)")
        }
        for part in message.leafParts where part.contentType == "text/html" {
            if let export = try? FormExport.htmlTable(part.decodedText(), headerMap: headerMap), !export.rows.isEmpty {
                return (export, "the table in the message")
            }
        }
        if let pasted = pastedCSV(in: message), let export = try? FormExport.csv(pasted, headerMap: headerMap), !export.rows.isEmpty {
            return (export, "the CSV pasted into the message")
        }
        if let sheet = message.leafParts.first(where: isSpreadsheet) {
            throw MentorMailError(.data, "the attachment \(sheet.filename ?? sheet.contentType) is a spreadsheet file, which we cannot read: "
                                  + "download or save it as CSV (Microsoft Forms: Open in Excel, then File > Save As > CSV UTF-8; "
                                  + "Google Forms: the responses sheet, then File > Download > CSV) and send that file")
        }
        return nil
    }

    /// Whether the message carries something to import: a CSV attachment (readable or not, so
    /// a broken one is reported rather than ignored), an HTML table with rows, CSV lines pasted
    /// into the text, or a spreadsheet file (answered with how to save it as CSV).
    public static func containsFormExport(_ message: Message) -> Bool {
        if message.leafParts.contains(where: { isCSV($0) || isSpreadsheet($0) }) { return true }
        if message.leafParts.contains(where: { $0.contentType == "text/html" && HTMLTable.rows(fromHTML: $0.decodedText()).count >= 2 }) {
            return true
        }
        return pastedCSV(in: message) != nil
    }

    /// The name of the first form export attached as a file (CSV, TSV or a spreadsheet), if any:
    /// what someone who is not a coordinator is told was not read.
    public static func attachedExportName(in message: Message) -> String? {
        guard let part = message.leafParts.first(where: { isCSV($0) || isSpreadsheet($0) }) else { return nil }
        return part.filename ?? (isCSV(part) ? "a CSV file" : "a spreadsheet")
    }

    /// CSV lines pasted into a plain text body: a header naming an email column, then at least
    /// one line with as many separators that holds an address.
    static func pastedCSV(in message: Message) -> String? {
        guard let part = message.leafParts.first(where: { $0.contentType == "text/plain" && !$0.isAttachment }) else { return nil }
        let lines = part.decodedText(limit: 4 * 1024 * 1024).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.drop(while: { $0 == ">" || $0 == " " }))
        }
        for (index, line) in lines.enumerated() {
            let separator = CSVReader.separator(of: line)
            let count = line.filter { $0 == separator }.count
            guard count >= 2, ["mail", "correo"].contains(where: line.lowercased().contains) else { continue }
            let block = lines[index...].prefix { $0.filter { $0 == separator }.count >= count }
            guard block.count >= 2, block.dropFirst().contains(where: { $0.contains("@") }) else { continue }
            return block.joined(separator: "\n") + "\n"
        }
        return nil
    }

    /// A spreadsheet file (Excel, OpenDocument, Numbers) rather than the CSV we read.
    static func isSpreadsheet(_ part: MIMEPart) -> Bool {
        let type = part.contentType
        if type.hasPrefix("application/vnd.openxmlformats-officedocument.spreadsheetml") || type == "application/vnd.ms-excel"
            || type == "application/vnd.oasis.opendocument.spreadsheet" || type == "application/x-iwork-numbers-sffnumbers" {
            return true
        }
        let name = part.filename?.lowercased() ?? ""
        return [".xlsx", ".xls", ".ods", ".numbers"].contains { name.hasSuffix($0) }
    }

    static func isCSV(_ part: MIMEPart) -> Bool {
        let type = part.contentType
        if ["text/csv", "application/csv", "text/comma-separated-values", "text/x-csv", "text/tab-separated-values"].contains(type) {
            return true
        }
        let name = part.filename?.lowercased() ?? ""
        return name.hasSuffix(".csv") || name.hasSuffix(".tsv")
    }
}
