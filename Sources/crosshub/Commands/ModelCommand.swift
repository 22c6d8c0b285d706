import Foundation
import Qualification

/// `crosshub model`: prints the built-in scoring model, validates model files
/// and lists the factor codes that rules may name.
enum ModelCommand: Command {
    static let name = "model"
    static let summary = "Print the default scoring model, validate a model file, or list factor codes."

    static let parser = OptionParser(command: name, synopsis: "default | validate FILE | codes", options: [])

    static func run(_ arguments: [String]) async -> Int32 {
        let options: ParsedOptions
        do {
            options = try parser.parse(arguments)
        } catch {
            printError("crosshub model: \(error)")
            return ExitStatus.usage
        }
        if options.helpRequested {
            print(help)
            return ExitStatus.success
        }

        switch options.positional.first {
        case "default" where options.positional.count == 1:
            FileHandle.standardOutput.write(Data(ScoringModel.default.json.prettyText(keyOrder: .memberOrder).utf8))
            return ExitStatus.success
        case "validate" where options.positional.count == 2:
            return validate(path: options.positional[1])
        case "codes" where options.positional.count == 1:
            for code in FactorCode.allCases {
                print("\(code.name)\t\(code.component.rawValue)")
            }
            return ExitStatus.success
        default:
            printError("crosshub model: expected 'default', 'validate FILE' or 'codes'; run 'crosshub model --help'")
            return ExitStatus.usage
        }
    }

    static var help: String {
        parser.help + """


        subcommands:
          default        Print the built-in model as JSON: a starting point for a model file.
          validate FILE  Check a model file; print its name and version, or every problem
                         with its JSON path. Exit status 1 when the file is invalid.
          codes          List the factor codes and their components, one a line. Rules in a
                         model file select factors by code or by a prefix of codes.
        """
    }

    private static func validate(path: String) -> Int32 {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            printError("crosshub model: cannot read \(path): \(error.localizedDescription)")
            return ExitStatus.failure
        }
        do {
            let model = try ScoringModel(jsonData: data)
            print("\(model.name) \(model.version)")
            return ExitStatus.success
        } catch {
            printError("\(path): invalid model, \(error.issues.count) problem(s):")
            for issue in error.issues {
                printError("  \(issue)")
            }
            return ExitStatus.failure
        }
    }
}
