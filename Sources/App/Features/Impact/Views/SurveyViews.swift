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

    /// `numberHint` gives the hint of a number box in the reader's language, from its range.
    static func question(
        _ item: SurveyItem, field: String, label: String, typed: String, errors: FormErrors,
        numberHint: (ClosedRange<Double>) -> String = SurveyViews.englishNumberHint
    ) -> Node<HTML.FormContext> {
        switch item.answer {
        case .number(let range):
            return Forms.input(
                .init(
                    name: field, label: label, type: .number, value: typed, hint: numberHint(range),
                    width: "input--width-5"), errors: errors)
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

    static func englishNumberHint(_ range: ClosedRange<Double>) -> String {
        "A number from \(Int(range.lowerBound)) to \(Int(range.upperBound))."
    }

    /// Every piece of a survey a person reads, with its key and English words: the title, the
    /// terms, the form's own labels, hints and buttons, and each question and answer.
    static func translatableEntries(_ contents: SurveyContents) -> [(key: String, english: String)] {
        var entries: [(String, String)] = [("title", contents.survey.title), ("consent", consentStatement)]
        if contents.survey.mode.asksThen { entries.append(("then", lookBackIntro)) }
        for word in SurveyFormWord.allCases where word.isUsed(by: contents) {
            entries.append((word.rawValue, word.english(contents)))
        }
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

/// The form's own words, beside its questions: labels, hints, buttons and the thank-you page. A
/// translation can give each in another language; `{…}` marks where a name or number goes, and a
/// translation keeps it.
enum SurveyFormWord: String, CaseIterable, Sendable {
    case askedBy = "ui.asked-by"
    case length = "ui.length"
    case agreement = "ui.agreement"
    case agree = "ui.agree"
    case code = "ui.code"
    case codeHint = "ui.code-hint"
    case question = "ui.question"
    case numberHint = "ui.number-hint"
    case page = "ui.page"
    case continueButton = "ui.continue"
    case lookingBack = "ui.looking-back"
    case lookBackQuestion = "ui.look-back-question"
    case send = "ui.send"
    case thanks = "ui.thanks"
    case sent = "ui.sent"
    case remember = "ui.remember"
    case noMatch = "ui.no-match"

    func isUsed(by contents: SurveyContents) -> Bool {
        let mode = contents.survey.mode
        switch self {
        case .code, .codeHint: return mode.asksForCode
        case .page, .continueButton, .lookingBack, .lookBackQuestion: return mode.asksThen
        case .remember: return mode == .before
        case .noMatch: return mode.pairsWithBefore
        case .numberHint:
            return contents.asked().contains { if case .number = $0.answer { return true } else { return false } }
        default: return true
        }
    }

    func english(_ contents: SurveyContents) -> String {
        let mode = contents.survey.mode
        switch self {
        case .askedBy:
            return
                "Asked by {organisation} for its project {project}. Only the organisation sees your answers one by one; anything shown beyond it is added up with everyone else's."
        case .length: return "{total} questions. It takes a few minutes."
        case .agreement: return "Your agreement"
        case .agree: return "I agree to answer on these terms"
        case .code:
            switch mode {
            case .after: return "The code you used last time"
            case .afterWithThen: return "The code you used last time (optional)"
            default: return "Your code"
            }
        case .codeHint: return Self.codeHint(mode, organisationHint: contents.project.codeHint)
        case .question: return "Question {number} of {total}"
        case .numberHint: return "A number from {from} to {to}."
        case .page: return "Page {number} of {total}"
        case .continueButton: return "Continue"
        case .lookingBack: return "Looking back"
        case .lookBackQuestion: return "Before the project, question {number} of {total}"
        case .send: return "Send my answers"
        case .thanks: return "Thank you"
        case .sent: return "Your answers to \u{201C}{title}\u{201D} have been sent."
        case .remember: return "Remember your code: you will be asked for it in the survey after the project."
        case .noMatch:
            return
                "Your answers are saved under the code you confirmed. If it matches no answers from before the project, they cannot be compared with how things were then, but they still count among everyone's answers after it."
        }
    }

    /// The places in the words where a name or number goes: "{total}", "{project}".
    static func placeholders(in words: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(words)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The words with each `{name}` replaced once, left to right, so a name that itself holds
    /// braces is never filled in again.
    static func fill(_ words: String, with values: [String: String]) -> String {
        var result = ""
        var rest = Substring(words)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Before: how to make a code. After: to use the same one again. Either way with the
    /// organisation's own hint, which is how a person finds their code again.
    private static func codeHint(_ mode: Survey.Mode, organisationHint: String?) -> String {
        let making =
            mode.pairsWithBefore
            ? "Give the same code you gave in the survey before the project, so your answers can be compared."
            : "Choose a code you will remember and use the same one each time. It links your answers without your name; please do not use your name."
        let example =
            organisationHint.map { " " + ($0.hasSuffix(".") ? $0 : $0 + ".") }
            ?? " For example a word and a number, such as river-42."
        let optional = mode.requiresCode ? "" : " Leave it empty if you did not answer a survey before the project."
        return making + example + optional
    }
}

extension SurveyContents {
    /// One of the form's own words in the reader's language, with its names and numbers filled in.
    func text(_ word: SurveyFormWord, in language: SurveyLanguage, _ values: [String: String] = [:]) -> String {
        var english = word.english(self)
        // English says "1 question"; a translation says it its own way.
        if word == .length, values["total"] == "1", !isTranslated(word.rawValue, in: language) {
            english = "1 question. It takes a few minutes."
        }
        let filled = values.merging([
            "organisation": organisationName, "project": project.name,
            "title": words("title", in: language, otherwise: survey.title),
        ]) { own, _ in own }
        return SurveyFormWord.fill(words(word.rawValue, in: language, otherwise: english), with: filled)
    }
}
