import Foundation
import Vapor

/// CSV files for Excel in Japan: UTF-8 with a byte-order mark (without it Excel reads Shift_JIS
/// and garbles Japanese), CRLF line ends, quoted fields. Cells that a spreadsheet would run as a
/// formula (=, +, -, @ at the start) get a leading apostrophe.
enum CSV {
    static func document(header: [String], rows: [[String]]) -> String {
        "\u{FEFF}" + ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func response(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
