#!/usr/bin/env bash
# Checks dist/socklab_<version>_<arch>.deb (ctest -L package, run by scripts/package):
#   bash packaging/check-package.sh DIST_DIR VERSION
# Always: its contents and control fields, desktop-file-validate, the MIME type,
# the man page (every verb, every exit code), the icon, `apparmor_parser -Q -K`.
# As root, when no socklab package is installed already: apt-get install it,
# run `socklab run handshake` as uid 65534 (packets captured in the private
# lab), then dpkg -r and dpkg --purge, each leaving nothing of it behind.
set -euo pipefail
dist=$1 version=$2
fail() { echo "package check: FAIL: $*" >&2; exit 1; }
note() { echo "package check: $*"; }

shopt -s nullglob
debs=("$dist"/socklab_"$version"_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one $dist/socklab_${version}_*.deb (run bash scripts/package), found ${#debs[@]}"
deb=$(cd "$(dirname "${debs[0]}")" && pwd)/$(basename "${debs[0]}")
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "socklab_${version}_${arch}.deb" ] || fail "file name $(basename "$deb")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Control fields: name, version, and the runtime packages apt must pull in.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = socklab ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
depends=$(field Depends)
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libpcap0.8 qt6-qpa-plugins libc6; do
    grep -Eq "(^|, )$dep([ ,]|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
note "Depends: $depends"

# Contents.
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
for f in ./usr/bin/socklab ./usr/share/applications/socklab.desktop \
    ./usr/share/icons/hicolor/scalable/apps/socklab.svg ./usr/share/mime/packages/socklab.xml \
    ./usr/share/man/man1/socklab.1.gz ./etc/apparmor.d/socklab; do
    grep -qx "$f" "$work/contents" || fail "missing $f"
done
dpkg-deb -e "$deb" "$work/control"
for s in postinst prerm postrm; do
    [ -x "$work/control/$s" ] || fail "no executable $s"
    sh -n "$work/control/$s" || fail "$s: shell syntax"
done
dpkg-deb -x "$deb" "$work/root"
file -b "$work/root/usr/bin/socklab" | grep -q "ELF 64-bit.*executable" || file -b "$work/root/usr/bin/socklab" | grep -q "pie executable" \
    || fail "usr/bin/socklab: $(file -b "$work/root/usr/bin/socklab")"

# Desktop entry: valid, English and Chinese, the categories, the MIME type.
desktop=$work/root/usr/share/applications/socklab.desktop
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
if grep -Ev "^$desktop: hint:" <<<"$out" | grep -q .; then fail "desktop-file-validate: $out"; fi
grep -q '^Name\[zh_CN\]=.*[^ -~]' "$desktop" || fail "no Chinese Name[zh_CN]"
grep -q '^Categories=Education;Network;$' "$desktop" || fail "Categories"
mime=$work/root/usr/share/mime/packages/socklab.xml
type=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$mime")
grep -q "^MimeType=$type;$" "$desktop" || fail "desktop MimeType is not $type"
grep -q 'glob pattern="\*.socklab.json"' "$mime" || fail "MIME glob is not *.socklab.json (what File ▸ Save session writes)"
python3 - "$mime" "$work/root/usr/share/icons/hicolor/scalable/apps/socklab.svg" <<'PY' || fail "MIME XML or SVG icon"
import sys, xml.etree.ElementTree as ET
ET.parse(sys.argv[1])
root = ET.parse(sys.argv[2]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
PY
if command -v update-mime-database >/dev/null; then
    mkdir -p "$work/mime/packages" && cp "$mime" "$work/mime/packages/"
    XDG_DATA_DIRS=$work update-mime-database "$work/mime" 2>&1 | grep . && fail "update-mime-database complains"
    grep -q "$type" "$work/mime/globs2" || fail "the MIME database does not know $type"
fi

# Man page: renders without warnings, names every verb and every exit code.
man=$work/root/usr/share/man/man1/socklab.1.gz
warnings=$(zcat "$man" | LC_ALL=C.UTF-8 MANWIDTH=100 groff -man -Tutf8 -ww -z 2>&1) || fail "groff: $warnings"
[ -z "$warnings" ] || fail "man page warnings: $warnings"
text=$(zcat "$man" | LC_ALL=C.UTF-8 MANWIDTH=100 groff -man -Tutf8 -P-cbou 2>/dev/null)
grep -q "socklab $version" <<<"$text" || fail "man page lacks the version $version"
for verb in list run export lab doctor --version --help "lab --attach"; do
    grep -q -- "socklab $verb" <<<"$text" || fail "man page lacks socklab $verb"
done
grep -q "EXIT STATUS" <<<"$text" || fail "man page lacks EXIT STATUS"
for code in 0 1 2; do
    awk '/EXIT STATUS/{on=1} /ENVIRONMENT/{on=0} on' <<<"$text" | grep -Eq "^ +$code\b" || fail "man page: exit code $code"
done

# AppArmor profile: parses (-Q: no load, -K: no cache). AppArmor < 4 (Debian 12)
# predates the userns rule (and restricts nothing): there the rest is checked.
profile=$work/root/etc/apparmor.d/socklab
grep -q '^profile socklab /usr/bin/socklab ' "$profile" || fail "profile does not attach to /usr/bin/socklab"
grep -q '^  userns,$' "$profile" || fail "profile lacks userns"
printf 'abi <abi/4.0>,\nprofile probe /x {\n  userns,\n}\n' >"$work/probe"
if apparmor_parser -Q -K "$work/probe" >/dev/null 2>&1; then
    apparmor_parser -Q -K "$profile" || fail "apparmor_parser -Q -K rejects the profile"
    note "apparmor_parser -Q -K: profile ok"
else
    sed -e '/^abi <abi\/4.0>,$/d' -e '/^  userns,$/d' "$profile" >"$work/profile-without-userns"
    apparmor_parser -Q -K "$work/profile-without-userns" 2>&1 | grep -v "^Cache read/write disabled" | grep . \
        && fail "apparmor_parser -Q -K rejects the profile (userns rule aside)"
    note "apparmor_parser $(apparmor_parser --version | sed -n '1s/.*version //p') knows no userns rule: checked the profile without it"
fi

# Install, use, remove: only as root, and never over a socklab someone installed.
if [ "$(id -u)" -ne 0 ]; then
    note "not root: install/remove not tried"
    exit 0
fi
if dpkg-query -W -f='${Status}' socklab 2>/dev/null | grep -q "installed"; then
    note "a socklab package is installed here already: install/remove not tried"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install"; }
trap 'dpkg --purge socklab >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ "$(/usr/bin/socklab --version)" = "socklab $version" ] || fail "installed socklab --version"
if grep -qs . /sys/kernel/security/apparmor/profiles && aa-enabled --quiet 2>/dev/null; then
    grep -q "^socklab " /sys/kernel/security/apparmor/profiles || note "AppArmor active, profile not loaded (parser too old for userns)"
fi
# An ordinary user captures real packets in the private lab.
(cd /tmp && setpriv --reuid=65534 --regid=65534 --clear-groups env -i HOME=/tmp PATH=/usr/bin:/bin \
    /usr/bin/socklab run handshake --json) >"$work/run.json" 2>"$work/run.err" || { cat "$work/run.err"; fail "socklab run handshake as uid 65534"; }
python3 - "$work/run.json" <<'PY' || fail "socklab run handshake as uid 65534: not captured in the lab"
import json, sys
doc = json.load(open(sys.argv[1]))
flags = [",".join(e["flags"]) for e in doc["events"] if e["kind"] == "segment"]
assert doc["capture"] == "namespace", doc["capture"]
assert flags[:3] == ["SYN", "SYN,ACK", "ACK"], flags
PY
note "installed: socklab run handshake as uid 65534 captured SYN, SYN+ACK, ACK in its private lab"

leftovers() {
    local left=""
    while read -r f; do
        f=${f#.}
        [ -n "$f" ] && [ "$f" != / ] || continue
        [ -d "$f" ] && [ ! -L "$f" ] && continue # shared folders (/usr/bin, /etc/apparmor.d) stay
        [ -e "$f" ] || [ -L "$f" ] && left="$left $f"
    done <"$work/contents"
    compgen -G "/var/cache/apparmor/*/socklab" >/dev/null && left="$left /var/cache/apparmor/*/socklab"
    grep -qs "^socklab " /sys/kernel/security/apparmor/profiles && left="$left (AppArmor profile still loaded)"
    echo "$left"
}
dpkg -r socklab >/dev/null
left=$(leftovers)
[ -z "$left" ] || fail "dpkg -r left:$left"
dpkg --purge socklab >/dev/null
dpkg-query -W -f='${Status}' socklab 2>/dev/null | grep -q . && [ "$(dpkg-query -W -f='${Status}' socklab)" != "unknown ok not-installed" ] \
    && fail "still known to dpkg after purge: $(dpkg-query -W -f='${Status}' socklab)"
left=$(leftovers)
[ -z "$left" ] || fail "dpkg --purge left:$left"
note "dpkg -r and dpkg --purge left nothing behind"
