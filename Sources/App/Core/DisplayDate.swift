import Foundation

/// Dates as people in England read them, e.g. "29 November 2026 at 14:05".
enum DisplayDate {
    /// A formatter for UK time in British English.
    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = UKTime.zone
        formatter.dateFormat = format
        return formatter
    }

    private static let dateTimeFormatter = formatter("d MMMM yyyy 'at' HH:mm")
    private static let dayFormatter = formatter("d MMMM yyyy")
    private static let isoDayFormatter = formatter("yyyy-MM-dd")

    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "unknown" }
        return dateTimeFormatter.string(from: date)
    }

    /// A day, e.g. "29 November 2026".
    static func day(_ date: Date) -> String { dayFormatter.string(from: date) }

    /// A day kept as "2026-04-24", shown as "24 April 2026"; kept as it is if it is not a date.
    static func day(iso: String) -> String {
        isoDayFormatter.date(from: iso).map(day) ?? iso
    }
}
