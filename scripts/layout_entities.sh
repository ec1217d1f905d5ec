#!/usr/bin/env bash
# The 20 most frequent entities (with their kinds) of each sample of the layouts
# corpus, to check by hand that each has the right kind and that no site
# boilerplate is among them (issue 13). Indexes each sample into a temporary index.
#   scripts/layout_entities.sh [LAYOUTS_DIR] [N]
# NEWSDEX=path/to/newsdex uses another build (e.g. a baseline) without building.
set -euo pipefail
cd "$(dirname "$0")/.."
layouts="${1:-../shared/corpora/layouts}"
limit="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${NEWSDEX:-}" ]; then
    cargo build --release --quiet
fi
newsdex="${NEWSDEX:-target/release/newsdex}"

for sample in "$layouts"/*/; do
    name="$(basename "$sample")"
    echo "== $name"
    "$newsdex" --index "$work/$name" index --quiet "$sample" 2>/dev/null || true
    "$newsdex" --index "$work/$name" entities -n "$limit" 2>/dev/null || echo "(no entities)"
done
