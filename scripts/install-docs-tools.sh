#!/usr/bin/env bash
# Install the docs tools the page formats are tested with (Debian 12, as root or with sudo):
# MkDocs Material and openapi-spec-validator (PyPI, in their own venv), @mdx-js/mdx,
# playwright-core and Redocly's CLI (npm) and Debian's headless Chromium. Idempotent: a second run installs nothing and takes about a second.
#
# Env:
#   SNIPGEN_RUNTIMES  where the venv and npm packages go (default: $HOME/.cache/snipgen-runtimes),
#                     shared with scripts/install-runtimes.sh
#   SNIPGEN_PYTHON    interpreter used to create the venv (default: python3)
set -euo pipefail

RUNTIMES_DIR="${SNIPGEN_RUNTIMES:-${HOME:-/root}/.cache/snipgen-runtimes}"
DOCS_VENV="$RUNTIMES_DIR/docs-venv"
DOCS_NODE="$RUNTIMES_DIR/docs-node"
PYTHON="${SNIPGEN_PYTHON:-python3}"

# Pinned, so a release of any of them cannot change what CI tests.
PIP_PKGS=(mkdocs-material==9.8.2 openapi-spec-validator==0.9.0)
NPM_PKGS=(@mdx-js/mdx@3.1.1 playwright-core@1.65.1 @redocly/cli@2.77.0)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
log() { printf '[install-docs-tools] %s\n' "$*"; }

# Chromium for the HTML preview test, driven by playwright-core; its headless shell (the same
# engine without the full browser around it: about 40% less time a page) for verify's browser
# fetch samples.
if [ -x /usr/bin/chromium ] && [ -x /usr/lib/chromium/chromium-headless-shell ]; then
  log "chromium already installed ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
else
  log "apt-get install chromium chromium-headless-shell ..."
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes \
    apt-get install -y -qq --no-install-recommends chromium chromium-headless-shell fonts-dejavu-core >/dev/null
fi

# Node for the MDX compile and the browser driver (install-runtimes.sh may have installed it).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "apt-get install nodejs npm ..."
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
missing=()
for spec in "${NPM_PKGS[@]}"; do
  name="${spec%@*}"; want="${spec##*@}"; have=""
  if [ -f "$DOCS_NODE/node_modules/$name/package.json" ]; then
    have="$(node -p "require('$DOCS_NODE/node_modules/$name/package.json').version")"
  fi
  [ "$have" = "$want" ] || missing+=("$spec")
done
if [ "${#missing[@]}" -eq 0 ]; then
  log "npm packages already in $DOCS_NODE (${NPM_PKGS[*]})"
else
  log "npm install --prefix $DOCS_NODE ${missing[*]} ..."
  mkdir -p "$DOCS_NODE"
  npm install --prefix "$DOCS_NODE" --no-audit --no-fund --loglevel=error "${missing[@]}"
fi

# MkDocs Material and openapi-spec-validator in a venv of their own, so they cannot clash with
# the samples' `requests` venv.
missing=()
for spec in "${PIP_PKGS[@]}"; do
  name="${spec%==*}"; want="${spec#*==}"; have=""
  if [ -x "$DOCS_VENV/bin/python" ]; then
    have="$("$DOCS_VENV/bin/python" -c "import importlib.metadata as m; print(m.version('$name'))" 2>/dev/null || true)"
  fi
  [ "$have" = "$want" ] || missing+=("$spec")
done
if [ "${#missing[@]}" -eq 0 ]; then
  log "${PIP_PKGS[*]} already in $DOCS_VENV"
else
  if [ ! -x "$DOCS_VENV/bin/python" ]; then
    if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
      $SUDO apt-get update -qq
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
      PYTHON=/usr/bin/python3
    fi
    log "creating $DOCS_VENV ..."
    mkdir -p "$RUNTIMES_DIR"
    "$PYTHON" -m venv --clear "$DOCS_VENV"
  fi
  log "pip install ${missing[*]} into $DOCS_VENV ..."
  "$DOCS_VENV/bin/python" -m pip install -q "${missing[@]}"
fi
log "mkdocs: $("$DOCS_VENV/bin/mkdocs" --version | cut -d' ' -f1-3); $(/usr/bin/chromium --version 2>/dev/null)"
