import Foundation

/// What the organisation form holds, as typed, and the rules it must meet.
struct OrganisationForm: SubmittedForm {
    var name = ""
    var summary = ""
    var description = ""
    var website = ""
    var charityNumber = ""
    var contactEmail = ""
    var contactPhone = ""
    var visibility = Organisation.Visibility.public.rawValue
    var terms: [Vocabulary: Set<String>] = [:]
    var areas: Set<String> = []
    var hubs: Set<String> = []

    static let maximumSummary = 280
    static let maximumDescription = 5_000

    /// Reads the posted form. Checkbox groups arrive as repeated fields (`work[]`).
    init(_ input: FormInput) {
        name = input.text("name")
        summary = input.text("summary")
        description = input.text("description", keepNewlines: true)
        website = input.text("website")
        charityNumber = input.text("charity_number")
        contactEmail = input.text("contact_email")
        contactPhone = input.text("contact_phone")
        visibility = input.text("visibility")
        terms[.sector] = input.set("sector")
        terms[.kindOfWork] = input.set("work")
        terms[.theme] = input.set("theme")
        terms[.method] = input.set("method")
        areas = input.set("area")
        hubs = input.set("hub")
    }

    init() {}

    init(organisation: Organisation, terms: [OrganisationTerm], areas: [OrganisationArea], hubSlugs: Set<String>) {
        name = organisation.name
        summary = organisation.summary
        description = organisation.description
        website = organisation.website ?? ""
        charityNumber = organisation.charityNumber ?? ""
        contactEmail = organisation.contactEmail ?? ""
        contactPhone = organisation.contactPhone ?? ""
        visibility = organisation.visibility.rawValue
        for term in terms {
            if let vocabulary = Vocabulary(rawValue: term.vocabulary) {
                self.terms[vocabulary, default: []].insert(term.code)
            }
        }
        self.areas = Set(areas.map(\.areaCode))
        hubs = hubSlugs
    }

    /// Every rule, the hubs chosen among them.
    func validate(knownHubSlugs: Set<String>) -> FormErrors {
        var errors = validate()
        if !hubs.isSubset(of: knownHubSlugs) {
            errors.add("hubs", "Choose hubs from the list")
        }
        return errors
    }

    /// The rules for what was typed; which hubs exist is checked by `validate(knownHubSlugs:)`.
    func validate() -> FormErrors {
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter the organisation's name")
        } else if name.count > 120 {
            errors.add("name", "Name must be 120 characters or fewer")
        }
        if summary.isEmpty {
            errors.add("summary", "Enter a short summary of the organisation's work")
        } else if summary.count > Self.maximumSummary {
            errors.add("summary", "Summary must be \(Self.maximumSummary) characters or fewer")
        }
        if description.count > Self.maximumDescription {
            errors.add("description", "Description must be \(Self.maximumDescription) characters or fewer")
        }
        if !website.isEmpty, Self.normalisedWebsite(website) == nil {
            errors.add("website", "Enter a website address starting with http:// or https://, like https://example.org")
        }
        if !charityNumber.isEmpty,
            charityNumber.count > 20 || !charityNumber.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " })
        {
            errors.add("charity_number", "Enter a charity number using numbers only, like 1234567")
        }
        if !contactEmail.isEmpty, let problem = AccountRules.emailProblem(contactEmail) {
            errors.add(
                "contact_email",
                problem.replacingOccurrences(of: "Enter an email address", with: "Enter a contact email address"))
        }
        if !contactPhone.isEmpty,
            contactPhone.count > 30 || !contactPhone.allSatisfy({ $0.isNumber || " +()-".contains($0) })
        {
            errors.add("contact_phone", "Enter a telephone number, like 0114 496 0000 or +44 114 496 0000")
        }
        if Organisation.Visibility(rawValue: visibility) == nil {
            errors.add("visibility-public", "Choose who can see this listing")
        }
        for vocabulary in Vocabulary.allCases {
            if let unknown = terms[vocabulary]?.first(where: { !vocabulary.isValid($0) }) {
                errors.add(
                    "\(vocabulary.rawValue)-\(vocabulary.terms[0].code)",
                    "\(vocabulary.title) ‘\(unknown)’ is not one of the choices")
            }
        }
        if areas.contains(where: { LocalAuthorities.byCode[$0] == nil }) {
            errors.add("areas", "Choose areas from the list")
        }
        return errors
    }

    /// An http or https address with a host, or nil.
    static func normalisedWebsite(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, host.contains(".")
        else { return nil }
        return text
    }
}
