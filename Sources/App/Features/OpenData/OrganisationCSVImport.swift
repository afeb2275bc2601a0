import Fluent
import Foundation
import Vapor

/// Imports organisations from a simple spreadsheet (CSV). Each row is checked with the same rules
/// as the web form; good rows are imported, bad rows are reported by line with the reason, and an
/// organisation already listed under the same name is updated rather than added again.
enum OrganisationCSVImport {
    static let columns = [
        "name", "summary", "description", "website", "email", "phone", "charity_number",
        "sectors", "kinds_of_work", "themes", "methods", "areas", "hubs", "visibility",
    ]

    struct Problem: Equatable {
        let line: Int
        let reason: String
    }
    struct Outcome {
        var created = 0
        var updated = 0
        var problems: [Problem] = []
    }

    static func run(text: String, on db: Database, progress: (Int, Int) -> Void = { _, _ in }) async throws -> Outcome {
        var rows = CSV.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        var outcome = Outcome()
        guard !rows.isEmpty else {
            outcome.problems.append(Problem(line: 1, reason: "the file is empty; the first line must name the columns"))
            return outcome
        }
        let header = rows.removeFirst().map {
            $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
        }
        for required in ["name", "summary"] where !header.contains(required) {
            outcome.problems.append(
                Problem(
                    line: 1,
                    reason: "there is no ‘\(required)’ column; the columns can be: \(columns.joined(separator: ", "))"))
        }
        guard outcome.problems.isEmpty else { return outcome }
        let hubs = try await Hub.query(on: db).all()
        let knownHubs = Set(hubs.map(\.slug))
        let dataRows = rows.enumerated().filter {
            !($0.element.count == 1 && $0.element[0].trimmingCharacters(in: .whitespaces).isEmpty)
        }
        for (position, (index, row)) in dataRows.enumerated() {
            let line = index + 2
            var values: [String: String] = [:]
            for (column, value) in zip(header, row) {
                values[column] = value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            var form = OrganisationForm()
            form.name = values["name"] ?? ""
            form.summary = values["summary"] ?? ""
            form.description = values["description"] ?? ""
            form.website = values["website"] ?? ""
            form.contactEmail = values["email"] ?? ""
            form.contactPhone = values["phone"] ?? ""
            form.charityNumber = values["charity_number"] ?? ""
            form.visibility =
                (values["visibility"]?.isEmpty ?? true)
                ? Organisation.Visibility.public.rawValue : values["visibility"]!.lowercased()
            var unknown: [String] = []
            for (column, vocabulary) in [
                ("sectors", Vocabulary.sector), ("kinds_of_work", .kindOfWork), ("themes", .theme),
                ("methods", .method),
            ] {
                let (codes, bad) = codesFrom(values[column] ?? "", vocabulary: vocabulary)
                form.terms[vocabulary] = codes
                unknown += bad.map { "\(column) ‘\($0)’ is not one of the choices" }
            }
            let (areaCodes, badAreas) = areasFrom(values["areas"] ?? "")
            form.areas = areaCodes
            unknown += badAreas.map { "areas ‘\($0)’ is not a council area in England" }
            form.hubs = Set(list(values["hubs"] ?? "").map { $0.lowercased() })
            unknown += form.hubs.subtracting(knownHubs).sorted().map { "hubs ‘\($0)’ is not a hub" }
            form.hubs = form.hubs.intersection(knownHubs)

            let errors = form.validate(knownHubSlugs: knownHubs)
            let reasons = errors.items.map(\.message) + unknown
            if !reasons.isEmpty {
                outcome.problems.append(Problem(line: line, reason: reasons.joined(separator: "; ")))
            } else if let existing = try await Organisation.query(on: db).group(
                .or, { $0.filter(\.$name == form.name).filter(\.$slug == Slugs.make(from: form.name)) }
            ).first() {
                try await OrganisationStore.update(existing, with: form, hubs: hubs, on: db)
                outcome.updated += 1
            } else {
                _ = try await OrganisationStore.create(form, by: nil, hubs: hubs, on: db)
                outcome.created += 1
            }
            progress(position + 1, dataRows.count)
        }
        return outcome
    }

    private static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// Codes or labels, in any case.
    private static func codesFrom(_ text: String, vocabulary: Vocabulary) -> (Set<String>, [String]) {
        var codes = Set<String>()
        var bad: [String] = []
        for item in list(text) {
            let folded = item.lowercased()
            if let term = vocabulary.terms.first(where: { $0.code == folded || $0.label.lowercased() == folded }) {
                codes.insert(term.code)
            } else {
                bad.append(item)
            }
        }
        return (codes, bad)
    }

    /// GSS codes or council names.
    private static func areasFrom(_ text: String) -> (Set<String>, [String]) {
        var codes = Set<String>()
        var bad: [String] = []
        for item in list(text) {
            if let area = LocalAuthorities.byCode[item.uppercased()]
                ?? LocalAuthorities.all.first(where: { $0.name.lowercased() == item.lowercased() })
            {
                codes.insert(area.code)
            } else {
                bad.append(item)
            }
        }
        return (codes, bad)
    }
}
