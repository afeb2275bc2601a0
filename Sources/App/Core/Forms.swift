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
    static func csrfField(_ page: PageContext) -> Node<HTML.FormContext> {
        hidden(CSRF.fieldName, page.formToken.value)
    }

    /// A hidden field; its value is escaped like every other attribute value.
    static func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(name), .value(value.attributeEscaped))
    }

    static func errorSummary(_ errors: FormErrors) -> Node<HTML.BodyContext> {
        .if(
            !errors.isEmpty,
            .div(
                .class("error-summary"),
                .attribute(named: "role", value: "alert"),
                .attribute(named: "aria-labelledby", value: "error-summary-title"),
                .attribute(named: "tabindex", value: "-1"),
                .h2(.id("error-summary-title"), .class("error-summary__title"), .plainText("There is a problem")),
                .ul(
                    .class("error-summary__list"),
                    .forEach(errors.items) { item in
                        .li(.a(.href("#\(item.field)".attributeEscaped), .plainText(item.message)))
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
        let describedBy = [field.hint == nil ? nil : hintID, error == nil ? nil : errorID].compactMap { $0 }.joined(
            separator: " ")
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .label(.class("label"), .for(field.name), .plainText(field.label)),
            .unwrap(field.hint) { hint in .div(.id(hintID), .class("hint"), .plainText(hint)) },
            .unwrap(error) { message in
                .p(
                    .id(errorID), .class("error-message"),
                    .span(.class("visually-hidden"), .plainText("Error: ")), .plainText(message))
            },
            .input(
                .class(
                    ["input", error == nil ? nil : "input--error", field.width].compactMap { $0 }.joined(separator: " ")
                ),
                .id(field.name),
                .name(field.name),
                // A value that failed its check may not be a valid email or web address, and a
                // type=email or type=url input holding one is invalid HTML; show it as text then.
                .type(error != nil && [HTMLInputType.email, .url].contains(field.type) ? .text : field.type),
                .unwrap(field.type == .email ? "email" : field.type == .url ? "url" : nil) {
                    .attribute(named: "inputmode", value: $0.attributeEscaped)
                },
                .unwrap(field.type == .password ? nil : field.value) { .value($0.attributeEscaped) },
                .unwrap(field.autocomplete) { .attribute(named: "autocomplete", value: $0.attributeEscaped) },
                .unwrap(field.spellcheck) { .spellcheck($0) },
                .unwrap(describedBy.isEmpty ? nil : describedBy) {
                    .attribute(named: "aria-describedby", value: $0.attributeEscaped)
                },
                .unwrap(error) { _ in .attribute(named: "aria-invalid", value: "true") }
            )
        )
    }

    /// A date in day, month and year boxes (the GOV.UK date input), read back by
    /// `FormInput.date`. `value` is "2026-03-27", or what was typed, joined by dashes. The day box
    /// carries the field's name as its id, so the error summary's link lands in it.
    static func dateInput(
        name: String, legend: String, value: String, hint: String = "For example, 27 3 2026", errors: FormErrors
    ) -> Node<HTML.FormContext> {
        let error = errors[name]
        let hintID = "\(name)-hint"
        let errorID = "\(name)-error"
        let describedBy = [hintID, error == nil ? nil : errorID].compactMap { $0 }.joined(separator: " ")
        let parts = value.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        // A number is shown as a person writes it, without a leading zero.
        func shown(_ index: Int) -> String {
            guard parts.count == 3 else { return "" }
            return Int(parts[index]).map(String.init) ?? parts[index]
        }
        func box(_ id: String, _ label: String, _ value: String, width: String) -> Node<HTML.FormContext> {
            .div(
                .class("date-input__item"),
                .label(.class("label date-input__label"), .for(id), .plainText(label)),
                .input(
                    .class(
                        ["input", width, error == nil ? nil : "input--error"].compactMap { $0 }.joined(separator: " ")),
                    .id(id), .name(id == name ? "\(name)-day" : id), .type(.text),
                    .attribute(named: "inputmode", value: "numeric"),
                    .unwrap(value.isEmpty ? nil : value) { .value($0.attributeEscaped) },
                    .unwrap(error) { _ in .attribute(named: "aria-invalid", value: "true") })
            )
        }
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .fieldset(
                .class("fieldset"), .attribute(named: "role", value: "group"),
                .attribute(named: "aria-describedby", value: describedBy.attributeEscaped),
                .element(named: "legend", nodes: [.class("fieldset__legend"), .plainText(legend)]),
                .div(.id(hintID), .class("hint"), .plainText(hint)),
                .unwrap(error) { message in
                    .p(
                        .id(errorID), .class("error-message"),
                        .span(.class("visually-hidden"), .plainText("Error: ")), .plainText(message))
                },
                .div(
                    .class("date-input"),
                    box(name, "Day", shown(2), width: "input--width-2"),
                    box("\(name)-month", "Month", shown(1), width: "input--width-2"),
                    box("\(name)-year", "Year", shown(0), width: "input--width-4"))
            )
        )
    }

    static func submit(_ text: String, secondary: Bool = false) -> Node<HTML.FormContext> {
        .button(.type(.submit), .class(secondary ? "button button--secondary" : "button"), .plainText(text))
    }
}

extension Forms {
    /// A group of checkboxes in a fieldset with a legend (GOV.UK "checkboxes").
    static func checkboxes(
        name: String, legend: String, hint: String? = nil, options: [(value: String, label: String)],
        checked: Set<String>, errors: FormErrors, groupID: String? = nil
    ) -> Node<HTML.FormContext> {
        let prefix = name
        let error =
            (groupID.flatMap { errors[$0] }) ?? errors[name]
            ?? options.lazy.compactMap { errors["\(prefix)-\($0.value)"] }.first
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .unwrap(groupID) { .id($0.attributeEscaped) },
            .fieldset(
                .class("fieldset"),
                .element(named: "legend", nodes: [.class("fieldset__legend"), .plainText(legend)]),
                .unwrap(hint) { .div(.class("hint"), .plainText($0)) },
                .unwrap(error) { message in
                    .p(
                        .class("error-message"), .span(.class("visually-hidden"), .plainText("Error: ")),
                        .plainText(message))
                },
                .div(
                    .class("checkboxes"),
                    .forEach(options) { option in
                        .div(
                            .class("checkboxes__item"),
                            .input(
                                .class("checkboxes__input"), .type(.checkbox),
                                .id("\(prefix)-\(option.value)".attributeEscaped),
                                .name("\(name)[]".attributeEscaped),
                                .value(option.value.attributeEscaped),
                                .unwrap(checked.contains(option.value) ? true : nil) { _ in .checked(true) }
                            ),
                            .label(
                                .class("checkboxes__label"), .for("\(prefix)-\(option.value)".attributeEscaped),
                                .plainText(option.label))
                        )
                    }
                )
            )
        )
    }

    /// One choice from a few, as radios in a fieldset (GOV.UK "radios").
    static func radios(
        name: String, legend: String, options: [(value: String, label: String, hint: String?)], selected: String,
        errors: FormErrors
    ) -> Node<HTML.FormContext> {
        let error = errors["\(name)-\(options.first?.value ?? "")"] ?? errors[name]
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .fieldset(
                .class("fieldset"),
                .element(named: "legend", nodes: [.class("fieldset__legend"), .plainText(legend)]),
                .unwrap(error) { message in
                    .p(
                        .class("error-message"), .span(.class("visually-hidden"), .plainText("Error: ")),
                        .plainText(message))
                },
                .div(
                    .class("radios"),
                    .forEach(options) { option in
                        .div(
                            .class("radios__item"),
                            .input(
                                .class("radios__input"), .type(.radio),
                                .id("\(name)-\(option.value)".attributeEscaped),
                                .name(name.attributeEscaped),
                                .value(option.value.attributeEscaped),
                                .unwrap(selected == option.value ? true : nil) { _ in .checked(true) }
                            ),
                            .label(
                                .class("radios__label"), .for("\(name)-\(option.value)".attributeEscaped),
                                .plainText(option.label)),
                            .unwrap(option.hint) { .div(.class("hint radios__hint"), .plainText($0)) }
                        )
                    }
                )
            )
        )
    }

    /// A multi-line text box.
    static func textarea(
        name: String, id: String? = nil, label: String, value: String, hint: String? = nil, rows: Int = 6,
        errors: FormErrors
    ) -> Node<HTML.FormContext> {
        let id = id ?? name
        let error = errors[id]
        let describedBy = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"].compactMap { $0 }
            .joined(separator: " ")
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .label(.class("label"), .for(id.attributeEscaped), .plainText(label)),
            .unwrap(hint) { .div(.id("\(id)-hint".attributeEscaped), .class("hint"), .plainText($0)) },
            .unwrap(error) { message in
                .p(
                    .id("\(id)-error".attributeEscaped), .class("error-message"),
                    .span(.class("visually-hidden"), .plainText("Error: ")), .plainText(message))
            },
            .textarea(
                .class(error == nil ? "textarea" : "textarea textarea--error"),
                .id(id.attributeEscaped), .name(name.attributeEscaped), .rows(rows),
                .unwrap(describedBy.isEmpty ? nil : describedBy) {
                    .attribute(named: "aria-describedby", value: $0.attributeEscaped)
                },
                .plainText(value)
            )
        )
    }
}

extension Forms {
    /// The first, empty choice of a select ("Any", "Choose one"). Plot drops empty attribute values,
    /// and an option without a value submits its text, so the empty value is written out explicitly.
    static func emptyOption<Context>(_ text: String) -> Node<Context> {
        .element(
            named: "option",
            nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .plainText(text)])
    }
}

extension Forms {
    /// A labelled select whose first choice is empty ("Any", "Choose one").
    static func select(
        name: String, label: String, empty: String, options: [(value: String, label: String)], selected: String?,
        error: String? = nil
    ) -> Node<HTML.FormContext> {
        .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .label(.class("label"), .for(name.attributeEscaped), .plainText(label)),
            .unwrap(error) { message in
                .p(
                    .id("\(name)-error".attributeEscaped), .class("error-message"),
                    .span(.class("visually-hidden"), .plainText("Error: ")), .plainText(message))
            },
            .select(
                .class("select"), .id(name.attributeEscaped), .attribute(named: "name", value: name.attributeEscaped),
                emptyOption(empty),
                .raw(optionsHTML(options, selected: selected))
            )
        )
    }

    /// The options written straight into one string: a select may list hundreds (every council
    /// area), and building a Plot node for each cost more than the rest of its page.
    static func optionsHTML(_ options: [(value: String, label: String)], selected: String?) -> String {
        var html = ""
        html.reserveCapacity(options.count * 48)
        for option in options {
            html += "<option value=\""
            html += option.value.attributeEscaped
            html += option.value == selected ? "\" selected=\"selected\">" : "\">"
            html += option.label.textEscaped
            html += "</option>"
        }
        return html
    }

    /// One yes-or-no checkbox, sent as `name=yes` when ticked.
    static func checkbox(name: String, label: String, checked: Bool) -> Node<HTML.FormContext> {
        .div(
            .class("form-group checkboxes"),
            .div(
                .class("checkboxes__item"),
                .input(
                    .class("checkboxes__input"), .type(.checkbox), .id(name.attributeEscaped),
                    .name(name.attributeEscaped), .value("yes"),
                    .unwrap(checked ? true : nil) { _ in .checked(true) }),
                .label(.class("checkboxes__label"), .for(name.attributeEscaped), .plainText(label))
            ))
    }
}
