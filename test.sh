#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test project against a real
# PostgreSQL (the embedded cluster, or ConnectionStrings__Approval) and ends with the runner's summary.
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh || exit 1

log="$(mktemp)"
dotnet test Approval.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "$passed passed, $failed failed"
exit "$status"
