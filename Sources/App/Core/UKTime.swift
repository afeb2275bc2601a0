import Foundation

/// The one place UK time is set up: dates people see and type are in Europe/London.
enum UKTime {
    static let zone = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Made once: a calendar made for each date shown was a tenth of an events list.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()
}

extension Int {
    /// The number in decimal with leading zeros to `width` digits, for dates and times written
    /// by machines ("07" for 7 and 2): far cheaper than `String(format:)`. For numbers of zero and
    /// more, as dates are.
    func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        guard digits.utf8.count < width else { return digits }
        return String(repeating: "0", count: width - digits.utf8.count) + digits
    }
}

extension DateComponents {
    /// The day as machines write it: "2026-03-14", or "20260314" with no separator.
    func machineDay(separator: String = "-") -> String {
        (year ?? 1970).zeroPadded(4) + separator + (month ?? 1).zeroPadded(2) + separator + (day ?? 1).zeroPadded(2)
    }

    /// The time of day as machines write it: "10:05:07", or "100507" with no separator.
    func machineTime(separator: String = ":") -> String {
        (hour ?? 0).zeroPadded(2) + separator + (minute ?? 0).zeroPadded(2) + separator + (second ?? 0).zeroPadded(2)
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
        return parts.machineDay()
    }

    /// The first moment of a real day ("2026-12-04") in London, or nil.
    static func start(of day: String) -> Date? {
        guard let valid = validated(day) else { return nil }
        let parts = valid.split(separator: "-").compactMap { Int($0) }
        return UKTime.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
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
        return DateComponents(year: year, month: month, day: day).machineDay()
    }
}

/// ISO weeks in London ("2026-W49"), as weekly figures are kept: Monday to Sunday, so a report
/// late on a Sunday night counts in that week.
enum UKWeek {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = UKTime.zone
        return calendar
    }()

    static func of(_ date: Date) -> String {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return (parts.yearForWeekOfYear ?? 0).zeroPadded(4) + "-W" + (parts.weekOfYear ?? 0).zeroPadded(2)
    }

    /// The week a day ("2026-12-04") falls in, or nil for a day that is not real.
    static func of(day: String) -> String? {
        UKDate.start(of: day).map(of)
    }

    /// The Monday that starts a week, at noon in London, or nil for a malformed week.
    static func monday(of week: String) -> Date? {
        let parts = week.split(separator: "-W")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), (1...53).contains(number)
        else { return nil }
        var components = DateComponents()
        components.yearForWeekOfYear = year
        components.weekOfYear = number
        components.weekday = 2
        components.hour = 12
        guard let date = calendar.date(from: components), of(date) == week else { return nil }
        return date
    }

    /// The `count` weeks ending with the one `now` is in, oldest first.
    static func recent(_ count: Int, endingAt now: Date = Date()) -> [String] {
        guard count > 0, let monday = monday(of: of(now)) else { return [] }
        // Counted back from Monday noon in whole calendar weeks, so a clock change never skips or repeats one.
        return (0..<count).reversed().compactMap { back in
            calendar.date(byAdding: .weekOfYear, value: -back, to: monday).map(of)
        }
    }

    /// The moment a week ends: midnight at the start of the next Monday, in London.
    static func end(of week: String) -> Date? {
        guard let monday = monday(of: week), let next = calendar.date(byAdding: .day, value: 7, to: monday) else {
            return nil
        }
        return calendar.startOfDay(for: next)
    }

    /// "Week of 30 November 2026", as people read a week.
    static func label(_ week: String) -> String {
        guard let monday = monday(of: week) else { return week }
        return "Week of " + DisplayDate.day(monday)
    }

    /// "30 Nov", short enough for a chart's axis.
    static func shortLabel(_ week: String) -> String {
        guard let monday = monday(of: week) else { return week }
        return DisplayDate.shortDay(monday)
    }
}
