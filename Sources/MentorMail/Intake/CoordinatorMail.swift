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
        return nil
    }

    /// Whether the message carries something to import: a CSV attachment (readable or not, so
    /// a broken one is reported rather than ignored) or an HTML table with rows.
    public static func containsFormExport(_ message: Message) -> Bool {
        if message.leafParts.contains(where: isCSV) { return true }
        return message.leafParts.contains { $0.contentType == "text/html" && HTMLTable.rows(fromHTML: $0.decodedText()).count >= 2 }
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
