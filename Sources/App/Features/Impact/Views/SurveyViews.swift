import Foundation
import Plot

/// How a survey question is drawn on a form: radios for choices, a number box, a text box.
enum SurveyForm {
    /// The field an error links to: the first radio of a choice, or the box itself.
    static func firstOptionID(_ field: String, _ item: SurveyItem) -> String {
        if case .choices(let choices, _) = item.answer, let first = choices.first {
            return "\(field)-\(formatted(first.value))"
        }
        return field
    }

    static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func question(_ item: SurveyItem, field: String, label: String, typed: String, errors: FormErrors) -> Node<
        HTML.FormContext
    > {
        switch item.answer {
        case .number(let range):
            return Forms.input(
                .init(
                    name: field, label: label, type: .number, value: typed,
                    hint: "A number from \(Int(range.lowerBound)) to \(Int(range.upperBound)).", width: "input--width-5"
                ), errors: errors)
        case .text:
            return Forms.textarea(name: field, label: label, value: typed, rows: 3, errors: errors)
        case .choices(let choices, _):
            return Forms.radios(
                name: field, legend: label, options: choices.map { (formatted($0.value), $0.label, nil) },
                selected: typed, errors: errors)
        }
    }
}

/// Words and pieces the survey pages share.
enum SurveyViews {
    static let consentStatement =
        "Your answers are anonymous: we never ask your name. The project will use them, added up with everyone else's, to see what difference its work makes. You can skip any question, and stop at any time."
    static let lookBackIntro =
        "Now think back to before the project began. For each question, choose how you would have answered then."

    static func languageSwitch(
        _ contents: SurveyContents, current: SurveyLanguage, link: (SurveyLanguage) -> String
    ) -> Node<HTML.BodyContext> {
        .if(
            !contents.languages.isEmpty,
            .nav(
                .class("language-switch"), .attribute(named: "aria-label", value: "Languages"),
                .ul(
                    .class("inline-list"),
                    .forEach([SurveyLanguage.english] + contents.languages) { language in
                        .li(
                            language == current
                                ? .strong(
                                    .attribute(named: "lang", value: language.code.attributeEscaped),
                                    .plainText(language.ownName))
                                : .a(
                                    .href(link(language).attributeEscaped),
                                    .attribute(named: "lang", value: language.code.attributeEscaped),
                                    .attribute(named: "hreflang", value: language.code.attributeEscaped),
                                    .plainText(
                                        language.ownName + (language == .english ? "" : " (\(language.englishName))"))))
                    })
            ))
    }

    /// Every piece of a survey a person reads, with its key and English words.
    static func translatableEntries(_ contents: SurveyContents) -> [(key: String, english: String)] {
        var entries: [(String, String)] = [("title", contents.survey.title), ("consent", consentStatement)]
        if contents.survey.mode.asksThen { entries.append(("then", lookBackIntro)) }
        for item in contents.asked() {
            entries.append((item.code, item.question))
            // Numbers need no translation; worded answers do.
            if case .choices(let choices, _) = item.answer, !choices.allSatisfy({ Double($0.label) != nil }) {
                for (index, choice) in choices.enumerated() {
                    entries.append(("\(item.code).\(index + 1)", choice.label))
                }
            }
        }
        return entries
    }
}
