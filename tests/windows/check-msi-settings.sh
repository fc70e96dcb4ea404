#!/usr/bin/env bash
# The Windows installer's silent-install properties, checked on Linux: wixl (Debian's msitools) builds a small MSI
# around installer/windows/loyaltytill-settings.wxi, the include the real installer compiles, and msiinfo reads its
# tables back. Each property must write its own REG_SZ value under HKLM\Software\LoyaltyTill in the registry's 64-bit
# view, only when given, and be read back from there on an upgrade that does not give it again; no property may look
# like a secret, since Windows Installer's logs record every property.
# usage: check-msi-settings.sh SOURCE_DIR. Runs every check and exits 1 if any failed. Needs wixl and msitools.
set -uo pipefail

src=${1:?usage: check-msi-settings.sh SOURCE_DIR}
include=$src/installer/windows/loyaltytill-settings.wxi
product=$src/tests/windows/smoke-product.wxs
key='Software\LoyaltyTill'
# Each property and the setting it writes, by hand: a renamed property breaks IT's scripts and must be seen here.
expected='TILL_LANGUAGE till.language
TILL_PALETTE till.palette
TILL_NAME till.name
SCANNER_SERIAL_PORT scanner.serial_port
SCANNER_BAUD_RATE scanner.baud_rate
SLIP_PRINTER slip.printer
SLIP_PAPER_WIDTH slip.paper_width
SLIP_CODE_PAGE slip.code_page
CARDS_PRINTER cards.printer
STORE_DATABASE store.database
BACKUP_FOLDER backup.folder
BACKUP_TIME backup.time
BACKUP_KEEP backup.keep
LOG_LEVEL log.level
LOG_RULES log.rules'

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
for tool in wixl msiinfo; do
    command -v "$tool" >/dev/null || { echo "FAIL $tool is not installed (apt-get install wixl msitools)"; exit 1; }
done
[ -f "$include" ] || { echo "FAIL no $include"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# wixl before 0.106 (Debian 12 has 0.101) knows neither a component's condition nor Property/@Secure: it builds from
# a copy without them, and both are checked in the include itself instead.
version=$(wixl --version)
if printf '%s\n' 0.106 "$version" | sort -V -C; then
    modern=1
    cp "$include" "$work/loyaltytill-settings.wxi"
else
    modern=0
    sed -e '/^ *<Condition>[A-Z_]*<\/Condition>$/d' -e 's/ Secure="yes"//' "$include" >"$work/loyaltytill-settings.wxi"
fi
msi=$work/settings.msi
echo "== wixl $version builds the include"
if ! wixl -a x64 -I "$work" -o "$msi" "$product" 2>"$work/wixl.log"; then
    cat "$work/wixl.log"
    fail "wixl builds an MSI around the include"
    exit 1
fi
pass "wixl builds an MSI around the include"
mkdir "$work/tables"
for table in $(msiinfo tables "$msi"); do
    [ "$table" = _SummaryInformation ] || [ "$table" = _ForceCodepage ] && continue
    msiinfo export "$msi" "$table" | tr -d '\r' | tail -n +4 >"$work/tables/$table"
done
row() { # row TABLE COLUMN VALUE: the rows whose column (from 1) holds exactly the value
    awk -F'\t' -v c="$2" -v v="$3" '$c == v' "$work/tables/$1"
}
field() { # field COLUMN: that column of the rows read
    awk -F'\t' -v c="$1" '{ print $c }'
}
sequence() { # sequence TABLE ACTION: the action's number in that sequence
    row "$1" 1 "$2" | field 3
}
component_block() { # the include's lines for one component
    awk -v id="<Component Id=\"$1\"" 'index($0, id) { on = 1 } on { print } on && /<\/Component>/ { exit }' "$include"
}

echo "== each property writes its own value under HKLM\\$key"
while read -r property name; do
    registry=$(row Registry 4 "$name")
    check "$property: one registry value named $name" test "$(printf '%s' "$registry" | grep -c .)" -eq 1
    check "$property: under HKLM\\$key (root 2)" test "$(printf '%s' "$registry" | field 2)/$(printf '%s' "$registry" | field 3)" = "2/$key"
    check "$property: the value is [$property], a string" test "$(printf '%s' "$registry" | field 5)" = "[$property]"
    component=$(printf '%s' "$registry" | field 6)
    check "$property: its own component Preset_$property" test "$component" = "Preset_$property"
    attributes=$(row Component 1 "$component" | field 4)
    check "$property: the component is 64-bit, keyed by its registry value" test $((attributes & 260)) -eq 260
    check "$property: the registry value is the component's key path" \
        test "$(row Component 1 "$component" | field 6)" = "$(printf '%s' "$registry" | field 1)"
    check "$property: the component is in the installed feature" \
        test "$(row FeatureComponents 2 "$component" | field 1)" = LoyaltyTillPresets
    if [ "$modern" = 1 ]; then
        check "$property: written only when given" test "$(row Component 1 "$component" | field 5)" = "$property"
        check "$property: secure (reaches the elevated install)" \
            grep -qE "(^|;)$property(;|\$)" <(row Property 1 SecureCustomProperties | field 2)
    else
        check "$property: written only when given (in the include)" \
            grep -qx " *<Condition>$property</Condition>" <(component_block "Preset_$property")
        check "$property: secure (in the include)" grep -q "<Property Id=\"$property\" Secure=\"yes\"/>" "$include"
    fi

    echo "-- $property is kept on upgrade"
    locator=$(row AppSearch 1 "${property}_PREVIOUS" | field 2)
    check "$property: ${property}_PREVIOUS is searched for" test -n "$locator"
    found=$(row RegLocator 1 "$locator")
    check "$property: ... in HKLM\\$key\\$name" \
        test "$(printf '%s' "$found" | field 2)/$(printf '%s' "$found" | field 3)/$(printf '%s' "$found" | field 4)" = "2/$key/$name"
    type=$(printf '%s' "$found" | field 5)
    check "$property: ... raw, in the 64-bit view" test $((type & 15))/$((type & 16)) = 2/16
    action=$(row CustomAction 1 "Keep_$property")
    check "$property: Keep_$property sets it from ${property}_PREVIOUS" \
        test "$(($(printf '%s' "$action" | field 2) & 63))/$(printf '%s' "$action" | field 3)/$(printf '%s' "$action" | field 4)" = "51/$property/[${property}_PREVIOUS]"
    for table in InstallUISequence InstallExecuteSequence; do
        at=$(sequence "$table" "Keep_$property")
        check "$property: $table runs Keep_$property after AppSearch, before costing" \
            test "${at:-0}" -gt "$(sequence "$table" AppSearch)" -a "${at:-0}" -lt "$(sequence "$table" CostFinalize)"
        check "$property: ... only when the command line did not give it" \
            test "$(row "$table" 1 "Keep_$property" | field 2)" = "${property}_PREVIOUS AND NOT $property"
    done
done <<<"$expected"

echo "== nothing else"
check "no registry value besides the properties' ($(wc -l <<<"$expected"))" \
    test "$(wc -l <"$work/tables/Registry")" -eq "$(wc -l <<<"$expected")"
check "nothing under Software\\Policies (Group Policy's)" test -z "$(grep -i 'Policies' "$work/tables/Registry")"
check "the installed feature is on" test "$(row Feature 1 LoyaltyTillPresets | field 6)" = 1
secrets=$(grep -il 'token\|secret\|password\|credential' "$work"/tables/*;
    grep -o ' Id="[^"]*"' "$include" | grep -i 'token\|secret\|password\|credential')
check "no property, value or action named like a secret${secrets:+: $secrets}" test -z "$secrets"

echo "== the real installer compiles this include"
windows=$src/installer/windows
check "its fragment includes it" grep -qF '<?include loyaltytill-settings.wxi ?>' "$windows/loyaltytill-settings.wxs"
check "CPack's patch puts its feature under the product's" \
    grep -qF '<FeatureRef Id="LoyaltyTillPresets"/>' "$windows/wix-patch.xml"
check "Windows.cmake gives CPack the fragment" \
    grep -qF 'set(CPACK_WIX_EXTRA_SOURCES ${windows}/loyaltytill-settings.wxs)' "$windows/Windows.cmake"
check "Windows.cmake gives CPack the patch" grep -qF 'set(CPACK_WIX_PATCH_FILE ${windows}/wix-patch.xml)' \
    "$windows/Windows.cmake"

echo
if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "every check passed"
