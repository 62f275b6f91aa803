import Foundation

/// Replies to the sign-up form as different mail clients deliver them, decoded to text.
enum SignupFormFixtures {
    /// 15 January 2025 12:00 UTC (winter in Europe).
    static let january = Date(timeIntervalSince1970: 1_736_942_400)
    /// 15 July 2025 12:00 UTC (summer time in Europe).
    static let july = Date(timeIntervalSince1970: 1_752_580_800)

    /// The form block as templates/signup-form.txt.mustache prints it.
    static let blankForm = """
        Role: (mentor, mentee, or both)
        Name:
        Mentoring type: (technical, career, or both)
        Areas: (e.g. Nova, documentation, upstream training, community)
        Time zone: (e.g. Europe/Madrid, UTC+2, or your city)
        Languages: (e.g. English, Spanish)
        Interaction: (IRC, email, video, chat, in person)
        Capacity: (mentors only: how many mentees at once; 1 if unsure)
        Availability: (e.g. weekday evenings)
        About me:
        """

    /// The whole mail we send, as quoted history with `prefix` on every line.
    static func quotedMail(prefix: String = "> ") -> String {
        let mail = """
            Hello Ana,

            Thank you for writing to OpenStack Mentoring. We match mentees with mentors for
            technical or career mentoring, by the part of the community you care about,
            your time zone, how you like to meet and the languages you speak.

            To sign up, reply to this message and fill in the lines below after the
            colons. Keep one answer per line; you can leave a line empty if it does not
            apply to you.

            \(blankForm)

            What happens next: we reply to confirm what we understood. When a round is
            matched you get ONE introduction email with your match, and about three
            months later a short check-in survey. You can write "pause", "withdraw" or
            "delete my data" at any time.

            Questions? Write to the coordinators: coordinator@example.org

            -- 
            OpenStack Mentoring <mentoring@example.org>
            """
        return mail.split(separator: "\n", omittingEmptySubsequences: false)
            .map { prefix + $0 }
            .joined(separator: "\n")
    }

    /// A form filled in plainly, above the quoted original.
    static let plainReply = """
        Role: mentee
        Name: Ana García
        Mentoring type: technical
        Areas: Nova, documentation, Rust bindings
        Time zone: Europe/Madrid
        Languages: English, Spanish
        Interaction: IRC, video
        Capacity:
        Availability: weekday evenings
        About me: I fixed two bugs in Nova and want to learn the review process.

        Thanks,
        Ana

        On Mon, 3 Mar 2025 at 10:00, OpenStack Mentoring <mentoring@example.org> wrote:
        \(quotedMail())
        """

    /// Gmail's HTML-to-text: bold labels as `*Label:*` and non-breaking spaces.
    static let gmailReply = """
        *Role:*\u{00A0}mentor
        *Name:* Bo Chen
        *Mentoring type:*\u{00A0}\u{00A0}both
        *Areas:* **Neutron**, upstream training
        *Time zone:* Asia/Shanghai
        *Languages:* 中文, English
        *Interaction:* chat, email
        *Capacity:* two
        *Availability:* mornings

        On Tue, 4 Mar 2025, OpenStack Mentoring <mentoring@example.org> wrote:
        \(quotedMail())
        """

    /// Outlook: a top-posted "see below", the answers typed into the quoted form.
    static let outlookReply = """
        Hi, see my answers below.

        Carla

        ________________________________
        From: OpenStack Mentoring <mentoring@example.org>
        Sent: Tuesday, March 4, 2025 10:00 AM
        To: Carla Souza <carla@example.org>
        Subject: Welcome to OpenStack Mentoring

        > Role: (mentor, mentee, or both) mentee
        > Name:
        > Mentoring type: (technical, career, or both) career
        > Areas: (e.g. Nova, documentation, upstream training, community) community
        > Time zone: (e.g. Europe/Madrid, UTC+2, or your city) São Paulo, Brazil
        > Languages: (e.g. English, Spanish) Português, English
        > Interaction: (IRC, email, video, chat, in person) video
        > Capacity: (mentors only: how many mentees at once; 1 if unsure)
        > Availability: (e.g. weekday evenings) weekends
        > About me: I organise the local OpenStack meetup.
        >
        > What happens next: we reply to confirm what we understood.
        """
}
