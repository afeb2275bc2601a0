import Fluent
import Vapor

/// A method, guide, training course, piece of research or toolkit in the library.
final class Resource: Model, @unchecked Sendable {
    static let schema = "resources"

    enum Kind: String, CaseIterable, Codable, Sendable {
        case method, guide, training, research, toolkit

        var label: String {
            switch self {
            case .method: return "Method"
            case .guide: return "Guide"
            case .training: return "Training"
            case .research: return "Research"
            case .toolkit: return "Toolkit"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: Kind
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    @OptionalField(key: "link") var link: String?
    @OptionalField(key: "doi") var doi: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $slug, $title, $kind, $summary, $body, $link, $doi, $createdAt, $updatedAt]
    }

    var kindLabel: String { kind.label }
}

/// What a curator typed for a library resource.
struct ResourceForm: SubmittedForm, Equatable {
    var title = ""
    var kind = ""
    var summary = ""
    var body = ""
    var link = ""
    var doi = ""
    var methods: Set<String> = []
    var themes: Set<String> = []

    init() {}

    init(_ input: FormInput) {
        func field(_ name: String) -> String { input.text(name, keepNewlines: true) }
        title = field("title")
        kind = field("kind")
        summary = field("summary")
        body = field("body")
        link = field("link")
        doi = field("doi")
        methods = input.set("methods")
        themes = input.set("themes")
    }

    init(_ resource: Resource, terms: [Vocabulary: [String]]) {
        title = resource.title
        kind = resource.kind.rawValue
        summary = resource.summary
        body = resource.body
        link = resource.link ?? ""
        doi = resource.doi ?? ""
        methods = Set(terms[.method] ?? [])
        themes = Set(terms[.theme] ?? [])
    }

    /// A DOI as written in citations: "10." then a registrant code, a slash and a suffix.
    static func isDOI(_ text: String) -> Bool {
        text.range(of: #"^10\.\d{4,9}/\S+$"#, options: .regularExpression) != nil && text.count <= 200
    }

    /// Only web addresses: no javascript:, data: or file: links reach a page.
    static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= 500, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = url.host, !host.isEmpty
        else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "title", label: "a title", max: 150, into: &errors)
        if Resource.Kind(rawValue: kind) == nil {
            errors.add("kind-\(Resource.Kind.allCases[0].rawValue)", "Choose what kind of resource this is")
        }
        ContentChecks.required(summary, field: "summary", label: "a summary", max: 400, into: &errors)
        ContentChecks.optional(body, field: "body", label: "the text", max: 20_000, into: &errors)
        if body.isEmpty && link.isEmpty { errors.add("body", "Write the resource here, or give a link to it") }
        if !link.isEmpty, !Self.isWebAddress(link) {
            errors.add("link", "Enter a web address starting with https:// or http://")
        }
        if !doi.isEmpty, !Self.isDOI(doi) {
            errors.add("doi", "Enter a DOI like 10.1037/0022-3514.90.5.751, without https://doi.org/")
        }
        ContentChecks.codes(methods, in: .method, field: "methods", into: &errors)
        ContentChecks.codes(themes, in: .theme, field: "themes", into: &errors)
        return errors
    }

    func apply(to resource: Resource) {
        resource.title = title
        // Only a checked form is applied, so the kind is one of the list.
        if let kind = Resource.Kind(rawValue: kind) { resource.kind = kind }
        resource.summary = summary
        resource.body = body
        resource.link = link.isEmpty ? nil : link
        resource.doi = doi.isEmpty ? nil : doi
    }

    var terms: [Vocabulary: Set<String>] { [.method: methods, .theme: themes] }
}
