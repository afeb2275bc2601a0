import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    /// Reached from the link in each digest, with the person's signed token.
    static let digestUnsubscribe = SiteURL("/digest/unsubscribe")
    /// The on/off switch on the person's home page.
    static let digestSetting = SiteURL("/home/digest")
}
