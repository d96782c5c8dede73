#!/usr/bin/env bash
# Vendor the chart libraries (Vega, Vega-Lite, vega-embed) into the package from the npm
# registry, at the exact versions and integrity hashes of js/package-lock.json. The report
# and web UI inline these files, so nothing is ever loaded from a CDN.
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/storyledger/report/vendor
npm ci --prefix js --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
mkdir -p "$target"
cp js/node_modules/vega/build/vega.min.js "$target/"
cp js/node_modules/vega-lite/build/vega-lite.min.js "$target/"
cp js/node_modules/vega-embed/build/vega-embed.min.js "$target/"
for name in vega vega-lite vega-embed; do
    cp "js/node_modules/$name/LICENSE" "$target/LICENSE-$name.txt"
done
