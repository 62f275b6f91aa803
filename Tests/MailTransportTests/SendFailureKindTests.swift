@testable import MailTransport
import Testing

/// Which failures before any recipient are the message's own: only its size, refused at
/// `MAIL FROM` (the next message may go); a refused login or a closed server stops sending.
@Suite struct SendFailureKindTests {
    @Test func aMessageTooBigIsTheMessagesOwnFailure() {
        #expect(CurlHandle.refusesTheMessage(552, "552 5.3.4 Message size exceeds fixed limit"))
        #expect(CurlHandle.refusesTheMessage(nil, "554 5.3.4 Message too big for system"))
        #expect(!CurlHandle.refusesTheMessage(535, "535 5.7.8 Authentication credentials invalid"))
        #expect(!CurlHandle.refusesTheMessage(421, "421 4.3.2 Service shutting down"))
        #expect(!CurlHandle.refusesTheMessage(nil, nil))
    }
}
