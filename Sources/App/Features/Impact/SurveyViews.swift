import Foundation
import Plot
import Statistics
import Vapor

enum SurveyViews {
    static let consentStatement = "Your answers are anonymous: we never ask your name. The project will use them, added up with everyone else's, to see what difference its work makes. You can skip any question, and stop at any time."

    static func form(_ request: Request, survey: Survey, submissionKey: String, participantCode: String = "", consented: Bool = false,
                     typed: [String: String] = [:], errors: FormErrors = .init()) -> HTML {
        let indicators = survey.indicators
        return Layout(title: survey.title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(survey.title)),
            .p(.class("lead"), .plainText("\(indicators.count) question\(indicators.count == 1 ? "" : "s"). It takes a few minutes.")),
            .form(
                .method(.post), .action(SiteURL.answerSurvey(survey.token).path.attributeEscaped),
                Forms.csrfField(request),
                Forms.hidden("submission_key", submissionKey),
                .div(.class("inset"), .p(.plainText(consentStatement))),
                Forms.checkboxes(name: "consent_box", legend: "Your agreement", options: [("yes", "I agree to answer on these terms")],
                                 checked: consented ? ["yes"] : [], errors: errors.renamed("consent", to: "consent_box-yes")),
                Forms.input(.init(name: "participant_code", label: "Your code",
                                  value: participantCode,
                                  hint: "Choose a code you will remember, such as a word and a number (river-42), and use the same one next time. It links your answers before and after without your name. Please do not use your name.",
                                  autocomplete: "off", width: "input--width-10", spellcheck: false), errors: errors),
                .forEach(Array(indicators.enumerated())) { index, indicator in
                    question(indicator, number: index + 1, of: indicators.count, typed: typed[indicator.code] ?? "", errors: errors)
                },
                Forms.submit("Send my answers")
            )
        )
    }

    private static func question(_ indicator: LibraryIndicator, number: Int, of total: Int, typed: String, errors: FormErrors) -> Node<HTML.FormContext> {
        let name = "answer_\(indicator.code)"
        if indicator.isScaleFrom0To100 {
            return Forms.input(.init(name: name, label: "Question \(number) of \(total): \(indicator.question)", type: .number, value: typed,
                                     hint: "A number from 0 to 100.", width: "input--width-5"), errors: errors)
        }
        return Forms.radios(name: name, legend: "Question \(number) of \(total): \(indicator.question)",
                            options: indicator.choices.map { (formatted($0.value), $0.label, nil) }, selected: typed,
                            errors: errors.renamed(name, to: "\(name)-\(formatted(indicator.choices.first?.value ?? 0))"))
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func thanks(_ request: Request, survey: Survey) -> HTML {
        Layout(title: "Thank you", request: request).render(
            .div(.class("panel-confirmation"),
                 .h1(.plainText("Thank you")),
                 .p(.plainText("Your answers to \u{201C}\(survey.title)\u{201D} have been sent."))),
            .p(.plainText("Remember your code: you will be asked for it if there is a survey after the project."))
        )
    }

    static func closed(_ request: Request, survey: Survey) -> HTML {
        Layout(title: "This survey is closed", request: request).render(
            .h1(.plainText("This survey is closed")),
            .p(.plainText(survey.opensOn.map { $0 > UKDate.today() ? "It opens on \($0)." : "" } ?? "")),
            .p(.plainText("Answers are taken only while a survey is open. If you think this is a mistake, ask the people who sent you the link."))
        )
    }

    static func analysis(_ request: Request, project: Project, report: AnalysisReport, isPublic: Bool, pairCounts: [String: [SVGCharts.PairCount]]) -> HTML {
        Layout(title: "What the answers show: \(project.name)", request: request).render(
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .h1(.plainText("What the answers show")),
            .p(.class("lead"), .plainText("Each person's answers before and after are paired by their code. Numbers are shown only where there are enough answers to mean something.")),
            .if(isPublic, .p(.class("inset"), .plainText("You are seeing the figures as published beyond the organisation: counts are rounded to the nearest 5, small counts are hidden, and averages need at least 10 people."))),
            .if(report.indicators.isEmpty, .p(.plainText("No answers yet."))),
            .forEach(report.indicators) { indicator in
                let change = indicator.change
                let name = IndicatorCatalogue.indicator(change.indicator).map { "\($0.code): \($0.construct)" } ?? change.indicator
                return .section(
                    .class("analysis"),
                    .h2(.plainText(name)),
                    .p(.strong(.plainText(change.summary))),
                    .table(
                        .class("table"),
                        .caption(.class("visually-hidden"), .plainText("Figures for \(name)")),
                        .tbody(
                            row("People with answers before and after", number(change.nPairs)),
                            row("Improved / stayed the same / got worse", [change.improved, change.same, change.worse].map(number).joined(separator: " / ")),
                            row("Middle answer before and after", "\(decimal(change.medianBefore)) → \(decimal(change.medianAfter))"),
                            row("Average change (95% interval)", decimal(change.meanChange) + (change.ci95MeanChange.map { " (\(decimal($0.first)) to \(decimal($0.last)))" } ?? "")),
                            row("Wilcoxon signed-rank test", change.wilcoxon.map { "p = \(decimal($0.p, places: 3)) (\($0.method))" } ?? "not possible with this many answers")
                        )
                    ),
                    .unwrap(pairCounts[change.indicator].flatMap { $0.isEmpty ? nil : $0 }) { pairs in
                        pairedChart(indicatorCode: change.indicator, name: name, pairs: pairs)
                    }
                )
            }
        )
    }

    private static func pairedChart(indicatorCode: String, name: String, pairs: [SVGCharts.PairCount]) -> Node<HTML.BodyContext> {
        let indicator = IndicatorCatalogue.indicator(indicatorCode)
        let values = indicator?.choices.map(\.value) ?? []
        let low = min(values.min() ?? 0, pairs.map { min($0.before, $0.after) }.min() ?? 0)
        let high = max(values.max() ?? 1, pairs.map { max($0.before, $0.after) }.max() ?? 1)
        let id = "chart-" + indicatorCode.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        let people = pairs.map(\.count).reduce(0, +)
        let svg = SVGCharts.pairedDotPlot(pairs, scale: low...high, lowerIsBetter: indicator?.lowerIsBetter ?? false, id: id,
                                          title: "How each person's answer to \(name) changed",
                                          description: "One line for each move from an answer before to an answer after, \(people) people in all; thicker lines are moves more people made. The table below gives the same numbers.")
        return .div(
            .class("chart-block"),
            .h3(.plainText("Each person's change")),
            .raw(svg),
            .table(
                .class("table"),
                .caption(.plainText("The same moves as numbers")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .plainText("Before")), .th(.attribute(named: "scope", value: "col"), .plainText("After")), .th(.attribute(named: "scope", value: "col"), .plainText("People")))),
                .tbody(.forEach(pairs) { pair in
                    .tr(.td(.plainText(decimal(pair.before, places: 0))), .td(.plainText(decimal(pair.after, places: 0))), .td(.plainText(String(pair.count))))
                })
            )
        )
    }

    private static func row(_ label: String, _ value: String) -> Node<HTML.TableContext> {
        .tr(.th(.attribute(named: "scope", value: "row"), .plainText(label)), .td(.plainText(value)))
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    private static func decimal(_ value: Double?, places: Int = 2) -> String {
        guard let value else { return "–" }
        return String(format: "%.\(places)f", value)
    }
}
