#!/usr/bin/env python3
"""The Python side of scripts/bench-mail.sh: parses CORPUS/00000.eml ... one at a time with
the standard library (policy.default, get_body(('plain', 'html')), get_content()) and prints
one JSON line in the same shape as the Swift mail-bench.

    bench_python.py CORPUS COUNT
"""
import email
import email.policy
import json
import resource
import sys
import time


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    corpus, count = argv[1], int(argv[2])
    total = with_text = text_bytes = errors = 0
    start = time.perf_counter()
    for index in range(count):
        with open(f"{corpus}/{index:05d}.eml", "rb") as f:
            data = f.read()
        total += len(data)
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(("plain", "html"))
        if body is None:
            continue
        try:
            text = body.get_content()
        except Exception:  # an unknown charset or a broken part: counted, as the Swift side never fails
            errors += 1
            continue
        with_text += 1
        text_bytes += len(text.encode("utf-8", "surrogateescape"))
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"side": "python", "messages": count, "bytes": total, "seconds": seconds,
                      "cpu_seconds": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss,
                      "with_text": with_text, "text_bytes": text_bytes, "errors": errors}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
