import ArgumentParser
import Foundation
import TrainingCore
import WebApp

/// `malaka user`: the accounts that sign in to `malaka serve`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add and list the accounts that sign in to `malaka serve`.",
        subcommands: [Add.self, List.self])
}

extension UserCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account: a trainer or coordinator of a region, a manager of a country or region, or an administrator.",
            discussion: """
                The password is asked for at the terminal, or read from the first line of standard input \
                (at least \(Passwords.minimumLength) characters); only its bcrypt hash is stored. A trainer \
                may be narrowed to one district.

                Examples:
                  malaka user add dilnoza --role trainer --region UZ-XO --district "Urganch tumani"
                  malaka user add aziz --role coordinator --region Xorazm
                  echo "long secret words" | malaka user add nodira --role manager --country UZ
                """)

        enum Role: String, ExpressibleByArgument, CaseIterable {
            case trainer, coordinator, manager, admin
        }

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The name to sign in with: one word.") var name: String
        @Option(help: "trainer, coordinator, manager or admin.") var role: Role
        @Option(help: "A manager's country: UZ or KG.") var country: String?
        @Option(help: "The region: an ISO code (UZ-XO) or a name (Xorazm).") var region: String?
        @Option(help: "A trainer's district of --region, by code or name.") var district: String?

        func run() throws {
            let database = try database.open()
            let password = try PasswordInput.read(prompt: "Password for \(name): ")
            guard password.count >= Passwords.minimumLength else {
                throw MalakaError.usage("The password is too short: give at least \(Passwords.minimumLength) characters. No account was added.")
            }
            let account = try database.addAccount(AccountDraft(
                name: name, role: AccountRole(rawValue: role.rawValue)!, country: country, region: region, district: district,
                passwordHash: Passwords.hash(password)))
            let place = [account.districtCode, account.regionCode, account.country].compactMap { $0 }.first ?? "everywhere"
            print("Added \(account.role.rawValue) \(account.name) (\(place)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts with their roles and places.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            for account in try database.open().accounts() {
                let place = [account.districtCode, account.regionCode, account.country].compactMap { $0 }.first ?? "everywhere"
                print("\(account.name)\t\(account.role.rawValue)\t\(place)")
            }
        }
    }
}

/// A password from the terminal without echo, or the first line of standard input when it is not a terminal.
enum PasswordInput {
    static func read(prompt: String) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            guard let typed = getpass(prompt) else { throw MalakaError.io("Could not read the password from the terminal.") }
            return String(cString: typed)
        }
        guard let line = readLine(strippingNewline: true) else {
            throw MalakaError.usage("Give the password on the first line of standard input. No account was added.")
        }
        return line
    }
}
