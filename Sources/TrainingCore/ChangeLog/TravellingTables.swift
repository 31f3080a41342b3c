/// The tables whose rows travel between sites: each has a `uuid` made where the row was made and an
/// `originSite`, and each change to it is recorded in the change log (``ChangeTap``).
///
/// The integer ids stay the local keys and the numbers people type; they never travel.
public enum TravellingTables {
    /// In the order a receiving database can insert them (a row's references come before it).
    public static let names = [
        "course", "trainer", "organisation", "event", "eventTrainer", "studyTour", "studyTourLeg", "session",
        "participant", "enrollment", "waitlist", "attendance", "certificate", "participantMerge",
        "scheduleOverride", "periodLock",
    ]

    /// References without a foreign key (the merged person is gone by the time anyone reads the row),
    /// written as uuids all the same.
    static let referencesWithoutForeignKeys: [String: [String: String]] = [
        "participantMerge": ["keptParticipantId": "participant", "mergedParticipantId": "participant"],
    ]

    /// The column whose time a row's backfilled uuid carries, for rows made before uuids existed.
    static let creationColumns: [String: String] = [
        "event": "createdAt", "participant": "createdAt", "certificate": "createdAt", "enrollment": "enrolledAt",
        "waitlist": "addedAt", "attendance": "markedAt", "participantMerge": "mergedAt",
        "scheduleOverride": "recordedAt", "periodLock": "closedAt",
    ]
}
