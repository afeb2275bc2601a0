import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let respondToInvitation = SiteURL("/invitations/respond")
    static let withdrawInvitation = SiteURLPattern2<String, UUID>(
        "organisations", .parameter("organisationSlug"), "invitations", .parameter("invitationID"), "withdraw")
    static let leaveOrganisation = SiteURLPattern1<String>("organisations", .parameter("organisationSlug"), "leave")
    static let organisations = SiteURL("/organisations")
    static let newOrganisation = SiteURL("/organisations/new")
    static let organisation = SiteURLPattern1<String>("organisations", .parameter("organisationSlug"))
    static let editOrganisation = SiteURLPattern1<String>("organisations", .parameter("organisationSlug"), "edit")
    static let organisationMembers = SiteURLPattern1<String>("organisations", .parameter("organisationSlug"), "members")
    static let organisationMember = SiteURLPattern2<String, UUID>(
        "organisations", .parameter("organisationSlug"), "members", .parameter("membershipID"))
}
