import Foundation

/// England's local authorities as points on an SVG map drawn on the server, coloured by the hub
/// that serves each one, grey where no hub reaches yet. A text list beside it carries the same facts.
enum CoverageMap {
    /// Colours chosen to be told apart on white and to keep at least 3:1 contrast with it.
    static let palette = [
        "#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#b58840", "#912b88", "#005a30", "#f47738", "#28a197", "#6f72af",
        "#85994b",
    ]
    static let unservedColour = "#b1b4b6"

    struct Hub: Sendable {
        let name: String
        let areaCodes: Set<String>
    }

    /// The SVG, with a title and description for screen readers.
    static func svg(hubs: [Hub], width: Double = 420) -> String {
        let authorities = LocalAuthorities.all
        guard !authorities.isEmpty else { return "" }
        let latitudes = authorities.map(\.latitude)
        let longitudes = authorities.map(\.longitude)
        let (minLat, maxLat) = (latitudes.min()! - 0.3, latitudes.max()! + 0.3)
        let (minLon, maxLon) = (longitudes.min()! - 0.3, longitudes.max()! + 0.3)
        // An equirectangular projection squeezed by cos(latitude) is close enough at England's size.
        let squeeze = cos((minLat + maxLat) / 2 * .pi / 180)
        let scale = width / ((maxLon - minLon) * squeeze)
        let height = (maxLat - minLat) * scale
        func x(_ lon: Double) -> String { String(format: "%.1f", (lon - minLon) * squeeze * scale) }
        func y(_ lat: Double) -> String { String(format: "%.1f", (maxLat - lat) * scale) }

        var colourByArea: [String: (String, String)] = [:]
        for (index, hub) in hubs.enumerated() {
            for code in hub.areaCodes { colourByArea[code] = (palette[index % palette.count], hub.name) }
        }
        let served = colourByArea.count
        let outline = "#0b0c0c"
        var parts: [String] = []
        parts.append(
            #"<svg class="coverage-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(String(format: "%.0f", width)) \#(String(format: "%.0f", height))" role="img" aria-labelledby="map-title map-description">"#
        )
        parts.append(#"<title id="map-title">Where the alliance's hubs work</title>"#)
        parts.append(
            #"<desc id="map-description">A map of England with a dot for each of its \#(authorities.count) council areas. \#(served) are served by a hub and coloured by that hub; the rest are grey. The list beside the map gives the same facts.</desc>"#
        )
        // Unserved areas first, so served ones are drawn on top.
        for authority in authorities where colourByArea[authority.code] == nil {
            parts.append(
                #"<circle cx="\#(x(authority.longitude))" cy="\#(y(authority.latitude))" r="2.6" fill="\#(unservedColour)"><title>\#(escape(authority.name)): no hub yet</title></circle>"#
            )
        }
        for authority in authorities {
            guard let (colour, hubName) = colourByArea[authority.code] else { continue }
            parts.append(
                #"<circle cx="\#(x(authority.longitude))" cy="\#(y(authority.latitude))" r="4.2" fill="\#(colour)" stroke="\#(outline)" stroke-width="0.6"><title>\#(escape(authority.name)): \#(escape(hubName))</title></circle>"#
            )
        }
        parts.append("</svg>")
        return parts.joined()
    }

    static func colour(forHubAt index: Int) -> String { palette[index % palette.count] }

    /// The map of these hubs, with each hub's colour by id. Colours follow the order of hubs by name,
    /// so a hub keeps its colour wherever the map is shown.
    static func drawing(names: [UUID: String], areaCodesByHub: [UUID: [String]], width: Double = 420) -> (
        svg: String, colours: [UUID: String]
    ) {
        let byName = names.sorted { ($0.value, $0.key.uuidString) < ($1.value, $1.key.uuidString) }
        let mapHubs = byName.map { id, name in
            Hub(name: name, areaCodes: Set(areaCodesByHub[id] ?? []))
        }
        let colours = Dictionary(
            uniqueKeysWithValues: byName.enumerated().map { index, hub in (hub.key, colour(forHubAt: index)) })
        // The drawing is a pure function of the hubs' names and areas, and the costliest part of
        // the hubs page, so each distinct map is drawn once.
        let key =
            "\(width)|"
            + mapHubs.map { $0.name + ":" + $0.areaCodes.sorted().joined(separator: ",") }.joined(separator: ";")
        return (drawn.result(for: key) { svg(hubs: mapHubs, width: width) }, colours)
    }

    private static let drawn = Memo<String>(capacity: 64)

    private static func escape(_ text: String) -> String { text.textEscaped }
}
