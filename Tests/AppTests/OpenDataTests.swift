import Fluent
import Vapor
import XCTVapor

@testable import App

final class OpenDataTests: XCTestCase {
    /// Each organisation's terms by its name, as "vocabulary:code", sorted.
    private func termsByName(_ organisations: [Organisation], on db: Database) async throws -> [String: [String]] {
        let terms = try await OrganisationTags.terms(for: organisations.compactMap(\.id), on: db)
        var byName: [String: [String]] = [:]
        for organisation in organisations {
            byName[organisation.name] = (organisation.id.flatMap { terms[$0] } ?? [:]).flatMap { vocabulary, codes in
                codes.map { "\(vocabulary.rawValue):\($0)" }
            }.sorted()
        }
        return byName
    }

    func testAnHSDSPackageExportedThenImportedIntoAnEmptyDirectoryGivesTheSameOrganisations() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hsds-\(UUID().uuidString)")
        var exported: [String: [String]] = [:]
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            people.organisation.charityNumber = "1122334"
            people.organisation.contactPhone = "0191 496 0000"
            people.organisation.description = "Second paragraph, with a comma, and \"quotes\"."
            try await people.organisation.save(on: app.db)
            try await OrganisationTerm(
                organisationID: people.organisation.id!, vocabulary: .kindOfWork, code: "mediation"
            ).create(on: app.db)
            try await OrganisationTerm(organisationID: people.organisation.id!, vocabulary: .method, code: "sport")
                .create(on: app.db)
            try await Organisation(
                slug: "hidden-harbour", name: "Hidden Harbour", summary: "Members only.", visibility: .members
            ).create(on: app.db)
            let summary = try await HSDSPackage.export(to: folder, on: app.db, base: "https://bridgework.example")
            XCTAssertEqual(summary.organisations, 2, "members-only listings stay out of open data")
            exported = try await termsByName(
                try await Organisation.query(on: app.db).filter(\.$visibility == .public).all(), on: app.db)
        }
        let csv = try String(contentsOf: folder.appendingPathComponent("organizations.csv"), encoding: .utf8)
        XCTAssertFalse(csv.contains("Hidden Harbour"))
        try await withApp { app, _ in
            let first = try await HSDSPackage.importPackage(from: folder, createdBy: nil, on: app.db)
            XCTAssertEqual(first.created, 2)
            let again = try await HSDSPackage.importPackage(from: folder, createdBy: nil, on: app.db)
            XCTAssertEqual(again.created, 0, "importing twice adds nothing")
            let value1 = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(value1, 2)
            let imported = try await termsByName(try await Organisation.query(on: app.db).all(), on: app.db)
            XCTAssertEqual(imported, exported)
            let bridge = try await Organisation.query(on: app.db).filter(\.$name == "Bridge Builders").first()
            XCTAssertEqual(bridge?.charityNumber, "1122334")
            XCTAssertEqual(bridge?.contactPhone, "0191 496 0000")
            XCTAssertEqual(bridge?.description, "Second paragraph, with a comma, and \"quotes\".")
        }
    }

    func testASpreadsheetImportTakesTheGoodRowsReportsTheBadOnesByLineAndIsSafeToRunTwice() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let csv = """
                Name,Summary,Kinds of work,Methods,Areas,Hubs,Website
                Harbour Lights,"Harbour walks that bring old and new residents together, weekly.",Bringing people together for a shared purpose or place,sport;arts,Newcastle upon Tyne,riverside,https://harbour.example
                ,No name here,,,,,
                Tide Table,Shared suppers.,juggling,,Atlantis,nowhere,not a website
                Quay Voices,Oral history with young people.,voice,ARTS,E08000021,,
                """
            var progressCalls = 0
            let first = try await OrganisationCSVImport.run(text: csv, on: app.db) { _, _ in progressCalls += 1 }
            XCTAssertEqual(first.created, 2)
            XCTAssertEqual(progressCalls, 4)
            XCTAssertEqual(first.problems.map(\.line), [3, 4])
            XCTAssertTrue(first.problems[0].reason.contains("Enter the organisation's name"))
            let tide = first.problems[1].reason
            for expected in [
                "kinds_of_work ‘juggling’", "areas ‘Atlantis’", "hubs ‘nowhere’", "Enter a website address",
            ] {
                XCTAssertTrue(tide.contains(expected), tide)
            }
            let harbour = try await Organisation.query(on: app.db).filter(\.$name == "Harbour Lights").first()
            let harbourID = try XCTUnwrap(harbour?.id)
            let harbourTerms = try await OrganisationTags.terms(for: [harbourID], on: app.db)[harbourID] ?? [:]
            XCTAssertEqual(harbourTerms.values.joined().sorted(), ["arts", "common-purpose", "sport"])

            let second = try await OrganisationCSVImport.run(text: csv, on: app.db)
            XCTAssertEqual(second.created, 0)
            XCTAssertEqual(second.updated, 2)
            let value2 = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(value2, 4, "two test organisations and two imported, once")
        }
    }

    func testASpreadsheetWithoutTheNeededColumnsIsRefusedWithTheColumnsItCanHave() async throws {
        try await withApp { app, _ in
            let outcome = try await OrganisationCSVImport.run(text: "Title,Blurb\nA,B\n", on: app.db)
            XCTAssertEqual(outcome.problems.first?.line, 1)
            XCTAssertTrue(outcome.problems.first?.reason.contains("there is no ‘name’ column") ?? false)
        }
    }

    func testTheImportAndExportCommandsExplainBadArguments() async throws {
        try await withApp { app, _ in
            for (command, arguments, expected) in [
                (ExportCommand() as any AsyncCommand, ["csv", "--out", "/tmp/x"], "the only export is hsds"),
                (ExportCommand() as any AsyncCommand, ["hsds"], "--out: name the folder"),
                (
                    ImportCommand() as any AsyncCommand, ["organisations", "/no/such/file.csv"],
                    "Could not read /no/such/file.csv"
                ),
                (ImportCommand() as any AsyncCommand, ["people", "x"], "use hsds or organisations"),
            ] {
                let console = RecordingConsole()
                var context = CommandContext(
                    console: console, input: CommandInput(arguments: ["bridgework"] + arguments))
                context.application = app
                do {
                    try await command.run(using: &context)
                    XCTFail("should refuse \(arguments)")
                } catch {}
                XCTAssertTrue(console.standardError.contains(expected), console.standardError)
            }
        }
    }
}
