import Fluent
import Vapor

extension SyntheticData {
    /// Indicators the synthetic survey asks, with the answers each takes.
    private static let surveyIndicators: [(code: String, values: ClosedRange<Int>)] = [
        ("CONFIDENCE", 1...5), ("CLS-COHESION", 1...4), ("ANXIETY", 1...5), ("MIXING", 1...5), ("THERMOMETER", 0...100),
    ]

    /// A synthetic project with a before and an after survey holding `answers` answers in all,
    /// from people who each answer both, most of them a little better afterwards. Its admin signs
    /// in as `adminEmail`, so a benchmark can open the analysis page. Returns that page's path.
    mutating func fillSurveys(
        answers: Int, adminEmail: String, passwordHash: String, on db: Database, say: (String) -> Void
    ) async throws -> String {
        let organisation = Organisation(
            slug: "synthetic-impact-trust", name: "Synthetic Impact Trust", summary: "Synthetic data for benchmarks.",
            description: "Not a real organisation: generated to measure survey analysis.", visibility: .members)
        try await organisation.create(on: db)
        let admin = User(
            name: "Synthetic impact admin", email: adminEmail, passwordHash: passwordHash, emailConfirmedAt: Date())
        try await admin.create(on: db)
        try await RoleChanges.makeAdmin(userID: admin.requireID(), of: organisation, on: db)
        let project = Project()
        project.slug = "synthetic-impact-project"
        project.name = "Synthetic impact project"
        project.summary = "Synthetic data for benchmarks."
        project.kindOfWork = "common-purpose"
        project.inputs = ""
        project.activities = "Nothing real"
        project.outputs = ""
        project.impact = ""
        project.$organisation.id = try organisation.requireID()
        try await project.create(on: db)
        let codes = Self.surveyIndicators.map(\.code)
        try await Outcome(
            projectID: project.requireID(), position: 1, description: "Synthetic outcome", indicatorCodes: codes
        ).create(on: db)
        var surveys: [Survey] = []
        for mode in [Survey.Mode.before, .after] {
            let survey = Survey(
                projectID: try project.requireID(), title: mode == .before ? "Synthetic before" : "Synthetic after",
                mode: mode, indicatorCodes: codes, opensOn: nil, closesOn: nil)
            try await survey.create(on: db)
            surveys.append(survey)
        }
        let people = max(1, answers / (2 * codes.count))
        var made = 0
        let batch = 200
        while made < people {
            let size = min(batch, people - made)
            var responses: [SurveyResponse] = []
            var rows: [SurveyAnswer] = []
            for offset in 0..<size {
                let code = "synthetic-\(made + offset + 1)"
                var start: [String: Int] = [:]
                for survey in surveys {
                    let response = SurveyResponse()
                    response.id = UUID()
                    response.$survey.id = try survey.requireID()
                    response.submissionKey = Tokens.random()
                    response.participantCode = code
                    responses.append(response)
                    for indicator in Self.surveyIndicators {
                        let span = indicator.values.upperBound - indicator.values.lowerBound
                        let value: Int
                        if let before = start[indicator.code] {
                            // Mostly a little better, sometimes worse.
                            let step = Int(next() % 3) - (indicator.code == "ANXIETY" ? 1 : 0)
                            value = min(
                                indicator.values.upperBound,
                                max(
                                    indicator.values.lowerBound,
                                    before + (indicator.code == "ANXIETY" ? -step : step) * max(1, span / 10)))
                        } else {
                            value = indicator.values.lowerBound + Int(next() % UInt64(span + 1))
                            start[indicator.code] = value
                        }
                        let answer = SurveyAnswer()
                        answer.$response.id = response.id!
                        answer.surveyID = try survey.requireID()
                        answer.participantCode = code
                        answer.indicatorCode = indicator.code
                        answer.value = Double(value)
                        answer.part = .now
                        answer.isCurrent = true
                        rows.append(answer)
                    }
                }
            }
            let (responseRows, answerRows) = (responses, rows)
            try await db.transaction { db in
                try await responseRows.create(on: db)
                try await answerRows.create(on: db)
            }
            made += size
            if made % 2_000 == 0 || made == people {
                say("Survey answers: \(made * 2 * codes.count) of \(people * 2 * codes.count)")
            }
        }
        // The answers went in directly, in batches, so their sums are worked out once at the end.
        try await SurveyTallies.rebuild(project: project.requireID(), on: db)
        return SiteURL.surveyAnalysis(project.slug, try surveys[1].requireID()).path
    }
}
