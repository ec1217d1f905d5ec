#!/usr/bin/env bash
# Scores newsdex's extraction on the gold dev splits with the reference scorer,
# exactly as the extraction targets are measured, and its ranking on the
# TREC-judged LA Times topics (newsdex eval, checked with score_run.py).
# Needs ../shared beside the repo.
#   scripts/evaluate.sh [dev|train]
# NEWSDEX=path/to/newsdex scores another build (e.g. a baseline) without building.
set -euo pipefail
cd "$(dirname "$0")/.."
split="${1:-dev}"
shared="../shared/eval"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${NEWSDEX:-}" ]; then
    cargo build --release --quiet
fi
newsdex="${NEWSDEX:-target/release/newsdex}"

# Extracts every text under $1 into $2. The gold texts carry no dates, so each
# one's "no date found" warning is expected and left out; other messages stay.
extract_all() {
    find "$1" -name '*.txt' -print0 | xargs -0 "$newsdex" extract >"$2" 2>"$work/extract.err"
    grep -v ': warning: no date found; indexed without a date$' "$work/extract.err" >&2 || true
}

python3 "$shared/prepare_eval.py" conll "$shared/conll2003/$split.txt" "$work/conll" >/dev/null
python3 "$shared/prepare_eval.py" polnear "$shared/polnear/$split" "$work/polnear" >/dev/null

echo "== entities: CoNLL-2003 $split"
extract_all "$work/conll/docs" "$work/conll.jsonl"
python3 "$shared/score.py" entities "$work/conll/gold.jsonl" "$work/conll.jsonl"

echo "== quotes: PolNeAR $split"
extract_all "$work/polnear/docs" "$work/polnear.jsonl"
python3 "$shared/score.py" quotes "$work/polnear/gold.jsonl" "$work/polnear.jsonl"

# The modern set grows in batches (eval/modern/gold*.jsonl, see eval/GUIDELINES.md): the whole set first,
# then each batch alone, so a batch annotated after the tuning of an earlier one stays a fair check.
modern_batches=(eval/modern/gold*.jsonl)
echo "== entities and quotes: modern news dev set, all batches (eval/modern, annotated by hand)"
cat "${modern_batches[@]}" >"$work/modern-all.jsonl"
python3 eval/materialize.py "$work/modern-all.jsonl" ../shared "$work/modern"
extract_all "$work/modern/docs" "$work/modern.jsonl"
python3 "$shared/score.py" entities "$work/modern/gold.jsonl" "$work/modern.jsonl"
python3 "$shared/score.py" quotes "$work/modern/gold.jsonl" "$work/modern.jsonl"
# The batches before the newest one (the highest N of gold-N), which earlier tuning saw, together.
newest="$(printf '%s\n' eval/modern/gold-*.jsonl | sort -V | tail -1)"
older=()
for batch in "${modern_batches[@]}"; do
    [ "$batch" = "$newest" ] || older+=("$batch")
done
if [ "${#older[@]}" -gt 1 ]; then
    echo "-- all batches but the newest ($newest)"
    cat "${older[@]}" >"$work/modern-older.jsonl"
    python3 "$shared/score.py" entities "$work/modern-older.jsonl" "$work/modern.jsonl"
    python3 "$shared/score.py" quotes "$work/modern-older.jsonl" "$work/modern.jsonl"
fi
for batch in "${modern_batches[@]}"; do
    echo "-- batch $batch"
    python3 "$shared/score.py" entities "$batch" "$work/modern.jsonl"
    python3 "$shared/score.py" quotes "$batch" "$work/modern.jsonl"
done
# Headlines and shouting: the same articles written in capitals and in Title Case (eval/case_variants.py
# changes ASCII letters only, so the gold still holds); ordinary text is scored above.
for variant in upper title; do
    for set in conll modern; do
        python3 eval/case_variants.py "$variant" "$work/$set/docs" "$work/$set-$variant"
        echo "== entities: $set dev, written in $variant case"
        extract_all "$work/$set-$variant" "$work/$set-$variant.jsonl"
        python3 "$shared/score.py" entities "$work/$set/gold.jsonl" "$work/$set-$variant.jsonl"
    done
done
echo "== ranking: LA Times, TREC dev topics (raw tantivy BM25: nDCG@10 0.508, MAP@100 0.466, R@100 0.815)"
trec="$shared/trec-latimes"
# TREC SGML as shipped: ids come from DOCNO.
"$newsdex" --index "$work/latimes-index" index --quiet "$trec/docs"
"$newsdex" --index "$work/latimes-index" eval --topics "$trec/topics.txt" --qrels "$trec/qrels.txt"
echo "-- the same run scored by score_run.py"
"$newsdex" --index "$work/latimes-index" eval --topics "$trec/topics.txt" --qrels "$trec/qrels.txt" --print-run >"$work/run.txt"
python3 "$trec/score_run.py" "$trec/qrels.txt" "$work/run.txt"
echo "-- with --expand (RM3)"
"$newsdex" --index "$work/latimes-index" eval --topics "$trec/topics.txt" --qrels "$trec/qrels.txt" --expand
echo "== HTML article bodies: article-extraction benchmark dev pages (bar F1 >= 0.95; regex scan before rs-trafilatura 0.859)"
# The reading alone (examples/html_bodies), scored by the benchmark's score_html.py; prints P, R, F1 and pages/s.
scripts/score_html_pages.sh "$shared/article-html"
