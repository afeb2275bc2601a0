import Fluent
import Vapor

/// Who may see a practitioner's profile. Private is the default: a person appears only by their own choice.
enum ProfileVisibility: String, Codable, Sendable, CaseIterable {
    case `private`
    case members
    case `public`

    var label: String {
        switch self {
        case .private: return "Only me"
        case .members: return "Alliance members"
        case .public: return "Everyone"
        }
    }

    var hint: String {
        switch self {
        case .private: return "Nobody else can see your profile or find you in search."
        case .members: return "People signed in to Bridgework can see it and find you."
        case .public: return "Anyone can see it, including people who are not signed in."
        }
    }
}

/// A practitioner's profile: what they choose to say about their work.
final class Profile: Model, @unchecked Sendable {
    static let schema = "profiles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: String
    @Field(key: "bio") var bio: String
    @Field(key: "skills") var skills: String
    @Field(key: "languages") var languages: String
    @Field(key: "critical_friend") var criticalFriend: Bool
    @Field(key: "visibility") var visibility: ProfileVisibility
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $user, $role, $bio, $skills, $languages, $criticalFriend, $visibility, $updatedAt]
    }

    init(
        userID: UUID, role: String = "", bio: String = "", skills: String = "", languages: String = "",
        criticalFriend: Bool = false, visibility: ProfileVisibility = .private
    ) {
        self.$user.id = userID
        self.role = role
        self.bio = bio
        self.skills = skills
        self.languages = languages
        self.criticalFriend = criticalFriend
        self.visibility = visibility
    }

    /// Whether `viewer` may see this profile: its owner always; others as its owner chose.
    func isVisible(to viewer: CurrentUser?) -> Bool {
        if viewer?.id == $user.id { return true }
        switch visibility {
        case .public: return true
        case .members: return viewer?.isApprovedMember == true
        case .private: return false
        }
    }
}

/// A method or theme on a practitioner's profile.
final class ProfileTerm: Model, @unchecked Sendable {
    static let schema = "profile_terms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "profile_id") var profile: Profile
    @Field(key: "vocabulary") var vocabulary: String
    @Field(key: "code") var code: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $profile, $vocabulary, $code] }

    init(profileID: UUID, vocabulary: Vocabulary, code: String) {
        self.$profile.id = profileID
        self.vocabulary = vocabulary.rawValue
        self.code = code
    }
}
