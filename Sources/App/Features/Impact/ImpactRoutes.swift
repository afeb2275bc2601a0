import Vapor

/// The routes of this feature, each with the policy action it performs. A project's routes load
/// it only for those who may read it (members, and its organisation's own people).
enum ImpactRoutes {
    static func register(on app: Application) {
        let indicators = IndicatorsController()
        app.get(SiteURL.indicators.routeComponents, use: indicators.library).requires(.readPublic)
        let projects = ProjectController()
        app.get(SiteURL.projects.routeComponents, use: projects.list).requires(.manageOwnAccount)
        // No one record to check: the handlers offer only the organisations a person runs, 403 if none.
        app.get(SiteURL.newProject.routeComponents, use: projects.newForm).requires(.addOrganisation)
        app.post(SiteURL.newProject.routeComponents, use: projects.create).requires(.addOrganisation)
        app.get(SiteURL.project.routeComponents, use: projects.show).requires(.readProject, on: .projectBySlug)
        app.get(SiteURL.editProject.routeComponents, use: projects.editForm).requires(
            .administerOrganisation, on: .projectBySlug)
        app.post(SiteURL.editProject.routeComponents, use: projects.update).requires(
            .administerOrganisation, on: .projectBySlug)
        app.post(SiteURL.projectOutcomes.routeComponents, use: projects.addOutcome).requires(
            .administerOrganisation, on: .projectBySlug)
        let surveys = SurveyController()
        app.post(SiteURL.projectSurveys.routeComponents, use: surveys.create).requires(
            .administerOrganisation, on: .projectBySlug)
        app.get(SiteURL.survey.routeComponents, use: surveys.manage).requires(
            .workForOrganisation, on: .surveyInProject)
        app.post(SiteURL.surveyQuestions.routeComponents, use: surveys.addQuestion).requires(
            .administerOrganisation, on: .surveyInProject)
        app.get(SiteURL.surveyTranslations.routeComponents, use: surveys.translationForm).requires(
            .administerOrganisation, on: .surveyInProject)
        app.post(SiteURL.surveyTranslations.routeComponents, use: surveys.saveTranslation).requires(
            .administerOrganisation, on: .surveyInProject)
        app.get(SiteURL.paperSurvey.routeComponents, use: surveys.paperForm).requires(
            .workForOrganisation, on: .surveyInProject)
        app.get(SiteURL.surveyPoster.routeComponents, use: surveys.poster).requires(
            .workForOrganisation, on: .surveyInProject)
        app.get(SiteURL.surveyCards.routeComponents, use: surveys.cards).requires(
            .workForOrganisation, on: .surveyInProject)
        app.get(SiteURL.paperAnswers.routeComponents, use: surveys.paperAnswersForm).requires(
            .workForOrganisation, on: .surveyInProject)
        app.post(SiteURL.paperAnswers.routeComponents, use: surveys.savePaperAnswers).requires(
            .workForOrganisation, on: .surveyInProject)
        let analysis = SurveyAnalysisController()
        app.get(SiteURL.surveyAnalysis.routeComponents, use: analysis.show).requires(
            .readProject, on: .surveyInProject)
        app.get(SiteURL.surveyFiguresCSV.routeComponents, use: analysis.figuresCSV).requires(
            .readProject, on: .surveyInProject)
        app.get(SiteURL.surveyAnswersCSV.routeComponents, use: analysis.answersCSV).requires(
            .administerOrganisation, on: .surveyInProject)
        let impact = ImpactReportController()
        app.get(SiteURL.projectAnalysis.routeComponents, use: impact.analysis).requires(
            .readProject, on: .projectBySlug)
        app.get(SiteURL.projectReport.routeComponents, use: impact.report).requires(.readProject, on: .projectBySlug)
        // As visible as the organisation's listing; a members-only organisation's report is not found.
        app.get(SiteURL.projectPublicReport.routeComponents, use: impact.publicReport).requires(
            .readPublishedReport, on: .publishedProjectBySlug, hiddenUnless: .readPublishedReport)
        app.get(SiteURL.impactRollUp.routeComponents, use: impact.national).requires(.readPublic)
        app.get(SiteURL.hubImpact.routeComponents, use: impact.hub).requires(.readPublic)
        app.get(SiteURL.projectIndicators.routeComponents, use: indicators.show).requires(
            .readProject, on: .projectBySlug)
        app.post(SiteURL.projectOwnIndicators.routeComponents, use: indicators.addOwn).requires(
            .administerOrganisation, on: .projectBySlug)
        app.post(SiteURL.projectLocalIndicators.routeComponents, use: indicators.proposeLocal).requires(
            .readProject, on: .projectBySlug)
        app.post(SiteURL.voteIndicator.routeComponents, use: indicators.vote).requires(
            .readProject, on: .projectBySlug)
        app.post(SiteURL.adoptIndicator.routeComponents, use: indicators.adopt).requires(
            .administerOrganisation, on: .projectBySlug)
        let changeStories = ChangeStoryController()
        app.get(SiteURL.changeStories.routeComponents, use: changeStories.list).requires(
            .workForOrganisation, on: .projectBySlug)
        app.post(SiteURL.changeStories.routeComponents, use: changeStories.create).requires(
            .workForOrganisation, on: .projectBySlug)
        app.get(SiteURL.changeStory.routeComponents, use: changeStories.show).requires(
            .workForOrganisation, on: .projectBySlug)
        app.post(SiteURL.changeStorySelections.routeComponents, use: changeStories.addSelection).requires(
            .workForOrganisation, on: .projectBySlug)
        app.post(SiteURL.changeStoryFeedback.routeComponents, use: changeStories.recordFeedback).requires(
            .workForOrganisation, on: .projectBySlug)
        app.post(SiteURL.changeStoryToPortfolio.routeComponents, use: changeStories.offerToPortfolio).requires(
            .workForOrganisation, on: .projectBySlug)
        app.get(SiteURL.answerSurvey.routeComponents, use: surveys.answerForm).requires(.readPublic)
        app.get(SiteURL.shortSurvey.routeComponents, use: surveys.openShortCode).requires(.readPublic)
        app.get(SiteURL.findSurvey.routeComponents, use: surveys.findByCode).requires(.readPublic)
        app.post(SiteURL.answerSurvey.routeComponents, use: surveys.submit).requires(.readPublic)
    }
}
