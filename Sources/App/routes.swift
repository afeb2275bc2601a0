import Vapor

/// Every route of the site, each with the policy action it performs.
func routes(_ app: Application) throws {
    app.get(SiteURL.home.routeComponents, use: HomePage.handler).requires(.readPublic)
    app.get(SiteURL.healthz.routeComponents, use: HealthCheck.handler).requires(.readPublic)

    let accounts = AccountController()
    app.get(SiteURL.signUp.routeComponents, use: accounts.signUpPage).requires(.useSignInForms)
    app.post(SiteURL.signUp.routeComponents, use: accounts.signUp).requires(.useSignInForms)
    app.get(SiteURL.signUpDone.routeComponents, use: accounts.signUpDone).requires(.useSignInForms)
    app.get(SiteURL.confirmEmail.routeComponents, use: accounts.confirmEmailPage).requires(.useSignInForms)
    app.post(SiteURL.confirmEmail.routeComponents, use: accounts.confirmEmail).requires(.useSignInForms)
    app.get(SiteURL.resendConfirmation.routeComponents, use: accounts.resendConfirmationPage).requires(.useSignInForms)
    app.post(SiteURL.resendConfirmation.routeComponents, use: accounts.resendConfirmation).requires(.useSignInForms)
    app.get(SiteURL.signIn.routeComponents, use: accounts.signInPage).requires(.useSignInForms)
    app.post(SiteURL.signIn.routeComponents, use: accounts.signIn).requires(.useSignInForms)
    app.post(SiteURL.signOut.routeComponents, use: accounts.signOut).requires(.manageOwnAccount)
    app.get(SiteURL.forgotPassword.routeComponents, use: accounts.forgotPasswordPage).requires(.useSignInForms)
    app.post(SiteURL.forgotPassword.routeComponents, use: accounts.forgotPassword).requires(.useSignInForms)
    app.get(SiteURL.resetPassword.routeComponents, use: accounts.resetPasswordPage).requires(.useSignInForms)
    app.post(SiteURL.resetPassword.routeComponents, use: accounts.resetPassword).requires(.useSignInForms)
    app.get(SiteURL.account.routeComponents, use: accounts.accountPage).requires(.manageOwnAccount)
    app.post(SiteURL.account.routeComponents, use: accounts.updateAccount).requires(.manageOwnAccount)
    app.post(SiteURL.accountPassword.routeComponents, use: accounts.changePassword).requires(.manageOwnAccount)

    app.get(SiteURL.adminOutbox.routeComponents, use: OutboxPage.handler).requires(.readOutbox)
    let peopleAdmin = PeopleAdminController()
    let anyPerson = UUID()
    app.get(SiteURL.adminPeople.routeComponents, use: peopleAdmin.list).requires(.manageRoles)
    app.get(SiteURL.adminPerson(anyPerson).routeComponents, use: peopleAdmin.person).requires(.manageRoles)
    app.post(SiteURL.adminPersonRoles(anyPerson).routeComponents, use: peopleAdmin.changeRoles).requires(.manageRoles)

    let people = PeopleController()
    app.get(SiteURL.people.routeComponents, use: people.search).requires(.findPractitioners)
    // Anyone may ask; the handler shows a profile only as far as its owner chose.
    app.get(SiteURL.person(UUID()).routeComponents, use: people.show).requires(.readPublic)
    app.get(SiteURL.profile.routeComponents, use: people.editForm).requires(.manageOwnAccount)
    app.post(SiteURL.profile.routeComponents, use: people.update).requires(.manageOwnAccount)

    let hubs = HubController()
    app.get(SiteURL.hubs.routeComponents, use: hubs.list).requires(.readPublic)
    app.get(SiteURL.hub("").routeComponents, use: hubs.show).requires(.readPublic)
    let hubMembership = HubMembershipController()
    app.post(SiteURL.joinHub("").routeComponents, use: hubMembership.join).requires(.manageOwnAccount)
    app.post(SiteURL.leaveHub("").routeComponents, use: hubMembership.leave).requires(.manageOwnAccount)
    // Signed-in people reach these handlers, which check they steward this hub.
    app.get(SiteURL.hubRequests("").routeComponents, use: hubMembership.requests).requires(.manageOwnAccount)
    app.post(SiteURL.hubPersonDecision("", UUID()).routeComponents, use: hubMembership.decidePerson).requires(.manageOwnAccount)
    app.post(SiteURL.hubOrganisationDecision("", UUID()).routeComponents, use: hubMembership.decideOrganisation).requires(.manageOwnAccount)
    app.post(SiteURL.hubStewards("").routeComponents, use: hubMembership.addSteward).requires(.manageOwnAccount)

    app.get(SiteURL.search.routeComponents, use: DirectorySearchController().search).requires(.readPublic)

    let organisations = OrganisationController()
    app.get(SiteURL.organisations.routeComponents, use: organisations.search).requires(.readPublic)
    app.get(SiteURL.newOrganisation.routeComponents, use: organisations.newForm).requires(.addOrganisation)
    app.post(SiteURL.newOrganisation.routeComponents, use: organisations.create).requires(.addOrganisation)
    app.get(SiteURL.organisation("").routeComponents, use: organisations.show).requires(.readPublic)
    // Signed-in people reach the handler, which checks they administer this organisation.
    app.get(SiteURL.editOrganisation("").routeComponents, use: organisations.editForm).requires(.addOrganisation)
    app.post(SiteURL.editOrganisation("").routeComponents, use: organisations.update).requires(.addOrganisation)
    let organisationMembers = OrganisationMembersController()
    app.get(SiteURL.organisationMembers("").routeComponents, use: organisationMembers.page).requires(.addOrganisation)
    app.post(SiteURL.organisationMembers("").routeComponents, use: organisationMembers.add).requires(.addOrganisation)
    app.post(SiteURL.organisationMember("", UUID()).routeComponents, use: organisationMembers.change).requires(.addOrganisation)

    app.get(SiteURL.apiMe.routeComponents, use: MeAPI.handler).requires(.useAPIAsSelf)
    let directoryAPI = DirectoryAPI()
    app.get(SiteURL.apiHubs.routeComponents, use: directoryAPI.hubs).requires(.readPublic)
    app.get(SiteURL.apiHub("").routeComponents, use: directoryAPI.hub).requires(.readPublic)
    app.get(SiteURL.apiOrganisations.routeComponents, use: directoryAPI.organisations).requires(.readPublic)
    app.get(SiteURL.apiOrganisation("").routeComponents, use: directoryAPI.organisation).requires(.readPublic)
    app.post(SiteURL.apiOrganisations.routeComponents, use: directoryAPI.create).requires(.addOrganisation)
    // Token holders reach the handler, which checks they administer this organisation.
    app.patch(SiteURL.apiOrganisation("").routeComponents, use: directoryAPI.update).requires(.addOrganisation)
    app.get(SiteURL.apiOpenAPI.routeComponents, use: OpenAPIDocument.handler).requires(.readPublic)
    let hsds = HSDSAPI()
    app.get(SiteURL.hsdsOrganizations.routeComponents, use: hsds.organizations).requires(.readPublic)
    app.get(SiteURL.hsdsOrganization(UUID()).routeComponents, use: hsds.organization).requires(.readPublic)
}
