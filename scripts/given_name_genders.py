#!/usr/bin/env python3
"""Writes src/extract/quotes/given_name_genders.txt: given names borne almost
only by women or almost only by men, so that `she said` does not stand for
`Donald Trump` nor `he said` for `Stephanie Acs`.

  scripts/given_name_genders.py CENSUS_DIR > src/extract/quotes/given_name_genders.txt

CENSUS_DIR holds the 1990 US Census given-name lists (dist.male.first,
dist.female.first; public domain, shipped in the PyPI package `names`).
A name is kept when it holds at least CENSUS_MIN_PERCENT of one list and at
least RATIO times its share of the other. Names that other languages give to
the other sex (`Andrea Orlando`, `Jean Castex`, `Kim Jong Un`, whose `Kim` is
a surname) and months are left out.
"""
import sys

CENSUS_MIN_PERCENT = 0.004
RATIO = 20
LEFT_OUT = {
    # Given to men in Italian, French, Korean, Slavic or Hebrew usage.
    "andrea", "nicola", "michele", "simone", "daniele", "gabriele", "jean", "kim", "sasha",
    "ariel", "noa", "yan", "karen", "dominique", "claude", "camille", "maxime", "vivian",
    "jan", "lee", "shirley", "evelyn", "carol", "marion", "leslie", "lynn", "robin",
    # Months and words news writes capitalised for other reasons.
    "april", "may", "june", "august", "march", "will", "art", "bill", "rose",
}


def shares(path):
    table = {}
    for line in open(path, encoding="ascii"):
        name, percent = line.split()[:2]
        table[name.lower()] = float(percent)
    return table


def main():
    male = shares(f"{sys.argv[1]}/dist.male.first")
    female = shares(f"{sys.argv[1]}/dist.female.first")
    print("# Given names and the sex that bears them, `f` or `m`; written by")
    print("# scripts/given_name_genders.py from the 1990 US Census lists. Read by")
    print("# `quotes/genders.rs`.")
    for name in sorted(set(male) | set(female)):
        if name in LEFT_OUT or not name.isalpha() or len(name) < 3:
            continue
        as_male, as_female = male.get(name, 0.0), female.get(name, 0.0)
        if as_male >= CENSUS_MIN_PERCENT and as_male >= RATIO * as_female:
            print(f"m {name}")
        elif as_female >= CENSUS_MIN_PERCENT and as_female >= RATIO * as_male:
            print(f"f {name}")


if __name__ == "__main__":
    main()
