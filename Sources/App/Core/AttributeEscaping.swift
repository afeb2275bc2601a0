import Plot

// Plot escapes text nodes but writes attribute values exactly as given. Every value that is not
// a fixed string goes through `attributeEscaped` (a test in AttributeEscapingTests checks the
// sources for this), so what people type can never end an attribute and start markup.
extension String {
    var attributeEscaped: String {
        // Most values need nothing: say so without building a new string.
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            return self
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Node {
    /// Text content escaped by `attributeEscaped`, which is safe in text as well as in attributes.
    /// For long lists such as select options, where Plot's character-by-character escaping was
    /// most of the cost of a search page.
    static func escapedText(_ text: String) -> Node {
        .raw(text.attributeEscaped)
    }
}
