import Plot

/// Table cells that say what they head, so screen readers announce each value with its heading.
extension Node where Context == HTML.TableRowContext {
    static func columnHeader(_ text: String) -> Node { .th(.attribute(named: "scope", value: "col"), .plainText(text)) }
    static func rowHeader(_ text: String) -> Node { .th(.attribute(named: "scope", value: "row"), .plainText(text)) }
}

extension Node where Context == HTML.TableContext {
    /// One row of a two-column table of figures: what it is, and its value.
    static func labelledRow(_ label: String, _ value: String) -> Node { .tr(.rowHeader(label), .td(.plainText(value))) }
}
