import Foundation
import Yams
import MalakaSupport

extension YamlError {
    /// The error as one clause that says where: `line 3, column 7: mapping values are not allowed here`.
    ///
    /// Course files and certificate templates both report YAML syntax errors this way.
    public var locatedDescription: String {
        switch self {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return "line \(mark.line), column \(mark.column): \(what)"
        case let .duplicatedKeysInMapping(duplicates, context):
            return "line \(context.mark.line), column \(context.mark.column): \(duplicates.joined(separator: ", ")) given twice"
        case let .reader(problem, offset, value, yaml):
            // Yams' own text spans lines and repeats the offending line, NUL and all; one clause is enough.
            let before = offset.map { yaml.utf8.prefix($0) } ?? yaml.utf8.prefix(0)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            let character = value >= 0 ? " (\(CharacterLabel.code(ofValue: UInt32(value))))" : ""
            return "line \(line), column \(column): \(problem)\(character)"
        default:
            return "\(self)"
        }
    }
}
