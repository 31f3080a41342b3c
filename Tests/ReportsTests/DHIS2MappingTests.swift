import Foundation
import Testing
import TrainingCore

@Suite struct DHIS2MappingTests {
    @Test func aMappingNamesOrgUnitsAndOneNumberPerDataElementAndCombination() throws {
        let mapping = try DHIS2Mapping.parse("""
            data-set: DS
            org-units:
              UZ-XO: OU_XO
            data-values:
              - indicator: participants.sex.female
                data-element: PEOPLE
                category-option-combo: F
              - indicator: hours
                data-element: HOURS
            """, file: "mapping.yaml")
        #expect(mapping.dataSet == "DS" && mapping.orgUnits == ["UZ-XO": "OU_XO"])
        #expect(mapping.entries.map(\.indicator.key) == ["participants.sex.female", "hours"])
        #expect(mapping.entries[1].categoryOptionCombo == nil)
    }

    @Test(arguments: [
        ("org-units:\n  UZ-ZZ: X\ndata-values:\n  - indicator: events\n    data-element: E\n", "line 2, column 3, field org-units.UZ-ZZ"),
        ("org-units:\n  UZ-XO: X\ndata-values:\n  - indicator: events\n", "field data-values[1].data-element"),
        ("org-units:\n  UZ-XO: X\ndata-values:\n  - indicator: events\n    data-element: E\n  - indicator: sessions\n    data-element: E\n",
         "E already receives events"),
        ("org-units:\n  UZ-XO: X\nvalues: []\n", "field values"),
    ])
    func aMistakeIsNamedWithItsLineAndField(yaml: String, fragment: String) {
        #expect {
            _ = try DHIS2Mapping.parse(yaml, file: "mapping.yaml")
        } throws: { error in
            (error as? MalakaError)?.message.contains(fragment) == true
        }
    }

    @Test func indicatorsReadTheRegionSummarysFigures() {
        var figures = RegionSummary.Figures()
        figures.hours = 12.5
        figures.eventsByKind = [.training: 2, .meeting: 1]
        figures.participants.bySex = [.female: 4]
        #expect(SummaryIndicator.named("hours")?.value(figures) == "12.5")
        #expect(SummaryIndicator.named("events")?.value(figures) == "3")
        #expect(SummaryIndicator.named("events.meeting")?.value(figures) == "1")
        #expect(SummaryIndicator.named("participants.sex.female")?.value(figures) == "4")
        #expect(SummaryIndicator.named("participants.sex.women") == nil)
        #expect(SummaryIndicator.all.count == 44, "the 45 numbers of the CSV but the attendance rate")
    }
}
