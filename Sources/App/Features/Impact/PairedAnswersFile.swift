import Foundation
import Statistics

/// A spreadsheet of paired answers: one row per participant and indicator, with the columns
/// `participant,indicator,before,after` and optionally `then`. Blank cells are missing answers.
struct PairedAnswersFile {
    struct Problem: Error, Equatable, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    /// Observations by indicator code, in the order the file gives them.
    let observations: [String: [PairedAnalysis.Observation]]
    let hasThen: Bool

    static let requiredColumns = ["participant", "indicator", "before", "after"]

    static func parse(_ text: String) throws(Problem) -> PairedAnswersFile {
        let rows = CSV.rows(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
            !(header.count == 1 && header[0].isEmpty)
        else {
            throw Problem(
                line: 1,
                message: "the file is empty; the first line must name the columns participant,indicator,before,after")
        }
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            if index[name] != nil { throw Problem(line: 1, message: "the column '\(name)' appears twice") }
            index[name] = position
        }
        for column in requiredColumns where index[column] == nil {
            throw Problem(
                line: 1,
                message:
                    "the header has no '\(column)' column (it needs participant,indicator,before,after and may add then)"
            )
        }
        let thenColumn = index["then"]
        var observations: [String: [PairedAnalysis.Observation]] = [:]
        var firstLine: [String: Int] = [:]
        for (offset, row) in rows.dropFirst().enumerated() {
            let line = offset + 2
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == header.count else {
                throw Problem(line: line, message: "expected \(header.count) values, found \(row.count)")
            }
            func cell(_ column: String) -> String { row[index[column]!].trimmingCharacters(in: .whitespaces) }
            let participant = cell("participant")
            let indicator = cell("indicator")
            if participant.isEmpty { throw Problem(line: line, message: "the participant code is blank") }
            if indicator.isEmpty { throw Problem(line: line, message: "the indicator code is blank") }
            let key = indicator + "\u{0}" + participant
            if let first = firstLine[key] {
                throw Problem(
                    line: line,
                    message: "participant '\(participant)' appears twice for \(indicator) (first on line \(first))")
            }
            firstLine[key] = line
            func number(_ column: String, _ raw: String) throws(Problem) -> Double? {
                if raw.isEmpty { return nil }
                // Double() also accepts "nan", "inf" and hexadecimal, which no answer should be.
                guard raw.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"#, options: .regularExpression) != nil,
                    let value = Double(raw), value.isFinite
                else { throw Problem(line: line, message: "'\(column)' is '\(raw)', which is not a number") }
                return value
            }
            let then =
                try thenColumn.map { column throws(Problem) in
                    try number("then", row[column].trimmingCharacters(in: .whitespaces))
                } ?? nil
            observations[indicator, default: []].append(
                .init(
                    before: try number("before", cell("before")), after: try number("after", cell("after")), then: then)
            )
        }
        return PairedAnswersFile(observations: observations, hasThen: thenColumn != nil)
    }

    /// The analysis of every indicator, sorted by code, as `bridgework analyse` prints it.
    func report(lowerIsBetter extraCodes: Set<String>, public isPublic: Bool) -> AnalysisReport {
        AnalysisReport(
            indicators: observations.map { code, rows in
                PairedAnalysis.analyse(
                    indicator: code, observations: rows, includesThen: hasThen,
                    lowerIsBetter: IndicatorLibrary.isLowerBetter(code, alsoLowerIsBetter: extraCodes), public: isPublic
                )
            })
    }
}
