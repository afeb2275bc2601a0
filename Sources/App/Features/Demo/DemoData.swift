import Fluent
import Vapor

/// The demo alliance as the 2014 report describes it: eleven hubs around the hosts of the 2013
/// events, and one demo account for each role. Loaded only into an empty database.
enum DemoData {
    static let password = "bridgework-demo"

    struct HubSeed {
        let slug: String
        let name: String
        let region: String
        let policy: Hub.MembershipPolicy
        let summary: String
        let hosts: [(slug: String, name: String, summary: String)]
    }

    static let hubs: [HubSeed] = [
        HubSeed(
            slug: "stockwell", name: "Stockwell", region: "London", policy: .approval,
            summary:
                "Neighbours, tenants' groups and local services in Stockwell, south London, working across the estates and communities of the area.",
            hosts: [
                (
                    "stockwell-partnership", "Stockwell Partnership",
                    "A community partnership in Stockwell, south London, that brings residents and local services together."
                )
            ]),
        HubSeed(
            slug: "warrington", name: "Warrington, Cheshire and Merseyside", region: "North West", policy: .approval,
            summary: "Peace-building and conflict-resolution work across Warrington, Cheshire and Merseyside.",
            hosts: [
                (
                    "foundation-for-peace", "Foundation for Peace",
                    "A peace charity in Warrington working with people affected by violence and conflict, and helping communities resolve it."
                )
            ]),
        HubSeed(
            slug: "greater-manchester", name: "Greater Manchester", region: "North West", policy: .open,
            summary:
                "Community organisations and researchers across Greater Manchester who share what they learn about relations between neighbours.",
            hosts: [
                (
                    "social-action-research-foundation", "Social Action Research Foundation",
                    "A research charity that works with communities in Greater Manchester on poverty, social action and community relations."
                )
            ]),
        HubSeed(
            slug: "newcastle", name: "Newcastle", region: "North East", policy: .approval,
            summary:
                "Practitioners and volunteers in Newcastle upon Tyne who prevent, reduce and resolve conflict between communities.",
            hosts: [
                (
                    "arch-newcastle", "ARCH",
                    "A Newcastle organisation that supports people affected by hate and works for good relations in the city."
                ),
                (
                    "newcastle-conflict-resolution-network", "Newcastle Conflict Resolution Network",
                    "Volunteers and professionals in Newcastle upon Tyne who support each other to prevent and resolve destructive conflict."
                ),
            ]),
        HubSeed(
            slug: "yorkshire-and-humber", name: "Leeds, Yorkshire and Humber", region: "Yorkshire and The Humber",
            policy: .open,
            summary:
                "A regional hub run together by several organisations, linking practitioners, activists and academics across Yorkshire and the Humber.",
            hosts: [
                (
                    "together-for-peace", "Together for Peace",
                    "A Leeds network that promotes peace-making and good relations across the city."
                ),
                (
                    "programme-for-a-peaceful-city", "Programme for a Peaceful City",
                    "A University of Bradford programme where academics, practitioners and activists think through conflict and peace together."
                ),
                (
                    "who-is-your-neighbour", "Who Is Your Neighbour?",
                    "A Yorkshire group that opens up safe, honest conversations about diversity, identity and change."
                ),
                (
                    "centre-for-good-relations", "Centre for Good Relations",
                    "A centre that supports learning and practice in good relations across the region."
                ),
            ]),
        HubSeed(
            slug: "bristol-and-south-west", name: "Bristol and the South West", region: "South West", policy: .approval,
            summary: "Community workers, mediators and neighbourhood groups in Bristol and across the south-west.",
            hosts: [
                (
                    "barton-hill-settlement", "Barton Hill Settlement",
                    "A long-established community centre in east Bristol offering activities and support to people of all backgrounds."
                ),
                (
                    "community-resolve", "Community Resolve",
                    "A Bristol organisation that works with communities to find their own ways through conflict."
                ),
            ]),
        HubSeed(
            slug: "newham", name: "Newham", region: "London", policy: .approval,
            summary:
                "Groups in Newham, east London, working with people of many backgrounds, including people who are homeless or new to the area.",
            hosts: [
                (
                    "conflict-and-change", "Conflict and Change",
                    "A Newham mediation and conflict-resolution service for neighbours, schools and communities."
                ),
                (
                    "involve-and-resolve", "Involve and Resolve",
                    "An east London project that helps people take part in resolving tensions where they live."
                ),
                (
                    "kitchen-table-cafe", "Kitchen Table Café",
                    "A community café in Newham where people meet across differences over food."
                ),
            ]),
        HubSeed(
            slug: "wolverhampton", name: "Wolverhampton", region: "West Midlands", policy: .approval,
            summary:
                "Voluntary and community organisations across Wolverhampton working together for a connected city.",
            hosts: [
                (
                    "wolverhampton-network-consortium", "Wolverhampton Network Consortium",
                    "A consortium of voluntary and community organisations in Wolverhampton."
                )
            ]),
        HubSeed(
            slug: "lincolnshire", name: "Lincolnshire", region: "East Midlands", policy: .open,
            summary:
                "Work for fairness and good relations in Spalding and across rural Lincolnshire, where many newer arrivals live and work.",
            hosts: [
                (
                    "just-lincolnshire", "Just Lincolnshire",
                    "A Lincolnshire charity working for equality, human rights and good relations across the county."
                )
            ]),
        HubSeed(
            slug: "slough", name: "Slough", region: "South East", policy: .approval,
            summary:
                "Young people and community groups in Slough who resolve conflict and keep the town's communities close.",
            hosts: [
                (
                    "aik-saath", "Aik Saath",
                    "A Slough charity whose young volunteer peer trainers teach other young people conflict resolution."
                )
            ]),
        HubSeed(
            slug: "derby-and-east-midlands", name: "Derby and the East Midlands", region: "East Midlands",
            policy: .open,
            summary:
                "Educators and community groups in Derby and the wider East Midlands building understanding between people.",
            hosts: [
                (
                    "global-education-derby", "Global Education Derby",
                    "A Derby education charity helping schools and communities understand global issues and each other."
                )
            ]),
    ]

    struct AccountSeed {
        let email: String
        let name: String
        let role: String
    }

    static let accounts: [AccountSeed] = [
        AccountSeed(
            email: "coordinator@demo.bridgework.org.uk", name: "Demo Coordinator", role: "national coordinator"),
        AccountSeed(
            email: "steward@demo.bridgework.org.uk", name: "Demo Steward", role: "steward of the Newcastle hub"),
        AccountSeed(
            email: "orgadmin@demo.bridgework.org.uk", name: "Demo Organisation Admin", role: "admin of Aik Saath"),
        AccountSeed(
            email: "member@demo.bridgework.org.uk", name: "Demo Member",
            role: "member of the Bristol and the South West hub"),
    ]

    /// True when nothing has been loaded yet, so the demo may be added.
    static func databaseIsEmpty(_ db: Database) async throws -> Bool {
        let users = try await User.query(on: db).count()
        let hubs = try await Hub.query(on: db).count()
        return users == 0 && hubs == 0
    }

    static func seed(on db: Database, hashPassword: @Sendable (String) throws -> String) async throws {
        let passwordHash = try hashPassword(password)
        try await db.transaction { db in
            var hubsBySlug: [String: Hub] = [:]
            var organisationsBySlug: [String: Organisation] = [:]
            for seed in hubs {
                let hub = Hub(
                    slug: seed.slug, name: seed.name, region: seed.region, summary: seed.summary,
                    membershipPolicy: seed.policy)
                try await hub.create(on: db)
                hubsBySlug[seed.slug] = hub
                for host in seed.hosts {
                    let organisation = Organisation(slug: host.slug, name: host.name, summary: host.summary)
                    try await organisation.create(on: db)
                    organisationsBySlug[host.slug] = organisation
                    try await HubHost(hubID: hub.requireID(), organisationID: organisation.requireID()).create(on: db)
                }
            }
            let now = Date()
            var usersByEmail: [String: User] = [:]
            for account in accounts {
                let user = User(
                    name: account.name, email: account.email, passwordHash: passwordHash, emailConfirmedAt: now,
                    isCoordinator: account.email.hasPrefix("coordinator@"))
                try await user.create(on: db)
                usersByEmail[account.email] = user
            }
            try await RoleChanges.makeSteward(
                userID: usersByEmail["steward@demo.bridgework.org.uk"]!.requireID(), of: hubsBySlug["newcastle"]!,
                on: db)
            try await RoleChanges.makeAdmin(
                userID: usersByEmail["orgadmin@demo.bridgework.org.uk"]!.requireID(),
                of: organisationsBySlug["aik-saath"]!, on: db)
            try await HubMembership(
                hubID: hubsBySlug["slough"]!.requireID(),
                userID: usersByEmail["orgadmin@demo.bridgework.org.uk"]!.requireID(), role: .member
            ).create(on: db)
            try await HubMembership(
                hubID: hubsBySlug["bristol-and-south-west"]!.requireID(),
                userID: usersByEmail["member@demo.bridgework.org.uk"]!.requireID(), role: .member
            ).create(on: db)
            try await DemoDirectory.seed(on: db)
            try await DemoDirectory.seedPractitioners(passwordHash: passwordHash, on: db)
            try await DemoContent.seedStories(on: db)
            try await DemoContent.seedLibrary(on: db)
            try await DemoContent.seedImpact(on: db)
            try await DemoEvents.seed(on: db)
            try await DemoHubLife.seed(passwordHash: passwordHash, now: now, on: db)
            try await DemoTension.seed(now: now, on: db)
            try await DemoPeerSupport.seed(on: db)
        }
    }

    /// The text printed on start: who to sign in as, clearly marked as demo.
    static func signInNotice(publicURL: String?) -> String {
        var lines = [
            "",
            "DEMO DATA: these sign-ins are for trying Bridgework out. Do not use them for real work.",
            "Every demo account has the password: \(password)",
        ]
        for account in accounts {
            lines.append("  \(account.email)  (\(account.role))")
        }
        lines.append(
            publicURL.map { "Open \($0) in a browser." } ?? "Open the address the server reports below in a browser.")
        lines.append("")
        return lines.joined(separator: "\n")
    }
}

extension DemoData {
    static func hasDemoAccounts(_ db: Database) async throws -> Bool {
        try await User.query(on: db).filter(\.$email ~~ accounts.map(\.email)).count() > 0
    }
}
