import Foundation

/// schema.org structured data for a page. `<`, `>` and `&` are escaped inside the JSON, so no
/// text from a record can close the script element.
enum JSONLD {
    static func script(_ object: [String: Any]) -> String {
        // Foundation's JSONEncoder, through a typed value: JSONSerialization took a story page an
        // eighth of its time for the same few fields.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let value = Value(object), let data = try? encoder.encode(value),
            let json = String(data: data, encoding: .utf8)
        else { return "" }
        let safe = json.replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "<"): "\\u003c"
            case UInt8(ascii: ">"): "\\u003e"
            case UInt8(ascii: "&"): "\\u0026"
            default: nil
            }
        }
        return "<script type=\"application/ld+json\">\(safe)</script>"
    }

    /// The JSON values structured data is made of.
    private enum Value: Encodable {
        case string(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case array([Value])
        case object([String: Value])

        /// What was given, as JSON, or nil for a value JSON has no form for; such members are left out.
        init?(_ any: Any) {
            switch any {
            case let text as String: self = .string(text)
            case let flag as Bool: self = .boolean(flag)
            case let whole as Int: self = .integer(whole)
            case let number as Double: self = .number(number)
            case let list as [Any]: self = .array(list.compactMap(Value.init))
            case let dictionary as [String: Any]: self = .object(dictionary.compactMapValues(Value.init))
            default: return nil
            }
        }

        private struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .string(let text): try Self.encodeAlone(text, to: encoder)
            case .integer(let whole): try Self.encodeAlone(whole, to: encoder)
            case .number(let number): try Self.encodeAlone(number, to: encoder)
            case .boolean(let flag): try Self.encodeAlone(flag, to: encoder)
            case .array(let values):
                var container = encoder.unkeyedContainer()
                for value in values { try container.encode(value) }
            case .object(let members):
                var container = encoder.container(keyedBy: Key.self)
                for (key, value) in members { try container.encode(value, forKey: Key(stringValue: key)) }
            }
        }

        private static func encodeAlone(_ value: some Encodable, to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }
}
