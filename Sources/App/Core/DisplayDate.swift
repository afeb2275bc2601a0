import Foundation

/// Dates as people in England read them, e.g. "29 November 2026 at 14:05".
enum DisplayDate {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = UKTime.zone
        formatter.dateFormat = "d MMMM yyyy 'at' HH:mm"
        return formatter
    }()

    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "unknown" }
        return formatter.string(from: date)
    }

    private static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = UKTime.zone
        formatter.dateFormat = "d MMMM yyyy"
        return formatter
    }()

    /// A day, e.g. "29 November 2026".
    static func day(_ date: Date) -> String { dayFormatter.string(from: date) }

    private static let isoDayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = UKTime.zone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    /// A day kept as "2026-04-24", shown as "24 April 2026"; kept as it is if it is not a date.
    static func day(iso: String) -> String {
        isoDayFormatter.date(from: iso).map(day) ?? iso
    }
}
