#!/usr/bin/env bash
# Runs the app at http://127.0.0.1:5080 (ASPNETCORE_URLS overrides) with the embedded PostgreSQL and demo data.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh --app
exec dotnet run --project src/Web -- "$@"
