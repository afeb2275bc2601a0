import Fluent
import SQLKit
import Vapor

/// Checks shared by the forms of several features.
enum ContentChecks {
    static func required(_ value: String, field: String, label: String, max: Int, into errors: inout FormErrors) {
        if value.isEmpty {
            errors.add(field, "Enter \(label)")
        } else if value.count > max {
            errors.add(
                field,
                "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(max.formatted()) characters or fewer")
        }
    }

    static func optional(_ value: String, field: String, label: String, max: Int, into errors: inout FormErrors) {
        if value.count > max {
            errors.add(
                field,
                "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(max.formatted()) characters or fewer")
        }
    }

    /// A slug not yet used in `schema`, nor one of the `reserved` words other pages use.
    static func uniqueSlug(
        for title: String, schema: String, fallback: String, reserved: Set<String> = [], on db: Database
    ) async throws -> String {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let base = Slugs.make(from: title, fallback: fallback)
        let rows = try await sql.raw(
            "SELECT slug FROM \(ident: schema) WHERE slug = \(bind: base) OR slug LIKE \(bind: base + "-%")"
        ).all()
        let taken = Set(try rows.map { try $0.decode(column: "slug", as: String.self) }).union(reserved)
        if !taken.contains(base) { return base }
        var number = 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    static func list(_ req: Request, _ name: String) -> Set<String> {
        req.form.set(name)
    }
}
