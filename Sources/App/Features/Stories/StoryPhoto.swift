import Fluent
import Foundation
import Vapor

/// A story's photo: JPEG or PNG, stored without location, camera or other metadata.
final class StoryPhoto: Model, @unchecked Sendable {
    static let schema = "story_photos"

    @ID(key: .id) var id: UUID?
    @Parent(key: "story_id") var story: Story
    @Field(key: "content_type") var contentType: String
    @Field(key: "data") var data: Data

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $story, $contentType, $data] }

    init(storyID: UUID, contentType: String, data: Data) {
        self.$story.id = storyID
        self.contentType = contentType
        self.data = data
    }
}
