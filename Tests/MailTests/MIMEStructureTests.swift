import Foundation
import Testing
@testable import Mail

/// The MIME tree: nesting, parameters, boundaries, defaults.
@Suite struct MIMEStructureTests {
    @Test func forwardedMessageAndDigest() throws {
        let raw = """
        From: dan@example.org
        Subject: Fwd: two things
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: text/plain

        See below.
        --outer
        Content-Type: message/rfc822

        From: Erin <erin@example.org>
        Subject: =?utf-8?q?Inner_=C3=BCber?=
        Content-Type: text/plain; charset=utf-8

        inner body
        --outer
        Content-Type: multipart/digest; boundary=dig

        --dig

        From: one@example.org
        Subject: first

        digest one
        --dig

        From: two@example.org
        Subject: second

        digest two
        --dig--
        --outer--
        epilogue is ignored
        """
        let message = Message(raw)
        #expect(message.textBody == "See below.")
        let forwarded = try #require(message.root.children[1].embeddedMessage)
        #expect(forwarded.subject == "Inner über")
        #expect(forwarded.from?.name == "Erin")
        #expect(forwarded.textBody == "inner body")
        let digest = message.root.children[2]
        #expect(digest.children.map(\.contentType) == ["message/rfc822", "message/rfc822"])
        #expect(digest.children.compactMap { $0.embeddedMessage?.subject } == ["first", "second"])
        #expect(message.leafParts.map { $0.decodedText() } == ["See below.", "inner body", "digest one", "digest two"])
    }

    @Test func rfc2231ParametersAndContinuations() {
        let value = ParameterizedValue(#"attachment; filename*0*=UTF-8''%E2%82%AC%20rates; filename*1=" for 2024"; filename*2*=%2Etxt; name*=iso-8859-1'de'Gr%FC%DFe.txt; plain="a;b\"c"; bare=unquoted value ; SIZE=3"#)
        #expect(value.value == "attachment")
        #expect(value.parameters["filename"] == "€ rates for 2024.txt")
        #expect(value.parameters["name"] == "Grüße.txt")
        #expect(value.parameters["plain"] == "a;b\"c")
        #expect(value.parameters["bare"] == "unquoted value")
        #expect(value.parameters["size"] == "3")
        #expect(ParameterizedValue("TEXT/HTML (comment)").value == "text/html")
        #expect(ParameterizedValue("text/plain; charset=\"unterminated").parameters["charset"] == "unterminated")
    }

    @Test func signedAndRelatedAndBase64Message() throws {
        let raw = """
        Content-Type: multipart/signed; protocol="application/pgp-signature"; micalg=pgp-sha256; boundary="sig"

        --sig
        Content-Type: multipart/related; boundary="rel"; type="text/html"

        --rel
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: base64

        PHA+SGVsbG8gPGltZyBzcmM9ImNpZDpsb2dvIj4gd29ybGQ8L3A+
        --rel
        Content-Type: image/png
        Content-ID: <logo>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --rel--
        --sig
        Content-Type: application/pgp-signature; name="signature.asc"

        -----BEGIN PGP SIGNATURE-----
        -----END PGP SIGNATURE-----
        --sig--
        """
        let message = Message(raw)
        #expect(message.textBody == "Hello world")
        #expect(message.leafParts.map(\.contentType) == ["text/html", "image/png", "application/pgp-signature"])
        #expect(message.leafParts[1].isAttachment == false)
        #expect(message.leafParts[2].isAttachment)
        #expect(message.leafParts[1].decodedBytes() == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func boundaryPrefixesAndMissingCloseBoundary() {
        let raw = """
        Content-Type: multipart/mixed; boundary="b"

        preamble
        --b
        Content-Type: multipart/alternative; boundary="b2"

        --b2
        Content-Type: text/plain

        inner text
        --b2
        --b-not-a-delimiter
        --b
        Content-Type: text/plain; name=notes.txt

        second
        """
        let message = Message(raw)
        #expect(message.root.children.count == 2)
        #expect(message.root.children[0].children.count == 2)
        #expect(message.root.children[0].children[0].decodedText() == "inner text")
        #expect(message.root.children[0].children[1].decodedText() == "--b-not-a-delimiter")
        #expect(message.root.children[1].decodedText() == "second")
        #expect(message.textBody == "inner text")
    }

    @Test func multipartWithoutBoundaryIsText() {
        let message = Message("Content-Type: multipart/mixed\n\nJust text.")
        #expect(message.root.contentType == "text/plain")
        #expect(message.textBody == "Just text.")
    }

    @Test func defaultsAndOddTransferEncodings() {
        let message = Message("Content-Type: garbage\nContent-Transfer-Encoding: BASE64 (comment)\n\nSGk=")
        #expect(message.root.contentType == "text/plain")
        #expect(message.root.transferEncoding == "base64")
        #expect(message.textBody == "Hi")
        #expect(Message("Subject: none\n\nplain").textBody == "plain")
        #expect(Message("Content-Type: image/png\n\nxx").textBody == nil)
    }
}
