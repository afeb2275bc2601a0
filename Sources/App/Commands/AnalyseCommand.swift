import Foundation
import Statistics
import Vapor

/// `bridgework analyse FILE.csv [--lower-is-better CODE[,CODE]] [--public]`: the paired analysis
/// of each indicator in a spreadsheet of before and after answers, as JSON on standard output.
/// Bad input exits with status 2, naming the line and the problem; no database is touched.
struct AnalyseCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file", help: "A CSV file with the columns participant,indicator,before,after and optionally then.")
        var file: String
        @Option(
            name: "lower-is-better",
            help: "Indicator codes where a lower answer is better, separated by commas (ANXIETY already is).")
        var lowerIsBetter: String?
        @Flag(name: "public", help: "Apply disclosure control for publishing beyond the organisation.") var isPublic:
            Bool
    }

    var help: String { "Analyses paired before and after answers from a CSV file and prints JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.report(error: "Could not read \(signature.file).", newLine: true)
            throw ExitStatus.badInput
        }
        guard let text = String(data: data, encoding: .utf8) else {
            context.console.report(error: "\(signature.file) is not UTF-8 text.", newLine: true)
            throw ExitStatus.badInput
        }
        let file: PairedAnswersFile
        do {
            file = try PairedAnswersFile.parse(text)
        } catch {
            context.console.report(error: "\(signature.file): \(error.description)", newLine: true)
            throw ExitStatus.badInput
        }
        let codes = Set(
            (signature.lowerIsBetter ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter
            { !$0.isEmpty })
        context.console.output(
            try file.report(lowerIsBetter: codes, public: signature.isPublic).json().consoleText(), newLine: true)
    }
}

/// A command's failure with a particular exit status; `main` exits with it.
public enum ExitStatus: Error, CustomStringConvertible {
    /// The input was wrong in a way the person can fix (status 2, as command-line tools use).
    case badInput

    public var code: Int32 {
        switch self {
        case .badInput: return 2
        }
    }

    public var description: String { "The input could not be used." }
}
