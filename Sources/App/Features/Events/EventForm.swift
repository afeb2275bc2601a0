import Foundation
import Vapor

/// What an organiser typed for an event, checked in plain words, with nothing lost.
struct EventForm: SubmittedForm, Equatable {
    var title = ""
    var description = ""
    var host = ""
    var date = ""
    var startTime = ""
    var endDate = ""
    var endTime = ""
    var place = ""
    var onlineURL = ""
    var stepFree = false
    var hearingLoop = false
    var quietRoom = false
    var interpreters = ""
    var accessNotes = ""
    var capacity = ""
    var audience = ""
    var askAccessNeeds = false
    var askDietaryNeeds = false
    var askOrganisation = false
    var askFeedback = false
    /// The hosts this person may choose ("hub:slug", "organisation:slug"). The handler sets them;
    /// until it does no host passes the check.
    var allowedHosts: Set<String> = []

    init() {}

    init(_ input: FormInput) {
        title = input.text("title")
        description = input.text("description", keepNewlines: true)
        host = input.text("host")
        date = input.date("date")
        startTime = input.text("start_time")
        endDate = input.date("end_date")
        endTime = input.text("end_time")
        place = input.text("place")
        onlineURL = input.text("online_url")
        let access = input.set("access")
        stepFree = access.contains("step_free")
        hearingLoop = access.contains("hearing_loop")
        quietRoom = access.contains("quiet_room")
        interpreters = input.text("interpreters")
        accessNotes = input.text("access_notes", keepNewlines: true)
        capacity = input.text("capacity")
        audience = input.text("audience")
        let questions = input.set("questions")
        askAccessNeeds = questions.contains("access_needs")
        askDietaryNeeds = questions.contains("dietary_needs")
        askOrganisation = questions.contains("organisation")
        askFeedback = input.set("feedback").contains("yes")
    }

    /// What was typed, to be checked against the hosts this person may choose.
    init(_ input: FormInput, allowedHosts: Set<String>) {
        self.init(input)
        self.allowedHosts = allowedHosts
    }

    /// The start and end as instants, read as UK time.
    struct Times: Equatable {
        let start: Date
        let end: Date
    }

    /// The start and end, when both were typed as real dates and times.
    var times: Times? {
        guard let start = Self.instant(date: date, time: startTime),
            let end = Self.instant(date: endDate.isEmpty ? date : endDate, time: endTime)
        else { return nil }
        return Times(start: start, end: end)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        ContentChecks.required(title, field: "title", label: "a title", max: 150, into: &errors)
        ContentChecks.required(description, field: "description", label: "a description", max: 5_000, into: &errors)
        if host.isEmpty {
            errors.add("host", "Choose who is running the event")
        } else if !allowedHosts.contains(host) {
            errors.add("host", "Choose a hub or organisation from the list")
        }
        if UKDate.validated(date) == nil {
            errors.add("date", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        if Self.time(startTime) == nil {
            errors.add("start_time", "Enter the start time as hours and minutes, for example 10:00 or 18:30")
        }
        if !endDate.isEmpty, UKDate.validated(endDate) == nil {
            errors.add(
                "end_date", "Enter a real end date with its day, month and year, or leave it empty for the same day")
        }
        if Self.time(endTime) == nil {
            errors.add("end_time", "Enter the end time as hours and minutes, for example 16:00")
        }
        if let times, times.end <= times.start {
            errors.add("end_time", "The event must end after it starts")
        }
        if place.isEmpty && onlineURL.isEmpty {
            errors.add("place", "Enter where the event is, or an online link, or both")
        }
        ContentChecks.optional(place, field: "place", label: "the place", max: 300, into: &errors)
        if !onlineURL.isEmpty, !Self.isWebAddress(onlineURL) {
            errors.add("online_url", "Enter the online link as a full web address starting with https://")
        }
        ContentChecks.optional(interpreters, field: "interpreters", label: "the interpreters", max: 200, into: &errors)
        ContentChecks.optional(accessNotes, field: "access_notes", label: "the access notes", max: 1_000, into: &errors)
        if !Self.isPlaceCount(capacity) {
            errors.add("capacity", "Enter the number of places as a whole number from 1 to 10,000")
        }
        if Event.Audience(rawValue: audience) == nil {
            errors.add("audience-public", "Choose who may register")
        }
        return errors
    }

    /// A full http or https address with a host, of at most 500 characters.
    private static func isWebAddress(_ text: String) -> Bool {
        let hasScheme = text.hasPrefix("https://") || text.hasPrefix("http://")
        return hasScheme && URL(string: text)?.host != nil && text.count <= 500
    }

    private static func isPlaceCount(_ text: String) -> Bool {
        guard let number = Int(text) else { return false }
        return (1...10_000).contains(number)
    }

    static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let typed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: ":")
        let parts = typed.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    static func instant(date: String, time text: String) -> Date? {
        guard let day = UKDate.validated(date), let time = time(text) else { return nil }
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return ICalendar.calendarInLondon.date(
            from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: time.hour, minute: time.minute))
    }

    func apply(to event: Event, times: Times, hub: UUID?, organisation: UUID?) {
        event.title = title
        event.description = description
        event.startsAt = times.start
        event.endsAt = times.end
        event.place = place
        event.onlineURL = onlineURL
        event.stepFree = stepFree
        event.hearingLoop = hearingLoop
        event.quietRoom = quietRoom
        event.interpreters = interpreters
        event.accessNotes = accessNotes
        event.capacity = Int(capacity) ?? 1
        event.audience = Event.Audience(rawValue: audience) ?? .public
        event.askAccessNeeds = askAccessNeeds
        event.askDietaryNeeds = askDietaryNeeds
        event.askOrganisation = askOrganisation
        event.askFeedback = askFeedback
        event.$hub.id = hub
        event.$organisation.id = organisation
    }

    init(_ event: Event, host: String) {
        title = event.title
        description = event.description
        self.host = host
        date = UKDate.string(from: event.startsAt)
        startTime = Self.clock(event.startsAt)
        let endDay = UKDate.string(from: event.endsAt)
        endDate = endDay == date ? "" : endDay
        endTime = Self.clock(event.endsAt)
        place = event.place
        onlineURL = event.onlineURL
        stepFree = event.stepFree
        hearingLoop = event.hearingLoop
        quietRoom = event.quietRoom
        interpreters = event.interpreters
        accessNotes = event.accessNotes
        capacity = String(event.capacity)
        audience = event.audience.rawValue
        askAccessNeeds = event.askAccessNeeds
        askDietaryNeeds = event.askDietaryNeeds
        askOrganisation = event.askOrganisation
        askFeedback = event.askFeedback
    }

    static func clock(_ date: Date) -> String {
        let parts = ICalendar.calendarInLondon.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}

extension ICalendar {
    static var calendarInLondon: Calendar { UKTime.calendar }
}
