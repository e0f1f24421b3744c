import Foundation

/// The 47 prefectures with their JIS X 0401 codes, the eight regions used for program
/// statistics, and the three metropolitan areas (三大都市圏) the guidance program counts apart.
public struct Prefecture: Sendable, Hashable, Identifiable {
    public enum Region: String, Sendable, CaseIterable, Codable {
        case hokkaido, tohoku, kanto, chubu, kinki, chugoku, shikoku, kyushuOkinawa = "kyushu_okinawa"

        public var name: LocalizedText {
            switch self {
            case .hokkaido: LocalizedText(ja: "北海道", en: "Hokkaido")
            case .tohoku: LocalizedText(ja: "東北", en: "Tohoku")
            case .kanto: LocalizedText(ja: "関東", en: "Kanto")
            case .chubu: LocalizedText(ja: "中部", en: "Chubu")
            case .kinki: LocalizedText(ja: "近畿", en: "Kinki")
            case .chugoku: LocalizedText(ja: "中国", en: "Chugoku")
            case .shikoku: LocalizedText(ja: "四国", en: "Shikoku")
            case .kyushuOkinawa: LocalizedText(ja: "九州・沖縄", en: "Kyushu and Okinawa")
            }
        }
    }

    /// 三大都市圏 as the program defines them (REFERENCE §1).
    public enum MetropolitanArea: String, Sendable, CaseIterable, Codable {
        case tokyo, chukyo, kinki

        public var name: LocalizedText {
            switch self {
            case .tokyo: LocalizedText(ja: "首都圏", en: "Tokyo area")
            case .chukyo: LocalizedText(ja: "中京圏", en: "Chukyo area")
            case .kinki: LocalizedText(ja: "近畿圏", en: "Kinki area")
            }
        }
    }

    /// Two-digit JIS code, "01" to "47".
    public let code: String
    public let name: LocalizedText
    public let region: Region
    public let metropolitanArea: MetropolitanArea?

    public var id: String { code }
    public var isMetropolitan: Bool { metropolitanArea != nil }

    public static func withCode(_ code: String) -> Prefecture? {
        byCode[code]
    }

    /// Accepts the JIS code ("13" or "1" for Hokkaido), the Japanese name with or without its
    /// suffix ("東京都", "東京"), or the English name ("Tokyo").
    public static func parse(_ input: String) -> Prefecture? {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let number = Int(trimmed), (1...47).contains(number) {
            return all[number - 1]
        }
        let lowered = trimmed.lowercased()
        return all.first { prefecture in
            prefecture.name.ja == trimmed
                || prefecture.shortJapaneseName == trimmed
                || prefecture.name.en.lowercased() == lowered
        }
    }

    /// "東京" for "東京都"; Hokkaido keeps its full name.
    var shortJapaneseName: String {
        let name = self.name.ja
        guard name != "北海道", let last = name.last, "都府県".contains(last) else { return name }
        return String(name.dropLast())
    }

    private init(_ code: Int, _ ja: String, _ en: String, _ region: Region, _ metro: MetropolitanArea? = nil) {
        self.code = code < 10 ? "0\(code)" : "\(code)"
        self.name = LocalizedText(ja: ja, en: en)
        self.region = region
        self.metropolitanArea = metro
    }

    public static let all: [Prefecture] = [
        Prefecture(1, "北海道", "Hokkaido", .hokkaido),
        Prefecture(2, "青森県", "Aomori", .tohoku),
        Prefecture(3, "岩手県", "Iwate", .tohoku),
        Prefecture(4, "宮城県", "Miyagi", .tohoku),
        Prefecture(5, "秋田県", "Akita", .tohoku),
        Prefecture(6, "山形県", "Yamagata", .tohoku),
        Prefecture(7, "福島県", "Fukushima", .tohoku),
        Prefecture(8, "茨城県", "Ibaraki", .kanto),
        Prefecture(9, "栃木県", "Tochigi", .kanto),
        Prefecture(10, "群馬県", "Gunma", .kanto),
        Prefecture(11, "埼玉県", "Saitama", .kanto, .tokyo),
        Prefecture(12, "千葉県", "Chiba", .kanto, .tokyo),
        Prefecture(13, "東京都", "Tokyo", .kanto, .tokyo),
        Prefecture(14, "神奈川県", "Kanagawa", .kanto, .tokyo),
        Prefecture(15, "新潟県", "Niigata", .chubu),
        Prefecture(16, "富山県", "Toyama", .chubu),
        Prefecture(17, "石川県", "Ishikawa", .chubu),
        Prefecture(18, "福井県", "Fukui", .chubu),
        Prefecture(19, "山梨県", "Yamanashi", .chubu),
        Prefecture(20, "長野県", "Nagano", .chubu),
        Prefecture(21, "岐阜県", "Gifu", .chubu, .chukyo),
        Prefecture(22, "静岡県", "Shizuoka", .chubu),
        Prefecture(23, "愛知県", "Aichi", .chubu, .chukyo),
        Prefecture(24, "三重県", "Mie", .kinki, .chukyo),
        Prefecture(25, "滋賀県", "Shiga", .kinki),
        Prefecture(26, "京都府", "Kyoto", .kinki, .kinki),
        Prefecture(27, "大阪府", "Osaka", .kinki, .kinki),
        Prefecture(28, "兵庫県", "Hyogo", .kinki, .kinki),
        Prefecture(29, "奈良県", "Nara", .kinki, .kinki),
        Prefecture(30, "和歌山県", "Wakayama", .kinki),
        Prefecture(31, "鳥取県", "Tottori", .chugoku),
        Prefecture(32, "島根県", "Shimane", .chugoku),
        Prefecture(33, "岡山県", "Okayama", .chugoku),
        Prefecture(34, "広島県", "Hiroshima", .chugoku),
        Prefecture(35, "山口県", "Yamaguchi", .chugoku),
        Prefecture(36, "徳島県", "Tokushima", .shikoku),
        Prefecture(37, "香川県", "Kagawa", .shikoku),
        Prefecture(38, "愛媛県", "Ehime", .shikoku),
        Prefecture(39, "高知県", "Kochi", .shikoku),
        Prefecture(40, "福岡県", "Fukuoka", .kyushuOkinawa),
        Prefecture(41, "佐賀県", "Saga", .kyushuOkinawa),
        Prefecture(42, "長崎県", "Nagasaki", .kyushuOkinawa),
        Prefecture(43, "熊本県", "Kumamoto", .kyushuOkinawa),
        Prefecture(44, "大分県", "Oita", .kyushuOkinawa),
        Prefecture(45, "宮崎県", "Miyazaki", .kyushuOkinawa),
        Prefecture(46, "鹿児島県", "Kagoshima", .kyushuOkinawa),
        Prefecture(47, "沖縄県", "Okinawa", .kyushuOkinawa),
    ]

    private static let byCode: [String: Prefecture] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}
