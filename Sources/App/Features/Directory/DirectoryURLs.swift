import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let search = SiteURL("/search")
}
