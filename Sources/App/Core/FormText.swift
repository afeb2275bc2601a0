import Vapor

extension Request {
    /// A text field from a submitted form, trimmed. Characters HTML and XML may not carry (control
    /// characters other than tab and newline, and Unicode noncharacters such as U+FFFE) are
    /// dropped here, once, so no page or feed built from what people type can become invalid.
    /// A password exactly as typed: never trimmed or cleaned, since every character counts.
    func password(field name: String) -> String {
        (try? content.get(String.self, at: name)) ?? ""
    }

    func formText(_ name: String, keepNewlines: Bool = false) -> String {
        let raw = (try? content.get(String.self, at: name)) ?? ""
        return FormText.clean(raw, keepNewlines: keepNewlines)
    }
}

enum FormText {
    static func clean(_ raw: String, keepNewlines: Bool) -> String {
        var kept = String.UnicodeScalarView()
        var text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        if !keepNewlines { text = text.replacingOccurrences(of: "\n", with: " ") }
        for scalar in text.unicodeScalars where isAllowed(scalar, keepNewlines: keepNewlines) {
            kept.append(scalar)
        }
        return String(kept).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        let value = scalar.value
        if value == 0x0A { return keepNewlines }
        if value == 0x09 { return true }
        if value < 0x20 || (0x7F...0x9F).contains(value) { return false }
        if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return false }
        return true
    }
}
