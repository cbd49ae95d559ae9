# Shared by the real-editor tests (source it): where the repository and the binary under test
# are, installing an editor when it is missing, and a scratch workspace with seed 000 in it.
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
podium="${PODIUM:-$repo/.build/debug/podium}"
case "$podium" in /*) ;; *) podium="$repo/$podium" ;; esac

# require_editor NAME CHECK PACKAGE…: runs CHECK; when it fails and we are root, installs the
# packages with apt (updating the lists once if needed) and checks again; skips when still missing.
require_editor() {
  local name="$1" check="$2"
  shift 2
  if ! "$check" && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "$name: installing $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; }
  fi
  if ! "$check"; then
    echo "SKIP: $name test: it is not installed and could not be installed (apt-get install -y $*)"
    exit 0
  fi
  if [ ! -x "$podium" ]; then
    echo "FAIL: $name test: no podium binary at $podium (run: swift build --product podium)"
    exit 1
  fi
}

# make_workspace: $tmp with bin/podium (the binary under test, first on PATH, so the shipped
# configs run plain `podium lsp`), an empty home, and work/nato-2025-02-13.transcript (seed 000).
# Removed on exit, after `cleanup_extra` when the script defines one.
make_workspace() {
  tmp="$(mktemp -d)"
  trap 'declare -F cleanup_extra >/dev/null && cleanup_extra; rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/bin" "$tmp/home" "$tmp/work"
  ln -s "$podium" "$tmp/bin/podium"
  cp "$repo/Tests/Fixtures/seeds/000_6c3513f9567987e2.txt" "$tmp/work/nato-2025-02-13.transcript"
}
