#!/usr/bin/env bash
# Leak check: a scripted session of >= 10,000 messages (Tests/Conformance/session.py) through
# `podium lsp` under valgrind memcheck. Fails unless valgrind reports no memory errors and
# "definitely lost: 0 bytes" (or "All heap blocks were freed"), and the session was served to
# its end (every response present, exit code 0 after shutdown + exit).
#
#   bash Tests/Conformance/valgrind.sh            (make test-valgrind)
#   PODIUM_VALGRIND_MESSAGES=20000 bash Tests/Conformance/valgrind.sh
#
# valgrind 3.19 rejects DWARF 5 ("corrupted debuginfo"), so podium is built separately with
# DWARF 4 for both the C and the Swift side, in .build-valgrind.
set -euo pipefail

cd "$(dirname "$0")/../.."
SCRATCH=${PODIUM_VALGRIND_SCRATCH:-.build-valgrind}
MESSAGES=${PODIUM_VALGRIND_MESSAGES:-10500}
SEED=${PODIUM_VALGRIND_SEED:-2025}
LIMIT=${PODIUM_VALGRIND_TIMEOUT:-900}

if ! command -v valgrind >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "valgrind.sh: installing valgrind"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind
  else
    echo "valgrind.sh: valgrind is missing. Run:  sudo apt-get install -y valgrind" >&2
    exit 1
  fi
fi

echo "valgrind.sh: building podium with DWARF 4 debug info in $SCRATCH"
swift build --product podium --scratch-path "$SCRATCH" \
  -Xcc -gdwarf-4 -Xswiftc -g -Xswiftc -debug-info-format=dwarf -Xswiftc -dwarf-version=4
BIN="$SCRATCH/debug/podium"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 Tests/Conformance/session.py --messages "$MESSAGES" --seed "$SEED" \
  --out "$WORK/session.bin" --expect "$WORK/expect"

echo "valgrind.sh: running the session under valgrind (this takes a few minutes)"
started=$(date +%s)
set +e
timeout "$LIMIT" valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
  --num-callers=30 --log-file="$WORK/valgrind.log" \
  "$BIN" lsp <"$WORK/session.bin" >"$WORK/stdout" 2>"$WORK/stderr"
status=$?
set -e
elapsed=$(( $(date +%s) - started ))

echo "valgrind.sh: valgrind exit status $status after ${elapsed}s"
# The summaries only (the loss records of "possibly lost" blocks — thread stacks and runtime
# metadata alive at exit — are in the full log; PODIUM_VALGRIND_KEEP=dir keeps it).
sed 's/^==[0-9]*== //' "$WORK/valgrind.log" |
  awk '/^(HEAP|LEAK) SUMMARY/ {on=1} on && /^$/ {on=0} on || /^ERROR SUMMARY/ {print}'

failed=0
if grep -q "corrupted debuginfo\|Warning: DWARF" "$WORK/valgrind.log"; then
  echo "valgrind.sh: FAIL: valgrind could not read the debug info" >&2
  grep -m3 "corrupted debuginfo\|Warning: DWARF" "$WORK/valgrind.log" >&2
  failed=1
fi
if ! grep -q "definitely lost: 0 bytes in 0 blocks\|All heap blocks were freed" "$WORK/valgrind.log"; then
  echo "valgrind.sh: FAIL: memory definitely lost" >&2
  sed -n '/definitely lost in/,/^==[0-9]*== $/p' "$WORK/valgrind.log" | head -80 >&2
  failed=1
fi
if [ "$status" -ne 0 ]; then
  echo "valgrind.sh: FAIL: exit status $status (3: valgrind found errors; 124: timed out; other: podium's exit code)" >&2
  grep -B2 -A25 "Invalid \|uninitialised\|Mismatched" "$WORK/valgrind.log" | head -120 >&2 || true
  failed=1
fi
if ! python3 Tests/Conformance/session.py --check "$WORK/stdout" --expect "$WORK/expect"; then
  echo "valgrind.sh: FAIL: the session was not served to its end" >&2
  tail -20 "$WORK/stderr" >&2
  failed=1
fi
if [ -n "${PODIUM_VALGRIND_KEEP:-}" ]; then cp -r "$WORK" "$PODIUM_VALGRIND_KEEP"; fi
if [ "$failed" -ne 0 ]; then exit 1; fi
echo "valgrind.sh: OK: $MESSAGES messages, no memory errors, 0 bytes definitely lost"
