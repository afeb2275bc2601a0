import Foundation

/// The one place UK time is set up: dates people see and type are in Europe/London.
enum UKTime {
    static let zone = TimeZone(identifier: "Europe/London") ?? .gmt

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}

/// Today's date in the UK, as consents record dates.
enum UKDate {
    static func today(_ now: Date = Date()) -> String {
        string(from: now)
    }

    static func string(from date: Date) -> String {
        let calendar = UKTime.calendar
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// A yyyy-MM-dd string that names a real date, or nil.
    static func validated(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts[0].count == 4, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let calendar = UKTime.calendar
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            calendar.component(.day, from: date) == day
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
