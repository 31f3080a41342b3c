import CertificateVerification

/// A verdict as `verify` prints it: the status, what it rests on, and what was not checked.
enum VerdictText {
    static func print(_ verdict: Verdict, token: String) {
        let unchecked = verdict.unchecked.map(\.noun)
        // A VALID that rests on less than everything says so in its first line, not only further down.
        let caveat = unchecked.isEmpty ? "" : " (\(unchecked.joined(separator: " and ")) not checked)"
        // What happened to a valid certificate's event or holder is said at once: it is genuine, but not the whole story.
        let since = verdict.circumstances.isEmpty ? ""
            : "; since issued: " + verdict.circumstances.map { $0.code.replacingOccurrences(of: "-", with: " ") }.joined(separator: ", ")
        Swift.print("\(verdict.status.rawValue.uppercased())\(caveat): \(verdict.token?.serial ?? "no readable serial")\(since)")
        for reason in verdict.reasons { Swift.print("  \(reason)") }
        for item in verdict.unchecked { Swift.print("  Not checked: \(item.explanation)") }
        if let signed = verdict.token, verdict.unchecked.contains(.name) {
            let name = signed.printedName.map { "name “\($0)”, " } ?? "name (not in this older token: ask the issuer), "
            Swift.print("  Compare with the paper: \(name)serial \(signed.serial), course \(signed.courseCode), \(signed.startDate.dotted)–\(signed.endDate.dotted), issued \(signed.issueDate.dotted) by \(signed.organisation).")
        }
        // A token read apart from its paper (a phone, a photo) is tied back to it by the code printed beside the QR code.
        if verdict.token != nil {
            Swift.print("  Check code \(CertificateToken.checkCode(of: token)): the one printed beside the QR code must be the same.")
        }
    }
}

extension Verdict.Unchecked {
    var noun: String {
        switch self {
        case .name: "name"
        case .revocation: "revocation"
        }
    }

    var explanation: String {
        switch self {
        case .name:
            "the name. No name was given with --name and none could be read with certainty from the file, so a genuine QR code beside another name would pass. Give the name as printed with --name."
        case .revocation:
            "revocation. Without --revocations FILE (from `malaka certificates revocations export`) or the programme's database (--db), a revoked certificate would pass."
        }
    }
}
