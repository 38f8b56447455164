#!/usr/bin/env bash
# Regenerates Wolverine's pre-generated handler code (src/Web/Internal/Generated) after an endpoint's signature,
# middleware or policies changed. The old files are removed first: stale generated code may not even compile.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/Web/Internal/Generated
dotnet build src/Web --nologo -v q
dotnet run --no-build --project src/Web -- codegen write >/dev/null
dotnet build src/Web --nologo -v q
echo "Regenerated $(find src/Web/Internal/Generated -name '*.cs' | wc -l) files in src/Web/Internal/Generated."
