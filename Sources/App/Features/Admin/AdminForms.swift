import Foundation

/// One change a coordinator can make to a person's roles, as the person page's buttons name it.
enum RoleChange: String, Sendable {
    case grantCoordinator = "grant-coordinator"
    case removeCoordinator = "remove-coordinator"
    case grantSteward = "grant-steward"
    case grantAdmin = "grant-admin"
    case removeHub = "remove-hub"
    case removeOrganisation = "remove-organisation"
}

/// The person page's role forms: which change, and the hub, organisation or role it is about.
struct RoleChangeForm: SubmittedForm {
    /// Nil when the form named no change we know.
    let change: RoleChange?
    /// The hub chosen to make them a steward of.
    let hubID: UUID?
    /// The organisation chosen to invite them to be an admin of.
    let organisationID: UUID?
    /// The hub or organisation whose role a "Remove" button removes.
    let targetID: UUID?

    init(_ input: FormInput) {
        change = RoleChange(rawValue: input.text("change"))
        hubID = UUID(uuidString: input.text("hub"))
        organisationID = UUID(uuidString: input.text("organisation"))
        targetID = UUID(uuidString: input.text("target"))
    }

    /// Only that a change was named: whether the hub or organisation exists, and whether the
    /// alliance keeps a coordinator, the handler finds out.
    func validate() -> FormErrors {
        var errors = FormErrors()
        if change == nil { errors.add("coordinator", "Choose a change to make") }
        return errors
    }
}

/// The person page's form that deletes their account.
struct DeletePersonForm: SubmittedForm {
    let reason: String

    init(_ input: FormInput) {
        reason = input.text("reason", keepNewlines: true)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if reason.isEmpty { errors.add("reason", "Say why the account is being deleted") }
        if reason.count > 1_000 { errors.add("reason", "Keep the reason to 1,000 characters or fewer") }
        return errors
    }
}
