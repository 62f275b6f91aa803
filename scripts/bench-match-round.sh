#!/usr/bin/env bash
# Benchmarks a real round at scale: builds mentormail in release, writes a seeded CSV export of
# 12 500 sign-ups (10 000 mentees, 2 500 mentors with capacity 1–4; areas, languages, time zones
# and ways to meet drawn from realistic shares), then runs `init`, `import FILE.csv`,
# `round open` and `match --round R --dry-run --json` in a temporary folder, each under
# /usr/bin/time -v, and prints wall seconds and peak RSS of import and match, and the pairs,
# unmatched count and total score of the proposal.
# Usage: scripts/bench-match-round.sh [--mentees N] [--mentors M] [--seed S] [--keep]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MENTEES=10000 MENTORS=2500 SEED=1 KEEP=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --mentees) MENTEES=$2; shift 2 ;;
    --mentors) MENTORS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "usage: $0 [--mentees N] [--mentors M] [--seed S] [--keep]" >&2; exit 2 ;;
  esac
done
say() { echo "bench-match-round: $*" >&2; }
[[ -x /usr/bin/time ]] || { say "installing GNU time"; apt-get install -y -qq time >/dev/null; }

say "building mentormail (release)"
swift build -c release --package-path "$REPO" --product mentormail >&2
BIN=$(swift build -c release --package-path "$REPO" --show-bin-path)/mentormail

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mentormail-round-bench.XXXXXX")
if [[ $KEEP == 0 ]]; then trap 'rm -rf "$WORK"' EXIT; else say "keeping $WORK"; fi
CSV=$WORK/signups.csv
NOW=2027-01-10T09:00:00Z

python3 - "$CSV" "$MENTEES" "$MENTORS" "$SEED" <<'PY'
import csv, random, sys
path, mentees, mentors, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
def pick(weighted):
    """One value of a [(value, weight)] list."""
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]
AREAS = [("Nova", 9), ("Neutron", 8), ("Cinder", 5), ("Swift", 4), ("Keystone", 5), ("Glance", 3),
         ("Horizon", 4), ("Ironic", 3), ("Heat", 2), ("Manila", 2), ("Octavia", 2), ("Kolla", 3),
         ("OpenStack-Ansible", 2), ("Documentation", 7), ("upstream training", 6), ("Community", 6),
         ("release management", 2), ("Infrastructure", 4), ("UX", 2), ("translation", 3), ("Security", 4),
         ("QA", 4), ("Oslo", 2), ("governance", 1)]
FREE = ["Ceph integration", "edge computing", "Kubernetes on OpenStack", "telemetry", "GPU scheduling",
        "hardware offload", "StarlingX", "public speaking"]
# (zone as people write it, share, languages often spoken there)
ZONES = [("America/Los_Angeles", 8, ["English", "Spanish"]), ("America/New_York", 9, ["English", "Spanish"]),
         ("America/Chicago", 4, ["English"]), ("America/Sao_Paulo", 7, ["Portuguese", "English"]),
         ("America/Mexico_City", 3, ["Spanish", "English"]), ("Europe/London", 6, ["English"]),
         ("Europe/Berlin", 7, ["German", "English"]), ("Europe/Paris", 5, ["French", "English"]),
         ("Europe/Madrid", 3, ["Spanish", "English"]), ("Europe/Warsaw", 3, ["Polish", "English"]),
         ("Europe/Moscow", 2, ["Russian", "English"]), ("Africa/Lagos", 3, ["English"]),
         ("Africa/Nairobi", 2, ["English", "Swahili"]), ("Asia/Kolkata", 10, ["English", "Hindi"]),
         ("Asia/Shanghai", 9, ["Chinese", "English"]), ("Asia/Tokyo", 5, ["Japanese", "English"]),
         ("Asia/Seoul", 3, ["Korean", "English"]), ("Asia/Singapore", 2, ["English", "Chinese"]),
         ("Australia/Sydney", 3, ["English"]), ("UTC", 1, ["English"]), ("Barcelona", 1, ["Spanish", "Catalan", "English"]),
         ("UTC+2", 1, ["English"]), ("Beijing", 2, ["Chinese"]), ("Bangalore", 2, ["English", "Hindi"])]
MEDIA = [("Email", 6), ("IRC", 3), ("Video", 6), ("Chat", 4), ("In person", 1)]
FIRST = ["Ana", "Li", "Wei", "Priya", "Olga", "Maria", "Fatima", "Yuki", "Sofia", "Aisha", "Chen", "Lucia", "Ngozi",
         "Elena", "Mei", "Amara", "Ines", "Hana", "Zara", "Julia", "Rahul", "Diego", "Tom", "Kenji", "Omar", "Sam"]
LAST = ["Souza", "Wang", "Sharma", "Ivanova", "Garcia", "Khan", "Tanaka", "Rossi", "Okafor", "Silva", "Liu",
        "Müller", "Dubois", "Kowalska", "Kim", "Mensah", "Nakamura", "Lopez", "Patel", "Novak", "Smith"]
with open(path, "w", newline="") as f:
    out = csv.writer(f, quoting=csv.QUOTE_ALL)
    out.writerow(["Timestamp", "Email Address", "Your name", "Are you signing up as a mentor or mentee?",
                  "What type of mentoring are you interested in?", "Which areas of the community interest you?",
                  "Time zone or city", "Languages you speak", "How would you like to meet?",
                  "How many mentees can you take?", "About you"])
    people = [("Mentee", i) for i in range(mentees)] + [("Mentor", i) for i in range(mentors)]
    rng.shuffle(people)
    for n, (role, i) in enumerate(people):
        zone, _, spoken = pick([((z, s, l), s) for z, s, l in ZONES])
        languages = list(spoken) if rng.random() < 0.8 else [spoken[0]]
        if rng.random() < 0.1:
            languages.append(rng.choice(["English", "Spanish", "French", "German", "Portuguese", "Chinese"]))
        languages = list(dict.fromkeys(languages))
        areas = list(dict.fromkeys(pick(AREAS) for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 3, 4]))))
        if rng.random() < 0.05:
            areas.append(rng.choice(FREE))
        media = list(dict.fromkeys(pick(MEDIA) for _ in range(rng.choice([1, 1, 2, 2, 3]))))
        kind = pick([("Technical", 6), ("Career", 2), ("Technical, Career", 3)])
        capacity = str(rng.randint(1, 4)) if role == "Mentor" else ""
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        email = f"{role.lower()}{i}@example.org"
        about = rng.choice(["", "I work on cloud infrastructure.", "New to open source.", "Core reviewer for years.",
                            "Operator at a university.", "Looking to grow as a contributor."])
        out.writerow([f"2026/12/{1 + n % 28:02d} 10:00:00 AM GMT+1", email, name, role, kind, ";".join(areas),
                      zone, ", ".join(languages), ";".join(media), capacity, about])
PY
say "wrote $(($(wc -l <"$CSV") - 1)) rows to $CSV"

CONFIG=$WORK/mentormail.toml
"$BIN" init --config "$CONFIG" >/dev/null

# Runs a command under /usr/bin/time -v; sets WALL (seconds) and PEAK (MB) from its report.
timed() {
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || {
    say "$name failed:"; cat "$WORK/$name.err" >&2; exit 1; }
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/$name.time")
  PEAK=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$name.time")
}

timed import "$BIN" import "$CSV" --config "$CONFIG" --now "$NOW" --quiet
IMPORT_WALL=$WALL IMPORT_PEAK=$PEAK
say "import: $(head -1 "$WORK/import.out")"
"$BIN" round open 2027-Q1 --closes 2027-02-15 --config "$CONFIG" --now "$NOW" --quiet >&2
timed match "$BIN" match --round 2027-Q1 --dry-run --json --config "$CONFIG" --now "$NOW" --quiet
read -r PAIRS UNMATCHED TOTAL < <(python3 -c '
import json, sys
view = json.load(open(sys.argv[1]))
print(len(view["pairs"]), len(view["unmatched"]), view["totalScore"])' "$WORK/match.out")

echo "Round of $MENTEES mentees x $MENTORS mentors (capacity 1-4), seed $SEED, release build, whole process:"
printf '  %-7s %8.2f s  %6s MB peak\n' import "$IMPORT_WALL" "$IMPORT_PEAK" match "$WALL" "$PEAK"
echo "  proposal: $PAIRS pairs, $UNMATCHED unmatched, total score $TOTAL"
