import Plot
import Vapor

/// The frame of every page: skip link, header with who is signed in, one main landmark, footer.
/// A pure function of the page context and the content.
struct Layout {
    let title: String
    let page: PageContext
    var hasErrors = false
    var notice: Notice? = nil
    /// Extra head elements: feed links, social preview tags, structured data.
    var head: [Node<HTML.HeadContext>] = []
    var description =
        "Bridgework links the people and organisations who build good relations between communities across England."

    init(
        title: String, page: PageContext, hasErrors: Bool = false, notice: Notice? = nil,
        description: String? = nil, head: [Node<HTML.HeadContext>] = []
    ) {
        self.title = title
        self.page = page
        self.hasErrors = hasErrors
        self.head = head
        if let description { self.description = description }
        self.notice = notice ?? page.notice
    }

    private var fullTitle: String { (hasErrors ? "Error: " : "") + title + " – Bridgework" }

    func render(_ content: Node<HTML.BodyContext>...) -> HTML {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's .title() also writes og:title and twitter:title meta tags without escaping
                // their content; the page title often holds what people typed, so write our own.
                .element(named: "title", nodes: [.plainText(fullTitle)]),
                .meta(.attribute(named: "property", value: "og:title"), .content(fullTitle.attributeEscaped)),
                .meta(.name("description"), .content(description.attributeEscaped)),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .script(.src(SiteURL.script.path), .attribute(named: "defer", value: "defer")),
                .group(head)
            ),
            .body(
                .a(.class("skip-link"), .href("#main-content"), .plainText("Skip to main content")),
                .raw(headerHTML()),
                .div(
                    .class("page"),
                    .unwrap(notice) { notice in
                        .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.plainText(notice.text)))
                    },
                    .main(
                        .id("main-content"),
                        .attribute(named: "tabindex", value: "-1"),
                        .group(content)
                    )
                ),
                .raw(footerHTML())
            )
        )
    }

    /// Header and footer, rendered once per distinct form: they are the same on every page a
    /// visitor reads, bar the current link, and rendering them was a large share of a small page.
    /// A signed-in header carries the session's sign-out token, so it is rendered each time.
    private static let renderedChrome = Memo<String>(capacity: 256)

    private func headerHTML() -> String {
        guard page.signedInName == nil else { return header().render() }
        var key = "header\u{1}" + (currentLink?.url.path ?? "")
        for item in page.navigation {
            key += "\u{1}" + item.text + "\u{2}" + item.links.map { $0.text + "\u{3}" + $0.url.path }.joined()
        }
        return Self.renderedChrome.result(for: key) { header().render() }
    }

    private func footerHTML() -> String {
        let current = Self.footerLinks.contains { page.path == $0.url.path } ? page.path : ""
        return Self.renderedChrome.result(for: "footer\u{1}" + page.contactEmail + "\u{1}" + current) {
            footer().render()
        }
    }

    private func header() -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .div(
                .class("site-header__inner"),
                .div(
                    .class("site-header__top"),
                    .a(.class("site-header__name"), .href(SiteURL.home.path), .plainText("Bridgework")),
                    accountArea()
                ),
                .div(
                    .class("site-header__bar"),
                    .nav(
                        .attribute(named: "aria-label", value: "Main"),
                        .ul(
                            .class("site-nav"),
                            .forEach(page.navigation) { navItem($0, current: currentLink) }
                        )
                    ),
                    searchBox()
                )
            )
        )
    }

    /// A group opens as a disclosure (`details`), so it works without script; the script only closes
    /// an open group when the person clicks elsewhere or presses Escape.
    private func navItem(_ item: NavigationItem, current: NavigationItem?) -> Node<HTML.ListContext> {
        guard item.isGroup else {
            return .li(.class("site-nav__item"), navLink(item, current: current))
        }
        let isCurrent = item.children.contains { $0 == current }
        return .li(
            .class("site-nav__item site-nav__group" + (isCurrent ? " site-nav__group--current" : "")),
            .element(
                named: "details",
                nodes: [
                    .element(named: "summary", nodes: [.class("site-nav__toggle"), .plainText(item.text)]),
                    .ul(.class("site-nav__menu"), .forEach(item.children) { .li(navLink($0, current: current)) }),
                ])
        )
    }

    /// The one link that marks where the reader is: the most specific that covers this page, so
    /// /hubs/new marks "Add a hub" rather than "Hubs" too.
    private var currentLink: NavigationItem? {
        page.navigation.flatMap(\.links).filter { $0.isCurrent(path: page.path) }
            .max { $0.url.path.count < $1.url.path.count }
    }

    private func navLink(_ item: NavigationItem, current: NavigationItem?) -> Node<HTML.BodyContext> {
        .a(
            .href(item.url.path.attributeEscaped),
            .if(item == current, .attribute(named: "aria-current", value: "page")),
            .plainText(item.text)
        )
    }

    /// The one search box: it searches the directory of organisations and people.
    private func searchBox() -> Node<HTML.BodyContext> {
        .form(
            .class("site-search"), .method(.get), .action(SiteURL.search.path),
            .attribute(named: "role", value: "search"), .attribute(named: "aria-label", value: "Site search"),
            .label(.class("visually-hidden"), .for("site-search-q"), .plainText("Search the directory")),
            .input(.class("site-search__input"), .type(.search), .id("site-search-q"), .name("q")),
            .button(.type(.submit), .class("site-search__button"), .plainText("Search"))
        )
    }

    private func accountArea() -> Node<HTML.BodyContext> {
        guard let name = page.signedInName else {
            return .div(
                .class("account-area"),
                .a(.href(SiteURL.signIn.path), .plainText("Sign in")),
                .a(.href(SiteURL.signUp.path), .plainText("Create an account"))
            )
        }
        return .div(
            .class("account-area"),
            .a(.href(SiteURL.personalHome.path), .plainText("Your home")),
            .span(
                .class("account-area__who"), .plainText("Signed in as "),
                .a(.href(SiteURL.account.path), .plainText(name))),
            .form(
                .class("inline-form"),
                .method(.post),
                .action(SiteURL.signOut.path),
                Forms.csrfField(page),
                .button(.type(.submit), .class("link-button"), .plainText("Sign out"))
            )
        )
    }

    private func footer() -> Node<HTML.BodyContext> {
        .footer(
            .class("site-footer"),
            .div(
                .class("site-footer__inner"),
                .h2(.class("visually-hidden"), .plainText("About this site")),
                .ul(.class("site-footer__links"), .forEach(Self.footerLinks) { footerLink($0.text, $0.url) }),
                .p(
                    .plainText("Contact the national team: "),
                    .a(.href("mailto:" + page.contactEmail.attributeEscaped), .plainText(page.contactEmail))),
                .p(
                    .plainText(
                        "Bridgework is the shared platform of an alliance of people and organisations building good relations between communities in England. Personal details are private unless their owner chooses otherwise."
                    ))
            )
        )
    }

    private static let footerLinks: [(text: String, url: SiteURL)] = [
        ("About the alliance", .about), ("Press", .press), ("Open data", .openData), ("Privacy notice", .privacy),
        ("Accessibility statement", .accessibility),
    ]

    private func footerLink(_ text: String, _ url: SiteURL) -> Node<HTML.ListContext> {
        .li(
            .a(
                .href(url.path.attributeEscaped),
                .if(page.path == url.path, .attribute(named: "aria-current", value: "page")),
                .plainText(text)))
    }
}

extension HTML {
    /// A complete HTML response.
    func response(status: HTTPStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
