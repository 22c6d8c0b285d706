import Foundation

exit(await CommandRegistry.group.run(Array(CommandLine.arguments.dropFirst())))
