# Sourced by tools/build-site and tools/run-tests.  Finds Python 3.11, makes .venv and
# installs the pinned packages into it; installs Debian packages when one is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PIP_VERSION="25.3"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "error: installing a Debian package needs root: $*" >&2; exit 1
  fi
}

# apt_install PACKAGE...: installs the packages that are not installed yet.
apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python311() {
  local candidate
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; raise SystemExit(sys.version_info[:2] != (3, 11))'; then
      command -v "$candidate"; return 0
    fi
  done
  echo "error: Python 3.11 is required (on Debian 12: apt-get install python3)" >&2
  exit 1
}

# ensure_venv REQUIREMENTS_FILE: .venv with that file's packages, at the pinned versions.
ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    local python
    python="$(find_python311)"
    if ! "$python" -m venv "$VENV" >/dev/null 2>&1; then
      rm -rf "$VENV"
      apt_install python3-venv
      "$python" -m venv "$VENV"
    fi
  fi
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "pip==$PIP_VERSION"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    -r "$ROOT/$1" -c "$ROOT/constraints.txt"
}

# ensure_binder_venv: what Binder builds, and nothing else: a virtual environment in
# _build/binder/venv made by `pip install -r requirements.txt` alone (runtime.txt's Python),
# with a Jupyter kernel "calcify-binder" in _build/binder/kernels (export JUPYTER_PATH to
# _build/binder to use it).  tools/run-tests executes every notebook in that kernel, once.
# It is remade whenever requirements.txt, constraints.txt, runtime.txt or pyproject.toml
# change; pip's cache makes that quick after the first time.
BINDER="$ROOT/_build/binder"
ensure_binder_venv() {
  local key python
  key="$(cd "$ROOT" && cat requirements.txt constraints.txt runtime.txt pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -x "$BINDER/venv/bin/python" ] || [ "$(cat "$BINDER/venv/.calcify-key" 2>/dev/null)" != "$key" ]; then
    rm -rf "$BINDER/venv"
    python="$(find_python311)"
    "$python" -m venv "$BINDER/venv"
    "$BINDER/venv/bin/python" -m pip install -q --disable-pip-version-check "pip==$PIP_VERSION"
    (cd "$ROOT" && "$BINDER/venv/bin/python" -m pip install -q --disable-pip-version-check -r requirements.txt)
    echo "$key" > "$BINDER/venv/.calcify-key"
  fi
  mkdir -p "$BINDER/kernels/calcify-binder"
  cat > "$BINDER/kernels/calcify-binder/kernel.json" <<JSON
{"argv": ["$BINDER/venv/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "Python 3 (Binder's environment: requirements.txt only)", "language": "python"}
JSON
}
