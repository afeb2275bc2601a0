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

    private static let isoDayFormatter = formatter("yyyy-MM-dd")
    private static let shortDayFormatter = formatter("d MMM")

    /// Days and months are written from the calendar's numbers and these names rather than by
    /// a DateFormatter, which was a tenth of an events list.
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    private static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    private static func monthName(_ parts: DateComponents) -> String {
        monthNames[min(max((parts.month ?? 1) - 1, 0), 11)]
    }

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
        return minute == 0 ? "\(onTheClock)\(half)" : "\(onTheClock):\(minute.zeroPadded(2))\(half)"
    }

    /// A day, e.g. "29 November 2026".
    static func day(_ date: Date) -> String {
        let parts = UKTime.calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(monthName(parts)) \(parts.year ?? 1970)"
    }

    /// A day in short, e.g. "29 Nov", for a chart's axis.
    static func shortDay(_ date: Date) -> String { shortDayFormatter.string(from: date) }

    /// A day with its weekday, e.g. "Saturday 14 March 2026".
    static func weekdayDay(_ date: Date) -> String {
        let parts = UKTime.calendar.dateComponents([.weekday, .year, .month, .day], from: date)
        let weekday = weekdayNames[min(max((parts.weekday ?? 1) - 1, 0), 6)]
        return "\(weekday) \(parts.day ?? 1) \(monthName(parts)) \(parts.year ?? 1970)"
    }

    /// An instant for machines, e.g. "2026-03-14T10:00:00Z".
    static func iso8601(_ date: Date) -> String { date.formatted(.iso8601) }

    /// An instant for machines as the clock in England shows it, with the offset from UTC:
    /// "2026-07-14T10:00:00+01:00", or "2026-01-14T10:00:00Z" in winter.
    static func iso8601InUK(_ date: Date) -> String {
        let parts = UKTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = UKTime.zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let zone =
            offset == 0
            ? "Z" : sign + (abs(offset) / 3600).zeroPadded(2) + ":" + (abs(offset) % 3600 / 60).zeroPadded(2)
        return parts.machineDay() + "T" + parts.machineTime() + zone
    }

    /// A month, e.g. "November 2026".
    static func month(_ date: Date) -> String {
        let parts = UKTime.calendar.dateComponents([.year, .month], from: date)
        return "\(monthName(parts)) \(parts.year ?? 1970)"
    }

    /// A day kept as "2026-04-24", shown as "24 April 2026"; kept as it is if it is not a date.
    static func day(iso: String) -> String {
        isoDayFormatter.date(from: iso).map(day) ?? iso
    }
}
