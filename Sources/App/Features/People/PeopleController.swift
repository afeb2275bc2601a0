import Fluent
import FluentSQL
import Plot
import SQLKit
import Vapor

/// Practitioners' profiles (`/people/{id}`), finding practitioners (`/people`, for members),
/// and editing one's own profile (`/account/profile`).
struct PeopleController {
    static let pageSize = 20

    // MARK: One person

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("personID", as: UUID.self),
            let user = try await User.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let profile = try await Profile.query(on: req.db).filter(\.$user.$id == id).with(\.$user).first()
        // Without a profile the person has chosen nothing, so only they can see this page.
        let visible = profile?.isVisible(to: req.currentUser) ?? (req.currentUser?.id == id)
        guard visible else { throw Abort(.notFound) }
        let terms = try await Self.terms(of: profile, on: req.db)
        var organisationQuery = Organisation.query(on: req.db)
            .join(OrganisationMembership.self, on: \OrganisationMembership.$organisation.$id == \Organisation.$id)
            .filter(OrganisationMembership.self, \.$user.$id == id)
        if !req.seesMembersOnly {
            organisationQuery = organisationQuery.filter(\.$visibility == .public)
        }
        let organisations = try await organisationQuery.sort(\.$name).all()
        let hubs = try await Hub.query(on: req.db)
            .join(HubMembership.self, on: \HubMembership.$hub.$id == \Hub.$id)
            .filter(HubMembership.self, \.$user.$id == id)
            .filter(HubMembership.self, \.$status == .approved)
            .sort(\.$name).all()
        let model = PersonPage.Model(
            page: req.page, user: user, profile: profile, terms: terms, organisations: organisations, hubs: hubs,
            isOwner: req.currentUser?.id == id)
        return PersonPage.view(model).response()
    }

    private static func terms(of profile: Profile?, on db: Database) async throws -> [ProfileTerm] {
        guard let profile else { return [] }
        return try await ProfileTerm.query(on: db).filter(\.$profile.$id == profile.requireID()).all()
    }

    // MARK: Finding practitioners

    struct Search: Sendable {
        var text = ""
        var method: String? = nil
        var theme: String? = nil
        var hub: String? = nil
        var criticalFriend = false
        var page = 1

        init(_ req: Request) {
            text = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
            method = req.query[String.self, at: "method"].flatMap { Vocabulary.method.isValid($0) ? $0 : nil }
            theme = req.query[String.self, at: "theme"].flatMap { Vocabulary.theme.isValid($0) ? $0 : nil }
            hub = req.query[String.self, at: "hub"].flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
            criticalFriend = req.query[String.self, at: "critical_friend"] == "yes"
            page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
        }

        var parameters: [String: String] {
            var result: [String: String] = [:]
            if !text.isEmpty { result["q"] = text }
            if let method { result["method"] = method }
            if let theme { result["theme"] = theme }
            if let hub { result["hub"] = hub }
            if criticalFriend { result["critical_friend"] = "yes" }
            return result
        }
    }

    func search(req: Request) async throws -> Response {
        let viewer = try req.requireCurrentUser()
        let search = Search(req)
        let found = try await PractitionerSearch.run(
            .init(
                text: search.text, hub: search.hub, method: search.method, theme: search.theme,
                criticalFriend: search.criticalFriend),
            viewer: viewer.id, page: search.page, pageSize: Self.pageSize, on: req.db)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let model = PractitionerSearchPage.Model(
            page: req.page, search: search, profiles: found.profiles, total: found.total, pageSize: Self.pageSize,
            hubs: hubs)
        return PractitionerSearchPage.view(model).response()
    }

    // MARK: Editing one's own profile

    func editForm(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let profile = try await Profile.query(on: req.db).filter(\.$user.$id == user.id).first()
        let terms = try await Self.terms(of: profile, on: req.db)
        let model = ProfileFormPage.Model(page: req.page, form: ProfileForm(profile: profile, terms: terms))
        return ProfileFormPage.view(model).response()
    }

    func update(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = req.form(ProfileForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            let model = ProfileFormPage.Model(page: req.page, form: form, errors: errors)
            return ProfileFormPage.view(model).response(status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            let profile =
                try await Profile.query(on: db).filter(\.$user.$id == user.id).first() ?? Profile(userID: user.id)
            profile.role = form.role
            profile.bio = form.bio
            profile.skills = form.skills
            profile.languages = form.languages
            profile.criticalFriend = form.criticalFriend
            // The form was checked first, so its visibility is one of the choices.
            profile.visibility = ProfileVisibility(rawValue: form.visibility) ?? .private
            try await profile.save(on: db)
            let profileID = try profile.requireID()
            try await ProfileTerm.query(on: db).filter(\.$profile.$id == profileID).delete()
            let terms =
                form.methods.sorted().map { ProfileTerm(profileID: profileID, vocabulary: .method, code: $0) }
                + form.themes.sorted().map { ProfileTerm(profileID: profileID, vocabulary: .theme, code: $0) }
            if !terms.isEmpty { try await terms.create(on: db) }
        }
        try await req.audit(
            .profileUpdated, subjectType: "user", subjectID: user.id, detail: "visibility \(form.visibility)")
        return req.redirect(to: SiteURL.person(user.id).with(notice: PeopleNotice.profileSaved))
    }
}

/// The profile form as typed, and its rules.
struct ProfileForm: SubmittedForm {
    var role = ""
    var bio = ""
    var skills = ""
    var languages = ""
    var methods: Set<String> = []
    var themes: Set<String> = []
    var criticalFriend = false
    var visibility = ProfileVisibility.private.rawValue

    init(profile: Profile?, terms: [ProfileTerm]) {
        guard let profile else { return }
        role = profile.role
        bio = profile.bio
        skills = profile.skills
        languages = profile.languages
        criticalFriend = profile.criticalFriend
        visibility = profile.visibility.rawValue
        methods = Set(terms.filter { $0.vocabulary == Vocabulary.method.rawValue }.map(\.code))
        themes = Set(terms.filter { $0.vocabulary == Vocabulary.theme.rawValue }.map(\.code))
    }

    init(_ input: FormInput) {
        role = input.text("role")
        bio = input.text("bio", keepNewlines: true)
        skills = input.text("skills")
        languages = input.text("languages")
        methods = input.set("method")
        themes = input.set("theme")
        criticalFriend = input.text("critical_friend") == "yes"
        visibility = input.text("visibility")
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if role.count > 100 { errors.add("role", "Your role must be 100 characters or fewer") }
        if bio.count > 2_000 { errors.add("bio", "About you must be 2,000 characters or fewer") }
        if skills.count > 500 { errors.add("skills", "Skills must be 500 characters or fewer") }
        if languages.count > 200 { errors.add("languages", "Languages must be 200 characters or fewer") }
        if let unknown = methods.first(where: { !Vocabulary.method.isValid($0) }) {
            errors.add("method-dialogue", "Method ‘\(unknown)’ is not one of the choices")
        }
        if let unknown = themes.first(where: { !Vocabulary.theme.isValid($0) }) {
            errors.add("theme-ethnicity", "Theme ‘\(unknown)’ is not one of the choices")
        }
        if ProfileVisibility(rawValue: visibility) == nil {
            errors.add("visibility-private", "Choose who can see your profile")
        }
        return errors
    }
}
