import Foundation
import Testing

/// The sample programme entered at three sites, each with its own database (Khorezm, Samarkand, and the
/// Tashkent office, which also runs the Kyrgyz training), and merged at the national database, counts
/// exactly as the same programme entered on one database: the bundles carry everything, a person
/// registered at two sites is counted once after the merge, and a report filtered by site shows what that
/// site entered.
@Suite struct ProgrammeAcrossSitesEndToEndTests {
    typealias Network = SyncEndToEndTests.Network

    let issueDate = SiteKeysEndToEndTests.dotted(Date())

    @Test func theSampleProgrammeSplitOverThreeSitesAndMergedNationallyCountsAsOneDatabase() throws {
        // Given the sample programme entered on one database, where Gʻulomjon Oʻrinboyev of the Khorezm
        // training also attends the Tashkent seminar
        let one = try TemporaryProgramme()
        // And the same programme entered at three sites, offline: Tashkent registers Gʻulomjon again, in Cyrillic
        let network = try Network(["XO-URG1", "SA-SAM1", "TO-ZAN1", "UZ-NAT1"])
        let tashkent = network["TO-ZAN1"], national = network["UZ-NAT1"]
        let gulomjon = SampleProgramme.people(of: .khorezm)[0]
        // (Each database is entered on a thread of its own: the work is the binary's, and they share nothing.)
        try inParallel([
            {
                let khorezmPeople = try SampleProgramme.enter(.khorezm, on: one, issueDate: issueDate)
                try SampleProgramme.enter(.samarkand, on: one, issueDate: issueDate)
                try SampleProgramme.enter(.tashkent, on: one, alsoEnrolled: [khorezmPeople[0]], issueDate: issueDate)
                try SampleProgramme.enter(.chuy, on: one, issueDate: issueDate)
            },
            { try SampleProgramme.enter(.khorezm, on: network["XO-URG1"], issueDate: issueDate) },
            { try SampleProgramme.enter(.samarkand, on: network["SA-SAM1"], issueDate: issueDate) },
            {
                let again = try SampleProgramme.register([gulomjon], on: tashkent, swapped: true)
                try SampleProgramme.enter(.tashkent, on: tashkent, alsoEnrolled: again, issueDate: issueDate)
                try SampleProgramme.enter(.chuy, on: tashkent, issueDate: issueDate)
            },
        ])

        // When the national database imports each site's bundle, Khorezm's twice
        for site in ["TO-ZAN1", "XO-URG1", "SA-SAM1", "XO-URG1"] {
            let imported = try network.deliver(from: site, to: "UZ-NAT1")
            #expect(imported.stdout.contains(" 0 in conflict,") && imported.stdout.contains(" 0 held back"), "\(imported)")
        }

        // Then Gʻulomjon is there twice, once from each site, and the duplicate queue has the pair as likely one person
        let year = ["report", "regions", "--year", "2019", "--format", "json"]
        let reference = try one.succeed(year).stdout
        #expect(try report(national.succeed(year).stdout).total.participants.total
                == report(reference).total.participants.total + 1)
        let pairs = try national.json([DuplicatePair].self, ["participant", "duplicates", "--min-score", "0.9"])
        let pair = try #require(pairs.first { [$0.first.fullName, $0.second.fullName].sorted() == [gulomjon.name, gulomjon.alternateName].sorted() },
                                "\(pairs.map { [$0.first.fullName, $0.second.fullName] })")
        #expect(pair.likely)

        // When the national office merges the two records, keeping the Latin one
        let (latin, cyrillic) = pair.first.fullName == gulomjon.name ? (pair.first, pair.second) : (pair.second, pair.first)
        try national.succeed(["participant", "merge", String(latin.id), String(cyrillic.id)])

        // Then every figure of the national summary is the one database's, by region and by district
        #expect(try national.succeed(year).stdout == reference)
        let districts = year + ["--region", "Xorazm", "--by", "district"]
        #expect(try national.succeed(districts).stdout == one.succeed(districts).stdout)

        // And filtered by site, the national summary is what each site reports of itself
        for site in ["XO-URG1", "SA-SAM1", "TO-ZAN1"] {
            let own = try network[site].succeed(year).stdout
            #expect(try national.succeed(year + ["--site", site]).stdout == own, "\(site)")
            #expect(own != reference, "\(site)")
        }
        try national.expectRefused(year + ["--site", "XX-NONE"], status: 65, mentioning: ["XX-NONE", "UZ-NAT1", "XO-URG1"])

        // And the certificates are the one database's in number, each under its own site's series, none twice
        let certificates = try national.json([CertificateJSON].self, ["certificates", "list"])
        #expect(try certificates.count == one.json([CertificateJSON].self, ["certificates", "list"]).count)
        #expect(Set(certificates.map(\.serial)).count == certificates.count)
        for certificate in certificates {
            #expect(["XO-URG1", "SA-SAM1", "TO-ZAN1"].contains { certificate.serial.contains("-\($0)-") }, "\(certificate.serial)")
        }
    }

    /// Runs each job on a thread of its own and waits for them all; the first error, if any, is thrown.
    private func inParallel(_ jobs: [() throws -> Void]) throws {
        final class Outcome: @unchecked Sendable {
            let lock = NSLock()
            var error: (any Error)?
        }
        let outcome = Outcome(), group = DispatchGroup()
        for job in jobs {
            group.enter()
            nonisolated(unsafe) let job = job
            Thread {
                do { try job() } catch { outcome.lock.withLock { outcome.error = outcome.error ?? error } }
                group.leave()
            }.start()
        }
        group.wait()
        if let error = outcome.error { throw error }
    }

    /// A pair of `participant duplicates --json`, as far as it is read here.
    private struct DuplicatePair: Decodable {
        var first: ParticipantJSON
        var second: ParticipantJSON
        var likely: Bool
    }

    private func report(_ json: String) throws -> RegionSummaryJSON {
        try JSONDecoder().decode(RegionSummaryJSON.self, from: Data(json.utf8))
    }
}
