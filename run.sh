#!/usr/bin/env bash
# Runs the app at http://127.0.0.1:5080 (ASPNETCORE_URLS overrides) with the embedded PostgreSQL and demo data.
# `./run.sh --nodes N` runs N nodes on ports 5080, 5081, … sharing the embedded PostgreSQL and a private redis-server.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--nodes" ]; then
  scripts/prerequisites.sh --app --redis
  shift
  exec scripts/run-nodes.sh "$@"
fi
scripts/prerequisites.sh --app
exec dotnet run --project src/Web -- "$@"
