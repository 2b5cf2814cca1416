#!/usr/bin/env bash
# PDF benchmark: the release binary converts (1) the sample input/yiwu.txt and (2) a generated
# ~200 KB Chinese document (the sample's two articles repeated 12 times with varied titles
# and numbers, ~70 pages) to PDF. Each case runs RUNS times (default 7), the two cases
# interleaved so a burst of load hits both; the table shows the median and best wall time,
# the median CPU time (user+sys from getrusage, microsecond resolution; other jobs on the
# machine do not inflate it) and the peak RSS of the process.
# Floors (2-core machine): sample < 50 ms, 200 KB document < 300 ms, peak memory < 150 MB;
# a floor is judged on the median wall time. Exit status 1 when a floor is missed.
# IR=1 also runs each case once under `valgrind --tool=callgrind` and prints the instruction
# count, which unlike time does not depend on the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/paiban
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The generated document: copy k of the sample gets "（k）" after each article title and
# every ASCII number bumped by k, so no two copies are identical.
python3 - "$WORK/big.txt" <<'EOF'
import re, sys
src = open("input/yiwu.txt", encoding="utf-8").read()
titles = {"坚持和深化“义乌发展经验” 加快打造中国式现代化县域典范", "深入践行“五个结合” 加快打造中国式现代化县域典范"}
out = []
for k in range(1, 13):
    lines = []
    for line in src.splitlines():
        if line.strip() in titles:
            line = line.rstrip() + f"（{k}）"
        else:
            line = re.sub(r"\d+", lambda m: str(int(m.group()) + k), line)
        lines.append(line)
    out.append("\n".join(lines))
open(sys.argv[1], "w", encoding="utf-8").write("\n\n".join(out) + "\n")
EOF

if [[ ${IR:-0} == 1 ]] && ! command -v valgrind >/dev/null; then
    echo "bench.sh: IR=1 needs valgrind" >&2
    exit 2
fi

echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores — wall time grows with the load; cpu = user+sys)"
python3 - "$BIN" "$WORK" "$RUNS" "${IR:-0}" <<'EOF'
import os, re, statistics, subprocess, sys, time

bin_, work, runs, ir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
cases = [("sample", "input/yiwu.txt", 50), ("200KB", f"{work}/big.txt", 300)]
RSS_FLOOR_MB = 150

def run(inp, out):
    """One conversion: wall ms, cpu ms (user+sys), peak RSS KiB."""
    t0 = time.perf_counter()
    p = subprocess.Popen([bin_, "convert", inp, "--to", "pdf", "-o", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t0) * 1000
    if status != 0:
        sys.exit(f"bench.sh: {bin_} convert {inp} failed:\n{err.decode(errors='replace')}")
    return wall, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_maxrss

results = {name: [] for name, _, _ in cases}
for _ in range(runs):
    for name, inp, _ in cases:
        results[name].append(run(inp, f"{work}/{name}.pdf"))

def instructions(inp):
    log = f"{work}/callgrind.log"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/cg.out",
                    f"--log-file={log}", bin_, "convert", inp, "--to", "pdf", "-o", f"{work}/cg.pdf"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    m = re.search(r"Collected : (\d+)", open(log).read())
    return f"{int(m.group(1)) / 1e6:.0f} M" if m else "?"

def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return m.group(1) if m else "?"

head = f"{'case':<8} {'input':>7} {'pages':>5} {'wall median':>12} {'wall best':>10} {'cpu median':>11} {'peak RSS':>9}"
if ir:
    head += f" {'instructions':>13}"
print(head + f" {'floor':>10}  verdict")
ok = True
for name, inp, floor in cases:
    walls, cpus, rss = zip(*results[name])
    wall, mb = statistics.median(walls), max(rss) / 1024
    met = wall < floor and mb < RSS_FLOOR_MB
    ok &= met
    row = (f"{name:<8} {os.path.getsize(inp) // 1024:>4} KB {pages(f'{work}/{name}.pdf'):>5}"
           f" {wall:>9.1f} ms {min(walls):>7.1f} ms {statistics.median(cpus):>8.1f} ms {mb:>6.0f} MB")
    if ir:
        row += f" {instructions(inp):>13}"
    verdict = "ok" if met else ("SLOW" if mb < RSS_FLOOR_MB else "TOO MUCH MEMORY")
    print(row + f" {'< ' + str(floor) + ' ms':>10}  {verdict}")
print(f"({runs} runs per case; memory floor < {RSS_FLOOR_MB} MB)")
sys.exit(0 if ok else 1)
EOF
