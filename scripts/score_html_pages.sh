#!/usr/bin/env bash
# Scores the article bodies newsdex reads from saved news pages with the
# article-extraction benchmark's scorer (score_html.py: 4-word shingles,
# precision and recall averaged over pages, F1 of the averages), and prints
# the reading speed (pages/s, release build, reading alone).
#   scripts/score_html_pages.sh [EVAL_FOLDER]   (default ../shared/eval/article-html)
# Prints the scorer's lines: `article body: P=… R=… F1=…` is the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_folder="${1:-../shared/eval/article-html}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --example html_bodies
target/release/examples/html_bodies "$eval_folder/html" >"$work/pred.json" 2>"$work/log.txt"
grep 'pages/s' "$work/log.txt"
python3 "$eval_folder/score_html.py" "$eval_folder/ground-truth.json" "$work/pred.json"
