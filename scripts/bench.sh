#!/usr/bin/env bash
# PDF benchmark: the release binary converts (1) the sample input/yiwu.txt and (2) a generated
# ~200 KB Chinese document (the sample's two articles repeated 12 times with varied titles
# and numbers, ~70 pages) to PDF. Each case runs RUNS times (default 5) under
# /usr/bin/time -v; the table shows the median and best wall time, the median CPU time
# (user+sys, which other jobs on the machine do not inflate) and the peak RSS.
# Floors (2-core machine): sample < 50 ms, 200 KB document < 300 ms, peak memory < 150 MB.
# Exit status 1 when a floor is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
command -v /usr/bin/time >/dev/null || { echo "bench.sh: /usr/bin/time (package time) is required" >&2; exit 2; }
cargo build --release --quiet
BIN=target/release/paiban
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

# run CASE INPUT FLOOR_MS → one table row
run() {
    local name=$1 input=$2 floor=$3 walls=() cpus=() rss=0
    for _ in $(seq "$RUNS"); do
        # Wall time from bash's microsecond clock (time -v only reports centiseconds).
        local t0=$EPOCHREALTIME wall kb
        /usr/bin/time -v -o "$WORK/time" "$BIN" convert "$input" --to pdf -o "$WORK/out.pdf" >/dev/null 2>&1
        wall=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%d", (b - a) * 1000}')
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time")
        cpus+=("$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%d", s*1000}' "$WORK/time")")
        walls+=("$wall")
        (( kb > rss )) && rss=$kb
    done
    local sorted median best cpu size pages mb verdict=ok
    sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
    median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
    best=$(echo "$sorted" | head -1)
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    size=$(( $(stat -c %s "$input") / 1024 ))
    pages=$(pdfinfo "$WORK/out.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    mb=$(( rss / 1024 ))
    (( median < floor && mb < 150 )) || { verdict=SLOW; status=1; }
    printf '%-10s %7s KB %6s %10s ms %8s ms %8s ms %9s MB %10s ms  %s\n' \
        "$name" "$size" "$pages" "$median" "$best" "$cpu" "$mb" "< $floor" "$verdict"
}

status=0
printf '%-10s %10s %6s %13s %11s %11s %12s %13s\n' case input pages "wall median" "wall best" "cpu median" "peak RSS" "wall floor"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores — wall time grows with the load; cpu = user+sys)"
run sample input/yiwu.txt 50
run 200KB "$WORK/big.txt" 300
exit $status
