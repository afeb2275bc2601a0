import Plot

// Plot escapes text nodes but writes attribute values exactly as given. Every value that is not
// a fixed string goes through `attributeEscaped` (a test in AttributeEscapingTests checks the
// sources for this), so what people type can never end an attribute and start markup.
extension String {
    var attributeEscaped: String {
        replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            default: nil
            }
        }
    }

    /// For text between tags: `&`, `<` and `>` are all that need escaping there.
    var textEscaped: String {
        replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            default: nil
            }
        }
    }

    /// This text with every ASCII byte that `replacement` names swapped for what it gives, in one
    /// pass over the bytes; the text itself, uncopied, when there is none. Foundation's
    /// `replacingOccurrences`, run once for each character to escape, took an iCalendar feed
    /// almost half its time.
    func replacingASCII(_ replacement: (UInt8) -> String?) -> String {
        guard let first = utf8.firstIndex(where: { replacement($0) != nil }) else { return self }
        var bytes = Array(utf8[..<first])
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8[first...] {
            if let swapped = replacement(byte) {
                bytes.append(contentsOf: swapped.utf8)
            } else {
                bytes.append(byte)
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
