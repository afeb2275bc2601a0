import Fluent
import Vapor

/// `/admin/outbox`, newest message first, a page at a time.
struct OutboxController {
    func list(req: Request) async throws -> Response {
        let paged = try await OutboxMessage.query(on: req.db)
            .sort(\.$createdAt, .descending)
            .sort(\.$id)
            .paged(PageRequest(req))
        let model = OutboxPage.Model(page: req.page, messages: paged, hasMailProgram: req.settings.sendmailPath != nil)
        return OutboxPage.view(model).response()
    }
}
