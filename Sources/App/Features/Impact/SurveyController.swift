import Fluent
import Plot
import SQLKit
import Statistics
import Vapor

/// Surveys: opened by an organisation's admins for a project, answered by anyone with the link or
/// on paper (typed in by a volunteer), in the language a person reads best.
struct SurveyController {
    // MARK: Opening and building a survey

    func create(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        let organisation = try await project.$organisation.get(on: req.db)
        try req.authorize(.administerOrganisation, .organisation(try organisation.requireID()))
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        let available = Set(outcomes.flatMap { $0.indicators(lookup).map(\.code) })
        let title = req.formText("survey_title")
        let mode = req.formText("mode")
        let codes = ContentChecks.list(req, "survey_indicators")
        let opensOn = req.formText("opens_on")
        let closesOn = req.formText("closes_on")
        var errors = FormErrors()
        ContentChecks.required(title, field: "survey_title", label: "a title", max: 150, into: &errors)
        if Survey.Mode(rawValue: mode) == nil { errors.add("mode-before", "Choose when the survey is answered") }
        if codes.isEmpty && mode != Survey.Mode.feedback.rawValue {
            errors.add("survey_indicators", "Choose at least one of the project's indicators")
        }
        if !codes.isSubset(of: available) {
            errors.add("survey_indicators", "Choose indicators from the project's outcomes")
        }
        if !opensOn.isEmpty, UKDate.validated(opensOn) == nil {
            errors.add("opens_on", "Enter the date as year-month-day, for example 2026-03-27")
        }
        if !closesOn.isEmpty, UKDate.validated(closesOn) == nil {
            errors.add("closes_on", "Enter the date as year-month-day, for example 2026-03-27")
        }
        if let open = UKDate.validated(opensOn), let close = UKDate.validated(closesOn), close < open {
            errors.add("closes_on", "The closing date must be on or after the opening date")
        }
        guard errors.isEmpty else {
            return ProjectViews.show(
                req, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup, canEdit: true,
                surveys: try await project.surveys(on: req.db),
                surveyDraft: .init(title: title, mode: mode, codes: codes, opensOn: opensOn, closesOn: closesOn),
                errors: errors
            )
            .response(status: .unprocessableEntity)
        }
        let survey = Survey()
        survey.$project.id = try project.requireID()
        survey.title = title
        survey.mode = mode
        survey.token = Tokens.random()
        survey.indicatorCodes = lookup.all.map(\.code).filter { codes.contains($0) }.joined(separator: ",")
        survey.opensOn = UKDate.validated(opensOn)
        survey.closesOn = UKDate.validated(closesOn)
        try await survey.create(on: req.db)
        return req.redirect(
            to: SiteURL.survey(project.slug, try survey.requireID()).with(query: [
                "notice": Notice.surveyOpened.rawValue
            ]))
    }

    /// The survey's own page for its organisation: the link, its questions, translations, paper.
    func manage(req: Request) async throws -> Response {
        let (project, survey) = try await Self.survey(inProject: req)
        try req.authorize(.workForOrganisation, .organisation(project.$organisation.id))
        return try await managePage(req, project: project, survey: survey).response()
    }

    func addQuestion(req: Request) async throws -> Response {
        let (project, survey) = try await Self.survey(inProject: req)
        try req.authorize(.administerOrganisation, .organisation(project.$organisation.id))
        var draft = SurveyViews.QuestionDraft(
            kind: req.formText("kind"), wording: req.formText("wording"),
            options: req.formText("options", keepNewlines: true),
            scaleFrom: req.formText("scale_from"), scaleTo: req.formText("scale_to"))
        var errors = FormErrors()
        let kind = SurveyQuestion.Kind(rawValue: draft.kind)
        if kind == nil { errors.add("kind-choice", "Choose the kind of answer") }
        ContentChecks.required(draft.wording, field: "wording", label: "the question", max: 500, into: &errors)
        if kind == .choice { IndicatorsController.checkAnswers(draft.options, field: "options", into: &errors) }
        var range: (Int, Int) = (1, 5)
        if kind == .scale {
            if draft.scaleFrom.isEmpty { draft.scaleFrom = "1" }
            if draft.scaleTo.isEmpty { draft.scaleTo = "5" }
            if let from = Int(draft.scaleFrom), let to = Int(draft.scaleTo), (0...1).contains(from),
                (3...10).contains(to)
            {
                range = (from, to)
            } else {
                errors.add("scale_from", "Choose a scale that starts at 0 or 1 and ends between 3 and 10")
            }
        }
        let surveyID = try survey.requireID()
        if try await SurveyResponse.query(on: req.db).filter(\.$survey.$id == surveyID).count() > 0 {
            errors.add(
                "wording",
                "This survey has answers already, so its questions are fixed. Open a new survey to ask something different"
            )
        }
        guard errors.isEmpty else {
            return try await managePage(req, project: project, survey: survey, questionDraft: draft, errors: errors)
                .response(status: .unprocessableEntity)
        }
        let last = try await SurveyQuestion.query(on: req.db).filter(\.$survey.$id == surveyID).sort(
            \.$position, .descending
        ).first()
        let question = SurveyQuestion()
        question.$survey.id = surveyID
        question.position = (last?.position ?? 0) + 1
        question.kind = draft.kind
        question.wording = draft.wording
        question.options = kind == .choice ? Project.lines(draft.options).joined(separator: "\n") : ""
        question.scaleFrom = kind == .scale ? range.0 : nil
        question.scaleTo = kind == .scale ? range.1 : nil
        try await question.create(on: req.db)
        return req.redirect(
            to: SiteURL.survey(project.slug, surveyID).with(query: ["notice": Notice.questionAdded.rawValue])
                + "#questions")
    }

    private func managePage(
        _ req: Request, project: Project, survey: Survey, questionDraft: SurveyViews.QuestionDraft = .init(),
        errors: FormErrors = .init()
    ) async throws -> HTML {
        let contents = try await survey.contents(on: req.db)
        let responses = try await SurveyResponse.query(on: req.db).filter(\.$survey.$id == survey.requireID()).count()
        let canEdit = Policy.can(req.currentUser, .administerOrganisation, .organisation(project.$organisation.id))
        return SurveyViews.manage(
            req, contents: contents, responses: responses, canEdit: canEdit, questionDraft: questionDraft,
            errors: errors)
    }

    // MARK: Translations

    func translationForm(req: Request) async throws -> Response {
        let (project, survey) = try await Self.survey(inProject: req)
        try req.authorize(.administerOrganisation, .organisation(project.$organisation.id))
        let contents = try await survey.contents(on: req.db)
        let language = SurveyLanguage.named(req.query[String.self, at: "lang"] ?? "")
        return SurveyViews.translation(
            req, contents: contents, language: language,
            typed: language.flatMap { contents.translations[$0.code] } ?? [:]
        ).response()
    }

    func saveTranslation(req: Request) async throws -> Response {
        let (project, survey) = try await Self.survey(inProject: req)
        try req.authorize(.administerOrganisation, .organisation(project.$organisation.id))
        let contents = try await survey.contents(on: req.db)
        guard let language = SurveyLanguage.named(req.formText("lang")) else {
            var errors = FormErrors()
            errors.add("lang", "Choose a language")
            return SurveyViews.translation(req, contents: contents, language: nil, typed: [:], errors: errors).response(
                status: .unprocessableEntity)
        }
        var typed: [String: String] = [:]
        var errors = FormErrors()
        for entry in SurveyViews.translatableEntries(contents) {
            let text = req.formText("t_\(entry.key)", keepNewlines: entry.key == "consent")
            typed[entry.key] = text
            if text.count > 1_000 { errors.add("t_\(entry.key)", "Each translation must be 1,000 characters or fewer") }
        }
        guard errors.isEmpty else {
            return SurveyViews.translation(req, contents: contents, language: language, typed: typed, errors: errors)
                .response(status: .unprocessableEntity)
        }
        let surveyID = try survey.requireID()
        let translations = typed
        try await req.db.transaction { db in
            try await SurveyTranslation.query(on: db).filter(\.$survey.$id == surveyID).filter(
                \.$language == language.code
            ).delete()
            for (key, text) in translations where !text.isEmpty {
                let translation = SurveyTranslation()
                translation.$survey.id = surveyID
                translation.language = language.code
                translation.itemKey = key
                translation.text = text
                try await translation.create(on: db)
            }
        }
        return req.redirect(
            to: SiteURL.survey(project.slug, surveyID).with(query: ["notice": Notice.translationSaved.rawValue])
                + "#translations")
    }

    // MARK: Answering

    func answerForm(req: Request) async throws -> Response {
        let survey = try await Self.survey(token: req)
        guard survey.isOpen() else { return SurveyViews.closed(req, survey: survey).response() }
        let contents = try await survey.contents(on: req.db)
        let language = Self.language(req.query[String.self, at: "lang"], in: contents)
        return SurveyViews.form(
            req, contents: contents, language: language, state: .init(submissionKey: Tokens.random())
        ).response()
    }

    func submit(req: Request) async throws -> Response {
        let survey = try await Self.survey(token: req)
        guard survey.isOpen() else { return SurveyViews.closed(req, survey: survey).response(status: .gone) }
        let contents = try await survey.contents(on: req.db)
        let language = Self.language(req.formText("lang"), in: contents)
        let mode = survey.surveyMode
        let onLookBackPage = mode.asksThen && req.formText("step") == "2"
        var state = SurveyViews.FormState(
            submissionKey: req.formText("submission_key"), participantCode: req.formText("participant_code"),
            consented: ContentChecks.list(req, "consent_box").contains("yes"))
        var errors = FormErrors()
        if state.submissionKey.count < 16 || state.submissionKey.count > 100 {
            errors.add("participant_code", "This form has expired. Open the survey link again")
            state.submissionKey = Tokens.random()
        }
        if !state.consented {
            errors.add(
                "consent_box-yes", "Tick the box to say you agree, or close this page if you would rather not answer")
        }
        Self.checkCode(state.participantCode, mode: mode, into: &errors)
        let sheet = SurveyAnswerSheet.read(req, items: contents.items, includeThen: onLookBackPage, into: &errors)
        state.typed = sheet.typed
        if errors.isEmpty && sheet.values.isEmpty && sheet.texts.isEmpty {
            errors.add("participant_code", "Answer at least one question")
        }
        guard errors.isEmpty else {
            // A problem on the look-back page keeps the person there; anything else goes back to the start.
            let page = onLookBackPage && errors.items.allSatisfy { $0.field.hasPrefix("then_") } ? 2 : 1
            return SurveyViews.form(
                req, contents: contents, language: language, state: state, page: page, errors: errors
            ).response(status: .unprocessableEntity)
        }
        if mode.asksThen && !onLookBackPage {
            return SurveyViews.form(req, contents: contents, language: language, state: state, page: 2).response()
        }
        try await Self.save(
            sheet, survey: survey, code: mode.asksForCode ? state.participantCode : "", key: state.submissionKey,
            enteredBy: nil, on: req.db)
        return SurveyViews.thanks(req, contents: contents, language: language).response()
    }

    // MARK: Paper

    func paperForm(req: Request) async throws -> Response {
        let (project, survey) = try await Self.survey(inProject: req)
        try req.authorize(.workForOrganisation, .organisation(project.$organisation.id))
        let contents = try await survey.contents(on: req.db)
        let language = Self.language(req.query[String.self, at: "lang"], in: contents)
        return SurveyViews.paper(req, contents: contents, language: language).response()
    }

    func paperAnswersForm(req: Request) async throws -> Response {
        let (project, survey) = try await Self.survey(inProject: req)
        try req.authorize(.workForOrganisation, .organisation(project.$organisation.id))
        let contents = try await survey.contents(on: req.db)
        return SurveyViews.paperEntry(
            req, contents: contents, state: .init(submissionKey: Tokens.random()),
            entered: try await Self.paperCount(survey, on: req.db)
        ).response()
    }

    func savePaperAnswers(req: Request) async throws -> Response {
        let (project, survey) = try await Self.survey(inProject: req)
        try req.authorize(.workForOrganisation, .organisation(project.$organisation.id))
        let contents = try await survey.contents(on: req.db)
        let mode = survey.surveyMode
        var state = SurveyViews.FormState(
            submissionKey: req.formText("submission_key"), participantCode: req.formText("participant_code"),
            consented: ContentChecks.list(req, "consent_box").contains("yes"))
        var errors = FormErrors()
        if state.submissionKey.count < 16 || state.submissionKey.count > 100 { state.submissionKey = Tokens.random() }
        if !state.consented {
            errors.add(
                "consent_box-yes",
                "Tick to confirm the person ticked the agreement on the paper form. Without it, the answers cannot be kept"
            )
        }
        Self.checkCode(state.participantCode, mode: mode, into: &errors)
        let sheet = SurveyAnswerSheet.read(req, items: contents.items, includeThen: mode.asksThen, into: &errors)
        state.typed = sheet.typed
        if errors.isEmpty && sheet.isEmpty {
            errors.add("participant_code", "Enter at least one answer from the paper form")
        }
        guard errors.isEmpty else {
            return SurveyViews.paperEntry(
                req, contents: contents, state: state, entered: try await Self.paperCount(survey, on: req.db),
                errors: errors
            )
            .response(status: .unprocessableEntity)
        }
        try await Self.save(
            sheet, survey: survey, code: mode.asksForCode ? state.participantCode : "", key: state.submissionKey,
            enteredBy: req.currentUser?.id, on: req.db)
        return req.redirect(
            to: SiteURL.paperAnswers(project.slug, try survey.requireID()).with(query: [
                "notice": Notice.paperAnswersSaved.rawValue
            ]))
    }

    // MARK: Shared

    private static func checkCode(_ code: String, mode: Survey.Mode, into errors: inout FormErrors) {
        guard mode.asksForCode, !(code.isEmpty && !mode.requiresCode) else { return }
        if code.range(of: #"^[A-Za-z0-9-]{3,20}$"#, options: .regularExpression) == nil {
            errors.add("participant_code", "Enter a code of 3 to 20 letters, numbers or dashes, for example river-42")
        }
    }

    /// Saves one person's answers once: a second press of submit sends the same key, and the
    /// first response stands.
    static func save(
        _ sheet: SurveyAnswerSheet, survey: Survey, code: String, key: String, enteredBy: UUID?, on db: Database
    ) async throws {
        guard try await SurveyResponse.query(on: db).filter(\.$submissionKey == key).first() == nil else { return }
        let surveyID = try survey.requireID()
        let code = code.lowercased()
        do {
            try await db.transaction { db in
                // The same person answering the same survey again: their later answers count.
                if !code.isEmpty {
                    try await SurveyAnswer.query(on: db).filter(\.$surveyID == surveyID).filter(
                        \.$participantCode == code
                    )
                    .set(\.$isCurrent, to: false).update()
                }
                let response = SurveyResponse()
                response.$survey.id = surveyID
                response.submissionKey = key
                response.participantCode = code
                response.$enteredBy.id = enteredBy
                try await response.create(on: db)
                let responseID = try response.requireID()
                var answers: [SurveyAnswer] = []
                for (part, values) in [(SurveyAnswer.now, sheet.values), (SurveyAnswer.then, sheet.thenValues)] {
                    for (item, value) in values.sorted(by: { $0.key < $1.key }) {
                        let answer = SurveyAnswer()
                        answer.$response.id = responseID
                        answer.surveyID = surveyID
                        answer.participantCode = code
                        answer.indicatorCode = item
                        answer.value = value
                        answer.part = part
                        answer.isCurrent = true
                        answers.append(answer)
                    }
                }
                if !answers.isEmpty { try await answers.create(on: db) }
                for (item, text) in sheet.texts.sorted(by: { $0.key < $1.key }) {
                    let answer = SurveyTextAnswer()
                    answer.$response.id = responseID
                    answer.surveyID = surveyID
                    answer.itemCode = item
                    answer.text = text
                    try await answer.create(on: db)
                }
            }
        } catch {
            // Two presses at once: the unique key lets one through; the other lands here.
            guard try await SurveyResponse.query(on: db).filter(\.$submissionKey == key).first() != nil else {
                throw error
            }
        }
    }

    private static func paperCount(_ survey: Survey, on db: Database) async throws -> Int {
        try await SurveyResponse.query(on: db).filter(\.$survey.$id == survey.requireID()).filter(
            \.$enteredBy.$id != nil
        ).count()
    }

    static func language(_ code: String?, in contents: SurveyContents) -> SurveyLanguage {
        code.flatMap(SurveyLanguage.named).flatMap { contents.languages.contains($0) ? $0 : nil } ?? .english
    }

    static func survey(token req: Request) async throws -> Survey {
        guard let token = req.parameters.get("surveyToken"), token.count <= 100,
            let survey = try await Survey.query(on: req.db).filter(\.$token == token).first()
        else { throw Abort(.notFound) }
        return survey
    }

    /// The survey named in the address, which must belong to the project named there too.
    static func survey(inProject req: Request) async throws -> (Project, Survey) {
        let project = try await ProjectController.project(req)
        guard let id = req.parameters.get("surveyID", as: UUID.self),
            let survey = try await Survey.find(id, on: req.db), survey.$project.id == project.id
        else { throw Abort(.notFound) }
        return (project, survey)
    }
}

extension Project {
    func surveys(on db: Database) async throws -> [Survey] {
        try await $surveys.query(on: db).sort(\.$createdAt).all()
    }
}
