import Fluent
import Vapor

/// Suggests critical friends for a request: only people who said they are open to it and let
/// members see their profile, ranked by fit, each with the reasons in plain words.
enum PeerMatching {
    struct Suggestion: Sendable {
        let userID: UUID
        let name: String
        let role: String
        let score: Int
        /// Why, as the person asking reads it.
        let reasons: [String]
        /// The same reasons, as the person invited reads them.
        let reasonsForInvitee: [String]
    }

    /// How much each kind of fit counts. Methods weigh most: a critical friend who has done the
    /// same kind of work can ask the useful questions.
    static let methodWeight = 3
    static let themeWeight = 2
    static let languageWeight = 1
    static let outsideHubWeight = 2
    static let sameHubWeight = 1
    static let sameHubPenalty = 4

    static func suggestions(for request: PeerRequest, limit: Int = 10, on db: Database) async throws -> [Suggestion] {
        let askerID = request.$asker.id
        let requestID = try request.requireID()
        let alreadyAsked = Set(
            try await PeerInvitation.query(on: db).filter(\.$request.$id == requestID).all().map { $0.$invitee.id })
        let candidates = try await Profile.query(on: db)
            .filter(\.$criticalFriend == true)
            .filter(\.$visibility ~~ [ProfileVisibility.members, .public])
            .filter(\.$user.$id != askerID)
            // Only approved members: a registered person could not open the request they are invited to.
            .filter(.sql(embed: CurrentUser.approvedMemberSQL(userIDColumn: "profiles.user_id")))
            .with(\.$user).limit(1_000).all()
            .filter { !alreadyAsked.contains($0.$user.id) }
        guard !candidates.isEmpty else { return [] }
        let profileIDs = candidates.compactMap(\.id)
        let terms = try await ProfileTerm.query(on: db).filter(\.$profile.$id ~~ profileIDs).all()
        let termsByProfile = Dictionary(grouping: terms, by: { $0.$profile.id })
        let userIDs = candidates.map { $0.$user.id } + [askerID]
        let memberships = try await HubMembership.query(on: db).filter(\.$user.$id ~~ userIDs)
            .filter(\.$status == .approved).with(\.$hub).all()
        let hubsByUser = Dictionary(grouping: memberships, by: { $0.$user.id }).mapValues {
            Dictionary($0.map { ($0.$hub.id, $0.hub.name) }, uniquingKeysWith: { first, _ in first })
        }
        let askerHubs = hubsByUser[askerID] ?? [:]
        let askerLanguages = languages(
            try await Profile.query(on: db).filter(\.$user.$id == askerID).first()?.languages ?? "")
        let experience = Dictionary(
            grouping: try await PeerInvitation.query(on: db).filter(\.$invitee.$id ~~ candidates.map { $0.$user.id })
                .filter(\.$status ~~ [PeerInvitation.Status.accepted, .closed])
                .filter(\.$respondedAt != nil).all(), by: { $0.$invitee.id }
        ).mapValues(\.count)

        let methodLabels = Dictionary(
            Vocabulary.method.terms.map { ($0.code, $0.label.lowercased()) }, uniquingKeysWith: { first, _ in first })
        let themeLabels = Dictionary(
            Vocabulary.theme.terms.map { ($0.code, $0.label.lowercased()) }, uniquingKeysWith: { first, _ in first })
        var suggestions: [Suggestion] = []
        for profile in candidates {
            let userID = profile.$user.id
            let own = termsByProfile[profile.id!] ?? []
            let methods = request.methodCodes.intersection(
                own.filter { $0.vocabulary == Vocabulary.method.rawValue }.map(\.code)
            ).sorted()
            let themes = request.themeCodes.intersection(
                own.filter { $0.vocabulary == Vocabulary.theme.rawValue }.map(\.code)
            ).sorted()
            var score = methods.count * methodWeight + themes.count * themeWeight
            var reasons: [String] = []
            var theirs: [String] = []
            if !methods.isEmpty {
                let named = Wording.list(methods.map { methodLabels[$0] ?? $0 })
                reasons.append("Works with \(named), as your challenge does")
                theirs.append("you work with \(named), which their challenge involves")
            }
            if !themes.isEmpty {
                let named = Wording.list(themes.map { themeLabels[$0] ?? $0 })
                reasons.append("Knows about \(named)")
                theirs.append("you know about \(named)")
            }
            let shared = askerLanguages.intersection(languages(profile.languages)).subtracting(["english"]).sorted()
            if !shared.isEmpty {
                score += languageWeight
                reasons.append("Speaks " + Wording.list(shared.map(\.capitalized)) + ", as you do")
                theirs.append("you both speak " + Wording.list(shared.map(\.capitalized)))
            }
            if let times = experience[userID], times > 0 {
                score += min(times, 3)
                reasons.append("Has been a critical friend \(times == 1 ? "once" : "\(times) times") before")
                theirs.append("you have been a critical friend before")
            }
            let theirHubs = hubsByUser[userID] ?? [:]
            let commonHubs = Set(askerHubs.keys).intersection(theirHubs.keys)
            if request.preferOutsideHub {
                if commonHubs.isEmpty {
                    score += outsideHubWeight
                    reasons.append("Outside your own hubs, as you asked")
                    theirs.append("they wanted someone from outside their own hubs")
                } else {
                    score -= sameHubPenalty
                    reasons.append("In a hub with you, though you asked for someone outside")
                }
            } else if let hub = commonHubs.compactMap({ theirHubs[$0] }).sorted().first {
                score += sameHubWeight
                reasons.append("In the \(hub) hub with you")
                theirs.append("you are both in the \(hub) hub")
            }
            if reasons.isEmpty { reasons.append("Open to being a critical friend") }
            if theirs.isEmpty { theirs.append("you said you are open to being a critical friend") }
            suggestions.append(
                Suggestion(
                    userID: userID, name: profile.user.name, role: profile.role, score: score, reasons: reasons,
                    reasonsForInvitee: theirs))
        }
        return Array(suggestions.sorted { ($0.score, $1.name) > ($1.score, $0.name) }.prefix(limit))
    }

    static func languages(_ text: String) -> Set<String> {
        Set(
            text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" }).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }.filter { !$0.isEmpty })
    }

}
