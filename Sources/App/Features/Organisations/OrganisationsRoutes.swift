import Vapor

/// The routes of this feature, each with the policy action it performs.
enum OrganisationsRoutes {
    static func register(on app: Application) {
        let organisations = OrganisationController()
        app.get(SiteURL.organisations.routeComponents, use: organisations.search).requires(.readPublic)
        app.get(SiteURL.newOrganisation.routeComponents, use: organisations.newForm).requires(.addOrganisation)
        app.post(SiteURL.newOrganisation.routeComponents, use: organisations.create).requires(.addOrganisation)
        // Anyone may ask; a members-only listing is not found by those who may not see it.
        app.get(SiteURL.organisation.routeComponents, use: organisations.show).requires(
            .readPublic, on: .visibleOrganisationBySlug)
        app.get(SiteURL.editOrganisation.routeComponents, use: organisations.editForm).requires(
            .administerOrganisation, on: .visibleOrganisationBySlug)
        app.post(SiteURL.editOrganisation.routeComponents, use: organisations.update).requires(
            .administerOrganisation, on: .visibleOrganisationBySlug)
        let organisationMembers = OrganisationMembersController()
        app.get(SiteURL.organisationMembers.routeComponents, use: organisationMembers.page).requires(
            .administerOrganisation, on: .organisationBySlug)
        app.post(SiteURL.organisationMembers.routeComponents, use: organisationMembers.add).requires(
            .administerOrganisation, on: .organisationBySlug)
        app.post(SiteURL.organisationMember.routeComponents, use: organisationMembers.change).requires(
            .administerOrganisation, on: .organisationBySlug)
        app.post(SiteURL.withdrawInvitation.routeComponents, use: organisationMembers.withdraw).requires(
            .administerOrganisation, on: .organisationBySlug)
        let invitations = OrganisationInvitationController()
        // The link is the key, and works only for the person signed in with the address it went to.
        app.get(SiteURL.respondToInvitation.routeComponents, use: invitations.page).requires(.readPublic)
        app.post(SiteURL.respondToInvitation.routeComponents, use: invitations.respond).requires(.manageOwnAccount)
        app.post(SiteURL.leaveOrganisation.routeComponents, use: invitations.leave).requires(.manageOwnAccount)
    }
}
