#!/usr/bin/env bash
# The whole test suite: installs what is missing, checks the formatting, builds, runs every test project against a real
# PostgreSQL (the embedded cluster, or ConnectionStrings__Approval) and ends with the runner's summary.
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh --system || exit 1
# The test suite's npm tools (network and unpacking) install while the formatting is checked and the solution builds.
tools_log="$(mktemp)"
scripts/prerequisites.sh --tools >"$tools_log" 2>&1 &
tools=$!

# Code style (.editorconfig): whitespace here, file by file without loading the projects (seconds); the style rules
# (IDE0005 unused usings, var, file-scoped namespaces …) and the analyzers fail the build itself
# (EnforceCodeStyleInBuild and TreatWarningsAsErrors in Directory.Build.props). Wolverine's pre-generated handlers
# (src/Web/Internal/Generated) are left alone.
echo "Checking formatting (dotnet format whitespace --verify-no-changes)…"
dotnet format whitespace . --folder --verify-no-changes --exclude src/Web/Internal/Generated --exclude '**/obj' --exclude '**/bin' -v q
format=$?
if [ "$format" -ne 0 ]; then
  echo >&2
  if [ "$format" -eq 2 ]; then
    echo "Formatting is off in the files listed above. Fix it (and the style rules the build reports) with" >&2
    echo "  dotnet format Approval.sln --exclude src/Web/Internal/Generated" >&2
    echo "then review and commit the result." >&2
  else
    echo "dotnet format could not check the formatting (exit code $format); see above." >&2
  fi
  echo
  echo "0 passed, 1 failed"
  exit 1
fi

if ! dotnet build Approval.sln --nologo; then
  echo
  echo "0 passed, 1 failed"
  exit 1
fi
if ! wait "$tools"; then
  cat "$tools_log" >&2
  echo "Installing the test tools failed (scripts/prerequisites.sh --tools)." >&2
  echo
  echo "0 passed, 1 failed"
  exit 1
fi
cat "$tools_log"
rm -f "$tools_log"

log="$(mktemp)"
dotnet test Approval.sln --nologo --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "$passed passed, $failed failed"
exit "$status"
