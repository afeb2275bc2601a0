/// Small pieces of plain English that many pages share.
enum Wording {
    /// "1 story" or "3 stories": the count with the word that fits it.
    static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
