#!/usr/bin/python3
"""run.py - the benchmark `make bench` runs (bench/README.md says what and why).

For bench/inventory.ini and bench/mm1.ini it runs servlab and the same model written
with SimPy alternately, RUNS times each (environment BENCH_RUNS, default 5), checks
that both give the same figures within their noise, and prints seconds per replication
(median, min, max), servlab's events per second and the servlab/SimPy speed ratio (the
median of the pairwise ratios). Then: 20 replications on 1 and 2 threads, peak memory
at 1x and 10x the horizon, and the targets of bench/README.md with what was measured.

What is timed: servlab, one call of model_run (one replication: setting up its random
streams and model, simulating, computing the metrics), measured inside the process by
build/bench/bench; SimPy, one env.run(until=horizon) measured inside the script. Neither
counts process start-up, reading the scenario or printing; servlab's start-up is
reported on its own line. Exit status 1 when the two simulators disagree or a run fails.
Run with /usr/bin/python3 (Debian's, which has python3-simpy3).
"""
import math
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("BUILD", "build")
BENCH = os.path.join(ROOT, BUILD, "bench", "bench")
BARE = os.path.join(ROOT, BUILD, "bench", "bare_inventory")
BARE_DEFAULT = os.path.join(ROOT, BUILD, "bench", "bare_default")
SERVLAB = os.path.join(ROOT, "servlab")
SERVLAB_MPI = os.path.join(ROOT, "servlab-mpi")
PYTHON = "/usr/bin/python3"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# two means agree when they differ by less than this many standard errors of the difference
AGREE_SE = 4.0

MODELS = [
    {
        "name": "inventory",
        "title": "bench/inventory.ini: Poisson 100 orders/day, (s, Q) = (120, 300), lead time 1, lost sales, 10,000 days",
        "ini": "bench/inventory.ini",
        "simpy": "bench/simpy_inventory.py",
        "figures": ["fill_rate", "mean_on_hand"],
        "exact": {},
    },
    {
        "name": "mm1",
        "title": "bench/mm1.ini: M/M/1 order processing, lambda 0.9, mu 1, 1,111,111 days (about 1,000,000 orders)",
        "ini": "bench/mm1.ini",
        "simpy": "bench/simpy_mm1.py",
        "figures": ["order_cycle_days_mean"],
        "exact": {"order_cycle_days_mean": 10.0},
    },
]


def fail(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(1)


# The CPU that the single-process timings (one replication of servlab, its bare loop or
# SimPy) run on, all of them, so that a pairwise ratio compares like with like: on the
# virtual machines this runs on, one CPU was at times a third slower than the other
# (bench/README.md), and where the scheduler put a run decided its time.
PIN_CPU = max(os.sched_getaffinity(0))


# The CPUs a 1-thread or 1-rank reference run is held to, in turn, when 2 threads or 2
# ranks are judged against it: this machine's virtual CPUs are not equally fast (by a
# third to two thirds at times: bench/README.md, "The MPI sweep's 1-rank reference on each
# CPU" and "The threads' 1-thread reference on each CPU"), so each speed-up is judged
# against 1 thread's or rank's time at the CPUs' mean rate (at_mean_rate).
REFERENCE_CPUS = sorted(os.sched_getaffinity(0))[:2]


def run(cmd, pinned=False, cpus=None):
    """stdout of cmd, which must succeed; pinned: on PIN_CPU; cpus: on that set of CPUs."""
    held = {PIN_CPU} if pinned else cpus
    pin = (lambda: os.sched_setaffinity(0, held)) if held else None
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=pin)
    if p.returncode != 0:
        fail("%s failed (exit %d): %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
    return p.stdout


def parse_rows(text):
    lines = text.strip().splitlines()
    head = lines[0].split(",")
    return [dict(zip(head, line.split(","))) for line in lines[1:]]


def servlab_rep(model, rep):
    row = parse_rows(run([BENCH, "time", model["ini"], "--first", str(rep), "--reps", "1"], pinned=True))[0]
    return {k: float(v) for k, v in row.items()}


def bare_rep(rep):
    row = parse_rows(run([BARE, "--first", str(rep), "--reps", "1"], pinned=True))[0]
    return {k: float(v) for k, v in row.items()}


def simpy_rep(model, seed):
    out = {}
    for line in run([PYTHON, model["simpy"], str(seed)], pinned=True).strip().splitlines():
        k, v = line.split(",")
        out[k] = float(v)
    return out


def summary(xs):
    return "median %8.4f  min %8.4f  max %8.4f" % (statistics.median(xs), min(xs), max(xs))


def cpu_sample():
    """(all CPU time, idle CPU time, CPU time of this script's children), in seconds."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    tick = os.sysconf("SC_CLK_TCK")
    t = os.times()
    return sum(v) / tick, (v[3] + (v[4] if len(v) > 4 else 0)) / tick, t.children_user + t.children_system


def others_share(before, after):
    """Share of all CPUs that programs other than ours kept busy between two samples."""
    total = after[0] - before[0]
    busy = total - (after[1] - before[1])
    ours = after[2] - before[2]
    return max(0.0, busy - ours) / total if total > 0 else 0.0


def cpu_busy(seconds=1.0):
    """Share of all CPUs busy over `seconds` while this script sleeps: other load."""
    a = cpu_sample()
    time.sleep(seconds)
    return others_share(a, cpu_sample())


def agree(name, a, b):
    """Welch-style comparison of two samples' means; returns (ok, text)."""
    ma, mb = statistics.mean(a), statistics.mean(b)
    sa = statistics.stdev(a) if len(a) > 1 else 0.0
    sb = statistics.stdev(b) if len(b) > 1 else 0.0
    se = math.sqrt(sa * sa / len(a) + sb * sb / len(b))
    z = abs(ma - mb) / se if se > 0 else (0.0 if ma == mb else math.inf)
    ok = z <= AGREE_SE
    return ok, "  %-22s servlab %.6g ± %.2g   SimPy %.6g ± %.2g   difference %.2f standard errors: %s" % (
        name, ma, sa / math.sqrt(len(a)), mb, sb / math.sqrt(len(b)), z, "agree" if ok else "DISAGREE")


def peak_rss_kb(cmd):
    """Run cmd under GNU time; return its peak resident set in KB. (A child forked from
    this script would carry the interpreter's own peak into ru_maxrss; time's does not.)"""
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        fail("%s failed (exit %d): %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
    return int(p.stderr.strip().splitlines()[-1])


def wall(cmd):
    t0 = time.perf_counter()
    run(cmd)
    return time.perf_counter() - t0


def bench_model(model, results):
    print()
    print(model["title"])
    print("  %d runs each, alternating; servlab replication k against SimPy seed k+1" % RUNS)
    sv, sp = [], []
    for k in range(RUNS):
        if k % 2 == 0:
            sv.append(servlab_rep(model, k))
            sp.append(simpy_rep(model, k + 1))
        else:
            sp.append(simpy_rep(model, k + 1))
            sv.append(servlab_rep(model, k))
    st = [x["seconds"] for x in sv]
    pt = [x["seconds"] for x in sp]
    ratios = [p / s for p, s in zip(pt, st)]
    eps = [x["events"] / x["seconds"] for x in sv]
    ops = [x["orders"] / x["seconds"] for x in sv]
    print("  seconds per replication   servlab  %s" % summary(st))
    print("                            SimPy    %s" % summary(pt))
    print("  servlab events per second %.3g (median; %.3g to %.3g), %.3f events per order" % (
        statistics.median(eps), min(eps), max(eps), statistics.median([x["events"] / x["orders"] for x in sv])))
    print("  servlab orders per second %.3g (median)" % statistics.median(ops))
    print("  speed ratio SimPy/servlab %.1f (median of %d pairwise ratios; %.1f to %.1f)" % (
        statistics.median(ratios), len(ratios), min(ratios), max(ratios)))
    ok_all = True
    print("  figures (mean over runs ± standard error):")
    for f in model["figures"]:
        ok, text = agree(f, [x[f] for x in sv], [x[f] for x in sp])
        ok_all &= ok
        print(text)
        if f in model["exact"]:
            e = model["exact"][f]
            print("  %-22s exact %.6g (servlab %+.2f%%, SimPy %+.2f%%)" % (
                "", e, 100 * (statistics.mean([x[f] for x in sv]) / e - 1),
                100 * (statistics.mean([x[f] for x in sp]) / e - 1)))
    results[model["name"]] = {"servlab": st, "simpy": pt, "ratio": ratios, "agree": ok_all, "sv": sv}
    return ok_all


def bench_bare(results):
    """The hand-written loop: same random numbers, so the same figures to the last digit."""
    sv = results["inventory"]["sv"]
    bare = [bare_rep(k) for k in range(RUNS)]
    same = all(b["fill_rate"] == s["fill_rate"] and b["mean_on_hand"] == s["mean_on_hand"] for b, s in zip(bare, sv))
    bt = [b["seconds"] for b in bare]
    ratio = statistics.median(results["inventory"]["servlab"]) / statistics.median(bt)
    print("  reference: a bare C loop of this model (bench/bare_inventory.c, the same random numbers)")
    print("                            bare C   %s" % summary(bt))
    print("  servlab takes %.1f times as long as the bare loop; SimPy/bare loop %.0f; figures %s" % (
        ratio, statistics.median(results["inventory"]["simpy"]) / statistics.median(bt),
        "identical to servlab's to the last digit" if same else "DIFFER from servlab's"))
    return same


THREAD_RUNS_PER_CPU = 3  # 1-thread runs on each of REFERENCE_CPUS, each followed by a 2-thread run


def bench_threads(results):
    """20 replications of bench/inventory.ini through the runner: 1 thread held to each of
    REFERENCE_CPUS in turn, each run followed by 2 threads on both; the results' checksum
    must not change, nor `servlab run`'s CSV with the threads."""
    print()
    print("Threads: 20 replications of bench/inventory.ini through servlab's runner (build/bench/bench threads),")
    print("1 thread held to CPU %s in turn, each run followed by 2 threads on both, %d times each; the results'"
          % (" and ".join(map(str, REFERENCE_CPUS)), THREAD_RUNS_PER_CPU * len(REFERENCE_CPUS)))
    print("checksum must not change")
    one = {cpu: [] for cpu in REFERENCE_CPUS}
    two, sums = [], set()
    both = set(REFERENCE_CPUS)
    before = cpu_sample()
    for k in range(THREAD_RUNS_PER_CPU * len(REFERENCE_CPUS)):
        cpu = REFERENCE_CPUS[k % len(REFERENCE_CPUS)]
        for threads, into, cpus in ((1, one[cpu], {cpu}), (2, two, both)):
            line = run([BENCH, "threads", "bench/inventory.ini", "--reps", "20", "--threads", str(threads)],
                       cpus=cpus).strip()
            _, _, secs, checksum = line.split(",")
            into.append(float(secs))
            sums.add(checksum)
    others = others_share(before, cpu_sample())
    one_mean = at_mean_rate([statistics.median(one[cpu]) for cpu in REFERENCE_CPUS])
    speedup = one_mean / statistics.median(two)
    alone = {cpu: statistics.median(one[cpu]) / statistics.median(two) for cpu in REFERENCE_CPUS}
    for cpu in REFERENCE_CPUS:
        print("  seconds for 20 replications  1 thread on CPU %d  %s" % (cpu, summary(one[cpu])))
    print("                               2 threads         %s" % summary(two))
    print("  speed-up with 2 threads %.2f (against 1 thread at the CPUs' mean rate, %.4f s; %s); results %s" % (
        speedup, one_mean, ", ".join("%.2f against CPU %d alone" % (alone[cpu], cpu) for cpu in REFERENCE_CPUS),
        "identical" if len(sums) == 1 else "DIFFER"))
    a = run([SERVLAB, "run", "bench/inventory.ini", "--reps", "20", "--threads", "1", "--quiet", "--format", "csv"])
    b = run([SERVLAB, "run", "bench/inventory.ini", "--reps", "20", "--threads", "2", "--quiet", "--format", "csv"])
    print("  servlab run --reps 20 --format csv: byte-identical for --threads 1 and 2: %s" % ("yes" if a == b else "NO"))
    print("  other programs kept %.0f%% of the CPUs busy meanwhile%s" % (
        100 * others, "  -- WARNING: the speed-up is understated" if others > 0.1 else ""))
    results["threads"] = {"speedup": speedup, "alone": alone, "others": others, "same": len(sums) == 1 and a == b}
    return len(sums) == 1 and a == b


def threads_verdict(results):
    """bench_threads' figures judged (tests/test_bench.sh feeds it made-up ones): met when 2
    threads are 1.8x as fast as 1 thread at the CPUs' mean rate."""
    t = results["threads"]
    verdict("2 threads at least 1.8x as fast as 1 thread at the CPUs' mean rate (20 replications)",
            t["speedup"] >= 1.8, "%.2fx (%s)%s" % (t["speedup"], alone_note(t["alone"]), busy_note(t["others"])))


def bench_memory(results):
    print()
    print("Memory: peak resident set of 'servlab run bench/inventory.ini --threads 1' (the whole process)")
    rss = {}
    for factor in (1, 10):
        horizon = 10000 * factor
        rss[factor] = peak_rss_kb([SERVLAB, "run", "bench/inventory.ini", "--set", "run.horizon_days=%d" % horizon,
                                   "--threads", "1", "--quiet", "--format", "csv"])
        print("  %2dx the horizon (%6d days): %6d KB" % (factor, horizon, rss[factor]))
    ratio = rss[10] / rss[1]
    print("  10x / 1x: %.3f" % ratio)
    results["rss"] = ratio


SWEEP_POINTS = (10, 1000)


def metric_count(path):
    """Metrics a run of path reports (rows of its CSV)."""
    p = subprocess.run([SERVLAB, "run", path, "--reps", "2", "--set", "run.horizon_days=1", "--quiet", "--format", "csv"],
                       cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True)
    return len(p.stdout.splitlines()) - 1


def bench_sweep_memory(results):
    """Peak RSS of a sweep of scenarios/default.ini at 10 and 1,000 points: a sweep keeps
    each point as a patch of one configuration (cli/config_patch.h), so the points cost
    a few KB each (their results), not a configuration each."""
    print()
    print("Memory: peak resident set of 'servlab sweep scenarios/default.ini --param inventory.safety_factor")
    print("--from 0 --to 3 --steps N --reps 2 --quiet' (the whole process)")
    rss = {}
    for n in SWEEP_POINTS:
        rss[n] = peak_rss_kb([SERVLAB, "sweep", "scenarios/default.ini", "--param", "inventory.safety_factor",
                              "--from", "0", "--to", "3", "--steps", str(n), "--reps", "2", "--quiet"])
        print("  %4d points: %6d KB" % (n, rss[n]))
    lo, hi = SWEEP_POINTS
    ratio = rss[hi] / rss[lo]
    per_point = (rss[hi] - rss[lo]) / (hi - lo)
    print("  %d / %d points: %.3f; %.2f KB a point more, so a 100 x 100 grid of these points needs about %.0f MB"
          % (hi, lo, ratio, per_point, (rss[lo] + per_point * (10000 - lo)) / 1024))
    results["sweep_rss"] = ratio
    # the same with 200 products (scenarios/basket.ini, a short horizon): every point's
    # patch reaches into the products' array, which each job copies, runs and frees. A
    # point then costs about 70 KB, all of it results: 11 metrics a product, each kept
    # per replication (twice while the runner hands them over with their backlog),
    # because the sweep's CSV reports them all. Summaries are computed from them on
    # demand (sweep_at in cli/sweep.h), not kept.
    print("The same with 200 products: 'servlab sweep scenarios/basket.ini --param inventory.order_up_to")
    print("--from 8 --to 20 --steps N --reps 2 --set run.horizon_days=30 --quiet'")
    big = {}
    for n in SWEEP_POINTS:
        big[n] = peak_rss_kb([SERVLAB, "sweep", "scenarios/basket.ini", "--param", "inventory.order_up_to", "--from", "8",
                              "--to", "20", "--steps", str(n), "--reps", "2", "--set", "run.horizon_days=30",
                              "--quiet"])
        print("  %4d points: %6d KB" % (n, big[n]))
    print("  %d / %d points: %.3f; %.1f KB a point more (its results: %d metrics a point)"
          % (hi, lo, big[hi] / big[lo], (big[hi] - big[lo]) / (hi - lo), metric_count("scenarios/basket.ini")))
    results["sweep_rss_products"] = big[hi] / big[lo]


GRID = ["sweep", "scenarios/default.ini", "--param", "inventory.reorder_point", "--from", "300", "--to", "900",
        "--steps", "21", "--param", "inventory.order_quantity", "--from", "400", "--to", "2400", "--steps", "21",
        "--reps", "20", "--threads", "2", "--quiet", "--format", "csv"]
GRID_TARGET_S = 20.0


def bench_grid(results):
    """A two-lever sweep: a 21 x 21 grid of scenarios/default.ini with 20 replications
    (8,820 runs) on 2 threads, wall time of the whole command (loading its 441 points
    included), with its peak RSS. Run alone with `bench/run.py grid`."""
    print()
    print("Two levers: 'servlab %s'" % " ".join(GRID))
    print("(21 x 21 points x 20 replications = 8,820 runs), the whole command, 2 times")
    before = cpu_sample()
    times = [wall([SERVLAB] + GRID) for _ in range(2)]
    others = others_share(before, cpu_sample())
    rss = peak_rss_kb([SERVLAB] + GRID)
    print("  seconds %s; %.0f runs a second; peak RSS %d KB" % (summary(times), 8820 / min(times), rss))
    print("  other programs kept %.0f%% of the CPUs busy meanwhile%s" % (
        100 * others, "  -- WARNING: the time is overstated" if others > 0.1 else ""))
    results["grid"] = {"seconds": min(times), "others": others, "rss": rss}


def grid_verdict(results):
    g = results["grid"]
    verdict("21 x 21 grid of scenarios/default.ini, 20 replications (8,820 runs): under %.0f s on 2 cores"
            % GRID_TARGET_S, g["seconds"] < GRID_TARGET_S, "%.1f s (fastest of 2)%s" % (
                g["seconds"], " (measured while other programs used %.0f%% of the CPUs)" % (100 * g["others"])
                if g["others"] > 0.1 else ""))


# ---- the general path: scenarios/default.ini (bench/README.md) ----

# Days counted per replication (after the scenario's 30-day warm-up): servlab, the bare
# loop and SimPy run the same horizon, so their figures estimate the same quantities.
# SimPy takes a few seconds for the default 3,650 (about 146,000 orders).
DEFAULT_DAYS = int(os.environ.get("BENCH_DEFAULT_DAYS", "3650"))
# servlab against the bare loop alone, as the issue measured: 36,500 days, about 1.46
# million orders a replication
LONG_DAYS = 36500
GENERAL_FIGURES = ["fill_rate", "order_cycle_days_mean", "mean_on_hand", "replenishments_per_day"]
# what must be equal, as printed, between servlab and the bare loop
GENERAL_EXACT = ["events", "orders"] + GENERAL_FIGURES


def text_rows(text):
    """CSV rows as dicts of the printed strings (for digit-for-digit comparisons)."""
    lines = text.strip().splitlines()
    head = lines[0].split(",")
    return [dict(zip(head, line.split(","))) for line in lines[1:]]


def general_servlab(rep, days):
    return text_rows(run([BENCH, "time", "scenarios/default.ini", "--first", str(rep), "--reps", "1", "--set",
                          "run.horizon_days=%d" % days], pinned=True))[0]


def general_bare(rep, days):
    return text_rows(run([BARE_DEFAULT, "--first", str(rep), "--reps", "1", "--horizon", str(days)], pinned=True))[0]


def general_simpy(seed, days):
    out = {}
    for line in run([PYTHON, "bench/simpy_default.py", str(seed), str(days)], pinned=True).strip().splitlines():
        k, v = line.split(",")
        out[k] = v
    return out


def floats(row):
    return {k: float(v) for k, v in row.items()}


def bench_general(results):
    """scenarios/default.ini: servlab, the bare loop (bench/bare_default.c) and SimPy
    (bench/simpy_default.py) in turn, the order rotating from run to run, over 3,650 days
    and then over 36,500 (the issue's measure, which the verdicts judge)."""
    print()
    print("The general path: scenarios/default.ini (order-cycle stages with one clerk and one packer, (s, Q)")
    print("with gamma lead times, backorders, geometric order sizes), %d days after the 30-day warm-up" % DEFAULT_DAYS)
    print("  %d runs each; run k: servlab and the bare loop replication k, SimPy seed k+1, the order rotating" % RUNS)
    sv, bare, sp = [], [], []
    for k in range(RUNS):
        jobs = [lambda: sv.append(general_servlab(k, DEFAULT_DAYS)), lambda: bare.append(general_bare(k, DEFAULT_DAYS)),
                lambda: sp.append(general_simpy(k + 1, DEFAULT_DAYS))]
        for j in range(3):
            jobs[(j + k) % 3]()
    svf, bf, spf = [floats(x) for x in sv], [floats(x) for x in bare], [floats(x) for x in sp]
    ops = {name: [x["orders"] / x["seconds"] for x in rows] for name, rows in
           (("servlab", svf), ("bare", bf), ("simpy", spf))}
    for name, label in (("servlab", "servlab"), ("bare", "bare C loop (bench/bare_default.c)"),
                        ("simpy", "SimPy (bench/simpy_default.py)")):
        xs = ops[name]
        print("  orders per second  %-36s %10.4g (median; %.4g to %.4g)" % (label, statistics.median(xs), min(xs),
                                                                           max(xs)))
    simpy_ratio = [a / b for a, b in zip(ops["servlab"], ops["simpy"])]  # time per order, SimPy over servlab
    bare_ratio = [x["seconds"] / y["seconds"] for x, y in zip(svf, bf)]  # the same orders
    simpy_bare = [a / b for a, b in zip(ops["bare"], ops["simpy"])]
    print("  SimPy/servlab (time per order)  %.1f (median of %d pairwise ratios; %.1f to %.1f)" % (
        statistics.median(simpy_ratio), RUNS, min(simpy_ratio), max(simpy_ratio)))
    print("  servlab/bare loop               %.2f (median; %.2f to %.2f); SimPy/bare loop %.0f" % (
        statistics.median(bare_ratio), min(bare_ratio), max(bare_ratio), statistics.median(simpy_bare)))
    same = all(a[f] == b[f] for a, b in zip(sv, bare) for f in GENERAL_EXACT)
    print("  bare loop: %s" % ("events, orders and the four figures identical to servlab's to the last digit, every run"
                               if same else "DIFFERS from servlab"))
    if not same:
        for a, b in zip(sv, bare):
            print("    servlab %s\n    bare    %s" % (",".join(a[f] for f in GENERAL_EXACT),
                                                     ",".join(b[f] for f in GENERAL_EXACT)))
    ok_all = same
    print("  figures, servlab against SimPy (mean over runs ± standard error):")
    for f in GENERAL_FIGURES:
        ok, text = agree(f, [x[f] for x in svf], [x[f] for x in spf])
        ok_all &= ok
        print(text)

    print("  servlab, the bare loop and SimPy over %d days (about %.2g orders a run; the issue's measure), %d runs" % (
        LONG_DAYS, 40 * LONG_DAYS, RUNS))
    print("  each, the order rotating as above:")
    lsv, lbare, lsp = [], [], []
    before = cpu_sample()
    for k in range(RUNS):
        jobs = [lambda: lsv.append(general_servlab(k, LONG_DAYS)), lambda: lbare.append(general_bare(k, LONG_DAYS)),
                lambda: lsp.append(general_simpy(k + 1, LONG_DAYS))]
        for j in range(3):
            jobs[(j + k) % 3]()
    others = others_share(before, cpu_sample())
    long_same = all(a[f] == b[f] for a, b in zip(lsv, lbare) for f in GENERAL_EXACT)
    lt = [float(x["seconds"]) for x in lsv]
    bt = [float(x["seconds"]) for x in lbare]
    lops = [float(x["orders"]) / float(x["seconds"]) for x in lsv]
    bops = [float(x["orders"]) / float(x["seconds"]) for x in lbare]
    sops = [float(x["orders"]) / float(x["seconds"]) for x in lsp]
    long_ratio = [a / b for a, b in zip(lt, bt)]
    long_simpy = [a / b for a, b in zip(lops, sops)]
    long_simpy_bare = [a / b for a, b in zip(bops, sops)]
    print("    seconds per replication   servlab  %s" % summary(lt))
    print("                              bare C   %s" % summary(bt))
    print("    orders per second         servlab %.4g, bare loop %.4g, SimPy %.4g (medians)" % (
        statistics.median(lops), statistics.median(bops), statistics.median(sops)))
    print("    servlab/bare loop %.2f (median of %d pairs; %.2f to %.2f); figures %s" % (
        statistics.median(long_ratio), RUNS, min(long_ratio), max(long_ratio),
        "identical" if long_same else "DIFFER"))
    print("    SimPy/servlab (time per order) %.1f (median of %d pairs; %.1f to %.1f); SimPy/bare loop %.0f" % (
        statistics.median(long_simpy), RUNS, min(long_simpy), max(long_simpy), statistics.median(long_simpy_bare)))
    lsvf, lspf = [floats(x) for x in lsv], [floats(x) for x in lsp]
    for f in GENERAL_FIGURES:
        ok, text = agree(f, [x[f] for x in lsvf], [x[f] for x in lspf])
        ok_all &= ok
        print("  " + text)
    print("    other programs kept %.0f%% of the CPUs busy meanwhile%s" % (
        100 * others, "  -- WARNING: the timings are noisy" if others > 0.1 else ""))
    results["general"] = {"simpy_ratio": long_simpy, "short_simpy_ratio": simpy_ratio, "bare_ratio": long_ratio,
                          "others": others, "simpy_bare": long_simpy_bare}
    return ok_all and long_same


# ---- throughput where users feel it (bench/README.md) ----

PLANNER = ["batch", "scenarios/planner/base.ini", "scenarios/planner/items.csv", "--sweep", "--quiet", "--format", "csv"]
PLANNER_TARGET_S = 2.0


def bench_planner(results):
    """The 50-item planner batch with --sweep (scenarios/planner/, README.md), the whole
    command on every core, fastest of 3."""
    print()
    print("Planner: 'servlab %s' (50 items x 22 runs x 10 replications), the whole command, 3 times" % " ".join(PLANNER))
    before = cpu_sample()
    times = [wall([SERVLAB] + PLANNER) for _ in range(3)]
    others = others_share(before, cpu_sample())
    print("  seconds %s; other programs kept %.0f%% of the CPUs busy meanwhile" % (summary(times), 100 * others))
    results["planner"] = {"seconds": min(times), "others": others}


PORTFOLIO_SIZES = (100, 1000)
PORTFOLIO_OPTS = ["--reps", "2", "--set", "run.horizon_days=180", "--quiet", "--format", "csv"]


def write_portfolio(path, n):
    """A synthetic portfolio of n items on scenarios/default.ini: rates, (s, Q), cost and
    price drawn from a fixed seed, so every run of the bench uses the same table."""
    import random
    rng = random.Random(21)
    with open(path, "w") as f:
        f.write("id,demand.orders_per_day,inventory.reorder_point,inventory.order_quantity,costs.order_per_unit,"
                "revenue.price_per_unit\n")
        for i in range(n):
            rate = round(rng.uniform(2, 80), 1)
            cost = round(rng.uniform(1, 100), 2)
            f.write("item_%04d,%g,%d,%d,%g,%g\n" % (i, rate, round(rate * 2 * rng.uniform(5, 9)),
                                                    round(rate * 2 * rng.uniform(10, 40)), cost,
                                                    round(cost * rng.uniform(1.2, 2.5), 2)))


def bench_portfolio(results):
    """A synthetic portfolio through servlab batch: time and peak RSS of the whole command
    for 100 and 1,000 items (2 replications each, every core)."""
    import tempfile
    print()
    print("Portfolio: 'servlab batch scenarios/default.ini ITEMS.csv %s', a synthetic table (bench/run.py:" %
          " ".join(PORTFOLIO_OPTS))
    print("write_portfolio) of N items with their own rate, (s, Q), cost and price; the whole command")
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in PORTFOLIO_SIZES:
            table = os.path.join(tmp, "items_%d.csv" % n)
            write_portfolio(table, n)
            p = subprocess.run(["/usr/bin/time", "-f", "%e %M", SERVLAB, "batch", "scenarios/default.ini", table] +
                               PORTFOLIO_OPTS, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if p.returncode != 0:
                fail("servlab batch of %d items failed (exit %d): %s" % (n, p.returncode, p.stderr.strip()))
            secs, kb = p.stderr.strip().splitlines()[-1].split()
            rows = len(p.stdout.strip().splitlines()) - 1
            out[n] = (float(secs), int(kb), rows)
            print("  %5d items: %6.2f s, peak RSS %6d KB (%d result rows)" % (n, float(secs), int(kb), rows))
    lo, hi = PORTFOLIO_SIZES
    ratio = out[hi][1] / out[lo][1]
    print("  %d / %d items: peak RSS %.2fx, %.2f KB an item more; time %.1fx" % (
        hi, lo, ratio, (out[hi][1] - out[lo][1]) / (hi - lo), out[hi][0] / out[lo][0]))
    results["portfolio"] = {"seconds": out[hi][0], "rss": out[hi][1], "ratio": ratio,
                            "rows_ok": all(out[n][2] >= n for n in PORTFOLIO_SIZES)}
    return results["portfolio"]["rows_ok"]


LONG_EXPORT_ITEMS, LONG_EXPORT_DAYS = 500, 366
LONG_EXPORT_TARGET_S = 3.0


def write_long_export(path, items, days):
    """A synthetic ERP export: one row per item a day (date, SKU, name, units sold) over
    `days` days from 2025-01-01, drawn from a fixed seed, with the batch table that runs
    each item (id, demand.history_item) beside it as *_items.csv."""
    import datetime
    import random
    rng = random.Random(5)
    d0 = datetime.date(2025, 1, 1)
    with open(path, "w") as f:
        f.write("date,sku,name,qty\n")
        for d in range(days):
            day = (d0 + datetime.timedelta(days=d)).isoformat()
            for i in range(items):
                f.write("%s,SKU-%05d,Item number %d,%d\n" % (day, i, i, rng.randint(0, 40)))
    with open(path.replace(".csv", "_items.csv"), "w") as f:
        f.write("id,demand.history_item\n")
        for i in range(items):
            f.write("i%d,SKU-%05d\n" % (i, i))


def bench_long_export(results):
    """Every item of one long export through servlab batch (write_long_export: 500 items
    over 366 days, 183,000 rows): the CPU seconds of the whole command, which reads the
    file once for all its items (reader/history.c's file index)."""
    import tempfile
    print()
    print("Long export: 'servlab batch LONG.ini LONG_items.csv --quiet --format csv', every item of one synthetic")
    print("export (bench/run.py: write_long_export; %d items x %d days) read from it, 2 replications of 60 days" % (
        LONG_EXPORT_ITEMS, LONG_EXPORT_DAYS))
    with tempfile.TemporaryDirectory() as tmp:
        table = os.path.join(tmp, "long.csv")
        write_long_export(table, LONG_EXPORT_ITEMS, LONG_EXPORT_DAYS)
        with open(os.path.join(tmp, "long.ini"), "w") as f:
            f.write("[run]\nreplications = 2\nhorizon_days = 60\n[demand]\nhistory = long.csv\nhistory_kind = daily\n"
                    "history_item_column = sku\nhistory_item = SKU-00000\nhistory_date_column = date\n"
                    "history_quantity_column = qty\n[inventory]\npolicy = sQ\nreorder_point = 200\n"
                    "order_quantity = 400\n")
        rows = sum(1 for _ in open(table)) - 1
        p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", SERVLAB, "batch", os.path.join(tmp, "long.ini"),
                            os.path.join(tmp, "long_items.csv"), "--quiet", "--format", "csv"],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            fail("servlab batch of the long export failed (exit %d): %s" % (p.returncode, p.stderr.strip()[-500:]))
        user, system, kb = p.stderr.strip().splitlines()[-1].split()
        cpu = float(user) + float(system)
        done = len(p.stdout.strip().splitlines()) - 1
        print("  %d items from one %s-row file (%.1f MB): %.2f s of CPU, peak RSS %d KB (%d result rows)" % (
            LONG_EXPORT_ITEMS, format(rows, ","), os.path.getsize(table) / 1e6, cpu, int(kb), done))
    results["long_export"] = {"cpu": cpu, "rows": rows, "ok": done == LONG_EXPORT_ITEMS}
    return results["long_export"]["ok"]


SWEEP_RUN = ["sweep", "scenarios/default.ini", "--reps", "20", "--quiet", "--format", "csv"]


SWEEP_THREAD_RUNS_PER_CPU = 3  # rounds on each of REFERENCE_CPUS: 1 thread there, 2 threads, two 1-thread sweeps side by side


def side_by_side(cmd):
    """Two copies of cmd started together: the seconds until the later ends, and their outputs."""
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate()[0] for p in procs]
    seconds = time.perf_counter() - start
    if any(p.returncode != 0 for p in procs):
        fail("%s failed side by side" % " ".join(cmd))
    return seconds, outs


def bench_sweep_threads(results):
    """scenarios/default.ini's own sweep (31 points x 20 replications): 1 thread held to each
    of REFERENCE_CPUS in turn, each run followed by 2 threads on both, SWEEP_THREAD_RUNS_PER_CPU
    times on each CPU; the CSV must be byte-identical. Each round also runs two 1-thread
    sweeps side by side: what this machine's 2 CPUs give two separate programs at that
    moment (the slower CPU, their shared caches and memory, and the host's other guests slow
    them), printed beside the verdict, which it does not change."""
    print()
    print("Sweep on threads: 'servlab %s --threads T' (31 points x 20 replications = 620 runs)," % " ".join(SWEEP_RUN))
    print("1 thread held to CPU %s in turn, each run followed by 2 threads on both, %d times each, the whole command;"
          % (" and ".join(map(str, REFERENCE_CPUS)), SWEEP_THREAD_RUNS_PER_CPU * len(REFERENCE_CPUS)))
    print("each time also two 1-thread sweeps side by side")
    one = {cpu: [] for cpu in REFERENCE_CPUS}
    two, pair = [], []
    outs = set()
    both = set(REFERENCE_CPUS)
    before = cpu_sample()
    for k in range(SWEEP_THREAD_RUNS_PER_CPU * len(REFERENCE_CPUS)):
        cpu = REFERENCE_CPUS[k % len(REFERENCE_CPUS)]
        for threads, into, cpus in ((1, one[cpu], {cpu}), (2, two, both)):
            start = time.perf_counter()
            outs.add(run([SERVLAB] + SWEEP_RUN + ["--threads", str(threads)], cpus=cpus))
            into.append(time.perf_counter() - start)
        seconds, pair_outs = side_by_side([SERVLAB] + SWEEP_RUN + ["--threads", "1"])
        pair.append(seconds)
        outs.update(pair_outs)
    others = others_share(before, cpu_sample())
    one_mean = at_mean_rate([statistics.median(one[cpu]) for cpu in REFERENCE_CPUS])
    speedup = one_mean / statistics.median(two)
    alone = {cpu: statistics.median(one[cpu]) / statistics.median(two) for cpu in REFERENCE_CPUS}
    machine = 2 * one_mean / statistics.median(pair)
    for cpu in REFERENCE_CPUS:
        print("  seconds  1 thread on CPU %d  %s" % (cpu, summary(one[cpu])))
    print("           2 threads         %s" % summary(two))
    print("           two 1-thread sweeps side by side, until both end  %s" % summary(pair))
    print("  speed-up %.2f (against 1 thread at the CPUs' mean rate, %.2f s; %s); CSV %s; other programs kept %.0f%%"
          " of the CPUs busy%s" % (
              speedup, one_mean, ", ".join("%.2f against CPU %d alone" % (alone[cpu], cpu) for cpu in REFERENCE_CPUS),
              "byte-identical" if len(outs) == 1 else "DIFFERS", 100 * others,
              "  -- WARNING: the speed-up is understated" if others > 0.1 else ""))
    print("  the machine meanwhile: two separate 1-thread sweeps did twice the work in %.2f of 1 thread's time at the"
          " mean rate, a speed-up of %.2f; 2 threads reached %.0f%% of it" % (
              statistics.median(pair) / one_mean, machine, 100 * speedup / machine))
    same = len(outs) == 1
    results["sweep_threads"] = {"speedup": speedup, "alone": alone, "machine": machine, "others": others,
                                "csv": outs.pop() if same else None}
    return same


# The MPI target is judged on the same sweep with 100 replications a point (3,100 runs,
# about 10 s on 1 rank): mpirun and MPI_Init cost about 0.25 s whatever the work, which
# alone caps the 20-replication sweep (about 2 s) below 1.8x even if its work scaled
# perfectly. Scale-out is for runs far longer than either; both figures are printed.
MPI_REPS = (20, 100)
# A 1-rank run is held to each of REFERENCE_CPUS in turn (mpirun --cpu-set): left alone,
# Open MPI binds a single rank to CPU 0 every time, while 2 ranks use every CPU.
MPI_RUNS_PER_CPU = 3  # 1-rank runs on each CPU, each followed by a 2-rank run


def at_mean_rate(seconds):
    """The time of one run at the mean of the rates of runs that took `seconds` each (one
    per CPU): their harmonic mean. 2 ranks, one on each CPU, add the CPUs' rates, so
    against this time their ideal speed-up is exactly 2, whichever CPU is the slower."""
    return len(seconds) / sum(1 / s for s in seconds)


def bench_mpi(results):
    """The sweep through servlab-mpi (make MPI=1) under mpirun, 1 rank against 2, each
    rank on 1 thread, alternately, 1 rank held to each CPU in turn (REFERENCE_CPUS), with 20 and
    with 100 replications a point; each CSV must equal servlab's."""
    print()
    run_text = " ".join(SWEEP_RUN).replace("--reps 20", "--reps N")
    print("Sweep on MPI ranks: 'mpirun -np R servlab-mpi %s --threads 1', R = 1 and 2 alternately," % run_text)
    print("%d times each, 1 rank held to CPU %s in turn and 2 ranks to both (--cpu-set), N = %s, the whole command"
          " (mpirun's start-up included)" % (MPI_RUNS_PER_CPU * len(REFERENCE_CPUS), " and ".join(map(str, REFERENCE_CPUS)),
                                              " and ".join(map(str, MPI_REPS))))
    mpirun = next((os.path.join(d, "mpirun") for d in os.environ.get("PATH", "").split(os.pathsep)
                   if os.access(os.path.join(d, "mpirun"), os.X_OK)), None)
    if not os.access(SERVLAB_MPI, os.X_OK) or mpirun is None:
        why = "no mpirun (make deps installs OpenMPI)" if mpirun is None else \
            "no ./servlab-mpi (make bench builds it when OpenMPI is installed)"
        print("  skipped: %s" % why)
        results["mpi"] = None
        return True
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_btl_vader_single_copy_mechanism="none")
    def sweep_run(reps):  # SWEEP_RUN with its --reps value replaced
        k = SWEEP_RUN.index("--reps") + 1
        return SWEEP_RUN[:k] + [str(reps)] + SWEEP_RUN[k + 1:]
    def mpirun_sweep(ranks, reps, extra=(), cpu=None):  # (seconds, stdout) of one whole command
        start = time.perf_counter()
        held = [] if cpu is None else ["--cpu-set", str(cpu)]  # cpu: one CPU, or a list as "0,1"
        p = subprocess.run([mpirun, "-np", str(ranks), "--oversubscribe"] + held + [SERVLAB_MPI] + sweep_run(reps) +
                           ["--threads", "1"] + list(extra), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if p.returncode != 0:
            fail("mpirun -np %d servlab-mpi failed (exit %d): %s" % (ranks, p.returncode, p.stderr.strip()))
        return seconds, p.stdout

    # what every run pays whatever its work: mpirun, MPI_Init and loading, timed on the same
    # sweep over a 1-day horizon (for reading the figures; the target is on the whole command)
    start = {1: [], 2: []}
    for _ in range(3):
        for ranks in (1, 2):
            start[ranks].append(mpirun_sweep(ranks, 20, ["--set", "run.horizon_days=1", "--set",
                                                          "run.warmup_days=0"])[0])
    s1, s2 = statistics.median(start[1]), statistics.median(start[2])
    print("  start-up (the sweep over 1 day): 1 rank %.3f s, 2 ranks %.3f s (medians)" % (s1, s2))
    same_all = True
    for reps in MPI_REPS:
        if reps == 20 and results.get("sweep_threads", {}).get("csv"):
            reference = results["sweep_threads"]["csv"]
        else:
            reference = run([SERVLAB] + sweep_run(reps))
        # 1 rank on each CPU in turn, each run followed by one of 2 ranks
        one = {cpu: [] for cpu in REFERENCE_CPUS}
        two = []
        same = True
        before = cpu_sample()
        for k in range(MPI_RUNS_PER_CPU * len(REFERENCE_CPUS)):
            cpu = REFERENCE_CPUS[k % len(REFERENCE_CPUS)]
            seconds, out = mpirun_sweep(1, reps, cpu=cpu)
            one[cpu].append(seconds)
            same &= out == reference
            seconds, out = mpirun_sweep(2, reps, cpu=",".join(map(str, REFERENCE_CPUS)))
            two.append(seconds)
            same &= out == reference
        others = others_share(before, cpu_sample())
        one_mean = at_mean_rate([statistics.median(one[cpu]) for cpu in REFERENCE_CPUS])
        speedup = one_mean / statistics.median(two)
        first = statistics.median(one[REFERENCE_CPUS[0]]) / statistics.median(two)
        net = (one_mean - s1) / max(statistics.median(two) - s2, 1e-9)
        print("  N = %d (%d runs)" % (reps, 31 * reps))
        for cpu in REFERENCE_CPUS:
            print("    seconds  1 rank on CPU %d  %s" % (cpu, summary(one[cpu])))
        print("             2 ranks         %s" % summary(two))
        print("    speed-up %.2f (against 1 rank at the CPUs' mean rate, %.2f s; %.2f net of start-up;"
              " %.2f against CPU %d alone); CSV %s servlab's; other programs kept %.0f%% of the CPUs busy%s" % (
                  speedup, one_mean, net, first, REFERENCE_CPUS[0], "byte-identical to" if same else "DIFFERS from",
                  100 * others, "  -- WARNING: the speed-up is understated" if others > 0.1 else ""))
        results["mpi" if reps == MPI_REPS[-1] else "mpi_short"] = {
            "speedup": speedup, "same": same, "others": others, "net": net, "reps": reps, "first": first}
        same_all &= same
    return same_all


def busy_note(others):
    return " (measured while other programs used %.0f%% of the CPUs)" % (100 * others) if others > 0.1 else ""


def general_verdicts(results):
    g = results["general"]
    b = statistics.median(g["bare_ratio"])
    verdict("general path (default.ini): servlab within 2x of the bare loop", b <= 2.0,
            "%.2fx (median of alternated runs; %.2f to %.2f)%s" % (b, min(g["bare_ratio"]), max(g["bare_ratio"]),
                                                                   busy_note(g["others"])))
    r = statistics.median(g["simpy_ratio"])
    # the floor's own ratio says how far the target is from what any bookkeeping leaves
    verdict("general path (default.ini): servlab at least 100x faster than SimPy", r >= 100,
            "%.1fx (median over %d days; %.1f to %.1f; %.1fx over %d days); the bare loop itself: %.0fx" % (
                r, LONG_DAYS, min(g["simpy_ratio"]), max(g["simpy_ratio"]), statistics.median(g["short_simpy_ratio"]),
                DEFAULT_DAYS, statistics.median(g["simpy_bare"])))


def throughput_verdicts(results):
    grid_verdict(results)
    p = results["planner"]
    verdict("50-item planner batch --sweep: under %.0f s" % PLANNER_TARGET_S, p["seconds"] < PLANNER_TARGET_S,
            "%.2f s (fastest of 3)%s" % (p["seconds"], busy_note(p["others"])))
    f = results["portfolio"]
    verdict("1,000-item portfolio: peak RSS flat in the items (1,000 within 1.5x of 100)", f["ratio"] <= 1.5,
            "%.2fx; %.2f s, %d KB for 1,000 items" % (f["ratio"], f["seconds"], f["rss"]))
    if "long_export" in results:
        e = results["long_export"]
        verdict("%d items from one %s-row export: under %.0f s of CPU" % (
            LONG_EXPORT_ITEMS, format(e["rows"], ","), LONG_EXPORT_TARGET_S), e["cpu"] < LONG_EXPORT_TARGET_S,
            "%.2f s (the whole command)" % e["cpu"])
    sweep_threads_verdict(results)
    mpi_verdict(results)


def alone_note(alone):
    """The speed-up against each CPU alone, for the verdicts' lines: "1.51x against CPU 0 alone, ..."."""
    return ", ".join("%.2fx against CPU %d alone" % (alone[cpu], cpu) for cpu in sorted(alone))


def sweep_threads_verdict(results):
    """bench_sweep_threads' figures judged (tests/test_bench.sh feeds it made-up ones): met
    when 2 threads are 1.9x as fast as 1 thread at the CPUs' mean rate."""
    s = results["sweep_threads"]
    verdict("sweep: 2 threads at least 1.9x as fast as 1 thread at the CPUs' mean rate", s["speedup"] >= 1.9,
            "%.2fx (%s; two separate 1-thread sweeps side by side: %.2fx)%s" % (
                s["speedup"], alone_note(s["alone"]), s["machine"], busy_note(s["others"])))


def mpi_verdict(results):
    """bench_mpi's figures judged (tests/test_bench.sh feeds it made-up ones): met when 2
    ranks are 1.8x as fast as 1 on the long sweep and both sweeps' CSVs equal servlab's."""
    m = results["mpi"]
    if m is None:
        print("  %-9s %s" % ("skipped", "MPI sweep: 2 ranks at least 1.8x as fast as 1, byte-identical (no servlab-mpi or mpirun)"))
    else:
        short = results["mpi_short"]
        verdict("MPI sweep (%d replications a point): 2 ranks at least 1.8x as fast as 1 rank at the CPUs' mean rate,"
                " byte-identical results" % m["reps"], m["speedup"] >= 1.8 and m["same"] and short["same"],
                "%.2fx (%.2fx net of start-up; %.2fx against CPU %d alone, where an unpinned 1-rank run goes),"
                " results %s%s; with %d replications a point %.2fx" % (
                    m["speedup"], m["net"], m["first"], REFERENCE_CPUS[0], "identical" if m["same"] and short["same"] else "DIFFER",
                    busy_note(m["others"]), short["reps"], short["speedup"]))


def bench_startup():
    print()
    print("servlab process start-up (not in the figures above): 'servlab run bench/mm1.ini' with a 1-day horizon,")
    starts = [wall([SERVLAB, "run", "bench/mm1.ini", "--set", "run.horizon_days=1", "--threads", "1", "--quiet",
                    "--format", "csv"]) for _ in range(5)]
    whole = [wall([SERVLAB, "run", "bench/mm1.ini", "--threads", "1", "--quiet", "--format", "csv"]) for _ in range(3)]
    print("  5 times: %s" % summary(starts))
    print("  the whole M/M/1 command, start-up included, 3 times: %s" % summary(whole))


def bench_serve_stop(results):
    """servlab serve, stopped by SIGTERM while runs are in progress and queued: the seconds
    until it says it has stopped (its last line: runs cut short, threads joined, state
    saved) and until the process has ended. servlab.1 promises within a second; the test
    suite only bounds it against a hang, as a timed test would fail on a busy machine."""
    import re
    import shutil
    import signal
    import tempfile
    print()
    print("servlab serve --base scenarios/default.ini --threads 2, 6 submissions of 100 years each (runs in progress")
    print("and queued), then SIGTERM, 3 times:")
    said, ended = [], []
    for _ in range(3):
        state = tempfile.mkdtemp(prefix="servlab-bench-serve.")
        try:
            out, err = os.path.join(state, "serve.out"), os.path.join(state, "serve.err")
            with open(out, "w") as fo, open(err, "w") as fe:
                server = subprocess.Popen([SERVLAB, "serve", "--base", "scenarios/default.ini", "--port", "0",
                                           "--bind", "127.0.0.1", "--dir", os.path.join(state, "class"),
                                           "--threads", "2", "--rate", "0"], stdout=fo, stderr=fe)
            url = None
            for _ in range(6000):  # it listens once it has drawn the base's curve: seconds
                m = re.search(r"http://127\.0\.0\.1:[0-9]+", open(out).read())
                if m or server.poll() is not None:
                    url = m and m.group(0)
                    break
                time.sleep(0.05)
            if not url:
                server.kill()
                fail("servlab serve did not say where it listens: %s" % open(err).read()[-500:])
            with open("scenarios/default.ini") as f:
                base = f.read()
            for i in range(6):
                path = os.path.join(state, "s%d.ini" % i)
                with open(path, "w") as f:
                    f.write(re.sub(r"(?m)^horizon_days = [0-9]+", "horizon_days = %d" % (36500 + i), base))
                subprocess.run(["curl", "-s", "--max-time", "60", "-o", os.devnull, "-F", "name=s%d" % i,
                                "-F", "file=@%s" % path, url + "/submit"], check=False)
            time.sleep(1)  # the two workers are in their runs
            t0 = time.perf_counter()
            server.send_signal(signal.SIGTERM)
            seen = None
            while server.poll() is None or seen is None:
                if seen is None and re.search(r"(?m)^servlab(: stopped;|：已停止；)", open(err).read()):
                    seen = time.perf_counter() - t0
                if server.poll() is not None and seen is None:
                    seen = time.perf_counter() - t0  # ended without the line: counted at its end
                if time.perf_counter() - t0 > 120:
                    server.kill()
                    fail("servlab serve did not stop within 2 minutes of SIGTERM")
                time.sleep(0.005)
            ended.append(time.perf_counter() - t0)
            said.append(seen)
            if server.returncode != 0:
                fail("servlab serve exited with status %d after SIGTERM" % server.returncode)
        finally:
            shutil.rmtree(state, ignore_errors=True)
    print("  seconds until 'stopped'  %s" % summary(said))
    print("  seconds until it ended   %s" % summary(ended))
    results["serve_stop"] = max(ended)


OPTIMISE_LEVERS = ["--param", "inventory.reorder_point", "--from", "200", "--to", "1200", "--step", "50",
                   "--param", "inventory.order_quantity", "--from", "400", "--to", "2400", "--step", "100"]


def bench_optimise(results):
    """servlab optimise on the 21 x 21 grid of scenarios/default.ini with 20 replications
    (the full grid: 441 x 20 = 8,820 runs): the runs it used, from its table."""
    print()
    print("servlab optimise scenarios/default.ini --reps 20, reorder point 200..1200 step 50 x order quantity")
    print("400..2400 step 100 (21 x 21), maximising profit_per_day:")
    start = time.perf_counter()
    out = run([SERVLAB, "optimise", "scenarios/default.ini", "--reps", "20", "--quiet"] + OPTIMISE_LEVERS)
    seconds = time.perf_counter() - start
    line = next((l for l in out.splitlines() if l.startswith("Evaluations:")), None)
    if line is None:
        fail("servlab optimise printed no 'Evaluations:' line")
    words = line.replace(",", " ").split()
    used, grid = int(words[1]), int(words[words.index("against") + 1])
    best = next(l for l in out.splitlines() if l.startswith("Best point:"))
    print("  %s; %d runs of the grid's %d (%.1f%%), %.2f s" % (best, used, grid, 100.0 * used / grid, seconds))
    results["optimise"] = {"used": used, "grid": grid, "seconds": seconds}


def verdict(name, ok, text):
    print("  %-9s %s  %s" % ("met" if ok else "NOT MET", name, text))


USAGE = """usage: bench/run.py [grid | general | throughput]
  (nothing)   every figure, as make bench prints them (several minutes; needs SimPy)
  grid        the 21 x 21 two-lever grid alone
  general     the general path alone: servlab, the bare loop and SimPy on default.ini
  throughput  the grid, the planner's batch, the portfolio, the long export, threads and MPI"""


def main():
    if sys.argv[1:] not in ([], ["grid"], ["general"], ["throughput"]):
        print(USAGE, file=sys.stderr if sys.argv[1:] not in (["-h"], ["--help"]) else sys.stdout)
        sys.exit(0 if sys.argv[1:] in (["-h"], ["--help"]) else 2)
    if sys.argv[1:] == ["grid"]:  # the two-lever figure alone
        for path in (SERVLAB, "/usr/bin/time"):
            if not os.access(path, os.X_OK):
                fail("%s is missing; run 'make servlab bench-deps'" % path)
        results = {}
        bench_grid(results)
        print()
        grid_verdict(results)
        return
    if sys.argv[1:] in (["general"], ["throughput"]):  # the general path alone, or the throughput figures alone
        results = {}
        if sys.argv[1] == "general":
            ok = bench_general(results)
        else:
            bench_grid(results)
            bench_planner(results)
            ok = bench_portfolio(results)
            ok &= bench_long_export(results)
            ok &= bench_sweep_threads(results)
            ok &= bench_mpi(results)
        print()
        (general_verdicts if sys.argv[1] == "general" else throughput_verdicts)(results)
        verdict("checks: the figures agree, the bare loop equals servlab, outputs do not depend on threads or ranks",
                ok, "")
        sys.exit(0 if ok else 1)
    for path in (BENCH, BARE, BARE_DEFAULT, SERVLAB, "/usr/bin/time"):
        if not os.access(path, os.X_OK):
            fail("%s is missing; run 'make bench-deps' (it installs /usr/bin/time, Debian's time)" % path)
    try:
        subprocess.run([PYTHON, "-c", "import simpy"], check=True, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        fail("SimPy is not importable by %s; install Debian's python3-simpy3 ('make bench-deps' does)" % PYTHON)
    simpy_version = run([PYTHON, "-c", "import simpy, sys; print(getattr(simpy, '__version__', '3'), sys.version.split()[0])"]).split()
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    busy = cpu_busy()
    print("servlab benchmark - %s, %d cores; SimPy %s on Python %s" % (cpu, os.cpu_count(), simpy_version[0],
                                                                       simpy_version[1]))
    print("Timed: servlab, one model_run call (one replication) inside build/bench/bench; SimPy, one env.run()")
    print("inside the script. Start-up, reading the scenario and printing are not timed (start-up: see below).")
    print("Every one-replication run (servlab, the bare loops, SimPy) is pinned to CPU %d, so ratios compare like" % PIN_CPU)
    print("with like; the 1-thread and 1-rank runs that 2 threads or ranks are judged against are held to each CPU")
    print("in turn (bench/README.md); other commands on threads or ranks are not pinned.")
    print("Other load before the benchmark: %.0f%% of the CPUs busy%s" % (
        100 * busy, "  -- WARNING: timings and the thread speed-up will be low" if busy > 0.15 else ""))

    results = {}
    ok = True
    for model in MODELS:
        ok &= bench_model(model, results)
        if model["name"] == "inventory":
            ok &= bench_bare(results)
    ok &= bench_general(results)
    ok &= bench_threads(results)
    bench_memory(results)
    bench_sweep_memory(results)
    bench_grid(results)
    bench_planner(results)
    ok &= bench_portfolio(results)
    ok &= bench_long_export(results)
    ok &= bench_sweep_threads(results)
    ok &= bench_mpi(results)
    bench_startup()
    bench_optimise(results)
    bench_serve_stop(results)

    busy_after = cpu_busy()
    inv, mm1 = results["inventory"], results["mm1"]
    print()
    print("Targets (bench/README.md), from the figures above:")
    r = statistics.median(inv["ratio"])
    verdict("inventory: servlab at least 50x faster than SimPy (aim 100)", r >= 50,
            "%.1fx (median; %.1f to %.1f)" % (r, min(inv["ratio"]), max(inv["ratio"])))
    m = statistics.median(mm1["servlab"])
    verdict("M/M/1, 1,000,000 orders: at most 0.1 s per replication", m <= 0.1,
            "%.4f s (median; %.4f to %.4f)" % (m, min(mm1["servlab"]), max(mm1["servlab"])))
    threads_verdict(results)
    verdict("peak RSS at 10x the horizon within 1.2x of 1x", results["rss"] <= 1.2, "%.3fx" % results["rss"])
    verdict("peak RSS of a 1,000-point sweep within 1.5x of a 10-point sweep (bench/README.md)",
            results["sweep_rss"] <= 1.5, "%.3fx" % results["sweep_rss"])

    general_verdicts(results)
    throughput_verdicts(results)
    o = results["optimise"]
    verdict("optimise on the 21 x 21 grid: under 10% of the grid's runs", o["used"] < 0.1 * o["grid"],
            "%d of %d runs (%.1f%%)" % (o["used"], o["grid"], 100.0 * o["used"] / o["grid"]))
    verdict("serve stops within a second of SIGTERM, runs in progress and queued (servlab.1)",
            results["serve_stop"] <= 1.0, "%.2f s (the slowest of 3, to the process's end)" % results["serve_stop"])
    verdict("checks: servlab agrees with SimPy and the bare loop; threads change no result", ok, "")
    print("Other load after the benchmark: %.0f%% of the CPUs busy%s" % (
        100 * busy_after, "  -- WARNING: another program competed for the CPUs" if busy_after > 0.15 else ""))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
