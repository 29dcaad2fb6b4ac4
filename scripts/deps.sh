#!/bin/sh
# Installs the Debian packages recoup needs to build and test, if missing.
# Uses sudo when not root.  Extra package names may be given as arguments.
set -eu
need="gcc make cmake pkg-config libpcre2-dev libcjson-dev libreadline-dev libsqlite3-dev libpq-dev libhunspell-dev hunspell-en-us hunspell-en-gb libstemmer-dev tmux $*"
missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "recoup: installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
