import Crypto
import Foundation

/// Headers that let any client save a download under its own name and check what it got, for
/// the page and the API alike.
enum DownloadHeaders {
    /// `attachment` with the name as RFC 6266 says: a plain ASCII `filename` for old clients
    /// (anything else replaced by "_") and the exact UTF-8 name in `filename*`.
    static func attachment(filename: String) -> String {
        let fallback = String(filename.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar.value != 0x7F ? Character(scalar) : "_"
        })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? "download"
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// `Repr-Digest` (RFC 9530) from a stored hex SHA-256: `sha-256=:<base64>:`.
    static func reprDigest(hexSHA256 hex: String) -> String? {
        guard hex.count == 64 else { return nil }
        var bytes = [UInt8]()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return "sha-256=:\(Data(bytes).base64EncodedString()):"
    }
}
