import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let practice = SiteURL("/practice")
    static let newCaseStudy = SiteURL("/practice/new")
    static let caseStudy = SiteURLPattern1<String>("practice", .parameter("caseStudySlug"))
    static let editCaseStudy = SiteURLPattern1<String>("practice", .parameter("caseStudySlug"), "edit")
    static let saveCaseStudy = SiteURLPattern1<String>("practice", .parameter("caseStudySlug"), "save")
    static let savedCaseStudies = SiteURL("/account/saved")
}
