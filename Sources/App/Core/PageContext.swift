import Vapor

/// What every page needs to know about the request it answers, as a plain value, so that a view is
/// a pure function of its model and never sees a `Request`. Handlers get one from `req.page`.
struct PageContext: Sendable {
    /// The path of the page being shown, to mark the current navigation item.
    let path: String
    /// The signed-in person's name, or nil for a visitor.
    let signedInName: String?
    /// The main navigation this person sees, already decided by the policy.
    let navigation: [NavigationItem]
    /// The notice to show at the top, if the address named one we know.
    let notice: Notice?
    /// The anti-forgery token for forms on this page. Read lazily: a visitor's browser is given the
    /// cookie behind it only when a page actually carries a form.
    let formToken: FormToken
    /// The national team's address, for the footer.
    var contactEmail = Settings.defaultContactEmail

    /// A context for building a page without a server, as tests and previews do.
    static func preview(
        path: String = "/", signedInName: String? = nil, navigation: [NavigationItem] = [], notice: Notice? = nil
    ) -> PageContext {
        PageContext(
            path: path, signedInName: signedInName, navigation: navigation, notice: notice,
            formToken: FormToken { "preview-form-token" })
    }
}

/// One entry in the main navigation: a link, or a named group of links that opens without script.
struct NavigationItem: Sendable, Equatable {
    let text: String
    /// The link's address; a group's is its first link's.
    let url: SiteURL
    /// The links a group holds; empty for a plain link.
    let children: [NavigationItem]

    init(text: String, url: SiteURL) {
        self.text = text
        self.url = url
        self.children = []
    }

    /// A group, or nil when the person may see none of its links. A group of one is that link.
    static func group(_ text: String, _ children: [NavigationItem]) -> NavigationItem? {
        guard let first = children.first else { return nil }
        guard children.count > 1 else { return first }
        return NavigationItem(text: text, url: first.url, children: children)
    }

    private init(text: String, url: SiteURL, children: [NavigationItem]) {
        self.text = text
        self.url = url
        self.children = children
    }

    var isGroup: Bool { !children.isEmpty }

    /// Every link this entry holds: itself, or a group's links.
    var links: [NavigationItem] { isGroup ? children : [self] }

    /// Whether `path` is this link's page or one beneath it.
    func isCurrent(path: String) -> Bool {
        url == .home ? path == "/" : (path == url.path || path.hasPrefix(url.path + "/"))
    }
}

/// The token a form carries to prove it came from this site (see `CSRF`).
struct FormToken: Sendable {
    private let read: @Sendable () -> String

    init(_ read: @escaping @Sendable () -> String) {
        self.read = read
    }

    var value: String { read() }
}

/// Builds the page context from a request. The composition root sets it, since only it knows the
/// navigation and every feature's notices.
struct PageContextMaker: Sendable {
    let make: @Sendable (Request) -> PageContext
}

extension Application {
    private struct PageContextMakerKey: StorageKey { typealias Value = PageContextMaker }

    var pageContextMaker: PageContextMaker {
        get {
            storage[PageContextMakerKey.self]
                ?? PageContextMaker { request in
                    PageContext(
                        path: request.url.path, signedInName: request.currentUser?.name, navigation: [],
                        notice: nil, formToken: FormToken { request.csrfToken },
                        contactEmail: request.application.settings.contactEmail)
                }
        }
        set { storage[PageContextMakerKey.self] = newValue }
    }
}

extension Request {
    /// This request as a page sees it.
    var page: PageContext { application.pageContextMaker.make(self) }
}
