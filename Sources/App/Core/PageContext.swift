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

    /// A context for building a page without a server, as tests and previews do.
    static func preview(
        path: String = "/", signedInName: String? = nil, navigation: [NavigationItem] = [], notice: Notice? = nil
    ) -> PageContext {
        PageContext(
            path: path, signedInName: signedInName, navigation: navigation, notice: notice,
            formToken: FormToken { "preview-form-token" })
    }
}

/// One link in the main navigation.
struct NavigationItem: Sendable, Equatable {
    let text: String
    let url: SiteURL

    /// Whether `path` is this item's page or one beneath it.
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
                        notice: nil, formToken: FormToken { request.csrfToken })
                }
        }
        set { storage[PageContextMakerKey.self] = newValue }
    }
}

extension Request {
    /// This request as a page sees it.
    var page: PageContext { application.pageContextMaker.make(self) }
}
