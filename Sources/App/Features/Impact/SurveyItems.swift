import Fluent
import SQLKit
import Vapor

/// A question a survey adds of its own, beside the indicators: a choice, a scale or a short text.
/// Its answers are kept under the code `Q1`, `Q2`, … in the order the questions were added.
final class SurveyQuestion: Model, @unchecked Sendable {
    static let schema = "survey_questions"

    enum Kind: String, CaseIterable, Codable, Sendable {
        case choice, scale, text

        var label: String {
            switch self {
            case .choice: return "Choose one answer from a list"
            case .scale: return "A number on a scale, such as 1 to 5"
            case .text: return "A short written answer"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @Field(key: "position") var position: Int
    @Field(key: "kind") var kind: Kind
    @Field(key: "wording") var wording: String
    /// The answers of a choice question, one per line.
    @Field(key: "options") var options: String
    @OptionalField(key: "scale_from") var scaleFrom: Int?
    @OptionalField(key: "scale_to") var scaleTo: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $survey, $position, $kind, $wording, $options, $scaleFrom, $scaleTo, $createdAt]
    }

    var code: String { "Q\(position)" }
}

/// A short written answer to a survey's own question. Kept apart from the numbered answers, and
/// shown only inside the organisation: people's own words can identify them.
final class SurveyTextAnswer: Model, @unchecked Sendable {
    static let schema = "survey_text_answers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "response_id") var response: SurveyResponse
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "item_code") var itemCode: String
    @Field(key: "text") var text: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $response, $surveyID, $itemCode, $text] }
}

/// One item of a survey in another language: its title, the consent statement, a question or an answer.
final class SurveyTranslation: Model, @unchecked Sendable {
    static let schema = "survey_translations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @Field(key: "language") var language: String
    @Field(key: "item_key") var itemKey: String
    @Field(key: "text") var text: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $survey, $language, $itemKey, $text] }
}

/// Community languages a survey can be translated into, with their own names so a person can
/// find theirs, and the writing direction the form must use.
struct SurveyLanguage: Sendable, Equatable {
    let code: String
    let englishName: String
    let ownName: String
    let rightToLeft: Bool

    static let english = SurveyLanguage(code: "en", englishName: "English", ownName: "English", rightToLeft: false)

    static let all: [SurveyLanguage] = [
        .init(code: "ar", englishName: "Arabic", ownName: "العربية", rightToLeft: true),
        .init(code: "bn", englishName: "Bengali", ownName: "বাংলা", rightToLeft: false),
        .init(code: "cy", englishName: "Welsh", ownName: "Cymraeg", rightToLeft: false),
        .init(code: "fa", englishName: "Persian", ownName: "فارسی", rightToLeft: true),
        .init(code: "gu", englishName: "Gujarati", ownName: "ગુજરાતી", rightToLeft: false),
        .init(code: "pa", englishName: "Punjabi", ownName: "ਪੰਜਾਬੀ", rightToLeft: false),
        .init(code: "pl", englishName: "Polish", ownName: "Polski", rightToLeft: false),
        .init(code: "pt", englishName: "Portuguese", ownName: "Português", rightToLeft: false),
        .init(code: "ro", englishName: "Romanian", ownName: "Română", rightToLeft: false),
        .init(code: "so", englishName: "Somali", ownName: "Soomaali", rightToLeft: false),
        .init(code: "ti", englishName: "Tigrinya", ownName: "ትግርኛ", rightToLeft: false),
        .init(code: "tr", englishName: "Turkish", ownName: "Türkçe", rightToLeft: false),
        .init(code: "uk", englishName: "Ukrainian", ownName: "Українська", rightToLeft: false),
        .init(code: "ur", englishName: "Urdu", ownName: "اردو", rightToLeft: true),
    ]

    static func named(_ code: String) -> SurveyLanguage? { all.first { $0.code == code } }
}

/// One thing a survey asks, whether from the indicator library, the organisation's own indicators
/// or the survey's own questions, in the language the person reads it in.
struct SurveyItem: Sendable {
    enum Answer: Sendable {
        /// Choices with the number each records; `ordered` when they run from one end to the other.
        case choices([(label: String, value: Double)], ordered: Bool)
        case number(ClosedRange<Double>)
        case text
    }

    let code: String
    let question: String
    let answer: Answer
    let lowerIsBetter: Bool
    let indicator: LibraryIndicator?
    /// For a scale of several questions, each question as asked, under codes such as
    /// `ANXIETY-RELAXED`; the item's own code then holds the score made from them.
    let parts: [SurveyItem]
    let scoring: LibraryIndicator.Scoring
    /// A part scored the other way round.
    let isReversed: Bool

    /// What a person answers for this item: its parts, or the item itself.
    var asked: [SurveyItem] { parts.isEmpty ? [self] : parts }

    /// The score made from the parts' answers, or `nil` when too few were given to make one.
    func score(_ values: [String: Double]) -> Double? {
        guard !parts.isEmpty else { return values[code] }
        let answered: [Double] = parts.compactMap { part in
            guard let value = values[part.code] else { return nil }
            guard part.isReversed, case .choices(let choices, _) = part.answer,
                let low = choices.map(\.value).min(), let high = choices.map(\.value).max()
            else { return value }
            return low + high - value
        }
        switch scoring {
        case .oneAnswer:
            return nil
        case .averageOfParts:
            guard answered.count * 2 >= parts.count else { return nil }
            return answered.reduce(0, +) / Double(answered.count)
        case .numberOfYes:
            guard answered.count == parts.count else { return nil }
            return answered.reduce(0, +)
        }
    }

    /// Whether answers run from one end to the other, so a move between them is better or worse.
    var isOrdered: Bool {
        switch answer {
        case .choices(_, let ordered): return ordered
        case .number: return true
        case .text: return false
        }
    }

    /// Whether a "how were you before" answer can be asked and compared.
    var isMeasured: Bool {
        if case .text = answer { return false }
        return true
    }

    func accepts(_ value: Double) -> Bool {
        switch answer {
        case .choices(let choices, _): return choices.contains { $0.value == value }
        case .number(let range): return value.isFinite && range.contains(value)
        case .text: return false
        }
    }

    /// The item with its words in another language, where a translation was added.
    func translated(_ words: [String: String]) -> SurveyItem {
        guard !words.isEmpty else { return self }
        var answer = self.answer
        if case .choices(let choices, let ordered) = answer {
            answer = .choices(
                choices.enumerated().map { index, choice in
                    (words["\(code).\(index + 1)"] ?? choice.label, choice.value)
                }, ordered: ordered)
        }
        return SurveyItem(
            code: code, question: words[code] ?? question, answer: answer, lowerIsBetter: lowerIsBetter,
            indicator: indicator, parts: parts.map { $0.translated(words) }, scoring: scoring, isReversed: isReversed)
    }

    init(
        code: String, question: String, answer: Answer, lowerIsBetter: Bool, indicator: LibraryIndicator?,
        parts: [SurveyItem] = [], scoring: LibraryIndicator.Scoring = .oneAnswer, isReversed: Bool = false
    ) {
        self.code = code
        self.question = question
        self.answer = answer
        self.lowerIsBetter = lowerIsBetter
        self.indicator = indicator
        self.parts = parts
        self.scoring = scoring
        self.isReversed = isReversed
    }

    init(_ indicator: LibraryIndicator) {
        guard !indicator.parts.isEmpty else {
            self.init(
                code: indicator.code, question: indicator.question,
                answer: indicator.isScaleFrom0To100 ? .number(0...100) : .choices(indicator.choices, ordered: true),
                lowerIsBetter: indicator.lowerIsBetter, indicator: indicator)
            return
        }
        let parts = indicator.parts.map { part in
            SurveyItem(
                code: "\(indicator.code)-\(part.key)",
                question: LibraryIndicator.participantWords(indicator.wording + " " + part.wording),
                answer: .choices(LibraryIndicator.choices(for: part.answers), ordered: true),
                lowerIsBetter: indicator.lowerIsBetter, indicator: indicator, isReversed: part.isReversed)
        }
        let values = parts.flatMap { part -> [Double] in
            guard case .choices(let choices, _) = part.answer else { return [] }
            return choices.map(\.value)
        }
        let range: ClosedRange<Double> =
            indicator.scoring == .numberOfYes
            ? 0...Double(parts.count) : (values.min() ?? 0)...(values.max() ?? 0)
        self.init(
            code: indicator.code, question: indicator.question, answer: .number(range),
            lowerIsBetter: indicator.lowerIsBetter, indicator: indicator, parts: parts, scoring: indicator.scoring)
    }

    init(_ question: SurveyQuestion) {
        let answer: Answer
        switch question.kind {
        case .choice:
            answer = .choices(
                Project.lines(question.options).enumerated().map { ($0.element, Double($0.offset + 1)) }, ordered: false
            )
        case .scale:
            let from = question.scaleFrom ?? 1
            let to = question.scaleTo ?? 5
            answer = .choices((from...max(from, to)).reversed().map { (String($0), Double($0)) }, ordered: true)
        case .text:
            answer = .text
        }
        self.init(code: question.code, question: question.wording, answer: answer, lowerIsBetter: false, indicator: nil)
    }
}

extension Survey {
    /// Everything the survey asks, indicators first, then its own questions in order.
    func items(lookup: IndicatorLookup, questions: [SurveyQuestion]) -> [SurveyItem] {
        indicators(lookup).map(SurveyItem.init) + questions.sorted { $0.position < $1.position }.map(SurveyItem.init)
    }

    /// The survey's items, questions and translations, read together.
    func contents(on db: Database) async throws -> SurveyContents {
        let surveyID = try requireID()
        let project = try await $project.get(on: db)
        let lookup = try await IndicatorLookup.forOrganisation(project.$organisation.id, on: db)
        let questions = try await SurveyQuestion.query(on: db).filter(\.$survey.$id == surveyID).sort(\.$position).all()
        let translations = try await SurveyTranslation.query(on: db).filter(\.$survey.$id == surveyID).all()
        let organisation = try await Organisation.find(project.$organisation.id, on: db)
        return SurveyContents(
            survey: self, project: project, organisationName: organisation?.name ?? "",
            items: items(lookup: lookup, questions: questions), questions: questions,
            translations: Dictionary(grouping: translations, by: \.language).mapValues {
                Dictionary($0.map { ($0.itemKey, $0.text) }, uniquingKeysWith: { first, _ in first })
            })
    }
}

/// A survey with all it asks, ready to show or to check answers against.
struct SurveyContents: Sendable {
    let survey: Survey
    let project: Project
    /// The organisation asking, named on the form.
    let organisationName: String
    let items: [SurveyItem]
    let questions: [SurveyQuestion]
    /// language → item key → words.
    let translations: [String: [String: String]]

    var languages: [SurveyLanguage] { SurveyLanguage.all.filter { translations[$0.code]?.isEmpty == false } }

    func items(in language: SurveyLanguage) -> [SurveyItem] {
        items.map { $0.translated(translations[language.code] ?? [:]) }
    }

    /// Every question a person answers, in order: a scale of several questions gives one each.
    func asked(in language: SurveyLanguage = .english) -> [SurveyItem] {
        items(in: language).flatMap(\.asked)
    }

    func words(_ key: String, in language: SurveyLanguage, otherwise english: String) -> String {
        translations[language.code]?[key] ?? english
    }

    /// Whether a translation into this language gives its own words for this piece.
    func isTranslated(_ key: String, in language: SurveyLanguage) -> Bool {
        translations[language.code]?[key] != nil
    }
}

/// Answers read from a survey form, checked against its items. The same reading serves the public
/// form, a volunteer typing in a paper form, and the look-back page.
struct SurveyAnswerSheet: Sendable {
    var values: [String: Double] = [:]
    var thenValues: [String: Double] = [:]
    var texts: [String: String] = [:]
    /// What was typed, by field name, to show again after a problem.
    var typed: [String: String] = [:]

    static func read(_ input: FormInput, items: [SurveyItem], includeThen: Bool, into errors: inout FormErrors)
        -> SurveyAnswerSheet
    {
        var sheet = SurveyAnswerSheet()
        for item in items {
            for question in item.asked {
                sheet.readOne(input, item: question, field: "answer_\(question.code)", then: false, errors: &errors)
                if includeThen, question.isMeasured {
                    sheet.readOne(input, item: question, field: "then_\(question.code)", then: true, errors: &errors)
                }
            }
            // A scale of several questions is kept as its parts and as the score made from them.
            guard !item.parts.isEmpty else { continue }
            if let score = item.score(sheet.values) { sheet.values[item.code] = score }
            if let score = item.score(sheet.thenValues) { sheet.thenValues[item.code] = score }
        }
        return sheet
    }

    private mutating func readOne(
        _ input: FormInput, item: SurveyItem, field: String, then: Bool, errors: inout FormErrors
    ) {
        let raw = input.text(field, keepNewlines: item.isMeasured == false)
        typed[field] = raw
        guard !raw.isEmpty else { return }
        switch item.answer {
        case .text:
            if raw.count > 1000 {
                errors.add(field, "Your answer must be 1,000 characters or fewer")
            } else {
                texts[item.code] = raw
            }
        case .number(let range):
            if let number = Double(raw), item.accepts(number) {
                if then { thenValues[item.code] = number } else { values[item.code] = number }
            } else {
                errors.add(
                    field, "Enter a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)), or leave it empty"
                )
            }
        case .choices:
            if let number = Double(raw), item.accepts(number) {
                if then { thenValues[item.code] = number } else { values[item.code] = number }
            } else {
                errors.add(SurveyForm.firstOptionID(field, item), "Choose one of the answers")
            }
        }
    }

    var isEmpty: Bool { values.isEmpty && texts.isEmpty && thenValues.isEmpty }
}
