import Fluent
import Vapor

/// A request for a critical friend, with its invitations, as the policy sees it: the person who
/// asked, and who may read it besides them.
struct PeerRequestSubject: PolicySubject {
    let request: PeerRequest
    let invitations: [PeerInvitation]

    /// Those invited and not yet answering, and those who accepted. Nobody who declined, nor anyone
    /// whose invitation lapsed unanswered when the request closed.
    var readers: Set<UUID> {
        Set(
            invitations.filter {
                $0.status == .invited || $0.status == .accepted || ($0.status == .closed && $0.respondedAt != nil)
            }
            .map { $0.$invitee.id })
    }

    var policyResource: PolicyResource { .peerRequest(askerID: request.$asker.id, inviteeIDs: readers) }
}

/// A private conversation, open or closed, between the person who asked and one who accepted.
struct PeerThreadSubject: PolicySubject {
    let invitation: PeerInvitation
    var request: PeerRequest { invitation.request }

    var policyResource: PolicyResource {
        .peerThread(askerID: invitation.request.$asker.id, inviteeID: invitation.$invitee.id)
    }
}

extension SkillOffer: PolicySubject {
    var policyResource: PolicyResource { .ownedBy($user.id) }
}

extension SubjectLoader {
    /// The request in the path, with its invitations; 404 when there is none.
    static let peerRequestByID = SubjectLoader { req in
        guard let id = req.parameters.get("peerRequestID", as: UUID.self),
            let request = try await PeerRequest.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let invitations = try await PeerInvitation.query(on: req.db).filter(\.$request.$id == id).with(\.$invitee)
            .sort(\.$createdAt).all()
        return PeerRequestSubject(request: request, invitations: invitations)
    }

    /// The conversation in the path, once accepted (open or closed since); 404 otherwise.
    static let peerThreadByID = SubjectLoader { req in
        guard let id = req.parameters.get("peerInvitationID", as: UUID.self),
            let invitation = try await PeerInvitation.query(on: req.db).filter(\.$id == id).with(\.$request).first(),
            invitation.status == .accepted || invitation.status == .closed
        else { throw Abort(.notFound) }
        return PeerThreadSubject(invitation: invitation)
    }

    /// The skill offer in the path; 404 when there is none.
    static let skillOfferByID = SubjectLoader { req in
        guard let id = req.parameters.get("skillOfferID", as: UUID.self),
            let offer = try await SkillOffer.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return offer
    }
}
