import Plot
import Vapor

/// Problems with what someone typed, in the order the fields appear.
struct FormErrors: Sendable {
    private(set) var items: [(field: String, message: String)] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        guard self[field] == nil else { return }
        items.append((field, message))
    }

    subscript(field: String) -> String? {
        items.first { $0.field == field }?.message
    }
}

/// Form parts following the GOV.UK Design System: a label on every field, hints, an error
/// summary linking to each field, and the person's input kept.
enum Forms {
    static func csrfField(_ request: Request) -> Node<HTML.FormContext> {
        hidden(CSRF.fieldName, request.csrfToken)
    }

    /// A hidden field; its value is escaped like every other attribute value.
    static func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(name), .value(value.attributeEscaped))
    }

    static func errorSummary(_ errors: FormErrors) -> Node<HTML.BodyContext> {
        .if(!errors.isEmpty, .div(
            .class("error-summary"),
            .attribute(named: "role", value: "alert"),
            .attribute(named: "aria-labelledby", value: "error-summary-title"),
            .attribute(named: "tabindex", value: "-1"),
            .h2(.id("error-summary-title"), .class("error-summary__title"), .text("There is a problem")),
            .ul(
                .class("error-summary__list"),
                .forEach(errors.items) { item in
                    .li(.a(.href("#\(item.field)".attributeEscaped), .text(item.message)))
                }
            )
        ))
    }

    struct Field {
        var name: String
        var label: String
        var type: HTMLInputType = .text
        var value: String? = nil
        var hint: String? = nil
        var autocomplete: String? = nil
        var width: String? = nil
        var spellcheck: Bool? = nil
    }

    static func input(_ field: Field, errors: FormErrors) -> Node<HTML.FormContext> {
        let error = errors[field.name]
        let hintID = "\(field.name)-hint"
        let errorID = "\(field.name)-error"
        let describedBy = [field.hint == nil ? nil : hintID, error == nil ? nil : errorID].compactMap { $0 }.joined(separator: " ")
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .label(.class("label"), .for(field.name), .text(field.label)),
            .unwrap(field.hint) { hint in .div(.id(hintID), .class("hint"), .text(hint)) },
            .unwrap(error) { message in
                .p(.id(errorID), .class("error-message"),
                   .span(.class("visually-hidden"), .text("Error: ")), .text(message))
            },
            .input(
                .class(["input", error == nil ? nil : "input--error", field.width].compactMap { $0 }.joined(separator: " ")),
                .id(field.name),
                .name(field.name),
                .type(field.type),
                .unwrap(field.type == .password ? nil : field.value) { .value($0.attributeEscaped) },
                .unwrap(field.autocomplete) { .attribute(named: "autocomplete", value: $0.attributeEscaped) },
                .unwrap(field.spellcheck) { .spellcheck($0) },
                .unwrap(describedBy.isEmpty ? nil : describedBy) { .attribute(named: "aria-describedby", value: $0.attributeEscaped) },
                .unwrap(error) { _ in .attribute(named: "aria-invalid", value: "true") }
            )
        )
    }

    static func submit(_ text: String, secondary: Bool = false) -> Node<HTML.FormContext> {
        .button(.type(.submit), .class(secondary ? "button button--secondary" : "button"), .text(text))
    }
}
