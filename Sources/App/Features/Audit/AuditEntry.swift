import Fluent
import Vapor

/// Who did what to which record, and when. Written for sign-ins, role changes, resets and
/// every change to consent, publication and sensitive records.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "action") var action: String
    @Field(key: "subject_type") var subjectType: String
    @OptionalField(key: "subject_id") var subjectID: String?
    @Field(key: "detail") var detail: String
    @OptionalField(key: "ip_address") var ipAddress: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $actorID, $action, $subjectType, $subjectID, $detail, $ipAddress, $createdAt]
    }

    init(
        actorID: UUID?, action: AuditAction, subjectType: String, subjectID: String?, detail: String, ipAddress: String?
    ) {
        self.actorID = actorID
        self.action = action.rawValue
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.detail = detail
        self.ipAddress = ipAddress
    }
}

enum AuditAction: String, Sendable {
    case signIn = "sign-in"
    case signInFailed = "sign-in-failed"
    case signOut = "sign-out"
    case accountCreated = "account-created"
    case emailConfirmed = "email-confirmed"
    case passwordResetRequested = "password-reset-requested"
    case passwordReset = "password-reset"
    case passwordChanged = "password-changed"
    case accountUpdated = "account-updated"
    case roleGranted = "role-granted"
    case roleRevoked = "role-revoked"
    case apiTokenCreated = "api-token-created"
    case apiTokenRevoked = "api-token-revoked"
    case emailChangeUndone = "email-change-undone"
    case dataDownloaded = "data-downloaded"
    case accountDeleted = "account-deleted"
    case invitationSent = "invitation-sent"
    case invitationWithdrawn = "invitation-withdrawn"
    case invitationAccepted = "invitation-accepted"
    case invitationDeclined = "invitation-declined"
    case organisationLeft = "organisation-left"
    case organisationCreated = "organisation-created"
    case organisationUpdated = "organisation-updated"
    case hubJoinRequested = "hub-join-requested"
    case hubJoined = "hub-joined"
    case profileUpdated = "profile-updated"
    case hubLeft = "hub-left"
    case hubRequestApproved = "hub-request-approved"
    case hubRequestDeclined = "hub-request-declined"
    case storyCreated = "story-created"
    case storyEdited = "story-edited"
    case storySubmitted = "story-submitted"
    case storyPublished = "story-published"
    case storyReturned = "story-returned"
    case storyUnpublished = "story-unpublished"
    case consentAdded = "consent-added"
    case consentWithdrawn = "consent-withdrawn"
    case storyPhotoChanged = "story-photo-changed"
    case eventCreated = "event-created"
    case eventMessageSent = "event-message-sent"
    case hubCreated = "hub-created"
    case hubUpdated = "hub-updated"
    case digestTurnedOn = "digest-turned-on"
    case digestTurnedOff = "digest-turned-off"
    case observationLogged = "observation-logged"
    case observationFollowedUp = "observation-followed-up"
    case hubLevelSet = "hub-level-set"
    case tensionSettingsChanged = "tension-settings-changed"
    case tensionRetentionApplied = "tension-retention-applied"
    case triggerDeclared = "trigger-declared"
    case triggerEdited = "trigger-edited"
    case triggerClosed = "trigger-closed"
    case triggerCheckedIn = "trigger-checked-in"
    case tensionWeekPublished = "tension-week-published"
    case tensionWeekWithdrawn = "tension-week-withdrawn"
}

extension Request {
    /// Records an audit entry for the signed-in person (or nobody) from this request's address.
    func audit(_ action: AuditAction, subjectType: String, subjectID: UUID?, detail: String = "", actorID: UUID? = nil)
        async throws
    {
        let entry = AuditEntry(
            actorID: actorID ?? currentUser?.id,
            action: action,
            subjectType: subjectType,
            subjectID: subjectID?.uuidString,
            detail: detail,
            ipAddress: clientAddress
        )
        try await entry.create(on: db)
    }

    /// The address the request came from: as the server saw it, or as the proxy in front
    /// reported it when `BRIDGEWORK_BEHIND_PROXY` is set.
    var clientAddress: String? {
        if settings.behindProxy,
            let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").last?.trimmingCharacters(
                in: .whitespaces),
            !forwarded.isEmpty
        {
            return String(forwarded.prefix(64))
        }
        return remoteAddress?.ipAddress
    }
}
