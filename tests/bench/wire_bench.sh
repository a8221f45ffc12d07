#!/usr/bin/env bash
# Wire benchmark (issue 11): `socklab lab` with the wire passing everything
# (--wire loss=0%, MTU 1500) against the same session without the wire (lo at
# 65536, no wire; and lo at 1500 is not possible without the wire), measured by
# the programs themselves: a bulk TCP transfer (MiB/s) and UDP round trips
# (median µs). Prints the throughput ratio, the added latency per packet (half
# the round-trip difference), packets/s through the wire and what the wire
# itself lost (relay_lost: packets the kernel could not queue; 0 is the goal),
# and (issue 12) the events of a transfer through the wire, passing and with
# a 2 ms delay, with socklab's peak RSS.
#
#   bash tests/bench/wire_bench.sh [BUILD_DIR] [MIB] [ROUND_TRIPS]   (default: build 200 2000)
set -euo pipefail
build=${1:-build}
mib=${2:-200}
trips=${3:-2000}
socklab=$(realpath "$build/bin/socklab")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { # socklab --json on stdin, actor -> its last stdout line; also "stats" -> the wire-stats note
    python3 -c '
import json, sys
d = json.load(sys.stdin)
want = sys.argv[1]
if want == "stats":
    s = [e["args"] for e in d["events"] if e.get("code") == "wire-stats"]
    print(" ".join("%s=%s" % kv for kv in sorted(s[-1].items())) if s else "no-wire")
else:
    out = [e["args"]["text"] for e in d["events"] if e.get("code") == "program-output" and e["actor"] == want]
    print(out[-1] if out else "none")' "$1"
}

run() { # OUT WIRE... -- programs; socklab's peak RSS (kB) goes to OUT.rss
    local out=$1; shift
    /usr/bin/time -f %M -o "$out.rss" "$socklab" lab --json --payload 0 --no-gate --timeout 600 "$@" > "$out"
}

events() { # socklab --json on stdin -> "events wire_events segments delayed_segments"
    python3 -c '
import json, sys
ev = json.load(sys.stdin)["events"]
seg = [e for e in ev if e["kind"] in ("segment", "datagram")]
print(len(ev), sum(e["kind"] == "wire" for e in ev), len(seg), sum("wire_delay_us" in e for e in seg))'
}

echo "bulk transfer: $mib MiB, one TCP connection (python3 sendall 64 KiB / recv_into 1 MiB)"
run "$work/plain.json" -- python3 "$here/wire_bulk_server.py" 12901 --- python3 "$here/wire_bulk_client.py" 12901 "$mib"
run "$work/wire64k.json" --wire loss=0%,mtu=65536 -- python3 "$here/wire_bulk_server.py" 12901 --- python3 "$here/wire_bulk_client.py" 12901 "$mib"
run "$work/wire.json" --wire loss=0%,mtu=1500 -- python3 "$here/wire_bulk_server.py" 12901 --- python3 "$here/wire_bulk_client.py" 12901 "$mib"
read -r bytes0 secs0 < <(field wire_bulk_server.py < "$work/plain.json")
read -r bytes2 secs2 < <(field wire_bulk_server.py < "$work/wire64k.json")
read -r bytes1 secs1 < <(field wire_bulk_server.py < "$work/wire.json")
stats2=$(field stats < "$work/wire64k.json")
stats=$(field stats < "$work/wire.json")
python3 - "$bytes0" "$secs0" "$bytes2" "$secs2" "$bytes1" "$secs1" "$stats2" "$stats" <<'PY'
import sys
b0, s0, b2, s2, b1, s1 = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
st2 = dict(kv.split("=") for kv in sys.argv[7].split())
st = dict(kv.split("=") for kv in sys.argv[8].split())
r0, r2, r1 = b0 / s0 / 2**20, b2 / s2 / 2**20, b1 / s1 / 2**20
print("  no wire (lo MTU 65536):    %d bytes in %.2f s = %.1f MiB/s" % (b0, s0, r0))
print("  wire pass-all, MTU 65536:  %d bytes in %.2f s = %.1f MiB/s (ratio to no wire %.3f; %s packets, lost by the wire itself %s)"
      % (b2, s2, r2, r2 / r0, st2["received"], st2["relay_lost"]))
print("  wire pass-all, MTU 1500:   %d bytes in %.2f s = %.1f MiB/s (ratio to no wire %.3f)" % (b1, s1, r1, r1 / r0))
print("  at MTU 1500 through the wire: %s packets (largest %s bytes), %.0f packets/s; lost by the wire itself: %s; dropped: %s"
      % (st["received"], st["largest_packet"], int(st["received"]) / s1, st["relay_lost"], st["dropped"]))
PY

# Issue 12: what the timeline holds of a transfer through the wire. A plain
# pass is no event of its own, a policy's delay rides on the packet's capture.
run "$work/delay.json" --wire delay=2ms,mtu=1500 -- python3 "$here/wire_bulk_server.py" 12901 --- python3 "$here/wire_bulk_client.py" 12901 "$mib"
for r in plain wire delay; do
    read -r n nw ns nd < <(events < "$work/$r.json")
    printf '  %-6s events %d: %d wire events, %d segments (%d carrying a delay); peak RSS %d MB\n' \
        "$r" "$n" "$nw" "$ns" "$nd" $(( $(cat "$work/$r.json.rss") / 1024 ))
done

echo "UDP round trips: $trips of 64 bytes"
run "$work/ping0.json" -- python3 "$here/wire_ping_server.py" 12902 --- python3 "$here/wire_ping_client.py" 12902 "$trips"
run "$work/ping1.json" --wire loss=0% -- python3 "$here/wire_ping_server.py" 12902 --- python3 "$here/wire_ping_client.py" 12902 "$trips"
p0=$(field wire_ping_client.py < "$work/ping0.json")
p1=$(field wire_ping_client.py < "$work/ping1.json")
python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print("  median round trip: %.1f us without, %.1f us with the wire: +%.1f us per packet" % (a, b, (b - a) / 2))' "$p0" "$p1"
