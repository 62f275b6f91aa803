@testable import MailTransport
import Testing

@Suite struct IMAPResponseTests {
    @Test func readsSearchResultsAmongOtherUntaggedLines() {
        let response = "* 3 EXISTS\r\n* SEARCH 2 10 7\r\n* SEARCH\r\n"
        #expect(IMAPResponse.searchResults(in: response) == [2, 10, 7])
        #expect(IMAPResponse.searchResults(in: "* SEARCH\r\n").isEmpty)
        #expect(IMAPResponse.searchResults(in: "").isEmpty)
    }

    @Test func readsStatusValues() {
        let response = "* STATUS \"INBOX\" (MESSAGES 4 UIDVALIDITY 1764080000 UIDNEXT 5)\r\n"
        #expect(IMAPResponse.statusValue(named: "UIDVALIDITY", in: response) == 1_764_080_000)
        #expect(IMAPResponse.statusValue(named: "uidnext", in: response) == 5)
        #expect(IMAPResponse.statusValue(named: "UNSEEN", in: response) == nil)
        #expect(IMAPResponse.statusValue(named: "UIDVALIDITY", in: "* STATUS INBOX (UIDVALIDITY x)") == nil)
    }

    @Test func quotesFolderNames() {
        #expect(IMAPMailbox.quoted("INBOX") == "\"INBOX\"")
        #expect(IMAPMailbox.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(IMAPMailbox.quoted("evil\r\nA1 LOGOUT") == "\"evilA1 LOGOUT\"")
    }
}
