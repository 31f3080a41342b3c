import TrainingCore

/// The places a signed-in person may see, and whether they may change anything there.
///
/// A trainer sees their district (or their region when they have no district), a coordinator their
/// region, a manager their country or region, an administrator everything. Only ``Access`` reads it:
/// every list, search, report and download of the web pages goes through there.
struct Scope: Sendable, Hashable {
    var role: AccountRole
    var country: String?
    var regionCode: String?
    var districtCode: String?

    init(role: AccountRole, country: String? = nil, regionCode: String? = nil, districtCode: String? = nil) {
        self.role = role
        self.country = country
        self.regionCode = regionCode
        self.districtCode = districtCode
    }

    init(account: WebAccount) {
        self.init(role: account.role, country: account.country, regionCode: account.regionCode, districtCode: account.districtCode)
    }

    /// Whether a place (an event's or a person's) lies in the scope.
    func covers(regionCode place: String?, districtCode placeDistrict: String?) -> Bool {
        if role == .admin { return true }
        if let districtCode, role == .trainer { return placeDistrict == districtCode }
        if let regionCode { return place == regionCode }
        if let country, let place { return Gazetteer.bundled.region(code: place)?.country == country }
        return false
    }

    /// The narrowest region every place in the scope lies in, to let the core filter before ``covers``.
    var region: String? { role == .admin ? nil : regionCode }

    /// The places a summary may count.
    var reportScope: ReportScope {
        if role == .admin { return .all }
        if let districtCode, role == .trainer { return .district(districtCode) }
        if let regionCode { return .region(regionCode) }
        return .country(country ?? "")
    }
}
