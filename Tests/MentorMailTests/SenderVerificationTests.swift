import Mail
@testable import MentorMail
import Testing

@Suite struct SenderVerificationTests {
    let check = SenderVerification(trustedAuthservID: "mx.example.org")

    func message(_ headers: [String]) -> Message {
        Message(bytes: Array((headers + ["From: Coordinator <coordinator@example.org>", "Subject: import", "", "body", ""])
            .joined(separator: "\r\n").utf8))
    }

    @Test func dkimPassForTheFromDomainVerifies() {
        let verdict = check.verify(message([
            "Authentication-Results: mx.example.org; dkim=pass (2048-bit key) header.d=example.org header.s=s1; spf=pass smtp.mailfrom=example.org",
        ]))
        #expect(verdict == .verified(method: "DKIM (example.org)"))
    }

    @Test func dmarcPassVerifies() {
        let verdict = check.verify(message([
            "Authentication-Results: mx.example.org;\r\n\tdkim=fail header.d=other.example;\r\n\tdmarc=pass (p=reject dis=none) header.from=example.org",
        ]))
        #expect(verdict == .verified(method: "DMARC"))
    }

    @Test(arguments: [
        ["Authentication-Results: mx.example.org; dkim=pass header.d=attacker.example"],
        ["Authentication-Results: mx.example.org; dkim=fail header.d=example.org; dmarc=fail header.from=example.org"],
        ["Authentication-Results: evil.example; dkim=pass header.d=example.org"],
        // Our server's verdict is on top; a forged pass below it must not count.
        ["Authentication-Results: mx.example.org; dkim=none", "Authentication-Results: mx.example.org; dkim=pass header.d=example.org"],
        ["Authentication-Results: mx.example.org; dkim=pass (header.d=example.org) header.d=example.org.attacker.example"],
        [],
    ])
    func anythingElseIsUnverified(headers: [String]) {
        guard case .unverified = check.verify(message(headers)) else {
            Issue.record("should not verify: \(headers)")
            return
        }
    }

    @Test func withoutATrustedServerNothingVerifies() {
        let verdict = SenderVerification(trustedAuthservID: nil).verify(message([
            "Authentication-Results: mx.example.org; dkim=pass header.d=example.org",
        ]))
        #expect(verdict == .unverified(reason: .noTrustedServer))
    }

    @Test func subdomainSignaturesAlignRelaxed() {
        let verdict = SenderVerification(trustedAuthservID: "MX.example.org").verify(Message(bytes: Array(
            "Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\nFrom: c@lists.example.org\r\n\r\nx\r\n".utf8)))
        #expect(verdict == .verified(method: "DKIM (example.org)"))
    }
}
