/// What the page's script reads: the revocation list without its signature, which was checked when the page was written.
struct PageData: Encodable {
    struct List: Encodable {
        var generated: String
        var keyID: String
        var entries: [RevocationList.Entry]

        init(_ list: RevocationList) {
            generated = list.generated
            keyID = list.keyID
            entries = list.entries
        }
    }

    var keys: [PublicKeysFile.Entry]
    var revocations: List?
    var courses: [String: [String: String]]
}
