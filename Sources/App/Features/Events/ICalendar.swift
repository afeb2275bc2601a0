import Foundation

/// iCalendar (RFC 5545) for events: times in Europe/London with the zone's own rules written out,
/// so calendars show the right hour on both sides of a clock change.
enum ICalendar {
    static let zone = UKTime.zone

    /// The UK's rules since 1996: summer time from 01:00 UTC on the last Sunday of March to
    /// 01:00 UTC on the last Sunday of October.
    static let londonZone = """
        BEGIN:VTIMEZONE
        TZID:Europe/London
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0000
        TZOFFSETTO:+0100
        TZNAME:BST
        DTSTART:19700329T010000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0000
        TZNAME:GMT
        DTSTART:19701025T020000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        """

    /// What a calendar file says of one event.
    struct Entry: Sendable {
        let id: UUID?
        let slug: String
        let title: String
        let description: String
        let place: String
        let onlineURL: String
        let startsAt: Date
        let endsAt: Date
    }

    static func calendar(name: String, events: [Event], baseURL: String, now: Date = Date()) -> String {
        calendar(name: name, entries: events.map(Entry.init), baseURL: baseURL, now: now)
    }

    static func calendar(name: String, entries events: [Entry], baseURL: String, now: Date = Date()) -> String {
        let stamp = "DTSTAMP:" + utc(now)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bridgework//Events//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Europe/London",
        ]
        lines += londonZone.split(separator: "\n").map(String.init)
        for event in events {
            let url = SiteURL.event(event.slug).absolute(base: baseURL)
            var location = event.place
            if !event.onlineURL.isEmpty {
                location = location.isEmpty ? event.onlineURL : "\(location) (also online: \(event.onlineURL))"
            }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape("event-\(event.id?.uuidString.lowercased() ?? event.slug)@bridgework"),
                stamp,
                "DTSTART;TZID=Europe/London:" + local(event.startsAt),
                "DTEND;TZID=Europe/London:" + local(event.endsAt),
                "SUMMARY:" + escape(event.title),
                "DESCRIPTION:" + escape(event.description + "\n\n" + url),
                "URL:" + url,
            ]
            if !location.isEmpty { lines.append("LOCATION:" + escape(location)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A local time in the zone, as 20260314T100000.
    static func local(_ date: Date) -> String {
        stamp(UKTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date))
    }

    /// A UTC time, as 20260314T100000Z.
    static func utc(_ date: Date) -> String {
        stamp(utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)) + "Z"
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// 20260314T100000, from a calendar's numbers.
    private static func stamp(_ parts: DateComponents) -> String {
        parts.machineDay(separator: "") + "T" + parts.machineTime(separator: "")
    }

    /// Text values escape backslashes, semicolons, commas and line breaks (CRLF, LF or CR alone).
    static func escape(_ text: String) -> String {
        let lineBreaks =
            text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return lineBreaks.replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "\\"): "\\\\"
            case UInt8(ascii: ";"): "\\;"
            case UInt8(ascii: ","): "\\,"
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): "\\n"
            default: nil
            }
        }
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var current = 0
        for character in line {
            let size = character.utf8.count
            if current + size > 75 {
                result += "\r\n "
                current = 1
            }
            result.append(character)
            current += size
        }
        return result
    }
}
