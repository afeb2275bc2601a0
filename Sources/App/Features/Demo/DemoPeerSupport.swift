import Fluent
import Foundation

/// The demo's skill offers, from the made-up practitioners who are open to being critical friends.
enum DemoPeerSupport {
    static func seed(on db: Database) async throws {
        let offers: [(email: String, title: String, description: String, methods: String)] = [
            (
                "amina@demo.bridgework.org.uk", "I can train young volunteers as peer mediators",
                "A two-evening course I have run in schools and youth clubs. Happy to come to you in the South East, or to talk it through online.",
                ",mediation,training,youth-work,"
            ),
            (
                "tom@demo.bridgework.org.uk", "I can look over your plan for a neighbour mediation service",
                "Twenty minutes on a call, before you start: referrals, training, and what to do when one side will not come.",
                ",mediation,"
            ),
        ]
        for offer in offers {
            guard let user = try await User.query(on: db).filter(\.$email == offer.email).first() else { continue }
            let skill = SkillOffer()
            skill.$user.id = try user.requireID()
            skill.title = offer.title
            skill.description = offer.description
            skill.methods = offer.methods
            try await skill.create(on: db)
        }
    }
}
