import Fluent
import Vapor

/// Turning the weekly digest off from its email, and on or off from the person's home page.
struct DigestController {
    func unsubscribePage(req: Request) async throws -> Response {
        let person = try await linkedPerson(req)
        let model = DigestUnsubscribePage.Model(
            page: req.page, state: person.map { .asking(name: $0.name, link: req.url.string) } ?? .badLink)
        return DigestUnsubscribePage.view(model).response(status: person == nil ? .notFound : .ok)
    }

    /// The page's button and a mail program's one-click request (RFC 8058) both land here.
    func unsubscribe(req: Request) async throws -> Response {
        guard let person = try await linkedPerson(req) else {
            return DigestUnsubscribePage.view(.init(page: req.page, state: .badLink)).response(status: .notFound)
        }
        let userID = try person.requireID()
        if try await DigestOptOut.isOn(for: userID, on: req.db) {
            try await DigestOptOut.set(false, for: userID, on: req.db)
            try await req.audit(.digestTurnedOff, subjectType: "user", subjectID: userID, actorID: userID)
        }
        return DigestUnsubscribePage.view(.init(page: req.page, state: .done)).response()
    }

    func setting(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let choice = req.form.text("digest")
        guard choice == "on" || choice == "off" else {
            return req.redirect(to: SiteURL.personalHome.path)
        }
        try await DigestOptOut.set(choice == "on", for: user.id, on: req.db)
        try await req.audit(
            choice == "on" ? .digestTurnedOn : .digestTurnedOff, subjectType: "user", subjectID: user.id)
        return req.redirect(
            to: SiteURL.personalHome.with(notice: choice == "on" ? DigestNotice.turnedOn : DigestNotice.turnedOff))
    }

    /// The person the link names, if its token is theirs and their account still exists.
    private func linkedPerson(_ req: Request) async throws -> User? {
        guard
            let userID = DigestLinks.person(
                id: req.query[String.self, at: "person"], token: req.query[String.self, at: "token"],
                key: req.application.csrfKey)
        else { return nil }
        return try await User.find(userID, on: req.db)
    }
}
