import Foundation

/// schema.org structured data for a page. `<`, `>` and `&` are escaped inside the JSON, so no
/// text from a record can close the script element.
enum JSONLD {
    static func script(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let json = String(data: data, encoding: .utf8)
        else { return "" }
        let safe = json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return "<script type=\"application/ld+json\">\(safe)</script>"
    }
}
