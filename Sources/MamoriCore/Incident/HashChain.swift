import Crypto
import Foundation

/// The tamper-evident timeline: every entry's hash covers its own content and the previous
/// entry's hash, so changing, removing or reordering any entry breaks every hash after it.
public enum HashChain {
    /// The fields an entry's hash covers, in a fixed, unambiguous encoding.
    public struct Content: Sendable, Equatable {
        public let sequence: Int
        public let occurredAt: Date
        public let recordedAt: Date
        public let author: String
        public let type: String
        public let text: String
        public let correctsSequence: Int?

        public init(sequence: Int, occurredAt: Date, recordedAt: Date, author: String, type: String, text: String, correctsSequence: Int?) {
            self.sequence = sequence
            self.occurredAt = occurredAt
            self.recordedAt = recordedAt
            self.author = author
            self.type = type
            self.text = text
            self.correctsSequence = correctsSequence
        }

        /// Length-prefixed fields: no separator inside a text can make two entries hash alike.
        var canonical: Data {
            HashChain.lengthPrefixed([String(sequence), milliseconds(occurredAt), milliseconds(recordedAt), author, type, text,
                                      correctsSequence.map(String.init) ?? ""])
        }

        private func milliseconds(_ date: Date) -> String { String(Int64((date.timeIntervalSince1970 * 1000).rounded())) }
    }

    /// Each field as `<UTF-8 byte count>:<bytes>`, one after the other: an encoding in which no
    /// text, whatever it contains, can make two different lists of fields read alike. The
    /// timeline's entries and the report versions hash it.
    public static func lengthPrefixed(_ fields: [String]) -> Data {
        var data = Data()
        for field in fields {
            let bytes = Data(field.utf8)
            data.append(contentsOf: String(bytes.count).utf8)
            data.append(0x3A)   // ":"
            data.append(bytes)
        }
        return data
    }

    /// The hash of the chain's start (no previous entry).
    public static let genesis = String(repeating: "0", count: 64)

    public static func hash(_ content: Content, previous: String) -> String {
        var data = Data(previous.utf8)
        data.append(content.canonical)
        return Hex.encode(SHA256.hash(data: data))
    }

    public struct Stored: Sendable {
        public let content: Content
        public let previousHash: String
        public let hash: String

        public init(content: Content, previousHash: String, hash: String) {
            self.content = content
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    /// The sequence number of the first entry that does not match, or nil when intact.
    public static func firstBroken(_ entries: [Stored]) -> Int? {
        var previous = genesis
        for (index, entry) in entries.enumerated() {
            guard entry.content.sequence == index + 1, entry.previousHash == previous,
                  hash(entry.content, previous: previous) == entry.hash else { return entry.content.sequence }
            previous = entry.hash
        }
        return nil
    }
}
