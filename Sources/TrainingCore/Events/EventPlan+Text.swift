extension EventPlan {
    /// Every text of the plan under ``TextRule``: the venue, title, organiser, locality and trainers
    /// print on certificates, calendars and reports.
    func checkText() throws {
        try TextRule.check(title, field: "title")
        try TextRule.check(venue, field: "venue")
        try TextRule.check(organiser, field: "organiser")
        try TextRule.check(locality, field: "locality")
        for trainer in trainers {
            try TextRule.check(trainer, field: "trainer's name", limit: TextRule.nameLimit)
        }
    }
}
