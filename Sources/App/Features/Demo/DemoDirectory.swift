import Fluent
import Vapor

/// The directory side of the demo: the areas each hub serves, and the organisations the report
/// names (hosts, the development group, the acknowledged and the case studies), described afresh.
/// Kinds of work, themes, methods and areas follow what the report says of each.
enum DemoDirectory {
    static let hubAreas: [String: [String]] = [
        "stockwell": ["Lambeth"],
        "warrington": [
            "Warrington", "Cheshire East", "Cheshire West and Chester", "Halton", "Liverpool", "Knowsley", "Sefton",
            "St. Helens", "Wirral",
        ],
        "greater-manchester": [
            "Manchester", "Salford", "Trafford", "Stockport", "Tameside", "Oldham", "Rochdale", "Bury", "Bolton",
            "Wigan",
        ],
        "newcastle": ["Newcastle upon Tyne", "Gateshead", "North Tyneside"],
        "yorkshire-and-humber": [
            "Leeds", "Bradford", "Kirklees", "Calderdale", "Wakefield", "Sheffield", "Rotherham", "Barnsley",
            "Doncaster",
        ],
        "bristol-and-south-west": [
            "City of Bristol", "Bath and North East Somerset", "South Gloucestershire", "North Somerset",
        ],
        "newham": ["Newham"],
        "wolverhampton": ["Wolverhampton"],
        "lincolnshire": [
            "South Holland", "Boston", "City of Lincoln", "East Lindsey", "North Kesteven", "South Kesteven",
            "West Lindsey",
        ],
        "slough": ["Slough"],
        "derby-and-east-midlands": ["Derby"],
    ]

    struct Listing {
        let slug: String
        let name: String
        let summary: String
        let sectors: [String]
        let work: [String]
        let themes: [String]
        let methods: [String]
        let areas: [String]
        let hubs: [String]
    }

    /// Descriptions for the host organisations (already created with their hubs) and new listings.
    static let listings: [Listing] = [
        Listing(
            slug: "stockwell-partnership", name: "Stockwell Partnership", summary: "", sectors: ["community"],
            work: ["common-purpose", "voice"], themes: ["ethnicity", "age", "poverty"],
            methods: ["organising", "youth-work"], areas: ["Lambeth"], hubs: ["stockwell"]),
        Listing(
            slug: "foundation-for-peace", name: "Foundation for Peace", summary: "", sectors: ["community"],
            work: ["mediation", "capacity"], themes: ["faith", "ethnicity"], methods: ["dialogue", "training"],
            areas: ["Warrington"], hubs: ["warrington"]),
        Listing(
            slug: "social-action-research-foundation", name: "Social Action Research Foundation", summary: "",
            sectors: ["academic", "community"], work: ["voice", "campaigning"], themes: ["poverty", "class"],
            methods: ["research", "organising"], areas: ["Manchester", "Salford"], hubs: ["greater-manchester"]),
        Listing(
            slug: "arch-newcastle", name: "ARCH", summary: "", sectors: ["community"],
            work: ["voice", "understanding"], themes: ["ethnicity", "migration"], methods: ["advocacy"],
            areas: ["Newcastle upon Tyne"], hubs: ["newcastle"]),
        Listing(
            slug: "newcastle-conflict-resolution-network", name: "Newcastle Conflict Resolution Network", summary: "",
            sectors: ["community"], work: ["capacity", "mediation"], themes: ["geography", "age"],
            methods: ["training", "mediation"], areas: ["Newcastle upon Tyne"], hubs: ["newcastle"]),
        Listing(
            slug: "together-for-peace", name: "Together for Peace", summary: "", sectors: ["community"],
            work: ["capacity", "common-purpose"], themes: ["faith", "ethnicity"], methods: ["organising", "arts"],
            areas: ["Leeds"], hubs: ["yorkshire-and-humber"]),
        Listing(
            slug: "programme-for-a-peaceful-city", name: "Programme for a Peaceful City", summary: "",
            sectors: ["academic"], work: ["capacity", "understanding"], themes: ["ethnicity", "faith"],
            methods: ["research", "dialogue"], areas: ["Bradford"], hubs: ["yorkshire-and-humber"]),
        Listing(
            slug: "who-is-your-neighbour", name: "Who Is Your Neighbour?", summary: "", sectors: ["community"],
            work: ["mediation", "understanding"], themes: ["ethnicity", "migration", "class"], methods: ["dialogue"],
            areas: ["Sheffield", "Rotherham", "Barnsley", "Doncaster"], hubs: ["yorkshire-and-humber"]),
        Listing(
            slug: "centre-for-good-relations", name: "Centre for Good Relations", summary: "", sectors: ["community"],
            work: ["capacity"], themes: ["ethnicity", "faith"], methods: ["training", "research"], areas: ["Leeds"],
            hubs: ["yorkshire-and-humber"]),
        Listing(
            slug: "barton-hill-settlement", name: "Barton Hill Settlement", summary: "", sectors: ["community"],
            work: ["common-purpose", "voice"], themes: ["poverty", "age", "ethnicity"],
            methods: ["youth-work", "organising"], areas: ["City of Bristol"], hubs: ["bristol-and-south-west"]),
        Listing(
            slug: "community-resolve", name: "Community Resolve", summary: "", sectors: ["community"],
            work: ["mediation", "capacity"], themes: ["geography", "ethnicity"],
            methods: ["mediation", "dialogue", "training"], areas: ["City of Bristol"], hubs: ["bristol-and-south-west"]
        ),
        Listing(
            slug: "conflict-and-change", name: "Conflict and Change", summary: "", sectors: ["community"],
            work: ["mediation"], themes: ["geography", "age"], methods: ["mediation", "training"], areas: ["Newham"],
            hubs: ["newham"]),
        Listing(
            slug: "involve-and-resolve", name: "Involve and Resolve", summary: "", sectors: ["community"],
            work: ["mediation", "voice"], themes: ["geography"], methods: ["mediation", "dialogue"], areas: ["Newham"],
            hubs: ["newham"]),
        Listing(
            slug: "kitchen-table-cafe", name: "Kitchen Table Café", summary: "", sectors: ["community"],
            work: ["common-purpose"], themes: ["ethnicity", "poverty"], methods: ["organising"], areas: ["Newham"],
            hubs: ["newham"]),
        Listing(
            slug: "wolverhampton-network-consortium", name: "Wolverhampton Network Consortium", summary: "",
            sectors: ["community"], work: ["capacity"], themes: ["ethnicity", "faith"],
            methods: ["organising", "training"], areas: ["Wolverhampton"], hubs: ["wolverhampton"]),
        Listing(
            slug: "just-lincolnshire", name: "Just Lincolnshire", summary: "", sectors: ["community"],
            work: ["voice", "campaigning"], themes: ["migration", "ethnicity", "geography"],
            methods: ["advocacy", "campaigning"], areas: ["South Holland", "Boston", "City of Lincoln"],
            hubs: ["lincolnshire"]),
        Listing(
            slug: "aik-saath", name: "Aik Saath", summary: "", sectors: ["community"],
            work: ["understanding", "capacity", "mediation"], themes: ["ethnicity", "age", "faith"],
            methods: ["youth-work", "training", "mediation"], areas: ["Slough"], hubs: ["slough"]),
        Listing(
            slug: "global-education-derby", name: "Global Education Derby", summary: "",
            sectors: ["education", "community"], work: ["understanding"], themes: ["ethnicity", "migration"],
            methods: ["training"], areas: ["Derby"], hubs: ["derby-and-east-midlands"]),
        // The development group and others the report acknowledges.
        Listing(
            slug: "talk-for-a-change", name: "Talk for a Change",
            summary:
                "Trains facilitators and holds conversations that help communities talk through hard subjects and find a shared voice.",
            sectors: ["community"], work: ["capacity", "mediation", "voice"], themes: ["ethnicity", "faith", "class"],
            methods: ["dialogue", "training"], areas: [], hubs: []),
        Listing(
            slug: "international-alert", name: "International Alert",
            summary:
                "A peacebuilding charity that brings lessons from conflict around the world to work on relations between communities in the UK.",
            sectors: ["national-charity"], work: ["capacity", "campaigning"], themes: ["ethnicity", "faith"],
            methods: ["research", "dialogue"], areas: [], hubs: []),
        Listing(
            slug: "avon-and-somerset-police", name: "Avon and Somerset Police",
            summary:
                "The police service for Bristol and the surrounding counties, working with communities so that people report hate crime and feel heard.",
            sectors: ["police"], work: ["voice"], themes: ["ethnicity", "disability", "faith"], methods: ["advocacy"],
            areas: ["City of Bristol", "Bath and North East Somerset", "North Somerset", "South Gloucestershire"],
            hubs: ["bristol-and-south-west"]),
        Listing(
            slug: "people-united", name: "People United",
            summary:
                "An arts charity in Kent that explores how the arts can grow kindness, a sense of community and social change.",
            sectors: ["community"], work: ["common-purpose"], themes: ["age", "geography"],
            methods: ["arts", "research"], areas: ["Canterbury"], hubs: []),
        Listing(
            slug: "schools-linking-network", name: "Schools Linking Network",
            summary:
                "Links classes from different schools and backgrounds so that children meet, learn together and understand each other's faiths and cultures.",
            sectors: ["education"], work: ["understanding"], themes: ["faith", "ethnicity", "age"],
            methods: ["youth-work", "arts"], areas: ["Bradford"], hubs: ["yorkshire-and-humber"]),
        Listing(
            slug: "kumon-yall", name: "Kumon Y'all",
            summary:
                "A Dewsbury community group that brings people of different backgrounds together, often through sport, to get on across cultural and religious lines.",
            sectors: ["community", "faith"], work: ["mediation", "common-purpose"],
            themes: ["faith", "ethnicity", "age"], methods: ["sport", "youth-work"], areas: ["Kirklees"],
            hubs: ["yorkshire-and-humber"]),
        Listing(
            slug: "inter-active-leeds", name: "Inter-Active",
            summary:
                "An intercultural partnership in Leeds that uses sport and facilitated dialogue to bring young people of different faiths together.",
            sectors: ["faith", "community"], work: ["understanding", "common-purpose"], themes: ["faith", "age"],
            methods: ["sport", "dialogue"], areas: ["Leeds"], hubs: ["yorkshire-and-humber"]),
        Listing(
            slug: "boston-college", name: "Boston College",
            summary:
                "A further education college in Lincolnshire whose students from many communities share their views on getting on in their town.",
            sectors: ["education"], work: ["understanding", "voice"], themes: ["migration", "age"],
            methods: ["arts", "youth-work"], areas: ["Boston"], hubs: ["lincolnshire"]),
        Listing(
            slug: "three-faiths-forum", name: "Three Faiths Forum",
            summary:
                "An interfaith charity building understanding between people of different faiths and beliefs through education, arts and dialogue.",
            sectors: ["faith", "national-charity"], work: ["understanding"], themes: ["faith"],
            methods: ["dialogue", "arts", "training"], areas: [], hubs: []),
        Listing(
            slug: "tutu-foundation-uk", name: "Tutu Foundation UK",
            summary:
                "Brings people in conflict together for honest conversation, drawing on the example of reconciliation work in South Africa.",
            sectors: ["national-charity"], work: ["mediation"], themes: ["ethnicity"], methods: ["dialogue"], areas: [],
            hubs: []),
        Listing(
            slug: "lambeth-mediation-service", name: "Lambeth Mediation Service",
            summary:
                "Helps neighbours and communities in Lambeth settle disputes and rebuild relationships through mediation.",
            sectors: ["community"], work: ["mediation"], themes: ["geography"], methods: ["mediation"],
            areas: ["Lambeth"], hubs: ["stockwell"]),
        Listing(
            slug: "working-with-men", name: "Working with Men",
            summary:
                "Works with boys and young men on identity, relationships and the pressures that can pull them into conflict.",
            sectors: ["community"], work: ["understanding", "capacity"], themes: ["gender", "age"],
            methods: ["youth-work", "training"], areas: ["Southwark", "Lambeth"], hubs: []),
        Listing(
            slug: "newcastle-city-council", name: "Newcastle City Council",
            summary:
                "The city council's communities team supports the people and groups who keep Newcastle's neighbourhoods connected.",
            sectors: ["council"], work: ["capacity"], themes: ["ethnicity", "geography"], methods: ["organising"],
            areas: ["Newcastle upon Tyne"], hubs: ["newcastle"]),
        Listing(
            slug: "university-of-liverpool", name: "University of Liverpool",
            summary:
                "Researchers studying religion, conflict and peace, who bring academic perspectives to practitioners' questions.",
            sectors: ["academic"], work: ["capacity"], themes: ["faith"], methods: ["research"], areas: ["Liverpool"],
            hubs: ["warrington"]),
    ]

    struct Practitioner {
        let email: String
        let name: String
        let role: String
        let bio: String
        let skills: String
        let languages: String
        let methods: [String]
        let themes: [String]
        let criticalFriend: Bool
        let visibility: ProfileVisibility
        let organisation: String?
        let hub: String?
    }

    /// Made-up practitioners (demo accounts, password as the others), one for each kind of visibility.
    static let practitioners: [Practitioner] = [
        Practitioner(
            email: "amina@demo.bridgework.org.uk", name: "Amina Hussain",
            role: "Youth worker and peer-mediation trainer",
            bio:
                "I train young volunteers to step in when arguments between groups start to turn into something worse.\n\nHappy to talk to anyone setting up peer mediation in a school or youth club.",
            skills: "peer mediation, youth work, training facilitators", languages: "English, Urdu, Punjabi",
            methods: ["youth-work", "mediation", "training"], themes: ["age", "faith", "ethnicity"],
            criticalFriend: true, visibility: .public,
            organisation: "aik-saath", hub: "slough"),
        Practitioner(
            email: "tom@demo.bridgework.org.uk", name: "Tom Reilly", role: "Community mediator",
            bio: "I mediate between neighbours and run conflict-resolution courses on estates in the east of the city.",
            skills: "neighbour mediation, Alternatives to Violence courses", languages: "English",
            methods: ["mediation", "training"], themes: ["geography", "class"], criticalFriend: true,
            visibility: .members,
            organisation: "newcastle-conflict-resolution-network", hub: "newcastle"),
        Practitioner(
            email: "grace@demo.bridgework.org.uk", name: "Grace Okoro", role: "Researcher",
            bio: "I study how contact between groups changes attitudes in mixed neighbourhoods.",
            skills: "evaluation, surveys, interviews", languages: "English, Yoruba",
            methods: ["research"], themes: ["ethnicity", "migration"], criticalFriend: false, visibility: .private,
            organisation: "programme-for-a-peaceful-city", hub: "yorkshire-and-humber"),
    ]

    static func seedPractitioners(passwordHash: String, on db: Database) async throws {
        for person in practitioners {
            let user = User(
                name: person.name, email: person.email, passwordHash: passwordHash, emailConfirmedAt: Date())
            try await user.create(on: db)
            let userID = try user.requireID()
            let profile = Profile(
                userID: userID, role: person.role, bio: person.bio, skills: person.skills, languages: person.languages,
                criticalFriend: person.criticalFriend, visibility: person.visibility)
            try await profile.create(on: db)
            let profileID = try profile.requireID()
            try await
                (person.methods.map { ProfileTerm(profileID: profileID, vocabulary: .method, code: $0) }
                + person.themes.map { ProfileTerm(profileID: profileID, vocabulary: .theme, code: $0) }).create(on: db)
            if let slug = person.organisation,
                let organisation = try await Organisation.query(on: db).filter(\.$slug == slug).first()
            {
                try await OrganisationMembership(
                    organisationID: organisation.requireID(), userID: userID, role: .member
                ).create(on: db)
            }
            if let slug = person.hub, let hub = try await Hub.find(slug: slug, on: db) {
                try await HubMembership(hubID: hub.requireID(), userID: userID, role: .member).create(on: db)
            }
        }
    }

    static func areaCode(named name: String) -> String? {
        LocalAuthorities.all.first { $0.name == name }?.code
    }

    static func seed(on db: Database) async throws {
        let hubs = try await Hub.query(on: db).all()
        let hubsBySlug = Dictionary(uniqueKeysWithValues: hubs.map { ($0.slug, $0) })
        for (slug, names) in hubAreas {
            guard let hubID = hubsBySlug[slug]?.id else { continue }
            let areas = names.compactMap(areaCode(named:)).map { HubArea(hubID: hubID, areaCode: $0) }
            try await areas.create(on: db)
        }
        for listing in listings {
            let organisation: Organisation
            if let existing = try await Organisation.query(on: db).filter(\.$slug == listing.slug).first() {
                organisation = existing
            } else {
                organisation = Organisation(slug: listing.slug, name: listing.name, summary: listing.summary)
                try await organisation.create(on: db)
            }
            let id = try organisation.requireID()
            var terms: [OrganisationTerm] = []
            terms += listing.sectors.map { OrganisationTerm(organisationID: id, vocabulary: .sector, code: $0) }
            terms += listing.work.map { OrganisationTerm(organisationID: id, vocabulary: .kindOfWork, code: $0) }
            terms += listing.themes.map { OrganisationTerm(organisationID: id, vocabulary: .theme, code: $0) }
            terms += listing.methods.map { OrganisationTerm(organisationID: id, vocabulary: .method, code: $0) }
            try await terms.create(on: db)
            try await listing.areas.compactMap(areaCode(named:)).map {
                OrganisationArea(organisationID: id, areaCode: $0)
            }.create(on: db)
            for slug in listing.hubs {
                guard let hubID = hubsBySlug[slug]?.id else { continue }
                try await OrganisationHub(organisationID: id, hubID: hubID, status: .approved).create(on: db)
            }
        }
    }
}
