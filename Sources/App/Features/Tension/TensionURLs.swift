import Foundation

/// The addresses of the tension watch and of trigger events, for links and routes alike.
extension SiteURL {
    static let hubTension = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "tension")
    static let newObservation = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "tension", "new")
    static let observation = SiteURLPattern2<String, UUID>(
        "hubs", .parameter("hubSlug"), "tension", "observations", .parameter("observationID"))
    static let observationFollowUp = SiteURLPattern2<String, UUID>(
        "hubs", .parameter("hubSlug"), "tension", "observations", .parameter("observationID"), "follow-up")
    static let hubTensionLevel = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "tension", "level")
    static let hubTensionSettings = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "tension", "settings")
    /// A trigger event as one hub sees it: its playbook, and the stewards' check-in.
    static let hubCheckIn = SiteURLPattern2<String, UUID>(
        "hubs", .parameter("hubSlug"), "trigger-events", .parameter("triggerEventID"))

    static let newTriggerEvent = SiteURL("/alliance/trigger-events/new")
    static let triggerEvent = SiteURLPattern1<UUID>("alliance", "trigger-events", .parameter("triggerEventID"))
    static let editTriggerEvent = SiteURLPattern1<UUID>(
        "alliance", "trigger-events", .parameter("triggerEventID"), "edit")
    static let closeTriggerEvent = SiteURLPattern1<UUID>(
        "alliance", "trigger-events", .parameter("triggerEventID"), "close")
}
