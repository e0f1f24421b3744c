import Foundation
import Testing
@testable import MamoriCore

@Suite("Hex")
struct HexTests {
    static let cases: [([UInt8], String)] = [
        ([], ""),
        ([0x00], "00"),
        ([0x0F, 0xF0], "0ff0"),
        ([0xDE, 0xAD, 0xBE, 0xEF], "deadbeef"),
        ((0...255).map { UInt8($0) }, (0...255).map { String(format: "%02x", $0) }.joined()),
    ]

    @Test("bytes become two lowercase digits each", arguments: cases)
    func encode(bytes: [UInt8], expected: String) {
        #expect(Hex.encode(bytes) == expected)
    }

    @Test("a SHA-256 digest in hex: the known value of \"abc\"")
    func digest() {
        #expect(SecretToken.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
