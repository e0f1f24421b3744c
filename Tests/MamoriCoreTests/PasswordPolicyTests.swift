import Foundation
import Testing
@testable import MamoriCore

@Suite("Password rules")
struct PasswordPolicyTests {
    @Test("length and byte limits", arguments: [
        ("", PasswordPolicy.Problem.tooShort),
        ("123456789", .tooShort),                                  // 9 characters
        (String(repeating: "a", count: 73), .tooLong),             // 73 bytes
        (String(repeating: "あ", count: 25), .tooLong),             // 25 × 3 = 75 bytes
        (String(repeating: "パ", count: 24) + "x", .tooLong),        // 73 bytes
    ])
    func refused(password: String, problem: PasswordPolicy.Problem) {
        #expect(PasswordPolicy.validate(password) == .failure(problem))
    }

    @Test("accepted passwords", arguments: [
        "1234567890",                                               // exactly 10 characters
        String(repeating: "a", count: 72),                          // exactly 72 bytes
        String(repeating: "あ", count: 24),                          // 24 × 3 = 72 bytes
        "正しい馬電池ホチキス",                                          // 10 Japanese characters, 30 bytes
    ])
    func accepted(password: String) {
        #expect((try? PasswordPolicy.validate(password).get()) != nil)
    }

    @Test("passwords are normalized to NFC, so composed and decomposed forms match")
    func nfc() throws {
        let decomposed = "cafe\u{0301}-secret-1"   // e + combining acute accent
        let composed = "caf\u{00E9}-secret-1"
        #expect(try PasswordPolicy.validate(decomposed).get() == composed)
        #expect(PasswordPolicy.normalize(decomposed).unicodeScalars.count == composed.unicodeScalars.count)
    }

    @Test("a Japanese password written with a decomposed dakuten counts after composition")
    func japaneseComposition() throws {
        // "パ" as "ハ" + combining handakuten: 6 bytes decomposed, 3 bytes composed.
        let decomposed = String(repeating: "\u{30CF}\u{309A}", count: 24)
        #expect(decomposed.utf8.count == 144)
        #expect(try PasswordPolicy.validate(decomposed).get().utf8.count == 72)
    }
}

@Suite("E-mail addresses")
struct EmailAddressTests {
    @Test("normalization", arguments: [
        ("  Taro@Example.JP ", "taro@example.jp"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),
    ])
    func normalize(input: String, expected: String) {
        #expect(EmailAddress.normalize(input) == expected)
    }

    @Test("shape check", arguments: [
        ("taro@example.jp", true), ("a@b.c", true), ("taro", false), ("@example.jp", false),
        ("taro@example", false), ("taro@@example.jp", false), ("ta ro@example.jp", false), ("taro@example..jp", false),
    ])
    func validity(address: String, valid: Bool) {
        #expect(EmailAddress.isValid(address) == valid)
    }
}
