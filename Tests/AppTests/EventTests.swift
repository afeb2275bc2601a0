import Fluent
import NIOConcurrencyHelpers
import Vapor
import XCTVapor

@testable import App

/// Events: registration with and without an account, waiting lists, capacity under load,
/// organisers' tools, calendars and UK time.
final class EventTests: XCTestCase {
    /// An event run by the test hub, created through the form by its steward.
    @discardableResult
    private func event(
        _ app: Application, title: String = "Listening circle", date: String = "2030-05-14", start: String = "18:00",
        end: String = "20:00",
        capacity: Int = 2, audience: String = "public"
    ) async throws -> (steward: TestClient, event: Event) {
        let steward = TestClient(app)
        try await steward.signIn(TestPeople.Role.steward.email)
        let saved = try await steward.post(
            "/events/new",
            form: [
                "title": title, "host": "hub:riverside", "description": "We listen to each other.", "date": date,
                "start_time": start, "end_time": end,
                "place": "Riverside library", "capacity": String(capacity), "audience": audience,
                "questions[]": "access_needs", "feedback[]": "yes",
            ])
        XCTAssertEqual(saved.status, .seeOther, saved.text)
        let row = try await Event.query(on: app.db).filter(\.$title == title).first()
        return (steward, try XCTUnwrap(row))
    }

    private func visitorRegisters(_ app: Application, _ event: Event, name: String, email: String) async throws {
        let page = try await TestClient(app).post(
            "/events/\(event.slug)/register",
            form: ["name": name, "email": email, "access_needs": "A seat near the door"])
        XCTAssertTrue(page.text.contains("Check your email"), page.text)
        let link = try await latestLink(to: email, containing: "/events/registrations/confirm", on: app)
        let token = try XCTUnwrap(
            URLComponents(string: try XCTUnwrap(link))?.queryItems?.first { $0.name == "token" }?.value)
        let confirmPage = try await TestClient(app).get(try XCTUnwrap(link))
        XCTAssertTrue(confirmPage.text.contains("Confirm my place"), "opening the link alone confirms nothing")
        _ = try await TestClient(app).post("/events/registrations/confirm", form: ["token": token])
    }

    func testAVisitorRegistersConfirmsByEmailAndAFullEventQueuesOthersUntilACancellationPassesThePlaceOn() async throws
    {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, event) = try await event(app, capacity: 2)
            try await visitorRegisters(app, event, name: "Asha", email: "asha@example.org")
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let second = try await member.post("/events/\(event.slug)/register")
            XCTAssertTrue(second.text.contains("You have a place"), "a member is confirmed at once")
            let full = try await TestClient(app).get("/events/\(event.slug)")
            XCTAssertTrue(full.text.contains("Join the waiting list"))
            try await visitorRegisters(app, event, name: "Ben", email: "ben@example.org")
            var ben = try await EventRegistration.query(on: app.db).filter(\.$email == "ben@example.org").first()
            XCTAssertEqual(ben?.status.rawValue, "waitlisted")
            let queued = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "ben@example.org").sort(
                \.$createdAt, .descending
            ).first()
            XCTAssertTrue(queued?.subject.contains("waiting list") ?? false)

            let cancelled = try await member.post("/events/\(event.slug)/cancel")
            XCTAssertTrue(cancelled.text.contains("Your place is cancelled"))
            ben = try await EventRegistration.query(on: app.db).filter(\.$email == "ben@example.org").first()
            XCTAssertEqual(ben?.status.rawValue, "confirmed", "the first on the waiting list gets the place at once")
            let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "ben@example.org").sort(
                \.$createdAt, .descending
            ).first()
            XCTAssertEqual(told?.subject, "A place has come free at Listening circle")
            let reloaded = try await Event.find(event.id, on: app.db)
            XCTAssertEqual(reloaded?.placesTaken, 2, "the place passed on, so the count stays at capacity")

            // Ben cancels through the link in his email; nobody is waiting, so a place comes free.
            let cancelLink = try await latestLink(
                to: "ben@example.org", containing: "/events/registrations/cancel", on: app)
            let token = try XCTUnwrap(
                URLComponents(string: try XCTUnwrap(cancelLink))?.queryItems?.first { $0.name == "token" }?.value)
            _ = try await TestClient(app).post("/events/registrations/cancel", form: ["token": token])
            _ = try await TestClient(app).post("/events/registrations/cancel", form: ["token": token])
            let after = try await Event.find(event.id, on: app.db)
            XCTAssertEqual(after?.placesTaken, 1, "a second press of cancel gives back nothing more")
        }
    }

    func testFiftyRegistrationsAtOnceForTenPlacesConfirmExactlyTen() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, event) = try await event(app, capacity: 10)
            // Fifty people who opened their confirmation links and press confirm at the same moment.
            var tokens: [String] = []
            for person in 1...50 {
                let token = Tokens.random()
                let registration = EventRegistration()
                registration.$event.id = event.id!
                registration.name = "Person \(person)"
                registration.email = "person\(person)@example.org"
                registration.status = .unconfirmed
                registration.tokenHash = Tokens.hash(token)
                registration.accessNeeds = ""
                registration.dietaryNeeds = ""
                registration.organisationName = ""
                registration.attended = false
                try await registration.create(on: app.db)
                tokens.append(token)
            }
            let csrf = try await TestClient(app).csrfPair()
            let failures = NIOLockedValueBox(0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for token in tokens {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.contentType = .urlEncodedForm
                        headers.replaceOrAdd(name: .cookie, value: csrf.cookie)
                        let body =
                            "token=\(token)&\(CSRF.fieldName)=\(csrf.token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                        let response = try await app.testable().sendRequest(
                            .POST, "/events/registrations/confirm", headers: headers, body: ByteBuffer(string: body))
                        if response.status.code >= 500 { failures.withLockedValue { $0 += 1 } }
                    }
                }
                try await group.waitForAll()
            }
            XCTAssertEqual(failures.withLockedValue { $0 }, 0, "no request failed")
            let confirmed = try await EventRegistration.query(on: app.db).filter(\.$status == .confirmed).count()
            let waiting = try await EventRegistration.query(on: app.db).filter(\.$status == .waitlisted).count()
            XCTAssertEqual(confirmed, 10)
            XCTAssertEqual(waiting, 40)
            let reloaded = try await Event.find(event.id, on: app.db)
            XCTAssertEqual(reloaded?.placesTaken, 10)
        }
    }

    func testTimesAreEnteredAndShownInUKTimeEitherSideOfTheClockChange() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, summer) = try await event(
                app, title: "Spring gathering", date: "2030-03-31", start: "10:00", end: "12:00")
            let (_, winter) = try await event(
                app, title: "Winter gathering", date: "2030-01-15", start: "10:00", end: "12:00")
            XCTAssertEqual(
                ICalendar.utc(summer.startsAt), "20300331T090000Z", "10:00 in British Summer Time is 09:00 UTC")
            XCTAssertEqual(ICalendar.utc(winter.startsAt), "20300115T100000Z")
            let page = try await TestClient(app).get("/events/\(summer.slug)")
            XCTAssertTrue(page.text.contains("Sunday 31 March 2030, 10am to midday (UK time)"), page.text)
            XCTAssertTrue(page.text.contains(#"<link rel="alternate" type="text/calendar""#))
            XCTAssertTrue(page.text.contains(#""@type":"Event""#), "schema.org Event")
            XCTAssertTrue(page.text.contains(#""startDate":"2030-03-31T10:00:00+01:00""#), "summer time, as an offset")
            let winterPage = try await TestClient(app).get("/events/\(winter.slug)")
            XCTAssertTrue(winterPage.text.contains(#""startDate":"2030-01-15T10:00:00Z""#), "winter is on UTC")
            XCTAssertTrue(page.text.contains("calendar.google.com"), "add to calendar links")
            let ics = try await TestClient(app).get("/events/\(summer.slug).ics")
            XCTAssertEqual(ics.headers.contentType?.subType, "calendar")
            XCTAssertTrue(ics.text.contains("DTSTART;TZID=Europe/London:20300331T100000"))
            XCTAssertTrue(ics.text.contains("BEGIN:VTIMEZONE"))
            XCTAssertTrue(ics.text.contains("URL:"))
        }
    }

    func testCalendarFeedsCarryEachPublicEventEscapedAndFoldedAndAHubsFeedOnlyItsOwn() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, open) = try await event(
                app, title: "Open supper, with songs; all welcome", date: "2030-07-14", start: "10:00", end: "12:00")
            open.description =
                "Bring a dish.\r\nNo need to book, but say if you need a seat near the door: "
                + String(repeating: "we will keep one free for you ", count: 4)
            try await open.save(on: app.db)
            try await event(app, title: "Members' skills session", audience: "members")
            let id = try XCTUnwrap(open.id).uuidString.lowercased()
            for path in ["/events.ics", "/hubs/riverside/events.ics"] {
                let feed = try await TestClient(app).get(path)
                XCTAssertEqual(feed.status, .ok, path)
                let lines = feed.text.components(separatedBy: "\r\n")
                XCTAssertEqual(lines.filter { $0.utf8.count > 75 }, [], "\(path): lines fold at 75 octets")
                let unfolded = feed.text.replacingOccurrences(of: "\r\n ", with: "")
                XCTAssertTrue(unfolded.contains("SUMMARY:Open supper\\, with songs\\; all welcome"), unfolded)
                XCTAssertTrue(
                    unfolded.contains("DESCRIPTION:Bring a dish.\\nNo need to book\\, but say if"),
                    "one line break for CRLF: \(unfolded)")
                XCTAssertTrue(unfolded.contains("DTSTART;TZID=Europe/London:20300714T100000"), path)
                XCTAssertTrue(unfolded.contains("DTEND;TZID=Europe/London:20300714T120000"), path)
                XCTAssertTrue(unfolded.contains("UID:event-\(id)@bridgework"), path)
                XCTAssertTrue(unfolded.contains("URL:http"), path)
                XCTAssertFalse(unfolded.contains("skills session"), "\(path): members-only events stay out")
                XCTAssertEqual(unfolded.components(separatedBy: "BEGIN:VEVENT").count - 1, 1, path)
            }
            let otherHub = try await TestClient(app).get("/hubs/hillside/events.ics")
            XCTAssertEqual(otherHub.status, .ok)
            XCTAssertFalse(otherHub.text.contains("BEGIN:VEVENT"), "another hub's feed holds none of this hub's events")
        }
    }

    func testMembersOnlyEventsStayOutOfVisitorsPagesAndFeeds() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, event) = try await event(app, title: "Members' skills session", audience: "members")
            let visitorPage = try await TestClient(app).get("/events/\(event.slug)")
            XCTAssertEqual(visitorPage.status, .notFound)
            let list = try await TestClient(app).get("/events")
            XCTAssertFalse(
                list.text.contains("Members' skills session") || list.text.contains("Members&#39; skills session"))
            let feed = try await TestClient(app).get("/events.ics")
            XCTAssertFalse(feed.text.contains("skills session"))
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let memberPage = try await member.get("/events/\(event.slug)")
            XCTAssertEqual(memberPage.status, .ok)
        }
    }

    func testMistakesInTheEventFormAreExplainedAndNothingIsLost() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let page = try await steward.post(
                "/events/new",
                form: [
                    "title": "Picnic", "host": "hub:hillside", "date": "2030-02-30", "start_time": "25:00",
                    "end_time": "10:00", "capacity": "0", "online_url": "meet.example.org",
                ])
            XCTAssertEqual(page.status, .unprocessableEntity)
            for message in [
                "Choose a hub or organisation from the list", "Enter a real date with its day, month and year",
                "Enter the start time as hours and minutes",
                "Enter the number of places", "Enter the online link as a full web address", "Choose who may register",
                "Enter a description",
            ] {
                XCTAssertTrue(page.text.contains(message), message)
            }
            XCTAssertTrue(page.text.contains(#"value="Picnic""#))
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let refused = try await member.get("/events/new")
            XCTAssertEqual(refused.status, .forbidden, "only stewards and organisation admins run events")
        }
    }

    func testOrganisersSeeWhoIsComingDownloadItMarkAttendanceMessagePeopleAndGatherFeedback() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (steward, event) = try await event(app, capacity: 5)
            try await visitorRegisters(app, event, name: "Asha", email: "asha@example.org")
            try await visitorRegisters(app, event, name: "=cmd|' /C calc'!A0", email: "eve@example.org")
            let list = try await steward.get("/events/\(event.slug)/registrations")
            XCTAssertTrue(list.text.contains("2 of 5 places taken"))
            XCTAssertTrue(list.text.contains("A seat near the door"))
            let csv = try await steward.get("/events/\(event.slug)/registrations.csv")
            XCTAssertTrue(csv.text.contains("Asha,asha@example.org,Has a place"))
            XCTAssertTrue(csv.text.contains("'=cmd"), "a formula-like name is defused")
            let otherSteward = TestClient(app)
            try await otherSteward.signIn(TestPeople.Role.otherSteward.email)
            let refused = try await otherSteward.get("/events/\(event.slug)/registrations")
            XCTAssertEqual(refused.status, .forbidden)

            let asha = try await EventRegistration.query(on: app.db).filter(\.$email == "asha@example.org").first()
            _ = try await steward.post("/events/\(event.slug)/attendance", form: ["attended[]": asha!.id!.uuidString])
            let marked = try await EventRegistration.query(on: app.db).filter(\.$attended == true).count()
            XCTAssertEqual(marked, 1)
            let sent = try await steward.post(
                "/events/\(event.slug)/message", form: ["subject": "Room change", "body": "We are in room 2."])
            XCTAssertEqual(sent.status, .seeOther)
            let message = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "asha@example.org").sort(
                \.$createdAt, .descending
            ).first()
            XCTAssertEqual(message?.subject, "Listening circle: Room change")

            let early = try await steward.post("/events/\(event.slug)/feedback-requests")
            XCTAssertTrue(early.text.contains("once the event has finished"))
            event.startsAt = Date().addingTimeInterval(-7_200)
            event.endsAt = Date().addingTimeInterval(-3_600)
            try await event.save(on: app.db)
            _ = try await steward.post("/events/\(event.slug)/feedback-requests")
            let link = try await latestLink(to: "asha@example.org", containing: "/events/feedback", on: app)
            let notAsked = try await latestLink(to: "eve@example.org", containing: "/events/feedback", on: app)
            XCTAssertNil(notAsked, "only the people marked as there are asked")
            let token = try XCTUnwrap(
                URLComponents(string: try XCTUnwrap(link))?.queryItems?.first { $0.name == "token" }?.value)
            let missing = try await TestClient(app).post(
                "/events/feedback", form: ["token": token, "worked_well": "The circle"])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.text.contains("The circle"))
            _ = try await TestClient(app).post(
                "/events/feedback", form: ["token": token, "rating": "5", "worked_well": "The circle"])
            let summary = try await steward.get("/events/\(event.slug)/registrations")
            XCTAssertTrue(summary.text.contains("<th scope=\"row\">Very useful</th><td>1</td>"))
            XCTAssertTrue(summary.text.contains("The circle"))
        }
    }

    func testTheEventsListRunsTheSameQueriesForAFewEventsOrManyAndPages() async throws {
        try await withApp { app, counter in
            let people = try await TestPeople.make(on: app)
            func add(_ count: Int, from first: Int) async throws {
                for number in first..<(first + count) {
                    let start = Date().addingTimeInterval(Double(number) * 86_400)
                    let event = Event(
                        slug: "event-\(number)", title: "Event \(number)", hubID: number % 2 == 0 ? people.hub.id : nil,
                        startsAt: start, endsAt: start.addingTimeInterval(3_600))
                    event.description = "Talk"
                    event.place = "Hall"
                    event.capacity = 10
                    event.askFeedback = false
                    event.$organisation.id = number % 2 == 0 ? nil : people.organisation.id
                    try await event.create(on: app.db)
                }
            }
            try await add(3, from: 1)
            counter.reset()
            _ = try await TestClient(app).get("/events")
            let few = counter.value
            try await add(40, from: 4)
            counter.reset()
            let page = try await TestClient(app).get("/events")
            XCTAssertEqual(counter.value, few)
            XCTAssertTrue(page.text.contains("Next page"))
            let second = try await TestClient(app).get("/events?page=2")
            XCTAssertTrue(second.text.contains("Event 23"), "the second page starts where the first ended")
            XCTAssertEqual(few, 1, "the rows, their hosts and the total are read in one query")
            XCTAssertTrue(page.text.contains("The \(people.hub.name) hub"), "a hub's event names its hub")
            XCTAssertTrue(page.text.contains(people.organisation.name), "an organisation's event names it")
            let beyond = try await TestClient(app).get("/events?page=9")
            XCTAssertEqual(beyond.status, .ok)
            XCTAssertTrue(beyond.text.contains("No upcoming events yet"))
            XCTAssertTrue(beyond.text.contains("There is no page 9: the list has 3 pages"), "past the end, it says so")
            XCTAssertTrue(
                beyond.text.contains("href=\"/events?page=3\">Go to the last page, page 3</a>"),
                "and links to the true last page")
        }
    }

    func testTheFormNeverRevealsWhetherAnAddressIsAlreadyRegistered() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, event) = try await event(app, capacity: 5)
            try await visitorRegisters(app, event, name: "Asha", email: "asha@example.org")
            let sentBefore = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "asha@example.org")
                .count()
            let again = try await TestClient(app).post(
                "/events/\(event.slug)/register", form: ["name": "Someone else", "email": "ASHA@example.org"])
            XCTAssertTrue(again.text.contains("Check your email"), "the same answer as for a new address")
            let sentNow = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "asha@example.org").count()
            XCTAssertEqual(sentNow, sentBefore, "no second email within a quarter of an hour of the last one")
            // Twenty minutes later, someone tries again: Asha is told, without new links.
            for message in try await OutboxMessage.query(on: app.db).all() {
                message.createdAt = Date().addingTimeInterval(-1_200)
                try await message.save(on: app.db)
            }
            _ = try await TestClient(app).post(
                "/events/\(event.slug)/register", form: ["name": "Someone else", "email": "asha@example.org"])
            let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "asha@example.org").sort(
                \.$createdAt, .descending
            ).first()
            XCTAssertEqual(told?.subject, "You are already registered for Listening circle")
            XCTAssertFalse(told?.body.contains("token=") ?? true, "no new link, so the links Asha has keep working")
            let count = try await EventRegistration.query(on: app.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testMorePlacesGoToThePeopleWaitingInTheOrderTheyJoined() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (steward, event) = try await event(app, capacity: 1)
            for name in ["Asha", "Ben", "Cara"] {
                try await visitorRegisters(app, event, name: name, email: "\(name.lowercased())@example.org")
            }
            let form = try await steward.get("/events/\(event.slug)/edit")
            XCTAssertTrue(form.text.contains(#"value="Listening circle""#))
            let tooSmall = try await steward.post(
                "/events/\(event.slug)/edit",
                form: [
                    "title": "Listening circle", "host": "hub:riverside", "description": "We listen.",
                    "date": "2030-05-14", "start_time": "18:00", "end_time": "20:00",
                    "place": "Riverside library", "capacity": "0", "audience": "public",
                ])
            XCTAssertEqual(tooSmall.status, .unprocessableEntity)
            _ = try await steward.post(
                "/events/\(event.slug)/edit",
                form: [
                    "title": "Listening circle", "host": "hub:riverside", "description": "We listen.",
                    "date": "2030-05-14", "start_time": "18:00", "end_time": "20:00",
                    "place": "Riverside library", "capacity": "2", "audience": "public",
                ])
            let ben = try await EventRegistration.query(on: app.db).filter(\.$email == "ben@example.org").first()
            let cara = try await EventRegistration.query(on: app.db).filter(\.$email == "cara@example.org").first()
            XCTAssertEqual(ben?.status.rawValue, "confirmed", "the first waiting takes the new place")
            XCTAssertEqual(cara?.status.rawValue, "waitlisted")
            let reloaded = try await Event.find(event.id, on: app.db)
            XCTAssertEqual(reloaded?.placesTaken, 2)
        }
    }

    func testTheSchedulersCommandAsksForFeedbackOnceAfterEachFinishedEvent() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, event) = try await event(app, capacity: 5)
            try await visitorRegisters(app, event, name: "Asha", email: "asha@example.org")
            var console = try await app.run(SendEventFeedbackCommand(), [])
            XCTAssertTrue(console.standardOutput.contains("No finished events"), "nothing before the event ends")
            event.startsAt = Date().addingTimeInterval(-7_200)
            event.endsAt = Date().addingTimeInterval(-3_600)
            try await event.save(on: app.db)
            console = try await app.run(SendEventFeedbackCommand(), [])
            XCTAssertTrue(console.standardOutput.contains("Sent feedback requests for 1 event"), console.standardOutput)
            console = try await app.run(SendEventFeedbackCommand(), [])
            XCTAssertTrue(console.standardOutput.contains("No finished events"), "once per event")
            let requests = try await OutboxMessage.query(on: app.db).filter(\.$subject == "How was Listening circle?")
                .count()
            XCTAssertEqual(requests, 1)
        }
    }

    func testConfirmingTwiceAtOnceTakesOnePlaceAndFeedbackOpensOnlyAfterTheEvent() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let (_, event) = try await event(app, capacity: 5)
            _ = try await TestClient(app).post(
                "/events/\(event.slug)/register", form: ["name": "Asha", "email": "asha@example.org"])
            let link = try await latestLink(
                to: "asha@example.org", containing: "/events/registrations/confirm", on: app)
            let token = try XCTUnwrap(
                URLComponents(string: try XCTUnwrap(link))?.queryItems?.first { $0.name == "token" }?.value)
            let csrf = try await TestClient(app).csrfPair()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.contentType = .urlEncodedForm
                        headers.replaceOrAdd(name: .cookie, value: csrf.cookie)
                        let body = "token=\(token)&\(CSRF.fieldName)=\(csrf.token)"
                        _ = try await app.testable().sendRequest(
                            .POST, "/events/registrations/confirm", headers: headers, body: ByteBuffer(string: body))
                    }
                }
                try await group.waitForAll()
            }
            let reloaded = try await Event.find(event.id, on: app.db)
            XCTAssertEqual(reloaded?.placesTaken, 1, "five presses of confirm take one place")
            let early = try await TestClient(app).get("/events/feedback?token=\(token)")
            XCTAssertEqual(early.status, .notFound)
            XCTAssertTrue(early.text.contains("Feedback on this event is not open"))
            let sent = try await TestClient(app).post("/events/feedback", form: ["token": token, "rating": "5"])
            XCTAssertEqual(sent.status, .notFound)
            let stored = try await EventFeedback.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testAnOldOrUnknownLinkSaysSoPlainly() async throws {
        try await withApp { app, _ in
            let page = try await TestClient(app).get("/events/registrations/confirm?token=nonsense")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertTrue(page.text.contains("This link has expired"))
        }
    }
}
