#!/usr/bin/env bash
# Rebuilds the two metadata-only .nupkg files from their .nuspec sources.
# A .nupkg is a zip holding the .nuspec; nothing else is needed for these shims.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
for spec in *.nuspec; do
  id="$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$spec" | head -1)"
  version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$spec" | head -1)"
  out="$(echo "$id" | tr 'A-Z' 'a-z').$version.nupkg"
  python3 - "$spec" "$id" "$out" <<'PY'
import sys, zipfile
spec, pkg_id, out = sys.argv[1:4]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(spec, pkg_id + ".nuspec")
PY
  echo "packed $out"
done
