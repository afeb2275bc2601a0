import Foundation
import Ink
import Plot

/// Markdown that people write (stories, case studies, narratives, the library), made safe to put
/// into a page. Ink passes raw HTML straight through, so before Ink sees the text every `&`, `<`
/// and `"` is escaped: no tag, attribute or entity trick can survive, while Markdown itself
/// (emphasis, lists, links, quotes) still works. Links keep only http, https, mailto and
/// site-relative targets; images become their description; headings start below the page's own.
enum Markdown {
    /// The same text always makes the same page, and Ink is the costliest part of a story's or
    /// case study's page, so recent results are remembered.
    static func html(_ text: String) -> String {
        rendered.result(for: text) { parser.html(from: prepared(text)) }
    }

    private static let rendered = Memo<String>(capacity: 500)

    /// The page node for `text`.
    static func node(_ text: String) -> Node<HTML.BodyContext> {
        .div(.class("prose"), .raw(html(text)))
    }

    /// The lines of `text` written as quotes (`> …`), as plain text: the media kit lists them.
    static func quotes(in text: String) -> [String] {
        var quotes: [String] = []
        var current: [String] = []
        for line in text.components(separatedBy: .newlines) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(">") {
                current.append(String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else if !current.isEmpty {
                quotes.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { quotes.append(current.joined(separator: " ")) }
        return quotes.filter { !$0.isEmpty }
    }

    /// Ink re-reads the rest of a paragraph for every `[` that might open a link, so its work
    /// doubles with each one that does not. Only brackets that open a complete inline link on
    /// their line (`[text](address)`) are left for Ink; every other `[` is written as an entity,
    /// which still shows as `[`, so no run of brackets can stall the server.
    private static let inlineLink = try! NSRegularExpression(pattern: #"!?\[[^\[\]\n]*\]\([^()\s]*\)"#)

    private static func prepared(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        let nsText = text as NSString
        var linkStarts = Set<Int>()
        for match in inlineLink.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
            let opening =
                nsText.character(at: match.range.location) == UInt16(UInt8(ascii: "!"))
                ? match.range.location + 1 : match.range.location
            linkStarts.insert(opening)
        }
        var offset = 0
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case "\"": escaped += "&quot;"
            case "[": escaped += linkStarts.contains(offset) ? "[" : "&#91;"
            default: escaped.append(character)
            }
            offset += character.utf16.count
        }
        // Ink reads a leading "---" block as metadata and drops it; writing the first dash as an
        // entity keeps it as text.
        if let first = escaped.firstIndex(where: { !$0.isWhitespace }), escaped[first...].hasPrefix("---") {
            escaped.replaceSubrange(first...first, with: "&#45;")
        }
        return escaped
    }

    private static let allowedLinkStarts = ["https://", "http://", "mailto:", "/", "#"]

    private static var parser: MarkdownParser {
        MarkdownParser(modifiers: [
            Modifier(target: .links) { input in
                // The target sits between href=" and the next quote, which cannot occur inside it (escaped above).
                guard let hrefStart = input.html.range(of: "href=\""),
                    let hrefEnd = input.html[hrefStart.upperBound...].firstIndex(of: "\""),
                    let textStart = input.html[hrefEnd...].firstIndex(of: ">"),
                    let closing = input.html.range(of: "</a>", options: .backwards)
                else { return input.html }
                let target = input.html[hrefStart.upperBound..<hrefEnd].trimmingCharacters(in: .whitespaces)
                    .lowercased()
                let linkText = String(input.html[input.html.index(after: textStart)..<closing.lowerBound])
                guard allowedLinkStarts.contains(where: { target.hasPrefix($0) }), !target.hasPrefix("//") else {
                    return linkText
                }
                return input.html
            },
            Modifier(target: .images) { input in
                // People's pictures come through the photo upload, with alt text; remote images would track readers.
                guard let open = input.markdown.range(of: "!["), let close = input.markdown.range(of: "](") else {
                    return ""
                }
                return String(input.markdown[open.upperBound..<close.lowerBound])
            },
            Modifier(target: .headings) { input in
                var html = input.html
                for level in stride(from: 5, through: 1, by: -1) {
                    html = html.replacingOccurrences(of: "<h\(level)", with: "<h\(level + 1)")
                        .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
                }
                return html
            },
            Modifier(target: .html) { input in input.html.attributeEscaped },
            // Ink escapes code again; undo one level so code shows what was typed, still escaped.
            Modifier(target: .codeBlocks) { input in unescapeOnce(input.html) },
            Modifier(target: .inlineCode) { input in unescapeOnce(input.html) },
        ])
    }

    private static func unescapeOnce(_ html: String) -> String {
        html.replacingOccurrences(of: "&amp;lt;", with: "&lt;")
            .replacingOccurrences(of: "&amp;quot;", with: "&quot;")
            .replacingOccurrences(of: "&amp;amp;", with: "&amp;")
    }
}
