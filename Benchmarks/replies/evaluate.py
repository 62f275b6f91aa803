"""Reads every case in cases/ with MentorMail's reply extractor and with the Python reply
parsers that are installed, and prints the share each reads right.

    python3 evaluate.py MENTORMAIL_BINARY [CASES_DIR] [--show PARSER]

A case is NNN-shape-lang.eml with NNN-shape-lang.expected.txt beside it (the text the person
wrote). A reading is right when it equals the expected text with all whitespace collapsed.
MentorMail is run as `mentormail parse-mail --json` (its `reply` key). The Python parsers get
the message's text/plain part; for a message with only HTML they get the text MentorMail
converts the whole HTML to (its `text` key), and talon is also run on the HTML itself.
"""
import email, email.policy, glob, json, os, subprocess, sys, tempfile

def normalised(text):
    return " ".join((text or "").split())

def plain_part(path):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    return (plain.get_content() if plain else None), (html.get_content() if html else None)

def parse_mail(binary, paths):
    out = subprocess.run([binary, "parse-mail", "--json"] + paths, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]

def html_to_text(binary, documents):
    """MentorMail's HTML → text for each HTML document (through parse-mail on a one-part message)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, document in enumerate(documents):
            path = os.path.join(folder, f"{index:04d}.eml")
            with open(path, "wb") as f:
                f.write(b"Content-Type: text/html; charset=utf-8\n\n" + document.encode("utf-8"))
            paths.append(path)
        return [summary["text"] or "" for summary in parse_mail(binary, paths)] if paths else []

def python_parsers():
    """(name, function from (text, html) to the new text) for each parser that imports."""
    parsers = []
    try:
        from email_reply_parser import EmailReplyParser
        parsers.append(("email_reply_parser", lambda text, html: EmailReplyParser.parse_reply(text)))
    except ImportError:
        print("email_reply_parser is not installed: skipped", file=sys.stderr)
    try:
        from mailparser_reply import EmailReplyParser as MultiLanguageParser
        languages = ["en", "de", "cs", "da", "es", "fr", "it", "ja", "ko", "nl", "pl", "sv", "zh"]
        parser = MultiLanguageParser(languages=languages)
        parsers.append(("mail-parser-reply", lambda text, html: parser.parse_reply(text=text)))
    except ImportError:
        print("mail-parser-reply is not installed: skipped", file=sys.stderr)
    try:
        import talon
        from talon import quotations
        from talon.signature.bruteforce import extract_signature
        talon.init()
        parsers.append(("talon (quotations)", lambda text, html: quotations.extract_from_plain(text)))
        parsers.append(("talon (quotations + signature)",
                        lambda text, html: extract_signature(quotations.extract_from_plain(text))[0]))
        parsers.append(("talon (HTML when there is no text part)",
                        lambda text, html: ("HTML", quotations.extract_from_html(html)) if html is not None
                        else quotations.extract_from_plain(text)))
    except ImportError:
        print("talon is not installed: skipped", file=sys.stderr)
    try:
        import quotequail
        def unwrap(text, html):
            found = quotequail.unwrap(text)
            if found is None:
                return "\n".join(part for new, part in quotequail.quote(text) if new)
            return found.get("text_top", "")
        parsers.append(("quotequail (unwrap)", unwrap))
    except ImportError:
        print("quotequail is not installed: skipped", file=sys.stderr)
    return parsers

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--show")]
    show = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--show=")), None)
    binary = args[0]
    folder = args[1] if len(args) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
    paths = sorted(glob.glob(os.path.join(folder, "*.eml")))
    expected = [open(p[:-4] + ".expected.txt", encoding="utf-8").read() for p in paths]
    summaries = parse_mail(binary, paths)
    inputs = []
    for path, summary in zip(paths, summaries):
        plain, html = plain_part(path)
        inputs.append((plain, None) if plain is not None else (summary["text"] or "", html))
    is_html = [html is not None for _, html in inputs]

    results = [("MentorMail", [s["reply"] or "" for s in summaries])]
    for name, parse in python_parsers():
        readings, pending = [], []
        for index, (text, html) in enumerate(inputs):
            try:
                reading = parse(text, html)
            except Exception as error:  # a parser that fails reads the case wrong
                reading = f"(failed: {error})"
            if isinstance(reading, tuple):
                pending.append(index)
                reading = reading[1]
            readings.append(reading or "")
        for index, text in zip(pending, html_to_text(binary, [readings[i] for i in pending])):
            readings[index] = text
        results.append((name, readings))

    total, html_total = len(paths), sum(is_html)
    print(f"{total} cases ({total - html_total} with a text part, {html_total} HTML only)\n")
    print(f"{'reader':<42} {'right':>9} {'share':>7} {'text':>9} {'HTML':>9}")
    for name, readings in results:
        right = [normalised(r) == normalised(e) for r, e in zip(readings, expected)]
        plain_right = sum(r for r, h in zip(right, is_html) if not h)
        html_right = sum(r for r, h in zip(right, is_html) if h)
        print(f"{name:<42} {sum(right):>4}/{total:<4} {100 * sum(right) / total:>6.1f}% "
              f"{plain_right:>4}/{total - html_total:<4} {html_right:>4}/{html_total:<4}")
        if show and name.startswith(show):
            for path, reading, wanted, ok in zip(paths, readings, expected, right):
                if not ok:
                    print(f"  -- {os.path.basename(path)}\n     read:     {normalised(reading)[:300]}\n     expected: {normalised(wanted)[:300]}")

if __name__ == "__main__":
    main()
