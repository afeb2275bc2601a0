import Vapor

/// Every page's address, typed, so links and routes cannot drift apart.
enum SiteURL: Sendable, Equatable {
    case home
    case healthz
    case signUp
    case signUpDone
    case signIn
    case signOut
    case account
    case accountPassword
    case confirmEmail
    case resendConfirmation
    case forgotPassword
    case resetPassword
    case adminOutbox
    case adminPeople
    case adminPerson(UUID)
    case adminPersonRoles(UUID)
    case adminDeletePerson(UUID)
    case undoEmailChange
    case accountTokens
    case revokeAccountToken(UUID)
    case accountData
    case deleteAccount
    case respondToInvitation
    case withdrawInvitation(String, UUID)
    case leaveOrganisation(String)
    case apiMe
    case apiHubs
    case apiHub(String)
    case apiOrganisations
    case apiOrganisation(String)
    case apiOpenAPI
    case hsdsOrganizations
    case people
    case person(UUID)
    case profile
    case hsdsOrganization(UUID)
    case organisations
    case search
    case newOrganisation
    case organisation(String)
    case editOrganisation(String)
    case organisationMembers(String)
    case organisationMember(String, UUID)
    case hubs
    case hub(String)
    case joinHub(String)
    case leaveHub(String)
    case hubRequests(String)
    case hubPersonDecision(String, UUID)
    case hubOrganisationDecision(String, UUID)
    case hubStewards(String)
    case stories
    case newStory
    case story(String)
    case storyMedia(String)
    case storyPhoto(String)
    case removeStoryPhoto(String)
    case manageStory(String)
    case editStory(String)
    case storyConsents(String)
    case withdrawConsent(String, UUID)
    case submitStory(String)
    case reviewStory(String)
    case storyReviews
    case myStories
    case storiesFeed
    case hubStoriesFeed(String)
    case themeStoriesFeed(String)
    case apiStories
    case apiStory(String)
    case sitemap
    case indicators
    case projects
    case newProject
    case project(String)
    case editProject(String)
    case projectOutcomes(String)
    case projectSurveys(String)
    case projectAnalysis(String)
    case projectReport(String)
    case projectIndicators(String)
    case projectOwnIndicators(String)
    case projectLocalIndicators(String)
    case voteIndicator(String, UUID)
    case adoptIndicator(String, UUID)
    case survey(String, UUID)
    case surveyQuestions(String, UUID)
    case surveyTranslations(String, UUID)
    case paperSurvey(String, UUID)
    case paperAnswers(String, UUID)
    case surveyAnalysis(String, UUID)
    case surveyAnswersCSV(String, UUID)
    case surveyFiguresCSV(String, UUID)
    case changeStories(String)
    case changeStory(String, UUID)
    case changeStorySelections(String, UUID)
    case changeStoryFeedback(String, UUID)
    case changeStoryToPortfolio(String, UUID)
    case impactRollUp
    case hubImpact(String)
    case answerSurvey(String)
    case events
    case newEvent
    case event(String)
    case editEvent(String)
    case eventCalendar(String)
    case eventsCalendar
    case hubEvents(String)
    case hubEventsCalendar(String)
    case registerForEvent(String)
    case cancelOwnRegistration(String)
    case confirmRegistration
    case cancelRegistration
    case eventFeedback
    case eventRegistrations(String)
    case eventRegistrationsCSV(String)
    case eventAttendance(String)
    case eventMessage(String)
    case eventFeedbackRequests(String)
    case about
    case peerSupport
    case newPeerRequest
    case peerRequest(UUID)
    case invitePeer(UUID)
    case respondToPeer(UUID)
    case closePeerRequest(UUID)
    case peerThread(UUID)
    case peerMessages(UUID)
    case closePeerThread(UUID)
    case skillOffers
    case deleteSkillOffer(UUID)
    case practice
    case newCaseStudy
    case caseStudy(String)
    case editCaseStudy(String)
    case saveCaseStudy(String)
    case savedCaseStudies
    case narratives
    case newNarrative
    case narrative(String)
    case editNarrative(String)
    case narrativeSightings(String)
    case library
    case newResource
    case resource(String)
    case editResource(String)
    case apiCaseStudies
    case apiCaseStudy(String)
    case apiNarratives
    case apiNarrative(String)
    case apiResources
    case apiResource(String)
    case stylesheet
    case script

    var path: String {
        switch self {
        case .home: return "/"
        case .healthz: return "/healthz"
        case .signUp: return "/signup"
        case .signUpDone: return "/signup/check-email"
        case .signIn: return "/signin"
        case .signOut: return "/signout"
        case .account: return "/account"
        case .accountPassword: return "/account/password"
        case .confirmEmail: return "/email/confirm"
        case .resendConfirmation: return "/email/resend"
        case .forgotPassword: return "/password/forgot"
        case .resetPassword: return "/password/reset"
        case .adminOutbox: return "/admin/outbox"
        case .adminPeople: return "/admin/people"
        case .adminPerson(let id): return "/admin/people/\(id.uuidString)"
        case .adminPersonRoles(let id): return "/admin/people/\(id.uuidString)/roles"
        case .adminDeletePerson(let id): return "/admin/people/\(id.uuidString)/delete"
        case .undoEmailChange: return "/account/email/undo"
        case .accountTokens: return "/account/tokens"
        case .revokeAccountToken(let id): return "/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .accountData: return "/account/data.zip"
        case .deleteAccount: return "/account/delete"
        case .respondToInvitation: return "/invitations/respond"
        case .withdrawInvitation(let slug, let id):
            return "/organisations/\(slug)/invitations/\(id.uuidString.lowercased())/withdraw"
        case .leaveOrganisation(let slug): return "/organisations/\(slug)/leave"
        case .apiMe: return "/api/v1/me"
        case .apiHubs: return "/api/v1/hubs"
        case .apiHub(let slug): return "/api/v1/hubs/\(slug)"
        case .apiOrganisations: return "/api/v1/organisations"
        case .apiOrganisation(let slug): return "/api/v1/organisations/\(slug)"
        case .apiOpenAPI: return "/api/v1/openapi.json"
        case .hsdsOrganizations: return "/api/hsds/organizations"
        case .people: return "/people"
        case .person(let id): return "/people/\(id.uuidString.lowercased())"
        case .profile: return "/account/profile"
        case .hsdsOrganization(let id): return "/api/hsds/organizations/\(id.uuidString.lowercased())"
        case .organisations: return "/organisations"
        case .search: return "/search"
        case .newOrganisation: return "/organisations/new"
        case .organisation(let slug): return "/organisations/\(slug)"
        case .editOrganisation(let slug): return "/organisations/\(slug)/edit"
        case .organisationMembers(let slug): return "/organisations/\(slug)/members"
        case .organisationMember(let slug, let id):
            return "/organisations/\(slug)/members/\(id.uuidString.lowercased())"
        case .hubs: return "/hubs"
        case .hub(let slug): return "/hubs/\(slug)"
        case .joinHub(let slug): return "/hubs/\(slug)/join"
        case .leaveHub(let slug): return "/hubs/\(slug)/leave"
        case .hubRequests(let slug): return "/hubs/\(slug)/requests"
        case .hubPersonDecision(let slug, let id): return "/hubs/\(slug)/requests/people/\(id.uuidString)"
        case .hubOrganisationDecision(let slug, let id): return "/hubs/\(slug)/requests/organisations/\(id.uuidString)"
        case .hubStewards(let slug): return "/hubs/\(slug)/stewards"
        case .stories: return "/stories"
        case .newStory: return "/stories/new"
        case .story(let slug): return "/stories/\(slug)"
        case .storyMedia(let slug): return "/stories/\(slug)/media"
        case .storyPhoto(let slug): return "/stories/\(slug)/photo"
        case .removeStoryPhoto(let slug): return "/stories/\(slug)/photo/remove"
        case .manageStory(let slug): return "/stories/\(slug)/manage"
        case .editStory(let slug): return "/stories/\(slug)/edit"
        case .storyConsents(let slug): return "/stories/\(slug)/consents"
        case .withdrawConsent(let slug, let id):
            return "/stories/\(slug)/consents/\(id.uuidString.lowercased())/withdraw"
        case .submitStory(let slug): return "/stories/\(slug)/submit"
        case .reviewStory(let slug): return "/stories/\(slug)/review"
        case .storyReviews: return "/stories/review"
        case .myStories: return "/account/stories"
        case .storiesFeed: return "/stories/feed.atom"
        case .hubStoriesFeed(let slug): return "/hubs/\(slug)/stories.atom"
        case .themeStoriesFeed(let theme): return "/stories/themes/\(theme)/feed.atom"
        case .apiStories: return "/api/v1/stories"
        case .apiStory(let slug): return "/api/v1/stories/\(slug)"
        case .sitemap: return "/sitemap.xml"
        case .indicators: return "/impact/indicators"
        case .projects: return "/impact/projects"
        case .newProject: return "/impact/projects/new"
        case .project(let slug): return "/impact/projects/\(slug)"
        case .editProject(let slug): return "/impact/projects/\(slug)/edit"
        case .projectOutcomes(let slug): return "/impact/projects/\(slug)/outcomes"
        case .projectSurveys(let slug): return "/impact/projects/\(slug)/surveys"
        case .projectAnalysis(let slug): return "/impact/projects/\(slug)/analysis"
        case .projectReport(let slug): return "/impact/projects/\(slug)/report"
        case .projectIndicators(let slug): return "/impact/projects/\(slug)/indicators"
        case .projectOwnIndicators(let slug): return "/impact/projects/\(slug)/indicators/own"
        case .projectLocalIndicators(let slug): return "/impact/projects/\(slug)/indicators/local"
        case .voteIndicator(let slug, let id):
            return "/impact/projects/\(slug)/indicators/\(id.uuidString.lowercased())/vote"
        case .adoptIndicator(let slug, let id):
            return "/impact/projects/\(slug)/indicators/\(id.uuidString.lowercased())/adopt"
        case .survey(let slug, let id): return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())"
        case .surveyQuestions(let slug, let id):
            return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())/questions"
        case .surveyTranslations(let slug, let id):
            return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())/translations"
        case .paperSurvey(let slug, let id):
            return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())/paper"
        case .paperAnswers(let slug, let id):
            return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())/paper-answers"
        case .surveyAnalysis(let slug, let id):
            return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())/analysis"
        case .surveyAnswersCSV(let slug, let id):
            return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())/answers.csv"
        case .surveyFiguresCSV(let slug, let id):
            return "/impact/projects/\(slug)/surveys/\(id.uuidString.lowercased())/figures.csv"
        case .changeStories(let slug): return "/impact/projects/\(slug)/stories-of-change"
        case .changeStory(let slug, let id):
            return "/impact/projects/\(slug)/stories-of-change/\(id.uuidString.lowercased())"
        case .changeStorySelections(let slug, let id):
            return "/impact/projects/\(slug)/stories-of-change/\(id.uuidString.lowercased())/selections"
        case .changeStoryFeedback(let slug, let id):
            return "/impact/projects/\(slug)/stories-of-change/\(id.uuidString.lowercased())/feedback"
        case .changeStoryToPortfolio(let slug, let id):
            return "/impact/projects/\(slug)/stories-of-change/\(id.uuidString.lowercased())/story"
        case .impactRollUp: return "/impact"
        case .hubImpact(let slug): return "/hubs/\(slug)/impact"
        case .answerSurvey(let token): return "/s/\(token)"
        case .events: return "/events"
        case .newEvent: return "/events/new"
        case .event(let slug): return "/events/\(slug)"
        case .editEvent(let slug): return "/events/\(slug)/edit"
        case .eventCalendar(let slug): return "/events/\(slug).ics"
        case .eventsCalendar: return "/events.ics"
        case .hubEvents(let slug): return "/hubs/\(slug)/events"
        case .hubEventsCalendar(let slug): return "/hubs/\(slug)/events.ics"
        case .registerForEvent(let slug): return "/events/\(slug)/register"
        case .cancelOwnRegistration(let slug): return "/events/\(slug)/cancel"
        case .confirmRegistration: return "/events/registrations/confirm"
        case .cancelRegistration: return "/events/registrations/cancel"
        case .eventFeedback: return "/events/feedback"
        case .eventRegistrations(let slug): return "/events/\(slug)/registrations"
        case .eventRegistrationsCSV(let slug): return "/events/\(slug)/registrations.csv"
        case .eventAttendance(let slug): return "/events/\(slug)/attendance"
        case .eventMessage(let slug): return "/events/\(slug)/message"
        case .eventFeedbackRequests(let slug): return "/events/\(slug)/feedback-requests"
        case .about: return "/about"
        case .peerSupport: return "/peer-support"
        case .newPeerRequest: return "/peer-support/new"
        case .peerRequest(let id): return "/peer-support/requests/\(id.uuidString.lowercased())"
        case .invitePeer(let id): return "/peer-support/requests/\(id.uuidString.lowercased())/invite"
        case .respondToPeer(let id): return "/peer-support/requests/\(id.uuidString.lowercased())/respond"
        case .closePeerRequest(let id): return "/peer-support/requests/\(id.uuidString.lowercased())/close"
        case .peerThread(let id): return "/peer-support/conversations/\(id.uuidString.lowercased())"
        case .peerMessages(let id): return "/peer-support/conversations/\(id.uuidString.lowercased())/messages"
        case .closePeerThread(let id): return "/peer-support/conversations/\(id.uuidString.lowercased())/close"
        case .skillOffers: return "/peer-support/skills"
        case .deleteSkillOffer(let id): return "/peer-support/skills/\(id.uuidString.lowercased())/withdraw"
        case .practice: return "/practice"
        case .newCaseStudy: return "/practice/new"
        case .caseStudy(let slug): return "/practice/\(slug)"
        case .editCaseStudy(let slug): return "/practice/\(slug)/edit"
        case .saveCaseStudy(let slug): return "/practice/\(slug)/save"
        case .savedCaseStudies: return "/account/saved"
        case .narratives: return "/narratives"
        case .newNarrative: return "/narratives/new"
        case .narrative(let slug): return "/narratives/\(slug)"
        case .editNarrative(let slug): return "/narratives/\(slug)/edit"
        case .narrativeSightings(let slug): return "/narratives/\(slug)/sightings"
        case .library: return "/library"
        case .newResource: return "/library/new"
        case .resource(let slug): return "/library/\(slug)"
        case .editResource(let slug): return "/library/\(slug)/edit"
        case .apiCaseStudies: return "/api/v1/case-studies"
        case .apiCaseStudy(let slug): return "/api/v1/case-studies/\(slug)"
        case .apiNarratives: return "/api/v1/narratives"
        case .apiNarrative(let slug): return "/api/v1/narratives/\(slug)"
        case .apiResources: return "/api/v1/resources"
        case .apiResource(let slug): return "/api/v1/resources/\(slug)"
        case .stylesheet: return "/css/site.css"
        case .script: return "/js/site.js"
        }
    }

    /// Path components for registering the route; parameters are named after the case.
    var routeComponents: [PathComponent] {
        switch self {
        case .adminPerson: return ["admin", "people", ":personID"]
        case .adminPersonRoles: return ["admin", "people", ":personID", "roles"]
        case .adminDeletePerson: return ["admin", "people", ":personID", "delete"]
        case .revokeAccountToken: return ["account", "tokens", ":tokenID", "revoke"]
        case .withdrawInvitation:
            return ["organisations", ":organisationSlug", "invitations", ":invitationID", "withdraw"]
        case .leaveOrganisation: return ["organisations", ":organisationSlug", "leave"]
        case .organisation: return ["organisations", ":organisationSlug"]
        case .editOrganisation: return ["organisations", ":organisationSlug", "edit"]
        case .organisationMembers: return ["organisations", ":organisationSlug", "members"]
        case .organisationMember: return ["organisations", ":organisationSlug", "members", ":membershipID"]
        case .hub: return ["hubs", ":hubSlug"]
        case .apiHub: return ["api", "v1", "hubs", ":hubSlug"]
        case .hsdsOrganization: return ["api", "hsds", "organizations", ":organizationID"]
        case .person: return ["people", ":personID"]
        case .apiOrganisation: return ["api", "v1", "organisations", ":organisationSlug"]
        case .joinHub: return ["hubs", ":hubSlug", "join"]
        case .leaveHub: return ["hubs", ":hubSlug", "leave"]
        case .hubRequests: return ["hubs", ":hubSlug", "requests"]
        case .hubPersonDecision: return ["hubs", ":hubSlug", "requests", "people", ":requestID"]
        case .hubOrganisationDecision: return ["hubs", ":hubSlug", "requests", "organisations", ":requestID"]
        case .hubStewards: return ["hubs", ":hubSlug", "stewards"]
        case .story: return ["stories", ":storySlug"]
        case .storyMedia: return ["stories", ":storySlug", "media"]
        case .storyPhoto: return ["stories", ":storySlug", "photo"]
        case .removeStoryPhoto: return ["stories", ":storySlug", "photo", "remove"]
        case .manageStory: return ["stories", ":storySlug", "manage"]
        case .editStory: return ["stories", ":storySlug", "edit"]
        case .storyConsents: return ["stories", ":storySlug", "consents"]
        case .withdrawConsent: return ["stories", ":storySlug", "consents", ":consentID", "withdraw"]
        case .submitStory: return ["stories", ":storySlug", "submit"]
        case .reviewStory: return ["stories", ":storySlug", "review"]
        case .hubStoriesFeed: return ["hubs", ":hubSlug", "stories.atom"]
        case .themeStoriesFeed: return ["stories", "themes", ":theme", "feed.atom"]
        case .apiStory: return ["api", "v1", "stories", ":storySlug"]
        case .project: return ["impact", "projects", ":projectSlug"]
        case .editProject: return ["impact", "projects", ":projectSlug", "edit"]
        case .projectOutcomes: return ["impact", "projects", ":projectSlug", "outcomes"]
        case .projectSurveys: return ["impact", "projects", ":projectSlug", "surveys"]
        case .projectAnalysis: return ["impact", "projects", ":projectSlug", "analysis"]
        case .projectReport: return ["impact", "projects", ":projectSlug", "report"]
        case .projectIndicators: return ["impact", "projects", ":projectSlug", "indicators"]
        case .projectOwnIndicators: return ["impact", "projects", ":projectSlug", "indicators", "own"]
        case .projectLocalIndicators: return ["impact", "projects", ":projectSlug", "indicators", "local"]
        case .voteIndicator: return ["impact", "projects", ":projectSlug", "indicators", ":indicatorID", "vote"]
        case .adoptIndicator: return ["impact", "projects", ":projectSlug", "indicators", ":indicatorID", "adopt"]
        case .survey: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID"]
        case .surveyQuestions: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID", "questions"]
        case .surveyTranslations: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID", "translations"]
        case .paperSurvey: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID", "paper"]
        case .paperAnswers: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID", "paper-answers"]
        case .surveyAnalysis: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID", "analysis"]
        case .surveyAnswersCSV: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID", "answers.csv"]
        case .surveyFiguresCSV: return ["impact", "projects", ":projectSlug", "surveys", ":surveyID", "figures.csv"]
        case .changeStories: return ["impact", "projects", ":projectSlug", "stories-of-change"]
        case .changeStory: return ["impact", "projects", ":projectSlug", "stories-of-change", ":changeStoryID"]
        case .changeStorySelections:
            return ["impact", "projects", ":projectSlug", "stories-of-change", ":changeStoryID", "selections"]
        case .changeStoryFeedback:
            return ["impact", "projects", ":projectSlug", "stories-of-change", ":changeStoryID", "feedback"]
        case .changeStoryToPortfolio:
            return ["impact", "projects", ":projectSlug", "stories-of-change", ":changeStoryID", "story"]
        case .hubImpact: return ["hubs", ":hubSlug", "impact"]
        case .answerSurvey: return ["s", ":surveyToken"]
        case .event, .eventCalendar: return ["events", ":eventSlug"]
        case .editEvent: return ["events", ":eventSlug", "edit"]
        case .hubEvents: return ["hubs", ":hubSlug", "events"]
        case .peerRequest: return ["peer-support", "requests", ":peerRequestID"]
        case .invitePeer: return ["peer-support", "requests", ":peerRequestID", "invite"]
        case .respondToPeer: return ["peer-support", "requests", ":peerRequestID", "respond"]
        case .closePeerRequest: return ["peer-support", "requests", ":peerRequestID", "close"]
        case .peerThread: return ["peer-support", "conversations", ":peerInvitationID"]
        case .peerMessages: return ["peer-support", "conversations", ":peerInvitationID", "messages"]
        case .closePeerThread: return ["peer-support", "conversations", ":peerInvitationID", "close"]
        case .deleteSkillOffer: return ["peer-support", "skills", ":skillOfferID", "withdraw"]
        case .hubEventsCalendar: return ["hubs", ":hubSlug", "events.ics"]
        case .registerForEvent: return ["events", ":eventSlug", "register"]
        case .cancelOwnRegistration: return ["events", ":eventSlug", "cancel"]
        case .eventRegistrations: return ["events", ":eventSlug", "registrations"]
        case .eventRegistrationsCSV: return ["events", ":eventSlug", "registrations.csv"]
        case .eventAttendance: return ["events", ":eventSlug", "attendance"]
        case .eventMessage: return ["events", ":eventSlug", "message"]
        case .eventFeedbackRequests: return ["events", ":eventSlug", "feedback-requests"]
        case .caseStudy: return ["practice", ":caseStudySlug"]
        case .editCaseStudy: return ["practice", ":caseStudySlug", "edit"]
        case .saveCaseStudy: return ["practice", ":caseStudySlug", "save"]
        case .narrative: return ["narratives", ":narrativeSlug"]
        case .editNarrative: return ["narratives", ":narrativeSlug", "edit"]
        case .narrativeSightings: return ["narratives", ":narrativeSlug", "sightings"]
        case .resource: return ["library", ":resourceSlug"]
        case .editResource: return ["library", ":resourceSlug", "edit"]
        case .apiCaseStudy: return ["api", "v1", "case-studies", ":caseStudySlug"]
        case .apiNarrative: return ["api", "v1", "narratives", ":narrativeSlug"]
        case .apiResource: return ["api", "v1", "resources", ":resourceSlug"]
        default: return path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
        }
    }

    /// An absolute address for links that leave the site, such as those sent by email.
    func absolute(base: String, query: [String: String] = [:]) -> String {
        base + with(query: query)
    }

    /// A site-relative address with a query string.
    func with(query: [String: String]) -> String {
        guard !query.isEmpty else { return path }
        var components = URLComponents()
        components.path = path
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }
}
