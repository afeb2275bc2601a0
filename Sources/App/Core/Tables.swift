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

extension Node where Context == HTML.BodyContext {
    /// A table in a box that scrolls sideways on its own on a narrow screen, named for screen
    /// readers and reachable by keyboard so its hidden columns can be scrolled to.
    static func scrollingTable(label: String, _ table: Node) -> Node {
        .div(
            .class("table-wrap"), .attribute(named: "role", value: "region"),
            .attribute(named: "aria-label", value: label.attributeEscaped), .attribute(named: "tabindex", value: "0"),
            table)
    }
}
