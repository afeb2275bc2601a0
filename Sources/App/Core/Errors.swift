import Plot
import Vapor

/// One field's problem in an API request.
struct FieldProblem: Content, Sendable {
    let field: String
    let message: String
}

/// An API error as RFC 9457 `application/problem+json`.
struct ProblemDetails: Content, Sendable {
    var type: String = "about:blank"
    let title: String
    let status: Int
    let detail: String
    var errors: [FieldProblem]? = nil
}

/// An API request whose fields are wrong, with each field named.
struct ValidationProblem: AbortError {
    let problems: [FieldProblem]
    var status: HTTPResponseStatus { .unprocessableEntity }
    var reason: String { problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}

/// Turns every error into a page in the site's layout, or into problem+json under `/api/`.
/// Nothing internal (stack traces, SQL, file paths) is ever shown.
struct SiteErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: Error, request: Request) -> Response {
        var status: HTTPResponseStatus
        var headers = HTTPHeaders()
        switch error {
        case let abort as AbortError:
            status = abort.status
            headers = abort.headers
        case is DecodingError:
            status = .badRequest
        default:
            status = .internalServerError
        }
        if status == .internalServerError {
            request.logger.report(error: error)
        }
        if status == .notFound, request.route == nil, let allowed = allowedMethods(for: request), !allowed.isEmpty {
            status = .methodNotAllowed
            headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
        }
        if error is SignInRequired, !request.isAPIRequest {
            let next =
                request.method == .GET
                ? request.url.path + (request.url.query.map { "?" + $0 } ?? "") : SiteURL.account.path
            return request.redirect(to: SiteURL.signIn.with(query: ["next": next]), redirectType: .normal)
        }

        let response: Response
        if request.isAPIRequest {
            response = problemResponse(for: error, status: status, request: request)
        } else {
            response = ErrorPage(status: status, error: error).html(page: request.page).response(status: status)
        }
        for (name, value) in headers where name.lowercased() != "content-type" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }

    private static func problemResponse(for error: Error, status: HTTPResponseStatus, request: Request) -> Response {
        var problem = ProblemDetails(
            title: status.reasonPhrase, status: Int(status.code), detail: apiDetail(for: error, status: status))
        if let validation = error as? ValidationProblem {
            problem.errors = validation.problems
        } else if let decoding = error as? DecodingError {
            problem.errors = [FieldProblem(field: decoding.fieldPath, message: decoding.plainMessage)]
            problem = ProblemDetails(
                title: status.reasonPhrase, status: Int(status.code),
                detail: "The request body could not be read: \(decoding.plainMessage)", errors: problem.errors)
        }
        let response = Response(status: status)
        try? response.content.encode(problem, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        return response
    }

    private static func apiDetail(for error: Error, status: HTTPResponseStatus) -> String {
        switch status {
        case .internalServerError: return "Something went wrong on our side. Please try again later."
        case .notFound: return "There is nothing at this address."
        case .methodNotAllowed: return "This address does not accept that method."
        case .unauthorized where error is SignInRequired:
            return
                "Send a valid API token in the Authorization header, as 'Bearer TOKEN'. Make one with `bridgework create-token`."
        case .unauthorized: return (error as? AbortError)?.reason ?? "Send a valid API token."
        case .forbidden where error is MembershipRequired:
            return (error as? AbortError)?.reason ?? "This is for approved members."
        case .forbidden: return "You do not have permission to do that."
        case .payloadTooLarge: return "The request body is too large."
        default: return (error as? AbortError)?.reason ?? status.reasonPhrase
        }
    }

    /// Methods registered for this path, so a wrong method gets 405 rather than 404.
    private static func allowedMethods(for request: Request) -> [HTTPMethod]? {
        let segments = request.url.path.split(separator: "/").map(String.init)
        let methods = request.application.routes.all.filter { route in
            matches(route.path, segments)
        }.map(\.method)
        return Array(Set(methods.map(\.rawValue))).sorted().map { HTTPMethod(rawValue: $0) }
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall: return index < segments.count
            case .anything, .parameter:
                guard index < segments.count else { return false }
            case .constant(let value):
                guard index < segments.count, segments[index] == value else { return false }
            }
            index += 1
        }
        return index == segments.count
    }
}

extension DecodingError {
    var fieldPath: String {
        let path: [CodingKey]
        switch self {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        return path.map(\.stringValue).joined(separator: ".")
    }

    var plainMessage: String {
        switch self {
        case .keyNotFound: return "this field is required"
        case .valueNotFound: return "this field must not be empty"
        case .typeMismatch(let type, _): return "this field has the wrong type (expected \(type))"
        case .dataCorrupted: return "this is not valid JSON"
        @unknown default: return "this could not be read"
        }
    }
}

/// The page shown for an error, in the site's layout.
struct ErrorPage {
    let status: HTTPResponseStatus
    let error: Error

    var title: String {
        switch status {
        case .notFound: return "Page not found"
        case .forbidden where error is MembershipRequired: return "This is for approved members"
        case .forbidden:
            return error is FormExpiredError
                ? "Your form could not be sent" : "You do not have permission to see this page"
        case .methodNotAllowed: return "This page cannot do that"
        case .payloadTooLarge: return "What you sent is too large"
        case .tooManyRequests: return "Too many attempts"
        case .badRequest: return "Your request could not be understood"
        case .uriTooLong: return "This web address is too long"
        case .unauthorized: return "You need to sign in"
        case .gone: return "This page has been taken down"
        default:
            return status.code >= 500 ? "Sorry, there is a problem with the service" : "Something went wrong"
        }
    }

    var paragraphs: [String] {
        switch status {
        case .notFound:
            // A reason written for people (an old emailed link, say) says more than the general advice.
            if let reason = (error as? AbortError)?.reason, reason != status.reasonPhrase { return [reason] }
            return [
                "If you typed the web address, check it is correct.",
                "If you pasted the web address, check you copied the entire address.",
            ]
        case .forbidden where error is FormExpiredError:
            return [
                "For your safety, each form carries a check that proves it came from this site. This one was missing or out of date, so nothing was saved.",
                "Go back, reload the page, and send the form again. If it keeps happening, make sure your browser accepts cookies from this site.",
            ]
        case .forbidden where error is MembershipRequired:
            return [
                "Your account is registered, but no hub has approved you yet, so you see what any visitor sees.",
                "Ask to join a hub near you from its page. Some hubs are open and let you in at once; in the others one of its stewards will look at your request and you will get an email when they decide. Until then you can write story drafts, keep your profile and register for public events.",
            ]
        case .forbidden:
            return [
                "Your account does not have access to this page. If you think it should, ask a steward of your hub or the national team."
            ]
        case .methodNotAllowed:
            return [
                "This address exists, but not for what your browser asked it to do. Go back and use the links and buttons on the page."
            ]
        case .payloadTooLarge:
            return ["The form or file you sent is larger than we accept. Go back and send something smaller."]
        case .badRequest:
            return ["Go back and try again."]
        case .uriTooLong:
            return [
                "No page on Bridgework has an address this long. If you pasted it, check you copied the right address."
            ]
        case .gone:
            return [
                (error as? AbortError)?.reason
                    ?? "What was here has been removed on purpose, and will not come back at this address."
            ]
        default:
            if status.code >= 500 {
                return ["Please try again later. Nothing you can do caused this, and the team has been told."]
            }
            return ["Go back and try again."]
        }
    }

    func html(page: PageContext) -> HTML {
        Layout(title: title, page: page).render(
            .h1(.plainText(title)),
            .forEach(paragraphs) { .p(.plainText($0)) },
            .if(error is MembershipRequired, .p(.a(.href(SiteURL.hubs.path), .plainText("Find a hub to join")))),
            .p(.a(.href(SiteURL.home.path), .plainText("Go to the home page")))
        )
    }
}
