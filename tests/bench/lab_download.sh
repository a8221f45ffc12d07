#!/usr/bin/env bash
# Lab download benchmark (issue 12): an HTTP download of SIZE MiB inside
# `socklab lab`, without capture (SOCKLAB_CAPTURE=states-only: same private
# namespace, no tap) and with it; and, when dumpcap is installed, the same
# download in a bare namespace captured by `dumpcap -B 64` as the anchor.
# Prints throughput (curl's own speed_download), the ratio, kernel drops
# (capture_stats / dumpcap's report), frames whose bytes the frame file could
# not take in time (capture_stats.not_in_file) and socklab's peak RSS.
#
#   bash tests/bench/lab_download.sh [BUILD_DIR] [SIZE_MIB...]   (default: build 200 1024)
#   NO_GATE=1 bash tests/bench/lab_download.sh …   both lab runs with --no-gate:
#       the programs at loopback speed, capture keeping up on the same cores
set -euo pipefail
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(200 1024)
socklab=$(realpath "$build/bin/socklab")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

speed_of() { # socklab --json output on stdin -> curl's bytes/s
    python3 -c '
import json, sys
d = json.load(sys.stdin)
speed = [e["args"]["text"] for e in d["events"] if e.get("code") == "program-output" and e["actor"] == "curl"]
st = d["capture_stats"]
print(float(speed[-1].strip()) if speed else 0, st["captured"], st["dropped"], st.get("not_in_file", 0))'
}

run_lab() { # SIZE CAPTURE -> "speed captured dropped not_in_file rss_kb"
    local out="$work/out.json" tm="$work/time.txt"
    env ${2:+SOCKLAB_CAPTURE=$2} /usr/bin/time -v -o "$tm" "$socklab" lab --json --payload 0 --timeout 600 ${NO_GATE:+--no-gate} -- \
        python3 -m http.server 8000 --bind 127.0.0.1 --directory "$work/www" --- \
        curl -s -o /dev/null -w '%{speed_download}\n' http://127.0.0.1:8000/big.bin >"$out" 2>"$work/err.txt" || {
        cat "$work/err.txt" >&2
        return 1
    }
    echo "$(speed_of <"$out") $(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$tm")"
}

run_dumpcap() { # SIZE -> "speed captured dropped"
    unshare -rn bash -c '
        ip link set lo up
        dumpcap -q -i lo -B 64 -s 262144 -w "$1/anchor.pcapng" 2>"$1/dumpcap.txt" & cap=$!
        sleep 1
        python3 -m http.server 8000 --bind 127.0.0.1 --directory "$1/www" >/dev/null 2>&1 & srv=$!
        sleep 1
        curl -s -o /dev/null -w "%{speed_download}\n" http://127.0.0.1:8000/big.bin > "$1/speed.txt"
        sleep 1; kill -INT $cap; wait $cap; kill $srv; wait $srv 2>/dev/null || true' _ "$work"
    local got dropped
    got=$(python3 -c '
import re, sys
m = re.search(r"received/dropped on interface [^:]*: [^:]*: (\d+)/(\d+)", open(sys.argv[1]).read())
print(*(m.groups() if m else ("?", "?")))' "$work/dumpcap.txt")
    [ -z "$got" ] && got="? ?"
    echo "$(cat "$work/speed.txt") $got"
    rm -f "$work/anchor.pcapng"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf '%-8s %-26s %12s %8s %10s %8s %11s %9s\n' size run MB/s ratio captured dropped not_in_file rss_MB
mkdir -p "$work/www"
for size in "${sizes[@]}"; do
    truncate -s "${size}M" "$work/www/big.bin"
    # Read once first: the first read of a fresh file fills the page cache and
    # ran at a fifth of the speed, which went to whichever run came first.
    cat "$work/www/big.bin" >/dev/null
    read -r s0 _ _ _ r0 < <(run_lab "$size" states-only)
    read -r s1 c1 d1 n1 r1 < <(run_lab "$size" namespace)
    ratio=$(python3 -c "print(f'{$s1/$s0:.2f}' if $s0 else '?')")
    printf '%-8s %-26s %12.0f %8s %10s %8s %11s %9d\n' "${size}M" "lab${NO_GATE:+ --no-gate}, no capture" "$(python3 -c "print($s0/1e6)")" 1.00 - - - $((r0 / 1024))
    printf '%-8s %-26s %12.0f %8s %10s %8s %11s %9d\n' "${size}M" "lab${NO_GATE:+ --no-gate}, capture" "$(python3 -c "print($s1/1e6)")" "$ratio" "$c1" "$d1" "$n1" $((r1 / 1024))
    if command -v dumpcap >/dev/null && command -v unshare >/dev/null; then
        read -r s2 c2 d2 < <(run_dumpcap "$size")
        ratio=$(python3 -c "print(f'{$s2/$s0:.2f}' if $s0 else '?')")
        printf '%-8s %-26s %12.0f %8s %10s %8s %11s %9s\n' "${size}M" "dumpcap -B 64 (anchor)" "$(python3 -c "print($s2/1e6)")" "$ratio" "$c2" "$d2" - -
    fi
    rm -f "$work/www/big.bin"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
