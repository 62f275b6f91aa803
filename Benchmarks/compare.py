#!/usr/bin/env python3
"""Compares MatchingCore with scipy and the PyPI `matching` package on the same instances.

For each density, `matching-bench` (Swift, release) generates a seeded instance, solves it
(optimal and stable), and writes the instance and both results as the `--scores` JSON formats.
Then, each in its own process so that its memory is its own (VmHWM from /proc/self/status: "peak"
is from the instance in memory, before reading JSON on scipy's side, to the end of the solve;
"+solve" is the rise over the resident size just before solving, VmHWM being reset there):

- scipy.optimize.linear_sum_assignment solves the slot-expanded dense matrix (one column per
  unit of mentor capacity) with lexicographic weights: bigM + score for an allowed pair, 0 for a
  forbidden one (a pair of weight 0 counts as unmatched), bigM = K*S + 1 as in MatchingCore;
- our optimal result is checked independently (pairs are allowed, scores right, capacities kept)
  and must have the same matched count and total as scipy's;
- our stable result must have no blocking pair (checked here, vectorised), and on the instances
  listed in STABLE_CASES it must equal matching's HospitalResident resident-optimal solution.

Score shapes: "profile" (a latent-profile model: few distinct values, as real profiles give) at
every density of --densities, and "uniform" (1-1000, independent per pair) at --uniform-densities.

Usage (normally through scripts/bench-matching.sh):
  compare.py --bench PATH/matching-bench --work DIR [--quick] [--densities 0.01,0.05,0.2,1]
             [--uniform-densities 0.01,0.05]
             [--repeat 5] [--scipy-repeat 3] [--seed 1] [--no-stable-comparison]
Exits non-zero if any result differs.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

# (mentees, mentors, density) on which matching's HospitalResident runs. Its game constructor
# deep-copies every player (about 75 s for 250 000 edges), so the denser cases are smaller.
STABLE_CASES = [(10000, 2500, 0.01), (2500, 625, 0.05), (2500, 625, 0.2), (1000, 250, 1.0)]
QUICK_STABLE_CASES = [(2000, 500, 0.01), (1000, 250, 0.2)]


def run_child(args, stdout_path):
    """Runs a process to completion with its stdout in a file; returns its exit code."""
    with open(stdout_path, "w") as out:
        return subprocess.run(args, stdout=out).returncode


def worker(mode, *args):
    """Re-runs this script as a worker process (its memory is its own), returning its JSON output."""
    out = os.path.join(WORK, f"{mode}.out.json")
    code = run_child([sys.executable, __file__, mode, *args], out)
    if code != 0:
        sys.exit(f"compare: worker {mode} failed with exit code {code}")
    with open(out) as f:
        return json.load(f)


def memory():
    """(resident MiB now, peak MiB since the last reset_peak) of this process, from /proc."""
    with open("/proc/self/status") as f:
        fields = dict(line.split(":", 1) for line in f)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def reset_peak():
    """Starts a new peak measurement (Linux: writing 5 to clear_refs resets VmHWM)."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


# --- instance loading ------------------------------------------------------------------------

def load_instance(path):
    """Reads a `--scores` JSON file into numpy arrays (ids must be decimal strings 0..n-1)."""
    import numpy as np
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        data = f.read()
    if size < 64 << 20:
        doc = json.loads(data)
        header_mentors, header_mentees = doc["mentors"], doc["mentees"]
        scores = doc["scores"]
        triples = np.array([[int(s["mentee"]), int(s["mentor"]), int(s["score"])] for s in scores],
                           dtype=np.int64).reshape(-1, 3)
    else:
        # Too large for json.load in reasonable memory: read the header with json, and the scores
        # (written one object per line by matching-bench) as numbers.
        at = data.index(b'"scores":[')
        header = json.loads(data[:at].rstrip(b",\n") + b"}")
        header_mentors, header_mentees = header["mentors"], header["mentees"]
        body = data[at + len(b'"scores":['):]
        del data
        count = body.count(b"{")
        table = bytes(c if chr(c).isdigit() else 32 for c in range(256))
        numbers = np.fromstring(body.translate(table), dtype=np.int64, sep=" ")
        del body
        triples = numbers.reshape(-1, 3)
        if len(triples) != count:
            sys.exit("compare: the scores array is not in matching-bench's one-object-per-line form")
    mentor_ids = [int(m["id"]) for m in header_mentors]
    mentee_ids = [int(m["id"]) for m in header_mentees]
    if mentor_ids != list(range(len(mentor_ids))) or mentee_ids != list(range(len(mentee_ids))):
        sys.exit("compare: expected ids 0..n-1 in order")
    caps = np.array([int(m["capacity"]) for m in header_mentors], dtype=np.int64)
    return (len(mentee_ids), caps, triples[:, 0].astype(np.int64), triples[:, 1].astype(np.int64),
            triples[:, 2].astype(np.int64))


def big_m(n, caps, mentee, mentor, score):
    """K*S + 1, with K = min(mentees with an edge, sum of min(capacity, degree)), as in MatchingCore."""
    import numpy as np
    if len(score) == 0:
        return 1
    degree = np.bincount(mentor, minlength=len(caps))
    k = min(len(np.unique(mentee)), int(np.minimum(caps, degree).sum()))
    return k * int(score.max()) + 1


# --- workers (each in its own process) --------------------------------------------------------

def scipy_worker(instance, repeat):
    import numpy as np
    import scipy
    from scipy.optimize import linear_sum_assignment
    import gc
    n, caps, mentee, mentor, score = (np.asarray(a, dtype=np.int32) if i else a
                                      for i, a in enumerate(load_instance(instance)))
    gc.collect()
    # Memory from here on: the instance in compact arrays, then the matrix, then the solve.
    reset_peak()
    bigm = big_m(n, caps, mentee, mentor, score.astype(np.int64))
    first_slot = np.concatenate([[0], np.cumsum(caps)[:-1]])
    weights = np.zeros((n, int(caps.sum())), dtype=np.float64)
    for c in range(int(caps.max(initial=0))):
        keep = caps[mentor] > c
        weights[mentee[keep], first_slot[mentor[keep]] + c] = bigm + score[keep].astype(np.int64)
    del mentee, mentor, score, keep
    gc.collect()
    process_peak = memory()[1]
    baseline = memory()[0]
    reset_peak()
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        rows, cols = linear_sum_assignment(weights, maximize=True)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    chosen = weights[rows, cols]
    matched = chosen > 0
    total = int(round(float((chosen[matched] - bigm).sum())))
    extra = memory()[1] - baseline
    print(json.dumps({"wall": walls, "cpu": cpus, "matched": int(matched.sum()), "total": total,
                      "solveExtraMiB": extra, "processPeakMiB": max(process_peak, memory()[1]),
                      "scipy": scipy.__version__, "shape": list(weights.shape)}))


def matching_worker(instance):
    import threading
    import numpy as np
    from matching.games import HospitalResident
    n, caps, mentee, mentor, score = load_instance(instance)
    order = np.lexsort((mentor, -score, mentee))  # per mentee: best score, then lower mentor
    resident_prefs = {}
    for k in order:
        resident_prefs.setdefault(int(mentee[k]), []).append(int(mentor[k]))
    order = np.lexsort((mentee, -score, mentor))  # per mentor: best score, then lower mentee
    hospital_prefs = {}
    for k in order:
        hospital_prefs.setdefault(int(mentor[k]), []).append(int(mentee[k]))
    capacities = {j: int(caps[j]) for j in hospital_prefs}
    result = {}

    def solve():
        t = time.perf_counter()
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
        result["createSeconds"] = time.perf_counter() - t
        t = time.perf_counter()
        solution = game.solve(optimal="resident")
        result["solveSeconds"] = time.perf_counter() - t
        result["pairs"] = sorted([int(r.name), int(h.name)] for h, rs in solution.items() for r in rs)

    # The game deep-copies its players recursively: give it room.
    sys.setrecursionlimit(10 ** 7)
    threading.stack_size(1 << 30)
    thread = threading.Thread(target=solve)
    thread.start()
    thread.join()
    if "pairs" not in result:
        sys.exit("compare: matching failed")
    result["processPeakMiB"] = memory()[1]
    print(json.dumps(result))


# --- checks ------------------------------------------------------------------------------------

def check_ours(instance_arrays, output, stable):
    """Independent checks of one of our outputs: feasibility, totals, and (stable) no blocking pair."""
    import numpy as np
    n, caps, mentee, mentor, score = instance_arrays
    pairs = np.array([[int(p["mentee"]), int(p["mentor"]), int(p["score"])] for p in output["pairs"]],
                     dtype=np.int64).reshape(-1, 3)
    problems = []
    if len(np.unique(pairs[:, 0])) != len(pairs):
        problems.append("a mentee is matched twice")
    if (np.bincount(pairs[:, 1], minlength=len(caps)) > caps).any():
        problems.append("a mentor is over capacity")
    lookup = np.full((n, len(caps)), -1, dtype=np.int64)
    lookup[mentee, mentor] = score
    if len(pairs) and (lookup[pairs[:, 0], pairs[:, 1]] != pairs[:, 2]).any():
        problems.append("a pair is not allowed or has the wrong score")
    del lookup
    if int(pairs[:, 2].sum()) != output["total"]:
        problems.append("total is not the sum of the pairs")
    if sorted(set(range(n)) - set(pairs[:, 0].tolist())) != sorted(int(u) for u in output["unmatched"]):
        problems.append("unmatched list is wrong")
    if stable:
        mate = np.full(n, -1, dtype=np.int64)
        mate_score = np.full(n, -1, dtype=np.int64)
        mate[pairs[:, 0]] = pairs[:, 1]
        mate_score[pairs[:, 0]] = pairs[:, 2]
        load = np.bincount(pairs[:, 1], minlength=len(caps))
        # Each mentor's least preferred held mentee: lowest score, then highest index.
        worst_score = np.full(len(caps), np.iinfo(np.int64).max)
        worst_mentee = np.full(len(caps), -1)
        for i, j, s in sorted(pairs.tolist(), key=lambda p: (p[2], -p[0]), reverse=True):
            worst_score[j], worst_mentee[j] = s, i
        free = mate[mentee] != mentor
        mentee_wants = (mate[mentee] < 0) | (score > mate_score[mentee]) | (
            (score == mate_score[mentee]) & (mentor < mate[mentee]))
        mentor_wants = (load[mentor] < caps[mentor]) | (score > worst_score[mentor]) | (
            (score == worst_score[mentor]) & (mentee < worst_mentee[mentor]))
        blocking = int((free & mentee_wants & mentor_wants).sum())
        if blocking:
            problems.append(f"{blocking} blocking pairs")
    return problems


# --- main ---------------------------------------------------------------------------------------

def median(values):
    return statistics.median(values) if values else float("nan")


def run_bench(bench, mentees, mentors, density, seed, repeat, extra=(), shape="profile"):
    out_dir = os.path.join(WORK, f"{mentees}x{mentors}-{density}-{shape}")
    os.makedirs(out_dir, exist_ok=True)
    stats_path = os.path.join(out_dir, "stats.json")
    code = run_child([bench, "--mentees", str(mentees), "--mentors", str(mentors),
                              "--density", str(density), "--seed", str(seed), "--repeat", str(repeat),
                              "--out", out_dir, "--shape", shape, *extra], stats_path)
    if code != 0:
        sys.exit(f"compare: matching-bench failed with exit code {code}")
    with open(stats_path) as f:
        stats = json.load(f)
    stats["dir"] = out_dir
    return stats


def main():
    global WORK
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--quick", action="store_true", help="small instances, for a smoke test")
    parser.add_argument("--densities", default="0.01,0.05,0.2,1")
    parser.add_argument("--uniform-densities", default="0.01,0.05")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scipy-repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-stable-comparison", action="store_true")
    args = parser.parse_args()
    WORK = args.work
    os.makedirs(WORK, exist_ok=True)
    mentees, mentors = (2000, 500) if args.quick else (10000, 2500)
    cases = [("profile", float(d)) for d in args.densities.split(",")] + \
        [("uniform", float(d)) for d in args.uniform_densities.split(",") if d]
    failures = []

    print(f"Optimal assignment, {mentees} mentees x {mentors} mentors (capacity 1-4), seed {args.seed}; "
          f"ours: median of {args.repeat}, scipy: median of {args.scipy_repeat} (wall s / CPU s)")
    header = (f"{'shape':>7} {'density':>7} {'edges':>10} {'matched':>7} {'total':>9} {'ours':>13} {'scipy':>13} "
              f"{'ratio':>6} {'ours peak':>9} {'scipy peak':>10} {'ours +solve':>11} {'scipy +solve':>12}")
    print(header)
    for shape, density in cases:
        stats = run_bench(args.bench, mentees, mentors, density, args.seed, args.repeat,
                          ["--raw"] if density <= 0.05 else [], shape=shape)
        instance = os.path.join(stats["dir"], "instance.json")
        sp = worker("scipy-worker", instance, str(args.scipy_repeat))
        arrays = load_instance(instance)
        with open(os.path.join(stats["dir"], "optimal.json")) as f:
            ours = json.load(f)
        with open(os.path.join(stats["dir"], "stable.json")) as f:
            ours_stable = json.load(f)
        problems = check_ours(arrays, ours, stable=False) + check_ours(arrays, ours_stable, stable=True)
        del arrays
        if (len(ours["pairs"]), ours["total"]) != (sp["matched"], sp["total"]):
            problems.append(f"ours {len(ours['pairs'])} pairs / {ours['total']} vs scipy {sp['matched']} / {sp['total']}")
        if problems:
            failures.append(f"{shape} density {density}: " + "; ".join(problems))
        ours_wall, ours_cpu = median(stats["optimalSeconds"]), median(stats["optimalCPUSeconds"])
        sp_wall, sp_cpu = median(sp["wall"]), median(sp["cpu"])
        print(f"{shape:>7} {density:>7} {stats['edges']:>10} {sp['matched']:>7} {sp['total']:>9} "
              f"{ours_wall:>6.3f}/{ours_cpu:<6.3f} {sp_wall:>6.2f}/{sp_cpu:<6.2f} {sp_cpu / ours_cpu:>5.1f}x "
              f"{stats['optimalProcessPeakMiB']:>7.0f}Mi {sp['processPeakMiB']:>8.0f}Mi "
              f"{stats['optimalExtraMiB']:>9.0f}Mi {sp['solveExtraMiB']:>10.0f}Mi  "
              f"({'OK' if not problems else 'DIFFERENT'}; rounds {stats['rounds']}, "
              f"{stats['candidateEdges']} candidate edges, certificate check {stats['checkSeconds']:.3f}s"
              + (f", --scores path {stats['rawSeconds']:.3f}s" if "rawSeconds" in stats else "")
              + (f", JSON read {stats['readJSONSeconds']:.3f}s (JSONDecoder {stats['decodeJSONSeconds']:.2f}s)"
                 if "readJSONSeconds" in stats else "") + ")")
        print(f"{'':>15} stable (ours): {median(stats['stableSeconds']):.3f}s, {stats['stableMatched']} pairs, "
              f"total {stats['stableTotal']} ({100 * stats['stableTotal'] / max(1, ours['total']):.1f}% of optimal), "
              f"blocking pairs {stats['blockingPairs']}, +{stats['stableExtraMiB']:.0f}Mi")

    if not args.no_stable_comparison:
        print("\nStable matching (mentee-proposing) vs matching.games.HospitalResident (resident-optimal)")
        print(f"{'instance':>20} {'edges':>9} {'ours':>8} {'matching create+solve':>22} {'ratio':>7} "
              f"{'ours peak':>9} {'matching peak':>13} same pairs")
        for n, m, density in (QUICK_STABLE_CASES if args.quick else STABLE_CASES):
            stats = run_bench(args.bench, n, m, density, args.seed, args.repeat)
            instance = os.path.join(stats["dir"], "instance.json")
            result = worker("matching-worker", instance)
            with open(os.path.join(stats["dir"], "stable.json")) as f:
                ours_stable = json.load(f)
            ours_pairs = sorted([int(p["mentee"]), int(p["mentor"])] for p in ours_stable["pairs"])
            same = ours_pairs == result["pairs"]
            if not same:
                failures.append(f"stable {n}x{m} density {density}: pairs differ from matching's")
            theirs = result["createSeconds"] + result["solveSeconds"]
            ours_time = median(stats["stableSeconds"])
            print(f"{f'{n}x{m} @{density}':>20} {stats['edges']:>9} {ours_time:>7.3f}s "
                  f"{result['createSeconds']:>10.2f}+{result['solveSeconds']:<.2f}s {theirs / ours_time:>6.0f}x "
                  f"{stats['stableProcessPeakMiB']:>7.0f}Mi {result['processPeakMiB']:>11.0f}Mi {'yes' if same else 'NO'}")

    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("\nAll results agree.")


WORK = "."
if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "scipy-worker":
        scipy_worker(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "matching-worker":
        matching_worker(sys.argv[2])
    else:
        main()
