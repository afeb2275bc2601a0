import Fluent
import Vapor
import XCTVapor

@testable import App

final class GenerateTests: XCTestCase {
    func testGenerateFillsAnEmptyDatabaseWithClearlySyntheticData() async throws {
        try await withApp { app, _ in
            let console = try await app.run(
                GenerateCommand(), ["--organisations", "700", "--people", "600", "--seed", "7"])
            XCTAssertTrue(console.standardOutput.contains("Organisations: 700 of 700"))
            let value1 = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(value1, 700)
            let value2 = try await User.query(on: app.db).count()
            XCTAssertEqual(value2, 600)
            let sample = try await Organisation.query(on: app.db).first()
            XCTAssertTrue(sample?.summary.hasPrefix("Synthetic data for benchmarks") ?? false)
            let users = try await User.query(on: app.db).all()
            XCTAssertTrue(users.allSatisfy { $0.email.hasSuffix("@synthetic.bridgework.invalid") })
        }
    }

    func testGenerateRefusesADatabaseThatHoldsTheDemo() async throws {
        try await withApp { app, _ in
            app.settings.seedDemoOnFirstStart = true
            _ = try await FirstStart.prepare(app)
            let console = RecordingConsole()
            var context = CommandContext(
                console: console, input: CommandInput(arguments: ["bridgework", "--organisations", "10"]))
            context.application = app
            do {
                try await GenerateCommand().run(using: &context)
                XCTFail("should refuse")
            } catch {}
            XCTAssertTrue(console.standardError.contains("never mixed"))
            let value3 = try await Organisation.query(on: app.db).filter(\.$slug =~ "synthetic-").count()
            XCTAssertEqual(value3, 0)
        }
    }

    func testSearchAndListPagesKeepTheirQueryCountWithALargeDirectory() async throws {
        try await withApp { app, counter in
            _ = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let pages = [
                "/organisations", "/organisations?q=riverside&method=mediation", "/api/v1/organisations?theme=faith",
                "/hubs", "/people?q=garden", "/api/hsds/organizations",
            ]
            // A small directory first, big enough that every page finds something.
            var generator = SyntheticData(seed: 3)
            try await generator.fill(organisations: 120, people: 60, passwordHash: "x", on: app.db) { _ in }
            var small: [String: Int] = [:]
            for page in pages {
                counter.reset()
                let value4 = try await member.get(page).status
                XCTAssertEqual(value4, .ok, page)
                small[page] = counter.value
            }
            try await generator.fill(organisations: 900, people: 400, passwordHash: "x", firstNumber: 1_000, on: app.db)
            { _ in }
            for page in pages {
                counter.reset()
                _ = try await member.get(page)
                XCTAssertEqual(
                    counter.value, small[page], "\(page) runs the same number of queries with over 1,000 organisations")
            }
        }
    }
}
