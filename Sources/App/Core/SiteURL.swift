import Vapor

/// An address on this site. Features declare their own addresses as static members in a
/// `<Area>URLs.swift` file, so links and routes cannot drift apart:
/// a fixed page is a `SiteURL`, an address with parameters is a `SiteURLPattern1`/`SiteURLPattern2`,
/// which the router registers by its pattern and links call with values (`SiteURL.event(slug)`).
struct SiteURL: Sendable, Hashable, CustomStringConvertible {
    /// The site-relative path, such as `/events/harvest-supper`.
    let path: String

    init(_ path: String) {
        self.path = path
    }

    var description: String { path }

    /// The components the router matches for a fixed page.
    var routeComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// An absolute address for links that leave the site, such as those sent by email.
    func absolute(base: String, query: [String: String] = [:]) -> String {
        base + with(query: query)
    }

    /// A site-relative address with a query string.
    func with(query: [String: String]) -> String {
        guard !query.isEmpty else { return path }
        var components = URLComponents()
        components.path = path
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }
}

/// The shell every page shares: home, sign-in and account links and the search box in the header,
/// the footer's links, the stylesheet and script, and where the "for approved members" page sends
/// people. Everything else is a feature's.
extension SiteURL {
    static let home = SiteURL("/")
    static let healthz = SiteURL("/healthz")
    static let readyz = SiteURL("/readyz")
    static let metrics = SiteURL("/metrics")
    static let signUp = SiteURL("/signup")
    static let signIn = SiteURL("/signin")
    static let signOut = SiteURL("/signout")
    static let account = SiteURL("/account")
    /// Where sign-in lands: what is waiting for this person.
    static let personalHome = SiteURL("/home")
    static let hubs = SiteURL("/hubs")
    /// The one search box in the header searches the directory.
    static let search = SiteURL("/search")
    static let about = SiteURL("/about")
    static let privacy = SiteURL("/privacy")
    static let accessibility = SiteURL("/accessibility")
    static let openData = SiteURL("/open-data")
    static let press = SiteURL("/press")
    static let stylesheet = SiteURL("/css/site.css")
    static let script = SiteURL("/js/site.js")
}

/// A value that can fill one parameter of an address.
protocol SiteURLValue: Sendable {
    var urlSegment: String { get }
}

extension String: SiteURLValue {
    var urlSegment: String { self }
}

extension UUID: SiteURLValue {
    var urlSegment: String { uuidString.lowercased() }
}

/// One segment of an address pattern: fixed text, or a named parameter (with text after it, as in
/// `{eventSlug}.ics`).
enum SiteURLSegment: Sendable, ExpressibleByStringLiteral {
    case fixed(String)
    case parameter(String, suffix: String = "")

    init(stringLiteral value: String) {
        self = .fixed(value)
    }

    var routeComponent: PathComponent {
        switch self {
        case .fixed(let text): return .constant(text)
        case .parameter(let name, _): return .parameter(name)
        }
    }
}

/// The segments of a pattern, filled in order with the values given.
private func sitePath(_ segments: [SiteURLSegment], _ values: [String]) -> String {
    var remaining = values[...]
    let parts = segments.map { segment -> String in
        switch segment {
        case .fixed(let text):
            return text
        case .parameter(_, let suffix):
            return (remaining.popFirst() ?? "") + suffix
        }
    }
    return "/" + parts.joined(separator: "/")
}

/// An address with one parameter, such as `/events/{eventSlug}`.
struct SiteURLPattern1<Value: SiteURLValue>: Sendable {
    let segments: [SiteURLSegment]

    init(_ segments: SiteURLSegment...) {
        self.segments = segments
    }

    func callAsFunction(_ value: Value) -> SiteURL {
        SiteURL(sitePath(segments, [value.urlSegment]))
    }

    /// The components the router matches, with the parameter named.
    var routeComponents: [PathComponent] { segments.map(\.routeComponent) }
}

/// An address with two parameters, such as `/hubs/{hubSlug}/requests/people/{requestID}`.
struct SiteURLPattern2<First: SiteURLValue, Second: SiteURLValue>: Sendable {
    let segments: [SiteURLSegment]

    init(_ segments: SiteURLSegment...) {
        self.segments = segments
    }

    func callAsFunction(_ first: First, _ second: Second) -> SiteURL {
        SiteURL(sitePath(segments, [first.urlSegment, second.urlSegment]))
    }

    var routeComponents: [PathComponent] { segments.map(\.routeComponent) }
}
