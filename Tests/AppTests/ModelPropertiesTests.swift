import Fluent
import Foundation
import XCTest

@testable import App

/// Every model lists its Fluent properties by hand (`properties`), so that reading a row does not
/// reflect over the model. A property left out of a list would silently never be read or saved,
/// so these tests hold each list to what reflection finds.
final class ModelPropertiesTests: XCTestCase {
    func testEveryModelListsExactlyThePropertiesReflectionFindsInTheSameOrder() throws {
        let names = try Self.modelNames()
        XCTAssertGreaterThan(names.count, 50, "the scan found the models")
        var problems: [String] = []
        for name in names {
            guard let type = _typeByName("App.\(name)") as? any Fields.Type else {
                problems.append("\(name): not found as a Fluent model")
                continue
            }
            let model = type.init()
            let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }
            let listed = model.properties
            let reflectedIdentities = reflected.map { ObjectIdentifier($0 as AnyObject) }
            let listedIdentities = listed.map { ObjectIdentifier($0 as AnyObject) }
            if reflectedIdentities != listedIdentities {
                problems.append("\(name): lists \(listed.count) properties, reflection finds \(reflected.count)")
            }
        }
        XCTAssertEqual(problems, [])
    }

    func testAModelReadBackHasEveryFieldItWasSavedWith() async throws {
        try await withApp { app, _ in
            let event = Event(slug: "listed", title: "Listed", hubID: nil)
            event.place = "Town hall"
            event.capacity = 12
            event.recordedAttendance = 9
            try await event.create(on: app.db)
            let readBack = try await Event.query(on: app.db).filter(\.$slug == "listed").first()
            let found = try XCTUnwrap(readBack)
            XCTAssertEqual(found.place, "Town hall")
            XCTAssertEqual(found.capacity, 12)
            XCTAssertEqual(found.recordedAttendance, 9)
            XCTAssertNotNil(found.createdAt, "the creation timestamp is set, so timestamps are found")
        }
    }

    /// The names of every `final class … : … Model` declared in the app's sources.
    private static func modelNames() throws -> [String] {
        var names: [String] = []
        for file in AppSources.files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: #/final class (\w+):[^{\n]*\bModel\b/#) {
                names.append(String(match.1))
            }
        }
        return names.sorted()
    }
}
