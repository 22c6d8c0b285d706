import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())

guard let name = arguments.first, name != "--help", name != "-h" else {
    print(HelpCommand.usage)
    exit(arguments.isEmpty ? ExitStatus.usage : ExitStatus.success)
}

guard let command = CommandRegistry.command(named: name) else {
    printError("crosshub: unknown command '\(name)'; run 'crosshub help' for the list")
    exit(ExitStatus.usage)
}

let status = await command.run(Array(arguments.dropFirst()))
exit(status)
