#!/usr/bin/env bash
# PDF benchmark: the release binary converts (1) the sample input/yiwu.txt and (2) a generated
# ~200 KB Chinese document (the sample's two articles repeated 12 times with varied titles
# and numbers, ~70 pages) to PDF. Each case runs RUNS times (default 7), the two cases
# interleaved so a burst of load hits both; the table shows the median and best wall time,
# the median CPU time (user+sys from getrusage, microsecond resolution; other jobs on the
# machine do not inflate it) and the peak RSS of the process.
# Floors (2-core machine): sample < 50 ms, 200 KB document < 300 ms, peak memory < 150 MB;
# a floor is judged on the median wall time. Exit status 1 when a floor is missed.
# Memory (issue 9 case 13): a generated 10 MB Markdown document (~3,000 pages; the sample's
# paragraphs as headings, text, lists, with a table, code block and quote per copy) is
# converted once to all three formats (`--to pdf,epub,docx`): peak RSS <= 400 MB. The same
# at 5 MB shows the growth: at most linear (10 MB <= 2 x 5 MB).
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

# The memory case's documents: copy k gets "第k篇" in its title and every ASCII number
# bumped by k; short paragraphs become headings, every 7th a bullet list, every 11th a
# numbered list.
python3 - "$WORK" <<'EOF'
import re, sys
src = open("input/yiwu.txt", encoding="utf-8").read()
paras = [p.strip() for p in src.split("\n\n") if p.strip()]
for mb in (5, 10):
    out, size, k = [], 0, 0
    while size < mb * 1024 * 1024:
        k += 1
        bump = lambda s: re.sub(r"\d+", lambda m: str(int(m.group()) + k), s)
        parts = [f"# 第{k}篇 {bump(paras[0])}"]
        for i, p in enumerate(paras[1:]):
            p = bump(p)
            sentences = [s for s in p.split("。") if s.strip()]
            if len(p) < 40:
                parts.append(f"## {p}")
            elif i % 7 == 3:
                parts.append("\n".join(f"- {s}。" for s in sentences))
            elif i % 11 == 5:
                parts.append("\n".join(f"{n}. {s}。" for n, s in enumerate(sentences, 1)))
            else:
                parts.append(p)
        parts.append(f"| 项目 | 数值{k} | 说明 |\n|---|---|---|\n| 投资 | {k * 17} 亿元 | 同比增长 {k % 9}.{k % 7}% |")
        parts.append(f"```\nfn main() {{ println!(\"copy {k}\"); }}\n```")
        parts.append(f"> 引文 {k}:{bump(paras[1])}")
        text = "\n\n".join(parts) + "\n\n"
        out.append(text)
        size += len(text.encode("utf-8"))
    open(f"{sys.argv[1]}/big{mb}mb.md", "w", encoding="utf-8").write("".join(out))
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

# Memory on big inputs (issue 9 case 13): one conversion to all formats per size.
BIG_RSS_FLOOR_MB = 400

def peak_rss_mb(inp):
    """Peak RSS in MB of one `convert --to pdf,epub,docx`."""
    p = subprocess.Popen([bin_, "convert", inp, "--to", "pdf,epub,docx", "-o", f"{work}/big-out"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(f"bench.sh: {bin_} convert {inp} failed:\n{err.decode(errors='replace')}")
    return ru.ru_maxrss / 1024

rss = {mb: peak_rss_mb(f"{work}/big{mb}mb.md") for mb in (5, 10)}
size10 = os.path.getsize(f"{work}/big10mb.md") / 1e6
met = rss[10] <= BIG_RSS_FLOOR_MB
ok &= met
print(f"{'memory':<8} {size10:>4.1f} MB {pages(f'{work}/big-out/big10mb.pdf'):>5} pages, pdf+epub+docx:"
      f" peak RSS {rss[10]:.0f} MB (floor <= {BIG_RSS_FLOOR_MB} MB)  {'ok' if met else 'TOO MUCH MEMORY'}")
linear = rss[10] <= 2 * rss[5]
ok &= linear
print(f"{'growth':<8} peak RSS 5 MB -> {rss[5]:.0f} MB, 10 MB -> {rss[10]:.0f} MB"
      f" (x{rss[10] / rss[5]:.2f}; at most linear: <= x2)  {'ok' if linear else 'SUPERLINEAR'}")
sys.exit(0 if ok else 1)
EOF
