import Foundation
import XCTest

@testable import App

/// What people write in Markdown reaches pages as text and formatting, never as markup or script.
final class MarkdownTests: XCTestCase {
    func testRawHTMLIsShownAsTextNotRun() {
        let html = Markdown.html("Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains("&lt;script>alert(1)&lt;/script>"))
    }

    func testHTMLBlocksAreEscapedToo() {
        let html = Markdown.html("<div onclick=\"steal()\">\nclick me\n</div>")
        XCTAssertFalse(html.contains("<div"))
        XCTAssertFalse(html.contains("onclick=\""))
    }

    func testOnlyWebAndEmailLinksSurvive() {
        XCTAssertTrue(
            Markdown.html("[site](https://example.org/a?b=1&c=2)").contains(
                #"<a href="https://example.org/a?b=1&amp;c=2">site</a>"#))
        XCTAssertTrue(Markdown.html("[mail](mailto:hub@example.org)").contains(#"href="mailto:hub@example.org""#))
        for attack in [
            "[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x]( javascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](//evil.example)", "[x](vbscript:msgbox)",
        ] {
            let html = Markdown.html(attack)
            XCTAssertFalse(html.contains("<a "), attack)
            XCTAssertTrue(html.contains("x"), "the link text stays: \(attack)")
        }
        let reference = Markdown.html("[x][evil]\n\n[evil]: javascript:alert(1)")
        XCTAssertFalse(reference.contains("href=\"javascript"))
    }

    func testAQuoteCannotBreakOutOfALinkAddress() {
        let html = Markdown.html(#"[x](https://example.org/"onmouseover="alert(1))"#)
        XCTAssertFalse(html.contains(#"" onmouseover"#))
        XCTAssertFalse(html.contains(#"onmouseover="alert"#))
    }

    func testImagesBecomeTheirDescription() {
        let html = Markdown.html("![A mural on the wall](https://tracker.example/pixel.png)")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("A mural on the wall"))
    }

    func testHeadingsStartBelowThePageHeading() {
        let html = Markdown.html("# Our story\n\n## Part two")
        XCTAssertTrue(html.contains("<h2>Our story</h2>"))
        XCTAssertTrue(html.contains("<h3>Part two</h3>"))
        XCTAssertFalse(html.contains("<h1>"))
    }

    func testFormattingStillWorksAndCodeShowsWhatWasTyped() {
        let html = Markdown.html("Some *emphasis* and **strength**.\n\n- one\n- two\n\n> A quote\n\nUse `<b>` & co.")
        XCTAssertTrue(html.contains("<em>emphasis</em>"))
        XCTAssertTrue(html.contains("<strong>strength</strong>"))
        XCTAssertTrue(html.contains("<li>one</li>"))
        XCTAssertTrue(html.contains("<blockquote>"))
        XCTAssertTrue(html.contains("<code>&lt;b&gt;</code>") || html.contains("<code>&lt;b></code>"))
    }

    func testALeadingRuleIsNotSwallowedAsMetadata() {
        let html = Markdown.html("---\ntitle: hidden\n---\nVisible text")
        XCTAssertTrue(html.contains("hidden"), "nothing typed is silently dropped")
        XCTAssertTrue(html.contains("Visible text"))
    }

    func testManyBracketsCannotStallTheServer() {
        let started = Date()
        let html = Markdown.html(
            "a" + String(repeating: "[", count: 64) + " and [a link](https://example.org) "
                + String(repeating: "]", count: 10))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "Ink's work doubles with each bracket; they are capped")
        XCTAssertTrue(html.contains("&#91;&#91;&#91;"), "the brackets still show, as entities")
        XCTAssertTrue(html.contains(#"<a href="https://example.org">a link</a>"#), "a complete link still works")
        let many = (1...12).map { "- [source \($0)](https://example.org/\($0))" }.joined(separator: "\n")
        XCTAssertTrue(
            Markdown.html(many).contains(#"<a href="https://example.org/12">source 12</a>"#), "any number of real links"
        )
    }

    func testQuotesAreFoundForTheMediaKit() {
        XCTAssertEqual(
            Markdown.quotes(in: "Intro\n\n> First line\n> goes on\n\nMiddle\n\n> Second"),
            ["First line goes on", "Second"])
    }
}

/// Photos lose their hidden details before they are stored, and only pictures are accepted.
final class PhotoCleanerTests: XCTestCase {
    private func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// A minimal JPEG: SOI, a given APP segment, a quantisation table, a frame, a scan with data, EOI.
    private func jpeg(withSegment marker: UInt8, payload: [UInt8], betweenScans: [UInt8] = [], after: [UInt8] = [])
        -> Data
    {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += segment(0xE0, Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])
        bytes += segment(marker, payload)
        bytes += segment(0xDB, [0x00, 0x01])
        bytes += segment(0xC0, [0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00])
        bytes += segment(0xDA, [0x01, 0x01, 0x00]) + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]
        bytes += betweenScans
        if !betweenScans.isEmpty { bytes += segment(0xDA, [0x01, 0x01, 0x00]) + [0x78] }
        bytes += [0xFF, 0xD9] + after
        return Data(bytes)
    }

    func testDataBetweenScansAndAfterTheImageIsRemoved() throws {
        let hidden = segment(0xE1, Array("Exif".utf8) + [0, 0] + Array("GPS between scans".utf8))
        let secondImage =
            [0xFF, 0xD8] + segment(0xE1, Array("Exif".utf8) + [0, 0] + Array("GPS in the preview".utf8))
            + Array("ftypmp42 motion photo".utf8)
        let cleaned = try PhotoCleaner.clean(
            jpeg(withSegment: 0xFE, payload: Array("hello".utf8), betweenScans: hidden, after: secondImage))
        let text = String(decoding: cleaned.data, as: UTF8.self)
        XCTAssertFalse(text.contains("GPS"))
        XCTAssertFalse(text.contains("motion photo"))
        XCTAssertEqual(Array(cleaned.data.suffix(2)), [0xFF, 0xD9])
        XCTAssertTrue(cleaned.data.contains(0x78), "the second scan's data is kept")
        XCTAssertNotNil(
            cleaned.data.range(of: Data([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56])),
            "stuffed bytes and restart markers inside a scan are kept")
    }

    func testOnlyAColourProfileSurvivesInAPP2() throws {
        let mpf = try PhotoCleaner.clean(jpeg(withSegment: 0xE2, payload: Array("MPF\0 second image index".utf8)))
        XCTAssertFalse(String(decoding: mpf.data, as: UTF8.self).contains("second image"))
        let icc = try PhotoCleaner.clean(jpeg(withSegment: 0xE2, payload: Array("ICC_PROFILE\0 sRGB".utf8)))
        XCTAssertTrue(String(decoding: icc.data, as: UTF8.self).contains("sRGB"))
    }

    func testExifWithLocationIsRemovedFromAJPEG() throws {
        let exif = Array("Exif".utf8) + [0, 0] + Array("GPSLatitude 51.5 camera Canon".utf8)
        let cleaned = try PhotoCleaner.clean(jpeg(withSegment: 0xE1, payload: exif))
        XCTAssertEqual(cleaned.contentType, "image/jpeg")
        let text = String(decoding: cleaned.data, as: UTF8.self)
        XCTAssertFalse(text.contains("Exif"))
        XCTAssertFalse(text.contains("GPSLatitude"))
        XCTAssertTrue(text.contains("JFIF"), "a plain JFIF header is written")
        XCTAssertEqual(Array(cleaned.data.suffix(2)), [0xFF, 0xD9])
    }

    func testCommentsAndIPTCAreRemovedFromAJPEG() throws {
        let comment = try PhotoCleaner.clean(jpeg(withSegment: 0xFE, payload: Array("taken at 12 High Street".utf8)))
        XCTAssertFalse(String(decoding: comment.data, as: UTF8.self).contains("High Street"))
        let iptc = try PhotoCleaner.clean(jpeg(withSegment: 0xED, payload: Array("Photoshop 3.0 byline".utf8)))
        XCTAssertFalse(String(decoding: iptc.data, as: UTF8.self).contains("byline"))
    }

    private func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let length = data.count
        return [
            UInt8(length >> 24 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF),
        ] + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    func testTextAndTimeChunksAreRemovedFromAPNG() throws {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
        bytes += chunk("tEXt", Array("Author\0Jo Bloggs".utf8))
        bytes += chunk("eXIf", Array("GPS".utf8))
        bytes += chunk("tIME", [7, 234, 1, 1, 0, 0, 0])
        bytes += chunk("IDAT", [1, 2, 3])
        bytes += chunk("IEND", [])
        let cleaned = try PhotoCleaner.clean(Data(bytes))
        XCTAssertEqual(cleaned.contentType, "image/png")
        let text = String(decoding: cleaned.data, as: UTF8.self)
        XCTAssertFalse(text.contains("Jo Bloggs"))
        XCTAssertFalse(text.contains("eXIf"))
        XCTAssertFalse(text.contains("tIME"))
        XCTAssertTrue(text.contains("IDAT"))
    }

    func testAnythingButAJPEGOrPNGIsRefusedWithAReason() {
        XCTAssertThrowsError(try PhotoCleaner.clean(Data("GIF89a...".utf8))) {
            XCTAssertEqual($0 as? PhotoCleaner.Problem, .notAPicture)
        }
        XCTAssertThrowsError(try PhotoCleaner.clean(Data("<svg onload=alert(1)>".utf8))) {
            XCTAssertEqual($0 as? PhotoCleaner.Problem, .notAPicture)
        }
        XCTAssertThrowsError(try PhotoCleaner.clean(Data([0xFF, 0xD8, 0xFF, 0xE1, 0x40]))) {
            XCTAssertEqual($0 as? PhotoCleaner.Problem, .damaged)
        }
        XCTAssertThrowsError(try PhotoCleaner.clean(Data([0xFF, 0xD8, 0xFF, 0xD9]))) {
            XCTAssertEqual($0 as? PhotoCleaner.Problem, .damaged, "no picture in it")
        }
        XCTAssertThrowsError(try PhotoCleaner.clean(Data(count: PhotoCleaner.maximumBytes + 1))) {
            XCTAssertEqual($0 as? PhotoCleaner.Problem, .tooLarge)
        }
        XCTAssertThrowsError(try PhotoCleaner.clean(Data())) { XCTAssertEqual($0 as? PhotoCleaner.Problem, .empty) }
    }
}
