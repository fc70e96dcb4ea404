#!/usr/bin/env bash
# The Debian package on a clean Debian 12, as IT installs it:
#   tests/package/clean-root.sh [--fake-square PROGRAM] build/test/deb/loyaltytill_VERSION_ARCH.deb
# mmdebstrap --variant=apt bookworm into a directory (root mode: run as root), apt from the Debian mirror, then in a
# chroot (the root bound on itself; /proc, /sys and /dev/shm mounted):
#  - IT's preset (conf.d) and lock (policy.d) written before anything is installed;
#  - a previous version (this package relabelled VERSION~prev1) installed with apt, then systemd and a machine id as
#    a kiosk has them, and a kiosk store of 1,000 members with points; the upgrade to PACKAGE keeps every one;
#  - config --show-origin names the preset's and the lock's files; a change of the locked key exits 4, changes nothing;
#  - setup with a canary Square token on stdin against the fake Square on 127.0.0.1, sealed by systemd-creds;
#    doctor --json with the credential handed over as the kiosk's unit does; the till started offscreen; a slip and a
#    card sheet printed to PDFs;
#  - remove keeps the stores and the configuration; purge keeps the kiosk store unless loyaltytill/purge-store was
#    answered yes, and never deletes a user's store;
#  - the whole root searched for the canary token, its logs and the programs' debug logs for the canary member.
# Apt is the only thing that uses the network: once the packages are in, everything inside runs in a network
# namespace with loopback alone.
# Each phase is timed and the table printed at the end, also after a failure; a failure names its phase, exit 1.
# Environment: LOYALTYTILL_DEBIAN_MIRROR (default http://deb.debian.org/debian), LOYALTYTILL_SECURITY_MIRROR
# (default http://deb.debian.org/debian-security), LOYALTYTILL_KEEP_ROOT=1 keeps the root for a look afterwards.
# Needs mmdebstrap, dpkg-dev, jq, iproute2 and the fake Square (built with the tests: build/test/tests/sync/).
set -euo pipefail

usage() {
    sed -n '3p' "$0" | sed 's/^# */usage: /' >&2
    exit 2
}
fake_square=$(cd "$(dirname "$0")/../.." && pwd)/build/test/tests/sync/loyaltytill-fake-square
while [ $# -gt 1 ]; do
    case "$1" in
    --fake-square) fake_square=$2; shift 2 ;;
    *) usage ;;
    esac
done
[ $# -eq 1 ] || usage
deb=$(realpath "$1")
[ -f "$deb" ] || { echo "no such package: $1" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "clean-root.sh runs as root (mmdebstrap's root mode, chroot, mount)" >&2; exit 2; }
for tool in mmdebstrap dpkg-deb jq chroot findmnt ip; do
    command -v "$tool" >/dev/null || { echo "clean-root.sh needs $tool" >&2; exit 2; }
done
[ -x "$fake_square" ] || { echo "no fake Square at $fake_square (build the tests, or give --fake-square)" >&2; exit 2; }

mirror=${LOYALTYTILL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${LOYALTYTILL_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)
previous_version="$version~prev1"
kiosk_store=/var/lib/loyaltytill/loyaltytill.sqlite
user_store=/home/cashier/.local/share/LoyaltyTill/loyaltytill.sqlite
# Canaries: a Square token that must never reach a file, and a member who must never reach a log. The token is
# random per run so that no file can hold it by chance.
canary_token="EAAAcanary$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
canary_name="Wilhelmina Canarywood"
canary_phone="+44 20 7946 0958"
canary_phone_digits="2079460958"

work=$(mktemp -d "${TMPDIR:-/tmp}/lt-clean-root.XXXXXX")
root="$work/root"
logs="$work/logs"
mkdir -p "$root" "$logs"
chmod 700 "$work"

# ---- phases, timings, failures
phase_names=()
phase_ms=()
current=""
phase_started=0
now_ms() { echo $(($(date +%s%N) / 1000000)); }
finish_phase() {
    [ -n "$current" ] || return 0
    phase_names+=("$current")
    phase_ms+=($(($(now_ms) - phase_started)))
    current=""
}
phase() {
    finish_phase
    current=$1
    phase_started=$(now_ms)
    echo "== $current"
}
failed_phase=""
fail() {
    failed_phase=${current:-setup}
    echo "FAIL [$failed_phase] $*" >&2
    exit 1
}
expect() { # expect DESCRIPTION COMMAND...: the command succeeds, or the phase fails
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; else fail "$what"; fi
}
logged() { # logged NAME COMMAND...: output to $logs/NAME.log, shown when the command fails
    local name=$1
    shift
    if ! "$@" >"$logs/$name.log" 2>&1; then
        tail -n 40 "$logs/$name.log" >&2
        fail "$name: '$*' failed"
    fi
}
print_timings() {
    [ ${#phase_names[@]} -gt 0 ] || return 0
    local total=0 i
    echo
    echo "| phase | seconds |"
    echo "|---|---|"
    for i in "${!phase_names[@]}"; do
        printf '| %s | %d.%d |\n' "${phase_names[i]}" $((phase_ms[i] / 1000)) $((phase_ms[i] % 1000 / 100))
        total=$((total + phase_ms[i]))
    done
    printf '| **total** | **%d.%d** |\n' $((total / 1000)) $((total % 1000 / 100))
}

# ---- the root's mounts, taken down on every way out
mounts=()
mount_in_root() { # mount_in_root TYPE TARGET
    mkdir -p "$root$2"
    mount -t "$1" "lt-$1" "$root$2"
    mounts+=("$root$2")
}
unmount_last() {
    umount "${mounts[-1]}"
    unset 'mounts[-1]'
}
unmount_all() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" || true
    done
    mounts=()
}
# Once the package and what a kiosk needs are installed, every command inside runs in a network namespace of its
# own with loopback only: the tests inside can reach nothing but 127.0.0.1 (the fake Square runs there too).
netns=""
go_offline() {
    netns="lt-clean-root-$$"
    ip netns add "$netns"
    ip -n "$netns" link set lo up
}
square_pid=""
cleanup() {
    local rc=$?
    [ -z "$current" ] || [ $rc -eq 0 ] || failed_phase=${failed_phase:-$current}
    phase "clean-up"
    if [ -n "$square_pid" ]; then
        kill "$square_pid" 2>/dev/null || true
        wait "$square_pid" 2>/dev/null || true
    fi
    unmount_all
    [ -z "$netns" ] || ip netns delete "$netns" || true
    if findmnt -rn -o TARGET | grep -q -F "$root"; then
        echo "clean-root: something is still mounted under $root; left in place" >&2
    elif [ "${LOYALTYTILL_KEEP_ROOT:-}" = 1 ]; then
        echo "clean-root: the root is kept in $root, the logs in $logs"
    else
        rm -rf --one-file-system "$work"
    fi
    finish_phase
    print_timings
    if [ $rc -eq 0 ]; then
        echo "clean-root: every phase passed"
    else
        echo "clean-root: FAILED in phase '${failed_phase:-setup}'" >&2
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- commands inside the root: a clean environment, so that nothing of this machine's leaks in
in_root() {
    local offline=()
    [ -z "$netns" ] || offline=(ip netns exec "$netns")
    "${offline[@]}" chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
# As the kiosk's service user, in its home, as loyaltytill-kiosk.service runs the till.
in_root_as_kiosk_user() {
    ip netns exec "$netns" chroot --userspec=loyaltytill:loyaltytill "$root" /usr/bin/env -i \
        PATH=/usr/bin:/bin HOME=/var/lib/loyaltytill LANG=C.UTF-8 "$@"
}
admin() { in_root loyaltytill-admin "$@"; }
# The same with every category of the product logging at debug (QT_LOGGING_RULES wins over the configuration): their
# log lines go to standard error, which is kept in $logs/*.err and searched for the canaries at the end.
admin_debug() { in_root env QT_LOGGING_RULES='loyaltytill.*.debug=true' loyaltytill-admin "$@"; }
# shellcheck disable=SC2016 # dpkg-query's own ${field} syntax
installed_version() { in_root dpkg-query -W -f='${db:Status-Abbrev}${Version}' loyaltytill 2>/dev/null || true; }
# The kiosk store's members as "id balance lifetime_points" lines, from its export.
member_points() {
    admin --database "$kiosk_store" export --format json | jq -r '.members[] | "\(.id) \(.balance) \(.lifetime_points)"'
}
audit_count() { admin --database "$kiosk_store" audit --limit 100000 --json | jq '.entries | length'; }
origin_of() { # origin_of KEY: "ORIGIN SOURCE VALUE" from config --show-origin --json
    admin config --show-origin --json |
        jq -r --arg k "$1" '.settings[] | select(.key == $k) | "\(.origin) \(.source) \(.value)"'
}
install_package() { # install_package LOGNAME FILE
    logged "$1" in_root apt-get install -y -q --no-install-recommends "/tmp/packages/$(basename "$2")"
}

phase "bootstrap"
logged mmdebstrap mmdebstrap --variant=apt --mode=root bookworm "$root" "deb $mirror bookworm main" \
    "deb $mirror bookworm-updates main" "deb $security bookworm-security main"
# The root on itself, so that inside the chroot / is a mount point: programs that look up the mount holding a path
# (the doctor's free space) find it there as on a real machine.
mount --bind "$root" "$root"
mounts+=("$root")
mount_in_root proc /proc
mount_in_root sysfs /sys
mount_in_root tmpfs /dev/shm
logged apt-update in_root apt-get update -q

phase "previous package"
# No older package is published: this one relabelled with a lower version, so that apt upgrades from it.
mkdir -p "$root/tmp/packages"
dpkg-deb -R "$deb" "$work/previous"
sed -i "s/^Version: .*/Version: $previous_version/" "$work/previous/DEBIAN/control"
previous="$root/tmp/packages/loyaltytill_${previous_version}_$arch.deb"
logged previous-build dpkg-deb -Zgzip -b "$work/previous" "$previous"
rm -rf "$work/previous"
cp "$deb" "$root/tmp/packages/"

phase "preset and lock"
# Before anything is installed, as IT's configuration management would: the package must keep IT's files.
install -d -m 755 "$root/etc/loyaltytill/conf.d" "$root/etc/loyaltytill/policy.d"
cat >"$root/etc/loyaltytill/conf.d/10-site.conf" <<EOF
# This shop's tills
till.name = Front till
backup.keep = 7
store.database = $kiosk_store
square.token_store = systemd-credential
EOF
cat >"$root/etc/loyaltytill/policy.d/50-lock.conf" <<EOF
# Phone numbers are British here, whatever a manager sets.
phone.default_region = GB
EOF
chown root:root "$root"/etc/loyaltytill/{conf.d,policy.d}/*.conf
chmod 644 "$root"/etc/loyaltytill/{conf.d,policy.d}/*.conf
it_files_sum() { sha256sum "$root"/etc/loyaltytill/conf.d/10-site.conf "$root"/etc/loyaltytill/policy.d/50-lock.conf; }
it_files=$(it_files_sum)

phase "install previous"
install_package install-previous "$previous"
expect "loyaltytill $previous_version installed" test "$(installed_version)" = "ii $previous_version"
expect "IT's preset and lock untouched by the installation" test "$(it_files_sum)" = "$it_files"

phase "kiosk prerequisites"
# What a booted Debian kiosk has and the apt variant lacks: systemd (systemd-creds seals the Square token) and a
# machine id (systemd-creds binds its host key to it; first boot writes it). After the package, so that the
# package's own dependencies were enough to install it.
logged install-systemd in_root apt-get install -y -q --no-install-recommends systemd
logged machine-id in_root systemd-machine-id-setup
go_offline
expect "no network inside but loopback" test "$(in_root cat /proc/net/route | wc -l)" -le 1

phase "store of 1,000 members"
expect "the package made the kiosk's user and its home, mode 0700" \
    test "$(in_root stat -c '%U:%G %a' "$(dirname "$kiosk_store")")" = "loyaltytill:loyaltytill 700"
logged init admin init
logged generate admin generate --members 1000 --sales 5000 --seed 11
# The canary member, enrolled and earning points with every log category at debug.
admin_debug enroll --phone "$canary_phone" --name "$canary_name" >/dev/null 2>"$logs/enroll-canary.err" ||
    fail "enroll: $(cat "$logs/enroll-canary.err")"
admin_debug accrue --phone "$canary_phone" --sale CANARY-1 --amount 42.00 >/dev/null 2>"$logs/accrue-canary.err" ||
    fail "accrue: $(cat "$logs/accrue-canary.err")"
member_points >"$work/points-before"
members_before=$(wc -l <"$work/points-before")
points_before=$(awk '{ s += $2 } END { print s + 0 }' "$work/points-before")
expect "1,001 members in the kiosk store ($members_before)" test "$members_before" -eq 1001
expect "members hold points ($points_before)" test "$points_before" -gt 0
# A user's own store, which no purge may ever delete.
install -d "$(dirname "$root$user_store")"
logged init-user-store admin --database "$user_store" init
user_store_sum=$(sha256sum <"$root$user_store")

phase "upgrade"
install_package upgrade "$deb"
expect "loyaltytill $version installed over $previous_version" test "$(installed_version)" = "ii $version"
member_points >"$work/points-after"
points_after=$(awk '{ s += $2 } END { print s + 0 }' "$work/points-after")
expect "every member kept ($(wc -l <"$work/points-after"))" test "$(wc -l <"$work/points-after")" -eq "$members_before"
expect "every point kept ($points_after)" test "$points_after" -eq "$points_before"
expect "each member's balance and lifetime points unchanged" cmp -s "$work/points-before" "$work/points-after"
expect "check: every balance equals its ledger" test "$(admin check --json | jq .ok)" = true
expect "IT's preset and lock untouched by the upgrade" test "$(it_files_sum)" = "$it_files"

phase "config and lock"
admin config --show-origin >"$logs/config.txt"
grep -A1 -e '^till.name' -e '^backup.keep' -e '^phone.default_region' "$logs/config.txt"
expect "till.name preset by conf.d/10-site.conf" \
    test "$(origin_of till.name)" = "system /etc/loyaltytill/conf.d/10-site.conf:2 Front till"
expect "backup.keep preset by conf.d/10-site.conf" \
    test "$(origin_of backup.keep)" = "system /etc/loyaltytill/conf.d/10-site.conf:3 7"
expect "phone.default_region locked by policy.d/50-lock.conf" \
    test "$(origin_of phone.default_region)" = "locked /etc/loyaltytill/policy.d/50-lock.conf:2 GB"
expect "the human form names the lock's file" grep -q 'locked: /etc/loyaltytill/policy.d/50-lock.conf:2' \
    "$logs/config.txt"
audit_before=$(audit_count)
set +e
admin settings phone.default_region US >"$logs/refused.log" 2>&1
refused=$?
set -e
cat "$logs/refused.log"
expect "a change of the locked key is refused with exit 4 (got $refused)" test "$refused" -eq 4
expect "the refusal names the policy file" grep -q '/etc/loyaltytill/policy.d/50-lock.conf' "$logs/refused.log"
expect "the locked key still reads GB" test "$(admin settings --json | jq -r '.settings["phone.default_region"]')" = GB
expect "the refusal wrote nothing to the audit log" test "$(audit_count)" -eq "$audit_before"

phase "setup and doctor"
# The fake Square on the root's loopback, accepting the canary token alone; it prints its address first.
ip netns exec "$netns" "$fake_square" --port 0 --token "$canary_token" >"$work/square-url" 2>"$logs/fake-square.log" &
square_pid=$!
for _ in $(seq 100); do
    [ -s "$work/square-url" ] && break
    sleep 0.1
done
square_url=$(head -n 1 "$work/square-url")
[ -n "$square_url" ] || fail "the fake Square did not start: $(tail -n 3 "$logs/fake-square.log")"
# IT pairs the kiosk store (already full of members) as root: PIN and token on standard input, never as arguments.
sealed=/etc/loyaltytill/credentials/square-token.cred
set +e
printf '%s\n%s\n' 2468 "$canary_token" | admin_debug setup --json --manager "Ana Manager" --environment "$square_url" \
    --location L-FAKE-0001 >"$logs/setup.json" 2>"$logs/setup.err"
paired=$?
set -e
jq -r '.steps | to_entries[] | "     \(.key): \(.value.text)"' "$logs/setup.json" ||
    cat "$logs/setup.json" "$logs/setup.err"
expect "setup paired the till (exit $paired)" test "$paired" -eq 0
expect "the token is sealed in $sealed, mode 0600 in a 0700 folder" \
    test "$(stat -c %a "$root$sealed") $(stat -c %a "$(dirname "$root$sealed")")" = "600 700"
# What LoadCredentialEncrypted= does for the kiosk's unit: the token decrypted into unswappable memory (ramfs) that
# only the service sees, named by $CREDENTIALS_DIRECTORY; gone again when the ramfs is unmounted.
credentials=/run/credentials/loyaltytill-kiosk.service
mount_in_root ramfs "$credentials"
chmod 700 "$root$credentials"
logged decrypt in_root systemd-creds decrypt --name=square-token "$sealed" "$credentials/square-token"
set +e
in_root env CREDENTIALS_DIRECTORY="$credentials" QT_LOGGING_RULES='loyaltytill.*.debug=true' \
    loyaltytill-admin doctor --json >"$logs/doctor.json" 2>"$logs/doctor.err"
healthy=$?
set -e
unmount_last
jq -r '.checks[] | "     \(.status | ascii_upcase) \(.id): \(.found)"' "$logs/doctor.json" ||
    cat "$logs/doctor.json" "$logs/doctor.err"
expect "doctor finds nothing failed (exit $healthy)" test "$healthy" -eq 0
doctor_status() { jq -r --arg id "$1" '.checks[] | select(.id == $id) | .status' "$logs/doctor.json"; }
for check in database keychain square backups clock config scanner; do
    expect "doctor: $check ok" test "$(doctor_status "$check")" = ok
done
expect "doctor: printer checked" test -n "$(doctor_status printer)"
expect "no output of setup or doctor names the token" \
    test -z "$(grep -l -F -e "$canary_token" "$logs"/{setup,doctor}.{json,err} "$logs/decrypt.log" || true)"
# While the till is paired: no file of the root holds the token (the mounted /proc, /sys, /dev/shm are not files).
hits=$(find "$root" -xdev -type f -print0 | xargs -0 grep -a -l -F -e "$canary_token" || true)
[ -z "$hits" ] || echo "$hits" >&2
expect "the paired root holds the Square token in no file" test -z "$hits"

phase "till offscreen"
# What IT made as root in the kiosk's home stays the kiosk user's, so that its till can open and back up the store.
expect "every file of the kiosk's store and backups is the kiosk user's" \
    test -z "$(in_root find "$(dirname "$kiosk_store")" ! -user loyaltytill)"
# The till as the kiosk's user, on Qt's offscreen platform instead of Cage: it starts only if the platform, SQLite
# and other plugins are there, and only if that user can open the store. In kiosk mode, as its unit starts it
# (--measure-startup ends the till without the close a kiosk till refuses).
set +e
startup=$(in_root_as_kiosk_user env QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='loyaltytill.*.debug=true' \
    timeout 60 loyaltytill --kiosk --measure-startup 2>"$logs/till.err")
started=$?
set -e
grep -v -e '^loyaltytill\.' "$logs/till.err" || true # Qt's own messages; the product's debug lines stay in the file
expect "the till started and quit cleanly as the kiosk's user (exit $started)" test "$started" -eq 0
expect "the till took keys after $startup ms" grep -Eq '^[0-9]+(\.[0-9]+)?$' <<<"$startup"
expect "no Qt plugin or library missing" test -z "$(grep -i -e 'could not load' -e 'cannot load' \
    -e 'driver not loaded' -e 'plugin.*not found' "$logs/till.err" || true)"

phase "slip and cards"
# What the installed libraries (libzint, Qt's print support) and fonts draw: the canary sale's slip and a sheet of
# pre-printed cards, as PDFs. A slip names its member by first name and the phone's last four digits only.
logged slip admin --database "$kiosk_store" slip CANARY-1 --printer pdf:/tmp/slip.pdf
logged cards admin --database "$kiosk_store" cards --unassigned 10 --output /tmp/cards.pdf
expect "the slip is a PDF" test "$(head -c 5 "$root/tmp/slip.pdf")" = "%PDF-"
expect "the card sheet is a PDF" test "$(head -c 5 "$root/tmp/cards.pdf")" = "%PDF-"
expect "the card sheet is its owner's alone" test "$(stat -c %a "$root/tmp/cards.pdf")" = 600
rm -f "$root/tmp/slip.pdf" "$root/tmp/cards.pdf"

phase "remove"
kiosk_store_sum=$(sha256sum <"$root$kiosk_store")
logged remove in_root apt-get remove -y -q loyaltytill
expect "removed, configuration kept (rc)" test "$(installed_version)" = "rc $version"
expect "the programs are gone" test ! -e "$root/usr/bin/loyaltytill"
expect "the example config (a conffile) is kept" test -f "$root/etc/loyaltytill/loyaltytill.conf"
expect "IT's preset and lock are kept" test "$(it_files_sum)" = "$it_files"
expect "the kiosk store is kept, unchanged" test "$(sha256sum <"$root$kiosk_store")" = "$kiosk_store_sum"
expect "the user's store is kept, unchanged" test "$(sha256sum <"$root$user_store")" = "$user_store_sum"

phase "purge, store kept"
# Nobody answered loyaltytill/purge-store: its default, no.
logged purge-keep in_root apt-get purge -y -q loyaltytill
expect "purged" test -z "$(installed_version)"
expect "the example config is purged" test ! -e "$root/etc/loyaltytill/loyaltytill.conf"
expect "IT's own preset and lock stay" test "$(it_files_sum)" = "$it_files"
expect "the kiosk store is kept, unchanged" test "$(sha256sum <"$root$kiosk_store")" = "$kiosk_store_sum"
expect "the user's store is kept, unchanged" test "$(sha256sum <"$root$user_store")" = "$user_store_sum"

phase "reinstall, purge with the store"
install_package reinstall "$deb"
expect "loyaltytill $version installed again" test "$(installed_version)" = "ii $version"
member_points >"$work/points-reinstalled"
expect "a new installation finds the kept store's members and points" \
    cmp -s "$work/points-before" "$work/points-reinstalled"
echo "loyaltytill loyaltytill/purge-store boolean true" | in_root debconf-set-selections
logged purge-delete in_root apt-get purge -y -q loyaltytill
expect "purged" test -z "$(installed_version)"
expect "IT said yes: the kiosk store is deleted" test ! -e "$root$(dirname "$kiosk_store")"
expect "the user's store is never deleted" test "$(sha256sum <"$root$user_store")" = "$user_store_sum"

phase "canaries"
unmount_all
# Every file of the root, binary ones included (-a): databases, debconf's, apt's and dpkg's logs, any journal.
hits=$(grep -r -a -l -F -e "$canary_token" "$root" || true)
[ -z "$hits" ] || echo "$hits" >&2
expect "the Square token is in no file of the root" test -z "$hits"
journals=$(find "$root" -name '*.journal' | wc -l)
member_canaries=(-e "$canary_name" -e "Canarywood" -e "$canary_phone_digits")
hits=$(grep -r -a -l -i -F "${member_canaries[@]}" "$root/var/log" || true)
[ -z "$hits" ] || echo "$hits" >&2
expect "the canary member's name and phone are in no log of the root (/var/log, $journals journal files)" \
    test -z "$hits"
# What the programs logged at debug on standard error (a chroot has no journald to take it).
hits=$(grep -l -i -F "${member_canaries[@]}" -e "$canary_token" "$logs"/*.err || true)
[ -z "$hits" ] || echo "$hits" >&2
expect "no canary in the programs' debug logs ($(cat "$logs"/*.err | wc -l) lines)" test -z "$hits"
