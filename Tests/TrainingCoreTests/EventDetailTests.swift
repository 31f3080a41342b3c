import Testing
@testable import TrainingCore

/// One event read by its id (``SingleEventDetail``, what every write reads) is the event as a list reads it
/// (``EventDetailRow``'s association request): the same sessions, trainers in the same order, legs, sides,
/// overrides and counts.
struct EventDetailTests {
    @Test func oneEventByItsIdIsTheEventAsAListReadsIt() throws {
        // Given a training with two trainers, people enrolled and waiting, a conflict allowed with another event,
        // and a study tour with a leg and its two sides
        let database = try Fixtures.schedulingDatabase()
        let training = try Fixtures.event(database, ["2019-03-26@10:00-12:00", "2019-03-25@10:00-12:00"],
                                          trainers: ["Zarina Qodirova", "Aziz Karimov"], capacity: 1)
        try Fixtures.event(database, ["2019-03-25@11:00-13:00"], trainers: ["Aziz Karimov"], allowConflict: true)
        let people = try database.addParticipants([ParticipantDraft(fullName: "Gulnora Karimova"), ParticipantDraft(fullName: "Lola Ismoilova")])
        _ = try database.enrollOrWaitlist(eventID: training.id, participantIDs: people.map { $0.id! })
        var tour = EventPlan(courseCode: "ST-PILOT-MAHALLA", region: "KG-GB", sessions: [])
        tour.legs = [.init(hostOrganisation: "City Hall", region: "KG-GB", startDate: Fixtures.day("2019-04-16"),
                           time: Fixtures.time("09:00-16:00"))]
        tour.sides = EventPlan.PlannedSides(sendingOrganisation: "Zangiota tuman hokimligi", hostingOrganisation: "City Hall")
        _ = try database.createEvent(tour)

        // Then each event read alone is the one the list holds
        let listed = try database.events()
        #expect(listed.count == 3)
        for detail in listed {
            #expect(try database.eventDetail(id: detail.id) == detail)
        }
        let read = try database.eventDetail(id: training.id)
        #expect(read.trainers == ["Aziz Karimov", "Zarina Qodirova"] && read.enrolledCount == 1 && read.waitlistedCount == 1)
        #expect(read.overrides.count == 1 && read.sessions.map(\.date.iso) == ["2019-03-25", "2019-03-26"])
        #expect(try database.events().last?.sides?.hostingOrganisation == "City Hall")
    }
}
