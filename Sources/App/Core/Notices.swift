import Vapor

/// A short message shown at the top of a page after something worked. Fixed texts only, so a link
/// cannot put words of its own on our pages: an address names a notice by its key, and only keys a
/// feature declared are shown.
struct Notice: Sendable, Equatable {
    let key: String
    let text: String
}

/// A feature's notices, declared as an enum whose raw values are the keys used in addresses.
/// Register the enum in the composition root (`Notices.all`) so links can name them.
protocol NoticeSet: RawRepresentable<String>, CaseIterable, Sendable {
    var text: String { get }
}

extension NoticeSet {
    var notice: Notice { Notice(key: rawValue, text: text) }
}

/// Every notice the site knows, found by key.
struct NoticeCatalogue: Sendable {
    private let byKey: [String: Notice]

    /// Fails at start-up, not on a page, if two features chose the same key.
    init(_ sets: [any NoticeSet.Type]) {
        var byKey: [String: Notice] = [:]
        for set in sets {
            for notice in Self.notices(of: set) {
                precondition(byKey[notice.key] == nil, "Two notices share the key \(notice.key)")
                byKey[notice.key] = notice
            }
        }
        self.byKey = byKey
    }

    private static func notices<Set: NoticeSet>(of set: Set.Type) -> [Notice] {
        set.allCases.map(\.notice)
    }

    func notice(forKey key: String?) -> Notice? {
        key.flatMap { byKey[$0] }
    }

    var count: Int { byKey.count }
}

extension SiteURL {
    /// This address with a notice to show when it opens.
    func with(notice: some NoticeSet) -> String {
        with(query: ["notice": notice.rawValue])
    }
}
