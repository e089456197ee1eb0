#!/usr/bin/env bash
# Installs what the real-editor tests need, and nothing twice:
#   1. Debian packages: Chromium (driven by playwright-core), ripgrep (seeds code-server's rg),
#      libkrb5-dev + pkg-config (code-server's `kerberos` module builds from source), and a
#      compiler toolchain only if one is missing.
#   2. code-server (a whole VS Code workbench with a real Node extension host) in
#      .tools/code-server/, outside the project's node_modules so `npm ci` stays fast.
# Facts behind each flag: ../shared/spec/real-editor-testing.md. Safe to run again: every step
# first checks what is already there.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep, pulled in by code-server, downloads rg from outside the registry at install
# time; it skips the download when its cache holds the archive, so we seed it with Debian's rg.
RIPGREP_MODULE_VERSION=1.15.11
RIPGREP_ASSET_VERSION=v13.0.0-10

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="$repo_root/.tools/code-server"
done_marker="$tools_dir/.installed-$CODE_SERVER_VERSION"

current_step="starting"
step_started=$SECONDS
setup_started=$SECONDS

step() {
  current_step="$1"
  step_started=$SECONDS
  echo "[e2e setup] $current_step"
}
step_done() {
  echo "[e2e setup]   done in $((SECONDS - step_started)) s"
}
trap 'echo "[e2e setup] FAILED at step: $current_step" >&2' ERR

# Root in CI; elsewhere sudo when it is there. Nothing else is attempted.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "[e2e setup] needs root to run: $*  (not root, and no sudo)" >&2
    return 1
  fi
}

package_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

step "check Node.js (code-server $CODE_SERVER_VERSION runs on Node 20)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "[e2e setup] Node $(node -v) is too old: Node 20 is needed" >&2
  false
fi
echo "[e2e setup]   node $(node -v)"

step "Debian packages"
missing=()
for pkg in chromium libkrb5-dev pkg-config ripgrep; do
  package_installed "$pkg" || missing+=("$pkg")
done
# node-gyp builds (kerberos, argon2 fallback, node-pty) need a compiler, make and python;
# install them only when the command is missing (they may come from elsewhere than apt).
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "[e2e setup]   all present"
else
  echo "[e2e setup]   installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
step_done

step "code-server $CODE_SERVER_VERSION in .tools/code-server"
installed_version="$(node -p "try { require('$tools_dir/node_modules/code-server/package.json').version } catch { '' }")"
if [ -f "$done_marker" ] && [ "$installed_version" = "$CODE_SERVER_VERSION" ]; then
  echo "[e2e setup]   already installed"
else
  if [ -n "$installed_version" ]; then
    echo "[e2e setup]   replacing code-server $installed_version (or an unfinished install)"
  fi
  rm -rf "$tools_dir"
  mkdir -p "$tools_dir"
  echo '{ "name": "e2e-tools", "private": true }' > "$tools_dir/package.json"

  # A private TMPDIR: the ripgrep cache seed and node-gyp scratch stay inside .tools/.
  install_tmp="$tools_dir/.tmp"
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) echo "[e2e setup] no ripgrep seed known for $(uname -m)" >&2; false ;;
  esac
  rg_cache="$install_tmp/vscode-ripgrep-cache-$RIPGREP_MODULE_VERSION"
  mkdir -p "$rg_cache"
  tar -czf "$rg_cache/ripgrep-$RIPGREP_ASSET_VERSION-$rg_target.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  echo "[e2e setup]   seeded the ripgrep download cache with $(command -v rg)"

  # unsafe_perm: as root, npm would otherwise run postinstalls as nobody and they fail;
  # yes: node-pty's build runs `npx node-gyp`, which must not stop to ask.
  (
    cd "$tools_dir"
    TMPDIR="$install_tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  rm -rf "$install_tmp"
  touch "$done_marker"
fi
# Prove it starts; its own dirs go to a scratch folder (it writes a config file on first run).
scratch="$(mktemp -d)"
XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" XDG_CACHE_HOME="$scratch" \
  "$tools_dir/node_modules/.bin/code-server" --version | tail -1 | sed 's/^/[e2e setup]   code-server /'
rm -rf "$scratch"
step_done

echo "[e2e setup] ready in $((SECONDS - setup_started)) s"
