import Plot

// Plot escapes text nodes but writes attribute values exactly as given. Every value that is not
// a fixed string goes through `attributeEscaped` (a test in AttributeEscapingTests checks the
// sources for this), so what people type can never end an attribute and start markup.
extension String {
    var attributeEscaped: String {
        // Most values need nothing: say so without building a new string.
        guard
            utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
                    || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            })
        else {
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

    /// For text between tags: `&`, `<` and `>` are all that need escaping there.
    var textEscaped: String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else {
            return self
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Node {
    /// Text shown exactly as written. Every page uses this instead of Plot's `.text`, which leaves
    /// anything that looks like an entity (`&amp;`, `&#13;`, `&xxe;`) unescaped: typed text would
    /// change on the way to the page, and could make it invalid. Ours was also faster than Plot's
    /// on long pages.
    static func plainText(_ text: String) -> Node {
        .raw(text.textEscaped)
    }
}
