import Foundation

/// Looks for what may identify a person in free text: a name, a phone number, an email address, a
/// street address or postcode, a vehicle registration. It warns, it does not refuse: the person
/// writing decides, because "Park Road" may be a place and not a home. What it finds is shown back
/// so they can see why.
enum PersonalDataCheck {
    enum Kind: String, Sendable, CaseIterable {
        case name
        case phone
        case email
        case address
        case vehicle

        var label: String {
            switch self {
            case .name: return "a person's name"
            case .phone: return "a phone number"
            case .email: return "an email address"
            case .address: return "a street address or postcode"
            case .vehicle: return "a vehicle registration"
            }
        }
    }

    struct Finding: Sendable, Equatable {
        let kind: Kind
        /// The words that looked like it, as typed.
        let text: String
    }

    /// What looks personal in `text`, in the order of `Kind`, at most three of each kind.
    static func findings(in text: String) -> [Finding] {
        var found: [Finding] = []
        for kind in Kind.allCases {
            let matches = Self.matches(of: patterns[kind] ?? [], in: text)
                .filter { kind != .name || !Self.isOnlyCommonWords($0) }
            var seen = Set<String>()
            for match in matches where seen.insert(match.lowercased()).inserted && seen.count <= 3 {
                found.append(Finding(kind: kind, text: match))
            }
        }
        return found
    }

    private static let streetWords =
        "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Terrace|Place|Grove|Gardens|Court|Mews|Row|Walk|Square|Hill|Parade"
    private static let titles = "Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|PC|Sgt|Rev|Imam|Rabbi|Father"
    /// Given names common in England, to catch "Sarah Khan" without flagging "Town Hall".
    private static let givenNames = [
        "Adam", "Ahmed", "Aisha", "Ali", "Amir", "Amy", "Andrew", "Anna", "Ben", "Chloe", "Chris", "Daniel", "David",
        "Emily", "Emma", "Fatima", "Grace", "Hannah", "Harry", "Hassan", "Ibrahim", "Jack", "James", "Jane", "Jessica",
        "John", "Joseph", "Josh", "Kate", "Laura", "Leah", "Liam", "Lucy", "Mark", "Mary", "Matthew", "Mohammed",
        "Muhammad", "Noah", "Oliver", "Omar", "Paul", "Peter", "Priya", "Rachel", "Richard", "Sam", "Sarah", "Simon",
        "Sophie", "Steve", "Thomas", "Tom", "Yusuf", "Zara", "Zainab",
    ].joined(separator: "|")

    private static let patterns: [Kind: [String]] = [
        .name: [
            #"\b(?:\#(titles))\.?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"#,
            #"\b(?:named|called|known as|name is)\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"#,
            #"\b(?:\#(givenNames))\s+[A-Z][a-z'’-]+"#,
        ],
        .phone: [#"(?:\+44\s?|\b0)\d[\d\s\-()]{8,12}\d\b"#],
        .email: [#"[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}"#],
        .address: [
            #"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){1,3}(?:\#(streetWords))\b"#,
            #"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"#,
        ],
        .vehicle: [#"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b"#],
    ]

    private static func matches(of patterns: [String], in text: String) -> [String] {
        var results: [String] = []
        for pattern in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in expression.matches(in: text, range: range) {
                if let swiftRange = Range(match.range, in: text) {
                    results.append(String(text[swiftRange]).trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
        return results
    }

    /// "Called Together" is a group's name in a sentence, not a person: skip matches whose named
    /// part is only everyday words.
    private static func isOnlyCommonWords(_ match: String) -> Bool {
        let words = match.split(separator: " ").dropFirst().map { $0.lowercased() }
        return !words.isEmpty && words.allSatisfy { everydayWords.contains($0) }
    }

    private static let everydayWords: Set<String> = [
        "the", "a", "an", "together", "community", "centre", "hall", "park", "school", "mosque", "church", "group",
    ]
}
