#!/usr/bin/env bash
# The probes of issue 10 (data safety, hostile input), each printing its command, the first lines
# of its output and its exit code: BIN=path/to/newsdex scripts/probe_data_safety.sh (any build, old or new).
set -u
BIN=${BIN:?}
W=$(mktemp -d); cd "$W"
p() { echo "\$ $*" | cut -c1-140; "$@" 2>&1 | head -${LINES_SHOWN:-3} | cut -c1-220; echo "  -> exit ${PIPESTATUS[0]}"; }
mkdir news; printf ' date 2022-01-10 The harbour reopened after the storm, the mayor said.' > news/a.txt
echo "## 1 --rebuild in a folder of md5-named files"
mkdir photos; echo x > photos/d41d8cd98f00b204e9800998ecf8427e.jpg; echo '{}' > photos/meta.json
p $BIN --index photos index --rebuild news; echo "  files left: $(ls photos | tr '\n' ' ')"
echo "## 2 bench --work-dir deletes DIR/newsdex"
mkdir -p work/newsdex; echo mine > work/newsdex/keep.txt
p $BIN bench news --work-dir work --rounds 1 --repeat 1 ; echo "  keep.txt still there: $(test -f work/newsdex/keep.txt && echo yes || echo no)"
echo "## 3 --rebuild of a typo path"
$BIN --index ix index news >/dev/null 2>&1
p $BIN --index ix index --rebuild nwes; p $BIN --index ix query harbour --format jsonl
echo "## 4 the 'Saying that officials' sentence"
mkdir council; printf ' date 1990-04-05 Saying that officials "rushed us to judgment" on a plan, Councilman Bob Smith charged Thursday that the vote was rigged.' > council/c.txt
p $BIN --index ix2 index council
echo "## 5 broken stderr pipe"
mkdir undated; for i in $(seq 1 50); do echo "Undated story $i." > undated/$i.txt; done
$BIN --index ix3 index undated 2>&1 >/dev/null | head -1; echo "  -> exit ${PIPESTATUS[0]}; articles: $($BIN --index ix3 stats --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])' 2>&1)"
echo "## 6 index folder inside the corpus, run twice"
$BIN --index news/index index news >/dev/null 2>&1; p $BIN --index news/index index news
echo "## 7 emptied corpus folder"
mkdir four; for i in 1 2 3 4; do printf " date 2022-01-0$i Story $i." > four/$i.txt; done
$BIN --index ix4 index four >/dev/null 2>&1; rm four/*; p $BIN --index ix4 index four; p $BIN --index ix4 stats --format json
echo "## 8 escape sequences in a title and a newline in a file name"
mkdir evil; printf ' date 2022-01-10 Harbour \033]52;c;SGVsbG8=\007 news \033[2J reopened.' > "evil/a
forged.txt"
$BIN --index ix5 index evil >/dev/null 2>&1; echo "\$ list | cat -v"; $BIN --index ix5 list | cat -v | head -3
$BIN --index ixq index news >/dev/null 2>&1
echo "## 9 9,000 nested parentheses; --limit 4000000000; 4,000 words"
p $BIN --index ixq query "$(printf '(%.0s' $(seq 1 9000))harbour$(printf ')%.0s' $(seq 1 9000))"
p $BIN --index ixq query harbour --limit 4000000000
words=$(for i in $(seq 1 4000); do printf 'w%d ' $i; done); s=$(date +%s.%N); p $BIN --index ixq query "$words"; echo "  took $(echo "$(date +%s.%N) - $s" | bc) s"
echo "## 10 dates outside 1677-2262"
p $BIN --index ixq list --from 0001-01-01 --to 9999-12-31 ; p $BIN --index ixq list --to 3000-01-01
echo "## 11 --commit-every inf, --memory huge, quotes -n 0"
p $BIN --index ix6 index news --commit-every inf; p $BIN --index ix6 index news --memory 18446744073709551615; p $BIN --index ixq quotes -n 0
echo "## 12 non-UTF-8 names"
mkdir latin; printf ' date 2022-01-10 The harbour.' > "latin/caf$(printf '\xe9').txt"; printf ' date 2022-01-10 The bridge.' > "latin/caf$(printf '\xe8').txt"
$BIN --index ix7 index latin >/dev/null 2>&1; echo "  articles: $($BIN --index ix7 stats --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')"
echo "## 13 modes of meta.json"
stat -c '%a %n' ixq/meta.json ixq/*.idx | head -2
echo "## 14 damaged fast fields, then stats"
for f in ixq/*.fast; do python3 -c "import sys; p=sys.argv[1]; b=bytearray(open(p,'rb').read()); m=len(b)//2; b[m-8:m]=bytes(x^255 for x in b[m-8:m]); open(p,'wb').write(b)" $f; done
p $BIN --index ixq stats
rm -rf "$W"
