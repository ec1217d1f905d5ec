#!/usr/bin/env python3
"""Writes the articles of a newsdex dev set as plain-text files, from ../shared.

  materialize.py GOLD.jsonl SHARED_DIR OUT_DIR

Each gold line names its source instead of holding the text (most news text
may not be copied into the repository):
  "source": {"file": "eval/article-html/ground-truth.json", "key": ID, "start": 0, "end": 2000}
  "source": {"file": "corpora/kremlin-zelenskyy-press-2022/zelenskyy.csv", "link": URL, "start": 0, "end": 1500}
`start`/`end` are character offsets into the body (Python string indices). A CSV
article is written as its headline, a blank line, then the body slice; a
ground-truth body as the slice alone. Writes OUT_DIR/docs/DOC and OUT_DIR/gold.jsonl.
"""
import csv, json, os, sys

csv.field_size_limit(1 << 26)


def body_of(shared, source, cache):
    path = os.path.join(shared, source["file"])
    if path not in cache:
        if path.endswith(".json"):
            cache[path] = {k: ("", v["articleBody"]) for k, v in json.load(open(path, encoding="utf-8")).items()}
        else:
            with open(path, encoding="utf-8", newline="") as f:
                cache[path] = {row["link"]: (row["headline"], row["body"]) for row in csv.DictReader(f)}
    title, body = cache[path][source.get("key") or source["link"]]
    piece = body[source.get("start", 0):source.get("end", len(body))]
    return f"{title}\n\n{piece}" if title else piece


def main():
    gold_path, shared, out = sys.argv[1:4]
    os.makedirs(os.path.join(out, "docs"), exist_ok=True)
    cache = {}
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as gold_out:
        for line in open(gold_path, encoding="utf-8"):
            if not line.strip():
                continue
            record = json.loads(line)
            text = body_of(shared, record["source"], cache)
            with open(os.path.join(out, "docs", record["doc"]), "w", encoding="utf-8") as f:
                f.write(text)
            gold_out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
