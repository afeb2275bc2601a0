import Plot

// Plot escapes text nodes but writes attribute values exactly as given. Every value that is not
// a fixed string goes through `attributeEscaped` (a test in AttributeEscapingTests checks the
// sources for this), so what people type can never end an attribute and start markup.
extension String {
    var attributeEscaped: String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
