import Foundation
import Vapor

/// What the organisation form holds, as typed, and the rules it must meet.
struct OrganisationForm: Sendable {
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
    init(request: Request) {
        struct Posted: Content {
            var name: String?
            var summary: String?
            var description: String?
            var website: String?
            var charity_number: String?
            var contact_email: String?
            var contact_phone: String?
            var visibility: String?
            var sector: [String]?
            var work: [String]?
            var theme: [String]?
            var method: [String]?
            var area: [String]?
            var hub: [String]?
        }
        let posted = (try? request.content.decode(Posted.self)) ?? Posted()
        func clean(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        name = clean(posted.name)
        summary = clean(posted.summary)
        description = clean(posted.description).replacingOccurrences(of: "\r\n", with: "\n")
        website = clean(posted.website)
        charityNumber = clean(posted.charity_number)
        contactEmail = clean(posted.contact_email)
        contactPhone = clean(posted.contact_phone)
        visibility = clean(posted.visibility)
        terms[.sector] = Set(posted.sector ?? [])
        terms[.kindOfWork] = Set(posted.work ?? [])
        terms[.theme] = Set(posted.theme ?? [])
        terms[.method] = Set(posted.method ?? [])
        areas = Set(posted.area ?? [])
        hubs = Set(posted.hub ?? [])
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
        visibility = organisation.visibility
        for term in terms {
            if let vocabulary = Vocabulary(rawValue: term.vocabulary) {
                self.terms[vocabulary, default: []].insert(term.code)
            }
        }
        self.areas = Set(areas.map(\.areaCode))
        hubs = hubSlugs
    }

    func validate(knownHubSlugs: Set<String>) -> FormErrors {
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
        if !hubs.isSubset(of: knownHubSlugs) {
            errors.add("hubs", "Choose hubs from the list")
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

enum Slugs {
    /// "Who Is Your Neighbour?" becomes "who-is-your-neighbour". A name with no Latin letters or
    /// digits gets `fallback`, and the callers number repeats.
    static func make(from text: String, fallback: String = "organisation") -> String {
        let folded = text.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB")
        ).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty
            ? fallback : String(trimmed.prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
