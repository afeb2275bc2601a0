import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let indicators = SiteURL("/impact/indicators")
    static let projects = SiteURL("/impact/projects")
    static let newProject = SiteURL("/impact/projects/new")
    static let project = SiteURLPattern1<String>("impact", "projects", .parameter("projectSlug"))
    static let editProject = SiteURLPattern1<String>("impact", "projects", .parameter("projectSlug"), "edit")
    static let projectOutcomes = SiteURLPattern1<String>("impact", "projects", .parameter("projectSlug"), "outcomes")
    static let projectSurveys = SiteURLPattern1<String>("impact", "projects", .parameter("projectSlug"), "surveys")
    static let projectAnalysis = SiteURLPattern1<String>("impact", "projects", .parameter("projectSlug"), "analysis")
    static let projectReport = SiteURLPattern1<String>("impact", "projects", .parameter("projectSlug"), "report")
    static let projectPublicReport = SiteURLPattern1<String>(
        "impact", "projects", .parameter("projectSlug"), "public-report")
    static let projectIndicators = SiteURLPattern1<String>(
        "impact", "projects", .parameter("projectSlug"), "indicators")
    static let projectOwnIndicators = SiteURLPattern1<String>(
        "impact", "projects", .parameter("projectSlug"), "indicators", "own")
    static let projectLocalIndicators = SiteURLPattern1<String>(
        "impact", "projects", .parameter("projectSlug"), "indicators", "local")
    static let voteIndicator = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "indicators", .parameter("indicatorID"), "vote")
    static let adoptIndicator = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "indicators", .parameter("indicatorID"), "adopt")
    static let survey = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"))
    static let surveyQuestions = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "questions")
    static let surveyTranslations = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "translations")
    static let paperSurvey = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "paper")
    static let paperAnswers = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "paper-answers")
    static let surveyAnalysis = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "analysis")
    static let surveyAnswersCSV = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "answers.csv")
    static let surveyFiguresCSV = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "figures.csv")
    static let changeStories = SiteURLPattern1<String>(
        "impact", "projects", .parameter("projectSlug"), "stories-of-change")
    static let changeStory = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "stories-of-change", .parameter("changeStoryID"))
    static let changeStorySelections = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "stories-of-change", .parameter("changeStoryID"), "selections")
    static let changeStoryFeedback = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "stories-of-change", .parameter("changeStoryID"), "feedback")
    static let changeStoryToPortfolio = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "stories-of-change", .parameter("changeStoryID"), "story")
    static let impactRollUp = SiteURL("/impact")
    static let hubImpact = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "impact")
    static let answerSurvey = SiteURLPattern1<String>("s", .parameter("surveyToken"))
    static let surveyPoster = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "poster")
    static let surveyCards = SiteURLPattern2<String, UUID>(
        "impact", "projects", .parameter("projectSlug"), "surveys", .parameter("surveyID"), "cards")
    /// The short address on a poster or card: `/a/K7P3-QX9M`.
    static let shortSurvey = SiteURLPattern1<String>("a", .parameter("shortCode"))
    /// Where someone types the code from a poster.
    static let findSurvey = SiteURL("/a")
}
