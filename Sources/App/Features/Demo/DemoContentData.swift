// Demo content, written afresh from the report's examples (see DESIGN.md "Demo data").
//
// Everything here is demo material. Facts about places, organisations and projects come from the
// 2014 report "Untold Stories of Good Relations"; the wording is our own. People in stories are
// made up for the demo and appear only under first-name pseudonyms; their quotes are illustrative.
extension DemoContent {

    // MARK: - Stories

    static let stories: [DemoStorySeed] = [
        DemoStorySeed(
            slug: "posters-at-the-temple-door",
            title: "From shouting at strangers to posters on the temple wall",
            summary:
                "Young peer trainers in Slough spent weeks with students who had been abusing passers-by. The students ended up making hate-crime posters for local places of worship.",
            body: """
                When a school in Slough asked Aik Saath for help, the problem was blunt: a handful of students had been shouting racist abuse at people walking past during the lunch break. Nobody wanted a one-off assembly. The charity's young volunteer trainers, some of them barely older than the students, agreed to keep coming back.

                The sessions began with the students' own lives – where they felt they belonged, who they clashed with, what they picked up at home and online – before turning to what it is like to be on the receiving end. Later the group visited the local gurdwara, shared a meal there and asked the questions they had never had the chance to ask.

                > “I thought it was just banter. Then a man at the gurdwara told us what it's like to hear that every day, and I couldn't look at him.” – Jordan (a pseudonym), one of the students

                The students went on to design posters explaining what a hate crime is and how to report one, and local places of worship put them up. Their teacher later told the trainers that the abuse had stopped.

                > “We never told them they were bad people. We gave them a reason to see people instead of targets.” – Priya (a pseudonym), a volunteer peer trainer

                *A demo story, re-told from an example in the 2014 report. Names are pseudonyms and the quotes are illustrative.*
                """,
            hub: "slough",
            organisation: "aik-saath",
            kindOfWork: "understanding",
            themes: ["ethnicity", "faith", "age"],
            hotTopics: [],
            consents: [
                DemoConsentSeed(
                    person: "Jordan (a pseudonym)", scope: "public",
                    how: "Signed consent form, countersigned by a parent", givenOn: "2026-02-11"),
                DemoConsentSeed(
                    person: "Priya (a pseudonym)", scope: "media", how: "Signed consent form", givenOn: "2026-02-11"),
            ],
            awaitingReview: false
        ),
        DemoStorySeed(
            slug: "a-tournament-that-started-in-a-youth-session",
            title: "A football tournament that started as a complaint",
            summary:
                "Young Muslim men in Dewsbury worried that their community and their non-Muslim neighbours barely spoke. Their answer was a tournament that brought mosques, churches and schools onto the same pitches.",
            body: """
                It began with a complaint. In a youth session run by Kumon Y'all in Dewsbury, a group of young Muslim men said that Muslims and non-Muslims in their part of town hardly mixed, and that the “bother” between them was getting worse. Their support workers feared it could turn physical. The young men had their own answer: a football tournament, organised by them.

                Their support worker had doubts at first, but the group would not let the idea go. They did the planning themselves, while she asked the Football Association and Sporting Equals for advice. Invitations went to madrassahs, churches, schools and local clubs, and imams and church leaders from several traditions agreed to play a charity match against each other, refereed by the local MP and a senior police officer.

                On the day, about 200 players in 23 teams took part and more than 400 people came to watch, young and old, women and men. The event raised over £5,000 for Dewsbury Hospital, the charity the young men had chosen.

                > “People kept asking when the next one is. Nobody ever asks that about a meeting.” – Bilal (a pseudonym), one of the organisers

                > “I came to watch our vicar play. I stayed because I was talking to neighbours I'd never met.” – Ruth (a pseudonym), a spectator

                *A demo story, re-told from an example in the 2014 report. Names are pseudonyms and the quotes are illustrative.*
                """,
            hub: "yorkshire-and-humber",
            organisation: "kumon-yall",
            kindOfWork: "mediation",
            themes: ["faith", "ethnicity", "age"],
            hotTopics: ["anti-muslim-hostility"],
            consents: [
                DemoConsentSeed(
                    person: "Bilal (a pseudonym)", scope: "media", how: "Signed consent form", givenOn: "2026-03-04"),
                DemoConsentSeed(
                    person: "Ruth (a pseudonym)", scope: "media", how: "Spoken, recorded in the project log",
                    givenOn: "2026-03-06"),
            ],
            awaitingReview: false
        ),
        DemoStorySeed(
            slug: "a-safer-bus-home",
            title: "Back on the bus home",
            summary:
                "Disabled students in Bristol had started walking home late to avoid being picked on. A police officer they already knew helped them get back on the bus – and earned the trust that later kept one of them safe.",
            body: """
                Some students with disabilities at a Bristol school had quietly stopped taking the bus home. Other passengers had been picking on them, and because they did not know who to tell, they had started walking instead – sometimes late in the evening, which left them more exposed, not less.

                An Avon and Somerset Police officer who already ran sessions with the group heard what was happening. With the students' carers, she talked them through what to do if it happened again, asked the local police community support officer to ride the route at the times that mattered, and briefed the bus company. The students went back to the bus, and the trouble stopped.

                > “I didn't think the police would care about the bus. She listened, and then something actually happened.” – Callum (a pseudonym), a student

                What followed mattered as much. A few weeks later another student from the group mentioned that a man had befriended him and was handing him money. Because the trust was already there, he said so; the officer stepped in and ended the contact before it could go further. Students in the group have since been readier to report hate incidents.

                > “He tells me things now that he would never have said before.” – Denise (a pseudonym), a carer

                *A demo story, re-told from an example in the 2014 report. Names are pseudonyms and the quotes are illustrative.*
                """,
            hub: "bristol-and-south-west",
            organisation: "avon-and-somerset-police",
            kindOfWork: "voice",
            themes: ["disability", "age"],
            hotTopics: [],
            consents: [
                DemoConsentSeed(
                    person: "Callum (a pseudonym)", scope: "public",
                    how: "Signed consent form, completed with his carer", givenOn: "2026-04-22"),
                DemoConsentSeed(
                    person: "Denise (a pseudonym)", scope: "public", how: "Signed consent form", givenOn: "2026-04-22"),
            ],
            awaitingReview: false
        ),
        DemoStorySeed(
            slug: "stories-from-the-back-of-a-taxi",
            title: "Stories from the back of a taxi",
            summary:
                "Students at Boston College climbed into an old London cab turned recording studio and talked about life in a town better known for headlines about immigration.",
            body: """
                Boston has had more than its share of headlines about immigration, and few of them were written by the people who live there. At Boston College, where students come from every part of the town's population, staff tried something different: an old London taxi, rebuilt as a mobile recording studio and parked on campus.

                Sixty students climbed in, one or two at a time, and answered questions about life in Boston and how they get on with people from other backgrounds. The cab helped. It felt less like an interview and more like a chat, and students talked about fears as well as hopes – about being judged, about making friends, about what the town could become.

                > “In the cab it was just me and the camera, so I said what I actually think: I came here for the course and I stayed for the people.” – Kasia (a pseudonym), a student

                The answers were edited into a short film. Students said they had made friends and learned more about the mix of people in their town, and the college now shows the film to new learners at induction, so that they know from their first day that it is a safe and welcoming place to study.

                > “Everyone says Boston doesn't get on. The film shows that's not the whole story.” – Liam (a pseudonym), a student

                *A demo story, re-told from an example in the 2014 report. Names are pseudonyms and the quotes are illustrative.*
                """,
            hub: "lincolnshire",
            organisation: "boston-college",
            kindOfWork: "understanding",
            themes: ["migration", "age"],
            hotTopics: ["immigration"],
            consents: [
                DemoConsentSeed(
                    person: "Kasia (a pseudonym)", scope: "media", how: "Signed consent form", givenOn: "2026-05-13"),
                DemoConsentSeed(
                    person: "Liam (a pseudonym)", scope: "media", how: "Signed consent form", givenOn: "2026-05-13"),
            ],
            awaitingReview: false
        ),
        DemoStorySeed(
            slug: "a-name-and-a-cup-of-tea",
            title: "A name and a cup of tea",
            summary:
                "A befriending morning in Newham for people who are homeless, where being called by your name matters as much as help with forms.",
            body: """
                Among the many examples of good relations work gathered in 2013 was befriending for people who are homeless in Newham. This story imagines what that looks like from the inside.

                Every Tuesday a few volunteers set out chairs in a church hall in east London, put the urn on and wait. The people who come are sleeping rough, sofa-surfing or living in hostels. Some need help with a form or a call to the council; most, the volunteers say, want a conversation with someone who uses their name. Tony (a pseudonym) started coming after he lost his job and then his flat. He had heard so often, on the radio and in the street, that people like him were scroungers that he had begun to believe it.

                > “You hear it so often you think it must be you. Here nobody asked me what I'd done wrong. They asked me how my week was.” – Tony (a pseudonym)

                Maryam (a pseudonym) volunteers there, and says the mornings have changed her too. Several volunteers arrived with the same assumptions as everyone else and lost them over a few months of Tuesdays.

                > “The people who come aren't a type. One was a chef; one looked after his mum for ten years. You stop saying ‘the homeless’ quite quickly.” – Maryam (a pseudonym), a volunteer

                *A demo story, imagined from an example named in the 2014 report. Names are pseudonyms and the quotes are illustrative.*
                """,
            hub: "newham",
            organisation: nil,
            kindOfWork: "voice",
            themes: ["poverty", "class"],
            hotTopics: ["welfare"],
            consents: [
                DemoConsentSeed(
                    person: "Tony (a pseudonym)", scope: "public", how: "Spoken, recorded in the project log",
                    givenOn: "2026-06-02"),
                DemoConsentSeed(
                    person: "Maryam (a pseudonym)", scope: "media", how: "Signed consent form", givenOn: "2026-06-02"),
            ],
            awaitingReview: false
        ),
        DemoStorySeed(
            slug: "roma-families-in-the-classroom",
            title: "Roma parents take the rumours into the classroom",
            summary:
                "In Newcastle, Roma parents and young people ran sessions in local primary schools about their own culture, to replace playground rumour with real conversation.",
            body: """
                Roma families have lived in parts of Newcastle for some years, yet many of their neighbours know them only through rumour. Staff at a few primary schools noticed that myths about Roma families were travelling round the playground faster than anything else.

                With support from a local community worker, a small group of Roma parents and young people agreed to run information sessions in the schools: who the Roma are, where their families came from, the languages spoken at home, music and food, and what it is like to be talked about rather than talked to. They planned the sessions themselves and rehearsed them together first.

                > “The children asked whether we had always lived in Newcastle. I told them about the town where I grew up, and then they wanted to know about my daughter's football team.” – Ana (a pseudonym), a parent who led a session

                Teachers say the children who had repeated the rumours were often the ones with the most questions afterwards. The group is now thinking about a session for parents at the school gate, which some of them find more daunting than any classroom.

                > “Our children heard their classmates' mums talk about their own lives. That did more than any assembly I've planned.” – Helen (a pseudonym), a teacher

                *A demo story, re-told from an example in the 2014 report. Names are pseudonyms and the quotes are illustrative. Awaiting a steward's review.*
                """,
            hub: "newcastle",
            organisation: nil,
            kindOfWork: "voice",
            themes: ["ethnicity", "migration"],
            hotTopics: ["immigration", "europe"],
            consents: [
                DemoConsentSeed(
                    person: "Ana (a pseudonym)", scope: "alliance", how: "Spoken, recorded in the project log",
                    givenOn: "2026-09-17"),
                DemoConsentSeed(
                    person: "Helen (a pseudonym)", scope: "alliance", how: "Signed consent form", givenOn: "2026-09-18"),
            ],
            awaitingReview: true
        ),
    ]

    // MARK: - Case studies (the report's "Good practice case studies" section)

    static let caseStudies: [DemoCaseStudySeed] = [
        // Work that strengthens voice, engagement and agency
        DemoCaseStudySeed(
            slug: "shadwell-ramadan-night-rota",
            title: "A church and a mosque share the night rota in Shadwell",
            summary:
                "Talk for a Change helped nine Tower Hamlets groups find a shared voice; in Shadwell, a church, a mosque and a youth forum tackled a problem that came back every Ramadan.",
            organisation: "talk-for-a-change",
            context:
                "From March 2012 to February 2013 Talk for a Change worked with the London Borough of Tower Hamlets and nine neighbourhood organisations, helping them shape their work around good community cohesion practice and explore running services together with residents. One of them, Shadwell People's Forum, took on a long-running local problem.",
            challenge:
                "The housing blocks around the Darul Ummah Mosque are home to many older white residents, most of them women, who complained each Ramadan about young people hanging around the estate late at night. Prayers end close to midnight, and some young people left early, or never went in, and met friends outside instead.",
            approach:
                "Before Ramadan the forum brought elders from St Paul's Church, the mosque and the Rooted Forum together with residents of different ages and backgrounds, first simply to build relationships and then to plan. The church and the mosque ran a joint rota of volunteers in high-visibility jackets who walked the estate and talked with young people, while the Rooted Forum put on activities so that young people had somewhere better to be.",
            outcome:
                "Partners believed it may have been the first time a church and a mosque in the borough had worked together on anything like this. Residents from the estate were seen taking part alongside the mosque through Ramadan, and the mosque, one of the largest in the borough, saw it as an example for others.",
            evidence:
                "The account is the partners' own reflection after Ramadan. The report gives no count of complaints before and after, so this is practitioner testimony rather than measured change.",
            contact: "Through the alliance's national coordinators, who can pass a message to Talk for a Change.",
            kindsOfWork: ["voice", "mediation"],
            methods: ["dialogue", "organising"],
            themes: ["faith", "age", "ethnicity", "class"]
        ),
        DemoCaseStudySeed(
            slug: "avon-and-somerset-speaking-up-about-hate-crime",
            title: "Bristol police officers help young people speak up about hate crime",
            summary:
                "Avon and Somerset Police run citizenship workshops in Bristol schools, and one officer's steady support for disabled students made them safer on the bus and readier to report hate crime.",
            organisation: "avon-and-somerset-police",
            context:
                "Avon and Somerset Police has officers whose job is community relations: building trust with residents and encouraging young people to act against hate crime and other tensions. They run Play Your Part, a series of workshops for Year 8 pupils in Bristol secondary schools covering citizenship, respect for others, the law and subjects such as knife crime, hate crime, drugs and alcohol, and first aid.",
            challenge:
                "Some vulnerable and disabled students were being intimidated on the bus. Unsure how to raise it, they chose to walk home late at night instead, which may have put them at greater risk; many had never had any dealings with the police.",
            approach:
                "An officer who supports these students worked with their carers to advise them on handling the intimidation, arranged for the local police community support officer to travel on the bus at the relevant times, and briefed the bus company.",
            outcome:
                "The students went back to using the bus with no further incidents. A few weeks later one of them told the officer that a man had befriended him and was giving him money, and she was able to stop what could have become an exploitative relationship.",
            evidence:
                "The force reports that being able to share incidents like these has led the students to report hate crime to the police more often. This is the force's own account; no figures are published in the report.",
            contact: "Through the Bristol and the South West hub's stewards.",
            kindsOfWork: ["voice"],
            methods: ["youth-work", "advocacy", "training"],
            themes: ["disability", "age"]
        ),
        // Work that seeks to build understanding of different identities and interests
        DemoCaseStudySeed(
            slug: "routes-to-peace-bradford",
            title: "Routes to Peace: Bradford's children celebrate the city's peace heritage",
            summary:
                "A day of singing, dance, storytelling and sculpture in June 2013 brought hundreds of Bradford children from school linking programmes together around the city's history of peace-making.",
            organisation: "schools-linking-network",
            context:
                "Bradford has a long tradition of peace-making, and Schools Linking Network's programmes pair classes from different schools so that children meet and learn about each other's faiths and cultures. In June 2013 a Routes to Peace event celebrated that heritage.",
            challenge:
                "To help children and adults in a city of many nationalities and faiths think about peace, and about each person's part in making it, as a shared civic story rather than a set of separate ones.",
            approach:
                "More than 300 children from school linking programmes took part in a Big Sing for Peace and in dance, storytelling and sculpture workshops on peace-making themes. The event was organised by members of the Stronger Communities Partnership, with support from Bradford Council, the Joseph Rowntree Foundation, Raise the Roof and others.",
            outcome:
                "The finale drew civic leaders, including the council's chief executive and the Lord Mayor, who praised the way it reached many different communities and linked Bradford's peace heritage with the next generation.",
            evidence:
                "Participation figures and the public comments of civic leaders. No before-and-after measure of children's attitudes is reported.",
            contact: "Through the Leeds, Yorkshire and Humber hub's stewards.",
            kindsOfWork: ["understanding"],
            methods: ["arts", "youth-work"],
            themes: ["faith", "ethnicity", "age"]
        ),
        DemoCaseStudySeed(
            slug: "aik-saath-understanding-difference-in-schools",
            title: "Aik Saath's young trainers work with a school on understanding difference",
            summary:
                "In Slough, young volunteer peer trainers helped students who had been racially abusing passers-by to understand the harm they were doing – and the abuse stopped.",
            organisation: "aik-saath",
            context:
                "Aik Saath, whose name means “together as one” in Hindi, Punjabi and Urdu, began in Slough in the late 1990s in response to gang violence between young people of Asian backgrounds. More than fifty volunteer peer trainers aged 11 to 21 now lead its work, teaching other young people conflict resolution, running a weekly youth café and holding events on issues such as knife crime and territorial conflict.",
            challenge:
                "A school invited Aik Saath to work with students who had been racially abusing passers-by during their lunch break. More widely, the charity steps in when the town's relations are under strain, as after the 2011 riots, the killing of Lee Rigby and an English Defence League march in Slough.",
            approach:
                "Over a period of weeks the trainers worked with the students on the human impact of what they were doing, and took them to meet people from other backgrounds, including a visit to the local gurdwara. The students then designed posters explaining what hate crime means.",
            outcome:
                "The posters are now displayed in local temples to raise awareness and encourage reporting, and the students' teacher told Aik Saath that racial abuse no longer takes place at the school.",
            evidence:
                "Aik Saath judges its difference by what young people, and their friends, relatives, teachers and youth workers, say about changed attitudes; here, the teacher's report that the abuse had stopped.",
            contact: "Through the Slough hub's stewards.",
            kindsOfWork: ["understanding", "capacity"],
            methods: ["youth-work", "training", "mediation"],
            themes: ["ethnicity", "faith", "age"]
        ),
        DemoCaseStudySeed(
            slug: "boston-college-cabcam",
            title: "Boston College CabCam: students talk about their town",
            summary:
                "A former London taxi turned recording studio gave sixty Boston College students a relaxed way to talk about getting on across backgrounds; the film is now part of the college's induction.",
            organisation: "boston-college",
            context:
                "Boston in Lincolnshire has drawn unwelcome national and international media attention over tensions linked largely to the arrival of economic migrants. Students at Boston College come from all of the town's communities.",
            challenge:
                "Finding a non-threatening way for students to speak honestly about life in the town – their fears and feelings as well as their hopes – and about how they get on with people from different backgrounds.",
            approach:
                "Sixty students answered questions inside CabCam, an old London taxi converted into a mobile recording studio, and their answers were edited into a short film.",
            outcome:
                "Students said they had made many friends, grown in confidence and learned more about the diversity of Boston and its people. The film has helped to challenge the negative view of immigration common in the town and is now shown at induction, to reassure new learners that the college is safe and welcoming for everyone.",
            evidence:
                "The students' own accounts and the college's continuing use of the film; no survey results are reported.",
            contact: "Through the Lincolnshire hub's stewards.",
            kindsOfWork: ["understanding", "voice"],
            methods: ["arts", "youth-work"],
            themes: ["migration", "ethnicity", "age"]
        ),
        // Work that directly tackles tensions between groups and communities
        DemoCaseStudySeed(
            slug: "who-is-your-neighbour-sanctuary-conversations",
            title: "Who Is Your Neighbour? holds safe space conversations after a racist incident in Sheffield",
            summary:
                "Monthly conversations brought together people seeking asylum, refugees and members of the host community in Sheffield to talk about racism, how they cope, and how bystanders can help.",
            organisation: "who-is-your-neighbour",
            context:
                "Since January 2010 Who Is Your Neighbour? has worked across South Yorkshire's four local authority areas, holding Safe Space Conversations where people can be honest, raise fears, say what they feel they are “not allowed to say”, and be questioned and challenged. Much of its work is dialogue within one community about another group that is not in the room.",
            challenge:
                "After a racist incident outside a drop-in centre, City of Sanctuary Sheffield asked the group to work with its network of organisations supporting refugees and people seeking asylum.",
            approach:
                "Monthly dialogue sessions of six to twelve people – people seeking asylum, refugees and local residents – explored experiences of racism, how people had dealt with it, and what helps and what does not. The part played by bystanders, and how to step in without making things worse, became a central theme.",
            outcome:
                "The work combined conversation within a community and between communities, bringing out misunderstandings that arise from unfamiliarity with cultural differences and letting painful experiences be shared safely. Participants valued a place to talk about things that had puzzled or troubled them and that they had not been able to discuss together.",
            evidence:
                "Participants' own feedback on the sessions. The report describes what was learned rather than a measured change.",
            contact: "Through the Leeds, Yorkshire and Humber hub's stewards.",
            kindsOfWork: ["mediation", "understanding"],
            methods: ["dialogue"],
            themes: ["migration", "ethnicity"]
        ),
        DemoCaseStudySeed(
            slug: "kumon-yall-dewsbury-football",
            title: "Kumon Y'all: a football tournament to ease tensions in Dewsbury",
            summary:
                "Young Muslim men worried about poor relations with non-Muslim neighbours organised a tournament that drew around 200 players from mosques, madrassahs, churches and schools.",
            organisation: "kumon-yall",
            context:
                "Kumon Y'all is a Dewsbury community organisation that brings people of different backgrounds together to build understanding and positive contact across cultural and religious differences. Its mission statement rejects standing back and saying that nothing can be done.",
            challenge:
                "Young Muslim men at its sessions described poor relations and little contact between Muslims and non-Muslims locally, and support workers feared the friction could escalate into physical conflict and serious harm.",
            approach:
                "The young men chose to organise a football tournament and did the work themselves, overcoming their support worker's early doubts; she sought advice from the Football Association and Sporting Equals. Madrassahs, churches, schools and community sports clubs were invited, and imams and church leaders from different branches of Islam and Christianity played a charity match refereed by the local MP and a senior police officer.",
            outcome:
                "Around 200 players in 23 teams took part and more than 400 spectators of all ages, women and men from different communities, came to watch. The day raised over £5,000 for Dewsbury Hospital, the young people's chosen charity.",
            evidence:
                "Attendance and fundraising figures, and the organisers' report that the tournament passed without the arguments football often brings, with people asking about the next one before they had left the pitch.",
            contact: "Through the Leeds, Yorkshire and Humber hub's stewards.",
            kindsOfWork: ["mediation", "common-purpose"],
            methods: ["sport", "youth-work"],
            themes: ["faith", "ethnicity", "age"]
        ),
        // Work that brings people together for common purposes
        DemoCaseStudySeed(
            slug: "we-all-do-good-things-herne-bay",
            title: "People United: We All Do Good Things in Herne Bay",
            summary:
                "In 2009 artists worked with groups across Herne Bay to find and celebrate local acts of kindness; the project's Giant Picnic still runs every summer.",
            organisation: "people-united",
            context:
                "People United is an arts organisation that explores how the arts can inspire kindness and, from it, community and social change, drawing on theory and research. In 2009 it worked in Herne Bay, a Kent town with areas of significant deprivation and lower levels of volunteering and arts participation than elsewhere.",
            challenge:
                "To bring the town together by uncovering, sharing and celebrating local good news through the arts, and to reach people who rarely take part in either.",
            approach:
                "The project took art into bingo halls, beach huts, shop fronts, sports clubs, schools and care homes: 14 professional artists and arts organisations worked with groups to bring out positive stories. Older people wrote books about friendship, adults with mental health problems made a film about kindness, a hair salon staged a play built from customers' stories, and photographs of unsung local heroes went up around the town.",
            outcome:
                "5,702 people took part in 92 free workshops and events, and more than 1,000 came to a Giant Picnic with music and dancing. The picnic has become an annual event run by Herne Bay in Bloom and local partners, and the town started further initiatives on arts participation, trust, neighbourliness and volunteering.",
            evidence:
                "Participation counts, and a lasting legacy: the continuing picnic and the new local initiatives it inspired.",
            contact:
                "Herne Bay is outside the current hubs: through the alliance's national coordinators, who can put you in touch with People United.",
            kindsOfWork: ["common-purpose"],
            methods: ["arts"],
            themes: ["age", "geography", "poverty"]
        ),
        DemoCaseStudySeed(
            slug: "inter-active-leeds-sport-and-dialogue",
            title: "Inter-Active: sport, dialogue and young leaders in Leeds",
            summary:
                "Born from interfaith cricket between Jewish and Muslim young people, Inter-Active uses sport as a way in to facilitated dialogue and trains young leaders to carry the work into their communities.",
            organisation: "inter-active-leeds",
            context:
                "Inter-Active grew out of the Leeds Interfaith Cricket project, begun in February 2008 as a partnership between the city's Jewish and Muslim communities and since widened to Christian, Hindu and Sikh young people. It uses sport as a way to build lasting dialogue and reconciliation across communities.",
            challenge:
                "Young people of different ethnic, social and religious backgrounds seldom meet, and playing sport together does not on its own get them talking about what divides them.",
            approach:
                "Sport brings young people together, and those who want to go further join facilitated conversations, often built around an activity: in one, they drew a map of Leeds marking the areas where they felt safe or unsafe, and explained why. A Leadership Group takes a course on identity and interfaith work, including a residential in the Yorkshire Dales with shared cooking, caving and tree planting.",
            outcome:
                "Members of the Leadership Group go on to act as ambassadors in their own communities – what the peacebuilder John Paul Lederach calls the “critical yeast” from which change in a community grows.",
            evidence:
                "A researcher at the University of Sheffield observed that exercises like the mapping built bridging ties and understanding between the two groups. The project's own view is that its most meaningful conversations were the facilitated ones.",
            contact: "Through the Leeds, Yorkshire and Humber hub's stewards.",
            kindsOfWork: ["common-purpose", "understanding"],
            methods: ["sport", "dialogue", "youth-work"],
            themes: ["faith", "ethnicity", "age"]
        ),
        // Work that builds capacity in communities and good relations organisations
        DemoCaseStudySeed(
            slug: "programme-for-a-peaceful-city-thinkspace",
            title: "Programme for a Peaceful City: Thinkspace in Bradford",
            summary:
                "A regular meeting place where academics, practitioners and activists in Bradford think through conflict together – in 2013 with visiting peace workers from the Netherlands and Germany.",
            organisation: "programme-for-a-peaceful-city",
            context:
                "Programme for a Peaceful City, at the University of Bradford, is a hub of peace thinking and practice that brings academics, practitioners and activists together to apply peace scholarship to conflicts in Bradford and beyond. Its Thinkspace, set up in 2007, is a regular gathering for exchanging reflections on dialogue, peacebuilding, participation and good relations, and for trying out new processes.",
            challenge:
                "With local infrastructure for shared learning thinning out, practitioners had few places to reflect together on hard questions: tensions after Lee Rigby's murder, how citizens' juries can explore conflicting issues, how cities can build resilience against violence, and how to disagree better.",
            approach:
                "In April 2013 peace practitioners and community activists from the Netherlands and Germany held their Grundtvig-funded gathering in Bradford. With ICA:UK, Thinkspace hosted a joint event on whether communities should respond to today's challenges with resilience, resistance or both, run as a taster of the Kumi peacebuilding framework developed in Palestine and Israel.",
            outcome:
                "Local participants experienced an international peacebuilding method first-hand and compared practice with European peers. The report points to Thinkspace as an example of the local and sub-regional networks it recommends.",
            evidence:
                "Thinkspace has met regularly since 2007; the report offers its judgement of the model but no measured outcomes.",
            contact: "Through the Leeds, Yorkshire and Humber hub's stewards.",
            kindsOfWork: ["capacity"],
            methods: ["research", "dialogue", "training"],
            themes: ["ethnicity", "faith"]
        ),
        DemoCaseStudySeed(
            slug: "newcastle-conflict-resolution-network-walker",
            title: "Newcastle Conflict Resolution Network builds skills in Walker",
            summary:
                "Close to a hundred Walker residents have trained in handling conflict without aggression, and a programme with three primary schools brought parents in alongside their children.",
            organisation: "newcastle-conflict-resolution-network",
            context:
                "Newcastle Conflict Resolution Network is a group of volunteers and professionals working to prevent, reduce and resolve destructive conflict in Newcastle upon Tyne and to support others doing the same. It has a management group and grant funding, and runs educational workshops and support for its members.",
            challenge:
                "In Walker, residents wanted the skills and confidence to deal with conflict in their own lives without aggression or violence, and young children needed help with their emotional wellbeing.",
            approach:
                "For more than six years NCRN has built capacity in Walker, where nearly a hundred residents have completed the first stage of conflict-resolution training developed by Alternatives to Violence. Over two years it also ran a Partnership Programme with the charity Partnership for Children and teachers at three Walker primary schools, working with Year 1 and 2 children and, as NCRN's own addition, with their parents.",
            outcome:
                "Course participants described the training as professional and relevant, kept in touch afterwards and said they would use what they had learned to resolve conflict without aggression. Parents enjoyed hearing from other parents and said their children opened up more, talked more easily about feelings and thought more of others.",
            evidence:
                "Feedback from course participants and parents collected by NCRN, and the number of residents who have completed the training.",
            contact: "Through the Newcastle hub's stewards.",
            kindsOfWork: ["capacity", "mediation"],
            methods: ["training", "mediation"],
            themes: ["geography", "class", "age"]
        ),
    ]

    // MARK: - Divisive narratives

    static let narratives: [DemoNarrativeSeed] = [
        DemoNarrativeSeed(
            slug: "they-take-the-jobs-and-the-homes",
            title: "“They take our jobs and our homes”",
            hotTopic: "jobs-and-housing",
            claim:
                "“Immigrants are taking the jobs and the council houses, and there's nothing left for people who grew up here.” It is often voiced alongside real worries about low pay, insecure work, long waiting lists and stretched local services.",
            setsAgainst:
                "Settled residents – often white British working-class communities, and sometimes older migrant communities – against newer arrivals, especially people from eastern Europe and people seeking asylum.",
            facts: """
                - **Migration Advisory Committee.** Its 2018 review of migration from the European Economic Area found that the overall effects on the jobs and wages of UK-born workers were small, with some evidence of slightly negative effects for the lower-paid. [Migration Advisory Committee](https://www.gov.uk/government/organisations/migration-advisory-committee)
                - **Migration Observatory, University of Oxford.** Its briefing on migrants and housing reports that recent migrants are much more likely than UK-born people to rent privately, and that research on migration's effect on housing costs has not reached a firm conclusion. [Migrants and Housing in the UK](https://migrationobservatory.ox.ac.uk/resources/briefings/migrants-and-housing-in-the-uk-experiences-and-impacts/)
                - **House of Commons Library.** Its briefings on access to social housing explain that nobody in England, British citizens included, has an automatic right to a council home: people must be eligible under immigration rules and then qualify under the council's allocation scheme. [House of Commons Library](https://commonslibrary.parliament.uk/)
                - **Migration Observatory.** Its study of national newspaper coverage, *Migration in the News*, found that “illegal” was the word most often used to describe immigrants – a reminder of how the picture people receive is framed. [Migration Observatory](https://migrationobservatory.ox.ac.uk/)
                """,
            answers: """
                Practitioners who handle this well start from the worry rather than the slogan. Low wages, insecure work, housing shortages and stretched services are real in many of the places where this narrative is strongest, and in some areas new arrivals came with no extra support for local services or for the people already living there. Saying so honestly earns the right to add what is left out: who actually decides who gets a home, why wages are low, and what newer neighbours contribute and struggle with too.

                The most persuasive answers are usually local people's own stories – students who made friends across backgrounds, workmates who share a shift – rather than national statistics on their own.

                **A short conversation guide**

                - Ask what the person has seen locally, and listen for the concrete problem underneath.
                - Agree with what is true before adding what is missing.
                - Move from *who* to blame to *what* would help: more homes, fair allocation, enforcement of the minimum wage.
                - Offer one fact or one story, not a barrage.
                - Challenge the generalisation, not the person.
                """,
            relatedStories: ["stories-from-the-back-of-a-taxi"],
            relatedResources: ["safe-space-conversations", "hot-topics-conversation-guide", "citizens-juries"]
        ),
        DemoNarrativeSeed(
            slug: "strivers-and-skivers",
            title: "“Strivers and skivers”: who deserves help",
            hotTopic: "welfare",
            claim:
                "“People on benefits choose not to work while the rest of us pay for them.” It divides people into hard-working “strivers” and idle “skivers”, and increasingly casts doubt on people who claim because of disability or ill health.",
            setsAgainst:
                "People in low-paid work against people out of work; non-disabled people against disabled people; and sometimes longer-settled residents against newcomers who are assumed to be claiming.",
            facts: """
                - **Department for Work and Pensions.** Its benefit expenditure tables show that the largest share of benefit spending goes to pensioners, above all through the State Pension. [Benefit expenditure and caseload tables](https://www.gov.uk/government/collections/benefit-expenditure-tables)
                - **Department for Work and Pensions.** Universal Credit statistics show that a substantial share of people on Universal Credit are in paid work: it tops up low earnings as well as supporting people who are out of work. [Universal Credit statistics](https://www.gov.uk/government/collections/universal-credit-statistics)
                - **Joseph Rowntree Foundation.** Its annual *UK Poverty* reports find that most people in poverty live in a household where someone works. [Joseph Rowntree Foundation](https://www.jrf.org.uk/)
                - **Department for Work and Pensions.** Its fraud and error estimates show that overpayments due to fraud are a small share of total benefit spending, and that some people are underpaid too. [Fraud and error in the benefit system](https://www.gov.uk/government/collections/fraud-and-error-in-the-benefit-system)
                """,
            answers: """
                This narrative lands hardest on people who are already struggling, and it is often repeated by people who are only just managing themselves. Practitioners who answer it well do not turn it round into blaming the speaker. They widen the picture: many people rely on the benefits system at some point – when they have a child, lose a job, fall ill or grow old – and the system includes pensions and support for people in low-paid work. They pay particular attention to disabled people, who have felt the hardening of attitudes sharply.

                Befriending and advice projects are often best placed to help people tell their own stories, on their own terms, with consent and care.

                **A short conversation guide**

                - Ask who the person has in mind: a neighbour, a television programme, a newspaper story?
                - Acknowledge the sense of unfairness, especially from people in low-paid work.
                - Widen the picture: who actually receives benefits, and why.
                - Share a real person's circumstances, with their permission.
                - Don't make people prove they deserve help before you will listen to them.
                """,
            relatedStories: ["a-name-and-a-cup-of-tea"],
            relatedResources: ["hot-topics-conversation-guide", "we-need-to-talk-about", "citizens-juries"]
        ),
        DemoNarrativeSeed(
            slug: "one-attack-blamed-on-every-muslim",
            title: "When one attack is blamed on every Muslim",
            hotTopic: "anti-muslim-hostility",
            claim:
                "Usually heard in the days after a terrorist attack or a shocking crime: “They're all the same” or “Muslims never condemn it” – the act of one person or a few treated as the act of a whole faith.",
            setsAgainst:
                "Non-Muslim neighbours against Muslim neighbours; and sometimes one group of Muslims against another, as “good” and “bad” Muslims.",
            facts: """
                - **Office for National Statistics.** In Census 2021 about 3.9 million people in England and Wales, 6.5% of the population, described their religion as Muslim. [Religion, England and Wales: Census 2021](https://www.ons.gov.uk/peoplepopulationandcommunity/culturalidentity/religion/bulletins/religionenglandandwales/census2021)
                - **Home Office.** Police-recorded hate crime statistics show that, where the perceived religion of the victim is recorded, Muslims have been the group most often targeted in recent years. The Home Office has noted short-term rises after trigger events such as the 2016 EU referendum and the terrorist attacks of 2017. [Hate crime statistics](https://www.gov.uk/government/collections/hate-crime-statistics)
                - **Tell MAMA.** The monitoring service has recorded rises in reported anti-Muslim incidents following major attacks, including after the murder of Lee Rigby in Woolwich in 2013. [Tell MAMA](https://tellmamauk.org/)
                """,
            answers: """
                Practitioners at the 2013 events described how years of patient work can be set back in days by a single incident. Those who handle these moments well act early and together: faith leaders, police, councils and community groups know each other before anything happens, so that after an attack they can stand side by side quickly. They also make room for the fear and anger of non-Muslim neighbours, because feelings that are shut down tend to come out somewhere else.

                Ordinary shared activity – a football tournament, a visit to a mosque or gurdwara, a joint clean-up – does much of the longer-term work.

                **A short conversation guide**

                - Acknowledge the horror of the attack first; people need that before anything else.
                - Separate the act from the faith: would the person hold any other group responsible for what one member did?
                - Don't demand that Muslim neighbours “condemn” before they are heard as neighbours.
                - Share what local Muslims are doing and saying, with their agreement.
                - Report hate incidents, encourage others to, and know the local reporting routes.
                """,
            relatedStories: ["a-tournament-that-started-in-a-youth-session", "posters-at-the-temple-door"],
            relatedResources: [
                "when-a-national-incident-lands-locally", "sport-for-dialogue", "intergroup-contact-meta-analysis",
            ]
        ),
        DemoNarrativeSeed(
            slug: "who-belongs-here",
            title: "Who belongs: England, Britain and Europe",
            hotTopic: "national-identity",
            claim:
                "It takes several forms: “You can't really be English if your family came from somewhere else”, or its mirror image, “People who voted to leave Europe just don't like foreigners.” Either way, belonging becomes a test that some people are said to fail.",
            setsAgainst:
                "People who feel English first against people who feel British, European or of more than one heritage; older against younger; places that voted to leave the EU against places that voted to remain; and EU citizens living here against their neighbours.",
            facts: """
                - **Office for National Statistics.** Census 2021 let people choose more than one national identity, and about nine in ten people in England and Wales identified with at least one UK identity. The ONS cautions that the rise in “British” and fall in “English” since 2011 partly reflects a change in the order of the tick-boxes. [Ethnic group, national identity, language and religion: Census 2021](https://www.ons.gov.uk/releases/ethnicgroupnationalidentitylanguageandreligioncensus2021inenglandandwales)
                - **Electoral Commission.** In the 2016 referendum on EU membership, 51.9% of votes across the UK were to leave and 48.1% to remain: a close result, in which neither side can claim to speak for everyone. [Electoral Commission](https://www.electoralcommission.org.uk/)
                - **Home Office.** The EU Settlement Scheme received several million applications from EU citizens and their families living in the UK, many of whom have made their lives here. [EU Settlement Scheme statistics](https://www.gov.uk/government/collections/eu-settlement-scheme-statistics)
                """,
            answers: """
                Identity is personal, and people rarely change their minds about who they are because of an argument. Practitioners who work well here make space for people to say what being English, British or European means to them, and notice how much they share: place, family, work, sport, food. They treat the Europe question as a real disagreement between people with reasons, not as a test of decency for either side.

                School linking and youth projects that ask “Who am I? Who are we?” show that children can hold several identities at once with ease; adults often can too, when they are asked rather than told.

                **A short conversation guide**

                - Ask what belonging to this place means to the person, and share what it means to you.
                - Avoid labelling people by how they voted.
                - Notice the several identities most people hold.
                - Build on local pride and shared places rather than flags alone.
                - Calmly challenge any suggestion that some residents are less entitled to belong.
                """,
            relatedStories: ["stories-from-the-back-of-a-taxi", "posters-at-the-temple-door"],
            relatedResources: ["school-linking", "kumi-framework", "hot-topics-conversation-guide"]
        ),
    ]

    // MARK: - Library resources

    static let resources: [DemoResourceSeed] = [
        DemoResourceSeed(
            slug: "safe-space-conversations",
            title: "Safe space conversations",
            kind: "method",
            summary:
                "Facilitated conversations where people can voice worries they feel they are not allowed to say, and be listened to, questioned and challenged.",
            body: """
                **What it is.** A facilitated conversation where people can say what worries them – including things they feel they are “not allowed to say” – and be listened to, questioned and gently challenged. Who Is Your Neighbour? in South Yorkshire developed much of this practice, often with people from one community talking about another that is not in the room.

                **When it helps.** When a divisive narrative is spreading and people have stopped saying in public what they say in private; after a local incident; before new arrivals move into an area.

                **How to start.** Agree a few ground rules with the group: confidentiality, no personal attacks, curiosity before judgement. Work with a trained facilitator and a co-facilitator. Begin with experience (“what have you noticed?”) rather than opinion, and leave time to reflect at the end.

                **Watch out for.** A safe space is not a platform: the facilitator must be ready to challenge prejudice without shutting the person down. Look after anyone who may be hurt by what is said, and keep names out of notes.
                """,
            link: nil,
            doi: nil,
            methods: ["dialogue"],
            themes: ["ethnicity", "migration", "class"]
        ),
        DemoResourceSeed(
            slug: "alternatives-to-violence-training",
            title: "Alternatives to Violence workshops",
            kind: "training",
            summary:
                "Experiential workshops in which people practise handling conflict without aggression; used with residents in Walker, Newcastle.",
            body: """
                **What it is.** Alternatives to Violence courses are experiential workshops, usually run over a weekend or a series of sessions, in which people practise handling conflict without aggression: listening, affirming themselves and others, communicating clearly, cooperating, and finding creative responses when things get heated. They are typically led by trained volunteer facilitators, many of whom first came as participants.

                **When it helps.** Where conflict is part of everyday life – on an estate, between neighbours, within families – and residents want skills they can use themselves. In Walker, Newcastle Conflict Resolution Network has taken close to a hundred residents through the first-stage course.

                **How to start.** Ask your hub whether anyone nearby facilitates the courses. Host a first workshop in a familiar, comfortable venue, with food, and childcare if you can.

                **Watch out for.** The course builds personal skills; it is not a substitute for mediation in a live dispute. Keep in touch with people who finish it, so that the group does not drift apart.
                """,
            link: nil,
            doi: nil,
            methods: ["training", "mediation"],
            themes: ["geography", "class"]
        ),
        DemoResourceSeed(
            slug: "kumi-framework",
            title: "The Kumi peacebuilding framework",
            kind: "method",
            summary:
                "A peacebuilding framework from Palestine and Israel, introduced to practitioners in Bradford through a taster session at Thinkspace in 2013.",
            body: """
                **What it is.** Kumi is a peacebuilding framework developed by practitioners working in Palestine and Israel. In England it has been introduced through ICA:UK. In 2013 Programme for a Peaceful City's Thinkspace in Bradford hosted a taster for local participants and visiting peace practitioners from the Netherlands and Germany, asking whether communities should meet today's challenges with resilience, resistance or both.

                **When it helps.** When a network wants to step back from day-to-day firefighting and look at the wider conflict it works in, and at the range of responses open to it.

                **How to start.** Ask the Leeds, Yorkshire and Humber hub, whose members have taken part, or ICA:UK. A taster of a few hours gives a group a feel for the approach before it commits more time.

                **Watch out for.** Frameworks from one conflict need translating, not copying: spend time on what is different about your own setting. This entry is a short note; practitioners who know the framework well are welcome to expand it.
                """,
            link: nil,
            doi: nil,
            methods: ["dialogue", "training"],
            themes: ["ethnicity", "faith"]
        ),
        DemoResourceSeed(
            slug: "citizens-juries",
            title: "Citizens' juries",
            kind: "method",
            summary:
                "A small, representative group of residents hears evidence on a contested local question, deliberates and makes recommendations.",
            body: """
                **What it is.** A citizens' jury brings together a small group of residents – usually chosen at random, then balanced so that the group reflects the local population – to hear evidence from witnesses with different views, question them, deliberate and reach recommendations on a contested question. Programme for a Peaceful City's Thinkspace has explored how juries can help with conflicting issues.

                **When it helps.** When a local decision has become polarised – a housing site, the use of a community building, how money for an area is spent – and the loudest voices have crowded out everyone else's.

                **How to start.** Agree the question carefully, together with the body that will act on the result. Choose witnesses who cover the range of views, use independent facilitators, and commit in advance to respond publicly to the recommendations.

                **Watch out for.** Juries take money and several days of people's time: pay participants, so that it is not only the comfortably off who can take part. A jury whose recommendations are ignored does more harm than no jury at all.
                """,
            link: "https://involve.org.uk",
            doi: nil,
            methods: ["dialogue", "research", "organising"],
            themes: ["class", "geography"]
        ),
        DemoResourceSeed(
            slug: "peer-mediation",
            title: "Peer mediation and peer training for young people",
            kind: "training",
            summary:
                "Young people trained to help other young people settle disagreements before they harden into feuds, as Aik Saath's volunteer peer trainers do in Slough.",
            body: """
                **What it is.** Young people trained to help other young people settle disagreements – in school, at a youth club, on the street – before they harden into feuds. Aik Saath in Slough has built its work around volunteer peer trainers aged 11 to 21, who teach conflict-resolution skills to others of their own age.

                **When it helps.** Where fallings-out between groups of young people follow lines of territory, ethnicity or faith; where adults are not trusted to step in; and where young people want to lead.

                **How to start.** Recruit a mixed group of volunteers, including some whom others already look up to. Train them in listening, staying even-handed and helping both sides find their own way forward, and give them regular supervision from an experienced adult.

                **Watch out for.** Peer mediators are not security: threats, weapons or abuse must go straight to adults with the right duties. Protect volunteers from being drawn into the conflicts they help with, and recognise their work publicly.
                """,
            link: nil,
            doi: nil,
            methods: ["mediation", "youth-work", "training"],
            themes: ["age", "ethnicity", "faith"]
        ),
        DemoResourceSeed(
            slug: "school-linking",
            title: "School linking",
            kind: "method",
            summary:
                "Pairs of classes from different schools meet through the year and work together on identity, diversity, community and equality.",
            body: """
                **What it is.** Pairs of classes from different schools – often schools serving quite different communities – meet several times over a school year, taking turns to host each other and working together on questions of identity, diversity, community and equality. The Linking Network, rooted in Bradford, supports local linking programmes across England.

                **When it helps.** Where children grow up in schools that are mostly of one culture or faith and rarely meet children from other backgrounds; where myths about “the other side of town” are handed down.

                **How to start.** Find a partner school and, in each school, a teacher who will lead. Hold the first meeting on neutral ground with a shared, enjoyable task, then alternate visits between the schools, with classroom work in between.

                **Watch out for.** A single, poorly prepared visit can harden stereotypes rather than soften them. Involve parents early, since their worries travel fast, and give children time to reflect on what they noticed.
                """,
            link: "https://thelinkingnetwork.org.uk",
            doi: nil,
            methods: ["youth-work", "dialogue", "arts"],
            themes: ["ethnicity", "faith", "age"]
        ),
        DemoResourceSeed(
            slug: "sport-for-dialogue",
            title: "Sport as a way into dialogue",
            kind: "method",
            summary:
                "Using a game people already love as the reason to meet, then building in time to talk – as in Leeds and Dewsbury.",
            body: """
                **What it is.** Using a game people already love – football, cricket, netball – as the reason to meet, and then building in time to talk. In Leeds, Inter-Active began with interfaith cricket between Jewish and Muslim young people; in Dewsbury, young men at Kumon Y'all organised a football tournament across mosques, churches and schools.

                **When it helps.** When people will not come to anything called a “dialogue” but will come to play or to watch; when young people want to lead something visible.

                **How to start.** Let participants own the event. Mix teams or fixtures deliberately so that players meet across lines, not only against each other. Plan a facilitated activity alongside the sport – a shared meal, or a map of where people feel safe – for those who want to go further.

                **Watch out for.** Competition can sharpen divisions as easily as soften them: set the tone on fair play early, brief the referees, and avoid fixtures that pit one community against another. The conversations after the match are where much of the change happens.
                """,
            link: nil,
            doi: nil,
            methods: ["sport", "dialogue", "youth-work"],
            themes: ["faith", "ethnicity", "age"]
        ),
        DemoResourceSeed(
            slug: "arts-for-dialogue",
            title: "Arts as a way into dialogue",
            kind: "method",
            summary:
                "Drama, film, music, craft and storytelling used to help people share experiences and see each other, and their place, differently.",
            body: """
                **What it is.** Drama, music, film, craft and storytelling used to help people share experiences and see each other differently. In Herne Bay, People United's We All Do Good Things took artists into bingo halls, beach huts, schools and care homes to find and celebrate local acts of kindness; in Boston, a taxi turned recording studio let students talk about life in their town.

                **When it helps.** When words alone feel risky or dry; when you want to reach people who would never come to a meeting; when a place needs a more hopeful story about itself.

                **How to start.** Pair artists with community partners who know the people you want to reach, and go to where people already gather. Agree from the start how people's stories and images will be used, and ask consent for each use.

                **Watch out for.** Celebration can paper over real tensions: arts work is strongest when it leaves room for difficult stories as well as happy ones. Budget for the follow-up, not only the big event.
                """,
            link: nil,
            doi: nil,
            methods: ["arts", "dialogue"],
            themes: ["age", "geography", "poverty"]
        ),
        DemoResourceSeed(
            slug: "intergroup-contact-meta-analysis",
            title: "Does contact between groups reduce prejudice? Pettigrew and Tropp (2006)",
            kind: "research",
            summary:
                "A meta-analysis of 515 studies finding that, on the whole, more contact between groups goes with less prejudice.",
            body: """
                **What it is.** Thomas Pettigrew and Linda Tropp's 2006 meta-analysis in the *Journal of Personality and Social Psychology* brought together 515 studies of contact between groups – defined by ethnicity, age, disability, sexuality and more – and found that, on the whole, more contact goes with less prejudice.

                **Why it matters here.** It is among the strongest evidence behind much good relations work: linked schools, mixed teams, shared projects. It also found that effects tend to extend from the individuals met to their wider group, and that the conditions Gordon Allport proposed in the 1950s – equal status, shared goals, cooperation and support from those in authority – strengthen the effect, though they are not essential.

                **How to use it.** Design activities so that people meet as equals and work on something together; measure contact and warmth before and after.

                **Watch out for.** Average effects are modest, and many of the studies are cross-sectional, so cause and effect cannot always be separated. Contact that is unequal, competitive or threatening can make things worse.
                """,
            link: nil,
            doi: "10.1037/0022-3514.90.5.751",
            methods: ["research"],
            themes: ["ethnicity", "age", "disability"]
        ),
        DemoResourceSeed(
            slug: "we-need-to-talk-about",
            title: "We need to talk about… (Talk for a Change, 2012)",
            kind: "research",
            summary:
                "The 2011–12 study of good relations work in England that asked whether discussing controversial issues can strengthen community relations, and led to the 2013 events.",
            body: """
                **What it is.** Jo Broadwood and Nicola Sugden's 2012 study for Talk for a Change, *We need to talk about… can discussing controversial issues strengthen community relations?*, looked at good relations work across England. It offered the broad definition of good relations work used in the 2014 report, and described staying with conflict as “learning to sit in the fire”.

                **Why it matters.** It found many committed people doing inspiring work, alongside places where the skills for facilitating hard conversations were thin, and most of those it spoke to were facing funding cuts. It argued that shutting down or avoiding prejudiced talk is easier than working through it, but leaves the worries underneath untouched.

                **How to use it.** As background for a team discussion: where do we avoid hard subjects, and why?

                **Watch out for.** It describes the landscape of 2011–12, and funding and policy have changed since. Ask the alliance's national team for a copy if the original web address no longer works.
                """,
            link: nil,
            doi: nil,
            methods: ["research", "dialogue"],
            themes: ["ethnicity", "faith", "class"]
        ),
        DemoResourceSeed(
            slug: "hot-topics-conversation-guide",
            title: "When the conversation turns to a hot topic: a one-page guide",
            kind: "guide",
            summary:
                "Five steps for volunteers and front-line staff when talk turns to immigration, benefits, Islam or who belongs here.",
            body: """
                **What it is.** A one-page guide for volunteers and front-line staff who find themselves in a conversation that turns to immigration, benefits, Islam or who belongs here – at a drop-in, on a doorstep, at the school gate.

                **Five steps**

                1. **Stay in the conversation.** Notice your own reaction, breathe, and decide to listen first.
                2. **Ask about experience.** “What's happened round here that makes you say that?” Concrete worries are easier to work with than slogans.
                3. **Acknowledge what is real.** Waiting lists, low pay and cuts are real even when the blame is misplaced.
                4. **Offer one thing more.** A fact, a story or a question – not a lecture.
                5. **Name the line.** If talk turns to abuse of a group, say calmly that you see it differently, and why.

                **When to get help.** If someone is at risk, or you are working with a whole group, bring in a trained facilitator. Many practitioners at the 2013 events said they lacked confidence in these moments; training in facilitation and dialogue is the answer, not avoidance.
                """,
            link: nil,
            doi: nil,
            methods: ["dialogue", "training"],
            themes: ["migration", "poverty", "faith"]
        ),
        DemoResourceSeed(
            slug: "when-a-national-incident-lands-locally",
            title: "When a national incident lands locally: a first-days checklist",
            kind: "toolkit",
            summary:
                "What to do in the first days after an attack, a killing that makes the national news, or a march that could raise tension where you work.",
            body: """
                **What it is.** A checklist for the first days after a national event – an attack, a killing that makes the news, a march – that could raise tension locally. Aik Saath in Slough, for example, has learned to act early after events such as the 2011 riots and the killing of Lee Rigby.

                **Within a day.** Check in with your hub and log a tension observation, with no names. Call the people you would want beside you: faith leaders, the neighbourhood police team, youth workers, the council's community team.

                **Within a few days.** Agree a shared public message if partners want one. Open a space where people can talk about fear and anger safely – both those who feel targeted and those who feel threatened. Watch local social media, and answer rumours with facts from trusted voices.

                **Afterwards.** Note what helped and what you would do differently, and share it with your hub.

                **Watch out for.** Responding only to the loudest voices, and anything that looks like a show of force against one community.
                """,
            link: nil,
            doi: nil,
            methods: ["organising", "dialogue", "campaigning"],
            themes: ["faith", "ethnicity"]
        ),
        DemoResourceSeed(
            slug: "measuring-good-relations",
            title: "Measuring good relations: a starter toolkit",
            kind: "toolkit",
            summary:
                "A simple, honest way to start measuring the difference your work makes to relations between people.",
            body: """
                **What it is.** A short way into measuring the difference your work makes to relations between people – something many practitioners at the 2013 events found hard, and asked for simple tools to help with.

                **Start small.** Pick two or three indicators that match what you are trying to change: for example, the Community Life Survey question on whether people from different backgrounds get on well together locally, how often people mix with others from a different background, and how confident participants feel talking about a divisive topic.

                **Ask before and after.** Use the same questions at the start and end of a programme, linked by a code each person chooses – never a name. Add a few open questions, and collect stories of change.

                **Report honestly.** With small groups, describe rather than test: say how many people improved, stayed the same or got worse.

                **Watch out for.** Claiming too much. Relations between people are shaped by many things; your work is one of them.
                """,
            link: nil,
            doi: nil,
            methods: ["research"],
            themes: ["ethnicity", "faith", "age"]
        ),
    ]
}
