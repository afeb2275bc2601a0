import Foundation

/// Dates and times as people in England read them, in the GOV.UK style: "29 November 2026 at
/// 2:05pm", "10am", "midday".
enum DisplayDate {
    /// A formatter for UK time in British English.
    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = UKTime.zone
        formatter.dateFormat = format
        return formatter
    }

    private static let dayFormatter = formatter("d MMMM yyyy")
    private static let isoDayFormatter = formatter("yyyy-MM-dd")
    private static let shortDayFormatter = formatter("d MMM")
    private static let monthFormatter = formatter("MMMM yyyy")
    private static let weekdayFormatter = formatter("EEEE d MMMM yyyy")

    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "unknown" }
        return day(date) + " at " + time(date)
    }

    /// A time of day in UK time: "10am", "2:30pm", "midday", "midnight".
    static func time(_ date: Date) -> String {
        let parts = UKTime.calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        if minute == 0, hour == 12 { return "midday" }
        if minute == 0, hour == 0 { return "midnight" }
        let onTheClock = hour % 12 == 0 ? 12 : hour % 12
        let half = hour < 12 ? "am" : "pm"
        return minute == 0 ? "\(onTheClock)\(half)" : String(format: "%d:%02d", onTheClock, minute) + half
    }

    /// A day, e.g. "29 November 2026".
    static func day(_ date: Date) -> String { dayFormatter.string(from: date) }

    /// A day in short, e.g. "29 Nov", for a chart's axis.
    static func shortDay(_ date: Date) -> String { shortDayFormatter.string(from: date) }

    /// A day with its weekday, e.g. "Saturday 14 March 2026". The formatters are made once: making
    /// one cost an events list a fifth of its time.
    static func weekdayDay(_ date: Date) -> String { weekdayFormatter.string(from: date) }

    /// An instant for machines, e.g. "2026-03-14T10:00:00Z".
    static func iso8601(_ date: Date) -> String { date.formatted(.iso8601) }

    /// A month, e.g. "November 2026".
    static func month(_ date: Date) -> String { monthFormatter.string(from: date) }

    /// A day kept as "2026-04-24", shown as "24 April 2026"; kept as it is if it is not a date.
    static func day(iso: String) -> String {
        isoDayFormatter.date(from: iso).map(day) ?? iso
    }
}
