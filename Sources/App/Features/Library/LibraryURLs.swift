import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let library = SiteURL("/library")
    static let newResource = SiteURL("/library/new")
    static let resource = SiteURLPattern1<String>("library", .parameter("resourceSlug"))
    static let editResource = SiteURLPattern1<String>("library", .parameter("resourceSlug"), "edit")
}
