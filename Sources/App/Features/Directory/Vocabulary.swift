/// The fixed lists the directory describes work with. Codes are stored; labels are shown.
/// The six kinds of work are the report's own categories.
enum Vocabulary: String, CaseIterable, Sendable, Codable {
    case sector
    case kindOfWork = "work"
    case theme
    case method

    var title: String {
        switch self {
        case .sector: return "Sector"
        case .kindOfWork: return "Kind of work"
        case .theme: return "Theme"
        case .method: return "Method"
        }
    }

    /// The plural heading for a list of terms, e.g. on an organisation's page.
    var pluralTitle: String {
        switch self {
        case .sector: return "Sectors"
        case .kindOfWork: return "Kinds of work"
        case .theme: return "Themes"
        case .method: return "Methods"
        }
    }

    var terms: [(code: String, label: String)] {
        switch self {
        case .sector:
            return [
                ("community", "Community and voluntary"), ("faith", "Faith"), ("council", "Council"),
                ("police", "Police"), ("education", "Education"), ("health", "Health"),
                ("academic", "Academic and research"), ("business", "Business"),
                ("national-charity", "National charity"),
            ]
        case .kindOfWork:
            return [
                ("voice", "Strengthening the voice and agency of a marginalised group"),
                ("understanding", "Building understanding between groups, and skills to get on"),
                ("common-purpose", "Bringing people together for a shared purpose or place"),
                ("mediation", "Tackling tensions through mediation and dialogue"),
                ("capacity", "Building the capacity of people and organisations"),
                ("campaigning", "Campaigning and rights-based work"),
            ]
        case .theme:
            return [
                ("ethnicity", "Ethnicity"), ("faith", "Faith and belief"), ("age", "Age"), ("class", "Class"),
                ("geography", "Place and geography"), ("gender", "Gender"), ("disability", "Disability"),
                ("migration", "Migration"), ("poverty", "Poverty"),
            ]
        case .method:
            return [
                ("dialogue", "Dialogue"), ("mediation", "Mediation"), ("arts", "Arts"), ("sport", "Sport"),
                ("youth-work", "Youth work"), ("training", "Training"), ("advocacy", "Advocacy"),
                ("organising", "Community organising"), ("campaigning", "Campaigning"), ("research", "Research"),
            ]
        }
    }

    func label(for code: String) -> String? {
        terms.first { $0.code == code }?.label
    }

    func isValid(_ code: String) -> Bool {
        terms.contains { $0.code == code }
    }
}
