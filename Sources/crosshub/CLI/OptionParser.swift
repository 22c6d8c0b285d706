import Foundation

/// One option of a command: its flag, the environment variable that may set
/// it, its default and the help text that states its unit.
struct OptionSpec: Sendable {
    enum Kind: Sendable {
        /// Takes a value; the last occurrence wins.
        case value
        /// Takes a value and may be repeated; every occurrence is kept.
        case repeated
        /// Takes a KEY=VALUE value and may be repeated. The environment
        /// variable's comma-separated list comes first and the flags follow
        /// it, so a flag overrides the variable for its key only.
        case keyValue
        /// Takes no value; present means true.
        case flag
    }

    let name: String
    let kind: Kind
    let environment: String?
    let defaultValue: String?
    let help: String

    init(_ name: String, _ kind: Kind = .value, env environment: String? = nil,
         default defaultValue: String? = nil, help: String) {
        self.name = name
        self.kind = kind
        self.environment = environment
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// An invalid command line, with a message that names the option and the fix.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Options parsed from a command line and the environment.
///
/// Precedence: command-line flag, then environment variable, then default.
/// A `.keyValue` option gets both: the variable's entries, then the flags'.
struct ParsedOptions {
    private var values: [String: [String]]
    /// Arguments that are not options, in order.
    let positional: [String]
    /// True when `--help` or `-h` was given.
    let helpRequested: Bool

    init(values: [String: [String]], positional: [String], helpRequested: Bool) {
        self.values = values
        self.positional = positional
        self.helpRequested = helpRequested
    }

    /// Returns the option's value, or nil when neither a flag, a variable nor a default set it.
    func string(_ name: String) -> String? {
        values[name]?.last
    }

    /// Returns every value given for a repeated option, in order.
    func strings(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Returns true when a `.flag` option is set by flag or by an environment
    /// variable with a value of `1`, `true` or `yes`.
    func flag(_ name: String) -> Bool {
        guard let value = values[name]?.last else { return false }
        return ["1", "true", "yes", ""].contains(value.lowercased())
    }

    /// Parses the option's value as an integer within `range`.
    ///
    /// - Throws: `UsageError` naming the option and the accepted range.
    func int(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("invalid value '\(text)' for --\(name): expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Parses the option's value as a number within `range`.
    ///
    /// - Throws: `UsageError` naming the option and the accepted range.
    func double(_ name: String, in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw UsageError("invalid value '\(text)' for --\(name): expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

/// A small command-line parser: `--name value`, `--name=value`, repeated
/// options, boolean flags, `CROSSHUB_*` environment fallbacks and generated help.
struct OptionParser {
    let command: String
    let synopsis: String
    let options: [OptionSpec]

    /// Parses `arguments`, reading environment variables from `environment`.
    ///
    /// - Throws: `UsageError` for an unknown option or a missing value.
    func parse(_ arguments: [String],
               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ParsedOptions {
        var values: [String: [String]] = [:]
        var positional: [String] = []
        var helpRequested = false
        let byName = Dictionary(uniqueKeysWithValues: options.map { ($0.name, $0) })

        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1

            if argument == "--help" || argument == "-h" {
                helpRequested = true
                continue
            }
            if argument == "--" {
                positional.append(contentsOf: arguments[index...])
                break
            }
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }

            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = byName[name] else {
                throw UsageError("unknown option --\(name) for '\(command)'; run 'crosshub \(command) --help' for the list")
            }

            switch spec.kind {
            case .flag:
                values[name] = [inlineValue ?? "true"]
            case .value, .repeated, .keyValue:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else {
                        throw UsageError("missing value for --\(name)")
                    }
                    value = arguments[index]
                    index += 1
                }
                if spec.kind == .repeated || spec.kind == .keyValue {
                    values[name, default: []].append(value)
                } else {
                    values[name] = [value]
                }
            }
        }

        // Environment variables and defaults fill what the command line left
        // unset, except that key-value variables always go before the flags.
        for spec in options where values[spec.name] == nil || spec.kind == .keyValue {
            if let variable = spec.environment, let value = environment[variable] {
                let entries = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                switch spec.kind {
                case .repeated: values[spec.name] = entries
                case .keyValue: values[spec.name] = entries + (values[spec.name] ?? [])
                case .value, .flag: values[spec.name] = [value]
                }
            } else if values[spec.name] == nil, let value = spec.defaultValue {
                values[spec.name] = [value]
            }
        }

        return ParsedOptions(values: values, positional: positional, helpRequested: helpRequested)
    }

    /// The help text: synopsis, then one entry per option with its variable and default.
    var help: String {
        var lines = ["usage: crosshub \(command) \(synopsis)", "", "options:"]
        for spec in options {
            let flag = spec.kind == .flag ? "--\(spec.name)" : "--\(spec.name) VALUE"
            lines.append("  \(flag)")
            lines.append("      \(spec.help)")
            var details: [String] = []
            if spec.kind == .repeated || spec.kind == .keyValue { details.append("repeatable") }
            if let variable = spec.environment { details.append("env \(variable)") }
            if spec.kind == .keyValue && spec.environment != nil { details.append("merged, a flag overriding the variable per key") }
            if let value = spec.defaultValue { details.append("default \(value)") }
            if !details.isEmpty {
                lines.append("      (\(details.joined(separator: "; ")))")
            }
        }
        lines.append("  --help")
        lines.append("      Print this help and exit.")
        return lines.joined(separator: "\n")
    }
}
