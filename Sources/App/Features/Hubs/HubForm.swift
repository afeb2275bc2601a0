import Foundation

/// What the hub form (and `bridgework create-hub`) holds, as typed, and the rules it must meet
/// on its own. Rules that need the database (names taken, areas another hub serves, accounts that
/// exist) are `HubStore`'s.
struct HubForm: SubmittedForm {
    var name = ""
    var region = ""
    var summary = ""
    var areas: Set<String> = []
    var membershipPolicy = Hub.MembershipPolicy.approval.rawValue
    /// New stewards' email addresses, as typed: one a line, or separated by commas.
    var newStewards = ""
    /// The current stewards (user ids) to keep; those left out become ordinary members.
    var keptStewards: Set<String> = []

    static let maximumName = 80
    static let maximumSummary = 400

    init(_ input: FormInput) {
        name = input.text("name")
        region = input.text("region")
        summary = input.text("summary", keepNewlines: false)
        areas = input.set("area")
        membershipPolicy = input.text("membership_policy")
        newStewards = input.text("new_stewards", keepNewlines: true)
        keptStewards = input.set("keep_steward")
    }

    init() {}

    init(hub: Hub, areaCodes: [String], stewardIDs: [UUID]) {
        name = hub.name
        region = hub.region
        summary = hub.summary
        areas = Set(areaCodes)
        membershipPolicy = hub.membershipPolicy.rawValue
        keptStewards = Set(stewardIDs.map(\.uuidString))
    }

    /// The new stewards' addresses, normalised, each once, in the order typed.
    var newStewardEmails: [String] {
        var seen: Set<String> = []
        return
            newStewards
            .components(separatedBy: CharacterSet(charactersIn: ",;\n").union(.whitespaces))
            .map { User.normalise(email: $0) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    var keptStewardIDs: Set<UUID> { Set(keptStewards.compactMap(UUID.init(uuidString:))) }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter the hub's name")
        } else if name.count > Self.maximumName {
            errors.add("name", "The name must be \(Self.maximumName) characters or fewer")
        }
        if !LocalAuthorities.regions.contains(region) {
            errors.add("region", "Choose the region the hub is in")
        }
        if summary.isEmpty {
            errors.add("summary", "Enter a sentence or two about the hub's work")
        } else if summary.count > Self.maximumSummary {
            errors.add("summary", "The summary must be \(Self.maximumSummary) characters or fewer")
        }
        if areas.isEmpty {
            errors.add("areas", "Choose at least one council area the hub serves")
        } else if let unknown = areas.first(where: { LocalAuthorities.byCode[$0] == nil }) {
            errors.add("areas", "‘\(unknown)’ is not a council area in England. Choose areas from the list")
        }
        if Hub.MembershipPolicy(rawValue: membershipPolicy) == nil {
            errors.add("membership_policy-approval", "Choose how people join the hub")
        }
        if let wrong = newStewardEmails.first(where: { AccountRules.emailProblem($0) != nil }) {
            errors.add("new_stewards", "‘\(wrong)’ is not an email address. Write one address a line")
        }
        return errors
    }
}
