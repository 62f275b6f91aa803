extension Config {
    /// The commented example `mentormail init` writes.
    public static let example = """
    # mentormail.toml: the settings of one mentoring program.
    # Relative paths are relative to this file's folder.

    [program]
    name = "OpenStack Mentoring"
    # Participants write here and every answer comes from here.
    address = "mentoring@example.org"
    # Who may send commands and form exports, and who gets reports.
    coordinators = ["coordinator@example.org"]
    # The SQLite database with all state (created on first run).
    database = "mentormail.sqlite"
    # The mail templates (NAME.txt.mustache and NAME.html.mustache).
    templates = "templates"

    [mailbox]
    # Where mail to the program arrives. As written, a local Maildir (the folder "mailbox"
    # next to this file), so a first `mentormail process` works with nothing else. For your
    # mail server use imap://HOST:PORT/FOLDER (STARTTLS per `starttls`) or imaps://HOST:PORT/FOLDER:
    url = "maildir:mailbox"
    # url = "imaps://imap.example.org/INBOX"
    # user = "mentoring"
    # password_env = "MENTORMAIL_IMAP_PASSWORD"   # the NAME of an environment variable holding
    #                                             # the password; never the password itself
    # starttls = "required"      # "required", "if-available" (default) or "never"
    # ca_file = "ca.pem"         # trust these certificate authorities instead of the system's
    # move_to = "Processed"      # move processed messages to this (existing) folder

    [smtp]
    # How answers leave. As written, each outgoing message is written as an .eml file into
    # the folder "outbox" (nothing is sent). For your mail server use smtp://HOST:PORT
    # (STARTTLS per `starttls`) or smtps://HOST:PORT:
    url = "dir:outbox"
    # url = "smtps://smtp.example.org:465"
    # user = "mentoring"
    # password_env = "MENTORMAIL_SMTP_PASSWORD"
    # starttls = "required"
    # ca_file = "ca.pem"

    # [enrollment]                           # how people join (defaults shown)
    # capacity_min = 1                       # mentees a mentor may take at once
    # capacity_max = 5
    # round_opens = ["01-15", "04-15", "07-15", "10-15"]
    # trusted_authserv_id = "mx.example.org" # our mail server's Authentication-Results name:
    #                                        # coordinators' DKIM/DMARC pass is read from it
    # [enrollment.areas]                     # area = words that mean it; replaces the default list
    # nova = ["Nova", "compute"]
    # [enrollment.import_headers]            # odd form-export headers = field
    # "What should we call you?" = "name"

    # [checkin]                              # the check-in survey after an introduction (defaults shown)
    # after_days = 90                        # days after the introduction: both sides get it
    # reminder_after_days = 7                # then one reminder to whoever has not answered

    # [events]                               # Speed Mentoring events (defaults shown)
    # groups_before_hours = 24               # rotations formed and schedules sent this long before the start

    # [matching]                             # points and rules for matching (defaults shown)
    # shared_area = 10
    # shared_interaction = 3
    # mentoring_type = 5
    # time_zone_closeness = 1
    # same_region = 15
    # minimum_overlap_hours = 4
    # waking_from = 8
    # waking_until = 22

    """
}
