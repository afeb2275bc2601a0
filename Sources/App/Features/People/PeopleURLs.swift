import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let people = SiteURL("/people")
    static let person = SiteURLPattern1<UUID>("people", .parameter("personID"))
    static let profile = SiteURL("/account/profile")
}
