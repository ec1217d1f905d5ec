#!/usr/bin/env python3
"""Converts TREC SGML files (many <DOC> per file) into one JSON file per document, named DOCNO.json,
holding {"title": HEADLINE, "date": YYYY-MM-DD, "body": TEXT}: newsdex's JSON reader indexes them, and
`newsdex eval` maps each hit back to its DOCNO through the file stem. A stopgap until newsdex reads TREC
SGML itself; the output is copyrighted text, so write it to a temporary folder, never into the repo.

  trec_to_json.py DOCS_DIR OUT_DIR"""
import html, json, os, re, sys
from datetime import datetime

DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
TAG = re.compile(r"<[^>]+>")


def element(doc, name):
    match = re.search(rf"<{name}>(.*?)</{name}>", doc, re.S)
    if not match:
        return ""
    return match.group(1)


def paragraphs(raw):
    parts = re.split(r"</?P>", raw)
    cleaned = [" ".join(html.unescape(TAG.sub(" ", part)).split()) for part in parts]
    return "\n\n".join(part for part in cleaned if part)


def day(raw):
    text = " ".join(TAG.sub(" ", raw).split())
    match = re.match(r"([A-Z][a-z]+ \d{1,2}, \d{4})", text)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%B %d, %Y").strftime("%Y-%m-%d")
    except ValueError:
        return None


def main():
    docs_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    for name in sorted(os.listdir(docs_dir)):
        with open(os.path.join(docs_dir, name), encoding="latin-1") as handle:
            text = handle.read()
        for doc in DOC.findall(text):
            docno = element(doc, "DOCNO").strip()
            body = paragraphs(element(doc, "TEXT"))
            if not docno or not body or "/" in docno:
                continue
            title = paragraphs(element(doc, "HEADLINE")).replace("\n\n", " ")
            record = {"title": title, "body": body}
            date = day(element(doc, "DATE"))
            if date:
                record["date"] = date
            with open(os.path.join(out_dir, docno + ".json"), "w", encoding="utf-8") as out:
                json.dump(record, out, ensure_ascii=False)
            written += 1
    print(f"{written} documents written to {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
