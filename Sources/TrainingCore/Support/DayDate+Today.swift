import Foundation

extension DayDate {
    /// Today on the machine's calendar.
    public static var today: DayDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return DayDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
