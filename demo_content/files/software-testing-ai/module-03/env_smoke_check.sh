#!/usr/bin/env bash
# Smoke check for a test environment: is each address up, and which build is deployed?
#
# Usage:
#   bash env_smoke_check.sh urls.txt            # one "expected_status URL" pair per line
#   bash env_smoke_check.sh                     # uses the built-in example list below
#
# Each line of urls.txt looks like:   200 https://www.saucedemo.com/
# Lines starting with # are ignored. Exit code 0 when every check passes, 1 otherwise,
# so the same script can run in a CI pipeline before any test starts.
# Needs: bash and curl (preinstalled on macOS and most Linux; Git Bash on Windows).
# Optional: set VERSION_URL to an endpoint that returns the build, e.g.
#   VERSION_URL=https://staging.example.com/api/version bash env_smoke_check.sh urls.txt

set -u

default_list() {
  cat <<'LIST'
# expected  url
200 https://www.saucedemo.com/
200 https://httpbin.org/status/200
404 https://httpbin.org/status/404
LIST
}

if [ $# -ge 1 ]; then
  list=$(cat "$1")
else
  list=$(default_list)
fi

failures=0
while read -r expected url; do
  case "$expected" in ""|\#*) continue ;; esac
  # -s silent, -o discard body, -w print the status code, --max-time fail slow endpoints
  actual=$(curl -s -o /dev/null -w "%{http_code}" --max-time 10 "$url")
  if [ "$actual" = "$expected" ]; then
    echo "PASS  $actual  $url"
  else
    echo "FAIL  got $actual, expected $expected  $url"
    failures=$((failures + 1))
  fi
done <<< "$list"

if [ -n "${VERSION_URL:-}" ]; then
  echo "Build under test: $(curl -s --max-time 10 "$VERSION_URL")"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed: do not start testing on this environment."
  exit 1
fi
echo "All checks passed: record the build in your test run and start."
