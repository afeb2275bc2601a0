import Fluent
import Foundation
import SQLKit
import Vapor

/// Atom feeds of public stories: all of them, one hub's, one theme's. Feeds are public, so they
/// carry only stories every person in them agreed anyone may read; a withdrawal or an expiry
/// takes a story out of the next fetch.
struct StoryFeedController {
    static let entries = 30

    func all(req: Request) async throws -> Response {
        try await feed(req, query: StoryQuery(), title: "Bridgework: stories", selfURL: .storiesFeed, pageURL: .stories)
    }

    func hub(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.find(slug: slug, on: req.db)
        else { throw Abort(.notFound) }
        var query = StoryQuery()
        query.hub = hub.slug
        return try await feed(
            req, query: query, title: "Bridgework: stories from the \(hub.name) hub",
            selfURL: .hubStoriesFeed(hub.slug), pageURL: .hub(hub.slug))
    }

    func theme(req: Request) async throws -> Response {
        guard let code = req.parameters.get("theme"), let label = Vocabulary.theme.label(for: code) else {
            throw Abort(.notFound)
        }
        var query = StoryQuery()
        query.theme = code
        return try await feed(
            req, query: query, title: "Bridgework: stories on \(label.lowercased())", selfURL: .themeStoriesFeed(code),
            pageURL: .stories)
    }

    private func feed(_ req: Request, query: StoryQuery, title: String, selfURL: SiteURL, pageURL: SiteURL) async throws
        -> Response
    {
        let stories = try await StoryFinder.page(query, scope: .public, limit: Self.entries, on: req.db)
        let xml = AtomFeed.render(
            title: title, base: req.application.publicBaseURL, selfURL: selfURL, pageURL: pageURL,
            stories: stories)
        let response = Response(status: .ok, body: .init(string: xml))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return response
    }
}

/// Writes an Atom 1.0 document (RFC 4287).
enum AtomFeed {
    static func render(title: String, base: String, selfURL: SiteURL, pageURL: SiteURL, stories: [PublishedStory])
        -> String
    {
        let updated = stories.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 1_700_000_000)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(escape(title))</title>
              <id>\(escape(base + selfURL.path))</id>
              <link rel="self" type="application/atom+xml" href="\(escape(base + selfURL.path))"/>
              <link rel="alternate" type="text/html" href="\(escape(base + pageURL.path))"/>
              <updated>\(DisplayDate.iso8601(updated))</updated>
              <author><name>Bridgework</name></author>

            """
        for story in stories {
            let url = base + SiteURL.story(story.slug).path
            xml += """
                  <entry>
                    <title>\(escape(story.title))</title>
                    <id>\(escape(url))</id>
                    <link rel="alternate" type="text/html" href="\(escape(url))"/>
                    <published>\(DisplayDate.iso8601(story.publishedAt))</published>
                    <updated>\(DisplayDate.iso8601(story.updatedAt))</updated>
                    <author><name>\(escape(story.organisationName ?? "\(story.hubName) hub"))</name></author>
                    <summary>\(escape(story.summary))</summary>
                    <content type="html">\(escape(Markdown.html(story.body)))</content>
                \(story.themes.map { "    <category term=\"\(escape($0))\" label=\"\(escape(Vocabulary.theme.label(for: $0) ?? $0))\"/>\n" }.joined())  </entry>

                """
        }
        xml += "</feed>\n"
        return xml
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed =
                    (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
                    || (0x10000...0x10FFFF).contains(value)
                if allowed { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}

/// `/sitemap.xml`: the public pages search engines may list. Only what anyone may read.
struct SitemapController {
    func sitemap(req: Request) async throws -> Response {
        let base = req.application.publicBaseURL
        var urls: [String] = [SiteURL.home, .hubs, .organisations, .stories, .search, .alliancePublic].map {
            base + $0.path
        }
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        // Slugs as plain rows: a sitemap needs nothing else, and whole models cost it most of its time.
        let hubSlugs = try await sql.raw("SELECT slug FROM hubs ORDER BY slug").all()
        urls += try hubSlugs.map { base + SiteURL.hub(try $0.decode(column: "slug", as: String.self)).path }
        let organisationSlugs = try await sql.raw(
            "SELECT slug FROM organisations WHERE visibility = \(bind: Organisation.Visibility.public.rawValue) ORDER BY slug"
        ).all()
        urls += try organisationSlugs.map {
            base + SiteURL.organisation(try $0.decode(column: "slug", as: String.self)).path
        }
        var query = StoryQuery()
        var page = 1
        // Stories in pages, so the sitemap never holds every story's row at once.
        while true {
            query.page = page
            let slugs = try await StoryFinder.slugs(query, scope: .public, limit: 5_000, on: req.db)
            urls += slugs.map { base + SiteURL.story($0).path }
            if slugs.count < 5_000 { break }
            page += 1
        }
        let response = Response(status: .ok, body: .init(string: Self.document(urls: urls)))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        return response
    }

    /// The sitemap document (sitemaps.org 0.9) listing the given addresses.
    static func document(urls: [String]) -> String {
        let entries = urls.map { "  <url><loc>\(AtomFeed.escape($0))</loc></url>" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \(entries.joined(separator: "\n"))
            </urlset>

            """
    }
}
