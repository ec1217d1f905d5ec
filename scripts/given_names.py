#!/usr/bin/env python3
"""Writes src/extract/entities/given_names.txt: words that are given names
and rarely anything else, for joining a given name the tagger left out to the
surname after it (`Vladimir Putin` where the sentence starts at `Vladimir`).

  scripts/given_names.py CONLL_TRAIN CENSUS_DIR KNOWN_NAMES CORPUS > given_names.txt

- CONLL_TRAIN: CoNLL-2003 train (../shared/eval/conll2003/train.txt); the
  first words of its persons of two words or more are taken, and its other
  tags and lowercase words keep common words and places out;
- CENSUS_DIR: the 1990 US Census given-name lists (dist.male.first,
  dist.female.first; public domain, shipped in the PyPI package `names`);
- KNOWN_NAMES: src/extract/entities/known_names.txt (names with a kind of
  their own: `Virginia`, `Georgia` stay places);
- CORPUS: a folder of news text (../shared/corpora/reuters-financial-2006-2013);
  a name written in lowercase there at least a fifth as often as capitalised
  is a common word too (`Don`, `Cliff`, `Penny`) and is left out.
"""
import os
import re
import collections
import sys

# Articles and particles of other languages that census lists hold as names
# (`Les Echos`, `El Pais`).
FOREIGN_FUNCTION_WORDS = {
    "les", "la", "le", "el", "los", "las", "del", "des", "der", "die", "das", "den", "van", "von",
    "de", "da", "di", "du", "al", "bin", "ibn",
}
MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}
# Share of a census list a name must hold (percent) to count: rarer entries are
# mostly surnames and words (`Hope`, `Summer` are common enough to stay out by
# the lowercase test below).
CENSUS_MIN_PERCENT = 0.004


def conll_counts(path):
    first, per, other, inside, lower = (collections.Counter() for _ in range(5))
    sentence = []

    def flush():
        for i, (word, tag) in enumerate(sentence):
            if tag == "B-PER" and i + 1 < len(sentence) and sentence[i + 1][1] == "I-PER":
                first[word.lower()] += 1
            if tag.endswith("PER"):
                per[word.lower()] += 1
            elif tag.startswith("B-"):
                # A name that opens a place or an organisation (`Virginia`).
                other[word.lower()] += 1
            elif tag != "O":
                # Inside one (`Port Elizabeth`, `San Diego`): counted apart.
                inside[word.lower()] += 1
            elif word[:1].islower():
                lower[word.lower()] += 1
        sentence.clear()

    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            flush()
            continue
        sentence.append((parts[0], parts[-1]))
    flush()
    return first, per, other, inside, lower


def census_names(directory):
    names = set()
    for list_name in ("dist.male.first", "dist.female.first"):
        for line in open(f"{directory}/{list_name}", encoding="ascii"):
            name, percent = line.split()[:2]
            if float(percent) >= CENSUS_MIN_PERCENT:
                names.add(name.lower())
    return names


def known_names(path):
    return {
        line.strip().lower()
        for line in open(path, encoding="utf-8")
        if line.strip() and not line.startswith(("#", "["))
    }


# Files of CORPUS read, which is plenty for word counts.
CORPUS_FILES = 20000


def lowercase_words(directory, names):
    lower, capital = collections.Counter(), collections.Counter()
    paths = sorted(
        os.path.join(root, name) for root, _, files in os.walk(directory) for name in files
    )[:CORPUS_FILES]
    for path in paths:
        with open(path, encoding="utf-8", errors="ignore") as file:
            for word in re.findall(r"[A-Za-z]+", file.read()):
                lowered = word.lower()
                if lowered in names:
                    (lower if word[0].islower() else capital)[lowered] += 1
    return {name for name in names if lower[name] >= 3 and lower[name] * 5 >= capital[name]}


def main():
    first, per, other, inside, lower = conll_counts(sys.argv[1])
    candidates = set(first) | census_names(sys.argv[2])
    excluded = known_names(sys.argv[3]) | MONTHS_AND_DAYS | FOREIGN_FUNCTION_WORDS
    candidates -= lowercase_words(sys.argv[4], candidates)
    keep = sorted(
        name
        for name in candidates
        if name.isalpha()
        and len(name) > 1
        and name not in excluded
        and lower[name] == 0
        and other[name] <= max(1, per[name] // 3)
        and inside[name] <= per[name]
    )
    print("# Given names, one a line, lowercase; written by scripts/given_names.py from")
    print("# CoNLL-2003 train and the 1990 US Census lists (see the script). Read by")
    print("# `given_names.rs`. Words that are also common words or places are left out.")
    print("\n".join(keep))


if __name__ == "__main__":
    main()
