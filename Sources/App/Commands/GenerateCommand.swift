import Fluent
import Vapor

/// `bridgework generate --organisations N --people M`: fills an empty database with plausible
/// synthetic data for benchmarks. Everything it makes says it is synthetic, and it refuses a
/// database that holds the demo, so the two are never mixed.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organisations", help: "How many organisations (default 20000).") var organisations: Int?
        @Option(name: "people", help: "How many people (default 50000).") var people: Int?
        @Option(name: "seed", help: "Seed for the random choices, so runs are repeatable (default 1).") var seed: Int?
        @Option(
            name: "survey-answers",
            help: "Also a project whose before and after surveys hold this many answers (default 0).")
        var surveyAnswers: Int?
        @Option(
            name: "admin-email",
            help:
                "With --survey-answers: the email of the project's admin (default impact-admin@synthetic.bridgework.invalid)."
        ) var adminEmail: String?
        @Option(
            name: "admin-password", help: "With --survey-answers: that admin's password (default synthetic-benchmark).")
        var adminPassword: String?
        @Option(
            name: "tension-hubs",
            help: "Also this many hubs with a tension watch, for the national view's benchmark (default 0).")
        var tensionHubs: Int?
        @Option(
            name: "tension-weeks", help: "With --tension-hubs: how many weeks of levels and observations (default 156)."
        )
        var tensionWeeks: Int?
    }

    var help: String { "Fills an empty database with synthetic organisations and people for benchmarks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let organisationCount = signature.organisations ?? 20_000
        let peopleCount = signature.people ?? 50_000
        let surveyAnswers = signature.surveyAnswers ?? 0
        let tensionHubs = signature.tensionHubs ?? 0
        let tensionWeeks = signature.tensionWeeks ?? 156
        guard (0...1_000_000).contains(organisationCount), (0...1_000_000).contains(peopleCount),
            (0...10_000_000).contains(surveyAnswers), (0...1_000).contains(tensionHubs),
            (1...520).contains(tensionWeeks)
        else {
            context.console.report(
                error:
                    "--organisations and --people take whole numbers from 0 to 1,000,000, --survey-answers from 0 to 10,000,000, --tension-hubs from 0 to 1,000 and --tension-weeks from 1 to 520.",
                newLine: true)
            throw CommandFailure.refused
        }
        try await app.prepareDatabase()
        if try await DemoData.hasDemoAccounts(app.db) {
            context.console.report(
                error:
                    "This database holds the demo. Synthetic data is never mixed with it: use an empty database (for example BRIDGEWORK_DATA_DIR=$(mktemp -d) BRIDGEWORK_NO_DEMO=1).",
                newLine: true)
            throw CommandFailure.refused
        }
        var generator = SyntheticData(seed: UInt64(max(1, signature.seed ?? 1)))
        let cost = app.settings.bcryptCost
        if organisationCount > 0 || peopleCount > 0 {
            try await generator.fill(
                organisations: organisationCount, people: peopleCount,
                passwordHash: try Bcrypt.hash("synthetic-" + Tokens.random(), cost: cost), on: app.db
            ) { message in
                context.console.output(message.consoleText(), newLine: true)
            }
            context.console.info(
                "Generated \(organisationCount) synthetic organisations and \(peopleCount) synthetic people.")
        }
        if surveyAnswers > 0 {
            let email = signature.adminEmail ?? "impact-admin@synthetic.bridgework.invalid"
            let password = signature.adminPassword ?? "synthetic-benchmark"
            let path = try await generator.fillSurveys(
                answers: surveyAnswers, adminEmail: email, passwordHash: try Bcrypt.hash(password, cost: cost),
                on: app.db
            ) { message in
                context.console.output(message.consoleText(), newLine: true)
            }
            context.console.info(
                "Generated a synthetic project with \(surveyAnswers) survey answers. Its analysis page: \(path) (sign in as \(email))."
            )
        }
        if tensionHubs > 0 {
            let password = signature.adminPassword ?? "synthetic-benchmark"
            let accounts = try await generator.fillTension(
                hubs: tensionHubs, weeks: tensionWeeks, stewardEmail: "tension-steward@synthetic.bridgework.invalid",
                coordinatorEmail: "tension-coordinator@synthetic.bridgework.invalid",
                passwordHash: try Bcrypt.hash(password, cost: cost), on: app.db
            ) { message in
                context.console.output(message.consoleText(), newLine: true)
            }
            context.console.info(
                "Generated \(tensionHubs) synthetic hubs with \(tensionWeeks) weeks of tension levels and observations. "
                    + "The national view: /alliance (sign in as \(accounts.coordinatorEmail)); a hub's picture: "
                    + "\(SiteURL.hubTension(accounts.hubSlug).path) (sign in as \(accounts.stewardEmail)); password \(password)."
            )
        }
    }
}

/// Plausible names and descriptions from word lists, chosen by a small seeded generator.
struct SyntheticData {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: fast, and the same sequence for the same seed on every machine.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let places = [
        "Riverside", "Northgate", "Eastfield", "Hillside", "Millbrook", "Harbourside", "Westmoor", "Oakwood",
        "Brookside", "Castlegate", "Marketfield", "Southbank",
    ]
    static let ideas = [
        "Common Ground", "Bridges", "Open Doors", "Shared Table", "Neighbours", "Kindred", "Crossroads", "Welcome",
        "Many Voices", "Good Company",
    ]
    static let kinds = ["Project", "Network", "Trust", "Forum", "Partnership", "Collective", "Association", "Circle"]
    static let activities = [
        "listening circles", "shared meals", "youth football", "street parties", "mediation between neighbours",
        "language cafés", "interfaith walks", "oral history", "community gardening", "arts workshops",
    ]
    static let first = [
        "Sam", "Aisha", "Tom", "Priya", "Kwame", "Ewa", "Liam", "Fatima", "Grace", "Yusuf", "Megan", "Darius",
    ]
    static let last = [
        "Khan", "Smith", "Nowak", "Okafor", "Patel", "Jones", "Ahmed", "Murphy", "Chen", "Williams", "Hussain",
        "Clarke",
    ]

    /// `firstNumber` lets a second run add more without clashing with the first's names.
    mutating func fill(
        organisations: Int, people: Int, passwordHash: String, firstNumber: Int = 1, on db: Database,
        say: (String) -> Void
    ) async throws {
        var hubs = try await Hub.query(on: db).all()
        if hubs.isEmpty {
            hubs = Self.places.prefix(11).enumerated().map { index, place in
                Hub(
                    slug: "synthetic-hub-\(index + 1)", name: "\(place) hub (synthetic)",
                    region: LocalAuthorities.regions[index % LocalAuthorities.regions.count],
                    summary: "A synthetic hub made for benchmarks.",
                    membershipPolicy: index % 2 == 0 ? .open : .approval)
            }
            try await hubs.create(on: db)
        }
        let areas = LocalAuthorities.all.map(\.code)
        let batch = 500
        var made = 0
        while made < organisations {
            let size = min(batch, organisations - made)
            var rows: [Organisation] = []
            var terms: [OrganisationTerm] = []
            var served: [OrganisationArea] = []
            var memberships: [OrganisationHub] = []
            for offset in 0..<size {
                let number = firstNumber + made + offset
                let name = "\(pick(Self.places)) \(pick(Self.ideas)) \(pick(Self.kinds)) \(number)"
                let id = UUID()
                let activity = pick(Self.activities)
                let other = pick(Self.activities)
                rows.append(
                    Organisation(
                        id: id, slug: "synthetic-\(number)", name: name,
                        summary:
                            "Synthetic data for benchmarks: \(activity) and \(other) for neighbours of every background.",
                        description:
                            "This organisation is not real. It was generated to measure how Bridgework behaves with a large directory.",
                        visibility: next() % 10 == 0 ? .members : .public))
                for vocabulary in Vocabulary.allCases {
                    var codes = Set<String>()
                    for _ in 0..<(1 + Int(next() % 2)) { codes.insert(pick(vocabulary.terms).code) }
                    terms += codes.map { OrganisationTerm(organisationID: id, vocabulary: vocabulary, code: $0) }
                }
                served.append(OrganisationArea(organisationID: id, areaCode: pick(areas)))
                memberships.append(OrganisationHub(organisationID: id, hubID: pick(hubs).id!, status: .approved))
            }
            let (organisationRows, termRows, areaRows, hubRows) = (rows, terms, served, memberships)
            try await db.transaction { db in
                try await organisationRows.create(on: db)
                try await termRows.create(on: db)
                try await areaRows.create(on: db)
                try await hubRows.create(on: db)
            }
            made += size
            if made % 5_000 == 0 || made == organisations { say("Organisations: \(made) of \(organisations)") }
        }
        made = 0
        while made < people {
            let size = min(batch, people - made)
            var users: [User] = []
            var profiles: [Profile] = []
            for offset in 0..<size {
                let number = firstNumber + made + offset
                let id = UUID()
                users.append(
                    User(
                        id: id, name: "\(pick(Self.first)) \(pick(Self.last)) (synthetic \(number))",
                        email: "synthetic-\(number)@synthetic.bridgework.invalid",
                        passwordHash: passwordHash, emailConfirmedAt: Date()))
                let visibility: ProfileVisibility = [.private, .members, .public][Int(next() % 3)]
                profiles.append(
                    Profile(
                        userID: id, role: "Synthetic practitioner",
                        bio: "Not a real person: generated for benchmarks. Works on \(pick(Self.activities)).",
                        skills: pick(Self.activities), criticalFriend: next() % 4 == 0, visibility: visibility))
            }
            let (userRows, profileRows) = (users, profiles)
            try await db.transaction { db in
                try await userRows.create(on: db)
                try await profileRows.create(on: db)
            }
            made += size
            if made % 10_000 == 0 || made == people { say("People: \(made) of \(people)") }
        }
    }
}
