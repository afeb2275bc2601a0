import Foundation

/// England's current local authorities at the level that serves residents (unitary, metropolitan,
/// London borough and district), from the bundled mySociety list. Read once; it never changes
/// while the server runs.
struct LocalAuthority: Sendable, Hashable {
    let code: String
    let name: String
    let region: String
    let latitude: Double
    let longitude: Double
}

enum LocalAuthorities {
    static let all: [LocalAuthority] = load()
    static let byCode: [String: LocalAuthority] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
    static let regions: [String] = Array(Set(all.map(\.region))).sorted()

    static func name(for code: String) -> String? { byCode[code]?.name }

    private static func load() -> [LocalAuthority] {
        guard let url = Bundle.module.url(forResource: "uk-local-authorities", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var rows = CSV.rows(text)
        guard !rows.isEmpty else { return [] }
        let header = rows.removeFirst()
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let code = column("gss-code"), let name = column("nice-name"), let nation = column("nation"),
            let region = column("region"), let level = column("lower-or-unitary"),
            let current = column("current-authority"),
            let latitude = column("lat"), let longitude = column("long")
        else { return [] }
        return rows.compactMap { row in
            guard row.count == header.count, row[nation] == "England", row[level] == "True", row[current] == "True",
                let lat = Double(row[latitude]), let long = Double(row[longitude])
            else { return nil }
            return LocalAuthority(code: row[code], name: row[name], region: row[region], latitude: lat, longitude: long)
        }.sorted { $0.name < $1.name }
    }
}
