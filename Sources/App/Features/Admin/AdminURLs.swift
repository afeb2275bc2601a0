import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let adminOutbox = SiteURL("/admin/outbox")
    static let adminPeople = SiteURL("/admin/people")
    static let adminPerson = SiteURLPattern1<UUID>("admin", "people", .parameter("personID"))
    static let adminPersonRoles = SiteURLPattern1<UUID>("admin", "people", .parameter("personID"), "roles")
    static let adminDeletePerson = SiteURLPattern1<UUID>("admin", "people", .parameter("personID"), "delete")
}
