#!/usr/bin/env bash
# The Debian package's static checks: tests/package/check-package.sh build/package/loyaltytill_*.deb
# lintian (no error, no warning; information tags are shown), desktop-file-validate, appstreamcli, and the
# contents: stripped programs with their symbols in the -dbgsym package beside, manual pages, copyright and
# changelog, every file in /etc a conffile, the debconf question, the dependencies shlibdeps cannot see; the kiosk's
# systemd units, shipped disabled, checked by systemd-analyze verify.
# Runs every check and exits 1 if any failed. Needs lintian, desktop-file-utils, appstream, binutils and systemd.
set -uo pipefail

deb=${1:?usage: check-package.sh PACKAGE.deb}
[ -f "$deb" ] || { echo "no such package: $deb" >&2; exit 2; }
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/data"
dpkg-deb -e "$deb" "$root/control"
field() { dpkg-deb -f "$deb" "$1"; }
version=$(field Version)

echo "== lintian"
if lintian -I --fail-on error,warning "$deb"; then pass "lintian: no error, no warning"; else fail "lintian"; fi

echo "== desktop entry and AppStream"
check "one desktop entry" test "$(find "$root/data/usr/share/applications" -name '*.desktop' | wc -l)" -eq 1
for f in "$root"/data/usr/share/applications/*.desktop; do
    check "desktop-file-validate $(basename "$f")" desktop-file-validate "$f"
    icon=$(sed -n 's/^Icon=//p' "$f")
    check "the desktop entry's icon $icon is installed" \
        test -f "$root/data/usr/share/icons/hicolor/scalable/apps/$icon.svg"
done
check "one AppStream metainfo file" test "$(find "$root/data/usr/share/metainfo" -name '*.metainfo.xml' | wc -l)" -eq 1
for f in "$root"/data/usr/share/metainfo/*.metainfo.xml; do
    check "appstreamcli validate $(basename "$f")" appstreamcli validate --no-net "$f"
    check "AppStream's newest release is ${version%-*}" grep -q "<release version=\"${version%-*}\"" "$f"
done

echo "== contents"
for program in loyaltytill loyaltytill-admin; do
    check "/usr/bin/$program" test -x "$root/data/usr/bin/$program"
    check "manual page of $program" gzip -t "$root/data/usr/share/man/man1/$program.1.gz"
done
while IFS= read -r -d '' f; do
    if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
        if readelf -S "$f" | grep -q -e '\.symtab' -e '\.debug_'; then
            fail "stripped: ${f#"$root"/data}"
        else
            pass "stripped: ${f#"$root"/data}"
        fi
    fi
done < <(find "$root/data" -type f -print0)
doc="$root/data/usr/share/doc/loyaltytill"
dep5='^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/$'
check "copyright in DEP-5 format" grep -q "$dep5" "$doc/copyright"
check "changelog.Debian.gz's newest entry is $version" \
    test "$(zcat "$doc/changelog.Debian.gz" | head -1 | sed -n 's/^loyaltytill (\([^)]*\)).*/\1/p')" = "$version"
# Every file under /etc is a conffile, and every conffile is in the package.
conffiles=$(cat "$root/control/conffiles" 2>/dev/null || true)
while IFS= read -r -d '' f; do
    check "conffile /$f" grep -qx "/$f" <<<"$conffiles"
done < <(cd "$root/data" && find etc -type f -print0 2>/dev/null)
for f in $conffiles; do
    check "conffile $f is in the package" test -f "$root/data$f"
done
for d in conf.d policy.d; do
    check "/etc/loyaltytill/$d" test -d "$root/data/etc/loyaltytill/$d"
done

echo "== control"
check "a long description" test "$(field Description | wc -l)" -gt 2
for dep in libqt6sql6-sqlite libsecret-1-0 debconf fonts-dejavu-core; do
    check "depends on $dep" grep -qw "$dep" <<<"$(field Depends)"
done
check "recommends gnome-keyring" grep -qw gnome-keyring <<<"$(field Recommends)"
check "debconf question loyaltytill/purge-store, default false" \
    grep -Pzq 'Template: loyaltytill/purge-store\nType: boolean\nDefault: false\n' "$root/control/templates"
for script in config postinst postrm; do
    check "maintainer script $script" test -x "$root/control/$script"
done

echo "== systemd units (shipped disabled)"
units="$root/data/usr/lib/systemd/system"
for unit in loyaltytill-kiosk.service loyaltytill-backup.service loyaltytill-backup.timer; do
    check "unit $unit in /usr/lib/systemd/system" test -f "$units/$unit"
done
kiosk_unit="$units/loyaltytill-kiosk.service"
for line in 'User=loyaltytill' 'ExecStart=/usr/bin/cage -s -- /usr/bin/loyaltytill --kiosk' 'Restart=always' \
    'PAMName=login' 'StateDirectory=loyaltytill' 'StateDirectoryMode=0700' 'ProtectSystem=strict' \
    'Environment=LOYALTYTILL_DATABASE=/var/lib/loyaltytill/loyaltytill.sqlite' \
    'LoadCredentialEncrypted=square-token:/etc/loyaltytill/credentials/square-token.cred' \
    'SetCredential=square-token:\x20' 'LimitCORE=0'; do
    check "kiosk unit: $line" grep -qxF "$line" "$kiosk_unit"
done
for key in google-service-account apple-certificate apple-private-key apple-wwdr; do
    check "kiosk unit loads the wallet key $key, blank when not sealed" grep -qxF \
        "LoadCredentialEncrypted=wallet-$key:/etc/loyaltytill/credentials/wallet-$key.cred" "$kiosk_unit"
    check "kiosk unit: SetCredential=wallet-$key:\\x20" grep -qxF "SetCredential=wallet-$key:\\x20" "$kiosk_unit"
done
check "backup unit: backup --if-due as loyaltytill" grep -qxF 'ExecStart=/usr/bin/loyaltytill-admin backup --if-due' \
    "$units/loyaltytill-backup.service"
check "backup timer: hourly, persistent" grep -Pzq 'OnCalendar=hourly\nPersistent=true\n' "$units/loyaltytill-backup.timer"
check "no unit enabled by the package (no links in /etc/systemd)" test ! -e "$root/data/etc/systemd"
check "no maintainer script enables or starts a unit" \
    bash -c '! grep -hv "^[[:space:]]*#" "$@" |
        grep -E "(systemctl|deb-systemd-helper|deb-systemd-invoke).*\b(enable|start|restart)\b"' _ \
    "$root"/control/{postinst,prerm,postrm}
# systemd-analyze verify on a root of its own: systemd's units from this machine, the package's files, and a stand-in
# for each program a unit runs that another package provides (cage, chown): those are not this package's to check.
verify_root="$root/verify"
mkdir -p "$verify_root/usr/lib/systemd" "$verify_root/etc"
cp -a /usr/lib/systemd/system "$verify_root/usr/lib/systemd/"
cp -a "$root/data/." "$verify_root/"
while IFS= read -r program; do
    if [ ! -e "$root/data$program" ] && [ ! -e "$verify_root$program" ]; then
        mkdir -p "$(dirname "$verify_root$program")"
        printf '#!/bin/sh\n' >"$verify_root$program"
        chmod 755 "$verify_root$program"
    fi
done < <(sed -n 's/^Exec[A-Za-z]*=[-+@!:]*\([^ ]*\).*/\1/p' "$units"/loyaltytill-*)
# It exits 0 on an unknown key or a misspelt value, so any message at all fails the check.
verified=$(cd "$verify_root" && systemd-analyze verify --root="$verify_root" --man=no \
    loyaltytill-kiosk.service loyaltytill-backup.service loyaltytill-backup.timer 2>&1)
status=$?
[ -z "$verified" ] || echo "$verified"
check "systemd-analyze verify: the units, without a message" test "$status:$verified" = "0:"
check "maintainer script prerm" test -x "$root/control/prerm"
check "depends on adduser (the kiosk's system user)" grep -qw adduser <<<"$(field Depends)"
check "recommends cage (the kiosk's compositor)" grep -qw cage <<<"$(field Recommends)"

echo "== debug symbols"
dbgsym=$(dirname "$deb")/loyaltytill-dbgsym_${version}_$(field Architecture).ddeb
if [ -f "$dbgsym" ]; then
    symbols=$(dpkg-deb -c "$dbgsym" | grep -c '/usr/lib/debug/.build-id/.*\.debug$')
    check "symbols of both programs in $(basename "$dbgsym")" test "$symbols" -eq 2
else
    fail "no $(basename "$dbgsym") beside the package"
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
