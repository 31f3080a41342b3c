import ArgumentParser
import Testing
@testable import malaka

/// Every command gives its name: a name left to ArgumentParser is derived with `String(describing:)`,
/// which made starting `malaka` a third slower (see ``Malaka``).
@Suite struct CommandNamesTests {
    @Test func everyCommandNamesItself() {
        var unnamed: [String] = []
        func visit(_ command: any ParsableCommand.Type, path: String) {
            let name = command.configuration.commandName
            if name == nil { unnamed.append("\(path) › \(command)") }
            for subcommand in command.configuration.subcommands {
                visit(subcommand, path: path + " " + (name ?? "?"))
            }
        }
        visit(Malaka.self, path: "")
        #expect(unnamed.isEmpty, "Give these commands a commandName: \(unnamed)")
    }
}
