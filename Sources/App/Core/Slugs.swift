import Foundation

/// Readable, stable addresses made from names and titles.
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
