/// What a change did, named as a person would name it: `enroll`, `markAttendance`, `correctName`.
///
/// Every write through ``AppDatabase`` names one, and the change log records it with the rows it
/// changed. New operations may be added; the log stores the name, so an older Malaka lists an entry
/// whose operation it does not know by that name.
public struct ChangeOperation: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }

    // People
    public static let addPerson = ChangeOperation("addPerson")
    public static let addPeople = ChangeOperation("addPeople")
    public static let importParticipants = ChangeOperation("importParticipants")
    public static let editPerson = ChangeOperation("editPerson")
    public static let correctName = ChangeOperation("correctName")
    public static let editPeople = ChangeOperation("editPeople")
    public static let mergePeople = ChangeOperation("mergePeople")

    // Enrollment and attendance
    public static let enroll = ChangeOperation("enroll")
    public static let unenroll = ChangeOperation("unenroll")
    public static let setCapacity = ChangeOperation("setCapacity")
    public static let markAttendance = ChangeOperation("markAttendance")
    public static let importAttendance = ChangeOperation("importAttendance")

    // Events and their schedule
    public static let createEvent = ChangeOperation("createEvent")
    public static let editEvent = ChangeOperation("editEvent")
    public static let cancelEvent = ChangeOperation("cancelEvent")
    public static let markEventHeld = ChangeOperation("markEventHeld")
    public static let labelEvent = ChangeOperation("labelEvent")
    public static let rescheduleEvent = ChangeOperation("rescheduleEvent")
    public static let moveSession = ChangeOperation("moveSession")
    public static let addSession = ChangeOperation("addSession")
    public static let deleteSession = ChangeOperation("deleteSession")
    public static let setEventDates = ChangeOperation("setEventDates")

    // Certificates and keys
    public static let issueCertificate = ChangeOperation("issueCertificate")
    public static let reissueCertificate = ChangeOperation("reissueCertificate")
    public static let revokeCertificate = ChangeOperation("revokeCertificate")
    public static let generateSigningKey = ChangeOperation("generateSigningKey")
    public static let setOrganisation = ChangeOperation("setOrganisation")

    // Catalogue, periods, sites and the database itself
    public static let syncCourses = ChangeOperation("syncCourses")
    public static let lockPeriod = ChangeOperation("lockPeriod")
    public static let reopenPeriod = ChangeOperation("reopenPeriod")
    /// A change a closed period's triggers refused: nothing changed but the log.
    public static let refusedByPeriodLock = ChangeOperation("refusedByPeriodLock")
    public static let joinSite = ChangeOperation("joinSite")
    public static let addSite = ChangeOperation("addSite")
    public static let updateRegions = ChangeOperation("updateRegions")
    /// Rows a schema migration changed.
    public static let migrate = ChangeOperation("migrate")
    /// The database replaced by a backup's content; the entry is the first after the backup's own.
    public static let restoreBackup = ChangeOperation("restoreBackup")
    /// Rows changed without Malaka (the `sqlite3` shell), found and recorded by the next write.
    public static let outsideMalaka = ChangeOperation("outsideMalaka")
}
