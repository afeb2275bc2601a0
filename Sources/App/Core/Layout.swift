import Plot
import Vapor

/// A short message shown at the top of a page after something worked. Fixed texts only,
/// so a link cannot put words of its own on our pages.
enum Notice: String, Sendable {
    case signedOut = "signed-out"
    case emailConfirmed = "email-confirmed"
    case passwordReset = "password-reset"
    case passwordChanged = "password-changed"
    case accountUpdated = "account-updated"
    case confirmationSent = "confirmation-sent"
    case rolesUpdated = "roles-updated"
    case emailChangeConfirmed = "email-change-confirmed"
    case emailChangeRequested = "email-change-requested"
    case organisationCreated = "organisation-created"
    case joinedHub = "joined-hub"
    case profileSaved = "profile-saved"
    case membersUpdated = "members-updated"
    case askedToJoinHub = "asked-to-join-hub"
    case leftHub = "left-hub"
    case requestApproved = "request-approved"
    case requestDeclined = "request-declined"
    case stewardAdded = "steward-added"
    case organisationUpdated = "organisation-updated"
    case projectSaved = "project-saved"
    case surveyOpened = "survey-opened"
    case sightingAdded = "sighting-added"
    case contentSaved = "content-saved"
    case caseStudyUnsaved = "case-study-unsaved"
    case caseStudySaved = "case-study-saved"
    case photoRemoved = "photo-removed"
    case photoSaved = "photo-saved"
    case consentWithdrawn = "consent-withdrawn"
    case consentAdded = "consent-added"
    case storyReturned = "story-returned"
    case storyPublished = "story-published"
    case storySubmitted = "story-submitted"
    case storySaved = "story-saved"
    case indicatorSaved = "indicator-saved"
    case localIndicatorProposed = "local-indicator-proposed"
    case localIndicatorAdopted = "local-indicator-adopted"
    case questionAdded = "question-added"
    case translationSaved = "translation-saved"
    case paperAnswersSaved = "paper-answers-saved"
    case changeStorySaved = "change-story-saved"
    case selectionRecorded = "selection-recorded"
    case feedbackRecorded = "feedback-recorded"
    case eventSaved = "event-saved"
    case attendanceSaved = "attendance-saved"
    case eventMessageSent = "event-message-sent"
    case feedbackRequested = "feedback-requested"
    case peerRequestSaved = "peer-request-saved"
    case peerInvited = "peer-invited"
    case peerNoLongerAvailable = "peer-no-longer-available"
    case peerAccepted = "peer-accepted"
    case peerDeclined = "peer-declined"
    case peerRequestClosed = "peer-request-closed"
    case peerThreadClosed = "peer-thread-closed"
    case skillOffered = "skill-offered"
    case skillWithdrawn = "skill-withdrawn"
    case invitationSent = "invitation-sent"
    case invitationWithdrawn = "invitation-withdrawn"
    case invitationAccepted = "invitation-accepted"
    case invitationDeclined = "invitation-declined"
    case leftOrganisation = "left-organisation"
    case tokenRevoked = "token-revoked"
    case tokensRevoked = "tokens-revoked"
    case emailChangeUndone = "email-change-undone"
    case accountDeleted = "account-deleted"
    case personDeleted = "person-deleted"

    var text: String {
        switch self {
        case .invitationSent: return "The invitation has been sent. They join when they accept it."
        case .invitationWithdrawn: return "The invitation has been withdrawn; its link no longer works."
        case .invitationAccepted: return "You have joined the organisation."
        case .invitationDeclined: return "You have declined the invitation."
        case .leftOrganisation: return "You have left the organisation."
        case .tokenRevoked: return "The API token has been revoked. Programs using it can no longer reach your account."
        case .tokensRevoked: return "Your password has been changed and your API tokens have been revoked."
        case .emailChangeUndone:
            return
                "Your old email address is back. Everyone signed in to your account has been signed out, its API tokens revoked and its password stopped. We have sent you a link to choose a new password."
        case .accountDeleted: return "Your account has been deleted. Thank you for the work you shared."
        case .personDeleted: return "The account has been deleted."
        case .signedOut: return "You have signed out."
        case .emailConfirmed: return "Your email address is confirmed. You can now sign in."
        case .passwordReset: return "Your password has been changed. Sign in with your new password."
        case .passwordChanged: return "Your password has been changed."
        case .accountUpdated: return "Your details have been saved."
        case .confirmationSent: return "We have sent you a new confirmation link."
        case .rolesUpdated: return "The roles have been saved."
        case .emailChangeConfirmed: return "Your email address is confirmed."
        case .emailChangeRequested:
            return "We have sent a link to your new email address. Your address changes when you open it."
        case .organisationCreated: return "The organisation has been added. You are its admin."
        case .joinedHub: return "You have joined this hub."
        case .profileSaved: return "Your profile has been saved."
        case .membersUpdated: return "The organisation's members have been updated."
        case .askedToJoinHub:
            return "Your request to join has been sent to the hub's stewards. We will tell you when they reply."
        case .leftHub: return "You have left this hub."
        case .requestApproved: return "The request has been approved, and the person told."
        case .requestDeclined: return "The request has been declined, and the reason sent."
        case .stewardAdded: return "The new steward has been added, and told."
        case .organisationUpdated: return "The organisation's details have been saved."
        case .projectSaved: return "The project has been saved."
        case .surveyOpened: return "The survey is ready. Share its link with the people taking part."
        case .sightingAdded: return "Thank you. Your sighting has been added for alliance members to see."
        case .contentSaved: return "Saved. Everyone can now read the changes."
        case .caseStudyUnsaved: return "The case study is off your list."
        case .caseStudySaved: return "The case study is on your list."
        case .photoRemoved: return "The photo has been removed."
        case .photoSaved: return "The photo has been saved. Location and camera details were removed."
        case .consentWithdrawn: return "The consent has been withdrawn and recorded."
        case .consentAdded: return "The consent has been recorded."
        case .storyReturned: return "The story has been returned to its author with your note."
        case .storyPublished: return "The story is published, and its author told."
        case .storySubmitted: return "Your story has been sent to the hub's stewards. We will tell you when they reply."
        case .storySaved: return "Your story has been saved."
        case .indicatorSaved: return "The indicator has been added. You can now measure outcomes by it."
        case .localIndicatorProposed: return "Thank you. The sign has been proposed, with your vote."
        case .localIndicatorAdopted: return "The local indicator is adopted. Outcomes and surveys can now track it."
        case .questionAdded: return "The question has been added to the survey."
        case .translationSaved: return "The translation has been saved. People can now choose it on the form."
        case .paperAnswersSaved: return "The paper answers have been saved. Enter the next form below."
        case .changeStorySaved: return "The story of change has been saved."
        case .selectionRecorded: return "The panel's choice and reasons have been recorded."
        case .feedbackRecorded: return "The feedback to the teller has been recorded."
        case .eventSaved: return "The event has been saved."
        case .attendanceSaved: return "Attendance has been saved."
        case .eventMessageSent: return "Your message has been sent."
        case .feedbackRequested: return "Feedback requests have been sent to the people who came."
        case .peerRequestSaved: return "Your request is saved. Only you can see it until you invite someone."
        case .peerInvited: return "Your invitation has been sent. We will email you when they answer."
        case .peerNoLongerAvailable:
            return "That person is no longer available as a critical friend. Choose someone else."
        case .peerAccepted: return "Thank you for accepting. This conversation is private to the two of you."
        case .peerDeclined: return "You have declined, and they have been told kindly."
        case .peerRequestClosed: return "The request is closed. Your conversations stay here to read."
        case .peerThreadClosed: return "The conversation is closed."
        case .skillOffered: return "Thank you. Your offer is listed for members to see."
        case .skillWithdrawn: return "The offer has been withdrawn."
        }
    }
}

/// The frame of every page: skip link, header with who is signed in, one main landmark, footer.
struct Layout {
    let title: String
    let request: Request
    var hasErrors = false
    var notice: Notice? = nil
    /// Extra head elements: feed links, social preview tags, structured data.
    var head: [Node<HTML.HeadContext>] = []
    var description =
        "Bridgework links the people and organisations who build good relations between communities across England."

    init(
        title: String, request: Request, hasErrors: Bool = false, notice: Notice? = nil, description: String? = nil,
        head: [Node<HTML.HeadContext>] = []
    ) {
        self.title = title
        self.request = request
        self.hasErrors = hasErrors
        self.head = head
        if let description { self.description = description }
        self.notice = notice ?? request.query[String.self, at: "notice"].flatMap(Notice.init(rawValue:))
    }

    private var fullTitle: String { (hasErrors ? "Error: " : "") + title + " – Bridgework" }

    func render(_ content: Node<HTML.BodyContext>...) -> HTML {
        let user = request.currentUser
        return HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's .title() also writes og:title and twitter:title meta tags without escaping
                // their content; the page title often holds what people typed, so write our own.
                .element(named: "title", nodes: [.plainText(fullTitle)]),
                .meta(.attribute(named: "property", value: "og:title"), .content(fullTitle.attributeEscaped)),
                .meta(.name("description"), .content(description.attributeEscaped)),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .script(.src(SiteURL.script.path), .attribute(named: "defer", value: "defer")),
                .group(head)
            ),
            .body(
                .a(.class("skip-link"), .href("#main-content"), .plainText("Skip to main content")),
                header(user: user),
                .div(
                    .class("page"),
                    .unwrap(notice) { notice in
                        .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.plainText(notice.text)))
                    },
                    .main(
                        .id("main-content"),
                        .attribute(named: "tabindex", value: "-1"),
                        .group(content)
                    )
                ),
                footer()
            )
        )
    }

    private func header(user: CurrentUser?) -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .div(
                .class("site-header__inner"),
                .a(.class("site-header__name"), .href(SiteURL.home.path), .plainText("Bridgework")),
                .nav(
                    .attribute(named: "aria-label", value: "Main"),
                    .ul(
                        .class("site-nav"),
                        navItem("Home", .home),
                        navItem("Search", .search),
                        navItem("Hubs", .hubs),
                        navItem("Organisations", .organisations),
                        navItem("Events", .events),
                        navItem("Stories", .stories),
                        navItem("Practice", .practice),
                        navItem("Narratives", .narratives),
                        navItem("Library", .library),
                        .if(request.seesMembersOnly, navItem("Practitioners", .people)),
                        .if(request.seesMembersOnly, navItem("Peer support", .peerSupport)),
                        .if(
                            user?.isCoordinator == true,
                            .group(
                                navItem("Accounts", .adminPeople),
                                navItem("Outbox", .adminOutbox)
                            ))
                    )
                ),
                accountArea(user: user)
            )
        )
    }

    private func navItem(_ text: String, _ url: SiteURL) -> Node<HTML.ListContext> {
        let isCurrent =
            url == .home
            ? request.url.path == "/" : (request.url.path == url.path || request.url.path.hasPrefix(url.path + "/"))
        return .li(
            .a(
                .href(url.path.attributeEscaped),
                .if(isCurrent, .attribute(named: "aria-current", value: "page")),
                .plainText(text)
            ))
    }

    private func accountArea(user: CurrentUser?) -> Node<HTML.BodyContext> {
        guard let user else {
            return .div(
                .class("account-area"),
                .a(.href(SiteURL.signIn.path), .plainText("Sign in")),
                .a(.href(SiteURL.signUp.path), .plainText("Create an account"))
            )
        }
        return .div(
            .class("account-area"),
            .span(
                .class("account-area__who"), .plainText("Signed in as "),
                .a(.href(SiteURL.account.path), .plainText(user.name))),
            .form(
                .class("inline-form"),
                .method(.post),
                .action(SiteURL.signOut.path),
                Forms.csrfField(request),
                .button(.type(.submit), .class("link-button"), .plainText("Sign out"))
            )
        )
    }

    private func footer() -> Node<HTML.BodyContext> {
        .footer(
            .class("site-footer"),
            .div(
                .class("site-footer__inner"),
                .p(
                    .plainText(
                        "Bridgework is the shared platform of an alliance of people and organisations building good relations between communities in England."
                    )),
                .p(.plainText("Personal details are private unless their owner chooses otherwise."))
            )
        )
    }
}

extension HTML {
    /// A complete HTML response.
    func response(status: HTTPStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
