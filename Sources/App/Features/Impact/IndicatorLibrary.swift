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
    /// For a scale of several questions, each question as asked; `wording` then leads into them.
    var parts: [Part] = []
    var scoring: Scoring = .oneAnswer
    /// How the answers become a score, for the library and the analysis; a participant never reads it.
    var scoringNote: String? = nil

    /// One question of a scale of several, with a label for each of its answers, best first.
    struct Part: Sendable, Equatable {
        let key: String
        let wording: String
        let answers: [String]
        /// Scored the other way round (feeling relaxed, in a measure of anxiety).
        var isReversed = false
    }

    /// How an indicator's score is made from the answers.
    enum Scoring: Sendable, Equatable {
        /// The one answer is the score.
        case oneAnswer
        /// The average of the parts' scores, from at least half of them.
        case averageOfParts
        /// How many parts were answered yes, from people who answered them all.
        case numberOfYes
    }

    /// What it measures, in the words for this project's people: the confidence indicator is
    /// named for practitioners only when they are the ones answering.
    func construct(for project: Project) -> String {
        code == "CONFIDENCE" && project.isAboutPractitioners ? "Practitioner confidence" : construct
    }

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

    private static let agreement = [
        "Strongly agree", "Agree", "Somewhat agree", "Neither agree nor disagree", "Somewhat disagree", "Disagree",
        "Strongly disagree",
    ]

    static let intergroupContact: [LibraryIndicator] = [
        LibraryIndicator(
            code: "CONTACT-AMOUNT", construct: "Amount of contact", source: .intergroupContact,
            wording: "How often do you talk or spend time with people from [group]?", isOfficialWording: false,
            answers: ["Very often", "Often", "Sometimes", "Rarely", "Never"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "CONTACT-QUALITY", construct: "Quality of contact", source: .intergroupContact,
            wording: "How much do you agree?", isOfficialWording: false,
            answers: agreement, lowerIsBetter: false, nationalFigures: [],
            parts: [
                .init(key: "PLEASANT", wording: "Time with [group] is pleasant.", answers: agreement),
                .init(key: "COOPERATIVE", wording: "You and [group] work well together.", answers: agreement),
                .init(key: "EQUAL", wording: "You and [group] meet as equals.", answers: agreement),
                .init(key: "MEANINGFUL", wording: "Time with [group] means something to you.", answers: agreement),
            ], scoring: .averageOfParts,
            scoringNote:
                "Four statements (pleasant, working well together, as equals, meaningful), each scored from 7 for strongly agree to 1 for strongly disagree; the score is their average, from at least two answers."
        ),
        LibraryIndicator(
            code: "CONTACT-FRIENDS", construct: "Cross-group friends", source: .intergroupContact,
            wording: "How many of your close friends are from [group]?", isOfficialWording: false,
            answers: ["Four or more", "Two or three", "One", "None"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "ANXIETY", construct: "Intergroup anxiety (lower is better)", source: .intergroupContact,
            wording: "Imagine an event where most people there are from a different background to you.",
            isOfficialWording: false,
            answers: ["Extremely", "Very", "Moderately", "Slightly", "Not at all"], lowerIsBetter: true,
            nationalFigures: [],
            parts: ["relaxed", "awkward", "nervous", "safe"].map { feeling in
                .init(
                    key: feeling.uppercased(), wording: "How \(feeling) would you feel?",
                    answers: ["Extremely", "Very", "Moderately", "Slightly", "Not at all"].map { "\($0) \(feeling)" },
                    isReversed: feeling == "relaxed" || feeling == "safe")
            }, scoring: .averageOfParts,
            scoringNote:
                "Four answers (relaxed, awkward, nervous, safe), each scored from 5 for extremely to 1 for not at all, with relaxed and safe scored the other way round; the score is their average, from at least two answers, and lower is better."
        ),
        LibraryIndicator(
            code: "THERMOMETER", construct: "Warmth", source: .intergroupContact,
            wording:
                "How warm or cold do you feel towards [group]? 0 is very cold, 50 is neither warm nor cold, and 100 is very warm.",
            isOfficialWording: false,
            answers: ["0 to 100"], lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "DISTANCE", construct: "Social distance", source: .intergroupContact,
            wording: "Would you be comfortable with someone from a different background to yours",
            isOfficialWording: false,
            answers: ["Yes", "No"], lowerIsBetter: false, nationalFigures: [],
            parts: [
                .init(key: "NEIGHBOUR", wording: "as your neighbour?", answers: ["Yes", "No"]),
                .init(key: "FRIEND", wording: "as a close friend?", answers: ["Yes", "No"]),
                .init(key: "FAMILY", wording: "marrying into your family?", answers: ["Yes", "No"]),
            ], scoring: .numberOfYes,
            scoringNote:
                "Three yes-or-no questions (as a neighbour, as a close friend, marrying into the family); the score is how many are yes, from 0 to 3, for people who answered all three."
        ),
        LibraryIndicator(
            code: "MIXING", construct: "Social mixing", source: .intergroupContact,
            wording:
                "In the last month, how often did you mix socially with people of a different ethnic or religious background from you?",
            isOfficialWording: false,
            answers: ["Every day", "At least once a week", "At least once a month", "Less often", "Never"],
            lowerIsBetter: false, nationalFigures: []),
        LibraryIndicator(
            code: "CONFIDENCE", construct: "Confidence talking about difference", source: .intergroupContact,
            wording: "How confident do you feel holding a conversation on a divisive topic?", isOfficialWording: false,
            answers: [
                "Very confident", "Fairly confident", "Somewhat confident", "Not very confident",
                "Not at all confident",
            ], lowerIsBetter: false, nationalFigures: []),
    ]
}
