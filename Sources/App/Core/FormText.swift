import Vapor

/// What a person submitted in a form, read one way everywhere. Text fields are trimmed and the
/// characters HTML and XML may not carry (control characters other than tab and newline, and
/// Unicode noncharacters such as U+FFFE) are dropped here, once, so no page or feed built from what
/// people type can become invalid.
struct FormInput: Sendable {
    private let content: @Sendable (String) -> String?
    private let lists: @Sendable (String) -> [String]

    init(_ request: Request) {
        content = { name in try? request.content.get(String.self, at: name) }
        lists = { name in (try? request.content.get([String].self, at: name)) ?? [] }
    }

    /// A form built from fixed values, for tests and commands.
    init(fields: [String: String], lists: [String: [String]] = [:]) {
        content = { fields[$0] }
        self.lists = { lists[$0] ?? [] }
    }

    /// A text field, trimmed and cleaned; new lines become spaces unless `keepNewlines`.
    func text(_ name: String, keepNewlines: Bool = false) -> String {
        FormText.clean(content(name) ?? "", keepNewlines: keepNewlines)
    }

    /// A password exactly as typed: never trimmed or cleaned, since every character counts.
    func password(_ name: String) -> String {
        content(name) ?? ""
    }

    /// A repeated field (a group of checkboxes arrives as `name[]`), each value cleaned.
    func list(_ name: String) -> [String] {
        lists(name).map { FormText.clean($0, keepNewlines: false) }
    }

    /// A date asked in three boxes (`name-day`, `name-month`, `name-year`, the GOV.UK pattern),
    /// as "2026-03-27" when it names a real date and otherwise as typed, joined by dashes, so the
    /// boxes can show it again. A single `name` field ("2026-03-27") is read when no box was sent.
    func date(_ name: String) -> String {
        let boxes = ["year", "month", "day"].map { text("\(name)-\($0)") }
        guard boxes.contains(where: { !$0.isEmpty }) else { return text(name) }
        let typed = boxes.map { $0.replacingOccurrences(of: "-", with: "") }.joined(separator: "-")
        return UKDate.validated(typed) ?? typed
    }

    /// The repeated field's values as a set.
    func set(_ name: String) -> Set<String> {
        Set(list(name))
    }
}

/// A form as its handler reads it: every field through `FormInput`, then checked in plain words.
protocol SubmittedForm: Sendable {
    init(_ input: FormInput)
    /// The problems with what was typed, in the order the fields appear; empty when it may be saved.
    func validate() -> FormErrors
}

extension Request {
    /// The submitted form, read through the one cleaning reader.
    var form: FormInput { FormInput(self) }

    /// A submitted form of the given kind.
    func form<Form: SubmittedForm>(_ type: Form.Type) -> Form {
        Form(FormInput(self))
    }

    /// A password exactly as typed. Prefer `form.password`.
    func password(field name: String) -> String {
        form.password(name)
    }

    /// A text field, trimmed and cleaned. Prefer `form.text`.
    func formText(_ name: String, keepNewlines: Bool = false) -> String {
        form.text(name, keepNewlines: keepNewlines)
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
