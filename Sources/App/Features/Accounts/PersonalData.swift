import Fluent
import Foundation
import Vapor
import ZIPFoundation

/// A person's right of access and to data portability (UK GDPR articles 15 and 20): everything
/// Bridgework holds about them, as one zip of JSON files, their photos and a README.txt.
enum PersonalData {
    /// A JSON value, so each file can be written as plain objects without exposing models.
    enum Value: Encodable, Sendable {
        case string(String?)
        case number(Int)
        case flag(Bool)
        case list([Value])
        case object([String: Value])

        static func date(_ date: Date?) -> Value { .string(date.map(iso8601)) }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try text.map { try container.encode($0) } ?? container.encodeNil()
            case .number(let number): try container.encode(number)
            case .flag(let flag): try container.encode(flag)
            case .list(let values): try container.encode(values)
            case .object(let fields): try container.encode(fields)
            }
        }
    }

    private static func iso8601(_ date: Date) -> String {
        DisplayDate.iso8601(date)
    }

    struct File {
        let name: String
        let explanation: String
        let data: Data
    }

    static func files(for userID: UUID, on db: Database) async throws -> [File] {
        guard let user = try await User.find(userID, on: db) else { throw Abort(.notFound) }
        var files: [File] = []
        func add(_ name: String, _ explanation: String, _ value: Value) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files.append(File(name: name, explanation: explanation, data: try encoder.encode(value)))
        }

        try add(
            "account.json",
            "Your account: name, email address, when it was made and confirmed, and whether you are on the national team. Your password is kept only as a one-way hash, which is left out.",
            .object([
                "name": .string(user.name), "email": .string(user.email),
                "new_email_waiting_for_confirmation": .string(user.pendingEmail),
                "email_confirmed_at": .date(user.emailConfirmedAt), "national_coordinator": .flag(user.isCoordinator),
                "created_at": .date(user.createdAt), "updated_at": .date(user.updatedAt),
            ]))

        let profile = try await Profile.query(on: db).filter(\.$user.$id == userID).first()
        var profileTerms: [ProfileTerm] = []
        if let profile {
            profileTerms = try await ProfileTerm.query(on: db).filter(\.$profile.$id == profile.requireID()).all()
        }
        try add(
            "profile.json", "Your practitioner profile and who may see it.",
            profile.map { profile in
                .object([
                    "role": .string(profile.role), "bio": .string(profile.bio), "skills": .string(profile.skills),
                    "languages": .string(profile.languages),
                    "open_to_being_a_critical_friend": .flag(profile.criticalFriend),
                    "visibility": .string(profile.visibility.rawValue),
                    "methods_and_themes": .list(
                        profileTerms.map { .object(["vocabulary": .string($0.vocabulary), "code": .string($0.code)]) }),
                    "updated_at": .date(profile.updatedAt),
                ])
            } ?? .object([:]))

        let hubMemberships = try await HubMembership.query(on: db).filter(\.$user.$id == userID).with(\.$hub).all()
        try add(
            "hubs.json", "The hubs you belong to or asked to join, with your role and where each request stands.",
            .list(
                hubMemberships.map {
                    .object([
                        "hub": .string($0.hub.name), "role": .string($0.role.rawValue),
                        "status": .string($0.status.rawValue),
                        "reason_given": .string($0.reason), "your_message": .string($0.message),
                        "since": .date($0.createdAt),
                    ])
                }))

        let organisationMemberships = try await OrganisationMembership.query(on: db).filter(\.$user.$id == userID).with(
            \.$organisation
        ).all()
        let invitations = try await OrganisationInvitation.query(on: db).filter(\.$email == user.email).with(
            \.$organisation
        ).all()
        try add(
            "organisations.json",
            "The organisations you belong to, with your role, and invitations to your address not yet answered.",
            .object([
                "memberships": .list(
                    organisationMemberships.map {
                        .object([
                            "organisation": .string($0.organisation.name), "role": .string($0.role.rawValue),
                            "since": .date($0.createdAt),
                        ])
                    }),
                "invitations": .list(
                    invitations.map {
                        .object([
                            "organisation": .string($0.organisation.name), "role": .string($0.role.rawValue),
                            "sent": .date($0.createdAt), "expires": .date($0.expiresAt),
                        ])
                    }),
            ]))

        let stories = try await Story.query(on: db).filter(\.$author.$id == userID).all()
        let storyIDs = stories.compactMap(\.id)
        let versions =
            storyIDs.isEmpty
            ? [] : try await StoryVersion.query(on: db).filter(\.$story.$id ~~ storyIDs).sort(\.$number).all()
        let consents =
            storyIDs.isEmpty ? [] : try await StoryConsent.query(on: db).filter(\.$story.$id ~~ storyIDs).all()
        try add(
            "stories.json", "The stories you wrote: every version, and the consent recorded for each person in them.",
            .list(
                stories.map { story in
                    .object([
                        "address": .string(SiteURL.story(story.slug).path), "status": .string(story.status.rawValue),
                        "return_reason": .string(story.returnReason),
                        "first_published_at": .date(story.firstPublishedAt), "published_at": .date(story.publishedAt),
                        "photo_description": .string(story.photoAlt),
                        "versions": .list(
                            versions.filter { $0.$story.id == story.id }.map { version in
                                .object([
                                    "number": .number(version.number), "title": .string(version.title),
                                    "summary": .string(version.summary), "body": .string(version.body),
                                    "saved_by_you": .flag(version.$savedBy.id == userID),
                                    "saved_at": .date(version.createdAt),
                                ])
                            }),
                        "consents": .list(
                            consents.filter { $0.$story.id == story.id }.map { consent in
                                .object([
                                    "person": .string(consent.person), "scope": .string(consent.scope.rawValue),
                                    "how_given": .string(consent.howGiven),
                                    "given_on": .string(consent.givenOn), "ends_on": .string(consent.expiresOn),
                                    "withdrawn_at": .date(consent.withdrawnAt),
                                ])
                            }),
                    ])
                }))
        let photos = storyIDs.isEmpty ? [] : try await StoryPhoto.query(on: db).filter(\.$story.$id ~~ storyIDs).all()
        for photo in photos {
            guard let story = stories.first(where: { $0.id == photo.$story.id }) else { continue }
            let ext = photo.contentType == "image/png" ? "png" : "jpg"
            files.append(File(name: "photos/\(story.slug).\(ext)", explanation: "", data: photo.data))
        }

        let registrations = try await EventRegistration.query(on: db).filter(\.$user.$id == userID).with(\.$event).all()
        try add(
            "events.json", "Your registrations for events, with the answers you gave and whether you came.",
            .list(
                registrations.map {
                    .object([
                        "event": .string($0.event.title), "starts_at": .date($0.event.startsAt),
                        "name_given": .string($0.name), "email_given": .string($0.email),
                        "status": .string($0.status.rawValue), "access_needs": .string($0.accessNeeds),
                        "dietary_needs": .string($0.dietaryNeeds),
                        "organisation_given": .string($0.organisationName), "attended": .flag($0.attended),
                        "registered_at": .date($0.createdAt),
                    ])
                }))

        let asked = try await PeerRequest.query(on: db).filter(\.$asker.$id == userID).all()
        let received = try await PeerInvitation.query(on: db).filter(\.$invitee.$id == userID).with(\.$request).all()
        let written = try await PeerMessage.query(on: db).filter(\.$author.$id == userID).all()
        try add(
            "peer-support.json",
            "Your requests for a critical friend, the invitations you received, and the messages you wrote. Messages the other person wrote are theirs, so they are left out.",
            .object([
                "requests": .list(
                    asked.map {
                        .object([
                            "title": .string($0.title), "challenge": .string($0.challenge),
                            "methods": .string($0.methods), "themes": .string($0.themes),
                            "prefer_someone_outside_your_hubs": .flag($0.preferOutsideHub),
                            "status": .string($0.status.rawValue), "asked_at": .date($0.createdAt),
                        ])
                    }),
                "invitations_received": .list(
                    received.map {
                        .object([
                            "request": .string($0.request.title), "status": .string($0.status.rawValue),
                            "why_you_were_suggested": .string($0.reasons),
                            "invited_at": .date($0.createdAt), "answered_at": .date($0.respondedAt),
                        ])
                    }),
                "messages_you_wrote": .list(
                    written.map { .object(["body": .string($0.body), "written_at": .date($0.createdAt)]) }),
            ]))

        let skills = try await SkillOffer.query(on: db).filter(\.$user.$id == userID).all()
        try add(
            "skills.json", "The skills you offered to other members.",
            .list(
                skills.map {
                    .object([
                        "title": .string($0.title), "description": .string($0.description),
                        "methods": .string($0.methods), "offered_at": .date($0.createdAt),
                    ])
                }))

        let saved = try await CaseStudySave.query(on: db).filter(\.$user.$id == userID).with(\.$caseStudy).all()
        try add(
            "saved-case-studies.json", "The case studies you saved to your list.",
            .list(
                saved.map {
                    .object([
                        "case_study": .string($0.caseStudy.title),
                        "address": .string(SiteURL.caseStudy($0.caseStudy.slug).path), "saved_at": .date($0.createdAt),
                    ])
                }))

        let sightings = try await NarrativeSighting.query(on: db).filter(\.$user.$id == userID).with(\.$narrative).with(
            \.$hub
        ).all()
        try add(
            "narrative-sightings.json", "Where you reported meeting a divisive narrative.",
            .list(
                sightings.map {
                    .object([
                        "narrative": .string($0.narrative.title), "hub": .string($0.hub.name),
                        "seen_on": .string($0.seenOn), "place": .string($0.place),
                        "note": .string($0.note), "reported_at": .date($0.createdAt),
                    ])
                }))

        let observations = try await TensionObservation.query(on: db).filter(\.$author.$id == userID).with(\.$hub)
            .with(\.$narrative).sort(\.$observedOn).all()
        try add(
            "tension-observations.json",
            "The tension observations you logged in your hubs, as they are kept now. Your hub keeps each for its retention period.",
            .list(
                observations.map {
                    .object([
                        "hub": .string($0.hub.name), "observed_on": .string($0.observedOn),
                        "area": .string(LocalAuthorities.name(for: $0.areaCode) ?? $0.areaCode),
                        "kind": .string($0.kind.label), "themes": .string($0.themes),
                        "level": .string(String($0.level)),
                        "what_seen": .string($0.whatSeen), "how_known": .string($0.grading.label),
                        "source": .string($0.sourceType.label), "response": .string($0.response),
                        "narrative": .string($0.narrative?.title), "logged_at": .date($0.createdAt),
                    ])
                }))

        let proposed = try await CustomIndicator.query(on: db).filter(\.$proposedBy.$id == userID).all()
        let votes = try await CustomIndicatorVote.query(on: db).filter(\.$user.$id == userID).with(\.$indicator).all()
        try add(
            "local-indicators.json", "Local indicators you proposed and the ones you voted for.",
            .object([
                "proposed": .list(
                    proposed.map {
                        .object([
                            "wording": .string($0.wording), "community": .string($0.community),
                            "status": .string($0.status.rawValue), "proposed_at": .date($0.createdAt),
                        ])
                    }),
                "votes": .list(
                    votes.map {
                        .object(["indicator": .string($0.indicator.wording), "voted_at": .date($0.createdAt)])
                    }),
            ]))

        let sessions = try await UserSession.query(on: db).filter(\.$user.$id == userID).all()
        let tokens = try await APIToken.query(on: db).filter(\.$user.$id == userID).all()
        try add(
            "sign-ins.json",
            "The browsers signed in to your account and your API tokens (their secret values are never kept, only a hash).",
            .object([
                "browsers": .list(
                    sessions.map { .object(["signed_in_at": .date($0.createdAt), "expires_at": .date($0.expiresAt)]) }),
                "api_tokens": .list(
                    tokens.map {
                        .object([
                            "name": .string($0.name), "made_at": .date($0.createdAt),
                            "last_used_at": .date($0.lastUsedAt), "expires_at": .date($0.expiresAt),
                        ])
                    }),
            ]))

        // Only since the address became theirs: an address someone gave up can pass to someone else.
        let messages = try await OutboxMessage.query(on: db).filter(\.$recipient == user.email)
            .filter(\.$createdAt >= user.addressHeldSince).sort(\.$createdAt).all()
        try add(
            "emails.json",
            "The emails Bridgework wrote to your current address since it became yours. Links that signed you in or reset a password are hidden in this copy, as in ours.",
            .list(
                messages.map {
                    .object([
                        "subject": .string($0.subject), "body": .string($0.body), "written_at": .date($0.createdAt),
                        "delivered_at": .date($0.sentAt),
                    ])
                }))

        let subject = userID.uuidString
        let audit = try await AuditEntry.query(on: db).group(.or) { group in
            group.filter(\.$actorID == userID).filter(\.$subjectID == subject)
        }.sort(\.$createdAt).all()
        try add(
            "activity-log.json",
            "The log of actions by you or about your account: sign-ins, role changes, changes to consent and publication. Entries of your own actions have the network address they came from; others' addresses are left out.",
            .list(
                audit.map {
                    .object([
                        "action": .string($0.action), "by_you": .flag($0.actorID == userID),
                        "about": .string($0.subjectType), "detail": .string($0.detail),
                        "network_address": .string($0.actorID == userID ? $0.ipAddress : nil),
                        "at": .date($0.createdAt),
                    ])
                }))
        return files
    }

    static func readme(for files: [File], name: String, madeAt: Date) -> String {
        var lines = [
            "Everything Bridgework holds about \(name)",
            "Made on \(DisplayDate.dateTime(madeAt)) (UK time).",
            "",
            "You asked for a copy of the data Bridgework keeps about you. Each file below is JSON, which any text editor opens and other services can read. Dates are in UTC.",
            "",
        ]
        for file in files where !file.explanation.isEmpty {
            lines.append("\(file.name): \(file.explanation)")
        }
        if files.contains(where: { $0.name.hasPrefix("photos/") }) {
            lines.append(
                "photos/: the photos on your stories, as stored (without their location, camera or other hidden data).")
        }
        lines += [
            "",
            "Survey answers are anonymous: nothing links them to you, so they are not here.",
            "To correct something, change it on the site or ask the national team. To delete your account, use the link on your account page.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The zip: README.txt first, then every file.
    static func archive(for userID: UUID, name: String, on db: Database) async throws -> Data {
        let files = try await files(for: userID, on: db)
        let archive = try Archive(data: Data(), accessMode: .create)
        let readme = Data(readme(for: files, name: name, madeAt: Date()).utf8)
        for (path, data) in [("README.txt", readme)] + files.map({ ($0.name, $0.data) }) {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let zipped = archive.data else {
            throw Abort(.internalServerError, reason: "The zip file could not be made.")
        }
        return zipped
    }
}

extension AccountController {
    /// `/account/data.zip`: made within the request, never cached.
    func downloadData(req: Request) async throws -> Response {
        let current = try req.requireCurrentUser()
        let zipped = try await PersonalData.archive(for: current.id, name: current.name, on: req.db)
        try await req.audit(.dataDownloaded, subjectType: "user", subjectID: current.id)
        let response = Response(status: .ok, body: .init(data: zipped))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"bridgework-my-data.zip\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
