import Foundation

/// The addresses of the alliance's national view and its public briefing.
extension SiteURL {
    static let alliance = SiteURL("/alliance")
    static let allianceWeeks = SiteURL("/alliance/weeks")
    static let alliancePublic = SiteURL("/alliance/public")
    static let alliancePublicCSV = SiteURL("/alliance/public.csv")
}
