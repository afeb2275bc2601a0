import Fluent
import Foundation

/// The demo's impact work: Aik Saath's peer trainers in a school (the report's case study), with a
/// theory of change, before and after surveys answered by sixteen pupils under made-up codes, an
/// own and a local indicator, and two stories of change. Every answer is demo data.
extension DemoContent {
    static func seedImpact(on db: Database) async throws {
        guard let organisation = try await Organisation.query(on: db).filter(\.$slug == "aik-saath").first() else {
            return
        }
        let organisationID = try organisation.requireID()
        let admin = try await User.query(on: db).filter(\.$email == "orgadmin@demo.bridgework.org.uk").first()
        let voters = try await User.query(on: db).filter(
            \.$email ~~ ["member@demo.bridgework.org.uk", "steward@demo.bridgework.org.uk"]
        ).all()

        let project = Project()
        project.slug = "peer-trainers-in-schools"
        project.name = "Peer trainers in schools"
        project.summary =
            "Young volunteer trainers run a term of sessions on understanding difference with a school where some pupils had shouted racist abuse at passers-by."
        project.kindOfWork = "understanding"
        project.inputs = "Volunteer peer trainers aged 16 to 21\nA youth worker's time\nA classroom each week"
        project.activities =
            "Weekly sessions on identity and difference, led by peer trainers\nA visit to the youth café\nA shared event with another school"
        project.outputs = "Sessions held\nPupils taking part\nTrainers trained"
        project.impact = "Pupils of different backgrounds treat each other, and their neighbours, with respect"
        project.participants = "pupils"
        project.codeHint = "Your favourite colour and the day of the month you were born, such as blue-14"
        project.$organisation.id = organisationID
        try await project.create(on: db)
        let projectID = try project.requireID()

        let ownCode = try await IndicatorsController.create(
            kind: .own, status: .adopted, organisationID: organisationID, construct: "Speaking up",
            wording: "If someone said something racist at lunch, how likely is it that you would say something?",
            answers: "Very likely\nQuite likely\nNot very likely\nNot at all likely", community: "",
            proposer: admin?.id, on: db
        ).code
        let local = try await IndicatorsController.create(
            kind: .local, status: .adopted, organisationID: organisationID, construct: "Sitting together at lunch",
            wording: "Pupils from different backgrounds sit together at lunch",
            answers: IndicatorsController.defaultLocalAnswers,
            community: "Pupils of the partner school", proposer: voters.first?.id, on: db)
        for voter in voters {
            let vote = CustomIndicatorVote()
            vote.$indicator.id = try local.requireID()
            vote.$user.id = try voter.requireID()
            try await vote.create(on: db)
        }
        _ = try await IndicatorsController.create(
            kind: .local, status: .proposed, organisationID: organisationID, construct: "Walking past the youth café",
            wording: "I can walk past the youth café without being called names",
            answers: IndicatorsController.defaultLocalAnswers,
            community: "Pupils of the partner school", proposer: voters.last?.id, on: db)

        try await Outcome(
            projectID: projectID, position: 1, description: "Pupils feel confident talking about difference",
            indicatorCodes: ["CONFIDENCE", ownCode]
        ).create(on: db)
        try await Outcome(
            projectID: projectID, position: 2,
            description: "Pupils mix with, and feel at ease among, young people of other backgrounds",
            indicatorCodes: ["MIXING", "ANXIETY"]
        ).create(on: db)

        let codes = ["CONFIDENCE", "MIXING", "ANXIETY", ownCode]
        var surveys: [Survey] = []
        for (title, mode, opens, closes) in [
            ("Before the sessions", Survey.Mode.before, "2026-01-12", "2026-01-23"),
            ("After the sessions", .after, "2026-04-13", "2026-04-24"),
        ] {
            let survey = Survey(
                projectID: projectID, title: title, mode: mode, indicatorCodes: codes, opensOn: opens, closesOn: closes)
            try await survey.create(on: db)
            surveys.append(survey)
        }
        // Sixteen pupils: most a little more confident, mixing more and less anxious afterwards;
        // a few the same, one worse, as real answers would be.
        let before: [[Double]] = [
            [2, 2, 4, 2], [1, 1, 4, 1], [3, 2, 3, 2], [2, 3, 4, 2], [2, 1, 5, 1], [3, 3, 3, 3], [1, 2, 4, 2],
            [2, 2, 3, 2],
            [4, 3, 2, 3], [2, 1, 4, 1], [3, 2, 3, 2], [1, 1, 5, 1], [2, 2, 4, 2], [3, 3, 2, 3], [2, 2, 3, 2],
            [1, 2, 4, 1],
        ]
        let change: [[Double]] = [
            [2, 1, -1, 1], [2, 2, -2, 2], [1, 1, -1, 1], [1, 0, -1, 1], [2, 2, -2, 1], [0, 0, 0, 0], [2, 1, -1, 1],
            [1, 1, 0, 1],
            [0, 1, 0, 0], [2, 2, -1, 2], [1, 0, -1, 1], [3, 2, -2, 2], [-1, 0, 1, -1], [1, 1, 0, 1], [1, 1, -1, 0],
            [2, 1, -2, 2],
        ]
        for pupil in 0..<before.count {
            let code = "demo-pupil-\(pupil + 1)"
            for (surveyIndex, survey) in surveys.enumerated() {
                let response = SurveyResponse()
                response.$survey.id = try survey.requireID()
                response.submissionKey = Tokens.random()
                response.participantCode = code
                try await response.create(on: db)
                for (index, indicator) in codes.enumerated() {
                    let answer = SurveyAnswer()
                    answer.$response.id = try response.requireID()
                    answer.surveyID = try survey.requireID()
                    answer.participantCode = code
                    answer.indicatorCode = indicator
                    let range: ClosedRange<Double> = indicator == ownCode ? 1...4 : 1...5
                    answer.value = min(
                        range.upperBound,
                        max(range.lowerBound, before[pupil][index] + (surveyIndex == 1 ? change[pupil][index] : 0)))
                    answer.part = .now
                    answer.isCurrent = true
                    try await answer.create(on: db)
                }
            }
        }
        try await SurveyTallies.rebuild(project: projectID, on: db)

        let stories:
            [(
                domain: ChangeStory.Domain, teller: String, consent: ChangeStory.Consent, happened: String,
                matters: String, chosen: Bool
            )] = [
                (
                    .relations, "A Year 9 pupil", .anonymised,
                    "Before the sessions I only talked to my own group. Now I eat lunch with two boys I used to shout at, and we play football after school.",
                    "I did not think I could change who my friends are. It feels better walking home.", true
                ),
                (
                    .attitudes, "A peer trainer, aged 17", .organisation,
                    "Running the sessions, I realised I could stand in front of a class and keep a hard conversation going without it turning into a fight.",
                    "I want to train as a youth worker now.", false
                ),
            ]
        for seed in stories {
            let story = ChangeStory()
            story.$project.id = projectID
            story.domain = seed.domain
            story.period = "January to April 2026"
            story.toldOn = "2026-04-20"
            story.$collector.id = admin?.id
            story.teller = seed.teller
            story.consent = seed.consent
            story.place = "Slough"
            story.whatHappened = seed.happened
            story.whyItMatters = seed.matters
            if seed.chosen {
                story.feedback =
                    "Your story was chosen by the trainers' panel because it shows friendship growing where there had been abuse."
                story.fedBackOn = "2026-05-06"
            }
            try await story.create(on: db)
            let selection = ChangeStorySelection()
            selection.$changeStory.id = try story.requireID()
            selection.level = "Peer trainers' panel"
            selection.panel = "Four peer trainers and the youth worker"
            selection.chosen = seed.chosen
            selection.reasons =
                seed.chosen
                ? "It shows the change the project hoped for, in the pupil's own words, and lasting beyond the classroom."
                : "A strong story of a trainer's growth; the panel chose the pupil's story because it is about relations between groups."
            selection.decidedOn = "2026-05-01"
            selection.$recordedBy.id = admin?.id
            try await selection.create(on: db)
        }
    }
}
