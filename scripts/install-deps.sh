#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages socklab needs to build, test, package and
# run, only those missing (apt-get; directly as root, through sudo otherwise).
set -euo pipefail

packages=(
    build-essential cmake pkg-config ccache
    qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libpcap-dev libseccomp-dev libmnl-dev libgtest-dev libgmock-dev libbenchmark-dev
    fonts-noto-cjk
    # test oracles and the programs the lab tests run
    tshark python3 netcat-openbsd curl iptables strace clang
    # screenshots and export checks (a real X server, image and PDF tools)
    xvfb x11-utils imagemagick poppler-utils
    # the Debian package: build (CPack's shlibdeps) and check it
    dpkg-dev file desktop-file-utils apparmor
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

# Root (a container, a lab PC set up by an admin) needs no sudo; a user needs it.
if [ "$(id -u)" -eq 0 ]; then
    as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
    echo "socklab: missing packages and no sudo: as root run: apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "socklab: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
