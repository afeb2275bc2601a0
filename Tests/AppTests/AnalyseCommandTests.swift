import Foundation
import Vapor
import XCTVapor

@testable import App

/// `bridgework analyse FILE.csv`: the command line contract.
final class AnalyseCommandTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "analyse-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private let twelvePeople = """
        participant,indicator,before,after
        p1,CONFIDENCE,2,3
        p2,CONFIDENCE,2,4
        p3,CONFIDENCE,3,3
        p4,CONFIDENCE,1,3
        p5,CONFIDENCE,2,3
        p6,CONFIDENCE,3,4
        p7,CONFIDENCE,2,2
        p8,CONFIDENCE,1,4
        p9,CONFIDENCE,2,1
        p10,CONFIDENCE,3,4
        p11,CONFIDENCE,2,4
        p12,CONFIDENCE,1,
        p1,ANXIETY,4,2
        p2,ANXIETY,4,3
        p3,ANXIETY,3,3

        """

    private func json(_ console: RecordingConsole) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(console.standardOutput.utf8)) as? [String: Any]
        return try XCTUnwrap(object?["indicators"] as? [[String: Any]])
    }

    func testItPrintsOneObjectPerIndicatorSortedByCodeWithTheContractsKeys() async throws {
        try await withApp { app, _ in
            let console = try await app.run(AnalyseCommand(), [try file(twelvePeople)])
            let indicators = try json(console)
            XCTAssertEqual(indicators.map { $0["indicator"] as? String }, ["ANXIETY", "CONFIDENCE"])
            let confidence = indicators[1]
            XCTAssertEqual(confidence["n_pairs"] as? Int, 11, "a blank answer leaves that person out")
            XCTAssertEqual(confidence["improved"] as? Int, 8)
            XCTAssertEqual(confidence["same"] as? Int, 2)
            XCTAssertEqual(confidence["worse"] as? Int, 1)
            for key in [
                "median_before", "median_after", "mean_change", "sd_change", "ci95_mean_change", "paired_t", "dz", "gz",
                "wilcoxon", "rank_biserial", "summary",
            ] {
                XCTAssertNotNil(confidence[key], key)
                XCTAssertFalse(confidence[key] is NSNull, "\(key) has a value at 11 pairs")
            }
            let wilcoxon = try XCTUnwrap(confidence["wilcoxon"] as? [String: Any])
            XCTAssertEqual(wilcoxon["method"] as? String, "normal", "tied differences use the normal approximation")
            let anxiety = indicators[0]
            XCTAssertEqual(anxiety["n_pairs"] as? Int, 3)
            XCTAssertTrue(anxiety["improved"] is NSNull, "under 5 pairs only n_pairs and summary carry values")
            XCTAssertEqual(
                anxiety["summary"] as? String, "Too few answers to summarise (3 pairs; at least 5 are needed).")
        }
    }

    func testLowerIsBetterFollowsTheLibraryAndTheOption() async throws {
        try await withApp { app, _ in
            let rows = (1...6).map { "p\($0),WAITING,\(5 + $0 % 2),\(3 + $0 % 2)" }.joined(separator: "\n")
            let path = try file("participant,indicator,before,after\n" + rows + "\n")
            let plain = try json(try await app.run(AnalyseCommand(), [path]))[0]
            XCTAssertEqual(plain["worse"] as? Int, 6, "higher is better unless the code says otherwise")
            let flipped = try json(try await app.run(AnalyseCommand(), [path, "--lower-is-better", "WAITING"]))[0]
            XCTAssertEqual(flipped["improved"] as? Int, 6)
            XCTAssertTrue(flipped["paired_t"] is NSNull, "5 to 9 pairs: no tests")
            XCTAssertEqual(flipped["mean_change"] as? Double, -2)
        }
    }

    func testPublicOutputRoundsCountsAndHidesSmallOnes() async throws {
        try await withApp { app, _ in
            let console = try await app.run(AnalyseCommand(), [try file(twelvePeople), "--public"])
            let confidence = try json(console)[1]
            XCTAssertEqual(confidence["n_pairs"] as? Int, 10, "11 rounds to 10")
            XCTAssertTrue(
                confidence["improved"] is NSNull, "8 would round to 10, and 10 of 10 would say everyone improved")
            XCTAssertTrue(confidence["same"] is NSNull, "a count of 2 is hidden")
            XCTAssertTrue(confidence["worse"] is NSNull, "and so is a count of 1")
            let summary = try XCTUnwrap(confidence["summary"] as? String)
            XCTAssertTrue(summary.hasPrefix("Of about 10 people, about 7 in 10 improved"), summary)
        }
    }

    func testBadInputExitsWithStatusTwoNamingTheLineAndTheProblem() async throws {
        let cases: [(String, String)] = [
            ("participant,indicator,before\np1,X,1\n", "line 1: the header has no 'after' column"),
            ("participant,indicator,before,after\np1,X,1,two\n", "line 2: 'after' is 'two', which is not a number"),
            ("participant,indicator,before,after\np1,X,1,nan\n", "line 2: 'after' is 'nan', which is not a number"),
            (
                "participant,indicator,before,after\np1,X,1,2\np2,X,1,2\np1,X,2,3\n",
                "line 4: participant 'p1' appears twice for X (first on line 2)"
            ),
            ("participant,indicator,before,after\np1,X,1\n", "line 2: expected 4 values, found 3"),
        ]
        try await withApp { app, _ in
            for (text, message) in cases {
                let console = RecordingConsole()
                var context = CommandContext(
                    console: console, input: CommandInput(arguments: ["bridgework", try file(text)]))
                context.application = app
                do {
                    try await AnalyseCommand().run(using: &context)
                    XCTFail("should refuse: \(message)")
                } catch let status as ExitStatus {
                    XCTAssertEqual(status.code, 2)
                }
                XCTAssertTrue(console.standardError.contains(message), "\(console.standardError) should say \(message)")
                XCTAssertEqual(console.standardOutput, "", "nothing half-done reaches standard output")
            }
        }
    }
}
