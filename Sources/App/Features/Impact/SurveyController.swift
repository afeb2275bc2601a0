import Fluent
import Plot
import SQLKit
import Statistics
import Vapor

/// Surveys: opened by an organisation's admins for a project, answered by anyone with the link or
/// on paper (typed in by a volunteer), in the language a person reads best. The organisation's
/// routes load the project and survey and let in only the people their action allows.
struct SurveyController {
    // MARK: Opening and building a survey

    func create(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let organisation = try await project.$organisation.get(on: req.db)
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        let available = Set(outcomes.flatMap { $0.indicators(lookup).map(\.code) })
        let form = req.form(SurveyOpeningForm.self)
        let errors = form.validate(available: available)
        guard errors.isEmpty, let mode = Survey.Mode(rawValue: form.mode) else {
            let model = try await ProjectController.pageModel(
                req, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup, canEdit: true,
                surveyForm: form, errors: errors)
            return ProjectPage.view(model).response(status: .unprocessableEntity)
        }
        let survey = Survey(
            projectID: try project.requireID(), title: form.title, mode: mode,
            indicatorCodes: lookup.all.map(\.code).filter { form.codes.contains($0) },
            opensOn: UKDate.validated(form.opensOn), closesOn: UKDate.validated(form.closesOn))
        try await req.db.transaction { db in
            try await survey.create(on: db)
            try await SurveyTallies.recordOpening(of: survey, on: db)
        }
        return req.redirect(
            to: SiteURL.survey(project.slug, try survey.requireID()).with(notice: ImpactNotice.surveyOpened))
    }

    /// The survey's own page for its organisation: the link, its questions, translations, paper.
    func manage(req: Request) async throws -> Response {
        let subject = try req.subject(ProjectSurvey.self)
        return SurveyManagePage.view(try await manageModel(req, project: subject.project, survey: subject.survey))
            .response()
    }

    func addQuestion(req: Request) async throws -> Response {
        let (project, survey) = try Self.projectSurvey(req)
        let form = req.form(SurveyQuestionForm.self)
        var errors = form.validate()
        let surveyID = try survey.requireID()
        if try await SurveyResponse.query(on: req.db).filter(\.$survey.$id == surveyID).count() > 0 {
            errors.add(
                "wording",
                "This survey has answers already, so its questions are fixed. Open a new survey to ask something different"
            )
        }
        guard errors.isEmpty, let kind = form.questionKind else {
            return SurveyManagePage.view(
                try await manageModel(req, project: project, survey: survey, questionForm: form, errors: errors)
            )
            .response(status: .unprocessableEntity)
        }
        let last = try await SurveyQuestion.query(on: req.db).filter(\.$survey.$id == surveyID)
            .sort(\.$position, .descending).first()
        let question = SurveyQuestion()
        question.$survey.id = surveyID
        question.position = (last?.position ?? 0) + 1
        question.kind = kind
        question.wording = form.wording
        question.options = kind == .choice ? Project.lines(form.options).joined(separator: "\n") : ""
        let scale = form.scale ?? (1, 5)
        question.scaleFrom = kind == .scale ? scale.from : nil
        question.scaleTo = kind == .scale ? scale.to : nil
        try await question.create(on: req.db)
        return req.redirect(
            to: SiteURL.survey(project.slug, surveyID).with(notice: ImpactNotice.questionAdded) + "#questions")
    }

    private func manageModel(
        _ req: Request, project: Project, survey: Survey, questionForm: SurveyQuestionForm = .init(),
        errors: FormErrors = .init()
    ) async throws -> SurveyManagePage.Model {
        let contents = try await survey.contents(on: req.db)
        let responses = try await SurveyResponse.query(on: req.db).filter(\.$survey.$id == survey.requireID()).count()
        let model = SurveyManagePage.Model(
            page: req.page, contents: contents, responses: responses,
            participantLink: req.application.publicBaseURL + SiteURL.answerSurvey(survey.token).path,
            shortAddress: SurveyPosterPage.withoutScheme(req.application.publicBaseURL)
                + SiteURL.shortSurvey(SurveyShortCode.shown(survey.shortCode)).path,
            canEdit: Policy.can(req.currentUser, .administerOrganisation, project.policyResource),
            questionForm: questionForm, errors: errors)
        return model
    }

    // MARK: Translations

    func translationForm(req: Request) async throws -> Response {
        let (_, survey) = try Self.projectSurvey(req)
        let contents = try await survey.contents(on: req.db)
        let language = SurveyLanguage.named(req.query[String.self, at: "lang"] ?? "")
        let model = SurveyTranslationPage.Model(
            page: req.page, contents: contents, language: language,
            typed: language.flatMap { contents.translations[$0.code] } ?? [:])
        return SurveyTranslationPage.view(model).response()
    }

    func saveTranslation(req: Request) async throws -> Response {
        let (project, survey) = try Self.projectSurvey(req)
        let contents = try await survey.contents(on: req.db)
        let input = req.form
        guard let language = SurveyLanguage.named(input.text("lang")) else {
            var errors = FormErrors()
            errors.add("lang", "Choose a language")
            let model = SurveyTranslationPage.Model(
                page: req.page, contents: contents, language: nil, typed: [:], errors: errors)
            return SurveyTranslationPage.view(model).response(status: .unprocessableEntity)
        }
        var typed: [String: String] = [:]
        var errors = FormErrors()
        for entry in SurveyViews.translatableEntries(contents) {
            let text = input.text("t_\(entry.key)", keepNewlines: entry.key == "consent")
            typed[entry.key] = text
            if text.count > 1_000 {
                errors.add("t_\(entry.key)", "Each translation must be 1,000 characters or fewer")
            } else if !text.isEmpty {
                let missing = SurveyFormWord.placeholders(in: entry.english).subtracting(
                    SurveyFormWord.placeholders(in: text))
                if !missing.isEmpty {
                    errors.add(
                        "t_\(entry.key)",
                        "Keep \(missing.sorted().joined(separator: " and ")) in the translation: it marks where a name or number goes"
                    )
                }
            }
        }
        guard errors.isEmpty else {
            let model = SurveyTranslationPage.Model(
                page: req.page, contents: contents, language: language, typed: typed, errors: errors)
            return SurveyTranslationPage.view(model).response(status: .unprocessableEntity)
        }
        let surveyID = try survey.requireID()
        let translations = typed
        try await req.db.transaction { db in
            try await SurveyTranslation.query(on: db).filter(\.$survey.$id == surveyID)
                .filter(\.$language == language.code).delete()
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
            to: SiteURL.survey(project.slug, surveyID).with(notice: ImpactNotice.translationSaved) + "#translations")
    }

    // MARK: Answering

    func answerForm(req: Request) async throws -> Response {
        let survey = try await Self.survey(token: req)
        guard survey.isOpen() else {
            return SurveyClosedPage.view(.init(page: req.page, survey: survey)).response()
        }
        let contents = try await survey.contents(on: req.db)
        let language = Self.language(req.query[String.self, at: "lang"], in: contents)
        let model = SurveyAnswerPage.Model(
            page: req.page, contents: contents, language: language,
            form: SurveyResponseForm(submissionKey: Tokens.random()))
        return SurveyAnswerPage.view(model).response()
    }

    func submit(req: Request) async throws -> Response {
        let survey = try await Self.survey(token: req)
        guard survey.isOpen() else {
            return SurveyClosedPage.view(.init(page: req.page, survey: survey)).response(status: .gone)
        }
        let contents = try await survey.contents(on: req.db)
        let input = req.form
        let language = Self.language(input.text("lang"), in: contents)
        let mode = survey.mode
        let onLookBackPage = mode.asksThen && input.text("step") == "2"
        var form = SurveyResponseForm(input)
        form.mode = mode
        var errors = form.validate()
        if !form.hasUsableKey { form.submissionKey = Tokens.random() }
        let sheet = SurveyAnswerSheet.read(input, items: contents.items, includeThen: onLookBackPage, into: &errors)
        form.typed = sheet.typed
        if errors.isEmpty && sheet.values.isEmpty && sheet.texts.isEmpty {
            errors.add("participant_code", "Answer at least one question")
        }
        guard errors.isEmpty else {
            // A problem on the look-back page keeps the person there; anything else goes back to the start.
            let page = onLookBackPage && errors.items.allSatisfy { $0.field.hasPrefix("then_") } ? 2 : 1
            let model = SurveyAnswerPage.Model(
                page: req.page, contents: contents, language: language, form: form, pageNumber: page, errors: errors)
            return SurveyAnswerPage.view(model).response(status: .unprocessableEntity)
        }
        let code = mode.asksForCode ? form.participantCode.lowercased() : ""
        // A code that matches nothing from before is checked before anything is saved, so a slip
        // can be put right and nobody counts twice; sent again unchanged, it is accepted.
        if !onLookBackPage, form.checkedCode.lowercased() != code,
            try await Self.codeMatchesBefore(code, survey: survey, project: contents.project, req: req) == false
        {
            form.checkedCode = code
            errors.add(
                "participant_code",
                "We found no answers from before the project under the code \(code). Check it against the hint, and correct it if you used a different one. If it is right, send your answers again: they will count, but cannot be compared with before"
            )
            let model = SurveyAnswerPage.Model(
                page: req.page, contents: contents, language: language, form: form, pageNumber: 1, errors: errors)
            return SurveyAnswerPage.view(model).response(status: .unprocessableEntity)
        }
        if mode.asksThen && !onLookBackPage {
            let model = SurveyAnswerPage.Model(
                page: req.page, contents: contents, language: language, form: form, pageNumber: 2)
            return SurveyAnswerPage.view(model).response()
        }
        try await Self.save(sheet, survey: survey, code: code, key: form.submissionKey, enteredBy: nil, on: req.db)
        // Told before sending that the code matched nothing, and sent it anyway.
        let sentUnmatched = !code.isEmpty && form.checkedCode.lowercased() == code
        let model = SurveyThanksPage.Model(
            page: req.page, contents: contents, language: language, codeMatchesBefore: !sentUnmatched)
        return SurveyThanksPage.view(model).response()
    }

    /// Whether an after survey's code matches an answer from before the project: `nil` when there
    /// is nothing to check, or when this address has had too many codes that matched nothing.
    /// Only misses count against the limit, so a class answering on one network is never held up.
    static func codeMatchesBefore(_ code: String, survey: Survey, project: Project, req: Request) async throws
        -> Bool?
    {
        // Only where pairing is the point: on a look-back survey the code is optional, and
        // people who were not there before may give one anyway.
        guard survey.mode == .after, !code.isEmpty else { return nil }
        let beforeIDs = try await project.surveys(on: req.db).filter { $0.mode == .before }.compactMap(\.id)
        guard !beforeIDs.isEmpty else { return nil }
        let throttle = Throttle.surveyCodeMisses
        let key = ThrottleKey(
            throttle: throttle, key: throttle.key("\(try survey.requireID()):\(req.clientAddress ?? "unknown")"))
        guard let place = try await SignInThrottle.reserve([key], on: req.db) else { return nil }
        let matches = try await SurveyFigures.hasAnswerBefore(code: code, beforeSurveys: beforeIDs, on: req.db)
        if matches { try await SignInThrottle.release(place, on: req.db) }
        return matches
    }

    // MARK: Poster, cards and the short address

    func poster(req: Request) async throws -> Response {
        try await SurveyPosterPage.view(printModel(req, format: .poster)).response()
    }

    func cards(req: Request) async throws -> Response {
        try await SurveyPosterPage.view(printModel(req, format: .cards)).response()
    }

    private func printModel(_ req: Request, format: SurveyPosterPage.Format) async throws -> SurveyPosterPage.Model {
        let (_, survey) = try Self.projectSurvey(req)
        let contents = try await survey.contents(on: req.db)
        let base = req.application.publicBaseURL
        let shortPath = SiteURL.shortSurvey(SurveyShortCode.shown(survey.shortCode)).path
        return SurveyPosterPage.Model(
            page: req.page, contents: contents, format: format,
            shortAddress: SurveyPosterPage.withoutScheme(base) + shortPath, shortLink: base + shortPath)
    }

    /// `/a/K7P3-QX9M`, typed from a poster or card: on to the survey, or a page to try again.
    func openShortCode(req: Request) async throws -> Response {
        let typed = req.parameters.get("shortCode") ?? ""
        return try await open(typed, req: req)
    }

    /// `/a?code=…`: the code typed into the box on that page.
    func findByCode(req: Request) async throws -> Response {
        guard let typed = req.query[String.self, at: "code"] else {
            return SurveyFindPage.view(.init(page: req.page, typed: "")).response()
        }
        return try await open(FormText.clean(typed, keepNewlines: false), req: req)
    }

    private func open(_ typed: String, req: Request) async throws -> Response {
        if let code = SurveyShortCode.normalised(typed),
            let survey = try await Survey.query(on: req.db).filter(\.$shortCode == code).first()
        {
            return req.redirect(to: SiteURL.answerSurvey(survey.token).path)
        }
        var errors = FormErrors()
        errors.add(
            "code",
            typed.isEmpty
                ? "Enter the code from the poster or card"
                : "No survey has the code \(String(typed.prefix(40))). Check it against the poster or card: it has 8 letters and numbers, such as K7P3-QX9M"
        )
        // An empty box is a slip on a page that exists; a code that opens nothing is not found.
        return SurveyFindPage.view(.init(page: req.page, typed: String(typed.prefix(40)), errors: errors))
            .response(status: typed.isEmpty ? .ok : .notFound)
    }

    // MARK: Paper

    func paperForm(req: Request) async throws -> Response {
        let (_, survey) = try Self.projectSurvey(req)
        let contents = try await survey.contents(on: req.db)
        let language = Self.language(req.query[String.self, at: "lang"], in: contents)
        return SurveyPaperPage.view(.init(page: req.page, contents: contents, language: language)).response()
    }

    func paperAnswersForm(req: Request) async throws -> Response {
        let (_, survey) = try Self.projectSurvey(req)
        let contents = try await survey.contents(on: req.db)
        let model = PaperAnswersPage.Model(
            page: req.page, contents: contents, form: SurveyResponseForm(submissionKey: Tokens.random()),
            entered: try await Self.paperCount(survey, on: req.db))
        return PaperAnswersPage.view(model).response()
    }

    func savePaperAnswers(req: Request) async throws -> Response {
        let (project, survey) = try Self.projectSurvey(req)
        let contents = try await survey.contents(on: req.db)
        let mode = survey.mode
        let input = req.form
        var form = SurveyResponseForm(input)
        form.mode = mode
        form.isPaper = true
        if !form.hasUsableKey { form.submissionKey = Tokens.random() }
        var errors = form.validate()
        let sheet = SurveyAnswerSheet.read(input, items: contents.items, includeThen: mode.asksThen, into: &errors)
        form.typed = sheet.typed
        if errors.isEmpty && sheet.isEmpty {
            errors.add("participant_code", "Enter at least one answer from the paper form")
        }
        guard errors.isEmpty else {
            let model = PaperAnswersPage.Model(
                page: req.page, contents: contents, form: form, entered: try await Self.paperCount(survey, on: req.db),
                errors: errors)
            return PaperAnswersPage.view(model).response(status: .unprocessableEntity)
        }
        try await Self.save(
            sheet, survey: survey, code: mode.asksForCode ? form.participantCode : "", key: form.submissionKey,
            enteredBy: req.currentUser?.id, on: req.db)
        return req.redirect(
            to: SiteURL.paperAnswers(project.slug, try survey.requireID()).with(notice: ImpactNotice.paperAnswersSaved))
    }

    // MARK: Shared

    /// Saves one person's answers once: a second press of submit sends the same key, and the
    /// first response stands.
    static func save(
        _ sheet: SurveyAnswerSheet, survey: Survey, code: String, key: String, enteredBy: UUID?, on db: Database
    ) async throws {
        guard try await SurveyResponse.query(on: db).filter(\.$submissionKey == key).first() == nil else { return }
        let surveyID = try survey.requireID()
        let code = code.lowercased()
        let responseID = UUID()
        let parts: [(SurveyAnswer.Part, [String: Double])] = [(.now, sheet.values), (.then, sheet.thenValues)]
        let answers = parts.flatMap { part, values in
            values.sorted(by: { $0.key < $1.key }).map { item, value in
                let answer = SurveyAnswer()
                answer.$response.id = responseID
                answer.surveyID = surveyID
                answer.participantCode = code
                answer.indicatorCode = item
                answer.value = value
                answer.part = part
                answer.isCurrent = true
                return answer
            }
        }
        let counted = answers.map {
            SurveyTallies.PersonAnswer(survey: surveyID, item: $0.indicatorCode, part: $0.part, value: $0.value)
        }
        do {
            try await db.transaction { db in
                // First, as it makes other saves in the project wait their turn.
                try await SurveyTallies.recordSave(of: counted, code: code, survey: survey, on: db)
                // The same person answering the same survey again: their later answers count.
                if !code.isEmpty {
                    try await SurveyAnswer.query(on: db).filter(\.$surveyID == surveyID)
                        .filter(\.$participantCode == code)
                        .set(\.$isCurrent, to: false).update()
                }
                let response = SurveyResponse()
                response.id = responseID
                response.$survey.id = surveyID
                response.submissionKey = key
                response.participantCode = code
                response.$enteredBy.id = enteredBy
                try await response.create(on: db)
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
        try await SurveyResponse.query(on: db).filter(\.$survey.$id == survey.requireID())
            .filter(\.$enteredBy.$id != nil).count()
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

    /// The project and survey the route loaded and authorised.
    static func projectSurvey(_ req: Request) throws -> (Project, Survey) {
        let subject = try req.subject(ProjectSurvey.self)
        return (subject.project, subject.survey)
    }
}

extension Project {
    func surveys(on db: Database) async throws -> [Survey] {
        try await $surveys.query(on: db).sort(\.$createdAt).all()
    }
}
