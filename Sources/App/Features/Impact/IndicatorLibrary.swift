import Foundation

/// An indicator from the built-in library of `IMPACT.md`.
struct LibraryIndicator: Sendable, Equatable {
    enum Source: String, Sendable {
        case communityLifeSurvey = "Community Life Survey"
        case intergroupContact = "Intergroup contact"
        case organisation = "The organisation's own"
        case local = "Local indicator, named by the community"
    }

    /// A national figure for England: the headline share, for one survey year.
    struct NationalFigure: Sendable, Equatable {
        let year: String
        let percent: Int?
        /// Used where the source gives a range or a definition rather than one number.
        let note: String?
    }

    let code: String
    let construct: String
    let source: Source
    /// For Community Life Survey items, the survey's own question, word for word: changing it
    /// would make a comparison with the national figure invalid.
    let wording: String
    let isOfficialWording: Bool
    let answers: [String]
    let lowerIsBetter: Bool
    let nationalFigures: [NationalFigure]

    var headline: String {
        answers.count >= 2 ? "the share answering \u{201C}\(answers[0])\u{201D} or \u{201C}\(answers[1])\u{201D}" : ""
    }
}

/// The built-in indicators. Community Life Survey wording is Crown copyright, reused under the
/// Open Government Licence; the intergroup contact items are our own plain words.
enum IndicatorCatalogue {
    static let all: [LibraryIndicator] = communityLifeSurvey + intergroupContact

    static func indicator(_ code: String) -> LibraryIndicator? { all.first { $0.code == code } }

    private static func figure(_ year: String, _ percent: Int) -> LibraryIndicator.NationalFigure {
        .init(year: year, percent: percent, note: nil)
    }

    static let communityLifeSurvey: [LibraryIndicator] = [
        LibraryIndicator(
            code: "CLS-COHESION", construct: "Cohesion", source: .communityLifeSurvey,
            wording:
                "To what extent do you agree or disagree that this local area is a place where people from different backgrounds get on well together?",
            isOfficialWording: true,
            answers: ["Definitely agree", "Tend to agree", "Tend to disagree", "Definitely disagree"],
            lowerIsBetter: false,
            nationalFigures: [figure("2016/17", 81), figure("2018/19", 81), figure("2020/21", 83)]),
        LibraryIndicator(
            code: "CLS-BELONG", construct: "Belonging", source: .communityLifeSurvey,
            wording: "How strongly do you feel you belong to your immediate neighbourhood?",
            isOfficialWording: true,
            answers: ["Very strongly", "Fairly strongly", "Not very strongly", "Not at all strongly"],
            lowerIsBetter: false,
            nationalFigures: [
                figure("2018/19", 62), figure("2020/21", 65), figure("2021/22", 63), figure("2023/24", 61),
                figure("2024/25", 62),
            ]),
        LibraryIndicator(
            code: "CLS-TRUST", construct: "Trust", source: .communityLifeSurvey,
            wording:
                "Thinking about the people who live in this neighbourhood, to what extent do you believe they can be trusted?",
            isOfficialWording: true,
            answers: ["Many can be trusted", "Some can be trusted", "A few can be trusted", "None can be trusted"],
            lowerIsBetter: false,
            nationalFigures: [
                .init(
                    year: "", percent: nil,
                    note: "The headline for this item is the share answering \u{201C}many\u{201D}.")
            ]),
        LibraryIndicator(
            code: "CLS-INFLUENCE", construct: "Voice", source: .communityLifeSurvey,
            wording:
                "To what extent do you agree or disagree that you personally can influence decisions affecting your local area?",
            isOfficialWording: true,
            answers: ["Definitely agree", "Tend to agree", "Tend to disagree", "Definitely disagree"],
            lowerIsBetter: false,
            nationalFigures: [
                figure("2016/17", 27), .init(year: "to 2019/20", percent: nil, note: "Between 25% and 27% each year."),
            ]),
        LibraryIndicator(
            code: "CLS-SATISFIED", construct: "Place", source: .communityLifeSurvey,
            wording: "Overall, how satisfied or dissatisfied are you with your local area as a place to live?",
            isOfficialWording: true,
            answers: [
                "Very satisfied", "Fairly satisfied", "Neither satisfied nor dissatisfied", "Fairly dissatisfied",
                "Very dissatisfied",
            ], lowerIsBetter: false,
            nationalFigures: [figure("2019/20", 76), figure("2020/21", 79)]),
        LibraryIndicator(
            code: "CLS-PULL", construct: "Collective efficacy", source: .communityLifeSurvey,
            wording:
                "To what extent would you agree or disagree that people in your neighbourhood pull together to improve the neighbourhood?",
            isOfficialWording: true,
            answers: ["Definitely agree", "Tend to agree", "Tend to disagree", "Definitely disagree"],
            lowerIsBetter: false,
            nationalFigures: [figure("2019/20", 59), figure("2020/21", 65)]),
    ]

    static let intergroupContact: [LibraryIndicator] = [
        LibraryIndicator(
            code: "CONTACT-AMOUNT", construct: "Amount of contact", source: .intergroupContact,
            wording: "How often do you talk or spend time with people from [group]?", isOfficialWording: false,
            answers: ["Very often", "Often", "Sometimes", "Rarely", "Never"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "CONTACT-QUALITY", construct: "Quality of contact", source: .intergroupContact,
            wording:
                "When you spend time with people from [group], how does it feel: pleasant, cooperative, equal, meaningful? (1 to 7 for each, averaged)",
            isOfficialWording: false,
            answers: ["7", "6", "5", "4", "3", "2", "1"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "CONTACT-FRIENDS", construct: "Cross-group friends", source: .intergroupContact,
            wording: "How many of your close friends are from [group]?", isOfficialWording: false,
            answers: ["4 or more", "2 or 3", "1", "None"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "ANXIETY", construct: "Intergroup anxiety (lower is better)", source: .intergroupContact,
            wording:
                "Imagine an event where most people are from [group]. How would you feel: relaxed, awkward, nervous, safe? (1 to 5 for each; relaxed and safe reversed; averaged)",
            isOfficialWording: false,
            answers: ["5", "4", "3", "2", "1"], lowerIsBetter: true, nationalFigures: []),
        LibraryIndicator(
            code: "THERMOMETER", construct: "Warmth", source: .intergroupContact,
            wording: "How warm or cold do you feel towards people from [group]? 0 is cold, 50 neither, 100 warm.",
            isOfficialWording: false,
            answers: ["0 to 100"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "DISTANCE", construct: "Social distance", source: .intergroupContact,
            wording:
                "Would you be comfortable with someone from [group] as your neighbour? As a close friend? Marrying into your family? (yes or no each)",
            isOfficialWording: false,
            answers: ["Yes", "No"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "MIXING", construct: "Social mixing", source: .intergroupContact,
            wording:
                "In the last month, how often did you mix socially with people of a different ethnic or religious background from you?",
            isOfficialWording: false,
            answers: ["Every day", "At least once a week", "At least once a month", "Less often", "Never"],
            lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "CONFIDENCE", construct: "Practitioner confidence", source: .intergroupContact,
            wording: "How confident do you feel holding a conversation on a divisive topic? (1 not at all, 5 very)",
            isOfficialWording: false,
            answers: ["5", "4", "3", "2", "1"], lowerIsBetter: false, nationalFigures: []),
    ]
}
