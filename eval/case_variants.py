#!/usr/bin/env python3
"""Writes every prepared article of a dev set again in headline case, to score the
entity tagger on text whose capitals say nothing (headlines, shouted wire copy, lists).

  case_variants.py upper|title DOCS_DIR OUT_DIR

`upper` writes the whole text in capitals, `title` capitalizes every word's first
letter. Only ASCII letters change, so every length and offset holds, and the
gold file of DOCS_DIR scores OUT_DIR unchanged (the scorer compares names
case-folded).
"""
import os
import re
import sys


def upper(text):
    return "".join(c.upper() if "a" <= c <= "z" else c for c in text)


def title(text):
    return re.sub(r"\b[a-z]", lambda m: m.group(0).upper(), text)


def main():
    mode, docs, out = sys.argv[1:4]
    change = {"upper": upper, "title": title}[mode]
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(docs)):
        with open(os.path.join(docs, name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(change(text))


if __name__ == "__main__":
    main()
