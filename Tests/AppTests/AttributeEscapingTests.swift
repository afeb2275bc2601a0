import Fluent
import Foundation
import Plot
import XCTVapor

@testable import App

final class AttributeEscapingTests: XCTestCase {
    func testAttributeValuesEscapeEveryCharacterThatCouldEndThem() {
        XCTAssertEqual(#"a"b'c<d>e&f"#.attributeEscaped, "a&quot;b&#39;c&lt;d&gt;e&amp;f")
        XCTAssertEqual("plain text".attributeEscaped, "plain text")
    }

    func testSelectOptionLabelsShowMarkupAsText() {
        let html = Forms.select(
            name: "pick", label: "Pick", empty: "Any", options: [("a", "<script>alert(1)</script> & Sons")],
            selected: nil
        ).render()
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons"))
        XCTAssertFalse(html.contains("<script>"))
    }

    /// Plot's `.text` leaves entity-like text (`&#13;`, `&xxe;`) as it is, so typed text could change
    /// or make a page invalid. Pages use `.plainText`, which escapes every ampersand.
    func testNoPageUsesPlotsEntityKeepingTextNode() throws {
        let files = AppSources.files
        var offenders: [String] = []
        for file in files {
            for (number, line) in try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                .enumerated()
            where line.contains(#/(^|[^A-Za-z0-9_])\.text\(/#) {
                offenders.append("\(file.lastPathComponent):\(number + 1)")
            }
        }
        XCTAssertEqual(offenders, [], "use .plainText instead of Plot's .text")
        XCTAssertEqual(Node<HTML.BodyContext>.plainText("&#13; &xxe; <b>").render(), "&amp;#13; &amp;xxe; &lt;b&gt;")
    }

    func testAPageTitleFromWhatSomeoneTypedCannotBreakOutOfTheHead() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let organisation = Organisation(
                slug: "quoted", name: #"Hope "Together" <img src=x onerror=alert(1)>"#, summary: "A test.")
            try await organisation.create(on: app.db)
            let page = try await TestClient(app).get("/organisations/quoted")
            XCTAssertFalse(page.text.contains("<img src=x"), "no markup from a title reaches the head")
            XCTAssertTrue(
                page.text.contains(
                    #"<meta property="og:title" content="Hope &quot;Together&quot; &lt;img src=x onerror=alert(1)&gt; – Bridgework"/>"#
                ))
        }
    }

    func testWhatSomeoneTypedCannotBreakOutOfTheFormItIsShownIn() async throws {
        try await withApp { app, _ in
            let attack = #""><meta http-equiv="refresh" content="0;url=https://evil.example">"#
            let page = try await TestClient(app).post(
                "/signup", form: ["name": attack, "email": "not-an-email", "password": "long enough password"])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertFalse(page.text.contains("<meta http-equiv"), "no markup from the form reaches the page")
            XCTAssertTrue(page.text.contains("&quot;&gt;&lt;meta http-equiv=&quot;refresh&quot;"))
        }
    }

    func testANextAddressWithMarkupIsIgnored() async throws {
        try await withApp { app, _ in
            let page = try await TestClient(app).get(#"/signin?next=/%22%3E%3Cmeta%20http-equiv%3Drefresh%3E"#)
            XCTAssertFalse(page.text.contains("<meta http-equiv"))
        }
    }

    func testANameWithQuotesIsShownWholeInTheForm() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            try await browser.post(
                "/account", form: ["name": #"Siobhán "Shiv" O'Neill <3"#, "email": TestPeople.Role.member.email])
            let account = try await browser.get("/account")
            XCTAssertTrue(account.text.contains(#"value="Siobhán &quot;Shiv&quot; O&#39;Neill &lt;3""#))
            let stored = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            XCTAssertEqual(stored?.name, #"Siobhán "Shiv" O'Neill <3"#)
        }
    }

    /// Plot writes attribute values as given, so the sources must never hand it an unescaped
    /// dynamic value. Fixed strings and typed `SiteURL` paths are safe; anything else is escaped.
    func testEveryDynamicAttributeValueInTheSourcesIsEscaped() throws {
        let files = AppSources.files
        XCTAssertFalse(files.isEmpty)
        let call = #/\.(?:value|href|action|src|content)\(|attribute\(named: "[^"]+", value: /#
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: call) {
                // The whole argument, however the formatter broke it across lines.
                let argument = Self.argument(in: text, from: match.range.upperBound)
                let rest = argument.split(whereSeparator: \.isWhitespace).joined()
                let isPlainLiteral = rest.hasPrefix("\"") && !(rest.prefix { $0 != ")" }.contains("\\("))
                let isSafe =
                    isPlainLiteral
                    || rest.hasPrefix("SiteURL.") && !rest.contains("(") && rest.hasSuffix(".path")
                    || rest.hasPrefix(".")  // an enum case such as .utf8 or .post
                    || rest.prefix(while: { $0 != "}" }).contains("attributeEscaped")
                    || file.lastPathComponent == "AttributeEscaping.swift"
                if !isSafe {
                    let number = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                    offenders.append("\(file.lastPathComponent):\(number): \(rest)")
                }
            }
        }
        XCTAssertEqual(offenders, [], "escape these attribute values with .attributeEscaped")
    }

    /// The text of a call's argument: from `start` to the parenthesis that closes the call.
    private static func argument(in text: String, from start: String.Index) -> Substring {
        var depth = 0
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if character == "(" {
                depth += 1
            } else if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            index = text.index(after: index)
        }
        return text[start..<index]
    }
}
